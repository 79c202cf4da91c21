"""The bar: every named speaker leaves segmentation with its evidence and confidence, or is not named."""

from __future__ import annotations

from ...records import Clue, Kind, Role
from ..units import Unit
from .evidence import Decision

# What names a unit's speaker when its reader's structure does (a turn's label, a comment's header).
STRUCTURAL = {Role.TURN: Clue.TURN_LABEL, Role.COMMENT: Clue.THREAD, Role.REPLY: Clue.THREAD, Role.POST: Clue.THREAD}


def settle(units: list[Unit], bar: float, kind: Kind) -> list[Unit]:
    """Every named speaker with its evidence and confidence; under ``bar``, nobody (the guess kept as evidence)."""
    out: list[Unit] = []
    for u in units:
        d = Decision(u.speaker, u.confidence or 0.0, u.evidence)
        if u.speaker and not u.evidence:
            clue = STRUCTURAL.get(u.role, Clue.BYLINE)
            d = Decision.of(u.speaker, clue, f"the {kind} reader's {clue}")
        d = d.settled(bar)
        out.append(Unit(u.start, u.end, d.speaker, u.role, u.reply_to, d.confidence if d.speaker else None,
                        d.evidence))
    return out
