"""The best sentence's share of the question's words: where they come together, not how many a turn has."""

from __future__ import annotations

import numpy as np

from quoth.index.bm25 import ENGLISH
from quoth.search.sentence_match import best_sentence_coverage


def cover(texts: list[str], question: str, weights: dict[str, float] | None = None) -> list[float]:
    words = list(dict.fromkeys(ENGLISH.tokenize([question])[0]))
    w = np.array([(weights or {}).get(t, 1.0) for t in words], dtype=np.float32)
    return [round(float(x), 3) for x in best_sentence_coverage(texts, words, w, ENGLISH.tokenize)]


def test_words_in_one_sentence_beat_the_same_words_spread_over_a_turn():
    together = "We met on Monday. The harbour festival budget pays for the band. Then we left."
    spread = "The harbour was busy. The festival was loud. The budget was late. The band played."
    a, b = cover([together, spread], "the harbour festival budget, paying for the band")
    assert a == 1.0
    assert b == 0.2  # one word of five in each sentence


def test_rare_words_weigh_more_than_common_ones():
    rare, common = cover(["The walrus operator is new.", "The operator is new."], "walrus operator",
                         {"walrus": 3.0, "oper": 1.0})
    assert rare == 1.0
    assert common == 0.25


def test_no_question_words_or_no_text_is_zero():
    assert cover(["Nothing here matches."], "harbour festival") == [0.0]
    assert cover([""], "harbour festival") == [0.0]
    assert cover(["Anything at all."], "the of and") == [0.0]  # stop words only: nothing to weigh
