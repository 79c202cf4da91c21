"""Roles a story's tags teach ("said the ferryman" again and again), whatever the word: no word list holds every
trade a story names its people by. Short passages written for the case (none from the annotated works)."""

from quoth.segment.attribution.tags import tagged_roles
from tests.helpers import story_speakers


def test_a_word_the_tags_use_again_and_again_is_a_role():
    text = ("“Cold,” said the ferryman. “Wet,” said the ferryman, “and dark.” “Late,” replied the ferryman. "
            "“Come,” said the ferryman’s wife. “Go,” said the weaver.")
    assert tagged_roles(text) == frozenset({"ferryman"})  # the weaver only once; the wife is owned, not a role
    assert tagged_roles(text.replace("replied the ferryman", "replied Tom")) == frozenset()


PARAS = ["Mr. Grebe came down to the river where the boat was tied, and the ferryman looked up.",
         "“You are late,” said the ferryman.",
         "“The coach was slow,” said Mr. Grebe.",
         "“It always is,” said the ferryman, “on a wet night.”",
         "“Will you take me over?”",
         "“For a shilling,” said the ferryman. “Not a penny less.”",
         "The ferryman’s wife came to the door with a lamp.",
         "“Is it the gentleman from the coach?” said the ferryman’s wife."]


def test_a_learnt_role_names_its_own_quotations():
    got = story_speakers(PARAS)
    assert got[1] == got[3] == got[5] == "the ferryman"
    assert got[2] == "Mr. Grebe"


def test_the_owner_of_a_role_is_not_the_speaker():
    # "said the ferryman's wife": the wife speaks, whoever she is; never the ferryman.
    assert story_speakers(PARAS)[7] != "the ferryman"
