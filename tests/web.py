"""Helpers for the web front end's tests: a REAL uvicorn server (the one ``quoth web`` runs, from
``quoth.bot.web.server``) on a free loopback port in a background thread, for tests where the behaviour is the
server's (chunked bodies, slow clients, concurrency) and for the benchmark."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

from fastapi import FastAPI


@contextlib.contextmanager
def serving(app_or_service, *, head_seconds: float | None = None, keep_alive: int | None = None,
            start_within: float = 20.0) -> Iterator[str]:
    """Serve a ``FastAPI`` app (or a ``WebService``, wrapped by ``create_app``) with uvicorn on 127.0.0.1 and a
    free port; yields the base URL (``http://127.0.0.1:PORT``, no trailing slash); stops the server after."""
    from quoth.bot.web import WebService, create_app
    from quoth.bot.web.server import HostedServer, uvicorn_config

    app: FastAPI = create_app(app_or_service) if isinstance(app_or_service, WebService) else app_or_service
    # IPPROTO_TCP named: asyncio sets TCP_NODELAY only on sockets that say so (else Nagle adds ~40 ms a request)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))  # the port is ours from here: no race with another test picking the same one
    port = sock.getsockname()[1]
    knobs = {k: v for k, v in (("head_seconds", head_seconds), ("keep_alive", keep_alive)) if v is not None}
    server = HostedServer(uvicorn_config(app, "127.0.0.1", port, **knobs))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="uvicorn-test", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + start_within
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test web server did not start")
            time.sleep(0.02)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
