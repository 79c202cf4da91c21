"""What a unit says in answer to: in an interview, a hearing, a play or a chat, an answer's own words rarely
repeat what was asked ("In a hand-bag.", "I've been using Eagle for many years."), while a user's question
repeats the asker's; and a one-line chat message ("I will test it this week then") means little without the
message before it. Retrieval sees that question, or for a short turn the words before it, in front of the
unit's words; the quoted text stays the unit's exact slice."""

from __future__ import annotations

from .sentences import sentence_spans
from .units import Unit

QUESTION_WORDS = 50  # the question's last words kept: the ask itself, not the speech leading to it
SHORT_QUESTION = 6  # a question this short ("Found?") takes the sentence before it along
SHORT_TURN = 12  # a speaker's turn of fewer words gets the words before it as context
CONTEXT_WORDS = 30  # the words before a short turn that it gets: the end of the unit before it
# Markup and quotes that may close a question: "**What do you use?**", "(why?)", '"Why?"'
CLOSERS = "*_\"'\u201d\u2019)]> \t\r\n"


def question_at_end(text: str) -> str:
    """The question ``text`` ends with (its last sentence, with the one before when short), or ""."""
    spans = sentence_spans(text)
    if not spans or not text[spans[-1][0]:spans[-1][1]].rstrip(CLOSERS).endswith("?"):
        return ""
    first = spans[-1][0]
    if len(spans) > 1 and len(text[first:spans[-1][1]].split()) < SHORT_QUESTION:
        first = spans[-2][0]
    words = text[first:spans[-1][1]].split()
    return " ".join(words[-QUESTION_WORDS:])


def lead_ins(text: str, units: list[Unit]) -> list[str]:
    """For each unit, what retrieval should read before it: the question the unit before it ends with, when
    another speaker asked it; else, for a speaker's short turn, the last words of the unit before it; else ""."""
    out = [""] * len(units)
    for i in range(1, len(units)):
        before, u = units[i - 1], units[i]
        said = text[before.start:before.end]
        if before.speaker is None or before.speaker != u.speaker:
            out[i] = question_at_end(said)
        if not out[i] and u.speaker is not None and len(text[u.start:u.end].split()) < SHORT_TURN:
            out[i] = " ".join(said.split()[-CONTEXT_WORDS:])
    return out
