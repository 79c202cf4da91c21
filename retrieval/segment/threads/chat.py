"""Chat exports as text: DiscordChatExporter's (``[14/03/2024 09:02] name`` alone on a line, the message on
the lines after) and WhatsApp's (``[12/05/2023, 18:04:11] Name: text`` or ``12/05/2023, 18:04 - Name: text``,
continuation lines after). A timestamped line without ``Name:`` is a system line: joins, group changes.

Quoted words keep their author: the words a reply line carries (``↳ replying to NAME: words``, ``↳ quoting
NAME: words``, Quoth's rendering of a JSON export) are NAME's, and a message's ``> `` lines are someone else's,
writer unnamed; neither is ever the replier's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...records import Clue, LayoutHints, Role
from ..attribution.evidence import Decision
from ..page import Line, Page
from ..turns import Turn, label_spans, turn_units
from ..units import Unit
from . import Thread
from .quoted import credit_found

_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[APap]\.?[Mm]\.?)?"
# [14/03/2024 09:02] name   |   [2024-03-14 9:02 AM] Tess Okoye
EXPORTER_RE = re.compile(rf"^\[(?:(?:{_DATE},?\s+)?{_TIME}|undated)\]\s+(?P<name>[^\s:\[][^:\[\]]{{0,60}})$")
# Quoth's rendering of a JSON export marks a reply under the header line, with the words it carries of a message
# the export lacks: ``↳ replying to NAME``, ``↳ replying to NAME: words``, ``↳ quoting NAME: words``.
REPLY_LINE_RE = re.compile(r"^↳ (?P<verb>replying to|quoting)(?: (?P<name>[^:]{1,60}?))?(?:: (?P<words>\S.*))?$")
QUOTED_RE = re.compile(r"^>")  # a message's own quotation (Markdown's, Discord's, Slack's ``> ``)
CARRIED_WEIGHT = 1.0  # the export's own record of whose message is carried
# [12/05/2023, 18:04:11] Name: text   |   12/05/2023, 18:04 - Name: text
PHONE_RE = re.compile(rf"^\[?{_DATE},?\s+{_TIME}\]?\s*(?:[-–—]\s*)?(?P<tail>.*)$")
SENDER_RE = re.compile(r"^(?P<name>[^:]{1,50}?):\s(?P<rest>.*)$")
# What chat apps write in a person's name that the person did not say.
SYSTEM_RE = re.compile(
    r"end-to-end encrypted|^<?(?:image|video|audio|sticker|gif|document|media) omitted>?$|^this message was deleted$"
    r"|^you deleted this message$|^missing voice call$|^null$", re.IGNORECASE)
MIN_MESSAGES = 3


def _message(ln: Line) -> Turn | None:
    m = EXPORTER_RE.match(ln.text)
    if m:
        return Turn(ln.index, m.group("name").strip())
    m = PHONE_RE.match(ln.text)
    if m is None:
        return None
    tail_start = ln.start + m.start("tail")
    sender = SENDER_RE.match(m.group("tail"))
    if sender is None or SYSTEM_RE.search(sender.group("rest")):
        return Turn(ln.index, None, keep=False)
    return Turn(ln.index, sender.group("name").strip(), tail_start + sender.start("rest"))


class ChatMessages:
    name = "chat"

    def find(self, page: Page, hints: LayoutHints) -> Thread | None:
        turns = [t for ln in page.content() if (t := _message(ln)) is not None]
        if sum(t.keep for t in turns) < MIN_MESSAGES:
            return None
        skip = [ln.index for ln in page.content() if SYSTEM_RE.search(ln.text)]
        carried: list[Unit] = []
        read: list[tuple[int, int]] = []  # a reply line up to the words it carries: nobody's
        reply_lines: set[int] = set()
        for i, turn in enumerate(turns):
            nxt = page.lines[turn.line + 1] if turn.line + 1 < len(page.lines) else None
            m = REPLY_LINE_RE.match(nxt.text) if nxt is not None else None
            if m is None:
                continue
            if m["verb"] == "replying to":
                turns[i] = replace(turn, role=Role.REPLY, reply_to=m["name"])
            skip.append(nxt.index)
            reply_lines.add(nxt.index)
            if m["words"]:
                carried.append(_carried(nxt, m))
                read.append((nxt.start, nxt.start + m.start("words")))
            else:
                read.append((nxt.start, nxt.end))
        first = turns[0].line
        quoted = [ln.index for ln in page.content(first) if QUOTED_RE.match(ln.text) and _message(ln) is None]
        units = credit_found(page.text, sorted(turn_units(page, turns, skip, quoted) + carried, key=lambda u: u.start))
        spans = label_spans(page, turns, [i for i in skip if i not in reply_lines])
        return Thread(first, units, tuple(sorted({*spans, *read})))


def _carried(ln: Line, m: re.Match) -> Unit:
    """The words a reply line carries of another's message: theirs when the export names them, else nobody's."""
    start = ln.start + m.start("words")
    if not m["name"]:
        return Unit(start, ln.end, None, Role.QUOTE)
    how = "answers" if m["verb"] == "replying to" else "quotes"
    d = Decision.of(m["name"], Clue.THREAD, f"the export carries the message by {m['name']} that this one {how}",
                    CARRIED_WEIGHT)
    return Unit(start, ln.end, d.speaker, Role.QUOTE, None, d.confidence, d.evidence)
