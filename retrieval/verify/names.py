"""Whether the person a claim names and the person whose words they are could be one person (issue 22 §3).

People type the names they know ("Clinton", "Christine Blasey Ford", "Mr. Darcy") where a document and the
index keep another form ("Ford", "Fitzwilliam Darcy", an IRC handle "mnot" for Mark Nottingham). An
accusation of misattribution needs two *different people*, so any reading that lets the names be one person
counts as the same: the speaker directory's own (aliases, first name or surname of a full name), a name word
they share, a first name that is the start of the other ("Dan", "Daniel"), or a login made of the starts of the
name's parts in order ("mnot": Mark NOTtingham; "tbl": Tim Berners-Lee).
"""

from __future__ import annotations

import re

from ..index.speakers import SpeakerDirectory

# Words of address that are not part of who someone is.
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "senator", "sen", "rep", "president", "judge",
          "justice", "prof", "professor", "rev", "hon", "mp", "minister", "secretary", "governor", "chairman"}
PREFIX_MIN = 3  # letters a shortened first name keeps ("Dan", "Sam"): fewer would match too many names


def name_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+", name.casefold()) if w not in TITLES]


def _login_of(login: str, parts: list[str]) -> bool:
    """Whether ``login`` is the starts of ``parts`` in order, each at least one letter ("mnot", "tbl")."""
    if not login or not parts:
        return not login
    part = parts[0]
    return any(login[:n] == part[:n] and _login_of(login[n:], parts[1:]) for n in range(1, len(part) + 1)) \
        or _login_of(login, parts[1:])


def could_be_same(directory: SpeakerDirectory, claimed: str, speaker: str) -> bool:
    """Whether ``claimed`` and ``speaker`` may name one person (True when unsure: never accuse on a spelling)."""
    if directory.could_be(claimed, speaker) or directory.could_be(speaker, claimed) \
            or any(directory.could_be(speaker, p) for p in directory.resolve(claimed)):
        return True
    names = {claimed, speaker}
    for n in (claimed, speaker):
        person = directory.person(n)
        names |= set(person.aliases) if person else set()
    a_names = [name_words(n) for n in names if directory.could_be(n, speaker) or n == speaker]
    b_names = [name_words(n) for n in names if n == claimed or directory.could_be(n, claimed)]
    return any(_alike(a, b) for a in a_names for b in b_names if a and b)


def _alike(a: list[str], b: list[str]) -> bool:
    """Two names' words (titles gone) that may be one person's. Two full names must agree on the surname and the
    first name (or its start): Mary Bennet is not Lydia Bennet."""
    if len(a) >= 2 and len(b) >= 2:
        return a[-1] == b[-1] and (a[0].startswith(b[0]) or b[0].startswith(a[0]))
    short, full = (a, b) if len(a) == 1 else (b, a)
    word = short[0]
    return word in full or (len(word) >= PREFIX_MIN and full[0].startswith(word)) \
        or (len(word) >= 2 and len(full) >= 2 and _login_of(word, full))
