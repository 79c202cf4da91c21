"""Hostile requests found by the security review: each once answered 500 (a traceback in the log) or leaked,
and must now be a clear 4xx in the API's or the page's shape."""

from __future__ import annotations

import pytest

HUGE = 2**63  # one past SQLite's largest INTEGER: the look-up itself used to raise OverflowError


def first_doc(api_client) -> str:
    return api_client.get("/api/v1/sources").json()["sources"][0]["path"]


@pytest.mark.parametrize("start, end", [(HUGE, HUGE + 1), (0, HUGE), (10**30, 10**30)])
def test_offsets_past_any_document_are_400_in_the_api(api_client, start, end):
    r = api_client.get("/api/v1/context", params={"doc": first_doc(api_client), "start": start, "end": end})
    assert r.status_code == 400, r.text
    message = r.json()["error"]["message"]
    assert message.startswith(("start: must be between 0 and", "end: must be between 0 and")), message


@pytest.mark.parametrize("start, end", [(HUGE, HUGE + 1), (0, HUGE)])
def test_offsets_past_any_document_are_400_on_the_quote_page(api_client, start, end):
    r = api_client.get("/quote", params={"doc": first_doc(api_client), "start": start, "end": end})
    assert r.status_code == 400, r.text[:300]
    assert ": must be at most 1000000000000" in r.text and "internal error" not in r.text
