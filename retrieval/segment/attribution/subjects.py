"""Who a pronoun tag goes on about, read as a reader reads it: the chain of sentence subjects before it.

'Marilla's lips twitched. She had expected Mrs. Rachel up; she had known that … / "Oh, no," she said.': the
"she" of the tag is the "she" of the sentences before it, and they are Marilla's, the subject the chain of
pronoun subjects leads back to, not Mrs. Rachel, named nearer but only as an object. Walking back sentence by
sentence through the narration: a subject pronoun of the tag's gender (or "her"/"his" opening the sentence,
"Her nerves began to recover") carries the chain on; a sentence whose subject is a person of the cast ends it
with that person if the gender agrees (or is unknown, where pronouns of the gender go on after the name); one
whose subject is someone unnamed of that gender ("The old man turned") or two people ("Tom and Huck") ends it
with nobody, as do a paragraph of speech, a sentence that names another person of the tag's gender, one with
the gender as an object ("Tobin sticks close to him": someone else of it is there), and the limit; sentences
about someone of the other gender or about things pass.

Subject-first is how the deterministic coreference sieves rank antecedents (Lee et al. 2013; Muzny et al.
2017 for quotations): a pronoun continuing a run of the same pronoun keeps its subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..sentences import sentence_spans
from .cast import Cast, Character
from .descriptions import SEX

CHAIN_SENTENCES = 6  # sentences walked back before the chain gives up: beyond, a reader checks the names again
# Words that may open a sentence before its subject: "Then she…", "But Anne…", "At last he…".
_OPENER = re.compile(r"(?i)(?:(?:and|but|then|so|now|still|yet|presently|suddenly|at\s+last|at\s+length|"
                     r"for|again|here|once\s+more)\s*,?\s+)*")
_PRONOUN = re.compile(r"(?i)(he|she|his|her)\b(?!\s*[,;.!?])")
# A subject of two or more people: "Tom and Huck", "Marilla and Matthew Cuthbert", "Jo and her sisters".
_JOINED = re.compile(r"\s+(?:and|or|&)\s+(?:[A-Z]|(?:the|his|her|their)\s)")
# "But the Mole was not there": the subject is gone, and whoever speaks next is someone else.
_ABSENT = re.compile(r"\s+(?:was|had)\s+(?:not\s+there|not\s+here|nowhere|no\s+longer|gone|already\s+gone)\b")
# Someone of the pronoun's gender as an object: "looked at him", "turned to her" (never "her hand").
_OBJECT = {"m": re.compile(r"\bhim\b"),
           "f": re.compile(r"\b(?:to|at|with|towards?|for|from|behind|beside|near|upon|on|after|kissed|told|asked|"
                           r"saw|watched|helped|gave|let|made)\s+her\b(?!\s+(?:own\s+)?[a-z]+\b(?<!\bthe)(?<!\ba))")}
_PRONOUN_GENDER = {"he": "m", "his": "m", "she": "f", "her": "f"}
# "The old man turned", "A tall woman came in": someone unnamed as a sentence's subject.
_DESCRIBED = re.compile(r"(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat)\s+(?P<words>(?:[a-z][\w\-]*\s*){1,4})")


@dataclass(frozen=True)
class Chain:
    """Where a chain of subjects led: the person it ends on (None: someone unnamed, or no end), and how many
    pronoun subjects it passed on the way."""

    character: Character | None
    links: int


def subject_chain(text: str, stretches: Iterable[tuple[int, int]], cast: Cast, gender: str) -> Chain:
    """The chain of subjects back from the end of ``stretches`` (narration, latest first), for a pronoun of
    ``gender``."""
    links = walked = 0
    for a, b in stretches:
        spans = [(a + x, a + y) for x, y in sentence_spans(text[a:b])]
        clauses = [c for x, y in spans for c in _clauses(text, x, y)]
        for x, y in reversed(clauses):
            walked += 1
            if walked > CHAIN_SENTENCES:
                return Chain(None, links)
            kind, who = _subject(text, x, y, cast)
            if _OBJECT[gender].search(text, x, y):
                return Chain(None, links)  # "Tobin sticks close to him": someone else of the gender is there
            if kind == "pronoun" and who == gender:
                links += 1
                continue
            if kind == "person" and who.gender != _other(gender):
                # a name of no known gender that the pronouns of the sentences after it go on about: theirs
                return Chain(who if who.gender == gender or links else None, links)
            if kind == "unnamed" and who in (gender, None):
                return Chain(None, links)
            if any(_may_be(m.character, gender) for m in cast.mentions_in(x, y)):
                return Chain(None, links)  # someone of the gender named, not as the subject: a reader hesitates
    return Chain(None, links)


def _may_be(c: Character, gender: str) -> bool:
    """Of the gender, or leaning to it (a name whose pronouns are mixed, most of them the gender's)."""
    return c.gender == gender or (c.gender is None and c.leaning == gender)


def _other(gender: str) -> str:
    return "f" if gender == "m" else "m"


def _clauses(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A sentence cut at its semicolons: "She had expected Mrs. Rachel up; she had known …" is two subjects."""
    out, start = [], a
    for m in re.finditer(r";\s+", text[a:b]):
        out.append((start, a + m.start()))
        start = a + m.end()
    out.append((start, b))
    return out


def _subject(text: str, a: int, b: int, cast: Cast) -> tuple[str, object]:
    """What opens the clause [a, b): ("pronoun", gender), ("person", Character), ("unnamed", gender or None)
    or ("other", None)."""
    at = _OPENER.match(text, a, b).end()
    if m := _PRONOUN.match(text, at, b):
        return "pronoun", _PRONOUN_GENDER[m.group(1).lower()]
    the = re.match(r"(?i)the\s+", text[at:b])
    for m in cast.mentions_in(at, b):
        if m.start in (at, at + (the.end() if the else 0)):
            # "Marilla and Matthew Cuthbert of all people adopting a boy!": two people, whom "she" is not
            if _JOINED.match(text, m.end, b) or _ABSENT.match(text, m.end, b):
                return "unnamed", None
            return "person", m.character
        break
    if d := _DESCRIBED.match(text, at, b):
        # "The old man at the gate": the first noun for a person among the words after the article
        noun = next((w for w in d.group("words").lower().split() if w in SEX), None)
        if noun is not None:
            return "unnamed", SEX[noun]
    return "other", None
