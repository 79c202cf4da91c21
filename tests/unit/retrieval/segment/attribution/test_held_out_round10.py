"""Round 10 (issue 21 §3): what the works met at first contact in round 10 showed the sieve reading wrongly, each
on a short text written for the test: a style a party gives its members ("Comrade Pell") is a title, a man
introduced by his full name is the one later called "Mr." and his surname, and a sister who shares his surname
leaves the bare surname his."""

from quoth.segment.attribution import Cast
from quoth.segment.attribution.names import split_title


def test_comrade_and_citizen_are_titles_before_a_surname():
    assert split_title("Comrade Pell") == ("comrade", ["Pell"])
    assert split_title("Citizen Morel") == ("citizen", ["Morel"])


def _meeting() -> str:
    intro = ("There came to the club a young man of the name of Walter Pell, and he was quiet. "
             "Later came a clerk called Amos Dunn, and he was loud. ")
    mr = " ".join(f"Mr. Pell looked at the {thing}, and he smiled." for thing in ("door", "lamp", "floor", "hat"))
    comrade = " ".join(f"Comrade Pell rose at the {thing}, and he spoke." for thing in ("table", "bell", "vote"))
    formal = "The chairman called on Mr. Walter Pell, and he stood."
    return f"{intro}{mr} {formal} {comrade} Pell sat down, and he waited. Dunn laughed, and he left. Pell frowned."


def test_a_man_introduced_in_full_is_the_mr_and_the_comrade_of_his_surname_after():
    cast = Cast.learn(_meeting())
    walter = cast.resolve("Walter Pell")
    assert walter is not None
    assert cast.resolve("Mr. Pell") is walter and cast.resolve("Comrade Pell") is walter
    assert cast.resolve("Pell") is walter


def test_mr_used_before_another_man_is_styled_with_his_first_name_is_still_that_other():
    # "Mr. Hurst" long before "Mr. Henry Hurst", his brother, is named: the text tells two men apart by the name.
    early = " ".join(f"Mr. Hurst went to the {place}, and he sat." for place in ("inn", "bank", "mill", "church"))
    cast = Cast.learn(f"{early} Then came Mr. Henry Hurst, and he bowed. Mr. Henry Hurst sat.")
    assert cast.resolve("Mr. Hurst") is not cast.resolve("Mr. Henry Hurst")


def _brother_and_sister() -> str:
    early = ("Among them was Ralph Vesey, and he was a poet. Ralph Vesey sat, and he smoked. "
             "His sister, Clara Vesey, was there, and she smiled. "
             "Miss Vesey laughed, and she sang. Clara looked at him, and she frowned. ")
    comrade = " ".join(f"Comrade Vesey stood up at the {thing}, and he spoke." for thing in ("table", "door", "vote"))
    return f"{early}{comrade} Vesey sat down, and he sighed. Vesey rose, and he left."


def test_a_style_of_the_one_man_of_a_family_named_before_is_his_and_so_is_the_bare_surname():
    cast = Cast.learn(_brother_and_sister())
    ralph, clara = cast.resolve("Ralph Vesey"), cast.resolve("Clara Vesey")
    assert ralph is not None and clara is not None and ralph is not clara
    assert cast.resolve("Comrade Vesey") is ralph and cast.resolve("Vesey") is ralph
    assert cast.resolve("Miss Vesey") is clara


def test_a_family_mr_is_not_the_son_named_in_full():
    # "Mr. Vesey" may be the father of Ralph Vesey: a generic title stays apart from the family's first-named man.
    text = _brother_and_sister().replace("Comrade Vesey", "Mr. Vesey")
    cast = Cast.learn(text)
    assert cast.resolve("Mr. Vesey") is not cast.resolve("Ralph Vesey")


def test_a_preposition_opening_a_sentence_is_no_first_name_of_the_person_after_it():
    text = ("Nell sat by the window, and she sewed. Her sister talked to Nell all morning. Unlike Nell, she "
            "rarely sewed at all. Nell laughed at her.")
    cast = Cast.learn(text)
    nell = cast.resolve("Nell")
    assert nell is not None and nell.name == "Nell"
    assert cast.resolve("Unlike Nell") in (None, nell)
    assert all("Unlike" not in c.name for c in cast.characters)


def test_an_object_the_next_sentence_calls_he_is_on_stage_as_a_rival():
    from quoth.segment.attribution.descriptions import unnamed_rival

    taken_up = "After supper she went to her father in the study. He was reading, and he did not look up."
    assert unnamed_rival(taken_up, "m") == "her father"
    # Not an object the next sentence leaves ("She smiled."), nor one where "she" has gone on all along.
    assert unnamed_rival("After supper she went to her father in the study. She smiled.", "m") is None
    assert unnamed_rival("She sat alone. Why had he sent his wife away? She wondered about it.", "f") is None


def test_he_said_after_an_object_taken_up_is_not_the_man_only_written_to():
    from tests.helpers import read_story, speaker_at

    paragraphs = [
        "“Will Mr. Harrow come to-morrow?” asked Jane.",
        "“Mr. Harrow keeps his word,” said Lucy.",
        "“Then I must answer him to-night,” said Jane.",
        "“Do, and be quick,” said Lucy.",
        "Jane wrote a long letter to Mr. Harrow that night, and she sealed it with care.",
        "Later she followed her uncle into the library. He frowned, and he turned the letter over.",
        "“Are you quite sure of this, my dear?” he said at last.",
    ]
    text, _, units = read_story(paragraphs)
    assert speaker_at(text, units, "Are you quite sure") != "Mr. Harrow"


def test_a_description_in_a_tag_ends_before_a_preposition_or_a_determiner():
    from quoth.segment.attribution.tags import tag_after

    assert tag_after(' said the clerk after a long silence, "then', broken=True).words == "clerk"
    assert tag_after(' replied the old porter without a smile.').words == "porter"


def test_an_apposition_wrapped_over_a_line_break_still_names_the_role():
    text = ("“We begin,” said Mr. Tolley, the\nsecretary, with a cough. Mr. Tolley was a small man, and he "
            "sat. Mr. Tolley looked up.")
    cast = Cast.learn(text)
    assert cast.epithets.get("secretary") is cast.resolve("Mr. Tolley")


def test_he_said_after_narration_brings_in_someone_unnamed_is_neither_the_pair_nor_a_man_compared_to():
    from tests.helpers import read_story, speaker_at

    paragraphs = [
        "“You will keep your promise?” asked Hector.",
        "“I shall keep it,” said Oswin, “and so will you.”",
        "“Then we are agreed,” said Hector.",
        "“We are,” said Oswin. “Here come the others.”",
        "The crowd came in slowly, talking among themselves; but one stout man, with a red scarf--a man somewhat "
        "of the type of Mr. Barnaby Quill--pushed past them, and hurried forward with a ledger in his hand.",
        "“Hector,” he said, “is this fellow one of us?”",
    ]
    text, _, units = read_story(paragraphs)
    # Nor the man he is compared to, who is not in the room.
    assert speaker_at(text, units, "is this fellow one of us") not in ("Oswin", "Barnaby Quill")


def _sisters(pet: str) -> str:
    told = " ".join(f"Lucinda went to the {place}, and she sang." for place in ("gate", "well", "barn", "mill"))
    return (f"{told} “{pet}, come here,” said Marian. “Yes, {pet},” said Marian again. Lucinda laughed. "
            "Lucinda ran to her, and she smiled.")


def test_a_syllable_said_twice_is_the_pet_name_of_the_one_so_named_more_often():
    cast = Cast.learn(_sisters("Lulu"))
    assert cast.resolve("Lulu") is cast.resolve("Lucinda") is not None


def test_a_creature_called_the_lulu_is_no_ones_pet_name():
    text = _sisters("Lulu") + " Then the Lulu, a grey bird, flew down, and the Lulu sang."
    cast = Cast.learn(text)
    assert cast.resolve("Lulu") is not cast.resolve("Lucinda")


def test_a_sentences_subject_that_goes_on_and_said_to_another_tags_the_quotation():
    from quoth.segment.attribution.tags import Ref, tag_before

    tag = tag_before("Mr. Dunmore nodded gravely, and said to Mrs. Pell, ")
    assert tag is not None and tag.ref is Ref.NAME and tag.words == "Mr. Dunmore"
    tag = tag_before("Mrs. Pell folded the note, and then, smiling at Agnes, said, ")
    assert tag is not None and tag.words == "Mrs. Pell"


def test_she_asked_after_narration_that_names_nobody_is_the_woman_the_man_called_before_it():
    from tests.helpers import read_story, speaker_at

    paragraphs = [
        "“Do you like the town?” asked the girl.",
        "“I like it well enough,” said Mr. Penrose.",
        "“And the people?” asked the girl, with grave eyes.",
        "“My dear Miss Hartley,” said Mr. Penrose gently, “people are the same everywhere.”",
        "She was watching him from under her brows; her face was grave, and a shadow had fallen on it.",
        "“Is that really true, then?” she asked.",
    ]
    text, _, units = read_story(paragraphs)
    assert speaker_at(text, units, "Is that really true") == "Miss Hartley"


def test_he_after_narration_about_a_man_who_spoke_is_not_surely_the_man_he_called():
    from tests.helpers import read_story, speaker_at

    paragraphs = [
        "“Is the picture done?” asked the old gentleman.",
        "“Quite done,” said Mr. Penrose.",
        "“Well, Walter, my boy, bring it out,” said Mr. Abney.",
        "And then he saw it, and he rocked back on his heels.",
        "“Good heavens!” he exclaimed.",
    ]
    text, _, units = read_story(paragraphs)
    assert speaker_at(text, units, "Good heavens") != "Walter"
