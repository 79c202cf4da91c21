"""Asking in the page, as a reader would: the quote cards, Context, Cite → Copy, and a quote's permalink."""

from __future__ import annotations

from tests.browser.pages import DEEP_QUESTION, STRIKE_QUESTION, ask_path, card_facts


def test_asking_shows_quote_cards_with_who_said_it(browsing, browser_quoth):
    page = browsing.new_page()
    browsing.visit(page, "/", "ask form")
    page.get_by_label("Question").fill(STRIKE_QUESTION)
    page.locator("#ask-form").get_by_role("button").first.click()
    page.wait_for_url("**/?q=*")
    browsing.snap(page, "answers")
    cards = page.locator("ol.quotes > li.quote-card")
    hits = browser_quoth.ask(STRIKE_QUESTION)
    assert cards.count() == len(hits) > 0
    for card, hit in zip(cards.all(), hits[:3], strict=False):
        facts = card_facts(card)
        # The words are the passage verbatim, the marked sentence is the library's best sentence.
        assert " ".join(facts["text"].split()) == " ".join(hit.text.split())
        best = hit.text[hit.best_sentence[0]:hit.best_sentence[1]]
        assert [" ".join(b.split()) for b in facts["best"]] == [" ".join(best.split())]
        assert facts["speaker"] == (hit.to_json()["label"] or "unattributed")
        assert facts["source"] == hit.source.title
    assert page.locator("#q").input_value() == STRIKE_QUESTION  # the question stays in the field


def test_context_shows_the_quoted_passage_highlighted_and_in_view(browsing, browser_quoth):
    page = browsing.new_page(viewport={"width": 1280, "height": 720})
    browsing.visit(page, ask_path(DEEP_QUESTION), "answers")
    hit = browser_quoth.ask(DEEP_QUESTION)[0]
    page.locator(".quote-card").first.locator("a.action-context").click()
    page.wait_for_url("**/read?*#quoted")
    browsing.snap(page, "context in the window", full_page=False)
    quoted = page.locator("mark#quoted.quoted")
    assert " ".join(quoted.inner_text().split()) == " ".join(hit.text.split())
    section = page.locator("section.passage[aria-current='true']")
    assert section.count() == 1 and section.get_attribute("id") == f"p-{hit.start}-{hit.end}"
    box = page.evaluate("(() => { const r = document.getElementById('quoted').getBoundingClientRect();"
                        " return {top: r.top, bottom: r.bottom, height: innerHeight, scrolled: scrollY}; })()")
    assert 0 <= box["top"] < box["height"], box  # scrolled into view, not above or below the window
    assert box["scrolled"] > 0, box  # the sample's reply is far down its page: it had to scroll
    speakers = page.locator("section.passage aside.margin-speaker").all_inner_texts()
    assert hit.to_json()["label"] in speakers and len({s for s in speakers if s.strip()}) > 1  # neighbours' too


def test_cite_copy_puts_the_citation_on_the_clipboard(browsing):
    page = browsing.new_page(permissions=["clipboard-read", "clipboard-write"])
    browsing.visit(page, ask_path(STRIKE_QUESTION), "answers")
    card = page.locator(".quote-card").first
    card.locator("details.cite > summary").click()
    citation = card.locator("textarea.cite-text").input_value()
    speaker = card.locator(".quote-speaker").inner_text()
    assert speaker in citation and card.locator(".quote-source").inner_text() in citation
    copy = card.locator("button.action-copy")
    assert copy.is_visible()  # the script un-hid it
    copy.click()
    browsing.snap(page, "copied")
    assert page.evaluate("navigator.clipboard.readText()") == citation


def test_a_quotes_permalink_shows_the_same_quote_in_a_new_page(browsing):
    page = browsing.new_page()
    browsing.visit(page, ask_path(DEEP_QUESTION), "answers")
    card = page.locator(".quote-card").nth(1)
    facts = card_facts(card)
    href = card.locator("a.action-permalink").get_attribute("href")
    assert href.startswith("/quote?")
    other = browsing.new_page()  # a fresh context: nothing carried over from the first page
    browsing.visit(other, href, "permalink")
    assert other.locator(".quote-card").count() == 1
    # The same words, marked sentence (the permalink carries it: it depended on the question), speaker, source.
    assert facts["best"] and card_facts(other.locator(".quote-card")) == facts


def test_more_pages_on_to_further_quotes(browsing):
    page = browsing.new_page()
    browsing.visit(page, ask_path(STRIKE_QUESTION), "answers")
    first = page.locator(".quote-card blockquote.quote-text").all_inner_texts()
    page.locator("a.action-more").click()
    page.wait_for_url("**offset=*")
    browsing.snap(page, "more")
    further = page.locator(".quote-card blockquote.quote-text").all_inner_texts()
    assert further and not set(further) & set(first)
