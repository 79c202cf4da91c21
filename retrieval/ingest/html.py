"""HTML pages: the main text extracted with trafilatura (comments and tables kept), and the page's metadata."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Extracted, LoadReport, SettingsReader, normalise_newlines, text_of


class HtmlReader(SettingsReader):
    suffixes = (".html", ".htm", ".xhtml")

    def read(self, data: bytes, rel: str, report: LoadReport) -> Iterator[Extracted]:
        import trafilatura  # imported on first HTML file: it takes a while and many corpora have none

        raw = text_of(data, rel, report)
        if raw is None:
            return
        text = trafilatura.extract(raw, include_comments=True, include_tables=True, favor_recall=True,
                                   output_format="txt")
        meta = trafilatura.extract_metadata(raw)
        found = {}
        if meta is not None:
            found = {"title": meta.title, "author": meta.author, "site": meta.sitename, "date": meta.date,
                     "url": meta.url}
        yield Extracted(rel, normalise_newlines(text or ""), found)
