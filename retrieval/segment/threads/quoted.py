"""A quotation whose header names nobody (``> `` lines in a chat message, a GitHub comment, a Reddit post) is
still named when the document says who: its words stand earlier in the thread, in one person's own turn. The
words must be long enough to be that person's and no one else's (a "> yes" names nobody), and every earlier
turn that holds them must be the same person's; otherwise the quotation stays unnamed. Never the quoter's:
the quoter's own turn cannot hold words quoted in it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ...records import Clue, Role
from ..attribution.evidence import Decision
from ..units import Unit

MIN_WORDS = 4  # fewer quoted words ("> yes", "> +1") could be anyone's
FOUND_WEIGHT = 0.95  # the words are found, not labelled: a little less sure than a quote header
OPENING_MARKS = "\"“‘'«„"
MARKS_RE = re.compile(r"(?m)^[ \t]*(?:>[ \t]?)+")


def _words(text: str) -> str:
    return " ".join(MARKS_RE.sub(" ", text).split())


@dataclass(frozen=True)
class Earlier:
    """Every named writer's words, joined once, so a quotation is looked up in one search, not one per turn."""

    joined: str
    offsets: list[int]  # where each unit's words start in ``joined``
    units: list[Unit]

    @classmethod
    def of(cls, text: str, units: Sequence[Unit]) -> Earlier:
        named = sorted((u for u in units if u.speaker), key=lambda u: u.start)
        offsets, parts, at = [], [], 0
        for u in named:
            words = _words(text[u.start:u.end])
            offsets.append(at)
            parts.append(words)
            at += len(words) + 1  # the separator no quotation holds
        return cls("\n".join(parts), offsets, named)

    def writers(self, quoted: str, before: int) -> list[Unit]:
        """The units before offset ``before`` that hold ``quoted`` as their writer's own words, not inside
        quotation marks (a writer quoting a third party, a statute, a proverb: those words are not theirs)."""
        found = []
        at = self.joined.find(quoted)
        while at != -1:
            k = bisect.bisect_right(self.offsets, at) - 1
            u = self.units[k]
            mark = self.joined[self.offsets[k]:at].rstrip()[-1:]
            if u.start < before and not (mark and mark in OPENING_MARKS):
                found.append(u)
            at = self.joined.find(quoted, at + 1)
        return found


def credit_found(text: str, units: list[Unit], earlier: Sequence[Unit] = ()) -> list[Unit]:
    """The units, each unnamed quotation credited to the one person whose earlier turn holds its words.
    ``earlier``: more named words to look in (the page's body above a comment thread)."""
    out = list(units)
    # Earlier words of a named writer: their own turns, and quotations their header or export names them for.
    index: Earlier | None = None
    for i, u in enumerate(units):
        if u.role is not Role.QUOTE or u.speaker is not None:
            continue
        quoted = _words(text[u.start:u.end])
        if len(quoted.split()) < MIN_WORDS:
            continue
        index = index or Earlier.of(text, [*earlier, *units])
        found = index.writers(quoted, u.start)
        if len({f.speaker for f in found}) != 1:
            continue
        who = found[0].speaker
        d = Decision.of(who, Clue.THREAD, f"the quoted words stand earlier in the thread, in {who}'s own turn",
                        FOUND_WEIGHT)
        # Never surer than the naming of the words found: a guessed writer stays a guess.
        sure = min([d.confidence, *(f.confidence for f in found if f.confidence is not None)])
        out[i] = replace(u, speaker=d.speaker, confidence=sure, evidence=d.evidence)
    return out
