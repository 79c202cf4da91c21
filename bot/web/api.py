"""The JSON API, ``/api/v1``: the CLI's ``--json`` shapes over HTTP."""

from __future__ import annotations

from fastapi import APIRouter

from .service import Web

PREFIX = "/api/v1"
router = APIRouter(prefix=PREFIX, tags=["api"])


@router.get("/sources")
async def sources(web: Web) -> dict:
    docs = await web.run(web.quoth.sources)
    return {"sources": [{**d.source.to_json(), "passages": d.passages} for d in docs]}
