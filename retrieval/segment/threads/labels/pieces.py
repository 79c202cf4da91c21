"""A spoken turn's passages: the directions inside it left out, a whole sentence quoted in it set apart."""

from __future__ import annotations

import re
from dataclasses import replace

from ....records import Role
from ...units import Unit
from .shapes import INLINE_CUE_RE

# A quotation that is a whole sentence after another (``…her uncle? ‘From little Cecily, with her fondest love…’``).
# Also one announced as a quotation: "This is what Senator Biden said, quote, “The next person…”".
READ_OUT_RE = re.compile(r"(?:(?<=[.!?:]\s)|(?<=[.!?:]\s\s)|(?<=\b[Qq]uote,\s)|(?<=\b[Qq]uote:\s))"
                         r"[‘“\"](?:[^‘’“”\"]|(?<=\w)’(?=\w)){10,800}?[.!?][’”\"]")  # an apostrophe: doesn’t
# A paragraph wholly in quotation marks after one that introduces it (``…told Nixon in a memo was:``): the quoted
# writer's, whatever marks nest inside it (``“A judge who is a “strict constructionist” in…”``).
INTRODUCED_RE = re.compile(r"(?<=:)[ \t]*\n(?:[ \t]*\n)*[ \t]*(?P<quote>[“\"][^\n]{10,1200}[”\"])[ \t]*(?=\n|\Z)")
READ_OUT_MIN_WORDS = 8  # shorter quotations stay in the speech (``he said ‘no’ and left``)


def pieces(text: str, u: Unit, cues: bool = True) -> list[Unit]:
    """The unit's words without the directions inside it (``But why… [Reading.] ‘From little Cecily…’``), a
    whole sentence quoted in it its own piece (a letter read out may be another's words; one passage must not
    hold two people's). ``cues``: a record without stage directions (proceedings) has none to cut."""
    directions = INLINE_CUE_RE.finditer(text, u.start, u.end) if cues else ()
    cuts = sorted([(m.start(), m.end(), False) for m in directions] +
                  [(m.start(), m.end(), True) for m in READ_OUT_RE.finditer(text, u.start, u.end)
                   if len(m.group().split()) >= READ_OUT_MIN_WORDS] +
                  [(m.start("quote"), m.end("quote"), True) for m in INTRODUCED_RE.finditer(text, u.start, u.end)
                   if len(m.group("quote").split()) >= READ_OUT_MIN_WORDS])
    pieces: list[Unit] = []
    at = u.start
    for start, end, kept in cuts:
        if start < at:
            continue  # a direction inside a quotation already cut
        pieces.append(replace(u, start=at, end=start))
        if kept:  # words the speaker reads out or quotes: another's, unless the document says whose
            pieces.append(Unit(start, end, None, Role.QUOTE))
        at = end
    pieces.append(replace(u, start=at, end=u.end))
    out = []
    for p in pieces:
        words = text[p.start:p.end]
        if words.strip():
            lead = len(words) - len(words.lstrip())
            out.append(replace(p, start=p.start + lead, end=p.start + len(words.rstrip())))
    return out
