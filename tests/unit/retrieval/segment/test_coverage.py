"""Coverage: the share of a document's sentences that are in some passage."""

import logging

from quoth.records import Passage, Role
from quoth.segment import segment
from quoth.segment.coverage import measure
from quoth.segment.page import Page
from quoth.settings import SegmentSettings
from tests.helpers import make_doc

TEXT = "First sentence here. Second one there.\n\nThird sentence lost. Fourth also lost.\n\nLANE.\n[Enter Jack.]\n"


def passage(text: str, a: int, b: int) -> Passage:
    return Passage("d.txt", a, b, text[a:b], None, Role.BODY, text[a:b])


def test_sentences_outside_every_passage_are_counted_as_lost():
    page = Page.of(TEXT)
    cov = measure(page, [], [passage(TEXT, 0, TEXT.index("\n\n"))], floor=0.9)
    assert (cov.sentences, cov.covered) == (4, 2)  # the label and the stage direction are read, not lost
    assert cov.lost == ("Third sentence lost.", "Fourth also lost.") and cov.loses_words
    assert not measure(page, [], [passage(TEXT, 0, len(TEXT))], floor=0.9).loses_words


def test_a_document_is_measured_and_a_low_one_is_logged(caplog):
    caplog.set_level(logging.WARNING)
    seg = segment(make_doc("The harbour wall was rebuilt with granite after the storms of last winter.\n"))
    assert seg.coverage.share == 1.0 and seg.explain()["coverage"]["sentences"] == 1
    assert not caplog.records
    # Two short capitalised lines without a full stop read as a stacked heading: their words are in no passage.
    text = ("The harbour wall was rebuilt with granite after the storms of last winter.\n\n"
            "Originally Posted to the Harbour List\nUnder the Thread Called the Wall\n")
    seg = segment(make_doc(text, path="wall.txt"), SegmentSettings(min_coverage=0.9))
    assert seg.coverage.lost == ("Originally Posted to the Harbour List Under the Thread Called the Wall",)
    assert [r.getMessage()[:40] for r in caplog.records] == ["wall.txt: only 50% of its sentences are "]
