"""Offices news writes before a name, and what stands after a surname: the person's job, its place and their
generation, none of them their name (issue 21 §5).

- An office of any length: "Tax Division Assistant Attorney General Nathan J. Hochman" is Nathan J. Hochman.
- "of PLACE" closing an office: "U.S. Attorney for the Northern District of Illinois Patrick Fitzgerald" is Patrick
  Fitzgerald, "Consul General of India Dnyaneshwar M. Mulay" Dnyaneshwar M. Mulay.
- A generational suffix: "Amos Rojas Jr." is Amos Rojas, as his short forms ("Rojas") and the speaker directory
  (index/speakers.py) read him; the suffix says which Amos Rojas, never how a story names him.

The word lists live here; names.py builds its patterns from them and calls these functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Offices a news style writes before a name ("U.S. Attorney Benton J. Campbell", "Executive Assistant Director
# Arthur Cummings", "Councilwoman LaToya Cantrell"): the person's job, not their name. Titles a person is called
# by (Mr., Dr., Colonel, Judge) are not here: "Colonel Brandon" is how a story names him.
OFFICES = _words(
    "attorney director commissioner chief administrator spokesman spokeswoman spokesperson agent superintendent "
    "marshal sheriff chairman chairwoman chairperson prosecutor trooper commander ambassador envoy congressman "
    "congresswoman councilman councilwoman councilmember councillor alderman treasurer manager ceo coordinator "
    "counsel solicitor representative lawmaker official analyst economist researcher founder executive deputy "
    "secretary minister president premier governor mayor senator consul")
# Nouns that make an office of "General" after them ("Attorney General", "Inspector General", "Consul General"):
# alone, "General" is a rank ("General Tilney").
GENERAL_AFTER = OFFICES | _words("inspector surgeon")
# Words of an office before its noun ("Acting Assistant", "Police", "U.S."): with the noun, no part of a name.
OFFICE_WORDS = OFFICES | _words(
    "general acting assistant associate special senior principal interim former vice district police state federal "
    "national regional united states division criminal investigation investigations service services tax civil "
    "rights field office bureau department inspector executive")
MAX_NAME_WORDS = 4  # after an office, a name of at most this many words (initials and particles counted)
# Generational suffixes after a surname ("Jr.", "II"): which person of the name, no word of the name.
GENERATIONS = _words("jr sr jnr snr ii iii iv")
# The same suffixes as a document writes them after a full name ("Jr.", "III"): the one list above, so the name a
# cast keeps (cast._generations), the name a mention drops it from (without_generation) and the speaker
# directory (index/speakers.py) agree on what a generation is.
GENERATION = "(?:" + "|".join(sorted(
    (g.upper() if g.startswith("i") else g.capitalize() + r"\.") for g in GENERATIONS)) + ")"
PLACE_OPENERS = ("of", "for", "to")  # "Governor of …", "U.S. Attorney for …", "Ambassador to …"
NAME_WORDS_AFTER_PLACE = 2  # a first name and a surname (initials between them not counted)
_INITIAL = re.compile(r"[^\W\d_]\.")


def generation(word: str) -> bool:
    """Whether ``word`` is a generational suffix ("Jr.", "Jr", "II", "III,")."""
    return word.rstrip(".,;:").lower() in GENERATIONS


def without_generation(words: list[str]) -> list[str]:
    """A name's words without the suffix after its surname ("Amos Rojas Jr." is Amos Rojas); a name of two
    words or fewer keeps it ("Junior" alone is somebody's name, and "Jr" never stands for one)."""
    if len(words) <= 2 or not generation(words[-1]):
        return words
    while len(words) > 2 and generation(words[-1]):
        words = words[:-1]
    return [*words[:-1], words[-1].rstrip(",")]  # "Cummings, II": the comma went with the suffix


def after_place(words: list[str], joined: Callable[[str, str], bool]) -> list[str]:
    """The name after an office's place ("of Illinois Patrick Fitzgerald" is Patrick Fitzgerald, "for the
    Northern District of Illinois Patrick Fitzgerald" too, "of India Dnyaneshwar M. Mulay" Dnyaneshwar M. Mulay):
    the surname, the initials before it and one first name; a word before that first name stays in the name
    only where the document joins it to the name's next word (``joined``: "Grace Chung Becker", written so
    elsewhere, where "India" is written before "Dnyaneshwar" once). ``words`` unchanged when they open with no
    place; none when the place ends them."""
    if not words or words[0].lower() not in PLACE_OPENERS:
        return words
    last_opener = max(k for k, w in enumerate(words) if w.lower() in PLACE_OPENERS or w.lower() == "the")
    tail = words[last_opener + 1:]
    if len(tail) < 1 + NAME_WORDS_AFTER_PLACE:
        return []  # "Assistant Attorney General for National Security": the place ends the office, no name follows
    k, plain = len(tail) - 1, 1  # the surname
    while k > 1 and (plain < NAME_WORDS_AFTER_PLACE or _INITIAL.fullmatch(tail[k - 1])
                     or joined(tail[k - 1], tail[k])):
        k -= 1
        plain += not _INITIAL.fullmatch(tail[k])
    return tail[k:]  # tail[0] is the place's own word: "of Illinois …" always names a place first
