"""Plain text and the plain-text markups (Markdown, reStructuredText, AsciiDoc, Org): the file's text as it is."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Extracted, LoadReport, SettingsReader, text_of
from .sniff import Content


class TextReader(SettingsReader):
    suffixes = (".txt", ".md", ".markdown", ".text", ".rst", ".rest", ".adoc", ".asciidoc", ".org")
    content = Content.TEXT

    def read(self, data: bytes, rel: str, report: LoadReport) -> Iterator[Extracted]:
        text = text_of(data, rel, report)
        if text is not None:
            yield Extracted(rel, text)
