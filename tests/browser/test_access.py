"""The page for everyone: a phone, the keyboard alone, no JavaScript, dark mode, and no console errors or CSP
violations on any page."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from tests.browser.pages import (
    ALTERED_SENTENCE,
    DEEP_QUESTION,
    STRIKE_QUESTION,
    ask_path,
    check_path,
    colours,
    contrast,
    no_horizontal_scroll,
)

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


def every_page(quoth) -> dict[str, str]:
    """One URL of each kind of page, over the sample corpus."""
    hit = quoth.ask(DEEP_QUESTION)[0]
    span = urlencode({"doc": hit.source.path, "start": hit.start, "end": hit.end})
    return {"ask form": "/", "answers": ask_path(STRIKE_QUESTION), "check": check_path(f'"{ALTERED_SENTENCE}"'),
            "read": f"/read?{span}#quoted", "quote": f"/quote?{span}", "sources": "/sources",
            "speakers": "/speakers", "speaker": f"/speakers/{hit.speaker}"}


def test_a_phone_needs_no_sideways_scrolling(browsing, browser_quoth):
    page = browsing.new_page(**PHONE)
    for label, path in every_page(browser_quoth).items():
        browsing.visit(page, path, label)
        assert no_horizontal_scroll(page), f"{label}: the page is wider than a 360 px phone"
    browsing.visit(page, ask_path(STRIKE_QUESTION), "answers again")
    card = page.locator(".quote-card").first
    size = card.locator("blockquote.quote-text").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    box = card.bounding_box()
    assert size >= 14, f"quote text {size}px on a phone"
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["width"] >= 300, box  # the card fills the width
    card.locator("details.cite > summary").tap()  # a finger, not a mouse
    citation = card.locator("textarea.cite-text").bounding_box()
    browsing.snap(page, "cite tapped", full_page=False)
    assert citation["x"] >= 0 and citation["x"] + citation["width"] <= 360, citation


def _tab_to(page, selector: str, limit: int = 80) -> int:
    """Press Tab until the focused element matches ``selector``; how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return presses
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def test_keyboard_only(browsing):
    page = browsing.new_page()
    browsing.visit(page, "/", "ask form")
    assert _tab_to(page, "a[href='#main']", limit=1) == 1  # the first stop is "Skip to content"
    assert page.evaluate("document.activeElement.innerText").strip().lower().startswith("skip")
    page.keyboard.press("Enter")  # skip the header: the next Tab lands in <main>, on the question
    assert _tab_to(page, "#q", limit=1) == 1
    page.keyboard.type(STRIKE_QUESTION)
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=*")
    assert page.locator(".quote-card").count() > 0
    _tab_to(page, "#quote-1 a.action-context, .quote-card:first-child a.action-context")
    # A visible focus ring: the focused action is outlined (or ringed by a box-shadow).
    ring = page.evaluate("(() => { const s = getComputedStyle(document.activeElement);"
                         " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0"
                         " || s.boxShadow !== 'none'; })()")
    browsing.snap(page, "focus on context")
    assert ring, "the focused Context link shows no focus ring"
    page.keyboard.press("Enter")
    page.wait_for_url("**/read?*#quoted")
    browsing.snap(page, "context")
    assert page.locator("mark#quoted").is_visible()


def test_ask_and_check_work_without_javascript(browsing):
    page = browsing.new_page(java_script_enabled=False)
    browsing.visit(page, "/", "ask form")
    page.locator("#q").fill(STRIKE_QUESTION)
    page.locator("#q").press("Enter")
    page.wait_for_url("**/?q=*")
    browsing.snap(page, "answers")
    card = page.locator(".quote-card").first
    assert card.locator("mark.best").count() == 1
    card.locator("details.cite > summary").click()
    assert card.locator("textarea.cite-text").is_visible() and card.locator("textarea.cite-text").input_value()
    assert card.locator("button.action-copy").is_hidden()  # Copy needs the script: without it, select the text
    browsing.visit(page, "/check", "check form")
    page.locator("#text").fill(f'"{ALTERED_SENTENCE}"')
    page.locator("#check-form").get_by_role("button").first.click()
    page.wait_for_url("**/check?*")
    browsing.snap(page, "verdict")
    assert page.locator("section.verdict p.diff del").all_inner_texts() == ["honest"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_light_and_dark(browsing, scheme):
    page = browsing.new_page(color_scheme=scheme)
    browsing.visit(page, ask_path(STRIKE_QUESTION), f"answers {scheme}")
    background, text = colours(page)  # the page itself, and its body text
    assert (background < 0.2) if scheme == "dark" else (background > 0.7), background
    # Readable: body text, the marked sentence, and the drawn differences of a check, each on what is behind it.
    assert contrast(background, text) >= 4.5 and contrast(*colours(page, "mark.best")) >= 4.5
    browsing.visit(page, check_path(f'"{ALTERED_SENTENCE}"'), f"verdict {scheme}")
    for drawn in ("p.diff del", "p.diff ins"):
        assert contrast(*colours(page, drawn)) >= 4.5, (scheme, drawn, colours(page, drawn))


def test_no_console_errors_or_csp_violations_on_any_page(browsing, browser_quoth):
    # The browsing fixture fails the test on any console error (Chromium reports CSP violations there) or
    # uncaught exception; this visits every kind of page, the error pages too.
    page = browsing.new_page()
    for label, path in every_page(browser_quoth).items():
        browsing.visit(page, path, label)
        assert page.locator("main#main").count() == 1, label
    browsing.visit(page, "/no-such-page", "404", status=404)
    browsing.visit(page, "/read?doc=../../etc/passwd", "unknown doc", status=404)
    browsing.visit(page, "/?q=%20", "empty question", status=400)
    assert page.locator("p.error[role='alert']").count() == 1


def test_a_csp_violation_would_be_caught(chromium, server_url, shot_dirs):
    # The test above is only as good as its listener: an inline script and a style attribute put into a page
    # must be refused by the page's CSP and land in the errors the browsing fixture fails tests on.
    from tests.browser.conftest import Browsing

    b = Browsing(chromium, server_url, "csp-probe", shot_dirs)
    try:
        page = b.new_page()
        b.visit(page, "/", "ask form")
        page.evaluate("""() => {
            document.body.appendChild(Object.assign(document.createElement('script'), {textContent: 'window.x = 1'}));
            document.body.insertAdjacentHTML('beforeend', '<p style="color: red">styled</p>');
        }""")
        assert page.evaluate("window.x") is None  # the inline script did not run
        for _ in range(100):  # console messages arrive asynchronously: wait for both, 5 s at most
            violations = [e for e in b.errors if "Content Security Policy" in e]
            if len(violations) >= 2:
                break
            page.wait_for_timeout(50)
    finally:
        b.close()
    assert any("script" in e for e in violations) and any("style" in e for e in violations), b.errors


def test_what_a_screen_reader_is_told(browsing):
    # Roles and names from Chromium's accessibility tree, not from the HTML source.
    page = browsing.new_page()
    browsing.visit(page, ask_path(STRIKE_QUESTION), "answers")
    for role in ("banner", "navigation", "main", "search"):
        assert page.get_by_role(role).count() >= 1, role
    assert page.get_by_role("search").get_by_role("searchbox", name="Question").input_value() == STRIKE_QUESTION
    cards = page.get_by_role("main").get_by_role("list").filter(has=page.locator(".quote-card")).get_by_role("listitem")
    assert cards.count() == page.locator(".quote-card").count() > 0
    first = cards.first
    assert first.get_by_role("link", name="Context").count() == 1
    assert first.get_by_role("link", name="Permalink").count() == 1
    # A screen reader's list of links tells each card's apart (not "Context, Context, Context").
    for name in ("Context of quote", "Permalink to quote"):
        names = [link.get_attribute("href") for link in page.get_by_role("link", name=name).all()]
        assert len(names) == cards.count() and len(set(names)) == len(names), name
    assert page.get_by_role("link", name="Context of quote 2", exact=True).count() == (cards.count() >= 2)
    first.get_by_text("Cite", exact=True).click()  # a disclosure; inside it a named, read-only text box
    citation = first.get_by_role("textbox", name="Citation")
    assert citation.is_visible() and citation.is_editable() is False and citation.input_value()
    assert page.get_by_role("heading", level=1).count() == 1
