from quoth.records import LayoutHints, Role
from quoth.segment.page import Page
from quoth.segment.threads.dated import DatedComments


def comments(text, hints=None):
    page = Page.of(text)
    thread = DatedComments().find(page, hints or LayoutHints())
    return None if thread is None else [(u.speaker, u.role, u.reply_to, page.text[u.start:u.end]) for u in thread.units]


def test_name_over_date_comments_with_indented_replies():
    text = ("Post body.\n\n3 Comments\n\nAnn Lee\nMarch 3, 2024 at 4:12 pm\nFirst comment.\n\n  Bob Roe\n  2024-03-04\n"
            "  A reply to Ann.\n\nCy Dee\n4 March 2024\nSecond comment.\n")
    assert comments(text) == [("Ann Lee", Role.COMMENT, None, "First comment."),
                              ("Bob Roe", Role.REPLY, "Ann Lee", "A reply to Ann."),
                              ("Cy Dee", Role.COMMENT, None, "Second comment.")]


def test_disqus_headers_name_the_parent():
    text = "Ann Lee • 3 days ago\nHello.\n\n    Bob Roe  Ann Lee • 2 days ago\nHi Ann.\n"
    assert comments(text) == [("Ann Lee", Role.COMMENT, None, "Hello."), ("Bob Roe", Role.REPLY, "Ann Lee", "Hi Ann.")]


def test_a_dated_list_of_events_is_not_a_thread():
    text = "Opening\n3 May 2024\nThe hall opens.\n\nClosing\n9 May 2024\nThe hall closes.\n"
    assert comments(text) is None
    assert comments("2 Comments\n\n" + text) is not None
    assert comments("2 Comments\n\n" + text, LayoutHints(comments=False)) is None
