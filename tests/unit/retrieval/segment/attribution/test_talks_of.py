"""Whom a turn's own words make the subject of a verb in the third person ("Martin had it last") is not the one
speaking them: the turn-taking never gives that turn to them. Short passages written for the case (none is taken
from the annotated works)."""

from tests.helpers import story_speakers

STORY = [
    "Martin Hale and Clara Vane sat by the fire.",
    "“Did you see the key?” said Martin Hale.",
    "“No,” said Clara Vane.",
    "“Then where is it?”",
    "“I do not know.”",
    "“Well, it is gone.”",
]


def test_the_turn_taking_goes_by_turns():
    got = story_speakers(STORY, bar=0.0)
    assert got[3] == "Martin Hale" and got[4] == "Clara Vane" and got[5] == "Martin Hale"


def test_a_turn_talking_of_someone_is_not_theirs():
    story = [*STORY[:5], "“Martin Hale had it last, I am sure of it.”"]
    got = story_speakers(story, bar=0.0)
    assert got[3] == "Martin Hale" and got[4] == "Clara Vane"
    assert got[5] != "Martin Hale"
    # calling him is no talking of him: "Martin Hale, was it you?" is still by turns
    called = [*STORY[:4], "“Martin Hale, was it you?”"]
    assert story_speakers(called, bar=0.0)[4] == "Clara Vane"
