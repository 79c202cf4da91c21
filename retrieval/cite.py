"""A quote as people cite it: a plain line to paste anywhere, and the same as a Markdown link."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote as percent

from .records import SourceInfo


@dataclass(frozen=True)
class Citation:
    plain: str  # “quote” — Speaker, *Title*, Site, date, at, URL
    markdown: str  # [“quote” — Speaker, Title](URL), or the plain line when there is no URL


def cite(text: str, who: str | None, source: SourceInfo, at: str | None = None) -> Citation:
    """``text`` (a verbatim quote) credited to ``who`` (a reader's label: "Ann Lee (comment)") in ``source``."""
    quote = "“" + " ".join(text.split()).strip("“”\"") + "”"
    title = source.title or source.path
    parts = [p for p in (f"*{title}*", source.site, source.date, at) if p]
    head = f"{quote} — {who or 'Unknown speaker'}"
    # The plain line keeps the page's own address (papers and archives cite pages); the link opens at the quote.
    plain = ", ".join([head, *parts, *([source.url] if source.url else [])])
    link = quote_link(source.url, text) if source.url else None
    if link and link.startswith(("http://", "https://")):
        inner = ", ".join([head, title.replace("]", ")").replace("[", "("), *parts[1:]]).replace("]", ")")
        return Citation(plain, f"[{inner}]({link})")
    return Citation(plain, plain)


FRAGMENT_WORDS = 4  # words at each end of a long quote that a text fragment names (start,end)


def quote_link(url: str, text: str) -> str:
    """``url`` opening at ``text`` and highlighting it (a text fragment, ``#:~:text=start,end``), for a web page.
    Browsers without text fragments open the page as before. Long quotes are named by their first and last
    words: the page's own text may wrap or space them differently, and the words match anyway."""
    if not url.startswith(("http://", "https://")) or "#:~:" in url:
        return url
    words = text.replace("“", " ").replace("”", " ").split()
    if not words:
        return url
    if len(words) <= 2 * FRAGMENT_WORDS:
        directive = _fragment(" ".join(words))
    else:
        directive = f"{_fragment(' '.join(words[:FRAGMENT_WORDS]))},{_fragment(' '.join(words[-FRAGMENT_WORDS:]))}"
    return f"{url}{'' if '#' in url else '#'}:~:text={directive}"


def _fragment(words: str) -> str:
    # "-", "," and "&" are the directive's own delimiters, so they are escaped too.
    return percent(words, safe="").replace("-", "%2D")
