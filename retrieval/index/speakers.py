"""The names people search speakers by: ``Jeremy Corbyn``, ``corbyn``, ``@jeremycorbyn``, ``Jeremy`` — one table
per index. A surname or first name stands for a speaker only when one speaker of the corpus has it: two people
who share a first name are never merged into one."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable


def key(name: str) -> str:
    """A name's letters and digits, lower-cased: ``@Jeremy_Corbyn`` and ``Jeremy Corbyn`` share one."""
    return re.sub(r"[\W_]+", "", name.lower())


class SpeakerAliases:
    def __init__(self, speakers: Iterable[str]) -> None:
        self.full: dict[str, set[str]] = defaultdict(set)
        self.part: dict[str, set[str]] = defaultdict(set)
        for name in set(speakers):
            self.full[key(name)].add(name)
            words = [key(w) for w in name.split() if key(w)]
            if len(words) > 1:
                for word in (words[0], words[-1]):  # first name, surname
                    self.part[word].add(name)

    def resolve(self, query: str) -> set[str]:
        """The speakers ``query`` names: every one with that full name (however written), else the one speaker
        with that first name or surname; empty when it names nobody or is ambiguous."""
        k = key(query)
        if k in self.full:
            return set(self.full[k])
        found = self.part.get(k, set())
        return set(found) if len(found) == 1 else set()
