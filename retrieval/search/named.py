"""The people a question names ("What did duck think of …", "Why did Sanders say …", "Who did Tim Peters
answer?"): matched against the corpus's speakers by any of their names, so that search can prefer their
passages. A preference, never a filter: a question may name someone its answer only speaks about."""

from __future__ import annotations

import re

from ..index.speakers import SpeakerDirectory

LONGEST_NAME = 3  # words in the longest name looked for ("Karine Jean-Pierre", "Christine Blasey Ford")
MOST_PEOPLE = 3  # a question naming more is a list, not a question about one person's words
# A name after these is who the question is about, not whose words it wants: "Who was Rachel Mitchell?", "What
# did Psaki say about Abdullah?", "Why were there no sandwiches for Lady Bracknell?"; and whom someone asked:
# "Who asked Simms about the budget?" wants the asker's words, not Simms's.
TOPIC_AFTER = frozenset({"about", "of", "for", "to", "with", "against", "at", "on", "towards", "toward",
                         "ask", "asks", "asked"})
TOPIC_AFTER_PAIRS = frozenset({("who", "is"), ("who", "was"), ("who", "are"), ("who", "were")})
_WORD = re.compile(r"[^\W_][\w.'’-]*")
_POSSESSIVE = re.compile(r"['’]s?$")


def query_names(query: str) -> list[str]:
    """The question's words as a name would be written: possessives and closing dots dropped ("Ford's")."""
    return [w for w in (_POSSESSIVE.sub("", m.group()).rstrip(".-'’") for m in _WORD.finditer(query)) if w]


def people_named(query: str, directory: SpeakerDirectory, function_words: frozenset[str]) -> list[str]:
    """The people the question names, longest names first, at most ``MOST_PEOPLE``. A single word that is a
    function word of the language ("all", "who", "I") names nobody, even where a play has a speaker "All"; a
    name the question is about (``TOPIC_AFTER``) is skipped whole."""
    words = query_names(query)
    low = [w.casefold() for w in words]
    found: list[str] = []
    i = 0
    while i < len(words) and len(found) < MOST_PEOPLE:
        n, people = _name_at(words, i, directory, function_words)
        topic = (i and low[i - 1] in TOPIC_AFTER) or (i > 1 and (low[i - 2], low[i - 1]) in TOPIC_AFTER_PAIRS)
        if not topic:
            found += sorted(p for p in people if p not in found)
        i += n
    return found[:MOST_PEOPLE]


def _name_at(words: list[str], i: int, directory: SpeakerDirectory, function_words: frozenset[str]
             ) -> tuple[int, set[str]]:
    """(words taken, people) for the longest name starting at word ``i``; (1, none) when none does."""
    for n in range(min(LONGEST_NAME, len(words) - i), 0, -1):
        if n == 1 and (words[i].casefold() in function_words or len(words[i]) < 2):
            continue
        people = directory.resolve(" ".join(words[i:i + n]))
        if people:
            return n, people
    return 1, set()
