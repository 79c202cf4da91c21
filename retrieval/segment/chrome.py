"""Site chrome learnt per corpus: short lines that recur, word for word, across many documents of one folder
("Skip to content", "Proudly powered by WordPress", "© 2024 The Coast Courier", a menu) belong to the site,
not to anyone who speaks in a document.

Learning is deliberately timid, because a line that many documents share can also be structure a layout reads.
A recurring line is learnt only when it is short and appears in at least ``min_docs`` documents and at least
``min_share`` of the corpus. Lines shaped like a speaker's turn or a chat header are never learnt. Lines shaped
like a name, a handle or a header ("Recent Posts", "Search for:", but also a frequent commenter, a profile's
name, ``Mr Speaker``) are learnt apart, and dropped only where they stand in one run of lines with plain learnt
chrome ("Kestrel Valley Allotments" above "Growing together since 1987"): a commenter's name line stands beside
a date and words that are that document's own.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from .page import Page

MAX_WORDS = 12
SENTENCE_END = re.compile(r"[.!?…][\"”’')]*$")
MAX_CHARS = 100
_NAME_TOKEN = r"(?:[@#]?[A-Z][\w'’.\-]*|@\w[\w.\-]*|u/[\w\-]+|[a-z][\w.\-]*\d[\w.\-]*)"
NEVER = (
    re.compile(r"^[^\s:]{1,20}(?:\s[^\s:]{1,20}){0,3}:\s"),  # a turn: "MARA QUILL: Welcome back…", "Q: …"
    re.compile(r"^\["),  # a chat export's "[date time] name"
)
NAMEISH = (
    re.compile(rf"^{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}}$"),  # one to four capitalised words or handles
    re.compile(r"^[a-z][\w.\-]{0,30}$"),  # a lower-case handle alone
    re.compile(r":$"),  # a header: "Alice wrote:", "Search for:"
)


class Shape(Enum):
    PLAIN = "plain"  # chrome wherever it recurs
    NAMEISH = "nameish"  # chrome only beside plain chrome


def shape(line: str) -> Shape | None:
    """How a stripped line may be learnt; None: never (too long, empty, or a turn or chat header)."""
    words = line.split()
    if not 0 < len(words) <= MAX_WORDS or len(line) > MAX_CHARS or any(p.search(line) for p in NEVER):
        return None
    return Shape.NAMEISH if any(p.search(line) for p in NAMEISH) else Shape.PLAIN


def line_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def candidates(text: str) -> dict[str, Shape]:
    """A document's learnable lines (each once), by key."""
    out: dict[str, Shape] = {}
    for raw in text.split("\n"):
        if (kind := shape(line := raw.strip())) is not None:
            out.setdefault(line_key(line), kind)
    return out


@dataclass(frozen=True)
class Chrome:
    """The lines learnt as chrome for one corpus (case-folded, whitespace collapsed)."""

    lines: frozenset[str] = frozenset()  # plain: dropped wherever they stand
    names: frozenset[str] = frozenset()  # name-shaped: dropped only in a run with dropped lines

    @classmethod
    def learn(cls, texts: Iterable[str], min_docs: int, min_share: float) -> Chrome:
        """Lines in at least ``min_docs`` documents and ``min_share`` of them; ``min_docs`` 0 learns nothing."""
        if min_docs <= 0:
            return cls()
        seen: Counter[tuple[str, Shape]] = Counter()
        n = 0
        for text in texts:
            n += 1
            seen.update(candidates(text).items())
        need = max(min_docs, math.ceil(min_share * n))
        learnt = [(key, kind) for (key, kind), count in seen.items() if count >= need]
        return cls(frozenset(k for k, kind in learnt if kind is Shape.PLAIN),
                   frozenset(k for k, kind in learnt if kind is Shape.NAMEISH))

    def present_in(self, text: str) -> list[str]:
        """The learnt lines this document has, sorted: part of its build key, so that a change in what is
        learnt re-segments exactly the documents it touches."""
        return sorted(set(candidates(text)) & (self.lines | self.names)) if self.lines else []

    def clear(self, page: Page) -> int:
        """Drop the learnt lines from the page (name-shaped ones only in a run with plain ones); returns how
        many were dropped."""
        if not self.lines:
            return 0
        keys = {ln.index: line_key(ln.text) for ln in page.lines if not ln.blank and page.keep[ln.index]}
        marked = {i for i, k in keys.items() if k in self.lines}
        # A recurring sentence ("Welcome back to Harbour Talk.") may be someone's formula: dropped, but it does
        # not carry the name line above it along.
        spreading = {i for i in marked if not SENTENCE_END.search(page.lines[i].text)}
        waiting = {i for i, k in keys.items() if k in self.names}
        while grown := {i for i in waiting if (i - 1 in spreading or i + 1 in spreading)
                        and not _heads_words(page, i, marked)}:
            marked |= grown
            spreading |= grown
            waiting -= grown
        for i in marked:
            page.drop(page.lines[i])
        return len(marked)


def _heads_words(page: Page, i: int, marked: set[int]) -> bool:
    """Whether line ``i`` stands right above words that are the document's own (a speaker over a speech)."""
    below = i + 1
    return below < len(page.lines) and not page.lines[below].blank and page.keep[below] and below not in marked


NO_CHROME = Chrome()
