"""A monarch named with a numeral ("Henry VIII", "Louis XVI") is always so named; the bare first name is the one
other person who carries it. Short passages written for the case (none is taken from the annotated works)."""

from quoth.segment.attribution import Cast
from tests.helpers import story_speakers

TEXT = ("The house was built in 1710, Henry VIII. being long dead. I dined with Henry Lowther at his club. "
        "Henry Lowther talked of horses, and Henry laughed at my questions.")


def test_the_bare_first_name_is_not_the_monarchs():
    cast = Cast.learn(TEXT)
    assert cast.resolve("Henry").name == "Henry Lowther"


def test_without_a_numeral_the_first_name_stays_shared():
    cast = Cast.learn(TEXT.replace("Henry VIII.", "Henry Fairfax"))
    assert cast.resolve("Henry") is None


def test_a_tag_with_the_first_name_names_the_other():
    story = [TEXT, "“You ride too little,” said Henry.", "“I walk,” said I."]
    assert story_speakers(story)[1] == "Henry Lowther"
