"""Browsing the collection: the sources with their passage counts, the speakers, and a speaker's own quotes."""

from __future__ import annotations

from quoth.bot.web.pages import SPEAKER_PAGE


def test_sources_then_a_speakers_quotes(browsing, browser_quoth):
    page = browsing.new_page()
    browsing.visit(page, "/sources", "sources")
    rows = page.locator("table.sources tbody tr")
    counts = {r.locator("th").inner_text(): int(r.locator("td.count").inner_text()) for r in rows.all()}
    assert counts == {d.source.title: d.passages for d in browser_quoth.sources()}
    page.locator("nav").get_by_role("link", name="Speakers").click()
    page.wait_for_url("**/speakers")
    browsing.snap(page, "speakers")
    row = page.locator("table.speakers tbody tr", has=page.get_by_role("link", name="Naomi Wimborne-Idrissi",
                                                                          exact=True))
    passages = int(row.locator("td.count").first.inner_text())
    row.get_by_role("link").click()
    page.wait_for_url("**/speakers/*")
    browsing.snap(page, "a speaker")
    speakers = page.locator(".quote-card .quote-speaker").all_inner_texts()
    assert len(speakers) == min(passages, SPEAKER_PAGE) > 1
    assert all(s.startswith("Naomi Wimborne-Idrissi") for s in speakers), speakers
