"""Turns: a conversation's speaker-headed stretches (a transcript's speeches, chat messages, forum posts).

A turn starts at a header line that names its speaker and runs to the next header. Its words start on the
header line itself (``NAME: words``) or on the lines after it. Lines a reader skips (cues, quoted replies,
system messages) and furniture split a turn, so they never sit inside a passage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..records import Evidence, Role
from .page import Line, Page
from .speech import CAPITALS
from .units import Unit


@dataclass(frozen=True)
class Turn:
    line: int  # the header line's index
    speaker: str | None
    start: int | None = None  # offset of the words on the header line; None: they start on the next line
    role: Role = Role.TURN
    reply_to: str | None = None
    keep: bool = True  # False: a system line, a boundary whose words are nobody's
    confidence: float | None = None  # None: the reader's structure names the speaker (settle gives the clue)
    evidence: tuple[Evidence, ...] = ()


Span = tuple[int, int]
QUOTE_MARKS = re.compile(r"^(?:>[ \t]?)*")  # a quotation's marks (``> > ``) are not its words


def turn_units(page: Page, turns: list[Turn], skip: Iterable[int] = (), others: Iterable[int] = ()) -> list[Unit]:
    """Units for each kept turn: its header's words and the runs of kept lines up to the next header. ``others``
    are lines in a turn that are someone else's words, writer unknown (a quotation nobody is named for): kept,
    as units of nobody named, never as the turn's speaker's."""
    skipped = set(skip)
    unknown = set(others)
    units: list[Unit] = []
    for i, turn in enumerate(turns):
        stop = turns[i + 1].line if i + 1 < len(turns) else len(page.lines)
        if not turn.keep:  # a system line is nobody's, and only its own line: what follows it is nobody named's
            turn = Turn(turn.line, None)
        runs: list[tuple[bool, list[Span]]] = [(False, [])]  # (someone else's, the run's line spans)
        if turn.start is not None and turn.start < page.lines[turn.line].end:
            runs[-1][1].append((turn.start, page.lines[turn.line].end))
        for ln in page.lines[turn.line + 1:stop]:
            if ln.blank:
                if runs[-1][0] and runs[-1][1]:  # a quoted paragraph ends: the next may quote someone else
                    runs.append((True, []))
                continue
            if not page.keep[ln.index] or ln.index in skipped:
                runs.append((False, []))
            else:
                other = ln.index in unknown
                if other != runs[-1][0]:
                    runs.append((other, []))
                lead = QUOTE_MARKS.match(ln.text).end() if other and not runs[-1][1] else 0
                runs[-1][1].append((ln.start + lead, ln.end))
        units += [Unit(run[0][0], run[-1][1], None, Role.QUOTE) if other else
                  Unit(run[0][0], run[-1][1], turn.speaker, turn.role, turn.reply_to, turn.confidence, turn.evidence)
                  for other, run in runs if run]
    return units


def label_spans(page: Page, turns: list[Turn], skip: Iterable[int] = ()) -> tuple[Span, ...]:
    """What a turn reader read as nobody's words: each header line up to its turn's words (a label, a time
    stamp; the whole line when the words start below it, or when it is a system line) and the skipped lines
    (cues, system lines, a message's header block). In no passage, and not lost (coverage.py)."""
    spans: list[Span] = []
    for turn in turns:
        ln = page.lines[turn.line]
        end = turn.start if turn.keep and turn.start is not None and ln.start <= turn.start < ln.end else ln.end
        if end > ln.start:
            spans.append((ln.start, end))
    spans += [(page.lines[i].start, page.lines[i].end) for i in skip if not page.lines[i].blank]
    return tuple(sorted(spans))


_CAPS_WORD = re.compile(rf"^[{CAPITALS}][{CAPITALS}'’.\-]*$")  # ÉMILE ZOLA as ANN LEE: both title-cased


def person_name(raw: str, known: Iterable[str] = ()) -> str:
    """A speaker's name as people write it: ``MARA QUILL`` is the ``Mara Quill`` named elsewhere, else title-cased."""
    # A separator inside the label's markup is the label's, not the name's (``**Danny Ryan (9:02) -** words``).
    name = re.sub(r"\s+[-–—]+$", "", " ".join(raw.split()).strip(" *_:"))
    # A play's label ends in a full stop ("ALGERNON."): the stop is the label's, not the name's ("Dr." keeps it).
    if re.search(r"\b[^\W\d_]{3,}\.$", name):
        name = name[:-1]
    words = name.split()
    if words and all(_CAPS_WORD.match(w) for w in words) and any(len(w) > 1 for w in words):
        low = name.lower()
        return next((k for k in known if k.lower() == low), name.title())
    return name


FULL_NAME_RE = re.compile(r"\b[A-Z][a-z'’\-]+(?:\s+(?:Mc|Mac|O')?[A-Z][\w'’\-]+){1,3}\b")


def names_in(lines: Iterable[Line]) -> list[str]:
    """Capitalised names of two to four words written in ordinary case, for ``person_name``."""
    found: list[str] = []
    for ln in lines:
        found += FULL_NAME_RE.findall(ln.text)
    return found
