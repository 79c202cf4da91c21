"""The question a unit answers: in an interview, a hearing, a play or a chat, an answer's own words rarely
repeat what was asked ("In a hand-bag.", "I've been using Eagle for many years."), while a user's question
repeats the asker's. Retrieval sees the question in front of the answer; the quoted text stays the answer's
exact slice."""

from __future__ import annotations

from .sentences import sentence_spans
from .units import Unit

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


def questions_answered(text: str, units: list[Unit]) -> list[str]:
    """For each unit, the question the unit before it ends with ("" when it ends with none). A speaker's
    own question continued in their next unit is left out: it asks, it does not answer."""
    out = [""] * len(units)
    for i in range(1, len(units)):
        before, u = units[i - 1], units[i]
        if before.speaker is not None and before.speaker == u.speaker:
            continue
        out[i] = question_at_end(text[before.start:before.end])
    return out
