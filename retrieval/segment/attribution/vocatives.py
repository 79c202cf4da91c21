"""Vocatives: the people a quotation speaks to ("Harriet, do you…", "…, Mr. Knightley?", "my dear Jane").

Whoever a quotation addresses is not its speaker; in a two-person exchange, it is the other one's turn.
"""

from __future__ import annotations

import re

from .cast import Cast, Character
from .names import NAME, TITLES, split_title

# A name opening the quotation before a comma ("Harriet, do you…"; "Pshaw!" is no name), or after a comma,
# "dear" or "Oh" and before punctuation or the end ("…, Mr. Knightley?").
_VOCATIVE = re.compile(rf"(?:^(?P<first>{NAME})(?=\s*,)|(?:[,;!?]\s+|\b[Dd]ear\s+|\b(?:Oh|O|Ah),?\s+)"
                       rf"(?P<name>{NAME})(?=\s*(?:[,!?.;:]|--|—|$)))")


def addressees(inner: str, cast: Cast) -> list[Character]:
    """The cast's people that ``inner`` (a quotation's words, without its marks) addresses, in order."""
    out: list[Character] = []
    for m in _VOCATIVE.finditer(inner.strip().strip("_")):
        name = m.group("first") or m.group("name")
        if not split_title(name)[1] or name.rstrip(".").lower() in TITLES:
            continue  # a bare title, "Mr." of "Mr. and Mrs. Thomas"
        c = cast.resolve(name)
        if c is not None and c not in out:
            out.append(c)
    return out
