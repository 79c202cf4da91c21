"""Small builders the tests share."""

from __future__ import annotations

from quoth.ingest import content_hash
from quoth.records import Document, LayoutHints, SourceInfo


def make_doc(text: str, path: str = "doc.txt", kind: str | None = None, comments: bool | None = None,
             **meta) -> Document:
    return Document(SourceInfo(path=path, title=meta.pop("title", ""), **meta), text, content_hash(text),
                    LayoutHints(kind, comments))
