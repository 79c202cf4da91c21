"""JSON Lines: one document per record (a text field, plus title, author, site, url, date), e.g. BEIR corpora.

A bad line costs only itself: the warning counts the lines skipped for each reason and names them by number.
"""

from __future__ import annotations

from collections.abc import Iterator

from .base import Extracted, LoadReport, SettingsReader, decode, normalise_newlines
from .json_text import TOO_DEEP, JsonError, loads

NAMED_LINES = 10  # line numbers a warning lists before it says how many more


def numbered(noun: str, numbers: list[int]) -> str:
    """``lines 2, 4`` / ``line 7`` / ``lines 1, 2, … and 40 more``: which records a warning is about."""
    shown = ", ".join(map(str, numbers[:NAMED_LINES]))
    more = f" and {len(numbers) - NAMED_LINES} more" if len(numbers) > NAMED_LINES else ""
    return f"{noun}{'s' if len(numbers) > 1 else ''} {shown}{more}"


def warn_skipped(report: LoadReport, rel: str, skipped: dict[str, list[int]], noun: str = "line") -> None:
    """One warning per reason: how many records it cost, which ones, and why."""
    for reason, numbers in skipped.items():
        report.warn(rel, f"{len(numbers)} {noun}(s) skipped ({numbered(noun, numbers)}): {reason}")


def json_lines(raw: str) -> Iterator[tuple[int, object | JsonError]]:
    """Each non-blank line's number and its value, or the JsonError that says why it has none."""
    for lineno, line in enumerate(raw.split("\n"), 1):
        if line.strip():
            try:
                yield lineno, loads(line)
            except JsonError as exc:
                yield lineno, exc


class JsonlReader(SettingsReader):
    suffixes = (".jsonl",)

    def read(self, data: bytes, rel: str, report: LoadReport) -> Iterator[Extracted]:
        # Records are judged one by one: a NUL byte in one bad record must not make the whole file "binary".
        raw, enc = decode(data)
        if enc:
            report.warn(rel, f"not valid UTF-8; decoded as {enc}")
        s = self.settings
        unfit = f"not JSON objects with a non-empty '{s.jsonl_text_field}'"
        skipped: dict[str, list[int]] = {}
        read = 0
        for lineno, rec in json_lines(normalise_newlines(raw)):
            text = rec.get(s.jsonl_text_field) if isinstance(rec, dict) else None
            if not isinstance(text, str) or not text.strip():
                skipped.setdefault(TOO_DEEP if str(rec) == TOO_DEEP else unfit, []).append(lineno)
                continue
            rid = rec.get(s.jsonl_id_field, rec.get("id", lineno))
            found = {k: (str(rec[k]) if rec.get(k) not in (None, "") else None)
                     for k in ("author", "site", "url", "date")}
            found["title"] = rec.get(s.jsonl_title_field) or None
            read += 1
            yield Extracted(f"{rel}#{rid}", normalise_newlines(text), found)
        if not read and unfit in skipped:  # records in a shape of their own: say how to read them
            skipped[f"{unfit} (map its fields with [[json]] in sources.toml)"] = skipped.pop(unfit)
        warn_skipped(report, rel, skipped)
