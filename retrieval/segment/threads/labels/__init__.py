"""Turns under speaker labels learnt from the document itself, for formats nobody taught Quoth.

The document's own label shape is induced (``induce``): ``<nick>``, ``[time] <nick>``, ``* nick action``,
``Name:``, ``**Name**:``, ``NAME.``, a name alone on its line, ``Q`` / ``A``, a post header (``user
commented``). Then the page is read turn by turn with the accepted shapes: lines under a label are its
speaker's until the next label; cues (``[laughs]``, ``(Exit.)``, ``_Enter Lane._``), chat system lines
(joins, quits, topic and mode changes), headings and rules are nobody's words; time stamps stand outside the
words. A label is its person's full name where the document ties them (``names.py``: a full label, a list of
speakers, a titled introduction; ``ties.py``: a list of those present, a chat's rename lines). A new
transcript, chat, play or minutes format needs no new code here.
"""

from __future__ import annotations

from ....records import LayoutHints
from ...page import Page
from ...turns import label_spans, turn_units
from .. import Thread
from ..cited import cite_quoted
from ..quoted import credit_found
from .intros import split_introductions
from .pieces import pieces
from .read import Reading, read_labels
from .shapes import Family

__all__ = ["LabelledTurns", "Reading", "read_labels"]


class LabelledTurns:
    """A thread reader for one family of induced shapes (a chat log's or a spoken record's)."""

    def __init__(self, family: Family) -> None:
        self.family = family
        self.name = f"labels ({family})"

    def find(self, page: Page, hints: LayoutHints) -> Thread | None:
        reading = read_labels(page, hints)
        if reading is None or reading.family is not self.family:
            return None
        turns = list(reading.turns)
        units = turn_units(page, turns, reading.skip, reading.others)
        if self.family is Family.SPEECH:
            units = cite_quoted(page.text, [piece for u in units for piece in pieces(page.text, u)])
            labels = {t.speaker.lower(): t.speaker for t in turns if t.speaker}
            units = split_introductions(page.text, units, labels)
        # A quotation nobody is named for is its writer's when its words stand earlier in one person's turn.
        return Thread(turns[0].line, credit_found(page.text, units), label_spans(page, turns, reading.skip))
