"""JSON Lines: one document per record (a text field, plus title, author, site, url, date), e.g. BEIR corpora."""

from __future__ import annotations

import json
from collections.abc import Iterator

from .base import Extracted, LoadReport, SettingsReader, decode, normalise_newlines


class JsonlReader(SettingsReader):
    suffixes = (".jsonl",)

    def read(self, data: bytes, rel: str, report: LoadReport) -> Iterator[Extracted]:
        # Records are judged one by one: a NUL byte in one bad record must not make the whole file "binary".
        raw, enc = decode(data)
        if enc:
            report.warn(rel, f"not valid UTF-8; decoded as {enc}")
        raw = normalise_newlines(raw)
        s = self.settings
        bad = 0
        for lineno, line in enumerate(raw.split("\n"), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                bad += 1
                continue
            text = rec.get(s.jsonl_text_field) if isinstance(rec, dict) else None
            if not isinstance(text, str) or not text.strip():
                bad += 1
                continue
            rid = rec.get(s.jsonl_id_field, rec.get("id", lineno))
            found = {k: (str(rec[k]) if rec.get(k) not in (None, "") else None)
                     for k in ("author", "site", "url", "date")}
            found["title"] = rec.get(s.jsonl_title_field) or None
            yield Extracted(f"{rel}#{rid}", normalise_newlines(text), found)
        if bad:
            report.warn(rel, f"{bad} line(s) skipped: not JSON objects with a non-empty '{s.jsonl_text_field}'")
