"""Tag shapes and mentions read in round 11, each on a short passage written for the case (none is taken from the
annotated works): a dash ends a description's words ("muttered the old lady--and I remembered"), a word of place or
time may stand before any past-tense verb ("here interposed Lena"), a description that owns the speaker ("said my
brother's wife") names nobody, not the owner; "said one of the ladies" is tagged but names nobody; a name in "the
portrait of …" is no one on stage."""

from quoth.segment.attribution.tags import Ref, tag_after, tag_before
from tests.helpers import story_speakers


def test_a_dash_ends_the_description_a_tag_reads():
    tag = tag_after(", muttered the old\nwoman--and I thought of my mother. ")
    assert (tag.ref, tag.words, tag.phrase) == (Ref.DESCRIPTION, "woman", "old woman")
    # a hyphen inside a word is still part of it
    assert tag_after(", said the well-known doctor. ").phrase == "well-known doctor"


def test_a_word_of_place_may_open_a_tag_of_any_verb():
    tag = tag_after(", here interposed Lena Vogt, “we can wait.” ")
    assert (tag.ref, tag.words, tag.verb) == (Ref.NAME, "Lena Vogt", "interposed")


def test_a_description_owning_the_speaker_names_nobody():
    # A narrator's "said my brother" again and again makes "my brother" a name; "said my brother’s wife" is his
    # wife speaking, whom nothing here names: not the brother.
    story = [
        "We sat at breakfast, my brother and his wife and I.",
        "“The roads are bad this winter,” said my brother.",
        "“They are always bad,” said I.",
        "“Not in summer,” said my brother.",
        "“You are late again,” said my brother’s wife.",
        "“The train was slow,” said I.",
        "“It always is,” said my brother.",
        "“Then I shall walk,” said I.",
    ]
    got = story_speakers(story, bar=0.0)
    assert got[1] == got[3] == got[6] == "my brother"
    assert got[4] is None


def test_one_of_several_is_tagged_but_named_nobody():
    assert tag_after(", said one of the ladies, rising. ").words == "one of"
    # Two men talk; a lady of a group breaks in: her turn is nobody's the turn-taking could fill it with.
    story = [
        "Martin Hale stood by the fire with Oswin Clay, and the ladies sat at the table.",
        "“The roads are bad this winter,” said Martin Hale.",
        "“They are always bad,” said Oswin Clay.",
        "“But you are Mr. Clay, I think,” said one of the ladies.",
        "“I am,” he said.",
    ]
    got = story_speakers(story, bar=0.0)
    assert got[1] == "Martin Hale" and got[2] == "Oswin Clay"
    assert got[3] is None


def test_a_name_in_a_portrait_is_no_one_a_pronoun_stands_for():
    # Lady Agnes hangs on the wall: "said she" after her portrait is someone in the room, not her.
    story = [
        "Martin Hale sat at his breakfast, and he looked up at the portrait of Lady Agnes Vere.",
        "“She was a great beauty once,” said Martin Hale.",
        "Somebody in the doorway gave a little cry of impatience.",
        "“I wish you would take that picture down,” said she.",
    ]
    got = story_speakers(story)
    assert got[1] == "Martin Hale"
    assert got[3] != "Lady Agnes Vere"


def test_a_compound_predicate_ending_in_a_speech_verb_and_an_adverb_tags_its_subject():
    tag = tag_before("Lena folded her letter, smiled kindly at poor Hugo, and answered\ngently:")
    assert (tag.ref, tag.words, tag.verb) == (Ref.NAME, "Lena", "answered")
    # a new subject in the series is someone else's clause: no tag of Lena's
    assert tag_before("Lena folded her letter, he smiled at her, and answered gently:") is None or \
        tag_before("Lena folded her letter, he smiled at her, and answered gently:").words != "Lena"


def test_a_voice_with_an_adjective_is_its_owners():
    tag = tag_after(", here broke in Hugo Brandt's cheerful voice, “supper!” ")
    assert (tag.ref, tag.words) == (Ref.NAME, "Hugo Brandt")
    assert tag_after(", said Hugo Brandt's voice. ").words == "Hugo Brandt"
    assert tag_after(", said Hugo Brandt's mother. ") is None  # his mother speaks, not he
