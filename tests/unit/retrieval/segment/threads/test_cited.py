"""A quotation a speaker credits to another inside their turn is that person's, or nobody's: never the quoter's."""

from quoth.records import LayoutHints, Role
from quoth.segment.page import Page
from quoth.segment.threads.labels import LabelledTurns
from quoth.segment.threads.labels.shapes import Family
from quoth.segment.threads.proceedings import ProceedingsSpeeches

OPENING = """COOPER: Good evening and welcome to the debate tonight.
WEBB: Thank you, Anderson. It is good to be here with everyone.
CLINTON: Thank you. I am glad to be here as well tonight.
"""


def units(text: str, reader=None) -> list[tuple[str | None, str]]:
    page = Page.of(text)
    thread = (reader or LabelledTurns(Family.SPEECH)).find(page, LayoutHints())
    assert thread is not None
    for u in thread.units:
        assert page.text[u.start:u.end].strip() == page.text[u.start:u.end]
    return [(u.speaker, page.text[u.start:u.end]) for u in thread.units]


def quoted(text: str, reader=None) -> list[tuple[str | None, str]]:
    page = Page.of(text)
    thread = (reader or LabelledTurns(Family.SPEECH)).find(page, LayoutHints())
    return [(u.speaker, page.text[u.start:u.end]) for u in thread.units if u.role is Role.QUOTE]


def test_you_said_is_the_person_the_turn_addresses():
    text = OPENING + ('COOPER: Senator Webb, in 2006 you called affirmative action "state-sponsored racism." '
                      'Do you still believe that?\nWEBB: I do not, and I said so at the time.\n')
    got = units(text)
    assert ("Webb", '"state-sponsored racism."') in got
    assert ("Cooper", "Do you still believe that?") in got
    assert ("Cooper", "Senator Webb, in 2006 you called affirmative action") in got


def test_you_said_without_an_address_is_the_speaker_just_before():
    text = OPENING + ('WEBB: We should build the wall along the whole border right now.\n'
                      'COOPER: Last month you said "the border is the first duty of any government." Why?\n')
    assert quoted(text) == [("Webb", '"the border is the first duty of any government."')]


def test_a_named_author_and_quote_end_quote():
    text = OPENING + ("CLINTON: This is what Senator Biden said, quote, “The next person who refers to an FBI "
                      "report as being worth anything does not understand,” end of quote. I agree.\n")
    assert quoted(text) == [("Senator Biden", "“The next person who refers to an FBI report as being worth "
                                               "anything does not understand,”")]
    assert ("Clinton", "end of quote. I agree.") in units(text)


def test_as_someone_put_it_takes_the_full_name_the_turn_gave():
    text = OPENING + ("WEBB: Richard Brinsley Sheridan held this post long ago. As Sheridan put it, "
                      '"the surest way to fail is not to determine to succeed," and he was right.\n')
    assert quoted(text) == [("Richard Brinsley Sheridan",
                             '"the surest way to fail is not to determine to succeed,"')]


def test_a_quotation_announced_or_read_from_a_writing_names_nobody():
    text = OPENING + ('WEBB: The letter reads: "we cannot attend the hearing on Monday." '
                      'He said, "the bridge is closed for the winter." And they wrote, quote, "never again," '
                      'end quote.\n')
    assert quoted(text) == [(None, '"we cannot attend the hearing on Monday."'),
                            (None, '"the bridge is closed for the winter."'), (None, '"never again,"')]


def test_scare_quotes_titles_and_ones_own_words_stay_the_speakers():
    text = OPENING + ('CLINTON: The so-called "tax reform plan" is a gift. I read "The Old Man and the Sea" '
                      'again. I said, "we will win this state," and we did.\n')
    assert quoted(text) == []
    assert ("Clinton", 'The so-called "tax reform plan" is a gift. I read "The Old Man and the Sea" again. '
                       'I said, "we will win this state," and we did.') in units(text)


def test_a_namesake_of_the_speaker_is_not_the_speaker():
    text = OPENING + ('CLINTON: When President Clinton said, "let us stop ethnic cleansing in Kosovo," '
                      "I agreed.\n")
    assert quoted(text) == [(None, '"let us stop ethnic cleansing in Kosovo,"')]


def test_a_member_quoting_in_a_parliamentary_record():
    record = ("Harbour dues\nAnn Lee (Westport) (Lab)\nWill the Minister cut the dues?\n"
              "The Minister for Harbours (Mr Bob Roe)\nNo. As Ann Lee put it last year, \"the dues are the town's "
              "lifeline,\" and so they are.\nMs Lee\nThat is not enough.\n")
    assert quoted(record, ProceedingsSpeeches()) == [("Ann Lee", "\"the dues are the town's lifeline,\"")]


def test_a_speaker_tagging_their_own_words_by_surname_keeps_them():
    text = ("ANN LEE: Good evening and welcome to the debate tonight.\n"
            "JOHN SMITH: Thank you, Ann. It is good to be here with everyone.\n"
            "ANN LEE: What did you tell the board on Monday morning?\n"
            'JOHN SMITH: "We are closing the plant for good," Smith said to them, and I left.\n')
    assert quoted(text) == []
    assert units(text)[-1] == ("John Smith", '"We are closing the plant for good," Smith said to them, and I left.')
