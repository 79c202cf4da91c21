"""A document's lines with their offsets, the unit that layout detection works on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    index: int
    start: int  # offset of the first non-space character
    end: int  # offset just past the last non-space character
    indent: int
    text: str  # stripped

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_lines(text: str) -> list[Line]:
    lines = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        indent = len(raw[:lead].expandtabs(4))
        start = pos + lead
        lines.append(Line(i, start, start + len(stripped), indent, stripped))
        pos += len(raw) + 1
    return lines
