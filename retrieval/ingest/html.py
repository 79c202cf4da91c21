"""HTML pages: the main text (trafilatura), one block per paragraph, and the comment thread as the page's
markup gives it.

The text Quoth stores for a page is rendered here, so passages are slices of it: paragraphs, headings, list
items and quotes are separated by blank lines (segmentation reads blank lines as paragraph breaks). Comment
markup (WordPress, Disqus, schema.org ``Comment``) is rendered as ``Name says:`` headers indented by reply
depth, the shape the comment-thread reader attributes; without such markup, trafilatura's own comment text
is kept. A forum thread's posts, when its markup shows them, are rendered post by post (``html_forum``). Dates
come only from the page's metadata, never from a copyright line. A debate or play whose speakers
are markup (ParlParse, Akoma Ntoso, TEI) saved as ``.html`` goes to the speech-markup reader.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..records import Kind, LayoutHints
from .base import Extracted, LoadReport, SettingsReader, normalise_newlines, text_of
from .html_forum import forum_posts
from .html_forum import render as render_posts
from .html_tree import comment_thread, own_blocks, parse, without_comments
from .sniff import Content
from .speech_xml import SpeechXmlReader, speech_markup


class HtmlReader(SettingsReader):
    suffixes = (".html", ".htm", ".xhtml")
    content = Content.HTML

    def read(self, data: bytes, rel: str, report: LoadReport) -> Iterator[Extracted]:
        if speech_markup(data) is not None:  # a debate or play saved as .html: its speakers are markup
            yield from SpeechXmlReader(self.settings).read(data, rel, report)
            return
        import trafilatura  # imported on first HTML file: it takes a while and many corpora have none

        raw = text_of(data, rel, report)
        if raw is None:
            return
        tree = parse(raw)
        posts = forum_posts(tree) if tree is not None else []
        if posts:  # a forum thread: each post under its poster, each quotation under the person quoted
            meta = _metadata(tree)
            head = f"{meta['title']}\n\n" if meta.get("title") else ""
            yield Extracted(rel, head + render_posts(posts), meta, LayoutHints(kind=Kind.FORUM))
            return
        comments = comment_thread(tree) if tree is not None else ""
        # The main text and the page's metadata come from the page without its comments: a comment is neither
        # the author's words nor the page's date.
        page = without_comments(tree) if comments else (tree if tree is not None else raw)
        text = trafilatura.extract(page, include_comments=not comments, include_tables=True, favor_recall=True,
                                   output_format="txt") or ""
        blocks = [b.strip() for b in normalise_newlines(text).split("\n") if b.strip()]
        if len(blocks) <= 1 and tree is not None:
            # On short pages trafilatura falls back to one run-on line: read the page's blocks instead.
            blocks = own_blocks(page) or blocks
        body = "\n\n".join(blocks)
        yield Extracted(rel, f"{body}\n\n{comments}".strip() if comments else body, _metadata(page))


def _metadata(page) -> dict[str, str | None]:
    import trafilatura

    # extensive=False: no date guessed from the text (a "Copyright 2024" footer became 2024-01-01).
    meta = trafilatura.extract_metadata(page, extensive=False)
    if meta is None:
        return {}
    return {"title": meta.title, "author": meta.author, "site": meta.sitename, "date": meta.date, "url": meta.url}
