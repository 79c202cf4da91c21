"""Checking a quote in the page: an altered sentence gets its changed words drawn, and the verdict's permalink
reproduces it."""

from __future__ import annotations

from tests.browser.pages import ALTERED_SENTENCE, REAL_SENTENCE, check_path


def _diff(page) -> dict:
    diff = page.locator("section.verdict p.diff").first
    return {"del": diff.locator("del").all_inner_texts(), "ins": diff.locator("ins").all_inner_texts(),
            "text": diff.inner_text()}


def _words(text: str) -> list[str]:
    return [w for w in (w.strip('.,"“”') for w in text.split()) if w]


def test_an_altered_quote_shows_exactly_the_changed_words(browsing):
    page = browsing.new_page()
    browsing.visit(page, "/check", "check form")
    page.locator("#text").fill(f'"{ALTERED_SENTENCE}"')
    page.locator("#check-form").get_by_role("button").first.click()
    page.wait_for_url("**/check?*")
    browsing.snap(page, "verdict")
    verdict = page.locator("section.verdict")
    assert verdict.count() == 1 and "verdict-altered" in verdict.get_attribute("class")
    diff = _diff(page)
    assert [w.strip() for w in diff["del"]] == ["honest"] and [w.strip() for w in diff["ins"]] == ["reasonable"]
    # Every other word is drawn as it is, equal in both.
    plain = diff["text"].replace("honest", "", 1).replace("reasonable", "", 1)
    assert _words(plain) == _words(REAL_SENTENCE.replace("reasonable", ""))
    assert verdict.locator(".verdict-who").inner_text().startswith("Jeremy Corbyn")
    assert verdict.locator("a.verdict-source").inner_text() == "Jeremy Corbyn (MP for Islington North): posts"


def test_a_verdicts_permalink_reproduces_it(browsing):
    page = browsing.new_page()
    browsing.visit(page, check_path(f'"{ALTERED_SENTENCE}"'), "verdict")
    label, diff = page.locator(".verdict-label").inner_text(), _diff(page)
    href = page.locator("section.verdict a.action-permalink").get_attribute("href")
    other = browsing.new_page()
    browsing.visit(other, href, "permalink")
    assert other.locator(".verdict-label").inner_text() == label and _diff(other) == diff
