"""A play's list of persons, a hearing's list of speakers: who each label stands for, in full and with their part.

A play labels its turns ``LANE.`` or ``MISS PRISM.``; its list of persons says ``Lane, Manservant`` and ``Miss
Prism, Governess``. The entry goes into the search text of the speaker's passages, so a question that names the
character's full name or role ("What does the governess say about…") finds the turns the label alone would not.
An entry is used only when exactly one entry holds every word of the speaker's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .page import Page

# The heading of a list of persons, alone on its line or before the first entry ("SPEAKERS: SEN. X, CHAIRMAN").
LIST_HEADING = re.compile(r"^(?:the\s+)?(?:dramatis\s+person(?:ae|æ)|(?:persons|characters)(?:\s+(?:in|of)\s+the\s+"
                          r"(?:play|drama|comedy|tragedy))?|cast(?:\s+of\s+characters)?|speakers|witnesses|participants"
                          r"|panel(?:ists)?|guests)\s*(?:[.:]\s*(?P<first>\S.*))?$", re.IGNORECASE)
TURN_LINE = re.compile(r"^\S.{0,40}?:\s+\S")  # "GRASSLEY: This morning…": the turns have begun
ENTRY_MAX_WORDS = 16
ENTRY_MAX_COMMAS = 3  # "Alex Russell, Dan Appelquist, Tim Berners-Lee, …" is a list of names, not one entry
MAX_ENTRIES = 80
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class Roster:
    entries: tuple[str, ...] = ()

    def describe(self, speaker: str | None) -> str:
        """The one entry naming ``speaker`` (every word of the name in it); "" when none or several do."""
        if not speaker or not self.entries:
            return ""
        words = {w.lower() for w in WORD.findall(speaker)}
        if not words:
            return ""
        found = [e for e in self.entries if words <= {w.lower() for w in WORD.findall(e)}]
        if len(found) != 1 or found[0].lower().rstrip(".") == speaker.lower():
            return ""
        return found[0]


NO_ROSTER = Roster()


def read_roster(page: Page) -> Roster:
    """The entries of the page's lists of persons: the short lines under a list's heading (or after it on its
    line), up to a blank line, a long line or the first turn."""
    lines = page.lines
    head = next((i for i, ln in enumerate(lines) if ln.text and LIST_HEADING.match(ln.text)), None)
    if head is None:
        return NO_ROSTER
    entries: list[str] = []
    for ln in lines[head:head + 2 * MAX_ENTRIES]:
        listed = LIST_HEADING.match(ln.text)
        text = (listed.group("first") or "") if listed else ln.text
        if ln.blank and entries:
            break
        if listed or ln.blank:
            if text:
                entries.append(text)
            continue
        if ln.words > ENTRY_MAX_WORDS or TURN_LINE.match(ln.text):
            break
        entries.append(text)
    return Roster(tuple(e for e in entries[:MAX_ENTRIES] if e.count(",") <= ENTRY_MAX_COMMAS))
