"""The page: server-rendered HTML that works without JavaScript. Every form is ``method="get"``, so the address
bar is the permalink; every route calls the library the way the API does (``web.run``), and turns what it gets
into ``views`` for the templates (Jinja2, autoescape on: no document text is ever marked safe)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

import jinja2
import numpy as np
from fastapi import APIRouter, Query, Request
from fastapi.templating import Jinja2Templates

from quoth import Quoth
from quoth.errors import BadQuery, QuothError, Remedy
from quoth.search.query import unknown

from .documents import document_text, indexed
from .errors import WebError
from .locale import ENGLISH, messages_for, negotiate
from .schemas import (
    MAX_CLAIM_CHARS,
    MAX_K,
    MAX_LANG_CHARS,
    MAX_NAME_CHARS,
    MAX_OFFSET,
    MAX_QUERY_CHARS,
    MAX_TEXT_OFFSET,
)
from .service import Web
from .views import Card, VerdictView, best_span, read_href, read_pieces, speaker_href, words_mark

router = APIRouter(include_in_schema=False)
# Autoescape for every template whatever its name (select_autoescape would leave a ".txt" one raw).
templates = Jinja2Templates(env=jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent / "templates"), autoescape=True))
SPEAKER_PAGE = 20  # quotes per page of a speaker's page
NOTHING = "Nothing relevant found."
# The library's remedies in the page's own words: a reader of the page has no ``quoth`` command to run.
PAGE_REMEDIES = {Remedy.LIST_SPEAKERS: " (see Speakers)", Remedy.LIST_SOURCES: " (see Sources)",
                 Remedy.ASK_SOMETHING: ": type a question"}
Text = Annotated[str | None, Query(max_length=MAX_CLAIM_CHARS)]
Name = Annotated[str | None, Query(max_length=MAX_NAME_CHARS)]
TextOffset = Annotated[int, Query(ge=0, le=MAX_TEXT_OFFSET)]  # past either end SQLite overflows: a 500
FormNumber = Annotated[str | None, Query(max_length=20)]  # parsed by _number: "" is a field left empty


def reply_language(request: Request) -> str:
    """The reader's language as the API negotiates it (``lang=``, else Accept-Language, else English)."""
    return negotiate(request.query_params.get("lang"), request.headers.get("accept-language"))


def said(request: Request, sentence: str) -> tuple[str, str]:
    """``sentence`` in the reader's language where the bot's catalog has it, and the language it is in. The
    page's own chrome is English (the catalogs hold the bot's sentences, not the page's), so ``<html lang>``
    stays "en" and a translated sentence carries its own ``lang``: a screen reader then voices each part in
    its language."""
    say = messages_for(reply_language(request))
    return (say(sentence), say.lang) if say.has(sentence) else (sentence, ENGLISH)


def page_message(exc: QuothError) -> str:
    """A library error as the page says it: its problem, and the remedy in the page's terms."""
    if exc.remedy in PAGE_REMEDIES:
        return exc.problem + PAGE_REMEDIES[exc.remedy]
    return str(exc)


def render(request: Request, name: str, nav: str | None, status: int = 200, **context):
    return templates.TemplateResponse(request, name, {"nav": nav, "lang": ENGLISH, "max_k": MAX_K, **context},
                                      status_code=status)


def error_page(request: Request, exc: WebError):
    return templates.TemplateResponse(request, "error.html", {"error": exc, "nav": None, "lang": ENGLISH},
                                      status_code=exc.status, headers=exc.headers)


@router.get("/")
async def ask(request: Request, web: Web, q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)] = None,
              k: FormNumber = None, source: Name = None, speaker: Name = None, offset: FormNumber = None,
              lang: Annotated[str | None, Query(max_length=MAX_LANG_CHARS)] = None):
    form = {"q": q or "", "k": k or "", "source": source or "", "speaker": speaker or "", "offset": offset or "",
            "lang": lang or ""}
    if q is None:
        return render(request, "index.html", "ask", form=form, start=0, cards=None)
    try:
        wanted = _number("k", k, 1, MAX_K)
        skip = _number("offset", offset, 0, MAX_OFFSET) or 0
        result = await web.run(web.quoth.ask, q, wanted, source or None, speaker or None, skip)
    except BadQuery as e:
        return render(request, "index.html", "ask", status=400, form=form, start=0, cards=None,
                      error=page_message(e))
    hits = list(result)
    cards = [Card.of(h.passage, h.source, h.best_sentence) for h in hits]
    more = None
    if len(hits) >= (wanted or web.quoth.settings.search.k) and skip + len(hits) <= MAX_OFFSET:
        more = "/?" + urlencode({key: v for key, v in {**form, "offset": skip + len(hits)}.items() if v})
    return render(request, "index.html", "ask", form=form, start=skip, cards=cards, more=more,
                  nothing=said(request, NOTHING))


def _number(name: str, value: str | None, low: int, high: int) -> int | None:
    """A number typed in the form: an empty field is no value (a GET form sends every field, filled or not),
    anything else a whole number in [low, high], or the mistake in the API's words."""
    if value is None or not value.strip():
        return None
    try:
        number = int(value.strip())
    except ValueError:
        raise BadQuery(f"{name}: must be a whole number between {low} and {high}") from None
    if not low <= number <= high:
        raise BadQuery(f"{name}: must be between {low} and {high}")
    return number


@router.get("/quote")
async def quote(request: Request, web: Web, doc: str, start: TextOffset, end: TextOffset,
                best: Annotated[str | None, Query(max_length=40)] = None,
                h: Annotated[str | None, Query(max_length=64)] = None):
    found, pid = await web.run(web.quoth.context, doc, start, end, 0, 0)
    shown = [(p, src) for p, src in found if p.id == pid]
    if not shown:
        await web.run(indexed, web.quoth, doc, "Sources")  # an unknown document: 404 with the closest names
        raise WebError(404, "no indexed passage at that place: it may have been re-indexed or removed")
    passage, source = shown[0]
    if h is not None and h != words_mark(passage.text):  # the document changed since the link was made
        raise WebError(410, "the words at that place have changed since this link was made (the document was "
                            "edited and indexed again): search for the quote, or read the document as it is now")
    return render(request, "quote.html", None, one=Card.of(passage, source, best_span(best, len(passage.text))))


@router.get("/check")
async def check(request: Request, web: Web, text: Text = None, speaker: Name = None):
    form = {"text": text or "", "speaker": speaker or ""}
    if text is None:
        return render(request, "check.html", "check", form=form, verdicts=None)
    try:
        verdicts = await web.run(web.quoth.verify, text, speaker or None)
    except BadQuery as e:
        return render(request, "check.html", "check", status=400, form=form, verdicts=None,
                      error=page_message(e))
    permalink = "/check?" + urlencode({k: v for k, v in form.items() if v})
    return render(request, "check.html", "check", form=form, verdicts=[VerdictView.of(v) for v in verdicts],
                  permalink=permalink)


@router.get("/read")
async def read(request: Request, web: Web, doc: str, start: TextOffset | None = None,
               end: TextOffset | None = None):
    # ``doc`` is only ever a key looked up among the index's documents: never joined to a folder or opened.
    source, text, rows = await web.run(_document, web.quoth, doc)
    pieces = read_pieces(text, [p for p, _ in rows], start, end)
    return render(request, "read.html", None, source=source, pieces=pieces,
                  quoted=any(p.current for p in pieces))


def _document(quoth: Quoth, doc: str):
    return document_text(quoth, doc, "Sources", f"the text of {doc!r} cannot be shown: it is not what the index "
                                                "holds")


@router.get("/sources")
async def sources(request: Request, web: Web):
    docs = await web.run(web.quoth.sources)
    rows = [(d.source, d.passages, read_href(d.source.path)) for d in docs]
    return render(request, "sources.html", "sources", rows=rows)


@router.get("/speakers")
async def speakers(request: Request, web: Web):
    people = await web.run(web.quoth.people)
    return render(request, "speakers.html", "speakers", rows=[(p, speaker_href(p.name)) for p in people])


@router.get("/speakers/{name:path}")
async def speaker(request: Request, web: Web, name: str, offset: Annotated[int, Query(ge=0)] = 0):
    people = await web.run(web.quoth.people)
    person = next((p for p in people if p.name == name), None)
    if person is None:
        close = unknown("speaker", name[:80], [a for p in people for a in p.aliases])
        raise WebError(404, page_message(close), close.suggestions)
    found, total = await web.run(_quotes_of, web.quoth, person.name, offset)
    cards = [Card.of(p, src) for p, src in found]
    more = f"{speaker_href(person.name)}?offset={offset + SPEAKER_PAGE}" if offset + SPEAKER_PAGE < total else None
    return render(request, "speaker.html", "speakers", person=person, cards=cards, more=more, offset=offset,
                  total=total)


def _quotes_of(quoth: Quoth, name: str, offset: int):
    """A page of ``name``'s passages in index order, and how many they have in all."""
    idx = quoth.current()
    rows = np.flatnonzero(idx.speaker_rows(name))
    page = idx.passages(rows[offset:offset + SPEAKER_PAGE]) if offset < len(rows) else []
    return [(p, src) for p, src in page if not idx.hidden(p)], len(rows)
