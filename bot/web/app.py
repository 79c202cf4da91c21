"""``create_app``: the ASGI app — the API router under ``/api/v1``, the page's routes, static files, and the
handlers that turn every failure into a clear status and message (JSON under ``/api/v1``, ``error.html``
elsewhere; a traceback only ever in the server log, under a short id the response names)."""

from __future__ import annotations

import logging
import re
import secrets
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from quoth.errors import BadQuery, QuothError

from . import api, pages
from .errors import WebError
from .limits import BodyLimit, RateLimit
from .security import SecurityHeaders, secure
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
    # add_middleware puts each one outside the ones before it: so, outermost first, security headers, the
    # catch-all, the body limit, the rate limit, HEAD as GET.
    app.add_middleware(HeadAsGet)
    app.add_middleware(RateLimit, settings=service.settings)
    app.add_middleware(BodyLimit, settings=service.settings)
    app.add_middleware(CatchAll)
    app.add_middleware(SecurityHeaders)
    app.add_exception_handler(WebError, _web_error)
    app.add_exception_handler(BadQuery, _bad_query)
    app.add_exception_handler(QuothError, _quoth_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _internal)  # last resort, should CatchAll itself fail
    return app


def error_response(request: Request, exc: WebError) -> Response:
    """``exc`` as the client sees it: ``WebError.to_json`` under ``/api/v1``, the error page elsewhere."""
    if request.url.path == api.PREFIX or request.url.path.startswith(api.PREFIX + "/"):
        return JSONResponse(exc.to_json(), status_code=exc.status, headers=exc.headers)
    return pages.error_page(request, exc)


def internal_error(request: Request, exc: BaseException) -> Response:
    """A 500 that names a short id; the traceback goes to the server log under the same id, never to the client."""
    incident = secrets.token_hex(4)
    log.error("internal error %s on %s %s", incident, request.method, request.url.path, exc_info=exc)
    return error_response(request, WebError(500, f"internal error, logged as {incident}"))


class CatchAll:
    """Pure ASGI middleware inside the security headers: an exception that reaches it (a limit's ``WebError``, or
    a bug anywhere) becomes a response with those headers — Starlette's own last-resort handler sits outside all
    middleware, so its answer would go out without them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watching_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watching_send)
        except Exception as exc:  # the point: nothing escapes to the client as a traceback
            request = Request(scope)
            if started:  # too late for an error response: the client sees a cut-off answer
                log.error("error after the response began on %s", request.url.path, exc_info=exc)
                return
            response = error_response(request, exc) if isinstance(exc, WebError) else internal_error(request, exc)
            await response(scope, receive, send)


class HeadAsGet:
    """HEAD answered as GET without the body (HTTP requires HEAD wherever GET is; FastAPI's routes list GET only,
    so an uptime check sending HEAD got 405). The scope is copied: the server keeps its own, and frames the answer
    to a HEAD as one (the GET's Content-Length, no body)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def no_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, no_body)


async def _web_error(request: Request, exc: WebError) -> Response:
    return error_response(request, exc)


async def _bad_query(request: Request, exc: BadQuery) -> Response:
    return error_response(request, WebError(400, str(exc)))


async def _quoth_error(request: Request, exc: QuothError) -> Response:
    # A bad question is BadQuery (400); any other QuothError is the server's state (no model, no usable index):
    # 503 with the library's message, which names the remedy. That message may name the server's own files (a
    # damaged index's absolute path): the log gets it whole, the client with each such path as "<path>".
    log.warning("%s %s: %s", request.method, request.url.path, exc)
    return error_response(request, WebError(503, hide_paths(str(exc))))


# An absolute path: a "/" that starts a word (not the second slash of a URL, nor one inside a word), up to a space
# or a quote. No request needs to learn the server's folders; the operator reads them in the log.
ABSOLUTE_PATH = re.compile(r"(?<![\w:/.])/[^\s'\"`,;)]+")


def hide_paths(message: str) -> str:
    return ABSOLUTE_PATH.sub("<path>", message)


async def _invalid(request: Request, exc: RequestValidationError) -> Response:
    return error_response(request, WebError(400, validation_message(request, exc)))


def validation_message(request: Request, exc: RequestValidationError) -> str:
    """Pydantic's first complaint in one readable line (``k: must be between 1 and 20``), not its dump."""
    errors = exc.errors()
    if not errors:
        return "bad request"
    first = errors[0]
    if first.get("type") == "json_invalid":  # its location is a character offset, not a field
        return "the request body is not valid JSON"
    loc = [str(part) for part in first.get("loc", ()) if part not in ("query", "body", "path", "header")]
    where = ".".join(loc)
    if not where and first.get("loc", ())[:1] == ("body",):
        return "the request body must be a JSON object"
    low, high = _bounds(request, loc[-1] if loc else "")
    if first.get("type") in RANGE_ERRORS and (low is not None or high is not None):
        message = _range_words(low, high)
    else:
        message = str(first.get("msg", "invalid")).removeprefix("Value error, ")
        if message[1:2].islower():  # "Field required" reads on after "k: "; "JSON …" keeps its capitals
            message = message[:1].lower() + message[1:]
    return f"{where}: {message}" if where else message


RANGE_ERRORS = {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}


def _bounds(request: Request, name: str) -> tuple[object, object]:
    """A route parameter's both bounds (pydantic's error names only the one crossed), from the route FastAPI
    matched: its ``Query(ge=, le=)`` metadata."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    params = [*getattr(dependant, "query_params", []), *getattr(dependant, "path_params", [])]
    low = high = None
    for param in params:
        if param.alias != name and param.name != name:
            continue
        for rule in getattr(param.field_info, "metadata", []):
            low = getattr(rule, "ge", getattr(rule, "gt", low))
            high = getattr(rule, "le", getattr(rule, "lt", high))
    return low, high


def _range_words(low: object, high: object) -> str:
    if low is not None and high is not None:
        return f"must be between {low} and {high}"
    return f"must be at least {low}" if low is not None else f"must be at most {high}"


async def _http_error(request: Request, exc: HTTPException) -> Response:
    message = exc.detail if isinstance(exc.detail, str) and exc.status_code != 404 else _status_words(request, exc)
    return error_response(request, WebError(exc.status_code, message, headers=dict(exc.headers or {})))


def _status_words(request: Request, exc: HTTPException) -> str:
    if exc.status_code == 404:
        return f"not found: {request.url.path}"
    return str(exc.detail)


async def _internal(request: Request, exc: Exception) -> Response:
    response = internal_error(request, exc)
    secure(response.headers)  # outside all middleware: the security headers are not added on the way out
    return response
