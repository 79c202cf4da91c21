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


def test_a_readers_labels_are_read_not_lost_and_the_words_after_them_are_measured():
    """``FORD: OK.`` is one sentence of which the label is most: measured on ``OK.``, it is covered when ``OK.`` is
    in a passage and lost when not; a line wholly read (a join) is not counted at all."""
    text = "FORD: OK.\nMITCHELL: Yes, sir.\n--> ann has joined #dev\n"
    page = Page.of(text)
    labels = [(0, 6), (10, 20), (30, 53)]
    words = [passage(text, 6, 9), passage(text, 20, 29)]
    assert measure(page, [], words).share == 0.0  # the labels read as lost words outweigh the words
    cov = measure(page, [], words, read=labels)
    assert (cov.sentences, cov.covered) == (2, 2)
    cov = measure(page, [], words[1:], read=labels)
    assert (cov.sentences, cov.covered, cov.lost) == (2, 1, ("FORD: OK.",))


def test_a_transcripts_one_word_answers_and_a_chats_joins_lose_no_words():
    text = ("GRASSLEY: Thank you for coming, we will start with the opening statements now.\n\n"
            "FORD: OK.\n\nGRASSLEY: Can you hear me well from there?\n\nFORD: Yes.\n\nGRASSLEY: Good.\n\n"
            "FORD: Thank you, Senator, for having me here today.\n")
    seg = segment(make_doc(text))
    assert seg.coverage.share == 1.0, seg.coverage.lost
    log = "".join(f"[10:0{i}] <{n}> {w}\n[10:0{i}] --> guest{i} (~g@x) has joined #dev\n" for i, (n, w) in
                  enumerate([("ann", "ok"), ("bob", "so, the plan?"), ("ann", "lol"), ("bob", "later then")]))
    seg = segment(make_doc(log, path="log.txt"))
    assert seg.coverage.share == 1.0 and seg.coverage.sentences >= 2, seg.coverage


def test_a_short_list_is_words_never_a_stacked_heading():
    """Three agenda items without full stops read as a stacked heading: their words were in no passage."""
    text = ("The committee met on Tuesday and went through the open items one by one.\n\n"
            "* Add working group state per project lifecycle. #1880\n* Chrome 43 released; time for V8 4.3! #1735\n"
            "* Elect a board representative. #1697\n\nEach item was settled by the end of the meeting.\n")
    seg = segment(make_doc(text))
    assert seg.coverage.share == 1.0, seg.coverage.lost
    assert any("Elect a board representative" in p.text for p in seg.passages)


def test_a_comment_header_is_read_not_lost():
    """``Pat Webb said on 4 January 2024 at 7:02 pm:`` and the one-line comment under it read as one sentence: the
    header is the thread reader's, the comment is measured alone."""
    text = ("Winter feeding for garden birds\n\nFat balls in mesh bags are a hazard: birds catch their feet in the "
            "mesh. Use a feeder instead.\n\nColin Marsh said on 3 January 2024 at 8:14 am:\nWe get a dozen "
            "goldfinches a day.\n\nBeth Anand said on 3 January 2024 at 9:30 am:\nThat is wonderful.\n\n"
            "Pat Webb said on 4 January 2024 at 7:02 pm:\nAny rats under the feeder?\n")
    seg = segment(make_doc(text))
    assert [p.speaker for p in seg.passages][-3:] == ["Colin Marsh", "Beth Anand", "Pat Webb"]
    assert seg.coverage.share == 1.0, seg.coverage.lost
