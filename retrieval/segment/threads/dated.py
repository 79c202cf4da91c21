"""Comments headed by their author and when they were written, as WordPress and Disqus pages scrape to text:

    Harold Finch                      Harold Finch • 2 years ago
    12 May 2024 at 10:02              It looks wonderful from the ferry.
    It looks wonderful from the ferry.    Ivy Chen  Harold Finch • 2 years ago   (a reply, to Harold Finch)
    Reply                                 Slightly brighter.

A header indented deeper than the one before it is a reply to it; Disqus names the parent itself.
"""

from __future__ import annotations

import re

from ...records import LayoutHints, Role
from ..page import Line, Page
from ..turns import Turn, label_spans, turn_units
from . import Thread

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_CLOCK = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?"
DATE_RE = re.compile(
    rf"^(?:(?:on\s+)?(?:\w+day,?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})(?:,?\s+(?:at\s+)?{_CLOCK})?"
    rf"|\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago)\s*$", re.IGNORECASE)
NAME_RE = re.compile(r"^[^\s\d•“”\"][^.!?:•]{0,40}$")
DISQUS_RE = re.compile(r"^(?P<name>[^•]{1,40}?)(?:\s{2,}(?P<parent>[^•]{1,40}?))?\s+[•·]\s+"
                       r"(?P<when>.{1,30}ago|.{1,30}\d{4})$")
# A comment section says it is one: a heading ("14 Comments", "3 thoughts on …") or reply links.
MARKER_RE = re.compile(r"^(?:\d+\s+)?(?:comments?|responses?|replies|thoughts)\b|^leave a (?:reply|comment)\b"
                       r"|^reply\b", re.IGNORECASE)
MAX_NAME_WORDS = 5
MIN_COMMENTS = 2


def _header(page: Page, i: int, ln: Line) -> tuple[Turn, int, int | None, str | None] | None:
    """(turn, last header line, reply indent, named parent) when a comment starts at ``ln``."""
    m = DISQUS_RE.match(ln.text)
    if m:
        return Turn(ln.index, m.group("name").strip(), role=Role.COMMENT), ln.index, ln.indent, m.group("parent")
    if ln.words > MAX_NAME_WORDS or not NAME_RE.match(ln.text):
        return None
    j = i + 1
    while j < len(page.lines) and page.lines[j].blank:
        j += 1
    if j < len(page.lines) and DATE_RE.match(page.lines[j].text):
        return Turn(ln.index, ln.text, role=Role.COMMENT), j, ln.indent, None
    return None


class DatedComments:
    name = "dated"

    def find(self, page: Page, hints: LayoutHints) -> Thread | None:
        if hints.comments is False:
            return None
        found = [h for i, ln in enumerate(page.lines) if page.keep[ln.index] and not ln.blank
                 and (h := _header(page, i, ln))]
        if len(found) < MIN_COMMENTS:
            return None
        if not any(DISQUS_RE.match(page.lines[t.line].text) for t, *_ in found) and \
                not any(MARKER_RE.match(ln.text) for ln in page.lines[max(0, found[0][0].line - 6):]):
            return None  # names over dates, but nothing says they are comments: an agenda, a diary
        turns, skip, stack = [], set(), []
        for turn, last, indent, parent in found:
            while stack and stack[-1][0] >= indent:
                stack.pop()
            parent = parent or (stack[-1][1] if stack else None)
            stack.append((indent, turn.speaker))
            turns.append(Turn(turn.line, turn.speaker, role=Role.REPLY if parent else Role.COMMENT, reply_to=parent))
            skip |= set(range(turn.line + 1, last + 1))
        return Thread(turns[0].line, turn_units(page, turns, skip), label_spans(page, turns, skip))
