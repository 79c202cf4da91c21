"""Word documents (.docx) with python-docx: paragraphs and headings in order, table rows as lines, the title and
author from the document's core properties. python-docx is the optional ``quoth[formats]``: without it a .docx
is skipped with a warning that says what to install."""

from __future__ import annotations

import io
from collections.abc import Iterator

from .archive import ArchiveTooLarge, restored
from .base import Extracted, LoadReport, SettingsReader, normalise_newlines


class DocxReader(SettingsReader):
    suffixes = (".docx",)

    def read(self, data: bytes, rel: str, report: LoadReport) -> Iterator[Extracted]:
        try:
            import docx
        except ImportError:
            report.warn(rel, "skipped: Word documents need python-docx (pip install 'quoth[formats]')")
            return
        try:
            # python-docx reads each part whole, and zipfile inflates a part's whole stream before cutting it to the
            # size its header declares: it gets the archive re-read within bounds (archive.py).
            package = restored(data, self.settings)
        except ArchiveTooLarge as exc:
            report.warn(rel, f"skipped: {exc}")
            return
        except Exception as exc:  # not a zip, or a damaged one
            report.warn(rel, f"skipped: unreadable Word document ({type(exc).__name__}: {exc})")
            return
        try:
            doc = docx.Document(io.BytesIO(package))
            blocks = _blocks(doc)
            props = doc.core_properties
        except Exception as exc:  # a zip that is no Word document raises from zipfile, lxml or python-docx
            report.warn(rel, f"skipped: unreadable Word document ({type(exc).__name__}: {exc})")
            return
        found = {"title": props.title or None, "author": props.author or None,
                 "date": props.created.date().isoformat() if props.created else None}
        yield Extracted(rel, normalise_newlines("\n\n".join(blocks)), found)


def _blocks(doc) -> list[str]:
    """Paragraphs and tables in document order: one block a paragraph, one line a table row."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out = []
    for item in doc.iter_inner_content():
        if isinstance(item, Paragraph) and item.text.strip():
            out.append(item.text.strip())
        elif isinstance(item, Table):
            rows = [" | ".join(c.text.strip() for c in row.cells) for row in item.rows]
            if any(r.strip(" |") for r in rows):
                out.append("\n".join(rows))
    return out
