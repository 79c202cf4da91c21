"""Bad input to the API: a 4xx with one clear message (the CLI's where it has one), in the API's error shape,
never a 500 or a traceback; names that match nothing come with the closest that exist."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter

from quoth.bot.web import schemas
from quoth.errors import BadQuery


def refused(resp, status: int) -> dict:
    """The error body of ``resp``, after checking its status and shape."""
    assert resp.status_code == status, resp.text
    body = resp.json()
    TypeAdapter(schemas.Error).validate_python(body)
    assert body["error"]["status"] == status
    assert "Traceback" not in resp.text and "File \"" not in resp.text
    return body["error"]


def library_message(fn, *args, **kwargs) -> str:
    with pytest.raises(BadQuery) as caught:
        fn(*args, **kwargs)
    return str(caught.value)


@pytest.mark.parametrize("path", ["/api/v1/ask", "/api/v1/search"])
def test_empty_question_gets_the_cli_message(api_client, web_quoth, path):
    for q in ("", "   \n "):
        err = refused(api_client.get(path, params={"q": q}), 400)
        assert err["message"] == library_message(web_quoth.ask, q)
        assert err["message"].startswith("the question is empty")
    assert refused(api_client.get(path), 400)["message"].startswith("the question is empty")


@pytest.mark.parametrize("params, words", [
    ({"k": 0}, "k: must be between 1 and 20"), ({"k": 21}, "k: must be between 1 and 20"),
    ({"k": "three"}, "k: "), ({"offset": -1}, "offset: must be between 0 and 100"),
    ({"offset": 101}, "offset: must be between 0 and 100"), ({"q": "x" * 1001}, "q: "),
    ({"lang": "x" * 40}, "lang: "), ({"source": "s" * 201}, "source: "),
])
def test_options_out_of_range_name_the_option(api_client, params, words):
    err = refused(api_client.get("/api/v1/ask", params={"q": "strike", **params}), 400)
    assert err["message"].startswith(words)
    assert "\n" not in err["message"] and len(err["message"]) < 200


def test_unknown_source_and_speaker_come_with_suggestions(api_client, web_quoth):
    err = refused(api_client.get("/api/v1/ask", params={"q": "strike", "speaker": "Jeremy Corbin"}), 400)
    assert err["message"] == library_message(web_quoth.ask, "strike", speaker="Jeremy Corbin")
    assert "Jeremy Corbyn" in err["suggestions"] and "did you mean" in err["message"]
    err = refused(api_client.get("/api/v1/search", params={"q": "strike", "source": "Movment, Not the Machin"}), 400)
    assert err["suggestions"] == ["For the Movement, Not the Machine: Message From Jeremy"]
    err = refused(api_client.get("/api/v1/random", params={"speaker": "Nick Clerk"}), 400)
    assert err["suggestions"][0] == "Nick Clark"
    err = refused(api_client.get("/api/v1/speakers", params={"name": "Nick Clerk"}), 404)
    assert err["suggestions"][0] == "Nick Clark" and "no speaker matches 'Nick Clerk'" in err["message"]
    # Nothing close: no suggestions, and the message says where to look.
    err = refused(api_client.get("/api/v1/ask", params={"q": "strike", "source": "zzzzzzqqq"}), 400)
    assert err["suggestions"] == [] and err["message"].startswith("no source matches 'zzzzzzqqq'")


def test_errors_in_the_reply_language_where_the_catalog_has_them(api_client):
    err = refused(api_client.get("/api/v1/ask", params={"q": "", "lang": "fr"}), 400)
    assert err["message"].startswith("Je ne peux pas chercher cela : the question is empty")
    err = refused(api_client.post("/api/v1/verify", json={"text": "hi"}, headers={"Accept-Language": "fr"}), 400)
    assert err["message"] == "Je ne peux pas vérifier cela : give me at least a few words to look for."
    err = refused(api_client.get("/api/v1/random", params={"speaker": "Nick Clerk", "lang": "fr"}), 400)
    assert err["message"].startswith("Je ne peux pas choisir là-dedans : no speaker matches")
    assert err["suggestions"][0] == "Nick Clark"


def test_too_short_claims(api_client, web_quoth):
    message = library_message(web_quoth.verify, "hi")
    assert refused(api_client.get("/api/v1/verify", params={"text": "hi"}), 400)["message"] == message
    assert refused(api_client.post("/api/v1/verify", json={"text": "hi"}), 400)["message"] == message
    err = refused(api_client.post("/api/v1/verify", json={"claims": ["the government invited unions in", "hi"]}),
                  400)
    assert err["message"] == f"claim 2: {message}"


@pytest.mark.parametrize("body, words", [
    ({}, "give either text"), ({"text": "some words here", "claims": ["more words here"]}, "give either text"),
    ({"claims": []}, "claims: give at least one claim"),
    ({"claims": ["the government invited unions in for talks"] * 51}, "claims: at most 50 claims at once (got 51)"),
    ({"claims": ["word " * 900]}, "claims: claim 1 is 4500 characters long; at most 4000"),
    ({"text": "word " * 900}, "text: "), ({"text": 42}, "text: "), ({"claims": "one claim"}, "claims: "),
    ({"claims": [1, 2]}, "claims.0: "), ({"text": "words of a claim", "speaker": ["a"]}, "speaker: "),
    ({"text": "words of a claim", "extra": 1}, "extra: "), ([1, 2], ""),
])
def test_bad_verify_bodies(api_client, body, words):
    err = refused(api_client.post("/api/v1/verify", json=body), 400)
    assert err["message"].startswith(words)


@pytest.mark.parametrize("raw, content_type", [
    (b'{"text": "unfinished', "application/json"), (b"\xff\xfe{}", "application/json"),
    (b"", "application/json"), (b"text=hello", "application/x-www-form-urlencoded"),
])
def test_malformed_bodies_are_400(api_client, raw, content_type):
    refused(api_client.post("/api/v1/verify", content=raw, headers={"Content-Type": content_type}), 400)


def test_oversized_body_is_413_before_it_is_read(api_client):
    big = '{"text": "' + "a" * 70_000 + '"}'
    err = refused(api_client.post("/api/v1/verify", content=big, headers={"Content-Type": "application/json"}), 413)
    assert "over 65536 bytes" in err["message"]


def test_a_lone_surrogate_is_refused_as_broken_text(api_client):
    err = refused(api_client.post("/api/v1/verify", content=b'{"text": "words \\ud800 here and more"}',
                                  headers={"Content-Type": "application/json"}), 400)
    assert err["message"].startswith("text: ") and "unicode" in err["message"]


def test_unknown_routes_and_methods_in_the_api_shape(api_client):
    assert refused(api_client.get("/api/v1/nope"), 404)["message"] == "not found: /api/v1/nope"
    refused(api_client.delete("/api/v1/sources"), 405)
    assert api_client.get("/api/v2/ask", params={"q": "x"}).status_code == 404  # not the API: the 404 page


def test_context_bounds(api_client):
    doc = "002_7de36ff0ed371e19.txt"
    assert refused(api_client.get("/api/v1/context", params={"doc": doc, "start": 10, "end": 5}), 400)["message"] \
        == "end (5) is before start (10)"
    for params in ({"start": -1, "end": 5}, {"start": 0, "end": 5, "before": 11}, {"start": 0, "end": 5,
                                                                                    "after": -1},
                   {"start": "a", "end": 5}, {"end": 5}):
        refused(api_client.get("/api/v1/context", params={"doc": doc, **params}), 400)
