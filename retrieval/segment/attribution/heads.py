"""A word that heads several characters' fuller names: "the Ghost" of "Marley's Ghost" and of "the Ghost of
Christmas Past"; "the Witch" of "the Witch of the North" and "the Witch of the East".

The word alone is one of them at a time, never all of them: which one, the text says by introducing them. Fiction
brings a new one on in a new chapter (Marley's Ghost in the first, the Ghost of Christmas Past in the second) and
goes on calling them by the head word alone. So the head word names, in each chapter, the one fuller name the
text uses for the first time there; in a chapter that introduces none, whoever it named before; in one that
introduces two, nobody (the Witch of the North tells of the Witch of the East in the same chapter).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

CAP_WORD = r"[A-Z][\w'’]*"
# "Ghost of Christmas Past", "Witch of the North": a head, "of", and up to three capitalised words.
OF_NAME = re.compile(rf"(?<![\w'’])(?P<head>[A-Z][a-z]+)\s+of\s+(?:the\s+)?{CAP_WORD}(?:[ \t]+{CAP_WORD}){{0,2}}"
                     r"(?![\w'’])")
# "Marley's Ghost": an owner's name and the head word.
OWNED_NAME = re.compile(r"(?<![\w'’])[A-Z][a-z]+['’]s\s+(?P<head>[A-Z][a-z]+)(?![\w'’])")
ARTICLE = re.compile(r"\b[Tt]he\s+(?:[A-Z][a-z]+\s+)?$")  # "the Ghost of …", "the Good Witch of …"
FULLER_USES = 2  # times the text uses each fuller name, for its head word to be shared


@dataclass(frozen=True)
class Fuller:
    """One fuller name a head word belongs to, as the text first writes it, and where."""

    head: str  # lower case
    form: str  # "Ghost of Christmas Past", "Marley's Ghost"
    first: int  # offset of its first use
    article: bool  # the text always writes "the" before it


def fuller_names(text: str, start: int = 0, end: int | None = None) -> dict[str, list[Fuller]]:
    """Head words (lower case) that two or more fuller names share, each used at least twice, with those names
    in the order the text introduces them."""
    end = len(text) if end is None else end
    uses: Counter = Counter()
    first: dict[str, int] = {}
    bare: Counter = Counter()  # an "of" name's uses without "the" before it
    heads: dict[str, str] = {}
    for rx in (OF_NAME, OWNED_NAME):
        for m in rx.finditer(text, start, end):
            form = " ".join(m.group().split())
            uses[form] += 1
            first.setdefault(form, m.start())
            bare[form] += rx is OF_NAME and not ARTICLE.search(text[max(0, m.start() - 20):m.start()])
            heads[form] = m.group("head").lower()
    out: dict[str, list[Fuller]] = {}
    for form in sorted(uses, key=first.get):
        if uses[form] >= FULLER_USES:
            out.setdefault(heads[form], []).append(Fuller(heads[form], form, first[form],
                                                          OF_NAME.fullmatch(form) is not None and not bare[form]))
    return {h: names for h, names in out.items() if len(names) > 1}


def chapter_holders(names: list[Fuller], chapters: list[int]) -> list[tuple[int, Fuller | None]]:
    """From each chapter's start on, the fuller name the head word stands for there: the one the chapter
    introduces, else the one before; None after a chapter that introduces two."""
    out: list[tuple[int, Fuller | None]] = []
    bounds = [*chapters, None]
    holder: Fuller | None = None
    for a, b in itertools.pairwise(bounds):
        new = [f for f in names if f.first >= a and (b is None or f.first < b)]
        holder = new[0] if len(new) == 1 else None if new else holder
        out.append((a, holder))
    return out
