"""Discord's REST rate limits as the fake Discord serves them: buckets, their headers, and 429s.

What Discord documents (developers/topics/rate-limits) and discord.py's HTTP client relies on:
- every limited response carries ``X-RateLimit-Limit`` (requests per window), ``X-RateLimit-Remaining``,
  ``X-RateLimit-Reset`` (epoch seconds, milliseconds as decimals), ``X-RateLimit-Reset-After`` (seconds, decimals)
  and ``X-RateLimit-Bucket`` (an opaque id shared by the routes of one bucket);
- a bucket is per route *and* major parameter (the channel, guild or webhook in the path);
- an exceeded limit answers 429 with the body ``{"message", "retry_after", "global", "code"?}``, the headers
  ``Retry-After``, ``X-RateLimit-Scope`` (``user``, ``global`` or ``shared``) and, when global,
  ``X-RateLimit-Global: true``;
- responses come through Google's front end with a ``Via`` header: discord.py treats a 429 WITHOUT it as a
  Cloudflare ban and raises instead of waiting, so the fake sends it as Discord does.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

VIA = "1.1 google"
_ID = re.compile(r"/\d+")
_MAJOR = re.compile(r"^/(channels|guilds|webhooks)/(\d+)")


@dataclass(frozen=True)
class Limit:
    """``limit`` requests per ``per`` seconds, for one route and major parameter."""

    limit: int
    per: float


@dataclass
class Window:
    """One bucket's current window: opened by its first request, reset ``per`` seconds later."""

    resets_at: float = 0.0  # time.monotonic()
    used: int = 0


@dataclass
class Throttle:
    """A 429 the test asks for: the next ``count`` requests that ``match`` are refused."""

    match: Callable[[str, str], bool]  # (method, path) -> bool
    retry_after: float
    scope: str = "user"
    is_global: bool = False
    count: int = 1


@dataclass
class Verdict:
    """What the limiter decided for one request: the headers to send, and a 429 body when refused."""

    headers: dict[str, str] = field(default_factory=dict)
    refused: dict | None = None


def route_key(method: str, path: str) -> tuple[str, str]:
    """(route template, major parameter): ``GET /channels/{id}/messages`` and the channel id."""
    major = _MAJOR.match(path)
    return f"{method} {_ID.sub('/{id}', path)}", major.group(2) if major else ""


@dataclass
class RateLimiter:
    """Limits keyed by route template (``"GET /channels/{id}/messages"``); routes without one get no headers."""

    limits: dict[str, Limit] = field(default_factory=dict)
    throttles: list[Throttle] = field(default_factory=list)
    windows: dict[tuple[str, str], Window] = field(default_factory=dict)

    def check(self, method: str, path: str) -> Verdict:
        forced = self._forced(method, path)
        template, major = route_key(method, path)
        limit = self.limits.get(template)
        if limit is None:
            return forced or Verdict()
        now = time.monotonic()
        window = self.windows.setdefault((template, major), Window())
        if now >= window.resets_at:
            window.resets_at, window.used = now + limit.per, 0
        reset_after = max(0.0, window.resets_at - now)
        over = window.used >= limit.limit
        if not over and forced is None:
            window.used += 1
        headers = {
            "X-RateLimit-Limit": str(limit.limit),
            "X-RateLimit-Remaining": str(max(0, limit.limit - window.used)),
            "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
            "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            "X-RateLimit-Bucket": hashlib.sha1(template.encode()).hexdigest()[:16],
            "Via": VIA,
        }
        if forced is not None:
            forced.headers = {**headers, **forced.headers}
            return forced
        if over:
            return Verdict({**headers, **_refusal_headers(reset_after, "user", False)},
                           _refusal_body(reset_after, False))
        return Verdict(headers)

    def _forced(self, method: str, path: str) -> Verdict | None:
        for throttle in self.throttles:
            if throttle.count > 0 and throttle.match(method, path):
                throttle.count -= 1
                return Verdict(_refusal_headers(throttle.retry_after, throttle.scope, throttle.is_global),
                               _refusal_body(throttle.retry_after, throttle.is_global))
        return None


def _refusal_headers(retry_after: float, scope: str, is_global: bool) -> dict[str, str]:
    headers = {"Retry-After": str(max(1, round(retry_after))), "X-RateLimit-Scope": scope, "Via": VIA}
    if is_global:
        headers["X-RateLimit-Global"] = "true"
    return headers


def _refusal_body(retry_after: float, is_global: bool) -> dict:
    body = {"message": "You are being rate limited.", "retry_after": round(retry_after, 3), "global": is_global}
    if is_global:
        body["code"] = 0
    return body
