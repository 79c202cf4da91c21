"""Real documents lose no words and keep their context: PEP 20's Zen of Python (a ``.. code-block:: text``), PEP
498's sections, a Project Gutenberg play with its header and licence (tests/data/retrieval/SOURCE.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quoth.ingest import load_folder
from quoth.segment import Segmenter

DATA = Path(__file__).resolve().parents[1] / "data" / "retrieval"


@pytest.fixture(scope="module")
def segmented():
    seg = Segmenter()
    out = {}
    for doc in load_folder(DATA):
        s = seg(doc)
        for p in s.passages:
            assert doc.text[p.start:p.end] == p.text
        out[doc.path] = s
    return out


def holding(seg, phrase: str):
    found = [p for p in seg.passages if phrase in " ".join(p.text.split())]
    assert len(found) == 1, f"{phrase!r} in {len(found)} passages"
    return found[0]


def test_the_zen_of_python_is_in_a_passage_and_the_interpreter_session_is_not(segmented):
    pep = segmented["pep_0020.rst"]
    zen = holding(pep, "Beautiful is better than ugly.")
    assert "Namespaces are one honking great idea -- let's do more of those!" in zen.text
    assert zen.speaker == "Tim Peters"
    assert not any(">>> import this" in p.text for p in pep.passages)
    assert pep.coverage.share == 1.0


def test_a_passage_is_searched_with_its_section(segmented):
    pep = segmented["pep_0498.rst"]
    rationale = holding(pep, "driven by the desire to have a simpler way to format")
    assert rationale.search_text.split("\n")[0] == "Eric V. Smith — Literal String Interpolation › Rationale"
    nested = holding(pep, "a number of solutions where presented that used locals() and globals()")
    assert "Rationale › No use of globals() or locals()" in nested.search_text
    assert not any(">>> import datetime" in p.text for p in pep.passages)


def test_a_gutenberg_play_is_read_turn_by_turn_without_its_licence(segmented):
    play = segmented["play_importance_of_being_earnest.txt"]
    assert not any("Project Gutenberg" in p.text for p in play.passages)
    # The licence was once credited to the author; now only the front matter (title, persons, the scene he sets)
    # is his page's: nothing from the first speech on, and no stage direction in brackets.
    text = (DATA / "play_importance_of_being_earnest.txt").read_text(encoding="utf-8")
    first_speech = text.index("LANE.", text.index("FIRST ACT"))
    assert all(p.start < first_speech for p in play.passages if p.speaker == "Oscar Wilde")
    tea = holding(play, "Lane is arranging afternoon tea")
    assert tea.speaker is None
    lane = holding(play, "I have only been married once")
    assert lane.speaker == "Lane"
    assert lane.search_text.startswith("Lane said — Lane, Manservant — The Importance of Being Earnest")
    assert "› FIRST ACT" in lane.search_text
    assert play.coverage.share >= 0.95


def test_the_coverage_floor_re_indexes_nothing(tmp_path, encoder):
    from quoth import Quoth, Settings

    def key(**segment) -> str:
        return Quoth(Settings().with_(data={"dir": str(tmp_path)}, segment=segment), encoder=encoder)._settings_key()

    assert key(min_coverage=0.5) == key(min_coverage=0.99)
    assert key(speaker_threshold=0.5) != key(speaker_threshold=0.9)  # what decides passages still does
