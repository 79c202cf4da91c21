"""People the narration speaks of without a name: "the captain", "an old seaman", "my father", "pap".

Fiction often leaves a character unnamed for chapters ("the captain", "the stranger", "the Ghost"), and the
sieve's cast holds only names. A pronoun tag ("said he") whose one *named* candidate is Dr. Livesey is not
Dr. Livesey's when "the captain" has come on stage since: the pronoun may as well stand for him. These
descriptions are no speakers here; they are rivals that make a pronoun's resolution doubtful.

The nouns are English nouns for people, by the sex they name (None: either). A general word list, not any
book's cast; a noun missing from it leaves the sieve as confident as before, never wrong in a new way.
"""

from __future__ import annotations

import re
from itertools import pairwise

_MEN = ("man gentleman boy fellow lad youth chap father papa pap pa dad daddy uncle brother son husband "
        "grandfather nephew king prince lord duke earl squire parson priest vicar monk waiter coachman "
        "footman butler landlord policeman postman fisherman seaman sailor showman station-master "
        "stationmaster gardener old-man")
_WOMEN = ("woman lady girl lass maid maiden mother mamma mama mammy ma aunt auntie sister daughter wife "
          "grandmother niece queen princess duchess widow mistress landlady nurse governess housekeeper")
_EITHER = ("person stranger captain doctor child visitor servant clerk porter officer soldier pirate creature "
           "ghost spirit phantom apparition figure voice driver guard host guest friend companion teacher "
           "master judge keeper innkeeper beggar apothecary surgeon lawyer merchant neighbour neighbor "
           "traveller traveler passenger cousin parent cook comrade sergeant corporal lieutenant colonel commander "
           "sentry sentinel messenger courier rider tenant lodger")  # a house's cook is a woman, a ship's a man
SEX: dict[str, str | None] = {**{w: None for w in _EITHER.split()}, **{w: "m" for w in _MEN.split()},
                              **{w: "f" for w in _WOMEN.split()}}
# Nouns any of several people in a scene may be ("the man", "the girl"): never how the text names one of them.
_GENERIC = ("man gentleman boy fellow lad youth chap woman lady girl lass maid maiden person stranger child visitor "
            "creature figure voice friend companion guest host passenger traveller traveler neighbour neighbor ghost "
            "spirit phantom apparition old-man")
GENERIC = frozenset(_GENERIC.split())
# Nouns of a role or kinship ("the nephew", "the clerk", "the captain"), which a story may name one person by.
ROLES = frozenset(SEX) - GENERIC
# What a first-person narrator calls one person after "my": a role, and "lady" too, which after "my" is a title of
# address, as "my lord" is (a servant's mistress, a courtier's queen), though "the lady" may be anyone.
MY_TITLES = ROLES | {"lady"}
# Kin words that stand alone for one person of the family ("pap he said", "Mamma came in").
BARE = frozenset({"pap", "papa", "mamma", "mama"})
# What a family calls its elders, which a story told from the children's side writes as their names ("said Mother",
# "Father asked", "grandfather said:"), though the narrator says "I" nowhere.
FAMILY = frozenset({"mother", "father", "grandfather", "grandmother", "granny", "grandma", "grandpa", "grandmamma",
                    "grandpapa", "mamma", "papa", "mama", "mammy", "daddy", "mummy", "uncle", "aunt", "auntie"})
# Words after "the" that point back to one of two people just named ("retorted the other", "said the latter"):
# no one's name, though a story tags with them again and again; which of the two, the turn-taking tells.
ANAPHORS = frozenset({"other", "latter", "former", "same"})
_DET = r"(?:the|a|an|my|his|her|their|our|this|that|your)"
# A determiner and up to three words: the first of them that is a noun for a person is the head ("the old
# blind seaman"); "the man's hat" names the man as an owner, still someone about.
DESCRIBED = re.compile(rf"\b{_DET}(?P<words>(?:\s+[a-z][\w\-]*){{1,3}})", re.I)
# Where a clause's subject stands: a sentence's or clause's start, or after a conjunction.
SUBJECT_BEFORE = re.compile(r"(?:^|[.;:!?,—]\s*|\b(?:and|but|then|when|while|as|till|until|before|after|where|so|"
                            r"that|whom|who)\s+)$", re.I)
SOMEONE = re.compile(r"\b(?:someone|somebody)\b", re.I)
_BARE = re.compile(rf"\b(?:{'|'.join(BARE)})\b", re.I)


def unnamed_rival(narration: str, gender: str | None) -> str | None:
    """The first description of a person in ``narration`` whose sex does not rule out ``gender`` ("he"/"she"
    as "m"/"f"): a pronoun may stand for them as well as for the named candidate. None when there is none."""
    for m in DESCRIBED.finditer(narration):
        if not SUBJECT_BEFORE.search(narration[max(0, m.start() - 12):m.start()]) and not _taken_up(narration, m):
            continue  # "Mrs. Grey looked the girl over": an object is not whom "she said" goes on about
        for word in m.group("words").split():
            noun = word.lower().removesuffix("'s").removesuffix("’s")
            if noun in SEX:
                if _fits(SEX[noun], gender):
                    return f"{m.group().split()[0]} {word}"
                break
    m = _BARE.search(narration)
    if m and _fits(SEX[m.group().lower()], gender):
        return m.group()
    # "I saw someone drawing near along the road": a newcomer, even as an object, may be whom "he" is.
    m = SOMEONE.search(narration)
    return m.group() if m else None


# A sentence whose subject is a pronoun of one sex: "He was surprised", "But she …".
_PRONOUN = {"m": "He", "f": "She"}
_OPENS_ON = r"(?:(?:But|And|Then)\s+)?{}\b"
# The next sentence's subject that pronoun; any sentence's subject that pronoun.
_NEXT_SUBJECT = {sex: re.compile(r"[^.!?;]*[.!?;]\s+" + _OPENS_ON.format(p)) for sex, p in _PRONOUN.items()}
_ANY_SUBJECT = {sex: re.compile(r"(?:^|[.!?;]\s+)" + _OPENS_ON.format(p)) for sex, p in _PRONOUN.items()}


def _taken_up(narration: str, m: re.Match[str]) -> bool:
    """"She followed her uncle into the library. He was surprised …": an object the next sentence goes on about
    as "he" (or "she"), of its sex, is on stage as much as a subject is, where that pronoun is new there (a "she"
    that has opened the narration's sentences all along goes on about someone else: "She wondered …")."""
    for word in m.group("words").split():
        if word.lower() in SEX:
            sex = SEX[word.lower()]
            return sex is not None and _NEXT_SUBJECT[sex].match(narration, m.end()) is not None \
                and _ANY_SUBJECT[sex].search(narration, 0, m.start()) is None
    return False


def _fits(sex: str | None, gender: str | None) -> bool:
    return gender is None or sex is None or sex == gender


# Words that say the narration does not know who someone is: a story that keeps calling one person so has not
# named them ("the man", "the girl" may be how it speaks of someone it names).
UNKNOWN = frozenset({"stranger", "visitor", "newcomer", "traveller", "traveler"})
# Characters of narration between two of its "the stranger"s within which a story keeps one unnamed person on stage.
ON_STAGE = 12000


def kept_on_stage(noun: str, uses: list[tuple[int, int]]) -> bool:
    """Whether "the stranger", tagged again and again, stays one person from its first tag to its last: the
    narration never leaves them for long ("The stranger came early in February …" and on through the book)."""
    return noun in UNKNOWN and len(uses) > 1 and all(b[0] - a[0] <= ON_STAGE for a, b in pairwise(uses))

