"""A title the tags use again and again ("said the major") names a character (issue 21 §3): the one person named
under it before the text first says "the major", or, where nobody was, a character of its own whose name the
text has not told. Short texts written for the test."""

from quoth.segment.attribution import Cast
from quoth.segment.attribution.descriptions import unnamed_rival
from tests.helpers import paragraph_spans, read_story, speaker_at


def _read(paragraphs):
    text, _, units = read_story(paragraphs)
    return text, units


_speaker = speaker_at


MAJOR = ["The major came to the mill in the spring, and he stayed all summer.",
         "“Bring me tea,” said the major.",
         "“Yes, sir,” said Nell.",
         "“And be quick,” said the major.",
         "Nell ran to the kitchen. She came back with a tray.",
         "“Not that cup,” said the major, frowning.",
         "“It is the only one,” said Nell.",
         "“Then it will do,” said the major.",
         "Much later, Nell heard of Major Corby, a soldier of the old wars, from her aunt."]


def test_a_title_the_tags_use_again_and_again_is_a_characters_name():
    text, units = _read(MAJOR)
    assert _speaker(text, units, "Bring me tea") == "the major"
    assert _speaker(text, units, "Then it will do") == "the major"


def test_a_title_names_the_one_person_named_under_it_before():
    paragraphs = ["Dr. Pryce came up the lane with his bag. Nell opened the door to him.",
                  "“Where is the patient?” said the doctor.",
                  "“Upstairs,” said Nell.",
                  "“Good,” said the doctor. “Show me.”",
                  "“This way,” said Nell.",
                  "The doctor climbed the stairs and Nell followed.",
                  "“He will live,” said the doctor.",
                  "“Thank you,” said Nell.",
                  "“Send for me if he worsens,” said the doctor."]
    text, units = _read(paragraphs)
    assert _speaker(text, units, "Where is the patient") == "Dr. Pryce"
    assert _speaker(text, units, "He will live") == "Dr. Pryce"


def test_doctor_and_dr_before_one_surname_are_one_person():
    cast = Cast.learn("Dr. Pryce came in. Doctor Pryce sat down. Dr. Pryce smiled and he left.")
    assert cast.resolve("Doctor Pryce") is cast.resolve("Dr. Pryce")


def test_someone_the_narration_brings_in_is_a_rival_even_as_an_object():
    assert unnamed_rival("I saw someone drawing near along the road", "m") == "someone"
    assert unnamed_rival("I saw the road", "m") is None


def test_a_pronoun_leading_into_its_quotation_stands_for_whom_the_narration_names_just_before_it():
    paragraphs = ["“Halt!” cried Nell.",
                  "“Who goes there?” said Tom.",
                  "“A friend,” said Nell.",
                  "Tom rode as fast as he could to the ford, where Mr. Abel Kent was waiting. Mr. Kent stood "
                  "there, as he said, “like a post in the rain,” and waited.",
                  "“Well?” said Nell.",
                  "“Nothing,” said Tom."]
    text, units = _read(paragraphs)
    assert _speaker(text, units, "like a post") == "Abel Kent"


def test_a_role_the_tags_use_again_and_again_names_someone_but_a_word_for_anyone_does_not():
    def story(noun):
        return ["Nell sat by the fire when the door opened.",
                f"“Good evening, aunt,” said the {noun}.",
                "“Good evening,” said Nell.",
                f"“It is cold out,” said the {noun}.",
                "“Then sit down,” said Nell.",
                f"“I will,” said the {noun}, and sat."]
    text, units = _read(story("nephew"))
    assert _speaker(text, units, "Good evening, aunt") == "the nephew"
    text, units = _read(story("man"))
    assert _speaker(text, units, "Good evening, aunt") != "the man"


def test_a_word_for_anyone_names_the_one_newcomer_the_narration_brings_in_for_a_scene():
    paragraphs = ["Nell sat by the fire. A tall gentleman came in, shaking the snow from his hat.",
                  "“Good evening,” said the gentleman.",
                  "“Good evening,” said Nell.",
                  "“It is cold out,” said the gentleman.",
                  "“Then sit down,” said Nell.",
                  "“I will,” said the gentleman, and sat."]
    text, units = _read(paragraphs)
    assert _speaker(text, units, "It is cold out") == "the gentleman"


def test_a_titles_own_character_is_mentioned_only_up_to_its_last_tag():
    paragraphs = [*MAJOR, "Years later the major's chair still stood by the mill, and the major was a name."]
    text, _ = paragraph_spans(paragraphs)
    cast = Cast.learn(text)
    read_story(paragraphs, cast)
    last_tag = text.rindex("said the major")
    mentions = [m.start for m in cast.mentions if m.character.name == "the major"]
    assert mentions and max(mentions) <= last_tag
