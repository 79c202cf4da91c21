"""Reading the page's HTML in tests as elements (lxml), not as substrings."""

from __future__ import annotations

from lxml import html


def parse(response) -> html.HtmlElement:
    assert response.headers["content-type"].startswith("text/html"), response.headers["content-type"]
    return html.fromstring(response.text)


def all_of(tree: html.HtmlElement, tag: str, cls: str) -> list[html.HtmlElement]:
    """Every ``tag`` (``*`` for any) whose class list holds ``cls``."""
    return tree.xpath(f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]")


def one(tree: html.HtmlElement, tag: str, cls: str) -> html.HtmlElement:
    found = all_of(tree, tag, cls)
    assert len(found) == 1, f"{len(found)} <{tag} class={cls}>"
    return found[0]


def text(element: html.HtmlElement) -> str:
    return element.text_content()


def cards(tree: html.HtmlElement) -> list[dict[str, str]]:
    """Each quote card as what a reader sees of it."""
    out = []
    for li in all_of(tree, "li", "quote-card"):
        out.append({"text": text(one(li, "blockquote", "quote-text")),
                    "speaker": text(one(li, "span", "quote-speaker")),
                    "role": text(one(li, "span", "quote-role")), "source": text(one(li, "a", "quote-source")),
                    "best": [text(m) for m in all_of(li, "mark", "best")],
                    "source_href": one(li, "a", "quote-source").get("href"),
                    "cite": text(one(li, "textarea", "cite-text")),
                    "context": one(li, "a", "action-context").get("href"),
                    "permalink": one(li, "a", "action-permalink").get("href")})
    return out


def read_text(article: html.HtmlElement) -> str:
    """The document text a read-in-place ``<article class="document">`` shows: its passages' words and the
    text between them, in order."""
    pieces = article.xpath("./section/div[@class='passage-text'] | ./div[contains(@class, 'between')]")
    return "".join(text(e) for e in pieces)
