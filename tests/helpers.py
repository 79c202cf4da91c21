"""Small builders the tests share."""

from __future__ import annotations

from pathlib import Path

from quoth.ingest import content_hash
from quoth.records import Document, LayoutHints, SourceInfo


def make_doc(text: str, path: str = "doc.txt", kind: str | None = None, comments: bool | None = None,
             **meta) -> Document:
    return Document(SourceInfo(path=path, title=meta.pop("title", ""), **meta), text, content_hash(text),
                    LayoutHints(kind, comments))


HARBOUR_AND_GARDEN = {
    "harbour.txt": "Harbour news\n\nby Ann Lee\n\nThe harbour wall was rebuilt with granite from the local quarry "
                   "after the winter storms destroyed the old stone pier.\n\nFishing boats returned at dawn and "
                   "the fish market reopened on the quay for the first time in months.\n",
    "garden.txt": "Garden notes\n\nby Bob Green\n\nTomatoes need full sun, regular watering and a rich compost to "
                  "ripen well in a cool summer.\n\nBob Green said, “Slugs ate every lettuce I planted this year, "
                  "so next spring I will use copper rings around the beds.”\n",
}


def write_corpus(root: Path, docs: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (root / name).write_text(text, encoding="utf-8")
    return root
