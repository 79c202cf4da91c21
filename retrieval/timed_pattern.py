"""A user's regular expression (a manifest's ``speaker_pattern``) run with a time limit.

A pattern such as ``([A-Za-z]+\\s?)+:`` backtracks exponentially on a line it does not match (hours on one long
word), and the standard library's ``re`` cannot be interrupted. The third-party ``regex`` module (already installed
with trafilatura, through dateparser; pyproject names it) takes a ``timeout`` on every match, which is why it is
used here rather than a hand-written guard such as a watchdog thread or a process per document.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping

import regex

# What one document's lines may cost the pattern, all together: the manifest's pattern is tried on every line of
# its documents, in well under a millisecond a line when it does not backtrack.
DOCUMENT_SECONDS = 1.0
# What one match may cost once the document's lines have passed (a line the check did not see: a stripped tail).
MATCH_SECONDS = 0.05


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

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        try:
            return self.rx.match(text, pos, endpos, timeout=self.seconds)
        except TimeoutError:
            return None


def check_lines(pattern: str, lines: Iterable[str], seconds: float = DOCUMENT_SECONDS) -> None:
    """Raise PatternStalls when matching ``pattern`` at the head of every line takes more than ``seconds``."""
    rx = regex.compile(pattern)
    deadline = time.monotonic() + seconds
    for n, line in enumerate(lines, 1):
        left = deadline - time.monotonic()
        try:
            if left <= 0:
                raise TimeoutError
            rx.match(line, timeout=left)
        except TimeoutError:
            raise PatternStalls(f"it takes over {seconds:g} s on the document's lines (line {n}: it backtracks "
                                "without end)") from None
