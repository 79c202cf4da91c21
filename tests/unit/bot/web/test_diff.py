"""bot/web/diff.py: a claim drawn against its source, word by word."""

from __future__ import annotations

import itertools

import pytest

from quoth.bot.web.diff import Op, Run, word_diff


def test_a_swapped_content_word_is_one_del_and_one_ins():
    runs = word_diff("People are fed up with cruel Tory austerity", "People are fed up with brutal Tory austerity")
    assert runs == [Run(Op.EQUAL, "People are fed up with"), Run(Op.DELETE, "cruel"), Run(Op.INSERT, "brutal"),
                    Run(Op.EQUAL, "Tory austerity")]


def test_case_quote_marks_and_edge_punctuation_are_not_differences():
    runs = word_diff("“We need an Economy that rewards hard work”", "we need an economy that rewards hard work,")
    assert runs == [Run(Op.EQUAL, "“We need an Economy that rewards hard work”")]  # the claim's own spelling


def test_an_added_word_is_struck_and_a_missing_one_inserted():
    assert word_diff("I never said that at all", "I said that at all") == [
        Run(Op.EQUAL, "I"), Run(Op.DELETE, "never"), Run(Op.EQUAL, "said that at all")]
    assert word_diff("I said that", "I said all of that") == [
        Run(Op.EQUAL, "I said"), Run(Op.INSERT, "all of"), Run(Op.EQUAL, "that")]


def test_curly_and_straight_apostrophes_compare_equal():
    assert word_diff("they’re going", "they're going") == [Run(Op.EQUAL, "they’re going")]


@pytest.mark.parametrize(("claim", "source"), [
    ("the quick brown fox jumps over the lazy dog", "a quick red fox leapt over the dog"),
    ("one two three", "four five six seven"),
    ("", "words only in the source"),
    ("words only in the claim", ""),
])
def test_the_runs_rebuild_both_texts_in_order(claim, source):
    runs = word_diff(claim, source)
    said = " ".join(r.text for r in runs if r.op is not Op.INSERT)
    heard = " ".join(r.text for r in runs if r.op is not Op.DELETE)
    assert said.split() == claim.split()
    assert [w.lower() for w in heard.split()] == [w.lower() for w in source.split()]
    assert all(a.op is not b.op for a, b in itertools.pairwise(runs))  # runs of one op are merged
