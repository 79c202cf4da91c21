"""Descriptions a story names its people by ("said the lean sailor" chapter after chapter), and "the other", which
names nobody. Short passages written for the case (none from the annotated works)."""

from quoth.segment.attribution.described import apposed_names, described_names, tagged_phrases
from quoth.segment.attribution.tags import Ref, tag_after
from tests.helpers import story_speakers

# Narration long enough to end a scene: the next talk is in another chapter.
FILLER = ("The ship ran on before the wind for many days, and nothing happened that is worth the telling. "
          "The sea was grey and the sky was grey, and the men mended sails and coiled ropes in silence. ") * 40


def _voyage(second: str = "lean sailor") -> list[str]:
    return ["The lean sailor sat on a coil of rope, and the fat cook leaned on the rail beside him.",
            "“We shall have a storm,” said the lean sailor.",
            "“Nonsense,” said the fat cook. “The glass is high.”",
            "“The glass lies,” said the lean sailor, spitting over the side.",
            "“So do you,” retorted the other.",
            FILLER,
            f"At dawn the {second} climbed down from the mast, and the fat cook brought him a mug of tea.",
            f"“Land,” said the {second}. “I saw it plain.”",
            "“Where?” said the fat cook.",
            f"“To the north,” said the {second}. “A low coast and a white cliff.”"]


def test_a_description_tagged_chapter_after_chapter_names_its_person():
    got = story_speakers(_voyage())
    assert got[1] == got[3] == got[7] == got[9] == "the lean sailor"


def test_the_other_is_no_name_but_the_other_of_the_two():
    got = story_speakers(_voyage())
    assert got[4] != "the other"
    assert got[4] in (None, "the fat cook")  # never the lean sailor, whose turn it was not


def test_the_other_in_a_tag_is_read_as_an_anaphor():
    tag = tag_after(" retorted the other sharply.")
    assert tag is not None and tag.ref is Ref.PRONOUN and tag.words == "the other"
    described = tag_after(" said the lean sailor, spitting.")
    assert described is not None and described.ref is Ref.DESCRIPTION and described.phrase == "lean sailor"


def test_a_description_tagged_in_one_scene_only_is_no_name_yet():
    # Someone who has just come in may name themself the next moment: three tags in one scene teach nothing.
    text = " ".join(_voyage()[:5])
    assert tagged_phrases(text)["lean sailor"] and "lean sailor" not in described_names(text, 0)


def test_the_other_and_the_first_are_never_names():
    text = " ".join(_voyage()[:5]).replace("the lean sailor", "the first sailor") + FILLER + \
        "“Ho,” said the first sailor. “Ha,” said the other. “Hum,” said the other."
    names = described_names(text, 0)
    assert "first sailor" not in names and "other" not in names


def test_one_stands_for_the_noun_of_the_one_description_it_shares_its_word_with():
    text = " ".join(_voyage()) + " “Fish,” said the lean one. “Fowl,” said the lean one. “Fog,” said the lean one."
    names = described_names(text, 0)
    assert names["lean one"] is names["lean sailor"]
    # two descriptions sharing the word: "the lean one" is neither
    text2 = text + FILLER + " ".join(_voyage()).replace("lean sailor", "lean boy")
    assert "lean one" not in described_names(text2, 0)


def test_a_word_for_anyone_is_a_name_only_where_it_outnumbers_every_name():
    youth = ("“Wait,” said the youth. " + FILLER[:3000] + "“Go,” said the youth. " + FILLER[:4000]
             + "“Stay,” said the youth. The youth sat down.")
    assert "youth" in described_names(youth, 2)
    assert "youth" not in described_names(youth, 10)  # a story whose people are named more often


def test_the_name_set_after_a_description_is_whose_it_is():
    text = "“Run!” cried the blind man, Pew. The blind man, who had a stick, struck the road."
    assert apposed_names(text, "blind man") == {"Pew"}


def test_the_same_words_before_another_noun_are_the_same_person_unless_of_the_other_sex():
    text = " ".join(_voyage()) + " “Fish,” roared the lean seaman. “Hush,” said the lean woman."
    names = described_names(text, 0)
    assert names["lean seaman"] is names["lean sailor"]
    assert "lean woman" not in names  # the lean sailor is a man ("sailor" tells)


def test_a_description_wrapped_over_a_line_break_keeps_its_words():
    tag = tag_after(" said the lean\nsailor.  Then the wind rose.")
    assert tag is not None and tag.phrase == "lean sailor" and tag.words == "sailor"


def test_a_beat_whose_subject_is_a_learnt_description_leads_into_its_words():
    story = [*_voyage(), "The fat cook shook his head and went below.",
             "The lean sailor spat over the side. “Storm coming, for all that.”"]
    assert story_speakers(story)[-1] == "the lean sailor"


def test_the_other_is_the_one_of_the_two_talking_who_did_not_speak_just_before():
    story = ["Tom Hale sat by the fire with Ned Price.",
             "“Where is the captain?” said Ned Price.",
             "“Gone to the town,” said Tom Hale.",
             "“Then we are safe tonight,” said Ned Price.",
             "“Safe enough,” said Tom Hale, “if the river stays low.”",
             "“It never does,” retorted the other sharply.",
             "“It did last year,” said Tom Hale."]
    got = story_speakers(story)
    assert got[5] == "Ned Price"
