"""Plain text and Markdown: the file's text as it is."""

from __future__ import annotations

from collections.abc import Iterator

from ..settings import CorpusSettings
from .base import Extracted, LoadReport, text_of


class TextReader:
    suffixes = (".txt", ".md", ".markdown", ".text")

    def __init__(self, settings: CorpusSettings) -> None:
        self.settings = settings

    def read(self, data: bytes, rel: str, report: LoadReport) -> Iterator[Extracted]:
        text = text_of(data, rel, report)
        if text is not None:
            yield Extracted(rel, text)
