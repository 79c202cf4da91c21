"""A noun the narration sets after a character's name ("Mr. Pike, the sexton,") is a name of that character's:
the tags that use it ("said the sexton") are his, even where they come before the apposition. Short texts
written for the test."""

from quoth.segment.attribution import Cast
from quoth.segment.attribution.appositions import epithets
from tests.helpers import story_speakers

STORY = [
    "The sexton came up the path with a lantern.",
    '"Who goes there?" said the sexton.',
    '"A friend," said Mary Lowe, and she held out her hand.',
    '"Friends come by day," said the sexton.',
    "Mr. Amos Pike, the sexton, was not a man to be moved by a smile. He shook his head.",
    '"Go home, miss," said the sexton.',
    '"I will not," said Mary Lowe.',
    '"Then wait," said the sexton, and he went in.',
]


def test_a_noun_set_after_a_name_in_the_narration_is_that_characters():
    cast = Cast.learn("\n\n".join(STORY))
    assert cast.epithets["sexton"] is cast.resolve("Amos Pike")
    assert cast.titled("sexton") == [cast.resolve("Amos Pike")]


def test_a_noun_set_after_two_names_or_inside_a_quotation_names_nobody():
    text = ("Mr. Pike, the sexton, came. Mr. Hale, the sexton, went. \"Ask Mr. Crane, the miller, about it,\" "
            "said Tom. Mr. Dale, the gentleman, bowed.")
    cast = Cast.learn(text)
    assert epithets(text, cast.mentions) == {}


def test_the_tags_with_the_noun_are_the_named_characters_even_before_the_apposition():
    said = [who for para, who in zip(STORY, story_speakers(STORY), strict=True) if "said the sexton" in para]
    assert said == ["Amos Pike"] * 4


def test_a_role_set_after_a_name_without_a_comma_is_that_characters_but_a_thing_is_not():
    text = ("Mr. Tull walked up the hill to see Tull the vicar. Later the maid gave Tull the book. "
            "Mrs. Tull sat by the fire and she sewed.")
    cast = Cast.learn(text)
    assert cast.epithets["vicar"] is cast.resolve("Mr. Tull")
    assert "book" not in cast.epithets  # no noun for a person


def test_a_mans_office_before_his_mr_is_the_familys_mr():
    cast = Cast.learn("Early one day the Rev. Mr. Tull rose and he prayed. Mr. Tull came in and he sat. "
                      "Mrs. Tull poured the tea, and she smiled. Mr. Tull read and he nodded.")
    assert cast.resolve("Rev. Mr. Tull") is cast.resolve("Mr. Tull")
    assert cast.resolve("Mrs. Tull") is not cast.resolve("Mr. Tull")
