"""How much of a document its passages hold: the share of its sentences that are in some passage.

Words that are in no passage can never be found or quoted. Furniture the readers drop on purpose (site chrome,
code, a licence, headings kept as context) is not counted; what a layout reader passed over is. A sentence of
one word (a speaker's label, a page number), a label in capitals and a stage direction in brackets are not
counted either: they are read, not lost. Nor is what a turn reader read as nobody's words (``Thread.read``: a
label, a time stamp, a join): a sentence is measured on the rest of it, so ``FORD: OK.`` is covered when ``OK.``
is in a passage, and a lost ``OK.`` is still lost.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..records import Passage
from .meta import Block
from .page import Page
from .sentences import sentence_spans

COVERED_SHARE = 0.5  # a sentence is in a passage when at least this share of its characters is
LOST_SHOWN = 5  # lost sentences kept as examples for --explain
MIN_WORDS = 2
WORD_RE = re.compile(r"[^\W_]")
# Read, not lost: a play's stage direction in brackets, a speaker's label in capitals ("LADY BRACKNELL.").
READ_NOT_LOST = re.compile(r"^(?:\[[^\]]*\]?|\([^)]*\)?|[^\W\d_a-z]+(?:[ .'’-]+[^\W\d_a-z]+){0,3}[.:]?)$")


@dataclass(frozen=True)
class Coverage:
    sentences: int = 0  # the document's sentences outside furniture
    covered: int = 0  # of those, the ones in some passage
    lost: tuple[str, ...] = field(default=())  # the first few sentences in no passage
    floor: float = 0.0  # under this share the document is said to lose words (settings: segment.min_coverage)

    @property
    def share(self) -> float:
        return self.covered / self.sentences if self.sentences else 1.0

    @property
    def loses_words(self) -> bool:
        return self.share < self.floor

    def to_json(self) -> dict:
        return {"sentences": self.sentences, "covered": self.covered, "share": round(self.share, 4),
                "loses_words": self.loses_words, "lost": list(self.lost)}


def measure(page: Page, skipped: list[Block], passages: list[Passage], floor: float = 0.0,
            read: Iterable[tuple[int, int]] = ()) -> Coverage:
    """Coverage of the page's kept lines by ``passages``. Of the ``skipped`` blocks (the headings) only lines
    alone are left out: wrapped lines of prose taken for a stacked heading are words lost. ``read``: stretches a
    turn reader read as nobody's words (labels, time stamps, system lines); a sentence is measured on the rest
    of it, and not at all when nothing else is left (``FORD: OK.`` is covered when ``OK.`` is in a passage)."""
    starts, ends = _merged([(p.start, p.end) for p in passages])
    read_starts, read_ends = _merged(list(read))
    skip = {b[0].index for b in skipped if len(b) == 1}
    total = covered = 0
    lost: list[str] = []
    text = page.text
    for block in page.blocks(len(page.lines)):
        if block[0].index in skip:  # a heading; the lines under it with no blank line between are still words
            block = block[1:]
        if not block:
            continue
        a0 = block[0].start
        for a, b in sentence_spans(text[a0:block[-1].end]):
            a, b = a0 + a, a0 + b
            if len(text[a:b].split()) < MIN_WORDS or READ_NOT_LOST.match(text[a:b]):
                continue
            left = b - a - _inside(read_starts, read_ends, a, b)
            if not _has_words(text, a, b, read_starts, read_ends):
                continue
            total += 1
            if _inside(starts, ends, a, b) >= COVERED_SHARE * left:
                covered += 1
            elif len(lost) < LOST_SHOWN:
                lost.append(" ".join(text[a:b].split())[:160])
    return Coverage(total, covered, tuple(lost), floor)


def _has_words(text: str, a: int, b: int, starts: list[int], ends: list[int]) -> bool:
    """Whether [a, b) holds a letter or digit outside the merged spans."""
    i = max(bisect.bisect_right(starts, a) - 1, 0)
    at = a
    while at < b:
        while i < len(starts) and ends[i] <= at:
            i += 1
        stop = min(b, starts[i]) if i < len(starts) else b
        if stop > at and WORD_RE.search(text, at, stop):
            return True
        at = max(stop, ends[i]) if i < len(starts) else b
    return False


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(spans):
        if starts and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _inside(starts: list[int], ends: list[int], a: int, b: int) -> int:
    """Characters of [a, b) inside the merged spans."""
    i = max(bisect.bisect_right(starts, a) - 1, 0)
    n = 0
    while i < len(starts) and starts[i] < b:
        n += max(0, min(b, ends[i]) - max(a, starts[i]))
        i += 1
    return n
