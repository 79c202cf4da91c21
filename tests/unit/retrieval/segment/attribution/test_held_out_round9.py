"""Round 9 (issue 21 §3): what the works held out in round 8 showed the sieve reading wrongly, each on a short
text written for the test: a sentence opening "The …" is no mention of a character the text knows only by a
description ("the porter")."""

from quoth.segment.attribution import Cast


def test_the_opening_a_sentence_is_not_a_description_of_someone():
    cast = Cast.learn("Ivan Petrovitch came in.")
    porter = cast.described("the porter", "m")
    assert cast.resolve("The") is None and cast.resolve("the porter") is porter

