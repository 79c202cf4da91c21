"""A document's lines with their offsets, and the mask of lines that are furniture, not anyone's words.

``Page`` is what every segmentation stage reads: furniture removal and the masthead clear lines from its
``keep`` mask; layout and thread readers read the kept lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

HEAD_LINES = 40  # the masthead (profile header, byline) is looked for among the first lines only


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


@dataclass
class Page:
    text: str
    lines: list[Line]
    keep: list[bool] = field(default_factory=list)
    version: int = 0  # changes when a line is dropped: what was read from the page before may be stale
    memo: dict = field(default_factory=dict)  # readers' findings, by (reader, version)
    fields: dict[str, str] = field(default_factory=dict)  # header fields (masthead.read_header_fields)

    @classmethod
    def of(cls, text: str) -> Page:
        lines = split_lines(text)
        return cls(text, lines, [True] * len(lines))

    def drop(self, line: Line) -> None:
        if self.keep[line.index]:
            self.keep[line.index] = False
            self.version += 1

    def content(self, start: int = 0, stop: int | None = None) -> list[Line]:
        """Kept, non-blank lines with index in [start, stop)."""
        return [ln for ln in self.lines[start:stop] if self.keep[ln.index] and not ln.blank]

    def head(self) -> list[Line]:
        """Non-blank lines at the top of the page, furniture included (a masthead is made of it)."""
        return [ln for ln in self.lines[:HEAD_LINES] if not ln.blank]

    def blocks(self, stop: int) -> list[list[Line]]:
        """Runs of consecutive kept, non-blank lines before line ``stop``: paragraphs."""
        blocks: list[list[Line]] = []
        cur: list[Line] = []
        for ln in self.lines[:stop]:
            if self.keep[ln.index] and not ln.blank:
                cur.append(ln)
            elif cur:
                blocks.append(cur)
                cur = []
        if cur:
            blocks.append(cur)
        return blocks

    def span(self, first: int, stop: int, first_start: int | None = None) -> tuple[int, int] | None:
        """Offsets covering the kept, non-blank lines in [first, stop); ``first_start`` moves the start of
        line ``first`` past a marker (a list number, a bullet)."""
        content = self.content(first, stop)
        if not content:
            return None
        start = first_start if first_start is not None and content[0].index == first else content[0].start
        return start, content[-1].end
