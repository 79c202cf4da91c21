"""A section's opening paragraph answers a question about the section (search/sections.py)."""

from __future__ import annotations

import numpy as np

from quoth.index.bm25 import ENGLISH
from quoth.records import Passage, Role
from quoth.search.sections import LOOK_BACK, Section, heading_match, opening_passage, section_of

TITLE = "Jane Doe — Literal String Interpolation"


def passage(text: str, path: str, start: int, pid: int) -> Passage:
    head = f"{TITLE} › {path}" if path else TITLE
    return Passage(doc_path="pep.rst", start=start, end=start + len(text), text=text, speaker=None,
                   role=Role.NARRATION, search_text=f"{head}\n{text}", id=pid)


class Document:
    """The neighbourhood lookup of an index (LoadedIndex.context) over one document's passages."""

    def __init__(self, parts: list[tuple[str, str]]) -> None:
        self.passages, at = [], 0
        for i, (path, text) in enumerate(parts):
            self.passages.append(passage(text, path, at, i + 1))
            at += len(text) + 2

    def context(self, path, start, end, before=1, after=1):
        i = next(i for i, p in enumerate(self.passages) if p.start == start)
        return [(p, None) for p in self.passages[max(0, i - before):i + after + 1]], i + 1


DOC = Document([
    ("Abstract", "This PEP proposes a new string formatting mechanism."),
    ("Rationale", "Rationale"),
    ("Rationale", "This PEP is driven by the desire to have a simpler way to format strings."),
    ("Rationale", "F-strings provide a concise, readable way to include values."),
    ("Rationale", "With an f-string, this becomes::"),
    ("Specification", "In source code, f-strings are string literals prefixed by 'f'."),
])


def test_the_section_is_the_path_under_the_title():
    p = DOC.passages[3]
    assert section_of(p) == Section("pep.rst", "Rationale")
    assert Section("pep.rst", "Rationale › The importance of real code").heading == "The importance of real code"
    assert section_of(passage("Words.", "", 0, 1)).path == ""  # a document without sections


def test_a_later_paragraph_leads_to_the_opening_not_the_heading_line():
    opening = opening_passage(DOC, DOC.passages[4])
    assert opening is not None and opening.text.startswith("This PEP is driven")


def test_the_heading_passage_leads_to_the_paragraph_under_it():
    opening = opening_passage(DOC, DOC.passages[1])
    assert opening is not None and opening.id == 3


def test_a_section_opening_further_back_than_the_look_back_is_not_guessed():
    long = Document([("Intro", "Hello there.")] + [("Body", f"Paragraph {i} of many.") for i in range(LOOK_BACK + 5)])
    assert opening_passage(long, long.passages[-1]) is None
    assert opening_passage(long, long.passages[3]).id == 2


def test_the_heading_must_hold_the_questions_words():
    words = list(dict.fromkeys(ENGLISH.tokenize(["What is the rationale for f-strings?"])[0]))
    weights = np.array([{"rational": 5.0}.get(w, 1.0) for w in words], dtype=np.float32)
    sections = [section_of(p) for p in DOC.passages]
    match = heading_match(sections, words, weights, ENGLISH.tokenize)
    assert match[1] == match[3] > 0.5  # "Rationale": the rare word of the question
    assert match[0] == 0.0 and match[5] == 0.0
    assert heading_match([Section("x", "")], words, weights, ENGLISH.tokenize)[0] == 0.0
