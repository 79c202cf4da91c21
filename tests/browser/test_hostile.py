"""A document's words are text, whatever they hold: markup in a document is shown as written in every page a
browser renders, and runs nothing."""

from __future__ import annotations

import pytest

from tests.browser.pages import ask_path
from tests.helpers import indexed_corpus

SCRIPT = "<script>window.pwned = 1</script>"
IMAGE = '<img src="x" onerror="window.pwned = 2">'
HOSTILE = {
    f"<b>Bold<b> {IMAGE}.txt":
        f"Harbour <i>notes</i> {IMAGE}\n\nby Ann Lee\n\nThe harbour wall was rebuilt with granite {SCRIPT} after the "
        f"winter storms destroyed the old stone pier {IMAGE} and the quay.\n\nFishing boats returned at dawn "
        "and the fish market reopened on the quay for the first time in months.\n",
}


@pytest.fixture(scope="module")
def hostile_quoth(tmp_path_factory, encoder):
    return indexed_corpus(tmp_path_factory.mktemp("hostile"), HOSTILE, encoder)


@pytest.fixture(scope="module")
def hostile_url(hostile_quoth):
    from quoth.bot.web import WebService
    from tests.web import serving

    service = WebService(hostile_quoth)
    with serving(service) as url:
        yield url
    service.close()


def test_markup_in_a_document_is_shown_as_text(browsing, hostile_quoth, hostile_url):
    browsing.base_url = hostile_url
    page = browsing.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    browsing.visit(page, ask_path("When was the harbour wall rebuilt with granite?"), "answers")
    quote = page.locator(".quote-card blockquote.quote-text").first.inner_text()
    assert SCRIPT in quote and IMAGE in quote  # the very characters, as text
    page.locator(".quote-card a.action-context").first.click()
    page.wait_for_url("**/read?*")
    browsing.snap(page, "read")
    assert SCRIPT in page.locator("mark#quoted").inner_text()
    browsing.visit(page, "/sources", "sources")
    [doc] = hostile_quoth.sources()
    shown = page.locator("table.sources").inner_text()
    assert IMAGE in doc.source.title and doc.source.title in shown
    assert page.evaluate("window.pwned") is None and not dialogs
    assert page.locator("script:not([src]), img[src='x'], b, i").count() == 0  # no element came from the text
