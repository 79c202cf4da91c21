"""A first-person narrator who names themself in the narration ("that I, Bertram Ashby, a clerk") and whom no
reply calls by name: their "said I" turns are theirs, and the turn-taking still keeps them as the stand-in of an
unnamed narrator (nothing says who the untagged turns beside theirs are with). Short passages written for the
case (none is taken from the annotated works)."""

from quoth.segment.attribution.cast import Cast, Mention
from quoth.segment.attribution.narrator import self_named
from tests.helpers import story_speakers

STORY = [
    "Rolf Danner kept the lighthouse, and Hugo Brandt kept the boat. It was a strange thing that I, Bertram "
    "Ashby, a clerk all my life, should come to live between them.",
    "Hugo Brandt met me on the quay.",
    "“The tide is turning,” I said.",
    "“It turns twice a day,” Hugo Brandt answered.",
    "“Then we had better go,” I said.",
]


def test_a_narrator_naming_themself_names_their_own_tags():
    got = story_speakers(STORY)
    assert got[2] == "Bertram Ashby" and got[4] == "Bertram Ashby"
    assert got[3] == "Hugo Brandt"


def test_without_the_self_naming_the_narrator_stays_unnamed():
    # The same story with "I, a clerk all my life,": nothing names the narrator, so "I said" names nobody.
    plain = [STORY[0].replace("I, Bertram Ashby, a clerk", "I, a clerk"), *STORY[1:]]
    got = story_speakers(plain)
    assert got[2] is None and got[4] is None


def test_only_one_name_set_beside_i_between_commas_counts():
    text = "Then I, Bertram Ashby, stood up. I told Hugo Brandt, Rolf Danner's friend, to sit."
    cast = Cast.learn(text)
    narrated = cast.mentions_in(0, len(text))
    assert self_named(text, narrated).name == "Bertram Ashby"
    # "I told Hugo Brandt," is an object, not an apposition to "I"; two names beside "I" name nobody.
    two = "Then I, Bertram Ashby, stood up. Later I, Hugo Brandt, sat down."
    cast2 = Cast.learn(two)
    assert self_named(two, cast2.mentions_in(0, len(two))) is None
    assert self_named(text, [m for m in narrated if m.character.name != "Bertram Ashby"]) is None
    assert isinstance(narrated[0], Mention)


def test_the_words_the_narrator_found_are_theirs():
    # '"…," was all I could say': the narrator's reply without "I said", named where the narrator names themself.
    story = [*STORY, "“And the wind?” Hugo Brandt asked.", "“It will hold,” was all I could say.",
             "“Let us hope so,” he said."]
    assert story_speakers(story)[6] == "Bertram Ashby"
    # "was all he could say" is someone else's: not the narrator's.
    story[6] = "“It will hold,” was all he could say."
    assert story_speakers(story)[6] != "Bertram Ashby"
