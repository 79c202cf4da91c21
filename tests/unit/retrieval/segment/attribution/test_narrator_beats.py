"""A first-person narrator in every first-person story: "I laughed. '…'" is the narrator's, and a turn tagged "he
said" never is, whatever the turn-taking's parity says. Short passages written for the case (none from the
annotated works)."""

from tests.helpers import story_speakers

STORY = [
    "Bertram Ashby, they called me at the office, and Hugo Brandt was the only man there I trusted.",
    "“The tide is turning,” I said.",
    "“It turns twice a day, Bertram,” Hugo Brandt answered.",
    "“Then we had better go,” I said.",
    "“Not yet, Bertram,” said Hugo Brandt.",
    "I laughed. “You are afraid of the water.”",
    "“Not of the water,” said Hugo Brandt.",
]


def test_a_beat_whose_subject_is_i_leads_into_the_narrators_words():
    got = story_speakers(STORY)
    assert got[1] == got[3] == "Bertram Ashby"
    assert got[5] == "Bertram Ashby"


def test_a_beat_about_someone_else_in_the_same_sentence_is_not_the_narrators():
    # "I held out my hand, and he took it.": someone else is a subject of the sentence; "I heard a voice" only hears.
    for lead in ("I held out my hand, and he took it with a smile.", "I heard a voice from the quay."):
        story = [*STORY[:5], f"{lead} “You are afraid of the water.”", STORY[6]]
        assert story_speakers(story)[5] != "Bertram Ashby"


def test_a_tag_the_quotation_hides_is_not_the_narrators():
    story = [*STORY[:5], "I nodded. “You are afraid,” he said slowly.", STORY[6]]
    assert story_speakers(story)[5] != "Bertram Ashby"


def test_he_said_is_never_the_narrators_turn():
    # A stranger at the narrator's door talks in several "he said" paragraphs running; the narrator tags his own
    # turns. A "he asked" two turns before the narrator's own is the stranger's, or nobody's: never the narrator's.
    story = [STORY[0], "A man stood at my door, and I let him in.",
             "“Can I speak to you?” he said.", "“Is the door locked?” he asked, looking round.",
             "“I am very sorry,” he said.", "“I will listen to you,” I said.",
             "“Thank you, Bertram,” he said.", "“Sit down, then,” I said.", "“You are kind, Bertram.”",
             "“Not at all,” I said."]
    got = story_speakers(story)
    assert got[5] == got[7] == "Bertram Ashby"
    assert all(got[k] != "Bertram Ashby" for k in (2, 3, 4, 6))
