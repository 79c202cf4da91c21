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


@pytest.fixture(scope="module")
def damaged(tmp_path_factory, encoder):
    """An app over an index whose store was overwritten with junk after it was built (a disk fault)."""
    from starlette.testclient import TestClient

    from quoth import Quoth
    from quoth.bot.config import WebSettings
    from quoth.bot.web import WebService, create_app
    from tests.helpers import HARBOUR_AND_GARDEN, indexed_corpus

    root = tmp_path_factory.mktemp("damaged")
    built = indexed_corpus(root, HARBOUR_AND_GARDEN, encoder)
    stores = list((root / "data").rglob("store.sqlite"))
    assert stores, "the index has no store.sqlite to damage"
    for store in stores:
        store.write_bytes(b"not a database " * 64)
    service = WebService(Quoth(built.settings, encoder=encoder), WebSettings())
    with TestClient(create_app(service), raise_server_exceptions=False) as client:
        yield client, root
    service.close()


@pytest.mark.parametrize("path", ["/api/v1/ask?q=harbour", "/api/v1/health", "/?q=harbour", "/sources"])
def test_a_damaged_index_is_503_naming_the_remedy_but_no_server_folder(damaged, caplog, path):
    client, root = damaged
    r = client.get(path)
    assert r.status_code == 503, r.text[:300]
    assert "quoth index --full" in r.text  # the remedy stays
    assert str(root) not in r.text and str(root.resolve()) not in r.text and "store.sqlite" not in r.text
    assert str(root) in caplog.text  # the operator still finds the file in the server log
