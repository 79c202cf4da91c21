"""Quoth: answers questions by quoting documents word for word, with who said it and where.

    import quoth

    q = quoth.Quoth.open(corpus="docs/")     # or Quoth.open() for the bundled sample corpus
    q.index()                                 # build, or update for changed documents
    for hit in q.ask("What did she say about the harbour?"):
        print(hit.text, "—", hit.speaker, hit.source.title)

Names are imported on first use, so ``import quoth`` stays cheap for front ends that need little of it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "Quoth": ".app", "BuildReport": ".index.build", "SearchResult": ".search.searcher",
    "Settings": ".settings", "Document": ".records", "Passage": ".records", "Hit": ".records",
    "SourceInfo": ".records", "Role": ".records", "Kind": ".records", "LayoutHints": ".records",
    "QuothError": ".errors", "ConfigError": ".errors", "CorpusError": ".errors", "ManifestError": ".errors",
    "IndexUnusable": ".errors", "IndexMissing": ".errors", "IndexDamaged": ".errors", "BadQuery": ".errors",
    "ModelMismatch": ".errors",
    "ModelUnavailable": ".errors", "EvalError": ".errors", "Person": ".index.speakers",
}
__all__ = [
    "BadQuery",
    "BuildReport",
    "ConfigError",
    "CorpusError",
    "Document",
    "EvalError",
    "Hit",
    "IndexDamaged",
    "IndexMissing",
    "IndexUnusable",
    "Kind",
    "LayoutHints",
    "ManifestError",
    "ModelMismatch",
    "ModelUnavailable",
    "Passage",
    "Person",
    "Quoth",
    "QuothError",
    "Role",
    "SearchResult",
    "Settings",
    "SourceInfo",
]

if TYPE_CHECKING:
    from .app import Quoth
    from .errors import (
        BadQuery,
        ConfigError,
        CorpusError,
        EvalError,
        IndexDamaged,
        IndexMissing,
        IndexUnusable,
        ManifestError,
        ModelMismatch,
        ModelUnavailable,
        QuothError,
    )
    from .index.build import BuildReport
    from .index.speakers import Person
    from .records import Document, Hit, Kind, LayoutHints, Passage, Role, SourceInfo
    from .search.searcher import SearchResult
    from .settings import Settings


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'quoth' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
