"""Someone the narration brings in by a description ("His comrade grunted", "The sergeant gave pause") may be the
"he" of the tag after: the last speaker is then no sure antecedent. Short passages written for the case (none
from the annotated works)."""

from quoth.segment.attribution.descriptions import unnamed_rival
from tests.helpers import story_speakers


def test_ranks_and_comrades_are_people_a_pronoun_may_stand_for():
    assert unnamed_rival("The sergeant, taking note of this, gave pause.", "m") == "The sergeant"
    assert unnamed_rival("His comrade grunted stubbornly.", "m") == "His comrade"


STORY = ["Tom Hale sat by the fire with Ned Price, thinking of home.",
         "“Where is the captain?” said Ned Price.",
         "“Gone to the town,” said Tom Hale.",
         "“Then we are safe tonight,” said Ned Price.",
         "“Safe enough,” said Tom Hale.",
         "“It will rain,” said Tom Hale. “I can smell it.”",
         "His comrade grunted stubbornly. For a moment he seemed to be searching for a reply. Finally he said: "
         "“You always say so.”"]


def test_the_last_speaker_is_no_sure_he_after_a_described_newcomer():
    got = story_speakers(STORY)
    assert got[5] == "Tom Hale" and got[6] != "Tom Hale"
