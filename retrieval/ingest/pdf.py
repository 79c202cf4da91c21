"""PDF files: each page's text with pypdf, pages separated by a blank line."""

from __future__ import annotations

import io
from collections.abc import Iterator

from .base import Extracted, LoadReport, SettingsReader, normalise_newlines


class PdfReader(SettingsReader):
    suffixes = (".pdf",)

    def read(self, data: bytes, rel: str, report: LoadReport) -> Iterator[Extracted]:
        import pypdf
        from pypdf.errors import PdfReadError

        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            pages = [page.extract_text() or "" for page in reader.pages]
            meta = reader.metadata
        except (PdfReadError, ValueError, KeyError, OSError) as exc:
            report.warn(rel, f"skipped: unreadable PDF ({exc})")
            return
        found = {"title": meta.title, "author": meta.author} if meta is not None else {}
        yield Extracted(rel, normalise_newlines("\n\n".join(p.strip("\n") for p in pages)), found)
