"""PDF files: each page's text with pypdf, pages separated by a blank line, and where each page starts (its
printed label where the PDF has one, else its number) so that a quote cites its page."""

from __future__ import annotations

import io
from collections.abc import Iterator

from ..records import Locator
from .base import Extracted, LoadReport, SettingsReader, normalise_newlines
from .sniff import Content


class PdfReader(SettingsReader):
    suffixes = (".pdf",)
    content = Content.PDF

    def read(self, data: bytes, rel: str, report: LoadReport) -> Iterator[Extracted]:
        import pypdf
        from pypdf.errors import PdfReadError

        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            pages = [normalise_newlines(page.extract_text() or "").strip("\n") for page in reader.pages]
            labels = page_labels(reader, len(pages))
            meta = reader.metadata
        except (PdfReadError, ValueError, KeyError, OSError) as exc:
            report.warn(rel, f"skipped: unreadable PDF ({exc})")
            return
        found = {"title": meta.title, "author": meta.author} if meta is not None else {}
        locators, pos = [], 0
        for text, label in zip(pages, labels, strict=True):
            locators.append(Locator(pos, f"p. {label}"))
            pos += len(text) + 2  # the blank line between pages
        yield Extracted(rel, "\n\n".join(pages), found, locators=tuple(locators))


def page_labels(reader, count: int) -> list[str]:
    """The printed label of each page ("iv", "12", "A-3") where the PDF defines them, else its number."""
    try:
        labels = list(reader.page_labels)
    except Exception:  # a malformed /PageLabels tree: numbers are still right
        labels = []
    if len(labels) != count:
        labels = [str(i) for i in range(1, count + 1)]
    return labels
