"""A first-person narrator ("said I", "I answered") is a character: Watson, Nick Carraway, Jane Eyre.

The narrator's own tags never name them; the people they talk to do. The replies just before and after a
turn the narrator tags as theirs are the other person's, and the name those replies address ("You see,
Watson, …") is the narrator's. The narrator is named only when one name clearly wins those votes.
"""

from __future__ import annotations

from collections import Counter

from .cast import Character

MIN_VOTES = 2  # replies beside the narrator's turns that must address the same name
LEAD = 2  # how many times the votes of the runner-up the winner needs


def narrator_of(beside: list[list[Character]], own: list[list[Character]]) -> Character | None:
    """``beside``: whom each reply next to a "said I" turn addresses; ``own``: whom the narrator's turns
    address (never the narrator)."""
    spoken_to_by_narrator = {c.name for cs in own for c in cs}
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
