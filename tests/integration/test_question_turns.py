"""A turn that only asks ("Is the ferry still running?") echoes a user's question in words and meaning alike,
and the answer comes after it: search lowers it (search.question_penalty) below the turn that answers, unless
the user asks who asked."""

from __future__ import annotations

import pytest

from quoth import Quoth
from quoth.search import Searcher
from quoth.search.searcher import only_asks
from quoth.settings import SearchSettings
from tests.helpers import indexed_corpus

PLAY = {
    "harbour.txt": "\n\n".join([
        "THE HARBOUR. A comedy in one act",
        "TOM: The fishermen have offered to lend their boats for the parade along the harbour wall.",
        "JOHN: The café by the harbour wall has new opening hours for the summer season.",
        "MARTHA: Is the old ferry between the two islands still running these days?",  # last: no reply reads it
    ]) + "\n",
    # The answer, in another document: no search text of it reads the question.
    "notes.txt": "Island news\n\nThe ferry between the two islands stopped running last spring: too few passengers"
                 " bought tickets, and the owners sold the boat to a museum.\n",
}


@pytest.fixture
def quoth(tmp_path, encoder) -> Quoth:
    return indexed_corpus(tmp_path, PLAY, encoder)


def ask(q: Quoth, encoder, question: str, penalty: float) -> list[str]:
    searcher = Searcher(q.searcher.index, encoder, SearchSettings(question_penalty=penalty, k=5))
    return [h.passage.text for h in searcher.search(question).hits]


def test_a_turn_that_only_asks_yields_to_the_answer(quoth, encoder):
    question = "Does the ferry between the islands still run?"
    assert "Is the old ferry" in ask(quoth, encoder, question, 0.0)[0], "the echo must lead unlowered"
    found = ask(quoth, encoder, question, SearchSettings().question_penalty)
    assert found[0].startswith("The ferry between the two islands stopped"), found


def test_who_asked_still_finds_the_question(quoth, encoder):
    found = [h.passage.text for h in quoth.searcher.search("Who asked whether the ferry still runs?").hits]
    assert "Is the old ferry" in found[0], found


def test_only_a_short_turn_ending_with_a_question_only_asks():
    assert only_asks("is it still around?")
    assert not only_asks("It stopped last spring.")
    long_turn = " ".join(["The ferry stopped last spring because too few passengers paid."] * 5) + " Right?"
    assert not only_asks(long_turn)
