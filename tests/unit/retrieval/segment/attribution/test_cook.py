"""A cook may be a man (a ship's) as well as a woman (a house's): "The cook had come in." before "he said" is a
newcomer the pronoun may stand for, a rival to the man named before. Short passages written for the case (none
is taken from the annotated works)."""

from quoth.segment.attribution.descriptions import SEX, unnamed_rival
from tests.helpers import story_speakers

STORY = [
    "“Where are we?” asked Ann Lee.",
    "“Off the point,” said Mary Hale.",
    "“And the wind?” asked Ann Lee.",
    "“Fair,” said Mary Hale.",
    "Hugo Brandt looked up from his rope and frowned. He was about to speak.",
    "But he said nothing. The cook had come in.",
    "“Get out of my galley,” he said.",
]


def test_a_cook_is_of_either_sex():
    assert SEX["cook"] is None
    assert unnamed_rival("But he said nothing. The cook had come in.", "m") == "The cook"
    assert unnamed_rival("The cook had come in.", "f") == "The cook"


def test_he_after_the_cook_comes_in_is_not_surely_the_man_named_before():
    assert story_speakers(STORY)[6] is None
    # Without the newcomer the man named before is whom "he said" goes on about.
    plain = [*STORY[:5], "But he said nothing. The wind had come round.", STORY[6]]
    assert story_speakers(plain)[6] == "Hugo Brandt"
