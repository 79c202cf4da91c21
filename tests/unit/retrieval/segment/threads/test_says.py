from quoth.records import LayoutHints, Role
from quoth.segment.page import Page
from quoth.segment.threads.says import SaysThread, name_from_header

THREAD = """Body of the post.

Ann Lee says:
First comment words.
  Bob Roe says:
  A reply to Ann.
Cy Dee said on 3 May 2021 at 10:02:
Second top-level comment.
"""


def test_headers_name_the_commenter():
    page = Page.of("Jo Bloggs says:\n• Jo Bloggs replied:\nShe says: no\nA sentence that says: this one is long:")
    assert [name_from_header(ln) for ln in page.lines] == ["Jo Bloggs", "Jo Bloggs", None, None]


def test_nested_replies_follow_indentation():
    page = Page.of(THREAD)
    thread = SaysThread().find(page, LayoutHints())
    assert thread.first_line == 2
    assert [(u.speaker, u.role, u.reply_to, page.text[u.start:u.end]) for u in thread.units] == [
        ("Ann Lee", Role.COMMENT, None, "First comment words."),
        ("Bob Roe", Role.REPLY, "Ann Lee", "A reply to Ann."),
        ("Cy Dee", Role.COMMENT, None, "Second top-level comment."),
    ]


def test_one_header_is_not_a_thread():
    assert SaysThread().find(Page.of("Intro.\nAnn Lee says:\nHello."), LayoutHints()) is None


def test_a_storys_lead_ins_are_no_commenters():
    # A novel's "…and said:" lines: a sentence's opener, its end or ordinary words make them prose.
    for line in ("But Sidney said:", "time. Finally Tom said:", "Jim shook his head and said:"):
        [ln] = Page.of(line).lines
        assert name_from_header(ln) is not None  # the header shape matches…
    story = ("Tom came in.\n\nBut Sidney said:\n\n“Well, now.”\n\nJim shook his head and said:\n\n“Can’t.”\n\n"
             "Tom said:\n\n“Yes you can.”\n\nBen said:\n\n“No.”\n")
    assert SaysThread().find(Page.of(story), LayoutHints()) is None  # …but no thread is read from them


def test_a_commenter_may_write_a_first_name_in_lower_case():
    page = Page.of("Post.\n\nstanley Knafler says:\nA comment.\nAnn Lee says:\nAnother.\n")
    assert [u.speaker for u in SaysThread().find(page, LayoutHints()).units] == ["stanley Knafler", "Ann Lee"]


def test_a_commenter_may_write_the_whole_name_in_lower_case():
    page = Page.of("Post.\n\nrebekah hirsch says:\nA comment.\nAnn Lee says:\nAnother.\n")
    assert [u.speaker for u in SaysThread().find(page, LayoutHints()).units] == ["rebekah hirsch", "Ann Lee"]


def test_titles_and_initials_end_no_sentence_in_a_commenters_name():
    page = Page.of("Post.\n\nDr. Jane Roe says:\nA comment.\nJ. R. Smith says:\nAnother.\n")
    assert [u.speaker for u in SaysThread().find(page, LayoutHints()).units] == ["Dr. Jane Roe", "J. R. Smith"]
