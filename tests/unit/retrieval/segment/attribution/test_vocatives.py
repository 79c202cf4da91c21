"""Whom a quotation calls, and whom it only talks about."""

from __future__ import annotations

from quoth.segment.attribution.cast import Cast
from quoth.segment.attribution.vocatives import addressees

STORY = ("Ann Lee came in. Tom Hale looked up. Kate Moss was away.\n\n"
         "\"Ann Lee is here,\" said Tom Hale. \"Kate Moss is not.\"\n")


def named(inner: str) -> list[str]:
    return [c.name for c in addressees(inner, Cast.learn(STORY))]


def test_a_name_called_at_either_end_is_addressed():
    assert named("Tom Hale, where were you?") == ["Tom Hale"]
    assert named("I was out, Tom Hale.") == ["Tom Hale"]
    assert named("Incredible as it may seem to you, Tom Hale, he was right.") == ["Tom Hale"]


def test_a_name_the_next_clause_goes_on_about_is_talked_about():
    assert named("I remember her friend very well, Kate Moss; she married a rich man.") == []
    assert named("We met his brother, Tom Hale -- he was kind to us.") == []
