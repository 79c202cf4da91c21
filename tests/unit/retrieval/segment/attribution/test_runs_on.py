"""A quotation left open at its paragraph's end runs on into the next: '"That's all, isn't it?" he added' there
is the same voice's, not a new speaker's. Short passages written for the case (none is taken from the annotated
works)."""

from tests.helpers import story_speakers

STORY = [
    "“Is the boat ready?” asked Ann Lee.",
    "“Nearly,” said Mary Hale.",
    "“Then we go at noon,” said Ann Lee.",
    "“As you like,” said Mary Hale.",
    "Rolf Danner sat mending a net by the fire, and Hugo Brandt stood at the window. Then Hugo Brandt turned "
    "round and said:",
    "“The wind has gone round to the north. We shall have snow before night.",
    "“That changes everything, doesn’t it?” he added.",
]


def test_a_pronoun_after_a_quotation_left_open_is_its_speakers():
    assert story_speakers(STORY)[6] == "Hugo Brandt"


def test_a_closed_quotation_before_leaves_the_new_paragraph_a_new_speakers():
    closed = [*STORY[:5], "“The wind has gone round to the north. We shall have snow before night.”", STORY[6]]
    assert story_speakers(closed)[6] != "Hugo Brandt"
