"""Descriptions a text names its people by: "said the tall soldier", "the tattered man began", "said the youth".

Some stories never (or only late) give a speaker's name and tag them again and again with the same description
instead. A description the tags keep using for one person is that person's name in that text (the annotated sets'
convention: such descriptions are cast aliases). Two kinds are learnt here, from the tags alone:

- a description with a word of its own before the noun ("the tall soldier", "the tattered man", "the old
  gentleman"), tagged again and again over more than a scene: few people in one story share both words. "the
  loud one" is the one "the loud soldier" of the same text, "one" standing for the noun. Within one scene a
  description is how the narration speaks of someone who has just come in, and who may name themself the next
  moment ("I am the Witch of the North"): no name yet;
- a bare word for anyone ("the youth", "the girl"), only where the text uses it more than any name: then it is
  how the narration calls its main character, not whoever is young at the moment.

"the other", "the latter" are never names (descriptions.ANAPHORS); nor is "the first man", "the next one".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .descriptions import ANAPHORS, GENERIC, SEX
from .names import NAME
from .tags import ADVERB, V

DESCRIBED_USES = 3  # tags that make a description a name (as EPITHET_USES makes a role one)
SCENE = 6000  # characters (a scene or two, prose.STRETCH) its tags must spread beyond: the text keeps using it
# Words before a noun that pick one of several people by their place, never describe one: no name.
_PICKING = ANAPHORS | {"first", "second", "third", "last", "next", "one", "two", "three", "only", "whole", "new",
                       "same", "very", "poor", "good"}
_WORD = r"[a-z][a-z\-]*"
# A tag's subject, "the" and one to three lower-case words, right after the speech verb or right before it.
_PHRASE = rf"(?P<phrase>{_WORD}(?:\s+{_WORD}){{0,2}}?)"
_AFTER = re.compile(rf"\b(?:{V})\s+{ADVERB}the\s+{_PHRASE}(?=\s*[,.;:!?—–\-]|\s+(?:with|in|to|at|as|and|but|from|"
                    rf"who|after|for|again|[a-z]+ly)\b)")
_BEFORE = re.compile(rf"\b[Tt]he\s+{_PHRASE}\s+{ADVERB}(?:had\s+)?(?:{V})\b")


@dataclass(frozen=True)
class DescribedName:
    phrase: str  # "tall soldier": the words after "the"
    name: str  # how the character is called: "the tall soldier"
    gender: str | None  # by the noun, where it tells ("man"), else left to the pronouns


def tagged_phrases(text: str) -> dict[str, list[int]]:
    """Where each description stands as a tag's subject after "the" ("said the tall soldier": "tall
    soldier"), in order."""
    out: dict[str, list[int]] = {}
    for rx in (_AFTER, _BEFORE):
        for m in rx.finditer(text):
            out.setdefault(" ".join(m.group("phrase").split()).lower(), []).append(m.start())
    return {p: sorted(at) for p, at in out.items()}


def described_names(text: str, name_uses: int) -> dict[str, DescribedName]:
    """The descriptions ``text`` names its people by, each phrase ("tall soldier", "loud one") to its name;
    ``name_uses``: the most mentions any one name has in the text."""
    tagged = tagged_phrases(text)
    out: dict[str, DescribedName] = {}
    for phrase, at in tagged.items():
        *words, noun = phrase.split()
        if len(at) < DESCRIBED_USES or at[-1] - at[0] <= SCENE or any(w in _PICKING for w in words) \
                or noun in ANAPHORS:
            continue
        if (words and noun in SEX) or (not words and noun in GENERIC and _uses(text, noun) > name_uses):
            out[phrase] = DescribedName(phrase, f"the {phrase}", SEX.get(noun))
    # "the loud one", "the tall private" are "the loud soldier", "the tall soldier", where the text has one such:
    # the same words before another noun for a person of no other sex ("the old woman" is not "the old man").
    for phrase in tagged:
        *words, noun = phrase.split()
        same = {d.name: d for p, d in out.items() if p.split()[:-1] == words and p != phrase}
        if phrase not in out and words and len(same) == 1 and not any(w in _PICKING for w in words) \
                and noun not in ANAPHORS and _fits(SEX.get(noun), (d := next(iter(same.values()))).gender):
            out[phrase] = d
    # "the loud one" again and again, and no "loud" noun beside it: a name of its own
    out |= {p: DescribedName(p, f"the {p}", None) for p, at in tagged.items() if p.endswith(" one") and p not in out
            and len(p.split()) == 2 and p.split()[0] not in _PICKING and len(at) >= DESCRIBED_USES
            and at[-1] - at[0] > SCENE}
    return out


# "cried the blind man, Pew.": the name the text sets after the description, whose character it is.
_APPOSED = re.compile(rf",\s+(?P<name>{NAME})(?![\w'’])\s*(?:[.;:!?]|,\s*[\"“‘]|$)")


def apposed_names(text: str, phrase: str) -> set[str]:
    """The names ``text`` sets right after "the PHRASE," ("the blind man, Pew"): who the described person is."""
    words = r"\s+".join(map(re.escape, phrase.split()))
    return {a.group("name") for m in re.finditer(rf"\b[Tt]he\s+{words}(?=,)", text)
            if (a := _APPOSED.match(text, m.end()))}


def _fits(sex: str | None, gender: str | None) -> bool:
    return sex is None or gender is None or sex == gender


def _uses(text: str, noun: str) -> int:
    return len(re.findall(rf"\b[Tt]he\s+{noun}\b", text))


def uses_of(text: str, phrase: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the body [start, end) says "the PHRASE" (either case of "the"): the described person's mentions."""
    words = r"\s+".join(map(re.escape, phrase.split()))
    return [(start + m.start(), start + m.end()) for m in re.finditer(rf"\b[Tt]he\s+{words}\b", text[start:end])]
