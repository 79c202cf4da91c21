"""``WebService``: what the web app's routes share — the ``Quoth`` they answer from, the ``[web]`` settings, the
admin token, and the worker threads every library call runs in (the event loop never waits on the model)."""

from __future__ import annotations

import asyncio
import functools
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Annotated, TypeVar

from fastapi import Depends, Request

from quoth import Quoth

from ..config import WEB_ADMIN_TOKEN_ENV, WebSettings
from .errors import WebError
from .reindex import Reindexer

T = TypeVar("T")


class WebService:
    """One per app. ``run`` is how a route calls the library: in a worker thread, at most ``settings.workers``
    at once, given up after ``settings.timeout_seconds`` (504)."""

    def __init__(self, quoth: Quoth, settings: WebSettings | None = None, admin_token: str | None = None) -> None:
        self.quoth = quoth
        self.settings = settings or WebSettings()
        token = admin_token if admin_token is not None else os.environ.get(WEB_ADMIN_TOKEN_ENV, "")
        self.admin_token = token.strip() or None  # none: reindex is off
        self.pool = ThreadPoolExecutor(self.settings.workers, thread_name_prefix="quoth-web")
        self.reindexer = Reindexer(quoth)  # POST /api/v1/reindex: its own thread, never one of the pool's

    async def run(self, fn: Callable[..., T], *args, **kwargs) -> T:
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self.pool, functools.partial(fn, *args, **kwargs))
        try:
            return await asyncio.wait_for(future, self.settings.timeout_seconds)
        except TimeoutError:
            raise WebError(504, f"no answer within {self.settings.timeout_seconds:g} s; try a shorter question "
                                "or again later") from None

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


def service(request: Request) -> WebService:
    """The app's WebService, for routes (``Depends(service)``)."""
    return request.app.state.service


Web = Annotated[WebService, Depends(service)]  # a route's parameter: ``async def route(web: Web)``
