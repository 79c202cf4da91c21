"""``WebService``: what the web app's routes share — the ``Quoth`` they answer from, the ``[web]`` settings, the
admin token, and the worker threads every library call runs in (the event loop never waits on the model)."""

from __future__ import annotations

import asyncio
import functools
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Annotated, TypeVar

from fastapi import Depends, Request

from quoth import Quoth

from ..config import WEB_ADMIN_TOKEN_ENV, WebSettings
from .errors import WebError
from .reindex import Reindexer

T = TypeVar("T")
WAITING_PER_WORKER = 8  # calls that may wait for a worker, per worker; past that: 503 rather than a long queue
BUSY_RETRY_SECONDS = 2


class WebService:
    """One per app. ``run`` is how a route calls the library: in a worker thread, at most ``settings.workers``
    at once, at most ``workers * WAITING_PER_WORKER`` more waiting (503 busy past that), and answered 504 after
    ``settings.timeout_seconds``."""

    def __init__(self, quoth: Quoth, settings: WebSettings | None = None, admin_token: str | None = None) -> None:
        self.quoth = quoth
        self.settings = settings or WebSettings()
        token = admin_token if admin_token is not None else os.environ.get(WEB_ADMIN_TOKEN_ENV, "")
        self.admin_token = token.strip() or None  # none: reindex is off
        self.pool = ThreadPoolExecutor(self.settings.workers, thread_name_prefix="quoth-web")
        self.max_admitted = self.settings.workers * (1 + WAITING_PER_WORKER)
        self._admitted = 0  # calls running or waiting; freed when the call really ends, not at its 504
        self._lock = threading.Lock()  # _admitted is freed from the worker threads
        self.reindexer = Reindexer(quoth)  # POST /api/v1/reindex: its own thread, never one of the pool's

    async def run(self, fn: Callable[..., T], *args, **kwargs) -> T:
        self._admit()
        try:
            future = self.pool.submit(functools.partial(fn, *args, **kwargs))
        except BaseException:
            self._release()
            raise
        future.add_done_callback(lambda _: self._release())
        try:
            # On timeout wait_for cancels the future: a call still waiting never starts; one already running
            # cannot be stopped (a thread), so it keeps its slot until it ends — which keeps the bound honest.
            return await asyncio.wait_for(asyncio.wrap_future(future), self.settings.timeout_seconds)
        except TimeoutError:
            raise WebError(504, f"no answer within {self.settings.timeout_seconds:g} s; try a shorter question "
                                "or again later") from None

    def _admit(self) -> None:
        with self._lock:
            if self._admitted >= self.max_admitted:
                raise WebError(503, "busy, try again in a moment",
                               headers={"Retry-After": str(BUSY_RETRY_SECONDS)})
            self._admitted += 1

    def _release(self) -> None:
        with self._lock:
            self._admitted -= 1

    def public_url(self, request: Request) -> str:
        """Where readers reach the app, for links that leave the page: ``settings.public_url`` or the request's
        own base URL; no trailing slash."""
        return (self.settings.public_url or str(request.base_url)).rstrip("/")

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


async def service(request: Request) -> WebService:
    """The app's WebService, for routes (``Depends(service)``). ``async`` although it awaits nothing: FastAPI
    runs a plain ``def`` dependency in its thread pool, a thread hop on every request (benchmarks/web.py: 0.17 ms
    of a health request's 0.96 ms p50, and 26 % of its requests/s, on 2 cores)."""
    return request.app.state.service


Web = Annotated[WebService, Depends(service)]  # a route's parameter: ``async def route(web: Web)``
