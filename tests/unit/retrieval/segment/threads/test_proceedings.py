from quoth.records import LayoutHints
from quoth.segment.page import Page
from quoth.segment.threads.proceedings import ProceedingsSpeeches

RECORD = """Harbour dues
2.30 pm
Ann Lee (Westport) (Lab)
Will the Minister cut the dues?
The Minister for Harbours (Mr Bob Roe)
No, but we will freeze them.
Ms Lee
That is not enough.
The Minister for Harbours
It is what we can afford.
"""


def speeches(text):
    page = Page.of(text)
    thread = ProceedingsSpeeches().find(page, LayoutHints())
    return None if thread is None else [(u.speaker, page.text[u.start:u.end]) for u in thread.units]


def test_offices_and_surnames_resolve_to_the_people_named_first():
    assert speeches(RECORD) == [("Ann Lee", "Will the Minister cut the dues?"),
                                ("Bob Roe", "No, but we will freeze them."),
                                ("Ann Lee", "That is not enough."), ("Bob Roe", "It is what we can afford.")]


def test_an_unknown_surname_is_no_speaker_and_prose_is_no_record():
    assert speeches("Mr Smith\nHello there.\nMrs Jones\nHi.\nMr Smith\nBye.\n") is None
    assert speeches("The Minister for Harbours spoke today.\nThe council met.\nIt rained.\n") is None
