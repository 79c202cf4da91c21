"""The shared fixtures work: the TestClient and a real uvicorn server answer from the indexed sample corpus."""

from __future__ import annotations

import httpx

from tests.web import serving


def test_client_lists_the_sample_sources(client, web_quoth):
    got = client.get("/api/v1/sources")
    assert got.status_code == 200
    assert len(got.json()["sources"]) == len(web_quoth.sources()) > 0


def test_serving_runs_a_real_server_and_stops_it(web_quoth):
    from quoth.bot.web import WebService

    service = WebService(web_quoth)
    with serving(service) as base:
        got = httpx.get(f"{base}/api/v1/sources", timeout=10)
        assert got.status_code == 200 and got.json()["sources"]
    service.close()
    try:
        httpx.get(f"{base}/api/v1/sources", timeout=2)
    except httpx.ConnectError:
        pass
    else:
        raise AssertionError("the server still answers after serving() ended")
