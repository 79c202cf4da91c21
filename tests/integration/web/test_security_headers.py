"""Every response carries the security headers and no Server header: pages, API, static files, errors, 404s."""

from __future__ import annotations

import httpx
import pytest

from quoth.bot.web.security import CSP
from tests.web import serving

EXPECTED = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "clipboard-write=(self)",
}
PATHS = ["/", "/api/v1/sources", "/static/quoth.css", "/no/such/page", "/api/v1/no-such-endpoint",
         "/static/../../etc/passwd", "/api/v1/openapi.json"]


def assert_secured(response: httpx.Response) -> None:
    for name, value in EXPECTED.items():
        assert response.headers.get(name) == value, (response.url, name)
    assert "server" not in response.headers, response.url


def test_the_csp_forbids_inline_script_and_style():
    directives = dict(part.strip().split(" ", 1) for part in CSP.split(";"))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["default-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in CSP


@pytest.mark.parametrize("path", PATHS)
def test_every_response_is_secured(client, path):
    assert_secured(client.get(path))


def test_a_wrong_method_and_a_500_are_secured_too(client):
    got = client.delete("/api/v1/sources")
    assert got.status_code == 405
    assert_secured(got)


def test_through_a_real_server_there_is_no_server_header(web_quoth):
    from quoth.bot.web import WebService

    service = WebService(web_quoth)
    try:
        with serving(service) as base, httpx.Client(base_url=base, timeout=10) as http:
            for path in PATHS:
                assert_secured(http.get(path))
    finally:
        service.close()


def test_a_server_header_set_by_a_route_is_taken_out_and_a_weaker_policy_replaced(web_quoth):
    from fastapi.responses import PlainTextResponse
    from starlette.testclient import TestClient

    from quoth.bot.web import WebService, create_app

    service = WebService(web_quoth)
    app = create_app(service)

    async def leaky():
        return PlainTextResponse("hi", headers={"Server": "leaky/1.0", "X-Frame-Options": "ALLOWALL",
                                                "Content-Security-Policy": "default-src *"})

    app.add_api_route("/api/v1/test/leaky", leaky)
    with TestClient(app) as client:
        assert_secured(client.get("/api/v1/test/leaky"))
    service.close()
