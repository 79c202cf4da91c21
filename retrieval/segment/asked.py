"""What a unit says in answer to: in an interview, a hearing, a play or a chat, an answer's own words rarely
repeat what was asked ("In a hand-bag.", "I've been using Eagle for many years."), while a user's question
repeats the asker's. Retrieval sees that question in front of the answer's words; the quoted text stays the
answer's exact slice. A chat message that opens by addressing someone ("Rain: You need to make a .iip
subdirectory.") answers that person's last words, however many lines of others came between: it reads those.

Only a question, never any words before a short turn: a short turn that reads the turn before it is found by
that turn's words, ranks beside it and, its vector that turn's nearly, is de-duplicated in its place (measured
on benchmarks/real_questions.py: PEP headings and chat one-liners displaced the paragraph or message they
followed, hit@3 0.75 -> 0.73)."""

from __future__ import annotations

import re

from ..records import Role
from .sentences import sentence_spans
from .units import Unit

SPOKEN = frozenset({Role.TURN, Role.QUOTE, Role.COMMENT, Role.REPLY})  # units that can ask and answer
QUESTION_WORDS = 50  # the question's last words kept: the ask itself, not the speech leading to it
SHORT_QUESTION = 6  # a question this short ("Found?") takes the sentence before it along
# Words that may follow the question and still leave it the ask: "…something you cannot forget? Take whatever
# time you need.", "…the refiners? Go ahead." A longer tail is the speaker going on to say something else.
TAIL_WORDS = 8
# Markup and quotes that may close a question: "**What do you use?**", "(why?)", '"Why?"'
CLOSERS = "*_\"'\u201d\u2019)]> \t\r\n"
# "Rain: …", "@Rain …", "duck> …", "Rain, …": a nickname, then the mark a chat addresses someone with.
ADDRESS = re.compile(r"@([^\W\d][\w.\-\[\]|`^]{1,29})[:,>]?\s|([^\W\d][\w.\-\[\]|`^]{1,29})[:,>]\s")
ADDRESS_LOOKBACK = 15  # units back to look for the addressee's words: a reply comes within a screen of chat
ADDRESSED_WORDS = 30  # the addressee's last words kept


def question_at_end(text: str) -> str:
    """The question ``text`` ends with (its last question, with the sentence before when short, followed by
    at most ``TAIL_WORDS`` words), or ""."""
    spans = sentence_spans(text)
    last, tail = len(spans) - 1, 0
    while last >= 0 and not text[spans[last][0]:spans[last][1]].rstrip(CLOSERS).endswith("?"):
        tail += len(text[spans[last][0]:spans[last][1]].split())
        if tail > TAIL_WORDS:
            return ""
        last -= 1
    if last < 0:
        return ""
    first = spans[last][0]
    if last > 0 and len(text[first:spans[last][1]].split()) < SHORT_QUESTION:
        first = spans[last - 1][0]
    words = text[first:spans[last][1]].split()
    return " ".join(words[-QUESTION_WORDS:])


def addressed(text: str, units: list[Unit], i: int) -> tuple[int, str]:
    """(unit, last words) of the speaker unit ``i`` opens by addressing, when they spoke within
    ``ADDRESS_LOOKBACK`` units before it; (-1, "") otherwise."""
    u = units[i]
    m = ADDRESS.match(text, u.start, u.end)
    if not m or u.speaker is None:
        return -1, ""
    name = (m.group(1) or m.group(2)).casefold()
    for j in range(i - 1, max(-1, i - 1 - ADDRESS_LOOKBACK), -1):
        b = units[j]
        if b.speaker and b.speaker != u.speaker and b.speaker.casefold() == name:
            return j, " ".join(text[b.start:b.end].split()[-ADDRESSED_WORDS:])
    return -1, ""


def lead_ins(text: str, units: list[Unit]) -> list[str]:
    """For each unit, what retrieval should read before it: the question the unit before it ends with, when
    another speaker (or nobody named) asked it, and the last words of the person it addresses; else ""."""
    out = [""] * len(units)
    for i in range(1, len(units)):
        before, u = units[i - 1], units[i]
        if u.role not in SPOKEN or before.role not in SPOKEN:
            continue  # a story's narration after "When will you come to see me?" answers nobody
        asked = ""
        if before.speaker is None or before.speaker != u.speaker:
            asked = question_at_end(text[before.start:before.end])
        j, words = addressed(text, units, i)
        if j == i - 1 and asked:
            words = ""  # the question is already those words
        out[i] = "\n".join(x for x in (asked, words) if x)
    return out
