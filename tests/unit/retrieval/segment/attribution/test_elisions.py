"""Dialect elisions inside single-marked quotations ("wi' the", "speakin',", "o' Specky") are no closing marks.
Short passages written for the case (none from the annotated works)."""

from quoth.segment.attribution.quotations import find_quotations


def _spans(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotations(text, single=True)]


def test_a_dropped_letter_before_a_lower_case_word_does_not_close():
    text = "'Up wi' the lark,' I said, and the shepherd nodded."
    assert _spans(text) == ["'Up wi' the lark,'"]


def test_a_dropped_g_before_punctuation_and_the_closer_does_not_close():
    text = "'It's no use talkin',' he grumbled. 'I'm for my bed.'"
    assert _spans(text) == ["'It's no use talkin','", "'I'm for my bed.'"]


def test_a_listed_elision_may_come_before_a_name():
    assert _spans("'What's become o' Jock?' she asked.") == ["'What's become o' Jock?'"]


def test_a_mark_after_a_word_with_no_closer_later_still_closes():
    # "in' he said" with no quotation closed further on: the mark closes, as before.
    assert _spans("'Come in' he said, and went.") == ["'Come in'"]
