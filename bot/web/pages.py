"""The page: server-rendered HTML that works without JavaScript."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.templating import Jinja2Templates

from .errors import WebError

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")


def error_page(request: Request, exc: WebError):
    return templates.TemplateResponse(request, "error.html", {"error": exc}, status_code=exc.status,
                                      headers=exc.headers)
