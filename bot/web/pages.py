"""The page: server-rendered HTML that works without JavaScript. Every form is ``method="get"``, so the address
bar is the permalink; every route calls the library the way the API does (``web.run``), and turns what it gets
into ``views`` for the templates (Jinja2, autoescape on: no document text is ever marked safe)."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

import jinja2
import numpy as np
from fastapi import APIRouter, Query, Request
from fastapi.templating import Jinja2Templates

from quoth import Quoth
from quoth.errors import BadQuery

from .errors import WebError
from .service import Web
from .views import Card, VerdictView, read_href, read_pieces, speaker_href

router = APIRouter(include_in_schema=False)
# Autoescape for every template whatever its name (select_autoescape would leave a ".txt" one raw).
templates = Jinja2Templates(env=jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent / "templates"), autoescape=True))
SPEAKER_PAGE = 20  # quotes per page of a speaker's page
SUGGESTIONS = 3  # closest names offered for an unknown document or speaker
Text = Annotated[str | None, Query(max_length=4000)]


def lang(request: Request) -> str:
    """``<html lang>``: the reply language once bot/web/locale.py lands; English until then."""
    return "en"


def render(request: Request, name: str, nav: str | None, status: int = 200, **context):
    return templates.TemplateResponse(request, name, {"nav": nav, "lang": lang(request), **context},
                                      status_code=status)


def error_page(request: Request, exc: WebError):
    return templates.TemplateResponse(request, "error.html", {"error": exc, "nav": None, "lang": lang(request)},
                                      status_code=exc.status, headers=exc.headers)


@router.get("/")
async def ask(request: Request, web: Web, q: Annotated[str | None, Query(max_length=1000)] = None,
              k: int | None = None, source: str | None = None, speaker: str | None = None, offset: int = 0):
    form = {"q": q or "", "k": k, "source": source or "", "speaker": speaker or "", "offset": offset}
    if q is None:
        return render(request, "index.html", "ask", form=form, cards=None)
    try:
        result = await web.run(web.quoth.ask, q, k, source or None, speaker or None, offset)
    except BadQuery as e:
        return render(request, "index.html", "ask", status=400, form=form, cards=None, error=str(e))
    hits = list(result)
    cards = [Card.of(h.passage, h.source, h.best_sentence) for h in hits]
    wanted = k or web.quoth.settings.search.k
    more = None
    if len(hits) >= wanted:
        more = "/?" + urlencode({key: v for key, v in {**form, "offset": offset + len(hits)}.items()
                                 if v not in ("", None)})
    return render(request, "index.html", "ask", form=form, cards=cards, more=more)


@router.get("/quote")
async def quote(request: Request, web: Web, doc: str, start: int, end: int):
    found, pid = await web.run(web.quoth.context, doc, start, end, 0, 0)
    shown = [(p, src) for p, src in found if p.id == pid]
    if not shown:
        raise WebError(404, "no indexed passage at that place: it may have been re-indexed or removed",
                       await _doc_suggestions(web, doc))
    card = Card.of(*shown[0])
    return render(request, "quote.html", None, one=card)


@router.get("/check")
async def check(request: Request, web: Web, text: Text = None, speaker: str | None = None):
    form = {"text": text or "", "speaker": speaker or ""}
    if text is None:
        return render(request, "check.html", "check", form=form, verdicts=None)
    try:
        verdicts = await web.run(web.quoth.verify, text, speaker or None)
    except BadQuery as e:
        return render(request, "check.html", "check", status=400, form=form, verdicts=None, error=str(e))
    permalink = "/check?" + urlencode({k: v for k, v in form.items() if v})
    return render(request, "check.html", "check", form=form, verdicts=[VerdictView.of(v) for v in verdicts],
                  permalink=permalink)


@router.get("/read")
async def read(request: Request, web: Web, doc: str, start: int | None = None, end: int | None = None):
    # ``doc`` is only ever a key looked up among the index's documents: never joined to a folder or opened.
    loaded = await web.run(_document, web.quoth, doc)
    if loaded is None:
        raise WebError(404, f"no indexed document {doc!r}", await _doc_suggestions(web, doc))
    source, text, passages = loaded
    pieces = read_pieces(text, passages, start, end)
    return render(request, "read.html", None, source=source, pieces=pieces,
                  quoted=any(p.current for p in pieces))


def _document(quoth: Quoth, doc: str):
    idx = quoth.current()
    text = idx.document_text(doc)
    source = next((d.source for d in idx.documents() if d.source.path == doc), None)
    if text is None or source is None:
        return None
    return source, text, [p for p, _ in idx.passages_within(doc, 0, len(text))]


async def _doc_suggestions(web: Web, doc: str) -> list[str]:
    docs = await web.run(web.quoth.sources)
    names = {d.source.path: d.source.path for d in docs} | {d.source.title: d.source.path for d in docs}
    return list(dict.fromkeys(names[n] for n in difflib.get_close_matches(doc, names, SUGGESTIONS, 0.4)))


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
        close = difflib.get_close_matches(name, [p.name for p in people], SUGGESTIONS, 0.4)
        raise WebError(404, f"no speaker named {name!r}", close)
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
