"""What one client may ask of the server: a request rate (a token bucket per client) and a body size.

Both are pure ASGI middleware that raise ``WebError``; the app's outer error middleware words it (JSON under
``/api/v1``, a page elsewhere). Static files are not counted: a page load fetches a few, and they cost nothing."""

from __future__ import annotations

import asyncio
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..config import WebSettings
from .errors import WebError

MAX_CLIENTS = 10_000  # buckets kept at once; the least recently seen client is forgotten first
STATIC_PREFIX = "/static/"


@dataclass
class Bucket:
    tokens: float
    seen: float  # when the tokens were last counted (monotonic seconds)


class RateLimiter:
    """A token bucket per client key: ``burst`` tokens, refilled at ``per_minute``; one request takes one.

    Memory is bounded: a client idle long enough for its bucket to be full again is forgotten (a new bucket would
    be the same), and at most ``max_clients`` are kept, the least recently seen dropped first."""

    def __init__(self, per_minute: int, burst: int, max_clients: int = MAX_CLIENTS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.per_second, self.burst, self.max_clients, self.clock = per_minute / 60.0, burst, max_clients, clock
        self.buckets: OrderedDict[str, Bucket] = OrderedDict()

    def take(self, key: str) -> float:
        """Take a token for ``key``: 0.0 when the request may go on, else the seconds until a token is there."""
        now = self.clock()
        self._forget_idle(now)
        bucket = self.buckets.pop(key, None) or Bucket(float(self.burst), now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.seen) * self.per_second)
        bucket.seen = now
        self.buckets[key] = bucket  # to the end: the most recently seen
        if len(self.buckets) > self.max_clients:
            self.buckets.popitem(last=False)
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return 0.0
        return (1.0 - bucket.tokens) / self.per_second

    def _forget_idle(self, now: float) -> None:
        # Oldest first: once the oldest is not idle long enough to be full, no newer one is.
        full_after = self.burst / self.per_second
        while self.buckets:
            key, bucket = next(iter(self.buckets.items()))
            if now - bucket.seen < full_after:
                return
            del self.buckets[key]


def client_key(scope: Scope, trust_forwarded: bool) -> str:
    """The client a request counts against: its address, or X-Forwarded-For's last one behind a trusted proxy
    (the last is the one the proxy itself saw; earlier ones are whatever the client claimed)."""
    if trust_forwarded:
        forwarded = Headers(scope=scope).get("x-forwarded-for", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    client = scope.get("client")
    return client[0] if client else "unknown"


class RateLimit:
    """429 with ``Retry-After`` for a client past its bucket; ``/static/*`` not counted."""

    def __init__(self, app: ASGIApp, settings: WebSettings) -> None:
        self.app, self.trust_forwarded = app, settings.trust_forwarded
        self.limiter = RateLimiter(settings.rate_per_minute, settings.rate_burst)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope["path"].startswith(STATIC_PREFIX):
            wait = self.limiter.take(client_key(scope, self.trust_forwarded))
            if wait > 0:
                seconds = max(1, math.ceil(wait))
                raise WebError(429, f"too many requests; try again in {seconds} s",
                               headers={"Retry-After": str(seconds)})
        await self.app(scope, receive, send)


class BodyLimit:
    """413 for a body over ``max_body_bytes``: at once for a Content-Length over it, and for a chunked body as
    soon as what has streamed in passes it; 408 for a body that stops arriving for ``timeout_seconds`` (a client
    that sends its headers and then nothing). The app's own answer, if it made one (likely "bad body"), gives way
    to the 413/408."""

    def __init__(self, app: ASGIApp, settings: WebSettings) -> None:
        self.app, self.max_bytes, self.wait = app, settings.max_body_bytes, settings.timeout_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                raise WebError(400, "Content-Length must be a number of bytes")
            if int(declared) > self.max_bytes:
                raise self._too_large()
        counted, refused, body_done = 0, None, False

        async def guarded_receive() -> Message:
            nonlocal counted, refused, body_done
            if body_done:  # later receives wait for the client to go away (streamed answers): no deadline
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), self.wait)
            except TimeoutError:
                refused = WebError(408, f"the request body did not arrive within {self.wait:g} s")
                raise refused from None
            body_done = message["type"] != "http.request" or not message.get("more_body", False)
            if message["type"] == "http.request":
                counted += len(message.get("body", b""))
                if counted > self.max_bytes:
                    refused = self._too_large()
                    raise refused
            return message

        async def guarded_send(message: Message) -> None:
            if refused is None:
                await send(message)

        try:
            await self.app(scope, guarded_receive, guarded_send)
        except Exception:
            if refused is None:
                raise
        if refused is not None:
            raise refused

    def _too_large(self) -> WebError:
        return WebError(413, f"the request body is over {self.max_bytes} bytes")
