"""The limits, through a REAL uvicorn on loopback (the server's behaviour is part of them): per-client rate
(429 + Retry-After, /static not counted), body size (413 for a big Content-Length and for a chunked body that
grows past it), a body that stops arriving (408), a client that never finishes its request head (dropped), the
bounded worker queue (503 busy + Retry-After) and the timeout (504). Tiny settings keep it fast."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from urllib.parse import quote

import httpx
import pytest
from fastapi import Request

from quoth.bot.config import WebSettings
from quoth.bot.web import WebService, create_app
from quoth.bot.web.errors import WebError
from quoth.bot.web.service import WAITING_PER_WORKER, Web
from tests.web import serving

TINY = WebSettings(max_body_bytes=1024, rate_per_minute=60, rate_burst=100, timeout_seconds=0.5, workers=1)


def app_with_test_routes(service: WebService):
    app = create_app(service)

    async def echo(request: Request):
        return {"bytes": len(await request.body())}

    async def wait(web: Web, seconds: float = 0.0):
        await web.run(time.sleep, seconds)
        return {"waited": seconds}

    app.add_api_route("/api/v1/test/echo", echo, methods=["POST"])
    app.add_api_route("/api/v1/test/wait", wait)
    return app


@pytest.fixture(scope="module")
def tiny_server(web_quoth):
    service = WebService(web_quoth, TINY)
    with serving(app_with_test_routes(service), head_seconds=0.5, keep_alive=1) as base:
        yield base
    service.close()


def test_rate_limit_per_client_with_retry_after_and_static_free(web_quoth):
    service = WebService(web_quoth, TINY.model_copy(update={"rate_burst": 5}))
    with serving(app_with_test_routes(service)) as base, httpx.Client(base_url=base, timeout=5) as http:
        for _ in range(12):  # static files never count
            assert http.get("/static/quoth.css").status_code == 200
        statuses = [http.get("/api/v1/test/wait").status_code for _ in range(6)]
        assert statuses == [200] * 5 + [429]
        refused = http.get("/api/v1/test/wait")
        assert refused.status_code == 429 and refused.json()["error"]["status"] == 429
        assert 1 <= int(refused.headers["retry-after"]) <= 2
        assert refused.headers["x-frame-options"] == "DENY"
        page = http.get("/sources")
        assert page.status_code == 429 and "text/html" in page.headers["content-type"]
        assert http.get("/static/quoth.css").status_code == 200
        time.sleep(1.05)  # one token a second comes back
        assert http.get("/api/v1/test/wait").status_code == 200
    service.close()


def post_raw(base: str, head: str, body_parts: list[bytes], pause: float = 0.0) -> bytes:
    """Send a request by hand (for chunked bodies and stalls) and read the whole answer."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(head.encode())
        for part in body_parts:
            time.sleep(pause)
            try:
                sock.sendall(part)
            except (BrokenPipeError, ConnectionResetError):  # the server answered and closed: that is the point
                break
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
        return answer


def chunked(parts: list[bytes], end: bool = True) -> list[bytes]:
    return [b"%x\r\n%s\r\n" % (len(p), p) for p in parts] + ([b"0\r\n\r\n"] if end else [])


def test_body_limit_for_content_length_and_chunked_bodies(tiny_server):
    base = tiny_server
    with httpx.Client(base_url=base, timeout=5) as http:
        assert http.post("/api/v1/test/echo", content=b"x" * 1000).json() == {"bytes": 1000}
        big = http.post("/api/v1/test/echo", content=b"x" * 1025)
        assert big.status_code == 413 and big.json()["error"]["message"] == "the request body is over 1024 bytes"
        head = ("POST /api/v1/test/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n"
                "Connection: close\r\n\r\n")
        small = post_raw(base, head, chunked([b"y" * 500, b"y" * 500]))
        assert small.startswith(b"HTTP/1.1 200") and b'{"bytes":1000}' in small
        # The body never ends: the 413 must come from counting what streamed in, not from a finished body.
        # (Sending more after the server has answered and closed would only get the client a reset.)
        grown = post_raw(base, head, chunked([b"y" * 600] * 2, end=False))
        assert grown.startswith(b"HTTP/1.1 413") and b"over 1024 bytes" in grown
        assert b"content-security-policy" in grown.lower()
        bad = post_raw(base, "POST /api/v1/test/echo HTTP/1.1\r\nHost: t\r\nContent-Length: lots\r\n\r\n", [])
        assert bad.startswith(b"HTTP/1.1 400")


def test_a_body_that_stops_arriving_is_408(tiny_server):
    started = time.monotonic()
    head = "POST /api/v1/test/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n"
    answer = post_raw(tiny_server, head + "only ten b", [])
    assert answer.startswith(b"HTTP/1.1 408") and b"did not arrive within 0.5 s" in answer
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("sent", [b"", b"GET /api/v1/sources HTTP/1.1\r\nHost: t\r\n"])
def test_a_client_that_never_finishes_its_request_head_is_dropped(tiny_server, sent):
    host, port = tiny_server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(sent)
        started = time.monotonic()
        assert sock.recv(1024) == b""  # closed by the server, with nothing said
        assert time.monotonic() - started < 3


def test_an_idle_keep_alive_connection_is_closed(tiny_server):
    host, port = tiny_server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(b"GET /static/quoth.css HTTP/1.1\r\nHost: t\r\n\r\n")
        first = sock.recv(65536)
        assert first.startswith(b"HTTP/1.1 200")
        started = time.monotonic()
        while sock.recv(65536):  # the rest of the answer, then the close
            pass
        assert time.monotonic() - started < 3


def test_a_slow_call_is_504_through_the_app(tiny_server):
    with httpx.Client(base_url=tiny_server, timeout=5) as http:
        slow = http.get("/api/v1/test/wait", params={"seconds": 0.8})
    assert slow.status_code == 504
    assert slow.json()["error"]["message"].startswith("no answer within 0.5 s")


def test_the_worker_queue_is_bounded_and_a_timed_out_call_keeps_its_slot(web_quoth):
    service = WebService(web_quoth, WebSettings(workers=1, timeout_seconds=0.3))
    gate = threading.Event()

    async def flood() -> list:
        calls = [service.run(gate.wait, 5) for _ in range(service.max_admitted + 3)]
        return await asyncio.gather(*calls, return_exceptions=True)

    try:
        results = asyncio.run(flood())
        busy = [r for r in results if isinstance(r, WebError) and r.status == 503]
        late = [r for r in results if isinstance(r, WebError) and r.status == 504]
        assert len(busy) == 3 and busy[0].headers == {"Retry-After": "2"}
        assert len(late) == 1 + WAITING_PER_WORKER  # all admitted: one running, the rest waiting, all 504
        assert service._admitted == 1  # the running one cannot be stopped: it holds its slot until it ends
        gate.set()
        deadline = time.monotonic() + 5
        while service._admitted and time.monotonic() < deadline:
            time.sleep(0.01)
        assert service._admitted == 0
        assert asyncio.run(service.run(sum, [1, 2])) == 3
    finally:
        gate.set()
        service.close()


def test_the_event_loop_answers_while_a_library_call_is_busy(web_quoth):
    service = WebService(web_quoth, WebSettings(workers=1, timeout_seconds=10))
    app = create_app(service)
    gate = threading.Event()

    async def blocked(web: Web):
        return {"opened": await web.run(gate.wait, 10)}

    app.add_api_route("/api/v1/test/blocked", blocked)
    with serving(app) as base, httpx.Client(base_url=base, timeout=10) as http:
        pending: list[httpx.Response] = []
        caller = threading.Thread(target=lambda: pending.append(http.get("/api/v1/test/blocked")))
        caller.start()
        try:
            deadline = time.monotonic() + 5
            while service._admitted == 0 and time.monotonic() < deadline:
                time.sleep(0.01)
            assert service._admitted == 1  # the call is in its worker thread, waiting on the gate
            with httpx.Client(base_url=base, timeout=5) as other:  # its own connection
                assert other.get("/static/quoth.css").status_code == 200
                assert other.get("/api/v1/nowhere").status_code == 404
            assert not pending  # still waiting: the other requests did not wait for it
        finally:
            gate.set()
            caller.join(10)
    service.close()
    assert pending[0].json() == {"opened": True}


def head_in_two_parts(base: str, head: bytes) -> bytes:
    """Send a request head in two parts (as a slow network would: the server must buffer the first) and read
    the answer's status line."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        half = len(head) - 10
        sock.sendall(head[:half])
        time.sleep(0.1)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(head[half:])
        return sock.recv(65536).split(b"\r\n", 1)[0]


def test_a_permalink_with_a_long_claim_fits_the_request_head_and_a_huge_head_does_not(tiny_server):
    # The longest claim, in the script whose URL is longest: 36 000 bytes percent-encoded (h11's own limit on
    # what it buffers of an unfinished head is 16 KiB).
    claim = quote("語" * 4000)
    head = f"GET /api/v1/test/wait?text={claim} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".encode()
    assert head_in_two_parts(tiny_server, head) == b"HTTP/1.1 200 OK"
    huge = f"GET /api/v1/test/wait HTTP/1.1\r\nHost: t\r\nX-Padding: {'x' * 70_000}\r\n\r\n".encode()
    assert head_in_two_parts(tiny_server, huge) == b"HTTP/1.1 400 Bad Request"
