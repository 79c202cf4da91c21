"""Questions as users ask them, with the real model: an answer found by the question it answers, and a
question naming someone preferring that person's words (segment/asked.py, search/named.py)."""

from __future__ import annotations

import pytest

from quoth import Quoth, Settings
from quoth.search import Searcher
from quoth.settings import SearchSettings
from tests.helpers import write_corpus

INTERVIEW = {
    "interview.txt": "\n\n".join([
        "Workshop interview transcript",
        "HOST: Welcome back. Today we are talking with two people who build audio kits at home.",
        "HOST: Which program do you draw your circuit boards in?",
        "ANNA: Eagle, for many years now. Switching costs a lot of mistakes, so I have stayed put.",
        "HOST: And where do your parts come from?",
        "ANNA: A shop down the road; it turned out to have everything I needed all along.",
        "BRUNO: Software changes every year, and I never liked learning a new program.",
        "BRUNO: My circuit boards are drawn by a friend; I only solder the parts onto them.",
        "HOST: Thank you both for coming in to talk about your kits and your circuit boards.",
    ]) + "\n",
}

MEETING = {
    "meeting.txt": "\n\n".join([
        "Planning meeting minutes",
        "ANN: The money for the harbour festival is too little; we should ask the council for more.",
        "ANN: I think the festival budget must cover the stage, the lights and the sound system this year.",
        "BO: We could pay for it by selling tickets at the gate instead.",
        "CARL: The stage will be built by volunteers from the sailing club, as it was last summer.",
    ]) + "\n",
}


def _quoth(tmp_path, encoder, docs: dict[str, str]) -> Quoth:
    corpus = write_corpus(tmp_path / "corpus", docs)
    q = Quoth(Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(tmp_path / "data")}),
              encoder=encoder)
    q.index()
    return q


def test_an_answer_is_found_by_the_question_it_answers(tmp_path, encoder):
    q = _quoth(tmp_path, encoder, INTERVIEW)
    hits = q.searcher.search("What software is used for designing circuit boards?", k=3).hits
    answer = next(p for _, seg in q.passages() for p in seg.passages if p.text.startswith("Eagle"))
    assert "Which program do you draw your circuit boards in?" in answer.search_text
    assert answer.text == answer.search_text.splitlines()[-1]  # the quote itself is only the answer's words
    assert any(h.passage.text.startswith("Eagle") for h in hits), [h.passage.text for h in hits]


@pytest.mark.parametrize("boost, first", [(None, "Bo"), (0.0, "Ann")])
def test_a_question_naming_someone_prefers_their_words(tmp_path, encoder, boost, first):
    q = _quoth(tmp_path, encoder, MEETING)
    options = SearchSettings() if boost is None else SearchSettings(speaker_boost=boost)
    hits = Searcher(q.searcher.index, encoder, options).search("What did Bo say about money for the festival?").hits
    assert hits[0].passage.speaker == first, [(h.passage.speaker, h.passage.text) for h in hits]
