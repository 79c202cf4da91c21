"""The JSON API, ``/api/v1``: the CLI's ``--json`` shapes over HTTP (see ``schemas.py``).

Every library call runs in a worker thread (``web.run``). A document is named by its path as the index lists it
and is looked up among the index's documents only: no value from a request is ever joined to a folder or
opened. Mistakes get the library's own message (400), in the reply language where the catalog has the sentence.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Header, Query, Security
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from quoth.errors import BadQuery
from quoth.search.query import unknown

from ..config import WEB_ADMIN_TOKEN_ENV
from . import schemas as s
from .documents import document_text, indexed
from .errors import WebError
from .locale import Messages, messages_for, negotiate
from .service import Web

PREFIX = "/api/v1"
router = APIRouter(prefix=PREFIX, tags=["api"])
ERRORS = {code: {"model": s.Error} for code in (400, 404, 413, 429, 503, 504)}
NOTHING = "Nothing relevant found."
SOURCES = PREFIX + "/sources"  # where an unknown document's 404 sends the client
# FastAPI's own bearer scheme (auto_error off: the refusal is ours, in the API's error shape); it also puts the
# scheme in the OpenAPI document.
bearer = HTTPBearer(auto_error=False, description=f"The admin token, from ${WEB_ADMIN_TOKEN_ENV}")

Q = Annotated[str, Query(max_length=s.MAX_QUERY_CHARS, description="The question")]
K = Annotated[int | None, Query(ge=1, le=s.MAX_K, description="How many quotes (default: search.k)")]
Offset = Annotated[int, Query(ge=0, le=s.MAX_OFFSET, description="Skip this many (the next page)")]
Name = Annotated[str | None, Query(max_length=s.MAX_NAME_CHARS)]
Doc = Annotated[str, Query(max_length=s.MAX_QUERY_CHARS, description="A source's path as /sources lists it")]
Offsets = Annotated[int, Query(ge=0, le=s.MAX_TEXT_OFFSET, description="An offset in the document's text")]
Around = Annotated[int, Query(ge=0, le=s.MAX_AROUND)]
Lang = Annotated[str | None, Query(max_length=s.MAX_LANG_CHARS, description="Reply language (fr); else "
                                                                           "Accept-Language; else English")]
AcceptLanguage = Annotated[str | None, Header(max_length=s.MAX_QUERY_CHARS)]
Claim = Annotated[str, Query(max_length=s.MAX_CLAIM_CHARS, description="A message with the quote to check")]


def _say(lang: str | None, accept_language: str | None) -> Messages:
    return messages_for(negotiate(lang, accept_language))


def refused(exc: BadQuery, say: Messages, sentence: str) -> WebError:
    """A mistake as a 400: the library's message as the CLI prints it, in English; in another language inside
    the catalog's ``sentence`` ("I cannot search that: {reason}.") where the catalog has one."""
    message = say(sentence, reason=str(exc).rstrip(".")) if say.lang != "en" and say.has(sentence) else str(exc)
    return WebError(400, message, exc.suggestions)


async def _call(web: Web, say: Messages, sentence: str, fn: Callable, *args, **kwargs):
    try:
        return await web.run(fn, *args, **kwargs)
    except BadQuery as exc:
        raise refused(exc, say, sentence) from None


# --- asking -----------------------------------------------------------------------------------------------
async def _answer(web: Web, fn: Callable, q: str, k, source, speaker, offset: int, say: Messages) -> dict:
    res = await _call(web, say, "I cannot search that: {reason}.", fn, q, k, source, speaker, offset)
    return {**res.to_json(), "message": None if res.hits else say(NOTHING)}


@router.get("/ask", response_model=s.Answer, responses=ERRORS)
async def ask(web: Web, q: Q = "", k: K = None, source: Name = None, speaker: Name = None, offset: Offset = 0,
              lang: Lang = None, accept_language: AcceptLanguage = None) -> dict:
    """The quotes that best answer ``q``, each with its best sentence marked (``quoth ask --json``)."""
    return await _answer(web, web.quoth.ask, q, k, source, speaker, offset, _say(lang, accept_language))


@router.get("/search", response_model=s.Answer, responses=ERRORS)
async def search(web: Web, q: Q = "", k: K = None, source: Name = None, speaker: Name = None, offset: Offset = 0,
                 lang: Lang = None, accept_language: AcceptLanguage = None) -> dict:
    """The passages for ``q`` without the best sentence (``quoth search --json``)."""
    return await _answer(web, web.quoth.search, q, k, source, speaker, offset, _say(lang, accept_language))


# --- checking a quote ---------------------------------------------------------------------------------------
CHECK = "I cannot check that: {reason}."


def _claims(claims: list[str]) -> list[str]:
    """A batch of claims, checked for size before any is searched."""
    if not claims:
        raise WebError(400, "claims: give at least one claim to check")
    if len(claims) > s.MAX_CLAIMS:
        raise WebError(400, f"claims: at most {s.MAX_CLAIMS} claims at once (got {len(claims)})")
    for i, claim in enumerate(claims, 1):
        if len(claim) > s.MAX_CLAIM_CHARS:
            raise WebError(400, f"claims: claim {i} is {len(claim)} characters long; at most {s.MAX_CLAIM_CHARS}")
    return claims


def _check_all(web: Web, claims: list[str], speaker: str | None) -> list:
    """Each claim checked as it is, in order (in one worker thread: a batch holds one slot)."""
    out = []
    for i, claim in enumerate(claims, 1):
        try:
            out.append(web.quoth.verify_claim(claim, speaker))
        except BadQuery as exc:
            raise BadQuery(f"claim {i}: {exc}", suggestions=exc.suggestions) from None
    return out


@router.post("/verify", response_model=s.Verdicts, responses=ERRORS)
async def verify(web: Web, body: s.VerifyRequest, lang: Lang = None,
                 accept_language: AcceptLanguage = None) -> dict:
    """Check ``text`` (its quoted stretches, as ``quoth verify``) or each of ``claims`` as it is."""
    say = _say(lang, accept_language)
    if (body.text is None) == (body.claims is None):
        raise WebError(400, "give either text (a message with quotes) or claims (a list), not both")
    if body.claims is not None:
        verdicts = await _call(web, say, CHECK, _check_all, web, _claims(body.claims), body.speaker)
    else:
        verdicts = await _call(web, say, CHECK, web.quoth.verify, body.text, body.speaker)
    return {"verdicts": [v.to_json() for v in verdicts]}


@router.get("/verify", response_model=s.Verdicts, responses=ERRORS)
async def verify_get(web: Web, text: Claim = "", speaker: Name = None, lang: Lang = None,
                     accept_language: AcceptLanguage = None) -> dict:
    """The same as ``POST /verify`` with ``text``, as a URL (a permalink to a verdict)."""
    verdicts = await _call(web, _say(lang, accept_language), CHECK, web.quoth.verify, text, speaker)
    return {"verdicts": [v.to_json() for v in verdicts]}


# --- what is indexed ----------------------------------------------------------------------------------------
@router.get("/sources", response_model=s.Sources, responses=ERRORS)
async def sources(web: Web) -> dict:
    """Every indexed document, with its number of passages (``quoth sources --json``)."""
    docs = await web.run(web.quoth.sources)
    return {"sources": [{**d.source.to_json(), "passages": d.passages} for d in docs]}


@router.get("/speakers", response_model=s.Speakers, responses=ERRORS)
async def speakers(web: Web, name: Name = None) -> dict:
    """The speakers, each with every name the corpus uses for them; ``name``: only the people it names."""
    people = await web.run(web.quoth.people, name)
    if name and not people:
        every = await web.run(web.quoth.people)
        exc = unknown("speaker", name, [a for p in every for a in p.aliases])
        raise WebError(404, str(exc), exc.suggestions)
    return {"speakers": [p.to_json() for p in people]}


def _context(web: Web, doc: str, start: int, end: int, before: int, after: int) -> dict:
    indexed(web.quoth, doc, SOURCES)
    rows, pid = web.quoth.context(doc, start, end, before, after)
    return {"passage_id": pid, "passages": [p.to_json(src) for p, src in rows]}


@router.get("/context", response_model=s.Context, responses=ERRORS)
async def context(web: Web, doc: Doc, start: Offsets, end: Offsets, before: Around = 1, after: Around = 1) -> dict:
    """The passage of ``doc`` covering [start, end) with ``before`` and ``after`` neighbours; ``passage_id`` null
    when no passage covers it any more (the document changed)."""
    if end < start:
        raise WebError(400, f"end ({end}) is before start ({start})")
    return await web.run(_context, web, doc, start, end, before, after)


def _document(web: Web, doc: str) -> dict:
    source, text, passages = document_text(web.quoth, doc, SOURCES, f"the document {doc!r} cannot be shown as "
                                           "indexed; it may have changed: reindex")
    return {"source": source.to_json(), "text": text, "passages": [p.to_json(src) for p, src in passages]}


@router.get("/document", response_model=s.DocumentText, responses=ERRORS)
async def document(web: Web, doc: Doc) -> dict:
    """A document's text as indexed and all its passages in order (each is ``text[start:end]``)."""
    return await web.run(_document, web, doc)


@router.get("/random", response_model=s.RandomQuote, responses=ERRORS)
async def random(web: Web, speaker: Name = None, source: Name = None, lang: Lang = None,
                 accept_language: AcceptLanguage = None) -> dict:
    """A random quote worth reading alone, by ``speaker``, from ``source``."""
    hit = await _call(web, _say(lang, accept_language), "I cannot pick from that: {reason}.", web.quoth.random,
                      speaker, source)
    if hit is None:
        raise WebError(404, "no passage matches")
    return {"result": hit.to_json()}


def _health(web: Web) -> dict:
    index = web.quoth.current()
    docs = index.documents()
    return {"status": "ok", "documents": len(docs), "passages": sum(d.passages for d in docs),
            "generation": index.generation}


@router.get("/health", response_model=s.Health, responses=ERRORS)
async def health(web: Web) -> dict:
    """The serving index: its documents, passages and generation (it changes when a reindex switches)."""
    return await web.run(_health, web)


# --- reindex (admin) ----------------------------------------------------------------------------------------
Credentials = Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]
ADMIN_ERRORS = {401: {"model": s.Error}, 403: {"model": s.Error}, 409: {"model": s.Conflict}}


def _admin(web: Web, credentials: HTTPAuthorizationCredentials | None) -> None:
    """The admin token, compared in constant time; it is never logged nor echoed."""
    if web.admin_token is None:
        raise WebError(403, f"reindex is off: set {WEB_ADMIN_TOKEN_ENV}")
    # As bytes (compare_digest refuses non-ASCII str): the header's own bytes (Starlette decoded them as
    # Latin-1), against the token's UTF-8, which is how a client sends a non-ASCII token.
    given = credentials.credentials.encode("latin-1") if credentials is not None else b""
    if not hmac.compare_digest(given, web.admin_token.encode()):
        raise WebError(401, "reindex needs the admin token: Authorization: Bearer <token>",
                       headers={"WWW-Authenticate": "Bearer"})


@router.post("/reindex", status_code=202, response_model=s.JobStatus, responses={**ERRORS, **ADMIN_ERRORS})
async def reindex(web: Web, credentials: Credentials, body: s.ReindexRequest | None = None):
    """Update the index for changed documents (``full``: rebuild it) in the background; questions are answered
    from the serving index until the new one is complete. 409 while a reindex runs."""
    _admin(web, credentials)
    job, started = web.reindexer.start(full=body.full if body is not None else False)
    if not started:
        conflict = WebError(409, f"a reindex is running (job {job.id}); try again when it has finished")
        return JSONResponse({**conflict.to_json(), "job": job.to_json()}, status_code=409)
    return {"job": job.to_json()}


@router.get("/reindex", response_model=s.JobStatus, responses={**ERRORS, **ADMIN_ERRORS})
async def reindex_status(web: Web, credentials: Credentials) -> dict:
    """The latest reindex (running, done or failed), with its stage and progress; null before the first."""
    _admin(web, credentials)
    job = web.reindexer.job()
    return {"job": job.to_json() if job is not None else None}
