"""A question about a section ("What is the rationale for harbour tolls?") is answered by the section's opening
paragraph, though later paragraphs of the section share more of its words (search/sections.py)."""

from __future__ import annotations

import pytest

from quoth import Quoth
from quoth.search import Searcher
from quoth.settings import SearchSettings
from tests.helpers import indexed_corpus

PROPOSAL = {
    "proposal.rst": "\n".join([
        "Harbour Tolls Proposal",
        "======================",
        "",
        "Abstract",
        "--------",
        "",
        "This proposal adds tolls for boats that moor in the harbour overnight, whatever their size.",
        "",
        "What a boat pays depends on what it does at the quay, and on what it carries.",
        "",
        "Rationale",
        "---------",
        "",
        "This proposal is driven by the wish to have those who use the quay pay for its upkeep.",
        "",
        "Harbour tolls are explained simply: the harbour tolls for harbour boats are charged per metre of hull.",
        "",
        "With harbour tolls, a ten metre boat pays ten times the harbour toll of a one metre boat.",
        "",
        "Specification",
        "-------------",
        "",
        "Tolls are collected by the harbour master at the quay before dawn.",
        "",
        "What is collected is kept in the harbour office; what is owed is written in its book.",
        "",
    ]),
}
QUESTION = "What is the rationale for harbour tolls?"
OPENING = "This proposal is driven by the wish"


@pytest.fixture
def quoth(tmp_path, encoder) -> Quoth:
    return indexed_corpus(tmp_path, PROPOSAL, encoder)


def found(q: Quoth, encoder, weight: float) -> dict[str, float]:
    searcher = Searcher(q.searcher.index, encoder, SearchSettings(opening_weight=weight, k=10))
    return {h.passage.text: h.score for h in searcher.search(QUESTION).hits}


def test_the_sections_opening_paragraph_is_raised_for_a_question_about_the_section(quoth, encoder):
    plain, raised = found(quoth, encoder, 0.0), found(quoth, encoder, SearchSettings().opening_weight)
    opening = next(t for t in raised if t.startswith(OPENING))
    assert next(iter(raised)) == opening, raised
    assert raised[opening] > plain[opening] + 0.1  # raised by a share of the range, the heading holding "rationale"
    later = next(t for t in raised if t.startswith("With harbour tolls"))
    assert raised[later] <= plain[later] + 1e-6  # the section's other paragraphs are not


def test_a_question_on_a_detail_still_finds_the_detail(quoth, encoder):
    hits = quoth.searcher.search("Who collects the tolls at the quay before dawn?").hits
    assert hits[0].passage.text.startswith("Tolls are collected by the harbour master"), [h.passage.text for h in hits]
