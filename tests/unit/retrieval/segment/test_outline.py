"""Section paths read from headings' markup, for passages' search text."""

from quoth.segment.furniture import Boilerplate
from quoth.segment.outline import read_outline
from quoth.segment.page import Page

RST = """Abstract
========

Short abstract here.

Rationale
=========

Why we do it.

No use of globals
-----------------

Because closures.

Specification
=============

The rules.
"""


def outline_of(text: str, title: str = ""):
    page = Page.of(text)
    Boilerplate().clear(page)  # drops the underlines, as segmentation does before reading headings
    return page, read_outline(page, title)


def test_underlined_headings_nest_by_the_order_their_styles_appear():
    _, outline = outline_of(RST)
    at = {s: outline.context_at(RST.index(s)) for s in ("Short", "Why", "Because", "The rules")}
    assert at == {"Short": "Abstract", "Why": "Rationale", "Because": "Rationale › No use of globals",
                  "The rules": "Specification"}


def test_markdown_headings_and_the_title_left_out():
    text = "# Harbour plan\n\nIntro words.\n\n## Costs\n\nMoney talk.\n\n### Grants\n\nFree money.\n"
    _, outline = outline_of(text, title="Harbour plan")
    assert outline.context_at(text.index("Intro")) == ""
    assert outline.context_at(text.index("Free")) == "Costs › Grants"


def test_acts_and_scenes_of_a_play():
    text = "FIRST ACT\n\nSCENE\n\nA room.\n\nJACK.\nHello there.\n\nSECOND ACT\n\nSCENE I. A garden.\n\nCECILY.\nHi.\n"
    _, outline = outline_of(text)
    assert outline.context_at(text.index("Hello")) == "FIRST ACT › SCENE"
    assert outline.context_at(text.index("Hi.")) == "SECOND ACT › SCENE I. A garden."


def test_a_sentence_is_no_heading_and_a_page_without_headings_has_no_path():
    text = "The harbour opened.\n\nBoats came in.\n"
    _, outline = outline_of(text)
    assert outline.context_at(len(text) - 2) == ""


def test_heading_markup_is_left_out_of_the_path():
    text = ("# [\\#41 Issue](https://github.com/o/r/issues/41) `closed`: Bad error message\n\nWords here.\n\n"
            '#### <img src="a.png" width="50">[mattduck](https://github.com/mattduck) commented\n\nMore words.\n')
    _, outline = outline_of(text)
    assert outline.path_at(text.index("More")) == ("#41 Issue closed: Bad error message", "mattduck commented")


def test_plain_headings_are_not_guessed():
    text = "Harbour report\n\nCosts\n\nThe wall cost a lot.\n"
    _, outline = outline_of(text, "Harbour report")
    assert outline.context_at(text.index("The wall")) == ""
