"""What a unit says in answer to: in an interview, a hearing, a play or a chat, an answer's own words rarely
repeat what was asked ("In a hand-bag.", "I've been using Eagle for many years."), while a user's question
repeats the asker's. Retrieval sees that question in front of the answer's words; the quoted text stays the
answer's exact slice.

Only a question, never any words before a short turn: a short turn that reads the turn before it is found by
that turn's words, ranks beside it and, its vector that turn's nearly, is de-duplicated in its place (measured
on benchmarks/real_questions.py: PEP headings and chat one-liners displaced the paragraph or message they
followed, hit@3 0.75 -> 0.73)."""

from __future__ import annotations

from ..records import Role
from .sentences import sentence_spans
from .units import Unit

SPOKEN = frozenset({Role.TURN, Role.QUOTE, Role.COMMENT, Role.REPLY})  # units that can ask and answer
QUESTION_WORDS = 50  # the question's last words kept: the ask itself, not the speech leading to it
SHORT_QUESTION = 6  # a question this short ("Found?") takes the sentence before it along
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
    another speaker (or nobody named) asked it; else ""."""
    out = [""] * len(units)
    for i in range(1, len(units)):
        before, u = units[i - 1], units[i]
        if u.role not in SPOKEN or before.role not in SPOKEN:
            continue  # a story's narration after "When will you come to see me?" answers nobody
        if before.speaker is None or before.speaker != u.speaker:
            out[i] = question_at_end(text[before.start:before.end])
    return out
