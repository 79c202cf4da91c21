"""Quoth on the web: the HTTP API under ``/api/v1`` and a server-rendered page, one ASGI app over ``quoth.Quoth``.

Needs the ``[web]`` extra (FastAPI, uvicorn, Jinja2); nothing else imports this package, so the base install
does not grow. ``quoth web`` serves it; ``quoth serve`` mounts it beside the bot when ``web.in_serve`` is on.
"""

from __future__ import annotations

from .app import create_app
from .service import WebService

__all__ = ["WebService", "create_app"]
