"""The standard security headers, on every response the app sends — pages, API, static files, errors and 404s.

The CSP allows scripts and styles from the app's own ``/static`` only: no inline ``<script>``, ``<style>`` or
``style=`` in any template, so a document's hostile text cannot run even if escaping ever failed."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
HEADERS: dict[str, str] = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "clipboard-write=(self)",  # the Cite button's copy, nothing else
}


def secure(headers: MutableHeaders) -> None:
    """Set the security headers on ``headers`` and take any ``Server`` header out (it only helps attackers)."""
    for name, value in HEADERS.items():
        headers[name] = value
    del headers["server"]


class SecurityHeaders:
    """Pure ASGI middleware (it must see every response, streamed ones too, so not ``BaseHTTPMiddleware``)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                secure(headers)
                own_location(headers, Headers(scope=scope).get("host"))
            await send(message)

        await self.app(scope, receive, send_secured)


def own_location(headers: MutableHeaders, host: str | None) -> None:
    """A redirect to this app's own host made relative. Starlette's slash redirects (``/sources/`` -> ``/sources``)
    build an absolute Location from the request's Host header, which whoever sends the request chooses: a cache
    in front would then send every reader to a forged host. The path alone goes to the same place for honest
    clients. (Leading slashes are collapsed: ``//host/`` would be another host again.)"""
    location = headers.get("location")
    if not location or host is None:
        return
    parts = urlsplit(location)
    if parts.netloc and parts.netloc.lower() == host.lower():
        path = "/" + parts.path.lstrip("/")
        headers["location"] = urlunsplit(("", "", path, parts.query, parts.fragment))
