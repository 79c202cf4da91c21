"""Vocatives: the people a quotation speaks to ("Harriet, do you…", "…, Mr. Knightley?", "my dear Jane").

Whoever a quotation addresses is not its speaker; in a two-person exchange, it is the other one's turn.
"""

from __future__ import annotations

import re

from .cast import Cast, Character
from .names import NAME

# A name at the quotation's start or after a comma, "dear" or "Oh", followed by punctuation or the end.
_VOCATIVE = re.compile(rf"(?:^|[,;!?]\s+|\b[Dd]ear\s+|\b(?:Oh|O|Ah),?\s+)(?P<name>{NAME})(?=\s*(?:[,!?.;:]|--|—|$))")


def addressees(inner: str, cast: Cast) -> list[Character]:
    """The cast's people that ``inner`` (a quotation's words, without its marks) addresses, in order."""
    out: list[Character] = []
    for m in _VOCATIVE.finditer(inner.strip().strip("_")):
        c = cast.resolve(m.group("name"))
        if c is not None and c not in out:
            out.append(c)
    return out
