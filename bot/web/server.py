"""How uvicorn serves the app — one place for the server's own settings, so ``quoth web``, the mount in
``quoth serve`` and the tests run the same server: no ``Server`` header, no proxy headers (``trust_forwarded``
decides that, in the app), h11, short keep-alive, and a deadline for a request's head so a client that opens a
connection and then sends nothing (or half its headers) does not hold it forever."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Iterator

import uvicorn
from fastapi import FastAPI
from uvicorn.protocols.http.h11_impl import H11Protocol

from quoth.errors import QuothError

from ..config import WebSettings

log = logging.getLogger("quoth.web")

KEEP_ALIVE_SECONDS = 5  # an idle keep-alive connection is closed after this
HEAD_SECONDS = 10.0  # a request's line and headers must arrive within this of the connection (or the last answer)
# A request head larger than this is refused (400) rather than buffered. Not h11's 16 KiB: a permalink carries
# a claim of up to 4000 characters in its URL, and 4000 CJK characters percent-encoded are 36 000 bytes.
MAX_HEAD_BYTES = 64 * 1024
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


class HostedServer(uvicorn.Server):
    """A uvicorn server that leaves the process's signals to its host: ``quoth web`` stops it on SIGINT/SIGTERM
    itself, and in ``quoth serve`` the bot owns them. (uvicorn's own handlers would re-raise the signal once it
    stops — a KeyboardInterrupt, or death by SIGTERM — where a clean exit 0 is wanted.)"""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


class ListenFailed(QuothError):
    """The web server could not start listening (the port is taken, the address is not this machine's)."""


def _stopper(server: uvicorn.Server):
    def stop() -> None:  # a second signal stops at once, without waiting for requests in flight
        server.force_exit = server.should_exit
        server.should_exit = True

    return stop


def bound_port(server: uvicorn.Server, asked: int) -> int:
    """The port the server listens on (``asked`` unless it was 0: then the one the system chose)."""
    for listener in getattr(server, "servers", []):
        for sock in listener.sockets:
            return sock.getsockname()[1]
    return asked


async def run_until_stopped(server: HostedServer, host: str, port: int, stop_on_signals: bool = False) -> None:
    """Serve until ``server.should_exit`` (or SIGINT/SIGTERM with ``stop_on_signals``); one line once listening.
    uvicorn ends a failed start (a port in use) with ``sys.exit``; that becomes ``ListenFailed``, which ``quoth``
    words as one line."""
    if stop_on_signals:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, _stopper(server))
    announce = asyncio.create_task(_announce(server, host, port))
    try:
        # Awaited here, not as a task of its own: asyncio lets a task's SystemExit through to the loop itself.
        await server.serve()
    except SystemExit:
        raise ListenFailed(f"could not listen on {host}:{port} (the line above says why)") from None
    finally:
        announce.cancel()


async def _announce(server: uvicorn.Server, host: str, port: int) -> None:
    while not server.started:
        await asyncio.sleep(0.05)
    shown = f"[{host}]" if ":" in host else host
    log.info("Quoth on http://%s:%s/ (API: /api/v1, OpenAPI: /api/v1/openapi.json)", shown, bound_port(server, port))


STOP_SECONDS = GRACE_SECONDS + 2.0  # how long stop() waits for the server before cutting its connections


class MountedWeb:
    """The app served inside a program that owns the event loop and the signals (``quoth serve`` with
    ``web.in_serve``): ``await start()`` once the loop runs, ``await stop()`` when the program closes."""

    def __init__(self, quoth, settings: WebSettings) -> None:
        from .app import create_app  # here, not at the top: create_app's module needs nothing of this one
        from .service import WebService

        self.service = WebService(quoth, settings)
        self.host, self.port = settings.host, settings.port
        self.server = HostedServer(uvicorn_config(create_app(self.service), self.host, self.port))
        self.task: asyncio.Task | None = None

    @property
    def url(self) -> str:
        """The base URL it answers on, once started (the port the system chose when ``port`` is 0)."""
        shown = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{shown}:{bound_port(self.server, self.port)}"

    async def start(self) -> None:
        self.task = asyncio.create_task(run_until_stopped(self.server, self.host, self.port), name="quoth-web")
        while not self.server.started and not self.task.done():
            await asyncio.sleep(0.05)
        if self.task.done():
            failed, self.task = self.task, None
            self.service.close()
            failed.result()  # ListenFailed, worded as one line

    async def stop(self) -> None:
        if self.task is None:
            return
        self.server.should_exit = True
        try:
            await asyncio.wait_for(asyncio.shield(self.task), STOP_SECONDS)
        except TimeoutError:
            self.server.force_exit = True
            with contextlib.suppress(TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(self.task, 1.0)
        finally:
            self.service.close()
            self.task = None
