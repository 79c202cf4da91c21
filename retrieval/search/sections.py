"""A section's first passage as the answer to a question about the section.

A question that names a section's topic ("What is the rationale for f-strings?", "Why does real code matter?")
asks what the section as a whole says, and a document states that in its section's opening paragraph; the
later paragraphs, sharing the section path in their search text and the topic's words, outscore it on details.
The section is read from the passage's search-text head (``title › section › subsection``, chunking.py), so
this holds for any document whose outline has marked headings and costs nothing where it has none."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from ..records import Passage

Tokenize = Callable[[list[str]], list[list[str]]]
PATH_MARK = " › "  # outline.SEPARATOR, as the search-text head writes it
# How far back a section's opening passage is looked for: a longer section's opening is too far from a passage
# of its middle to speak for it.
LOOK_BACK = 30


class Neighbourhood(Protocol):
    def context(self, path: str, start: int, end: int, before: int = 1, after: int = 1
                ) -> tuple[list[tuple[Passage, object]], int | None]: ...


@dataclass(frozen=True)
class Section:
    """Where a passage stands: its document and the outline path under the document's title."""

    doc_path: str
    path: str  # "Rationale › The importance of real code"; empty when the document has no sections

    @property
    def heading(self) -> str:
        """The innermost heading: the one the passage is written under."""
        return self.path.rsplit(PATH_MARK, 1)[-1]


def section_of(p: Passage) -> Section:
    """The section a passage's search text places it in (its head line: who — title › section …)."""
    st = p.search_text
    head = st[: len(st) - len(p.text)] if st.endswith(p.text) else st
    first = head.split("\n", 1)[0]
    path = first.split(PATH_MARK, 1)[1] if PATH_MARK in first else ""
    return Section(p.doc_path, path.strip())


def heading_match(sections: list[Section], words: list[str], weights: np.ndarray, tokenize: Tokenize
                  ) -> np.ndarray:
    """For each section, the IDF-weighted share (0..1) of the question's BM25 ``words`` its heading holds."""
    out = np.zeros(len(sections), dtype=np.float32)
    total = float(weights.sum())
    if not words or total <= 0:
        return out
    weight = dict(zip(words, weights.tolist(), strict=True))
    headings = [s.heading for s in sections]
    for i, terms in enumerate(tokenize(headings)):
        if sections[i].path:
            out[i] = sum(weight.get(t, 0.0) for t in set(terms)) / total
    return out


def opening_passage(index: Neighbourhood, p: Passage) -> Passage | None:
    """The first passage of ``p``'s section that is not its heading (the one after ``p`` when ``p`` is the
    heading); None when the section opens more than ``LOOK_BACK`` passages back or the passage is gone."""
    around, _ = index.context(p.doc_path, p.start, p.end, before=LOOK_BACK, after=1)
    at = next((i for i, (q, _src) in enumerate(around) if (q.start, q.end) == (p.start, p.end)), None)
    if at is None:
        return None
    here = section_of(p)
    first = at
    while first > 0 and section_of(around[first - 1][0]) == here:
        first -= 1
    if first == 0 and at >= LOOK_BACK:  # the section may open before the passages read
        return None
    body = (q for q, _src in around[first:] if section_of(q) == here and not is_heading(q, here))
    return next(body, None)


def is_heading(p: Passage, section: Section) -> bool:
    """Whether a passage's words are its section's heading (a heading kept as a unit of its own)."""
    return _words(p.text) == _words(section.heading)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())
