"""How uvicorn serves the app — one place for the server's own settings, so ``quoth web``, the mount in
``quoth serve`` and the tests run the same server: no ``Server`` header, no proxy headers (``trust_forwarded``
decides that, in the app), h11, short keep-alive, and a deadline for a request's head so a client that opens a
connection and then sends nothing (or half its headers) does not hold it forever."""

from __future__ import annotations

import asyncio

import uvicorn
from fastapi import FastAPI
from uvicorn.protocols.http.h11_impl import H11Protocol

KEEP_ALIVE_SECONDS = 5  # an idle keep-alive connection is closed after this
HEAD_SECONDS = 10.0  # a request's line and headers must arrive within this of the connection (or the last answer)
MAX_HEAD_BYTES = 16 * 1024  # a request head larger than this is refused (400) rather than buffered
MAX_CONNECTIONS = 1000  # open connections and tasks at once; more get 503 from uvicorn itself
GRACE_SECONDS = 3  # on shutdown, requests in flight get this long to finish


class HeadDeadlineProtocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for the request head: uvicorn's own keep-alive timer only starts
    after a response, so a connection that never completes a request would otherwise stay open (slowloris)."""

    head_seconds: float = HEAD_SECONDS
    _head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head_timer()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_head_timer()  # the next request on this connection gets the same deadline

    def handle_events(self) -> None:
        super().handle_events()
        if self.cycle is not None and not self.cycle.response_complete:
            self._cancel_head_timer()  # a whole head arrived: the app's timeouts take over

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_head_timer()
        super().connection_lost(exc)

    def _arm_head_timer(self) -> None:
        self._cancel_head_timer()
        self._head_timer = self.loop.call_later(self.head_seconds, self._head_too_slow)

    def _cancel_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_too_slow(self) -> None:
        self._head_timer = None
        if self.cycle is None or self.cycle.response_complete:
            self.transport.close()


def uvicorn_config(app: FastAPI, host: str, port: int, *, head_seconds: float = HEAD_SECONDS,
                   keep_alive: int = KEEP_ALIVE_SECONDS, log_level: str = "warning") -> uvicorn.Config:
    """The uvicorn ``Config`` every Quoth web server runs with (tests pass tiny timeouts)."""
    protocol = type("QuothH11", (HeadDeadlineProtocol,), {"head_seconds": head_seconds})
    return uvicorn.Config(app, host=host, port=port, http=protocol, lifespan="off", server_header=False,
                          proxy_headers=False, timeout_keep_alive=keep_alive, limit_concurrency=MAX_CONNECTIONS,
                          h11_max_incomplete_event_size=MAX_HEAD_BYTES, timeout_graceful_shutdown=GRACE_SECONDS,
                          log_level=log_level, access_log=False, log_config=None)
