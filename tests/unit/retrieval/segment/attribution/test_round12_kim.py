"""Round 12 (issue 21 §3), what Kim showed the sieve reading wrongly, each on a short text written for the test:
a capitalised word between an article and a noun (a place, a caste, a people) modifies the noun and names nobody."""

from quoth.segment.attribution import Cast
from quoth.segment.attribution.tags import Ref, tag_after
from tests.helpers import read_story, speaker_at


def test_a_place_before_a_noun_after_the_verb_describes_the_speaker():
    tag = tag_after(", shrilled the Lisbon girl. “He has never seen the sea.”")
    assert tag is not None and tag.ref is Ref.DESCRIPTION and tag.words == "girl" and tag.definite
    tag = tag_after(", said a young Gurkha soldier going home on leave.")
    assert tag is not None and tag.ref is Ref.DESCRIPTION and tag.words == "soldier" and not tag.definite
    tag = tag_after(", cried a fat Brahmin money-lender, his hands folded.")
    assert tag is not None and tag.ref is Ref.DESCRIPTION and tag.words == "money-lender"


def test_a_name_with_an_adverb_or_a_role_before_another_name_stays_a_name():
    assert tag_after(", said the Colonel himself.").ref is Ref.NAME  # a reflexive, no noun
    assert tag_after(", said the Mole rather crossly.").words == "Mole"  # an adverb, no noun
    assert tag_after(", said Tom quietly.").words == "Tom"
    # "the Pentagon spokesman John Kirby": the role belongs to the name after it
    assert tag_after(", said the Harbour master Peter Quill.").ref is Ref.NAME


def test_a_town_named_before_a_noun_is_never_the_speaker():
    paragraphs = [
        "Paolo sat by the window of the carriage, and a girl from Lisbon sat across from him.",
        "“Where does this train go?” asked Paolo.",
        "“South, to the sea,” shrilled the Lisbon girl. “Have you never been on a train?”",
    ]
    text, _, units = read_story(paragraphs)
    assert speaker_at(text, units, "South, to the sea") != "Lisbon"


def test_the_word_after_the_is_never_a_first_name():
    paragraphs = [
        "Among the men on the bench were Kashmiri Lal, a clerk, and a burly Sikh with a beard.",
        "“The road is long,” said Kashmiri Lal.",
        "“The road is always long,” said the Kashmiri, and he laughed.",
        "“Longer for the lazy,” said the Sikh.",
        "“And shorter for the rich,” said Kashmiri Lal.",
        "“Then I shall walk it slowly,” said the Sikh.",
    ]
    text, _, units = read_story(paragraphs)
    # "the Kashmiri" is a man from Kashmir, never the first name of Kashmiri Lal
    assert speaker_at(text, units, "The road is always long") != "Kashmiri Lal"
    assert speaker_at(text, units, "The road is long") == "Kashmiri Lal"


def test_a_tongue_spoken_in_is_a_place_no_pronoun_stands_for():
    text = ("The stranger spoke in very fair Pashto, and Jonas answered him. Later Jonas wrote it into "
            "Pashto for the priest. Pashto was the tongue of the port; he spoke in broken Pashto to "
            "the sailors. Jonas laughed at him.")
    cast = Cast.learn(text)
    assert "Pashto" in cast.places and "Jonas" not in cast.places
    # "to poor Jonas": a person after a preposition and an adjective is no place
    assert "Jonas" not in Cast.learn("She went to poor Jonas. Jonas wept. He spoke to dear Jonas.").places


def test_a_town_named_between_an_article_and_a_person_is_a_place():
    text = ("The Lisbon girl sat by the window. Jonas watched the Lisbon girl, and a Lisbon sailor watched him. "
            "Jonas laughed. The Lisbon girl laughed too. Jonas was tired.")
    cast = Cast.learn(text)
    assert "Lisbon" in cast.places and "Jonas" not in cast.places
