"""What a unit says in answer to: in an interview, a hearing, a play or a chat, an answer's own words rarely
repeat what was asked ("In a hand-bag.", "I've been using Eagle for many years."), while a user's question
repeats the asker's. Retrieval sees that question in front of the answer's words; the quoted text stays the
answer's exact slice.

Only a question, never any words before a short turn: a short turn that reads the turn before it is found by
that turn's words, ranks beside it and, its vector that turn's nearly, is de-duplicated in its place (measured
on benchmarks/real_questions.py: PEP headings and chat one-liners displaced the paragraph or message they
followed, hit@3 0.75 -> 0.73)."""

from __future__ import annotations

from .sentences import sentence_spans
from .units import Unit

QUESTION_WORDS = 50  # the question's last words kept: the ask itself, not the speech leading to it
SHORT_QUESTION = 6  # a question this short ("Found?") takes the sentence before it along
# Words that may follow the question and still leave it the ask: "…something you cannot forget? Take whatever
# time you need.", "…the refiners? Go ahead." A longer tail is the speaker going on to say something else.
TAIL_WORDS = 8
# Markup and quotes that may close a question: "**What do you use?**", "(why?)", '"Why?"'
CLOSERS = "*_\"'\u201d\u2019)]> \t\r\n"


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


def lead_ins(text: str, units: list[Unit]) -> list[str]:
    """For each unit, what retrieval should read before it: the question the unit before it ends with, when
    another speaker (or nobody named) asked it; else ""."""
    out = [""] * len(units)
    for i in range(1, len(units)):
        before, u = units[i - 1], units[i]
        if before.speaker is None or before.speaker != u.speaker:
            out[i] = question_at_end(text[before.start:before.end])
    return out
