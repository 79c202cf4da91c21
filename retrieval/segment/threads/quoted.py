"""A quotation whose header names nobody (``> `` lines in a chat message, a GitHub comment, a Reddit post) is
still named when the document says who: its words stand earlier in the thread, in one person's own turn. The
words must be long enough to be that person's and no one else's (a "> yes" names nobody), and every earlier
turn that holds them must be the same person's; otherwise the quotation stays unnamed. Never the quoter's:
the quoter's own turn cannot hold words quoted in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ...records import Clue, Role
from ..attribution.evidence import Decision
from ..units import Unit

MIN_WORDS = 4  # fewer quoted words ("> yes", "> +1") could be anyone's
FOUND_WEIGHT = 0.95  # the words are found, not labelled: a little less sure than a quote header
OPENING_MARKS = "\"“‘'«„"
MARKS_RE = re.compile(r"(?m)^[ \t]*(?:>[ \t]?)+")


def _words(text: str) -> str:
    return " ".join(MARKS_RE.sub(" ", text).split())


def _own_words(words: str, quoted: str) -> bool:
    """Whether ``words`` hold ``quoted`` as their writer's own, not inside quotation marks (a writer quoting a
    third party, a statute, a proverb: those words are not theirs either)."""
    at = words.find(quoted)
    while at != -1:
        before = words[:at].rstrip()[-1:]
        if not before or before not in OPENING_MARKS:
            return True
        at = words.find(quoted, at + 1)
    return False


def credit_found(text: str, units: list[Unit], earlier: Sequence[Unit] = ()) -> list[Unit]:
    """The units, each unnamed quotation credited to the one person whose earlier turn holds its words.
    ``earlier``: more named words to look in (the page's body above a comment thread)."""
    out = list(units)
    # Earlier words of a named writer: their own turns, and quotations their header or export names them for.
    own = [(u.start, u.speaker, _words(text[u.start:u.end]), u.confidence) for u in (*earlier, *units) if u.speaker]
    for i, u in enumerate(units):
        if u.role is not Role.QUOTE or u.speaker is not None:
            continue
        quoted = _words(text[u.start:u.end])
        if len(quoted.split()) < MIN_WORDS:
            continue
        found = [(who, sure) for start, who, words, sure in own if start < u.start and _own_words(words, quoted)]
        if len({who for who, _ in found}) != 1:
            continue
        who = found[0][0]
        d = Decision.of(who, Clue.THREAD, f"the quoted words stand earlier in the thread, in {who}'s own turn",
                        FOUND_WEIGHT)
        # Never surer than the naming of the words found: a guessed writer stays a guess.
        sure = min([d.confidence, *(s for _, s in found if s is not None)])
        out[i] = replace(u, speaker=d.speaker, confidence=sure, evidence=d.evidence)
    return out
