"""The only way from a request to a document, shared by the API and the page: a look-up among the index's own
documents by their path exactly as the index lists it — never a file name joined to a folder or opened."""

from __future__ import annotations

from quoth import Quoth
from quoth.index.store import StoredDocument
from quoth.records import Passage, SourceInfo
from quoth.search.query import unknown

from .errors import WebError

SHOWN_CHARS = 80  # of an unknown ``doc`` echoed in the 404 (a request may send thousands)


def indexed(quoth: Quoth, doc: str, listing: str) -> StoredDocument:
    """The indexed document whose path is ``doc``, else a 404 naming the closest paths and titles (the library's
    own ``unknown``); ``listing`` is where the reader finds them all ("/api/v1/sources", "Sources")."""
    docs = quoth.sources()
    for d in docs:
        if d.source.path == doc:
            return d
    shown = doc if len(doc) <= SHOWN_CHARS else doc[:SHOWN_CHARS - 3] + "..."
    close = unknown("document", doc, [x for d in docs for x in (d.source.path, d.source.title)]).suggestions
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else f" (see {listing})"
    raise WebError(404, f"no indexed document is {shown!r}{hint}", close)


def document_text(quoth: Quoth, doc: str, listing: str, unreadable: str
                  ) -> tuple[SourceInfo, str, list[tuple[Passage, SourceInfo]]]:
    """An indexed document's source, text and passages in order; 404 (``unreadable``) when its text is withheld
    or damaged since the build: never shown as its words."""
    source = indexed(quoth, doc, listing).source
    index = quoth.current()
    text = index.document_text(doc)
    if text is None:
        raise WebError(404, unreadable)
    return source, text, index.passages_within(doc, 0, len(text))
