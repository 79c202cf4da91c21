"""WebService's smaller promises: the public URL for links that leave the page, and whose bucket a request takes
from behind a trusted proxy."""

from __future__ import annotations

from fastapi import Request
from starlette.testclient import TestClient

from quoth.bot.config import WebSettings
from quoth.bot.web import WebService, create_app
from quoth.bot.web.service import Web


def app_for(web_quoth, **settings):
    service = WebService(web_quoth, WebSettings(**settings))
    app = create_app(service)

    async def where(request: Request, web: Web):
        return {"public_url": web.public_url(request)}

    app.add_api_route("/api/v1/test/where", where)
    return service, app


def test_public_url_is_the_setting_or_the_request_s_own_without_a_trailing_slash(web_quoth):
    service, app = app_for(web_quoth)
    with TestClient(app, base_url="http://quotes.local:8080") as client:
        assert client.get("/api/v1/test/where").json() == {"public_url": "http://quotes.local:8080"}
    service.close()
    service, app = app_for(web_quoth, public_url="https://quotes.example.org/")
    with TestClient(app) as client:
        assert client.get("/api/v1/test/where").json() == {"public_url": "https://quotes.example.org"}
    service.close()


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_bucket(web_quoth):
    for trusted, expected in ((True, [200, 200, 429, 200, 200]), (False, [200, 200, 429, 429, 429])):
        service, app = app_for(web_quoth, rate_burst=2, rate_per_minute=1, trust_forwarded=trusted)
        with TestClient(app) as client:
            got = [client.get("/api/v1/test/where", headers={"X-Forwarded-For": f"198.51.100.9, {who}"}).status_code
                   for who in ("203.0.113.1", "203.0.113.1", "203.0.113.1", "203.0.113.2", "203.0.113.2")]
        service.close()
        assert got == expected, trusted
