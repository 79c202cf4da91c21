"""JSON and JSON Lines files read through a ``[[json]]`` mapping of the manifest (``json_mapping``): one document
per record, its words where the mapping says, its speaker as the document's author (who said the words).

A record without text costs only itself: the warning counts them and names them by number (``record 2`` in a
.json file, ``line 7`` in a .jsonl file).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..settings import CorpusSettings
from .base import Extracted, LoadReport, SettingsReader, decode, normalise_newlines, text_of
from .json_mapping import JsonMapping, steps, value_at
from .json_text import TOO_DEEP, UNREAD, JsonError, document
from .jsonl import json_lines, warn_skipped


def _words(value: Any) -> str | None:
    """A record's text: a string, or a list of paragraph strings (joined by blank lines); None when empty."""
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        value = "\n\n".join(v for v in value if v.strip())
    return normalise_newlines(value) if isinstance(value, str) and value.strip() else None


def _field(value: Any) -> str | None:
    """A metadata value (speaker, date, title, id) as text; None for what is missing, empty or not a scalar."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return str(value).strip() or None


class MappedJsonReader(SettingsReader):
    suffixes = ()  # chosen by the manifest's glob, never by a suffix

    def __init__(self, settings: CorpusSettings, mapping: JsonMapping) -> None:
        super().__init__(settings)
        self.mapping = mapping
        self.no_text = f"no text at '{mapping.text}'"
        self.no_list = f"no list of records at '{mapping.records}'"
        # Each path parsed once, not once a record (a Slack-sized export has 100,000 of them).
        self.paths = {key: steps(path) for key in ("records", "text", "speaker", "date", "title", "id")
                      if (path := getattr(mapping, key)) is not None}

    def read(self, data: bytes, rel: str, report: LoadReport) -> Iterator[Extracted]:
        if rel.lower().endswith(".jsonl"):
            yield from self._lines(data, rel, report)
            return
        raw = text_of(data, rel, report)
        if raw is None:
            return
        if (doc := document(raw, rel, report)) is UNREAD:
            return
        records = self._records(doc)
        if records is None:
            report.warn(rel, f"skipped: {self.no_list}")
            return
        one = self.mapping.records is None and isinstance(doc, dict)  # the file is the one record
        skipped: dict[str, list[int]] = {}
        for n, rec in enumerate(records, 1):
            got = self._record(rec, rel, None if one else str(n))
            if got is None:
                skipped.setdefault(self.no_text, []).append(n)
            else:
                yield got
        warn_skipped(report, rel, skipped, "record")

    def _lines(self, data: bytes, rel: str, report: LoadReport) -> Iterator[Extracted]:
        raw, enc = decode(data)  # judged line by line, as the JSON Lines reader does
        if enc:
            report.warn(rel, f"not valid UTF-8; decoded as {enc}")
        skipped: dict[str, list[int]] = {}
        for lineno, line in json_lines(normalise_newlines(raw)):
            if isinstance(line, JsonError):
                skipped.setdefault(TOO_DEEP if str(line) == TOO_DEEP else "not JSON", []).append(lineno)
                continue
            records = self._records(line)
            if records is None:
                skipped.setdefault(self.no_list, []).append(lineno)
                continue
            many = self.mapping.records is not None or isinstance(line, list)  # a line of records: line.k
            got = [self._record(rec, rel, f"{lineno}.{k}" if many else str(lineno))
                   for k, rec in enumerate(records, 1)]
            if not any(got):
                skipped.setdefault(self.no_text, []).append(lineno)
            yield from (g for g in got if g is not None)
        warn_skipped(report, rel, skipped)

    def _records(self, doc: Any) -> list | None:
        """The records of a file (or line): the list at ``records`` (None when there is none), else the list it
        is, else itself."""
        if self.mapping.records is None:
            return doc if isinstance(doc, list) else [doc]
        found = value_at(doc, self.paths["records"])
        return found if isinstance(found, list) else None

    def _record(self, rec: Any, rel: str, label: str | None) -> Extracted | None:
        """One record as a document named ``rel#id`` (``rel#label`` when it has no id; ``rel`` for a label of
        None: the file is the one record). None when it has no text where the mapping says."""
        text = _words(value_at(rec, self.paths["text"]))
        if text is None:
            return None
        rid = _field(value_at(rec, self.paths["id"])) if "id" in self.paths else None
        name = rel if label is None else f"{rel}#{rid or label}"
        found = {key: _field(value_at(rec, self.paths[field])) if field in self.paths else None
                 for key, field in (("author", "speaker"), ("date", "date"), ("title", "title"))}
        return Extracted(name, text, found)
