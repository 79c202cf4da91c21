from quoth.records import Kind, LayoutHints, Role
from quoth.segment import segment
from tests.helpers import make_doc


def passages(text):
    doc = make_doc(text, "m.eml", kind=Kind.EMAIL, author="Bea Holm")
    return [(p.speaker, p.role, p.text) for p in segment(doc).passages]


def test_a_quoted_reply_is_its_writers_passage_and_the_signature_nobodys():
    text = ("Yes, Thursday works for the survey, bring the long tape.\n\n"
            "On 3 May 2024, at 09:12, Cal Dunn wrote:\n> Can we do the survey on Thursday or Friday\n> this week?\n\n"
            "-- \nBea Holm\nSurveyor\n")
    assert passages(text) == [("Bea Holm", Role.BODY, "Yes, Thursday works for the survey, bring the long tape."),
                              ("Cal Dunn", Role.QUOTE, "Can we do the survey on Thursday or Friday\n> this week?")]


def test_nested_quotes_go_to_the_person_each_depth_names():
    text = ("Friday then, and I will bring the theodolite as well.\n\n"
            "On Fri, 3 May 2024 at 10:00, Cal Dunn <cal@example.org> wrote:\n"
            "> Thursday is out for me, the boat is booked.\n>\n"
            "> On Thu, 2 May 2024, Ann Lee <ann@example.org> wrote:\n"
            "> > Can we do the survey on Thursday or Friday this week?\n"
            "> Friday morning suits me better anyway.\n")
    assert passages(text)[1:] == [("Cal Dunn", Role.QUOTE, "Thursday is out for me, the boat is booked."),
                                  ("Ann Lee", Role.QUOTE, "Can we do the survey on Thursday or Friday this week?"),
                                  ("Cal Dunn", Role.QUOTE, "Friday morning suits me better anyway.")]


def test_a_quotation_whose_writer_is_not_named_is_kept_for_nobody():
    text = ("That is the tide table I meant, thank you for finding it.\n\n<cal@example.org> wrote:\n"
            "> High water at Dunmore is at 14:20 on Saturday.\n")
    assert passages(text)[1] == (None, Role.QUOTE, "High water at Dunmore is at 14:20 on Saturday.")


def test_an_outlook_style_original_is_its_writers_passage():
    text = ("Agreed, let us meet at the harbour office at ten on Monday.\n\n-- \nBea\n\n-----Original Message-----\n"
            "From: Dunn, Cal [mailto:cal@example.org]\nSent: Friday\nTo: Bea Holm\nSubject: Meeting\n\n"
            "Shall we meet on Monday at the harbour office?\n")
    assert passages(text) == [("Bea Holm", Role.BODY, "Agreed, let us meet at the harbour office at ten on Monday."),
                              ("Cal Dunn", Role.QUOTE, "Shall we meet on Monday at the harbour office?")]


def test_a_forwarded_message_from_an_address_alone_is_nobodys_named():
    text = ("See below, the council has written again about the moorings.\n\nBegin forwarded message:\n\n"
            "From: moorings@council.example.gov\nSubject: Mooring fees\nDate: 1 May 2024\n\n"
            "The mooring fees for the coming season rise by four per cent.\n")
    assert passages(text)[1] == (None, Role.QUOTE, "The mooring fees for the coming season rise by four per cent.")


def test_a_from_line_in_the_senders_prose_is_no_header():
    text = "From: the harbour office, this is what I heard about the slipway repairs, which start in April.\n"
    assert passages(text) == [("Bea Holm", Role.BODY, text.strip())]


def test_the_email_layout_comes_from_the_reader_not_detection():
    assert LayoutHints().kind is None
    assert passages("Plain words of a plain message, long enough to stand.")[0][1] is Role.BODY


def test_a_short_quoted_line_is_words_not_a_heading():
    text = "Ten it is, I will bring the keys with me.\n\nCal Dunn wrote:\n> See you at ten\n"
    assert passages(text)[1] == ("Cal Dunn", Role.QUOTE, "See you at ten")


def test_attributions_in_other_languages_name_the_writer_before_or_after_the_verb():
    for line, who in (("Am Fr., 3. Mai 2024 um 10:00 Uhr schrieb Ann Lee <ann@example.org>:", "Ann Lee"),
                      ("Il giorno ven 3 mag 2024 alle ore 10:00 Lucia Neri <l@example.it> ha scritto:", "Lucia Neri"),
                      ("Le ven. 3 mai 2024 à 10:00, Ann Lee <ann@example.org> a écrit :", "Ann Lee"),
                      ("Op vr 3 mei 2024 om 10:00 schreef Jan de Vries <j@example.nl>:", None)):  # "Jan", a month?
        text = f"Thank you, that answers my question about the moorings.\n\n{line}\n> The moorings open in May.\n"
        assert passages(text)[1] == (who, Role.QUOTE, "The moorings open in May."), line


def test_a_bare_forward_is_all_the_forwarded_writers():
    text = ("Begin forwarded message:\n\nFrom: Cal Dunn <cal@example.org>\nSubject: Moorings\nDate: 2 May 2024\n\n"
            "The moorings open in May, a week later than last year.\n")
    assert passages(text) == [("Cal Dunn", Role.QUOTE, "The moorings open in May, a week later than last year.")]
