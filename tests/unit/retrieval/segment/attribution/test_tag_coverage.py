"""Tagged quotations the sieve used to leave unnamed (issue 21 §3, round 6): kin words a story writes as names,
and the tag shapes of fiction beyond the common speech verbs. Short texts written for the test."""

from quoth.segment.attribution import Cast
from quoth.segment.attribution.descriptions import FAMILY
from quoth.segment.attribution.tags import Ref, family_names, tag_after, tag_before
from tests.helpers import paragraph_spans, read_story, speaker_at

FAMILY_STORY = ["The cottage stood at the end of the lane, and the children ran ahead to the gate.",
                "“Is this really ours?” asked Tilda.",
                "“It is,” said Mother. “Every brick of it.”",
                "“And the orchard?” said Tilda.",
                "“The orchard too,” said Mother, smiling.",
                "Mother unlocked the door and went in first. Tilda followed her.",
                "“It smells of apples,” she said.",
                "“Then we shall have pies,” Mother answered."]


def test_a_kin_word_the_tags_use_as_a_name_is_a_character():
    text, _, units = read_story(FAMILY_STORY)
    assert speaker_at(text, units, "It is,") == "Mother"
    assert speaker_at(text, units, "Every brick") == "Mother"
    assert speaker_at(text, units, "Then we shall have pies") == "Mother"
    assert speaker_at(text, units, "And the orchard") == "Tilda"


def test_a_kin_word_after_an_owner_is_no_name():
    uses = family_names("“Go,” said her mother. “Now,” said her mother. “Run,” said her mother.", FAMILY, 3)
    assert uses == {}


def test_a_kin_word_after_a_determiner_across_a_line_break_is_no_name():
    text = "“Go,” said the\nmother. “Now,” the\nmother said. “Run,” said the\nmother."
    assert family_names(text, FAMILY, 3) == {}


def test_a_kin_word_before_a_name_is_a_title():
    uses = family_names("“Go,” said Uncle Ned. “Now,” said Uncle Ned. “Run,” Uncle Ned said.", FAMILY, 3)
    assert uses == {}


def test_a_kin_word_in_lower_case_as_a_tag_subject_is_a_name_too():
    story = ["The old man lived alone on the hill with his goats until the girl came.",
             "“Where do I sleep?” asked Lise.",
             "“In the loft,” grandfather said, “up the ladder.”",
             "“May I take the hay?” asked Lise.",
             "“Take what you need,” said grandfather.",
             "“Thank you,” said Lise.",
             "Lise climbed up. After a while grandfather said: “Come down and eat.”",
             "“I am coming,” said Lise."]
    text, _, units = read_story(story)
    assert speaker_at(text, units, "In the loft") == "Grandfather"
    assert speaker_at(text, units, "Come down and eat") == "Grandfather"


def test_a_kin_word_used_as_a_tag_once_names_nobody():
    story = ["The children waited by the fire.",
             "“When will he come?” asked Tilda.",
             "“Soon,” said Mother.",
             "“Soon is a long time,” said Tilda."]
    text, _, units = read_story(story)
    assert speaker_at(text, units, "“Soon,”", bar=0.0) != "Mother"


def test_a_name_and_any_verb_after_a_broken_quotation_is_its_tag():
    assert tag_after(" Tom gulped.", broken=True).words == "Tom"
    assert tag_after(" Mrs. Hale entreated him, ", broken=True).words == "Mrs. Hale"
    assert tag_after(" Tom gulped.") is None  # '"Stop!" Tom gulped the rest of his tea.' may be narration


def test_a_habit_of_speech_after_a_quotation_is_its_tag():
    tag = tag_after(" Mr. Hale would cry, and the dog barked.")
    assert (tag.words, tag.verb) == ("Mr. Hale", "cry")


def test_an_owner_or_a_verb_leading_elsewhere_is_no_tag():
    assert tag_after(" Tom's sister handed him the cup.", broken=True) is None
    assert tag_after(" Tom walked to the door.", broken=True) is None


def test_a_story_reads_a_name_and_an_uncommon_verb_as_the_tag():
    story = ["Tom and Nell sat on the wall.",
             "“It doesn’t matter,” Tom gulped, “not really.”",
             "“It does to me,” said Nell."]
    text, _, units = read_story(story)
    assert speaker_at(text, units, "not really") == "Tom"


CALLED = ["Mr. Hale, Mr. Dunn and Mr. Pike sat late by the fire at the inn.",
          "“The rain has stopped,” said Mr. Dunn.",
          "“So it has,” said Mr. Pike.",
          "“Then we may walk,” said Mr. Hale.",
          "“It is time I went home,” said Mr. Pike.",
          "“Good night, then, Mr. Dunn,” said Mr. Hale.",
          "“Good night,” he said, and took up his hat."]


def test_a_pronoun_tag_after_a_reply_that_calls_one_of_its_gender_by_name_is_theirs():
    text, _, units = read_story(CALLED)
    assert speaker_at(text, units, "“Good night,” he said") == "Mr. Dunn"


def test_a_pronoun_tag_of_the_other_gender_takes_nothing_from_the_name_called():
    story = [*CALLED[:-1], "“Good night,” she said, and took up her shawl."]
    text, _, units = read_story(story)
    assert speaker_at(text, units, "“Good night,” she said", bar=0.0) != "Mr. Dunn"


def test_a_clause_after_a_conjunction_with_a_name_and_its_verb_ends_the_lead():
    assert tag_before("The faces brightened, but darkened again as Nell said sadly, ").words == "Nell"
    assert tag_before("As they sat down, Mrs. Hale said, with a happy face, ").words == "Mrs. Hale"
    assert tag_before("for a minute nobody spoke, for Tom exclaimed impetuously, ").words == "Tom"
    assert tag_before("She laughed too, as she said, in her heartiest way, ").words == "she"


def test_a_name_after_a_conjunction_that_is_no_subject_of_the_verb_is_no_tag():
    assert tag_before("She looked at Tom and walked away as the bell rang, ") is None


def test_the_and_a_habit_of_speech_after_a_quotation():
    assert tag_after(" the Mole would say. ").words == "Mole"


def test_an_answer_or_a_voice_owned_after_a_quotation_is_its_tag():
    tag = tag_after(" was my curt answer.")
    assert (tag.ref, tag.words) == (Ref.PRONOUN, "I")
    assert tag_after(" was her reply.").words == "she"
    assert tag_after("--Mr. Pike's voice; there was no mistaking it.").words == "Mr. Pike"
    assert tag_after(" The Porter's voice was kinder now.").words == "The Porter"


def test_a_voice_owned_before_a_quotation_is_its_tag():
    assert tag_before("and then the Badger's voice, gruffly-- ").words == "Badger"


def test_a_pronouns_voice_is_no_tag():
    assert tag_after(" Her voice rose.") is None


def test_a_story_reads_a_voice_as_its_owners_words():
    story = ["Mr. Pike knocked at the door of the mill and waited in the rain.",
             "“Who is there?” called Nell from inside.",
             "“Open up!”--Mr. Pike's voice; there was no mistaking it.",
             "“Coming,” said Nell."]
    text, _, units = read_story(story)
    assert speaker_at(text, units, "Open up") == "Mr. Pike"


def test_a_name_its_verb_and_an_aside_without_a_subject_of_its_own_end_the_lead():
    assert tag_before("But Nell, seizing his arm, shouted, full of anger: ").words == "Nell"
    assert tag_before("When they were dry again, the Owl suddenly called out ").words == "Owl"
    assert tag_before("then Meg announced, as if the idea had just come to her, ").words == "Meg"


def test_a_tag_reads_the_name_with_its_of_when_the_short_one_is_shared():
    story = ["The Witch of the North came over the hill, and the Witch of the East watched from her tower.",
             "“Who are you?” asked Dora.",
             "“A friend,” said the Witch of the North.",
             "“And she?” asked Dora.",
             "“She is cruel,” explained the Witch of the North, “and you must keep away from her.”",
             "“I will,” said Dora."]
    text, _ = paragraph_spans(story)
    # The cast as a longer text teaches it: two witches known by their full names, "Witch" shared.
    cast = Cast.learn(text, known=["Witch of the North", "Witch of the East"])
    text, _, units = read_story(story, cast)
    assert speaker_at(text, units, "She is cruel") == "Witch of the North"


def test_a_description_then_the_name_it_stands_for_after_a_quotation():
    assert tag_after(" cried the one-eyed man, Hobb. “Run!”").words == "Hobb"
    assert tag_after(" said the old man, and went out.").ref is Ref.DESCRIPTION


def test_speech_going_on_as_it_is_told_ends_the_lead():
    assert tag_before("Toad was singing, and Otter was saying at intervals, ").words == "Otter"
    assert tag_before("Otter was saying that the river was high, ") is None


def test_he_or_she_and_a_participle_of_speech_end_the_lead():
    tag = tag_before("Nell was so pleased that she danced around the room shouting: ")
    assert (tag.ref, tag.words) == (Ref.PRONOUN, "she")
    assert tag_before("and she spoiled the praise by adding, ").words == "she"
    assert tag_before("The bell, which she had hung by the door, was ringing: ") is None
