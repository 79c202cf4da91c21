"""Every failure is a clear status and one message: JSON under /api/v1, the error page elsewhere; a bug is a 500
that names an id, with the traceback only in the server log under that id."""

from __future__ import annotations

import logging
import re

import pytest
from fastapi import Query
from pydantic import BaseModel
from starlette.testclient import TestClient

from quoth.bot.config import WebSettings
from quoth.bot.web import WebService, create_app
from quoth.bot.web.service import Web
from quoth.errors import BadQuery, IndexMissing, ModelUnavailable

HOSTILE = "<script>alert('x')</script>"


class Claim(BaseModel):
    text: str
    speaker: str | None = None


def failing_routes(app) -> None:
    """Routes that fail the ways a real route can; added to the real app under test."""

    async def bug(web: Web):
        await web.run(lambda: {}["no such key"])

    async def no_model():
        raise ModelUnavailable("the model is not here")

    async def no_index():
        raise IndexMissing("no index yet")

    async def bad(q: str = ""):
        raise BadQuery(f"not a question: {q}")

    async def ranged(k: int = Query(5, ge=1, le=20), offset: int = Query(0, ge=0)):
        return {"k": k, "offset": offset}

    async def claim(body: Claim):
        return {"text": body.text}

    app.add_api_route("/api/v1/test/claim", claim, methods=["POST"])
    for prefix in ("/api/v1/test", "/test"):
        for name, fn in (("bug", bug), ("no-model", no_model), ("no-index", no_index), ("bad", bad),
                         ("ranged", ranged)):
            app.add_api_route(f"{prefix}/{name}", fn)


@pytest.fixture(scope="module")
def errors_client(web_quoth):
    service = WebService(web_quoth, WebSettings())
    app = create_app(service)
    failing_routes(app)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
    service.close()


def api_error(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message", "suggestions"}
    assert body["error"]["status"] == status
    return body["error"]


def test_a_bug_is_a_500_naming_an_id_and_the_traceback_is_only_logged(errors_client, caplog):
    caplog.set_level(logging.ERROR, logger="quoth.web")
    error = api_error(errors_client.get("/api/v1/test/bug"), 500)
    found = re.fullmatch(r"internal error, logged as ([0-9a-f]{8})", error["message"])
    assert found, error
    logged = [r for r in caplog.records if found.group(1) in r.getMessage()]
    assert logged and logged[0].exc_info and logged[0].exc_info[0] is KeyError
    page = errors_client.get("/test/bug")
    assert page.status_code == 500 and "text/html" in page.headers["content-type"]
    assert "internal error, logged as" in page.text
    for response in (page,):
        assert "Traceback" not in response.text and "KeyError" not in response.text


@pytest.mark.parametrize(("path", "status", "words"), [
    ("no-model", 503, "the model is not here"),
    ("no-index", 503, "no index yet"),
    ("bad?q=hm", 400, "not a question: hm"),
])
def test_library_errors_get_their_status_and_message(errors_client, path, status, words):
    assert words in api_error(errors_client.get(f"/api/v1/test/{path}"), status)["message"]
    page = errors_client.get(f"/test/{path}")
    assert page.status_code == status and words in page.text and 'role="alert"' in page.text


@pytest.mark.parametrize(("query", "message"), [
    ("k=0", "k: must be between 1 and 20"),
    ("k=21", "k: must be between 1 and 20"),
    ("k=many", "k: input should be a valid integer, unable to parse string as an integer"),
    ("offset=-1", "offset: must be at least 0"),
])
def test_validation_errors_are_one_readable_line(errors_client, query, message):
    assert api_error(errors_client.get(f"/api/v1/test/ranged?{query}"), 400)["message"] == message
    assert errors_client.get("/api/v1/test/ranged?k=20").json() == {"k": 20, "offset": 0}


def test_unknown_routes_and_methods_keep_the_shape(errors_client):
    assert api_error(errors_client.get("/api/v1/nothing-here"), 404)["message"] == "not found: /api/v1/nothing-here"
    error = errors_client.delete("/api/v1/sources")
    assert api_error(error, 405)["message"] == "Method Not Allowed" and "GET" in error.headers["allow"]
    page = errors_client.get("/nothing/here")
    assert page.status_code == 404 and "not found: /nothing/here" in page.text


def test_a_hostile_message_is_escaped_on_the_page(errors_client):
    page = errors_client.get("/test/bad", params={"q": HOSTILE})
    assert page.status_code == 400
    assert HOSTILE not in page.text and "&lt;script&gt;" in page.text


@pytest.mark.parametrize(("body", "message"), [
    (b'{"text": ', "the request body is not valid JSON"),
    (b"\xff\xfe", "the request body is not valid JSON"),
    (b"[1, 2]", "the request body must be a JSON object"),
    (b'{"speaker": "Ann"}', "text: field required"),
    (b'{"text": 5}', "text: input should be a valid string"),
])
def test_a_bad_json_body_is_one_readable_line(errors_client, body, message):
    got = errors_client.post("/api/v1/test/claim", content=body, headers={"content-type": "application/json"})
    assert api_error(got, 400)["message"] == message
    assert errors_client.post("/api/v1/test/claim", json={"text": "hi"}).json() == {"text": "hi"}
