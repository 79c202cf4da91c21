"""Self-introductions in a row (``Welcome to the show. I'm Kelly. I'm Allie. And I'm Emma.``): a transcription
service merged several voices into one turn, each saying their own name. Each introduction after the first starts
another voice's piece, as one passage must not hold two people's words. A piece is named for the one it introduces
only when that name is one of the document's own labels; else it is nobody's named (the turn's label is one
voice's at most, and a roll call gives no surname to tell a label from a namesake). A turn under no name
(``Unknown Speaker``) that opens with its voice's full name (``And I am Brian Aachen.``) is that voice's."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from ....records import Clue, Role
from ...attribution.evidence import Decision
from ...units import Unit

# "I'm Kelly.", "And I'm Emma and…", "Hi, I'm Ali," at a sentence's start: a voice saying its own name.
INTRO_RE = re.compile(r"(?:(?<=[.!?]\s)|(?<=[.!?]\s\s)|^)(?:(?:And|So|Hi|Hey|Hello)[,!]?\s+)?I['’]m\s+"
                      r"(?P<name>[A-Z][a-z'’\-]+)\b(?=[.!,]|\s+and\b)", re.MULTILINE)
# "And I am Brian Aachen.": a voice under no name (``Unknown Speaker``) opening its turn with its own full name.
SELF_NAMED_RE = re.compile(r"(?:(?:And|So|Hi|Hey|Hello)[,!]?\s+)?I(?:['’]m|\s+am)\s+"
                           r"(?P<name>[A-Z][a-z'’\-]+\s+[A-Z][a-z'’\-]+)(?=[.!,])")
ROLL_GAP = 40  # characters at most between one introduction's end and the next: a roll call, not a story
INTRO_WEIGHT = 0.95  # a voice naming itself with a label the document uses: a little less sure than the label


def split_introductions(text: str, units: list[Unit], labels: dict[str, str]) -> list[Unit]:
    """Units holding a roll call of two or more names cut at each introduction after the first. ``labels``:
    each of the document's label names, lower-cased, to the speaker it names."""
    out: list[Unit] = []
    for u in units:
        calls = _roll_call(text, u)
        if u.role is Role.QUOTE or len({m["name"] for m in calls}) < 2:
            out.append(_self_named(text, u))
            continue
        cuts = [u.start, *(m.start() for m in calls[1:]), u.end]
        for k, (a, b) in enumerate(pairwise(cuts)):
            name = calls[k]["name"]
            mine = u.speaker is not None and name.lower() in u.speaker.lower().split()
            out.append(replace(u, start=a, end=len(text[:b].rstrip())) if k == 0 and mine else
                       _named(a, len(text[:b].rstrip()), labels.get(name.lower()), name, u.role))
    return out


def _self_named(text: str, u: Unit) -> Unit:
    """A turn nobody is named for that opens with its voice's own full name is that voice's."""
    m = SELF_NAMED_RE.match(text, u.start, u.end) if u.speaker is None and u.role is Role.TURN else None
    return u if m is None else _named(u.start, u.end, m["name"], m["name"], u.role)


def _roll_call(text: str, u: Unit) -> list[re.Match[str]]:
    """The introductions in the unit that follow each other closely, from the first."""
    found = list(INTRO_RE.finditer(text, u.start, u.end))
    run = found[:1]
    for m in found[1:]:
        if m.start() - run[-1].end() > ROLL_GAP:
            break
        run.append(m)
    return run


def _named(start: int, end: int, speaker: str | None, said: str, role: Role) -> Unit:
    if speaker is None:
        return Unit(start, end, None, role)
    d = Decision.of(speaker, Clue.INTRODUCTION, f"the voice says its own name: 'I'm {said}'", INTRO_WEIGHT)
    return Unit(start, end, d.speaker, role, None, d.confidence, d.evidence)
