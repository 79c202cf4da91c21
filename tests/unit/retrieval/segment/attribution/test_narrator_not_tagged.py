"""A first-person narrator says "said I"; a third-person tag ("said Otto Kremer") never names them, so the one
such a tag names is never taken for the narrator, however often the replies beside "said I" call him by name (he
is the third in the room). The narrator's own words may say who they are ("'I am Bertram Ashby,' I answered"),
the surest word on their name; where that word and the rest conflict, "I said" stays the unnamed narrator's.
Short passages written for the case (none is taken from the annotated works)."""

from tests.helpers import story_speakers

# Three in the room: the narrator, Otto Kremer (named by tags) and Hugo Brandt, who keeps calling Otto by name.
STORY = [
    "The inn was full, and Otto Kremer and Hugo Brandt sat by the fire with me.",
    "“We ride at dawn,” said Otto Kremer.",
    "“And the horses?” said I.",
    "“Otto, tell him the horses are ready,” Hugo Brandt answered.",
    "“They are fed and saddled,” said Otto Kremer.",
    "“Then I shall come,” said I.",
    "“Otto, did you hear? He will come,” Hugo Brandt cried.",
    "“I heard,” said Otto Kremer.",
    "“I am not afraid of the road,” said I.",
    "“Otto, pour him a glass,” Hugo Brandt said.",
]


def test_the_one_a_third_person_tag_names_is_never_the_narrator():
    got = story_speakers(STORY)
    assert got[1] == "Otto Kremer" and got[4] == "Otto Kremer"
    assert all(got[k] != "Otto Kremer" for k in (2, 5, 8))


def test_the_narrator_who_says_who_they_are_names_their_own_turns():
    story = [*STORY, "“Who are you, then?” Hugo Brandt asked.", "“I am Bertram Ashby, a clerk,” I answered.",
             "“Welcome, Bertram,” said Otto Kremer."]
    got = story_speakers(story)
    assert got[2] == "Bertram Ashby" and got[5] == "Bertram Ashby" and got[11] == "Bertram Ashby"
    assert got[1] == "Otto Kremer"


def test_a_name_given_in_someone_elses_turn_is_not_the_narrators():
    # Otto says who he is; the narrator's turns are still nobody's name but the narrator's, never Otto's.
    story = [*STORY, "“I am Otto Kremer, at your service,” said he.", "“Good evening to you,” said I."]
    got = story_speakers(story)
    assert got[11] != "Otto Kremer" and got[8] != "Otto Kremer"
