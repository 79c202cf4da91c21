"""Hostile requests found by the security review: each once answered 500 (a traceback in the log) or leaked,
and must now be a clear 4xx in the API's or the page's shape."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HUGE = 2**63  # one past SQLite's largest INTEGER: the look-up itself used to raise OverflowError


def first_doc(api_client) -> str:
    return api_client.get("/api/v1/sources").json()["sources"][0]["path"]


@pytest.mark.parametrize("start, end", [(HUGE, HUGE + 1), (0, HUGE), (10**30, 10**30)])
def test_offsets_past_any_document_are_400_in_the_api(api_client, start, end):
    r = api_client.get("/api/v1/context", params={"doc": first_doc(api_client), "start": start, "end": end})
    assert r.status_code == 400, r.text
    message = r.json()["error"]["message"]
    assert message.startswith(("start: must be between 0 and", "end: must be between 0 and")), message


@pytest.mark.parametrize("start, end", [(HUGE, HUGE + 1), (0, HUGE), (-HUGE - 1, 0)])
def test_offsets_past_any_document_are_400_on_the_quote_page(api_client, start, end):
    r = api_client.get("/quote", params={"doc": first_doc(api_client), "start": start, "end": end})
    assert r.status_code == 400, r.text[:300]
    assert ": must be between 0 and 1000000000000" in r.text and "internal error" not in r.text


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


# Fuzzing: any value in any parameter of any GET route, and any Accept-Language, is an answer below 500 (503 only
# for the server's own state). It found the /quote offsets above (a 500 for a quarter of its examples).
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60) | st.sampled_from(
    ["", " ", "..", "../", "\x00", "%00", "/etc/passwd", "9" * 30, "-1", "NaN", "1e9", "[]", "{}", "null"])
EDGES = st.sampled_from([2**63, -(2**63) - 1, 10**30, -1])  # past SQLite's 64-bit INTEGER, both ways
NUMBER = (st.integers(min_value=-(2**70), max_value=2**70) | EDGES).map(str) | TEXT
ROUTES = [("/api/v1/ask", {"q": TEXT, "k": NUMBER, "source": TEXT, "speaker": TEXT, "offset": NUMBER, "lang": TEXT}),
          ("/api/v1/search", {"q": TEXT, "k": NUMBER, "offset": NUMBER}),
          ("/api/v1/verify", {"text": TEXT, "speaker": TEXT}),
          ("/api/v1/speakers", {"name": TEXT}),
          ("/api/v1/context", {"doc": TEXT, "start": NUMBER, "end": NUMBER, "before": NUMBER, "after": NUMBER}),
          ("/api/v1/document", {"doc": TEXT}),
          ("/api/v1/random", {"speaker": TEXT, "source": TEXT}),
          ("/", {"q": TEXT, "k": NUMBER, "source": TEXT, "speaker": TEXT, "offset": NUMBER}),
          ("/check", {"text": TEXT, "speaker": TEXT}),
          ("/read", {"doc": TEXT, "start": NUMBER, "end": NUMBER}),
          ("/quote", {"doc": TEXT, "start": NUMBER, "end": NUMBER, "best": TEXT})]


@st.composite
def hostile_gets(draw):
    path, params = draw(st.sampled_from(ROUTES))
    # Half the time every parameter (a route answers only when its required ones are all there), else some.
    chosen = sorted(params) if draw(st.booleans()) else draw(st.lists(st.sampled_from(sorted(params)), unique=True))
    return path, {name: draw(params[name]) for name in chosen}, draw(TEXT)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hostile_gets())
def test_no_get_parameter_makes_a_500(api_client, request_):
    path, params, lang = request_
    header = lang.replace("\r", "").replace("\n", "").encode("utf-8")  # what a client can put in a header
    r = api_client.get(path, params=params, headers={"accept-language": header})
    assert r.status_code < 500 or r.status_code == 503, (path, params, lang, r.status_code, r.text[:300])
    assert "Traceback" not in r.text


@pytest.mark.parametrize("path, location", [("/sources/", "/sources"), ("/static", "/static/"),
                                            ("/api/v1/ask/?q=harbour", "/api/v1/ask?q=harbour")])
def test_a_slash_redirect_does_not_send_the_client_to_the_host_it_claimed(api_client, path, location):
    # Starlette built an absolute Location from the Host header: a forged Host (a cache poisoner's) chose where
    # every later reader of that cached redirect went.
    r = api_client.get(path, headers={"host": "evil.example"}, follow_redirects=False)
    assert r.status_code == 307
    assert r.headers["location"] == location


HEADS = ["/", "/sources", "/api/v1/health", "/api/v1/sources", "/static/quoth.css"]


def test_head_answers_as_get_without_a_body(web_quoth):
    # Every GET route answered HEAD with 405 (FastAPI routes list GET only): an uptime check that sends HEAD saw
    # the app as broken. A real server, as uvicorn frames a HEAD answer.
    import httpx

    from quoth.bot.config import WebSettings
    from quoth.bot.web import WebService
    from tests.web import serving

    service = WebService(web_quoth, WebSettings(rate_per_minute=1_000_000, rate_burst=1_000_000))
    try:
        with serving(service) as url:
            pairs = [(httpx.get(url + path, timeout=30), httpx.head(url + path, timeout=30)) for path in HEADS]
    finally:
        service.close()
    for path, (get, head) in zip(HEADS, pairs, strict=True):
        assert get.status_code == head.status_code == 200, (path, head.status_code)
        assert head.content == b""
        assert head.headers["content-type"] == get.headers["content-type"]
        assert head.headers["content-security-policy"] == get.headers["content-security-policy"]


@pytest.mark.parametrize("route", ["/api/v1/verify", "/check"])
def test_a_message_quoting_more_stretches_than_a_batch_may_hold_is_refused_before_any_check(api_client, route):
    # 51 quoted stretches would be 51 searches holding one worker for seconds; the batch form's bound applies.
    from quoth.verify.verifier import MAX_CLAIMS

    text = " ".join(f'"stretch number {n} of words"' for n in range(MAX_CLAIMS + 1))
    res = api_client.get(route, params={"text": text})
    assert res.status_code == 400
    message = res.json()["error"]["message"] if route.startswith("/api") else res.text
    assert f"quotes {MAX_CLAIMS + 1} stretches: check at most {MAX_CLAIMS} at once" in message
    text = " ".join(f'"stretch number {n} of words"' for n in range(3))
    assert api_client.get(route, params={"text": text}).status_code == 200
