"""Turns the file's markup states (``LayoutHints.turns``: a ParlParse speech's ``speakername``, an Akoma Ntoso
``by``, a TEI ``who``). The reader that rendered the text knows where each turn starts and whose it is, so
nothing here is read from the text's shape: no label can be mistaken, no speech line taken for a header.
"""

from __future__ import annotations

import bisect

from ...records import LayoutHints
from ..page import Page
from ..turns import Turn, label_spans, turn_units
from . import Thread
from .cited import cite_quoted
from .labels.pieces import pieces


class MarkedTurns:
    name = "markup"

    def find(self, page: Page, hints: LayoutHints) -> Thread | None:
        if not hints.turns:
            return None
        starts = [ln.start for ln in page.lines]
        turns: list[Turn] = []
        for mark in hints.turns:
            line = page.lines[max(0, bisect.bisect_right(starts, mark.offset) - 1)]
            if turns and turns[-1].line == line.index:
                continue  # two marks on one line (an empty speech): the first one's turn holds it
            words = mark.words if line.start <= mark.words < line.end else None  # else on the lines below
            turns.append(Turn(line.index, mark.speaker, words))
        if not turns:
            return None
        # A sentence a speaker reads out or quotes ("He said: “…”") is not their words: a piece of its own; so is
        # a quotation the speech credits to another.
        units = [piece for u in turn_units(page, turns) for piece in pieces(page.text, u, cues=False)]
        units = cite_quoted(page.text, units)
        return Thread(turns[0].line, units, label_spans(page, turns))
