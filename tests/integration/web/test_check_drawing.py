"""The check page as a reader relies on it, served by real uvicorn over a small news article: a claim that marks
an omission with an ellipsis is drawn with no struck-through words (the verifier calls it real), and the closest
wording to a claim not found is never drawn as that claim's source."""

from __future__ import annotations

import urllib.parse
import urllib.request

import pytest
from lxml import html

from tests.helpers import indexed_corpus
from tests.integration.web.pages_html import all_of, one, text
from tests.web import serving

NEWS = ("Council approves new harbour plan\n\nBy Maria Lopez\n\n"
        "The city council voted on Tuesday to approve the long-delayed harbour redevelopment.\n\n"
        "Opposition leader Tom Becker was unconvinced. \"We are spending forty million pounds on concrete while "
        "the schools are falling apart,\" Becker said after the vote.\n\n"
        "Construction is expected to begin next spring.\n")


@pytest.fixture(scope="module")
def news_url(tmp_path_factory, encoder):
    from quoth.bot.web import WebService

    service = WebService(indexed_corpus(tmp_path_factory.mktemp("check-drawing"), {"news.txt": NEWS}, encoder))
    with serving(service) as url:
        yield url
    service.close()


def checked(base: str, claim: str) -> html.HtmlElement:
    with urllib.request.urlopen(base + "/check?" + urllib.parse.urlencode({"text": claim})) as r:
        assert r.status == 200
        page = html.fromstring(r.read().decode())
    verdicts = all_of(page, "section", "verdict")
    assert len(verdicts) == 1, len(verdicts)
    return verdicts[0]


@pytest.mark.parametrize("mark", ["…", "...", "[…]"])
def test_an_ellipsis_omission_is_not_struck_through(news_url, mark):
    verdict = checked(news_url, f'"We are spending forty million pounds {mark} the schools are falling apart"')
    assert text(one(verdict, "h2", "verdict-label")) == "Real"
    diff = one(verdict, "p", "diff")
    assert [text(d) for d in diff.iter("del")] == []  # the claim has no word the source lacks
    assert [text(i) for i in diff.iter("ins")] == ["on concrete while"]  # the words the ellipsis stands for
    assert mark in text(diff)


def test_an_altered_word_beside_an_ellipsis_is_still_struck_through(news_url):
    verdict = checked(news_url, '"We are spending forty million pounds … the hospitals are falling apart"')
    assert text(one(verdict, "h2", "verdict-label")) == "Altered"
    assert [text(d) for d in one(verdict, "p", "diff").iter("del")] == ["hospitals"]


def test_the_closest_wording_to_a_claim_not_found_is_not_drawn_as_its_source(news_url):
    verdict = checked(news_url, '"The moon is made of green cheese and nobody should doubt it"')
    assert text(one(verdict, "h2", "verdict-label")) == "Not found"
    assert text(one(verdict, "span", "quote-speaker")) == "not a match"
    diff = one(verdict, "p", "diff")
    assert list(diff.iter("del")) == [] and list(diff.iter("ins")) == []
    assert text(diff) in NEWS  # the closest passage, shown as it is
    assert all_of(verdict, "p", "diff-key") == []  # no "the source's words" for a passage that is not the source


@pytest.mark.parametrize("claim", [
    "“We are spending forty million pounds on concrete while the schools are falling apart,” Becker said",
    "'We are spending forty million pounds on concrete — while the schools are falling apart'",
    '"The city council voted on Tuesday to approve the long delayed harbour redevelopment"',
])
def test_typography_the_verifier_counts_as_equal_is_not_drawn_as_a_difference(news_url, claim):
    verdict = checked(news_url, claim)
    assert text(one(verdict, "h2", "verdict-label")) in ("Real", "Close: retyped")
    diff = one(verdict, "p", "diff")
    assert [text(d) for d in diff.iter("del")] == [] and [text(i) for i in diff.iter("ins")] == []
