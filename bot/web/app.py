"""``create_app``: the ASGI app — the API router under ``/api/v1``, the page's routes, static files, and the
handlers that turn every failure into a clear status and message."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from quoth.errors import BadQuery

from . import api, pages
from .errors import WebError
from .service import WebService

log = logging.getLogger("quoth.web")
STATIC = Path(__file__).resolve().parent / "static"


def create_app(service: WebService) -> FastAPI:
    app = FastAPI(title="Quoth", version="1", summary="Verbatim, attributed quotes from a collection of documents.",
                  docs_url=None, redoc_url=None, openapi_url="/api/v1/openapi.json")
    app.state.service = service
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(WebError, _web_error)
    app.add_exception_handler(BadQuery, _bad_query)
    return app


async def _web_error(request: Request, exc: WebError):
    if request.url.path.startswith(api.PREFIX):
        return JSONResponse(exc.to_json(), status_code=exc.status, headers=exc.headers)
    return pages.error_page(request, exc)


async def _bad_query(request: Request, exc: BadQuery):
    return await _web_error(request, WebError(400, str(exc)))
