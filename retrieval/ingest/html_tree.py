"""An HTML page read as a tree: its text blocks, and its comments with their authors and nesting.

lxml (trafilatura's own parser) reads the tree; the walk is small because only the shapes that matter to
attribution are read: block elements in document order, and comment markup (WordPress ``li.comment`` with
``.comment-author .fn``, schema.org ``Comment`` with ``author``/``text``, and the like).
"""

from __future__ import annotations

import re

from lxml import html as lxml_html
from lxml.etree import ParserError

BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "dd", "dt", "figcaption", "td",
              "th", "cite", "address"}
SKIP_TAGS = {"nav", "header", "footer", "aside", "script", "style", "form", "noscript", "svg", "button", "select",
             "template", "iframe"}
SKIP_CLASS = re.compile(r"\b(nav|menu|footer|sidebar|cookie|share|sharing|social|breadcrumbs?|related|advert|ad|"
                        r"comments?|comment-list|respond|subscribe)\b", re.IGNORECASE)
COMMENT_CLASS = re.compile(r"(^|\s)(comment|comment-item|comment-body|js-comment|post-comment)(\s|$)")
AUTHOR_PATHS = (".//*[contains(concat(' ', normalize-space(@class), ' '), ' fn ')]",
                ".//*[@itemprop='author']//*[@itemprop='name']", ".//*[@itemprop='author']",
                ".//*[contains(@class, 'comment-author')]", ".//*[contains(@class, 'author')]")
TEXT_PATHS = (".//*[contains(@class, 'comment-content')]", ".//*[@itemprop='text']",
              ".//*[contains(@class, 'comment-text')]", ".//*[contains(@class, 'comment-body')]")


# lxml refuses a str that declares its own encoding ("Unicode strings with encoding declaration are not
# supported"): XHTML pages such as UK Hansard's open with one. The text is decoded already, so it goes.
XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>", re.IGNORECASE)


def parse(raw: str):
    try:
        return lxml_html.fromstring(XML_DECLARATION.sub("", raw, count=1))
    except (ParserError, ValueError):
        return None


def _text(el) -> str:
    return " ".join(el.text_content().split())


def own_blocks(tree) -> list[str]:
    """The page's text blocks in order, page chrome and comments left out."""
    out: list[str] = []
    body = tree.find("body")
    _walk(body if body is not None else tree, out)
    return out


def _walk(el, out: list[str]) -> None:
    if not isinstance(el.tag, str) or el.tag in SKIP_TAGS or SKIP_CLASS.search(f"{el.get('class', '')} "
                                                                                 f"{el.get('id', '')}"):
        return
    if el.tag in BLOCK_TAGS and not any(isinstance(d.tag, str) and d.tag in BLOCK_TAGS for d in el.iterdescendants()):
        text = _text(el)
        if text:
            out.append(text)
        return
    for child in el:
        _walk(child, out)


def without_comments(tree):
    """A copy of the page with its comment elements removed."""
    import copy

    page = copy.deepcopy(tree)
    for el in _comments(page):
        if el.getparent() is not None:
            el.getparent().remove(el)
    return page


def _comments(tree) -> list:
    """Comment elements in document order: the outermost element of each comment (its inner parts often carry
    "comment" classes too), replies included."""
    found = [el for el in tree.iter() if isinstance(el.tag, str) and (
        COMMENT_CLASS.search(el.get("class", "")) or "Comment" in el.get("itemtype", "")
        or el.get("itemprop") == "comment")]
    author_of = {el: _first(el, AUTHOR_PATHS) for el in found}
    out = []
    for el in found:
        parent = next((a for a in el.iterancestors() if a in author_of), None)
        if author_of[el] is None or (parent is not None and author_of[parent] is author_of[el]):
            continue  # no author, or a part of its parent comment rather than a reply to it
        out.append(el)
    return out


def _first(el, paths: tuple[str, ...]):
    for path in paths:
        for hit in el.xpath(path):
            if _text(hit):
                return hit
    return None


def comment_thread(tree) -> str:
    """The page's comments as ``Name says:`` headers, indented one step per reply level; "" without markup."""
    comments = _comments(tree)
    lines: list[str] = []
    for el in comments:
        author = _first(el, AUTHOR_PATHS)
        replies = [c for c in comments if c is not el and el in c.iterancestors()]
        body = _first(el, TEXT_PATHS)
        text = _comment_text(body if body is not None and body not in replies else el, author, replies)
        if not text:
            continue
        pad = "  " * (1 + sum(1 for a in el.iterancestors() if a in comments))
        name = re.sub(r"\s+(says|said|wrote):?$", "", _text(author), flags=re.IGNORECASE)
        lines += [f"{pad}{name} says:", ""] + [f"{pad}  {p}" for p in text] + [""]
    return "Comments\n\n" + "\n".join(lines).rstrip() if lines else ""


def _comment_text(el, author, replies: list) -> list[str]:
    """The comment's paragraphs: not its author line, nor its replies' words. A paragraph inside ``<blockquote>``
    (the commenter quoting the post or another commenter) is written ``> …``, as quoted text is, so the comment
    reader keeps it apart from the commenter's own words."""
    paras = []
    for p in el.iter("p", "blockquote"):
        inside = [p, *p.iterancestors()]
        if author in inside or any(r in inside for r in replies) or p in author.iterdescendants():
            continue
        if p.tag == "blockquote" and any(True for _ in p.iter("p")):
            continue  # its paragraphs are read one by one
        text = _text(p)
        if text:
            quoted = p.tag == "blockquote" or any(a.tag == "blockquote" for a in p.iterancestors())
            paras.append(f"> {text}" if quoted else text)
    return paras
