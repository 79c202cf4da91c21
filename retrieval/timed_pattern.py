"""A user's regular expression (a manifest's ``speaker_pattern``) run with a time limit.

A pattern such as ``([A-Za-z]+\\s?)+:`` backtracks exponentially on a line it does not match (hours on one long
word), and the standard library's ``re`` cannot be interrupted. The third-party ``regex`` module (already installed
with trafilatura, through dateparser; pyproject names it) takes a ``timeout`` on every match, which is why it is
used here rather than a hand-written guard such as a watchdog thread or a process per document.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

import regex

# A line that does not match costs a pattern that does not backtrack microseconds: one that takes a quarter of a
# second is backtracking without end. All of a document's lines together get a second and a second per megabyte.
LINE_SECONDS = 0.25
DOCUMENT_SECONDS = 1.0
SECONDS_PER_MB = 1.0
# What one match may cost in the label readers, after the document's lines have passed the check: the same limit,
# so that a line the check let through matches there as it did there.
MATCH_SECONDS = LINE_SECONDS


class PatternStalls(ValueError):
    """The pattern ran out of time on a line; the message says which."""


class TimedPattern:
    """A compiled pattern whose ``match`` gives up after ``MATCH_SECONDS`` (no match), with the ``re.Pattern``
    attributes the label readers use."""

    def __init__(self, pattern: str, seconds: float = MATCH_SECONDS) -> None:
        self.rx = regex.compile(pattern)
        self.pattern: str = pattern
        self.groupindex: Mapping[str, int] = self.rx.groupindex
        self.seconds = seconds

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        try:
            return self.rx.match(text, pos, endpos, timeout=self.seconds)
        except TimeoutError:
            return None


def check_lines(pattern: str, lines: list[str]) -> None:
    """Raise PatternStalls when matching ``pattern`` at the head of one line takes over ``LINE_SECONDS``, or of
    all of them over the document's budget."""
    rx = regex.compile(pattern)
    budget = DOCUMENT_SECONDS + SECONDS_PER_MB * sum(map(len, lines)) / 1e6
    deadline = time.monotonic() + budget
    for n, line in enumerate(lines, 1):
        left = deadline - time.monotonic()
        if left <= 0:
            raise PatternStalls(f"it takes over {budget:.1f} s on the document's {len(lines):,} lines")
        try:
            rx.match(line, timeout=min(LINE_SECONDS, left))
        except TimeoutError:
            raise PatternStalls(f"it takes over {min(LINE_SECONDS, left):.2f} s on line {n} alone (it backtracks "
                                "without end)") from None
