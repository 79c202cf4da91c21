"""Every page is usable by keyboard and screen reader and lives within the CSP: landmarks, a skip link, a label
on every control, headings in order, ``aria-current`` in the nav, no inline script or style; the stylesheet
has dark and light, focus rings, 44 px targets and a phone-first layout."""

from __future__ import annotations

import itertools

import pytest

from .pages_html import all_of, one, parse

PAGES = {  # route -> the nav item that is current (None: none is)
    "/": "/", "/?q=austerity": "/", "/check": "/check",
    "/check?text=%E2%80%9CPeople+are+fed+up+with+cruel+Tory+austerity%E2%80%9D": "/check",
    "/sources": "/sources", "/speakers": "/speakers", "/speakers/Jeremy%20Corbyn": "/speakers",
    "/read?doc=001_94f8a21a389de7a0.txt&start=1027&end=1308": None,
    "/quote?doc=001_94f8a21a389de7a0.txt&start=1027&end=1308": None,
    "/read?doc=nowhere.txt": None,
}


@pytest.fixture(scope="module")
def client(api_client):
    """These tests send more requests from one address than the rate limit lets through (it has tests of its
    own): the pages are served by the same app without a reachable limit."""
    return api_client


@pytest.fixture(scope="module")
def trees(client):
    out = {}
    for route in PAGES:
        r = client.get(route)
        assert r.status_code == (404 if "nowhere" in route else 200), route
        # Served under the app's CSP, which the markup below must live within.
        assert "script-src 'self'" in r.headers["content-security-policy"], route
        out[route] = parse(r)
    return out


@pytest.mark.parametrize("route", PAGES)
def test_landmarks_skip_link_and_language(trees, route):
    tree = trees[route]
    assert tree.get("lang") == "en"
    first_link = tree.find(".//body").xpath(".//a")[0]
    assert first_link.get("href") == "#main" and first_link.text_content() == "Skip to content"
    assert tree.get_element_by_id("main").tag == "main"
    assert len(tree.xpath("//main")) == 1 and tree.xpath("//header//nav[@aria-label]") and tree.xpath("//footer")
    assert tree.findtext(".//title").strip()
    assert tree.xpath("//link[@rel='icon']/@href") == ["data:,"]  # no /favicon.ico request, no console 404


@pytest.mark.parametrize("route", PAGES)
def test_every_control_is_labelled(trees, route):
    tree = trees[route]
    labels = {label.get("for") for label in tree.iter("label")}
    for control in tree.xpath("//input[not(@type='hidden')] | //textarea | //select"):
        assert control.get("id") in labels or control.get("aria-label"), control.get("name")
    for button in tree.iter("button"):
        assert button.text_content().strip()


@pytest.mark.parametrize("route", PAGES)
def test_headings_in_order(trees, route):
    levels = [int(h.tag[1]) for h in trees[route].xpath("//h1|//h2|//h3|//h4|//h5|//h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels


@pytest.mark.parametrize("route", PAGES)
def test_the_current_nav_item(trees, route):
    current = trees[route].xpath("//nav//a[@aria-current='page']/@href")
    assert current == ([PAGES[route]] if PAGES[route] else [])


@pytest.mark.parametrize("route", PAGES)
def test_nothing_inline_that_the_csp_forbids(trees, route):
    tree = trees[route]
    assert all(s.get("src") and not (s.text or "").strip() for s in tree.iter("script"))
    assert not list(tree.iter("style")) and not tree.xpath("//@style")
    assert not [a for e in tree.iter() if isinstance(e.tag, str) for a in e.attrib if a.startswith("on")]


def test_the_errors_are_alerts(trees):
    alert = one(trees["/read?doc=nowhere.txt"], "p", "error")
    assert alert.get("role") == "alert"


def test_the_quoted_passage_is_current(trees):
    tree = trees["/read?doc=001_94f8a21a389de7a0.txt&start=1027&end=1308"]
    assert [s.get("id") for s in tree.xpath("//section[@aria-current='true']")] == ["p-1027-1308"]
    assert all_of(tree, "mark", "quoted")[0].get("id") == "quoted"


def test_the_stylesheet_and_script_are_served_and_cover_the_basics(client):
    css = client.get("/static/quoth.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    for needed in ("prefers-color-scheme: dark", ":focus-visible", "min-height: 44px", "min-width: 44px",
                   "max-width: 48rem", "color-scheme: light dark"):
        assert needed in css.text, needed
    js = client.get("/static/quoth.js")
    assert js.status_code == 200 and "navigator.clipboard" in js.text and "button.hidden = false" in js.text
