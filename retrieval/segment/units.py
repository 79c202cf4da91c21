"""A unit is one speaker's stretch of a document, as a layout or thread reader found it: the step before
passages, which chunking makes of units no longer than the model reads."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Evidence, Role

MERGEABLE_ROLES = {Role.BODY, Role.NARRATION, Role.QUOTE}


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    speaker: str | None
    role: Role
    reply_to: str | None = None
    confidence: float | None = None  # how sure the speaker is; None: the reader's structure names it
    evidence: tuple[Evidence, ...] = ()


def merge_short(units: list[Unit], text: str, min_words: int) -> list[Unit]:
    """Join a fragment shorter than ``min_words`` with its neighbour when both are the same speaker's
    body text and nothing but whitespace lies between them (a one-line paragraph is rarely a quote alone)."""
    def joinable(a: Unit, b: Unit) -> bool:  # two quotations of nobody known may be two people's
        between = text[a.end:b.start]
        # Two paragraphs of dialogue are two turns: the same guessed speaker for both is no reason to join them.
        turns = Role.QUOTE in (a.role, b.role) and "\n\n" in between.replace("\r", "")
        return (a.role in MERGEABLE_ROLES and b.role in MERGEABLE_ROLES and a.speaker == b.speaker and not turns
                and (a.speaker is not None or Role.QUOTE not in (a.role, b.role)) and not between.strip())

    def short(u: Unit) -> bool:
        return u.role in MERGEABLE_ROLES and len(text[u.start:u.end].split()) < min_words

    out: list[Unit] = []
    for u in units:
        if out and joinable(out[-1], u) and (short(u) or short(out[-1])):
            prev = out[-1]
            role = prev.role if prev.role == u.role else Role.QUOTE if Role.QUOTE in (prev.role, u.role) else prev.role
            # The weaker evidence holds for the whole: a guess joined to a tagged neighbour must not borrow its
            # tag's confidence (None: the reader's structure names the speaker, as sure as can be).
            keep = prev if _sureness(prev) <= _sureness(u) else u
            out[-1] = Unit(prev.start, u.end, prev.speaker, role, prev.reply_to, keep.confidence, keep.evidence)
        else:
            out.append(u)
    return out



def _sureness(u: Unit) -> float:
    return 1.0 if u.confidence is None else u.confidence
