from quoth.records import Kind, LayoutHints, Role
from quoth.segment import segment
from tests.helpers import make_doc


def passages(text):
    doc = make_doc(text, "m.eml", kind=Kind.EMAIL, author="Bea Holm")
    return [(p.speaker, p.role, p.text) for p in segment(doc).passages]


def test_quoted_replies_and_signatures_are_never_the_senders():
    text = ("Yes, Thursday works for the survey, bring the long tape.\n\n"
            "On 3 May 2024, at 09:12, Cal Dunn wrote:\n> Can we do the survey on Thursday or Friday\n> this week?\n\n"
            "-- \nBea Holm\nSurveyor\n")
    assert passages(text) == [("Bea Holm", Role.BODY, "Yes, Thursday works for the survey, bring the long tape.")]


def test_an_outlook_style_original_ends_the_senders_words():
    text = ("Agreed, let us meet at the harbour office at ten on Monday.\n\n-----Original Message-----\n"
            "From: Cal Dunn\nSent: Friday\n\nShall we meet on Monday at the harbour office?\n")
    assert [t for _, _, t in passages(text)] == ["Agreed, let us meet at the harbour office at ten on Monday."]


def test_the_email_layout_comes_from_the_reader_not_detection():
    assert LayoutHints().kind is None
    assert passages("Plain words of a plain message, long enough to stand.")[0][1] is Role.BODY
