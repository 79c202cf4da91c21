"""A forum thread saved as HTML (XenForo, phpBB, vBulletin, Discourse): its posts, each under its poster's name.

The main-text extractor runs a thread's posts together and loses who wrote what, and a quoted reply (a
``<blockquote>`` under "Ann said:" / "Ann wrote:" / "Originally Posted by Ann") becomes the replier's words. So a
page whose markup shows posts is rendered here as the text the forum reader reads:

    Post by Hearth_and_Home » 2024-01-10
    [quote="Crumbly_Crust"]
    I keep it by the window.
    [/quote]
    The window is too cold at night.

each post under its poster's header, each quotation in BBCode under the name the markup gives it (a quote
without one is ``[quote]``): the forum reader gives quoted words to the person quoted, never to the replier.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

MIN_POSTS = 2
# (post container, poster's name inside it, the post's words inside it), per forum software.
POSTS = (
    ("//article[@data-author]", "@data-author", ".//*[contains(@class, 'bbWrapper')]"),  # XenForo 2
    ("//*[contains(concat(' ', @class, ' '), ' post ') and .//*[contains(@class, 'postbody')]]",
     ".//*[contains(@class, 'author')]//*[contains(@class, 'username')]", ".//*[@class='content']"),  # phpBB
    ("//*[contains(@class, 'postcontainer')]", ".//*[contains(@class, 'username')]",
     ".//*[contains(@class, 'postcontent')]"),  # vBulletin
    ("//*[contains(@class, 'topic-post')]", ".//*[contains(@class, 'username')]",
     ".//*[contains(@class, 'cooked')]"),  # Discourse
    ("//*[contains(@class, 'crawler-post')]", ".//*[@itemprop='author']//*[@itemprop='name']",
     ".//*[@itemprop='text']"),  # Discourse's page for readers without scripts
)
# A quotation and who the markup says wrote it: XenForo's data-quote, Discourse's data-username, phpBB's
# <cite>Ann wrote:</cite>, vBulletin's "Originally Posted by Ann", a title line "Ann said:".
QUOTES = "//blockquote | //aside[contains(@class, 'quote')] | //*[contains(@class, 'bbcode_quote')]"
TITLES = (".//cite", ".//*[contains(@class, 'bbCodeBlock-title')]", "./*[contains(@class, 'title')]",
          ".//*[contains(@class, 'bbcode_postedby')]")
TITLE_RE = re.compile(r"^(?:Quote:?\s*)?(?:Originally Posted by\s+)?(?P<name>.{1,40}?)\s*(?:said|wrote|:)?\s*:?"
                      r"\s*(?:↑|⬆|\u2191)?$", re.IGNORECASE)
# A post's own chrome: XenForo's "Click to expand...", scripts, buttons.
CHROME = ".//*[contains(@class, 'expandLink')] | .//script | .//style | .//button | .//noscript"
BLOCK_TAGS = {"p", "div", "li", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "blockquote", "aside",
              "ul", "ol", "table"}


@dataclass(frozen=True)
class Post:
    who: str
    when: str
    words: str


def forum_posts(tree) -> list[Post]:
    """The thread's posts when the page's markup shows them (at least two), else none."""
    for container, name, body in POSTS:
        posts = []
        for el in tree.xpath(container):
            who = _name(el, name)
            found = el.xpath(body)
            if who and found:
                words = _with_quotes(found[0])
                if words:
                    posts.append(Post(who, _when(el), words))
        if len(posts) >= MIN_POSTS:
            return posts
    return []


def render(posts: list[Post]) -> str:
    return "\n\n".join(f"Post by {p.who} » {p.when or f'#{n}'}\n{p.words}" for n, p in enumerate(posts, 1))


def _name(el, path: str) -> str:
    if path.startswith("@"):
        return " ".join(str(el.get(path[1:], "")).split())
    hits = el.xpath(path)
    return " ".join(hits[0].text_content().split()) if hits else ""


def _when(el) -> str:
    times = el.xpath(".//time[@datetime]")
    return str(times[0].get("datetime"))[:16].replace("T", " ") if times else ""


def _with_quotes(body) -> str:
    """The post's words, each quotation in it (innermost first) written in BBCode with its writer's name."""
    body = copy.deepcopy(body)
    for chrome in body.xpath(CHROME):
        chrome.drop_tree()
    for quote in reversed(body.xpath("." + QUOTES.replace(" | //", " | .//"))):
        if quote.getparent() is None or "quote" in str(quote.getparent().get("class", "")).split():
            continue  # Discourse's <blockquote> inside its <aside class="quote">: the aside is the quotation
        who = quote.get("data-quote") or quote.get("data-username") or ""
        # Its title line (nested quotes' titles are gone: the innermost were rewritten first).
        title = next((t for path in TITLES for t in quote.xpath(path)), None)
        if title is not None:
            m = TITLE_RE.match(_title_words(title))
            who = who or (m["name"] if m else "")
            title.drop_tree()
        who = who.split(",")[0].strip().strip("\"'")
        block = body.makeelement("div")
        block.text = f'[quote="{who}"]\n' if who else "[quote]\n"
        block.text += _text(quote) + "\n[/quote]"
        block.tail = quote.tail
        quote.getparent().replace(quote, block)
    return _text(body)


def _title_words(title) -> str:
    """A quote title's words without what follows the name's verb (phpBB's link arrow and date)."""
    words = " ".join(title.text_content().split())
    m = re.search(r"^(.*?\b(?:said|wrote)\s*:)", words, re.IGNORECASE)
    return m.group(1) if m else words


def _text(el) -> str:
    """An element's words, a line per block (paragraph, line break, quotation)."""
    parts: list[str] = []

    def walk(node) -> None:
        if not isinstance(node.tag, str):
            parts.append(node.tail or "")
            return
        block = node.tag in BLOCK_TAGS
        parts.append("\n" if block else "")
        parts.append(node.text or "")
        for child in node:
            walk(child)
        parts.append("\n" if block else "")
        parts.append(node.tail or "")

    walk(el)
    parts[-1:] = [] if el.tail else parts[-1:]  # the element's tail is not its words
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
