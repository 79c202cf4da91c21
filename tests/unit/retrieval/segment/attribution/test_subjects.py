"""The chain of sentence subjects a pronoun tag goes on about (subjects.py), and the doubted antecedents it
confirms in the prose sieve. Passages written for these tests."""

from quoth.segment.attribution import Cast
from quoth.segment.attribution.subjects import subject_chain
from tests.helpers import read_story, speaker_at

# Two women about, so "she" alone is open; Hester is the subject, Mrs. Pike only an object.
KITCHEN = [
    "Hester Vane kept the mill house at Brindle. She baked on Fridays, and she sold her loaves at the gate. Hester "
    "was a widow; she had buried her husband in the spring. Hester said little, and she smiled less.",
    "“Good morning,” said Hester at the gate.",
    "“Good morning,” said Mrs. Pike. “Fine bread today.”",
    "“The best in Brindle,” said Hester.",
    "“I will take two,” said Mrs. Pike.",
    "Mrs. Pike paid and went back across the green to her shop. She had news to spread, and she never kept it long.",
    "The afternoon was warm, and the mill wheel turned slowly in the low water of the race.",
    "Mrs. Pike had said the miller was leaving. Hester's hands went still on the dough. She had dreaded it all "
    "morning; she had seen it coming.",
    "“Going away?” she said to the empty kitchen. “Since when?”",
]


def _chain(text: str, before: str, gender: str) -> str | None:
    cast = Cast.learn(text)
    end = text.index(before)
    start = text.rfind("\n\n", 0, end) + 2
    c = subject_chain(text, [(start, end)], cast, gender).character
    return c.name if c else None


def test_the_chain_of_pronoun_subjects_leads_back_to_the_named_subject_not_the_nearer_object():
    text = "\n\n".join(KITCHEN)
    assert _chain(text, "“Going away?”", "f") is None  # the chain's own paragraph holds no subject of a name
    text = "\n\n".join([*KITCHEN[:7], KITCHEN[7] + " “Going away?” she said."])
    assert _chain(text, "“Going away?”", "f") == "Hester Vane"


def test_an_object_of_the_pronouns_gender_leaves_the_chain_open():
    text = ("Tom Bell walked home with Ned Dole. Tom was tired; he had carted hay since dawn, and he was cold.\n\n"
            "Tom stuck close to him. He kept his hands in his pockets. “Cold,” he said.")
    assert _chain(text, "“Cold,”", "m") is None
    text = ("Tom Bell walked home with Ned Dole. Tom was tired; he had carted hay since dawn, and he was cold.\n\n"
            "Tom stuck close to the wall. He kept his hands in his pockets. “Cold,” he said.")
    assert _chain(text, "“Cold,”", "m") == "Tom Bell"


def test_someone_unnamed_or_two_people_as_the_subject_end_the_chain_with_nobody():
    text = ("Tom Bell walked home with his sister. Tom was tired; he had carted hay since dawn, and he was cold.\n\n"
            "Tom looked up. The old man at the gate turned. He frowned. “Late,” he said.")
    assert _chain(text, "“Late,”", "m") is None
    text = ("Tom Bell walked home with Ned Dole. Tom was tired; he had carted hay since dawn, and he was cold.\n\n"
            "Tom and Ned stopped at the gate. He frowned. “Late,” he said.")
    assert _chain(text, "“Late,”", "m") is None


def test_a_pronoun_tag_doubted_for_a_rival_is_named_where_the_subjects_before_it_confirm_it():
    text, _, units = read_story(KITCHEN)
    assert speaker_at(text, units, "“Going away?” she said") == "Hester Vane"


def test_a_pronoun_tag_whose_subjects_lead_elsewhere_than_the_nearest_name_stays_unnamed():
    # Mrs. Pike is named last; the subjects lead back to Hester: two readings, so nobody is named.
    story = [*KITCHEN[:7], "Hester's hands went still on the dough. She had expected Mrs. Pike to mention the "
             "miller; she had dreaded it all morning.", KITCHEN[8]]
    text, _, units = read_story(story)
    assert speaker_at(text, units, "“Going away?” she said") is None


def test_a_name_of_no_known_gender_the_pronouns_go_on_about_ends_the_chain():
    text = ("The ferry was late.\n\n"
            "Robin Ash waited on the quay. He stamped his feet. He was cold. “Late again,” he said.")
    assert _chain(text, "“Late again,”", "m") == "Robin Ash"


STUDY = [
    "Walter Grey was the vicar of Iping; he was a careful man, and he believed little. Walter kept bees, and he "
    "read Greek in the evenings.",
    "Mr. Pell was the doctor; he was a young man, and he talked a great deal. He told the story twice.",
    "“The sleeve was empty,” said Mr. Pell. “I felt it.”",
    "“Empty?” said Walter.",
    "“Quite empty,” said Mr. Pell.",
    "“Extraordinary,” said Walter.",
]


def test_a_pronoun_tag_named_by_nearness_is_doubted_where_the_subjects_before_it_lead_to_another():
    # Mr. Pell is named nearest, as an object; the sentences before the tag are about Walter: two readings.
    story = [*STUDY, "Walter thought it over, with a hard look at Mr. Pell. “A strange story,” he said."]
    text, _, units = read_story(story)
    assert speaker_at(text, units, "“A strange story,”") is None
    assert speaker_at(text, units, "“A strange story,”", bar=0.0) == "Mr. Pell"
    # Round 11: where the object is the tag's own pronoun's ("He looked hard at Mr. Pell"), "he" is not Mr. Pell.
    story = [*STUDY, "Walter thought it over. He looked hard at Mr. Pell. “A strange story,” he said."]
    text, _, units = read_story(story)
    assert speaker_at(text, units, "“A strange story,”", bar=0.0) != "Mr. Pell"


def test_a_subject_the_sentence_says_is_gone_ends_the_chain_with_nobody():
    text = ("Tom Bell walked home with Ned Dole. Tom was tired; he had carted hay since dawn, and he was cold.\n\n"
            "Ned looked round for Tom. But Tom was not there. He listened. “Tom!” he called.")
    assert _chain(text, "“Tom!”", "m") is None


def test_a_pronoun_tag_ending_the_paragraph_above_is_confirmed_by_the_subjects_before_it_too():
    story = [*KITCHEN[:7], "Mrs. Pike had said the miller was leaving. Hester's hands went still on the dough. She "
             "had dreaded it all morning; at last she said:", "“Going away? Since when?”"]
    text, _, units = read_story(story)
    assert speaker_at(text, units, "“Going away? Since when?”") == "Hester Vane"
