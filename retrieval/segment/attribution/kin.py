"""Kinship descriptions: "said her mother", "cried his wife" name a character through someone else.

The kin of a person in the scene is found by family name: "his wife", said where Mr. Bennet is about, is the
Mrs. Bennet of the cast; "her father", where Elizabeth Bennet is, the Mr. Bennet. Titles tell married women and
men (Mrs., Lady; Mr., Sir) from daughters (Miss). Two families that could fit leave the speaker unnamed.
"""

from __future__ import annotations

from .cast import Cast, Character
from .names import split_title

# Each kin noun: the gender of the person it names and the titles that person goes by.
WIFE_TITLES = frozenset({"mrs", "lady", "madame", "mme", "frau", "señora", "doña"})
HUSBAND_TITLES = frozenset({"mr", "sir", "lord", "monsieur", "herr", "señor", "don"})
KIN: dict[str, tuple[str, frozenset[str]]] = {
    "mother": ("f", WIFE_TITLES), "wife": ("f", WIFE_TITLES), "lady": ("f", WIFE_TITLES),
    "father": ("m", HUSBAND_TITLES), "husband": ("m", HUSBAND_TITLES),
}
OWNER_GENDER = {"her": "f", "his": "m"}
PARENTS = frozenset({"mother", "father"})


def kin_of(noun: str, owner: str | None, people: list[Character], cast: Cast) -> Character | None:
    """The one character ``owner``'s ``noun`` can be, ``people`` being those the owner may be (the scene's,
    the latest first); None when the noun is no kin word or two families fit."""
    if noun.lower() not in KIN or owner not in OWNER_GENDER:
        return None
    gender, titles = KIN[noun.lower()]
    owners = [c for c in people if c.gender in (None, OWNER_GENDER[owner])]
    found: list[Character] = []
    for c in cast.characters:
        title, words = split_title(c.name)
        if title not in titles or c.gender not in (None, gender) or c in found:
            continue
        if noun.lower() in PARENTS and len(words) > 1 and any(" ".join(words) == o.name for o in owners):
            continue  # "Mrs. Newland Archer" is Newland Archer's wife, never his mother
        # Someone else of that family is about: the owner ("her mother" is never the mother herself).
        if any(o is not c and o.last.lower() == c.last.lower() for o in owners):
            found.append(c)
    return found[0] if len(found) == 1 else None


def kin_in_scene(noun: str, owner: str | None, people: list[Character], cast: Cast) -> Character | None:
    """Where no family ties the owner to anyone ("said her mother" among daughters the text calls "Kitty" and
    "Lizzy"), the one person of the scene whose title the noun goes by, of a family the text names (its Mr. and
    its Mrs.): "her mother" in a scene with Mrs. Bennet and no other married woman is Mrs. Bennet."""
    fit = kin_about(noun, owner, people, cast)
    return fit[0] if len({c.name for c in fit}) == 1 else None


def kin_about(noun: str, owner: str | None, people: list[Character], cast: Cast) -> list[Character]:
    """Everyone among ``people`` whom ``owner``'s ``noun`` could name by title and family."""
    if noun.lower() not in KIN or owner not in OWNER_GENDER:
        return []
    gender, titles = KIN[noun.lower()]
    return [c for c in people if split_title(c.name)[0] in titles and c.gender in (None, gender)
            and cast.family(c.last)]
