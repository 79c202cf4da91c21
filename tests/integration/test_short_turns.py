"""A turn with almost no words of its own ("Yes, sir.") is found by the question before it in its search text
(segment/asked.py) more than by what it says: search lowers it (search.short_penalty) below a turn that
answers in words, yet it stays the answer to the question it answers."""

from __future__ import annotations

import pytest

from quoth import Quoth
from quoth.search import Searcher
from quoth.settings import SearchSettings
from tests.helpers import indexed_corpus

PLAY = {
    "play.txt": "\n\n".join([
        "THE HARBOUR. A comedy in one act",
        "LORD ASHBY: Have you got the budget for the harbour festival ready for the council, Simms?",
        "SIMMS: Yes, sir.",
        "LORD ASHBY: Good. The council meets on Thursday and will want to see it.",
        "LADY ASHBY: The festival budget pays for the stage, the lights and the band, and nothing is left over"
        " for the fireworks.",
        "SIMMS: The fishermen have offered to lend their boats for the parade along the harbour wall.",
    ]) + "\n",
}


@pytest.fixture
def quoth(tmp_path, encoder) -> Quoth:
    return indexed_corpus(tmp_path, PLAY, encoder)


def ask(q: Quoth, encoder, question: str, penalty: float, statement: bool = True) -> list[str]:
    # The short-turn penalty alone: Lord Ashby's question only asks, and search.question_penalty would lower it
    # below "Yes, sir." on its own account (test_question_turns.py).
    searcher = Searcher(q.searcher.index, encoder, SearchSettings(short_penalty=penalty, k=5,
                                                                  statement_query=statement, question_penalty=0.0))
    return [h.passage.text for h in searcher.search(question).hits]


def test_a_turn_of_few_words_yields_to_one_that_answers_in_words(quoth, encoder):
    question = "What does the festival budget pay for?"
    # Matched by the question alone, second only to the answer, by its lead-in (the question's statement form,
    # search.statement_query, already lowers it: the penalty is what holds when a question matches its lead-in).
    assert ask(quoth, encoder, question, 0.0, statement=False)[1] == "Yes, sir."
    found = ask(quoth, encoder, question, SearchSettings().short_penalty)
    assert found[0].startswith("The festival budget pays"), found
    assert "Yes, sir." not in found[:2], found


def test_a_turn_of_few_words_still_answers_its_question(quoth, encoder):
    found = ask(quoth, encoder, "Did Simms get the festival budget ready?", SearchSettings().short_penalty)
    assert found[0] == "Yes, sir.", found


def test_who_asked_wants_the_asker_not_the_reply_that_reads_the_question(quoth, encoder):
    # "Yes, sir." reads Lord Ashby's question in its search text; the question wants Lord Ashby's words.
    question = "Who asked Simms about the budget?"
    plain = Searcher(quoth.searcher.index, encoder, SearchSettings(asker_boost=0.0)).search(question).hits
    assert plain[0].passage.text == "Yes, sir."
    found = quoth.searcher.search(question).hits
    assert found[0].passage.speaker == "Lord Ashby", [(h.passage.speaker, h.passage.text) for h in found]
