"""A first-person narrator ("said I", "I answered") is a character: Watson, Nick Carraway, Jane Eyre.

The narrator's own tags never name them; the people they talk to do. The replies just before and after a
turn the narrator tags as theirs are the other person's, and the name those replies address ("You see,
Watson, …") is the narrator's. The narrator is named only when one name clearly wins those votes.

Where too few replies stand beside "said I" turns, the name the quotations address most that the narration never
uses ("Listen, Nick; …" while the narrator calls himself "I") is the narrator's: everyone else present is named
in narration, if only in a tag.

Where no reply names them, a narrator who names themself in narration ("that I, Humphrey Van Weyden, a scholar")
is that character.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from .cast import Character, Mention

MIN_VOTES = 2  # replies beside the narrator's turns that must address the same name
LEAD = 2  # how many times the votes of the runner-up the winner needs
ADDRESS_VOTES = 3  # paragraphs addressing a name the narration never uses, to take it for the narrator's
# "CHAPTER VI", "Chapter 12.", "BOOK II", "Letter 4", "XIV.": a heading alone on its paragraph.
_HEADING = re.compile(r"(?:(?:chapter|book|part|letter)\s+(?:[IVXLC]+|\d+|[a-z]+)\.?|[IVXLC]+\.?|\d+\.?)",
                      re.I)
# "I, Humphrey Van Weyden, a scholar": a name set beside the narrator's "I" between commas.
_I_COMMA = re.compile(r"\bI,\s+$")


def sections(gaps: Sequence[str]) -> list[tuple[int, int]]:
    """The stretches of a telling, as paragraph index ranges [a, b): ``gaps`` are the text before each
    paragraph (after the one before) and, where it is a heading, the paragraph itself; a heading on a line of
    its own there ("CHAPTER VI", "Letter 4", "XIV.") opens a new stretch."""
    cuts = [0, *(k for k, gap in enumerate(gaps) if k and any(_HEADING.fullmatch(line.strip())
                                                             for line in gap.splitlines())), len(gaps)]
    return [(a, b) for a, b in itertools.pairwise(cuts) if a < b]


def narrator_of(beside: list[list[Character]], own: list[list[Character]],
                never: set[str] = frozenset()) -> Character | None:
    """``beside``: whom each reply next to a "said I" turn addresses; ``own``: whom the narrator's turns
    address (never the narrator); ``never``: who surely is not the narrator (named by a third-person tag)."""
    spoken_to_by_narrator = {c.name for cs in own for c in cs} | set(never)
    votes: Counter = Counter()
    by_name: dict[str, Character] = {}
    for cs in beside:
        for c in {c.name: c for c in cs}.values():
            if c.name not in spoken_to_by_narrator:
                votes[c.name] += 1
                by_name[c.name] = c
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < MIN_VOTES or (len(ranked) > 1 and ranked[0][1] < LEAD * ranked[1][1]):
        return None
    return by_name[ranked[0][0]]


def addressed_unnarrated(addressed: list[list[Character]], narrated: set[str]) -> Character | None:
    """``addressed``: whom each paragraph's quotations address; ``narrated``: names used outside quotations."""
    votes: Counter = Counter()
    by_name: dict[str, Character] = {}
    for cs in addressed:
        for c in {c.name: c for c in cs}.values():
            votes[c.name] += 1
            by_name[c.name] = c
    ranked = [(n, k) for n, k in votes.most_common() if n not in narrated][:2]
    if not ranked or ranked[0][1] < ADDRESS_VOTES or (len(ranked) > 1 and ranked[0][1] < LEAD * ranked[1][1]):
        return None
    return by_name[ranked[0][0]]


def across(run: Sequence[int], mine: set[int]) -> list[int]:
    """The paragraphs of a run of dialogue on the other parity from the narrator's "said I" turns in it: in an
    exchange the narrator takes part in, the replies between theirs are the partner's, who calls the narrator by
    name further from a tagged turn than the paragraph beside it ("Why, Jim?" … "Come in, Huck."). None where
    the narrator's turns stand on both parities: someone else spoke between."""
    at = [k for k, i in enumerate(run) if i in mine]
    if not at or len({k % 2 for k in at}) != 1:
        return []
    return [i for k, i in enumerate(run) if k % 2 != at[0] % 2]


def self_named(text: str, narrated: Sequence[Mention]) -> Character | None:
    """The one character the narration names in apposition to "I" ("that I, Humphrey Van Weyden, a scholar"):
    ``narrated`` are the mentions outside quotations, where "I" is the narrator's and not a speaker's."""
    named = {m.character.name: m.character for m in narrated
             if _I_COMMA.search(text, max(0, m.start - 6), m.start) and text.startswith(",", m.end)}
    return next(iter(named.values())) if len(named) == 1 else None
