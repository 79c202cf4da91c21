"""The people a question names ("What did duck think of …", "Why did Sanders say …", "Who did Tim Peters
answer?"): matched against the corpus's speakers by any of their names, so that search can prefer their
passages. A preference, never a filter: a question may name someone its answer only speaks about."""

from __future__ import annotations

import re

from ..index.speakers import SpeakerDirectory

LONGEST_NAME = 3  # words in the longest name looked for ("Karine Jean-Pierre", "Christine Blasey Ford")
MOST_PEOPLE = 3  # a question naming more is a list, not a question about one person's words
_WORD = re.compile(r"[^\W_][\w.'’-]*")
_POSSESSIVE = re.compile(r"['’]s?$")


def query_names(query: str) -> list[str]:
    """The question's words as a name would be written: possessives and closing dots dropped ("Ford's")."""
    return [w for w in (_POSSESSIVE.sub("", m.group()).rstrip(".-'’") for m in _WORD.finditer(query)) if w]


def people_named(query: str, directory: SpeakerDirectory, function_words: frozenset[str]) -> list[str]:
    """The people the question names, longest names first, at most ``MOST_PEOPLE``. A single word that is a
    function word of the language ("all", "who", "I") names nobody, even where a play has a speaker "All"."""
    words = query_names(query)
    found: list[str] = []
    i = 0
    while i < len(words) and len(found) < MOST_PEOPLE:
        for n in range(min(LONGEST_NAME, len(words) - i), 0, -1):
            if n == 1 and (words[i].casefold() in function_words or len(words[i]) < 2):
                continue
            people = directory.resolve(" ".join(words[i:i + n]))
            if people:
                found += sorted(p for p in people if p not in found)
                i += n
                break
        else:
            i += 1
    return found[:MOST_PEOPLE]
