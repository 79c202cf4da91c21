"""Parliamentary and committee records (Hansard style): each speech under a heading line naming its speaker.

    Mrs Joan Smith (Coastshire North) (Con)          a member, seat and party
    The Minister for Fisheries (Mr David Lowe)       an office holder, named once…
    The Minister for Fisheries                       …and after that by office alone: the same person
    Mrs Smith                                        a member by title and surname: the one named in full
    Lord Ashby of Kirkton (LD)   Mr Speaker          a peer; the chair

Time stamps (``2.34 pm``), volume and column lines and ``[Interruption.]`` cues are nobody's words.
"""

from __future__ import annotations

import re

from ...records import LayoutHints
from ..page import Line, Page
from ..speech import PARTICLE
from ..turns import Turn, label_spans, turn_units
from . import Thread
from .cited import cite_quoted
from .labels.pieces import pieces

HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Baron|Viscount|Earl|Councillor|Cllr|Rev|The Rev)"
_NAME = rf"[A-Z][\w'’\-]*(?:\s+(?:of|{PARTICLE})?\s*[A-Z][\w'’\-]*){{0,4}}"
# A seat or a party is words: ``No Signal (0.531)`` under a transcript's labels is a meter's reading, no member.
MEMBER_RE = re.compile(rf"^(?P<name>(?:{HONORIFIC}\s+)?{_NAME})\s+\((?P<first>(?=[^()]*[^\W\d_])[^()]{{1,60}})\)"
                       r"(?:\s+\((?P<second>[^()]{1,30})\))?$")
OFFICE = (r"The\s+(?:Minister|Secretary|Parliamentary|Prime|Chancellor|Deputy|Leader|Attorney|Solicitor|Chief|Lord|"
          r"Chair|Chairman|Chairwoman|Convener|Speaker|Mayor|Clerk)")
OFFICE_RE = re.compile(rf"^(?P<office>{OFFICE}[^()]{{0,100}}?)(?:\s+\((?P<name>[^()]{{2,60}})\))?"
                       r"(?:\s+\((?P<party>[^()]{1,30})\))?$")
ASKED_RE = re.compile(rf"^Asked by\s+(?P<name>(?:{HONORIFIC}\s+)?{_NAME})$")
SHORT_RE = re.compile(rf"^(?P<title>{HONORIFIC})\s+(?P<surname>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)$")
CHAIR_RE = re.compile(r"^(?:(?:Mr|Madam)\s+(?:Deputy\s+)?Speaker|The\s+(?:Chair|Chairman|Chairwoman|Deputy Speaker|"
                      r"Lord Speaker|Speaker))$")
NOISE_RE = re.compile(r"^(?:\d{1,2}[.:]\d{2}\s*[ap]\.?m\.?|Volume\s+\d+:.*|Column\s+\d+.*|Hansard\b.*|"
                      r"\[(?:Interruption|Laughter|Hon\. Members:.{0,40})\.?\]|\d{1,2}\s+\w+\s+\d{4}\s*:\s*Column.*)$",
                      re.IGNORECASE)
MIN_SPEECHES = 3


def _strip_title(name: str) -> str:
    """``Mrs Joan Smith`` is searched for as Joan Smith; a peer keeps the title they are known by."""
    return re.sub(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Councillor|Cllr|Rev|The Rev)\s+", "", name).strip()


def noise(page: Page) -> list[int]:
    """Time stamps, volume and column lines, interruption cues: nobody's words anywhere in a record."""
    return [ln.index for ln in page.content() if NOISE_RE.match(ln.text)]


class ProceedingsSpeeches:
    name = "proceedings"

    def find(self, page: Page, hints: LayoutHints) -> Thread | None:
        offices: dict[str, str] = {}
        people: list[str] = []
        turns = [Turn(ln.index, speaker) for ln in page.content()
                 if (speaker := self._speaker(ln, offices, people)) is not None]
        if len(turns) < MIN_SPEECHES or len({t.speaker for t in turns}) < 2:
            return None
        skip = noise(page)
        # A sentence a member reads out or quotes ("He said: “…”") is not their words: a piece of its own; so is a
        # quotation the speech credits to another ("As Sheridan put it, “…”").
        units = [piece for u in turn_units(page, turns, skip) for piece in pieces(page.text, u, cues=False)]
        units = cite_quoted(page.text, units)
        return Thread(turns[0].line, units, label_spans(page, turns, skip))

    def _speaker(self, ln: Line, offices: dict[str, str], people: list[str]) -> str | None:
        text = ln.text
        if re.search(r"[.!?:;,]$", text) or ln.words > 14:
            return None
        m = OFFICE_RE.match(text)
        if m:
            office = " ".join(m.group("office").split())
            if m.group("name"):
                offices[office] = _strip_title(m.group("name"))
                people.append(offices[office])
            return offices.get(office, office)
        if CHAIR_RE.match(text):
            return text
        m = MEMBER_RE.match(text) or ASKED_RE.match(text)
        if m:
            name = _strip_title(m.group("name"))
            people.append(name)
            return name
        m = SHORT_RE.match(text)
        if m:
            surname = m.group("surname")
            return next((p for p in reversed(people) if p.endswith(surname)), None)
        return None
