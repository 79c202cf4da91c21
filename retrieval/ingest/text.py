"""Plain text and Markdown: the file's text as it is."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Extracted, LoadReport, SettingsReader, text_of


class TextReader(SettingsReader):
    suffixes = (".txt", ".md", ".markdown", ".text")

    def read(self, data: bytes, rel: str, report: LoadReport) -> Iterator[Extracted]:
        text = text_of(data, rel, report)
        if text is not None:
            yield Extracted(rel, text)
