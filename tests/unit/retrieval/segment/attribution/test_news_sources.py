"""Who a news quotation is credited to when an outlet reports it (issue 21 §5): the subject of the speech verb, not
a word further off; "according to" an outlet, the outlet only for what no one else is credited with."""

import pytest

from quoth.records import Role
from quoth.segment.attribution import Cast, Decision, ProseReader
from quoth.segment.attribution.tags import Ref, tag_after, tag_before


@pytest.mark.parametrize(("lead", "ref", "words"), [
    ("American academic and professor Marc Lamont Hill commented, ", Ref.NAME, "Marc Lamont Hill"),
    ("In a statement, Governor of Washington Chris Gregoire said, ", Ref.NAME,
     "Governor of Washington Chris Gregoire"),
    ("After the match, Tunisia's coach Nabil Maaloul said, ", Ref.NAME, "Nabil Maaloul"),
    ("Allegedly, his sister pleaded with him to see a doctor, but he replied ", Ref.PRONOUN, "he"),
    ("Jane turned away and Elizabeth said, ", Ref.NAME, "Elizabeth"),
    # the nearer name is an object, not the subject: the first name stays
    ("Mr. Darcy turned to Elizabeth and said, ", Ref.NAME, "Mr. Darcy"),
    ("The U.S. Department of Agriculture notes, ", Ref.NAME, "The U.S. Department of Agriculture"),
    # the verb ends the lead: its subject stands before it, with a description between commas or a title
    ("After the match, Hernan Dario Gomez, Panama coach, said, ", Ref.NAME, "Hernan Dario Gomez"),
    ("Cynthia Thompson, curator of exhibits at the University of Arkansas, Fayetteville, said, ", Ref.NAME,
     "Cynthia Thompson"),
    ("Undersecretary for Education Mr. Toccafondi says ", Ref.NAME, "Undersecretary for Education Mr. Toccafondi"),
    ("Jane, Elizabeth and Kitty were quiet, but Lydia said, ", Ref.NAME, "Lydia"),
])
def test_the_subject_of_the_speech_verb_is_the_speaker(lead, ref, words):
    tag = tag_before(lead)
    assert tag is not None and (tag.ref, tag.words) == (ref, words)


def test_a_name_after_a_preposition_is_no_subject():
    assert tag_before("A leaked internal letter seen by Sky News says ") is None


def test_a_tag_after_a_comma_outside_the_marks():
    got = units("“Pop art was about what people thought was important”, Kathryn Waters said. “That is why.”")
    assert got[0] == ("Kathryn Waters", "“Pop art was about what people thought was important”, Kathryn Waters "
                                        "said. “That is why.”")
    # a quotation that ends its sentence is not tagged by the next one's words
    got = units("Ann Lee spoke first. “We are done.” Kathryn Waters said nothing.")
    assert ("Kathryn Waters", "“We are done.” Kathryn Waters said nothing.") not in got


def test_a_possessive_is_never_the_speaker_nor_the_pronouns_antecedent():
    assert tag_before("On Miss Lucas's persevering, however, she added, ") is None
    assert tag_before("Jane's sister said, ") is None


def test_a_statement_carries_its_authors_words():
    tag = tag_before("Cornyn's statement added, ")
    assert tag is not None and (tag.ref, tag.words) == (Ref.NAME, "Cornyn")


def test_according_to_after_a_quotation_names_its_source():
    tag = tag_after(", according to the Sydney Morning Herald.")
    assert tag is not None and (tag.ref, tag.words, tag.after) == (Ref.NAME, "Sydney Morning Herald", True)
    assert tag_after(", according to police.") is None


def units(paragraph):
    """(speaker, words) of each unit of a one-paragraph news article."""
    text = paragraph
    cast = Cast.learn(text)
    voice = Decision(None)
    return [(u.speaker, text[u.start:u.end]) for u in
            ProseReader(text, voice, Role.NARRATION, cast, news=True).read([(0, len(text))])]


def test_an_outlets_report_of_a_quotation_is_not_a_person_named_before():
    got = units("Gloria Marsh was rescued at dawn. By then, “the water had reached the roof”, according to the "
                "Coast Gazette.")
    assert ("Coast Gazette", "By then, “the water had reached the roof”, according to the Coast Gazette.") in got
    assert "Gloria Marsh" not in {who for who, _ in got}


def test_according_to_an_outlet_leaves_a_persons_own_quotation_theirs():
    got = units("According to the Coast Gazette, the slipway will close in May. Tom Reed said, “We will reopen "
                "in spring.”")
    assert got == [("Coast Gazette", "According to the Coast Gazette, the slipway will close in May."),
                   ("Tom Reed", "Tom Reed said, “We will reopen in spring.”")]
    # a sentence reporting someone else's words ends the outlet's reach
    got = units("According to the Coast Gazette, the slipway will close in May. It will reopen in spring, Tom Reed "
                "said.")
    assert got == [("Coast Gazette", "According to the Coast Gazette, the slipway will close in May."),
                   (None, "It will reopen in spring, Tom Reed said.")]


def test_according_to_an_outlet_reporting_a_person_is_the_persons():
    got = units("According to the Coast Gazette, Ann Lee, the harbour master, said the repairs would take a year.")
    assert got == [("Ann Lee", "According to the Coast Gazette, Ann Lee, the harbour master, said the repairs "
                               "would take a year.")]


def test_an_outlet_quoting_another_passes_on_the_others_words():
    got = units("According to Quay Radio, quoting the Harbour Trust, the slipway will close in May.")
    assert [who for who, _ in got] == ["Harbour Trust"]


def test_according_to_a_person_is_still_theirs():
    got = units("According to Ann Lee, the repairs will take a year. “It is a fair price,” she said.")
    assert [who for who, _ in got] == ["Ann Lee", "Ann Lee"]
