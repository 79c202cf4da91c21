"""Transcripts and interviews: ``NAME: words``, ``Name (00:14:03): words``, ``**Name:** words``, a speaker's
name alone on its line above the words (``MARA QUILL`` or ``Mara Quill:``, as scripts are written), and ``Q:`` /
``A:`` with the interviewer and guest named in a header field (``Interviewer: …``, ``Host: …``).

Header fields and bracketed or italic cues (``[MUSIC]``, ``(laughs)``, ``*Meeting closed.*``) are nobody's
words. A ``Key: value`` line is a field, not a turn, when the value is a short name-like phrase.
"""

from __future__ import annotations

import re

from ...records import Kind, LayoutHints
from ..page import Line, Page
from ..speech import CAPITALS
from ..turns import Turn, names_in, person_name, turn_units
from . import Thread

# French typography sets a space before the colon ("Sophie Lemaire : …"); names may start with an accented capital.
_STAMP = r"(?:\s*[\(\[]\s*\d{1,2}(?::\d{2}){1,2}\s*[\)\]])?\s?"
TURN_RES = (
    re.compile(r"^\*\*(?P<name>[^*:\n]{1,60}?):?\*\*:?\s+(?P<rest>\S.*)$"),
    re.compile(rf"^(?P<name>[{CAPITALS}][{CAPITALS}'’.\-]*(?:\s+[{CAPITALS}][{CAPITALS}'’.\-]*){{0,3}}){_STAMP}:\s+(?P<rest>\S.*)$"),
    re.compile(rf"^(?P<name>[{CAPITALS}][\w'’.\-]*(?:\s+(?:[{CAPITALS}][\w'’.\-]*|de|van|von|der|al|da|le)){{0,3}}){_STAMP}:\s+"
               r"(?P<rest>\S.*)$"),
)
# A name alone on its line: in capitals, or in any case with a colon. Headings look the same ("SUMMARY",
# "Actions:"), so such lines count only when one of the names heads more than one turn.
OWN_LINE_RES = (
    re.compile(rf"^(?P<name>[A-Z][A-Z'’.\-]*(?:\s+[A-Z][A-Z'’.\-]*){{0,3}}){_STAMP}$"),
    re.compile(rf"^(?P<name>[{CAPITALS}][\w'’.\-]*(?:\s+[{CAPITALS}][\w'’.\-]*){{0,3}}){_STAMP}:$"),
)
QA_RE = re.compile(r"^(?P<name>[QA])[:.]\s+(?P<rest>\S.*)$")
CUE_RE = re.compile(r"^(?:\[[^\]]{1,60}\]|\([^)]{1,60}\)|\*[^*]{1,120}\*|_[^_]{1,120}_)$")
ASKERS = ("interviewer", "host", "presenter", "moderator", "q", "question", "questions")
ANSWERERS = ("interviewee", "guest", "speaker", "a", "answer", "answers")
MIN_TURNS = 3
MIN_SHARE = 0.3  # of the page's content lines: a transcript is mostly turns


def _is_field(ln: Line, m: re.Match[str]) -> bool:
    """``Host: Mara Quill`` names someone; ``Mara: I think so.`` says something."""
    value = m.group("rest")
    return len(value.split()) <= 6 and not re.search(r"[.!?…]$", value) and \
        re.match(r"[A-Z][A-Za-z ]{1,24}:", ln.text) is not None


def _qa_speaker(letter: str, fields: dict[str, str]) -> str | None:
    keys = ASKERS if letter == "Q" else ANSWERERS
    value = next((fields[k] for k in keys if k in fields), None)
    return re.split(r"\s*[,(;]", value)[0].strip() if value else None


class TranscriptTurns:
    name = "transcript"

    def find(self, page: Page, hints: LayoutHints) -> Thread | None:
        fields = page.fields  # read by the masthead: Interviewer, Host, Guest…
        known = [*fields.values(), *names_in(page.content())]
        given = re.compile(hints.speaker_pattern) if hints.speaker_pattern else None
        turns: list[Turn] = []
        cues: list[int] = []
        for ln in page.content():
            if CUE_RE.match(ln.text):
                cues.append(ln.index)
                continue
            turn = self._given(ln, given, known) if given else self._turn(ln, fields, known)
            if turn is not None:
                turns.append(turn)
        if not given:
            turns = sorted(turns + own_line_turns(page, known), key=lambda t: t.line)
        # Two voices at least: named speakers, or Q and A when the header names nobody. A document that says
        # it is a transcript (the manifest, a subtitle file) needs no more than one turn.
        voices = {t.speaker or page.lines[t.line].text[:1] for t in turns}
        said = hints.kind is Kind.TRANSCRIPT and bool(turns)
        if not said and (len(turns) < MIN_TURNS or len(voices) < 2 or len(turns) < MIN_SHARE * len(page.content())):
            return None
        return Thread(turns[0].line, turn_units(page, turns, skip=cues))

    def _given(self, ln: Line, rx: re.Pattern[str], known: list[str]) -> Turn | None:
        """A turn by the manifest's own speaker pattern."""
        m = rx.match(ln.text)
        if m is None:
            return None
        start = ln.start + m.start("text") if "text" in rx.groupindex and m.group("text") is not None else None
        return Turn(ln.index, person_name(m.group("name"), known), start)

    def _turn(self, ln: Line, fields: dict[str, str], known: list[str]) -> Turn | None:
        m = QA_RE.match(ln.text)
        if m:
            return Turn(ln.index, _qa_speaker(m.group("name"), fields), ln.start + m.start("rest"))
        for rx in TURN_RES:
            m = rx.match(ln.text)
            if m and not _is_field(ln, m):
                return Turn(ln.index, person_name(m.group("name"), known), ln.start + m.start("rest"))
        return None


def own_line_turns(page: Page, known: list[str]) -> list[Turn]:
    """Turns headed by a name alone on its line, the words below it; none unless a name heads two of them."""
    found: list[Turn] = []
    for ln in page.content():
        if ln.index + 1 >= len(page.lines) or page.lines[ln.index + 1].blank:
            continue  # a blank line below: a heading over a paragraph, not a speaker over their words
        m = next((m for rx in OWN_LINE_RES if (m := rx.match(ln.text))), None)
        if m is not None:
            found.append(Turn(ln.index, person_name(m.group("name"), known)))
    names = [t.speaker for t in found]
    return found if any(names.count(n) > 1 for n in set(names)) else []
