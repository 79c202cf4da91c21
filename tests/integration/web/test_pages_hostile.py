"""Hostile documents on the page: markup, event handlers, ``javascript:`` URLs, bidi overrides and zero-width
characters in a document's text and its manifest fields are shown as text — nothing runs, no such link is
emitted, and read-in-place still shows every character exactly once."""

from __future__ import annotations

import pytest
from lxml import html

from tests.helpers import indexed_corpus

from .pages_html import all_of, cards, one, parse, read_text, text

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
BIDI = "\u202etxt.exe\u202c and a zero\u200bwidth\u200djoin"
EVIL = (f"Notes from the meeting {SCRIPT}\n\nby Mallory Stone\n\nThe committee agreed that the harbour wall "
        f"needs repair before the winter storms arrive {IMG} and the budget must cover it.\n\n"
        f"Mallory added that the ferry timetable {BIDI} will change in spring when the new boats come.\n")
SAFE = ("Harbour report\n\nby Ann Lee\n\nThe lighthouse keeper counted forty ships passing the harbour mouth "
        "during the long night of the storm.\n")
MANIFEST = f'''
[[document]]
file = "evil.txt"
title = "{SCRIPT.replace('"', '')} minutes"
author = "Mallory Stone"
site = "<b>site</b>"
url = "javascript:alert(document.cookie)"

[[document]]
file = "web.txt"
title = "Harbour report"
author = "Ann Lee"
url = "https://example.org/harbour?a=1&b=\\"x\\""
'''


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, encoder):
    from starlette.testclient import TestClient

    from quoth.bot.config import WebSettings
    from quoth.bot.web import WebService, create_app

    quoth = indexed_corpus(tmp_path_factory.mktemp("hostile"), {"evil.txt": EVIL, "web.txt": SAFE,
                                                               "sources.toml": MANIFEST}, encoder)
    service = WebService(quoth, WebSettings(rate_per_minute=1_000_000, rate_burst=1_000_000))
    with TestClient(create_app(service)) as client:
        yield quoth, client
    service.close()


def assert_inert(tree: html.HtmlElement) -> None:
    """Nothing in the page can run or load: no script but ours, no element a document smuggled in, no event
    handler or inline style, and every link a same-site path or an http(s) URL."""
    assert [s.get("src") for s in tree.iter("script")] == ["/static/quoth.js"]
    assert not list(tree.iter("img")) and not list(tree.iter("style")) and not list(tree.iter("b"))
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        assert not [a for a in element.attrib if a.lower().startswith("on") or a.lower() == "style"], element.tag
    assert tree.xpath("//link[@rel='icon']/@href") == ["data:,"]  # ours: the empty icon
    for href in tree.xpath("//@href[not(parent::link[@rel='icon'])] | //@src | //@action"):
        assert href.startswith(("/", "#", "https://", "http://")), href
        assert "javascript:" not in href.lower()


def pages(quoth, client) -> dict[str, object]:
    evil = next(d for d in quoth.sources() if d.source.path == "evil.txt")
    idx = quoth.current()
    first = idx.passages_within("evil.txt", 0, 10**9)[0][0]
    return {
        "ask": client.get("/", params={"q": "harbour wall repair budget"}),
        "ask-hostile-question": client.get("/", params={"q": SCRIPT + IMG + " harbour"}),
        "check": client.get("/check", params={"text": f"“the harbour wall needs repair {IMG}”", "speaker": SCRIPT}),
        "read": client.get("/read", params={"doc": evil.source.path}),
        "quote": client.get("/quote", params={"doc": "evil.txt", "start": first.start, "end": first.end}),
        "sources": client.get("/sources"),
        "speakers": client.get("/speakers"),
        "404": client.get("/read", params={"doc": SCRIPT}),
    }


def test_every_page_is_inert(hostile):
    quoth, client = hostile
    for name, r in pages(quoth, client).items():
        assert r.status_code in (200, 404), (name, r.status_code)
        assert_inert(parse(r))


def test_the_hostile_words_are_shown_as_text(hostile):
    quoth, client = hostile
    got = pages(quoth, client)
    assert SCRIPT in text(one(parse(got["sources"]), "table", "sources"))
    asked = cards(parse(got["ask"]))
    assert asked and all(c["source"] == f"{SCRIPT} minutes" for c in asked if "harbour wall" in c["text"])
    assert IMG in text(one(parse(got["read"]), "article", "document"))
    assert SCRIPT in text(parse(got["read"]).find(".//h1"))
    assert parse(got["ask-hostile-question"]).get_element_by_id("q").get("value") == SCRIPT + IMG + " harbour"
    assert parse(got["check"]).get_element_by_id("speaker").get("value") == SCRIPT
    assert SCRIPT in text(one(parse(got["404"]), "p", "error"))


def test_read_keeps_bidi_and_zero_width_characters_exactly(hostile):
    quoth, client = hostile
    full = quoth.current().document_text("evil.txt")
    assert BIDI in full
    article = one(parse(client.get("/read", params={"doc": "evil.txt"})), "article", "document")
    assert read_text(article) == full


def test_a_javascript_url_is_never_a_link_and_a_web_source_gets_a_text_fragment(hostile):
    _, client = hostile
    evil = [c for c in cards(parse(client.get("/", params={"q": "harbour wall repair budget"})))
            if c["permalink"].startswith("/quote?doc=evil.txt")]
    assert evil and all(c["source_href"].startswith("/read?doc=evil.txt&") for c in evil)
    tree = parse(client.get("/", params={"q": "lighthouse keeper counted ships"}))
    links = [a.get("href") for a in all_of(tree, "a", "quote-source")]
    web = [h for h in links if h.startswith("https://example.org/harbour")]
    assert web and all("#:~:text=" in h for h in web)
    for h in links:
        assert h.startswith(("/read?", "https://example.org/harbour")), h
