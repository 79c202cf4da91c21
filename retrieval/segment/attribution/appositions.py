"""What the narration calls a named character by apposition: "Mr. Bumble, the beadle," makes "the beadle" a name
of Mr. Bumble's; "Mr. Sowerberry, the parochial undertaker." makes "the undertaker" Mr. Sowerberry's.

Fiction introduces a person by name and trade once, then tags their talk with the trade alone for chapters ("said
the beadle"). The word is no title, and not in the lists of nouns for people (descriptions.py): only the
apposition ties it to the name. Read in the narration only, as a quotation's "Mr. Bumble, the beadle" may be a
list of those spoken to; a noun tied to two characters names neither.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from .descriptions import GENERIC, ROLES

if TYPE_CHECKING:
    from .cast import Character, Mention

_S = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)"  # a space within a paragraph: a line break, never a blank line
# ", the beadle," / ", the parochial undertaker.": "the", up to two modifiers, and the noun, which ends the phrase
# (a wrapped line may break it anywhere: "said Mr. Buttons, the\nchairman, with …").
APPOSED = re.compile(rf",{_S}the{_S}(?:[a-z][\w\-]*{_S}){{0,2}}(?P<noun>[a-z]{{3,}})(?=[ \t]*[,;.:!?—)])")
# "went straight up the village to Bunting the vicar.": the same without the comma, for a noun of a role or a
# calling (descriptions.py), as "gave Tom the book." sets no one's name.
BARE = re.compile(rf"{_S}the{_S}(?P<noun>[a-z]{{3,}})(?=[ \t]*[,;.:!?—)])")
# Words that end such a phrase without being a noun for a person ("Mr. Hale, the same,", "Tom, the other.").
NOT_PEOPLE = frozenset({"same", "other", "others", "rest", "former", "latter", "first", "last", "next", "whole",
                        "most", "least", "more", "less", "best", "worst", "one", "ones", "younger", "elder",
                        "youngest", "eldest", "following", "above", "end"})


def epithets(text: str, mentions: list[Mention], places: set[str] = frozenset()) -> dict[str, Character]:
    """Each noun the narration sets after a character's name ("Mr. Bumble, the beadle,"), the one character it
    is set after; a noun set after two characters' names, or a word for anyone ("the gentleman"), is none; a
    name the text uses as a place's ("the Admiral Benbow, the inn") gives none."""
    ties: dict[str, set[int]] = defaultdict(set)
    who: dict[int, Character] = {}
    for m in mentions:
        a = APPOSED.match(text, m.end) or ((b := BARE.match(text, m.end)) and b.group("noun") in ROLES and b)
        if not a or m.character.name in places or _quoted(text, m.start):
            continue
        noun = a.group("noun")
        if noun in GENERIC or noun in NOT_PEOPLE or (noun.endswith("s") and not noun.endswith("ss")):
            continue  # "the Bumbles, the beadles": a plural is a kind, not one person's name
        ties[noun].add(id(m.character))
        who[id(m.character)] = m.character
    return {noun: who[next(iter(ids))] for noun, ids in ties.items() if len(ids) == 1}


def _quoted(text: str, at: int) -> bool:
    """Whether ``at`` stands inside a quotation of its paragraph: more opening marks than closing ones before it,
    or an odd number of straight ones."""
    para = text[text.rfind("\n\n", 0, at) + 1:at]
    return para.count("“") > para.count("”") or para.count('"') % 2 == 1
