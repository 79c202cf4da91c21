from quoth.records import LayoutHints, Role
from quoth.segment.page import Page
from quoth.segment.threads.forum import ForumPosts


def posts(text):
    page = Page.of(text)
    thread = ForumPosts().find(page, LayoutHints())
    return None if thread is None else [(u.speaker, u.role, page.text[u.start:u.end]) for u in thread.units]


def test_a_quoted_reply_is_never_the_repliers():
    text = ("Post by ann » Mon\nThe ferry is late again today.\n\nPost by bob » Mon\nann wrote:\n"
            "The ferry is late again today.\nIt always is on Mondays.\n")
    assert posts(text) == [("ann", Role.POST, "The ferry is late again today."),
                           ("bob", Role.POST, "It always is on Mondays.")]


def test_an_unfound_quote_drops_its_first_line_only():
    text = "Post by ann » Mon\nHello.\n\nPost by bob » Mon\ncy wrote:\nSomething cy said elsewhere.\nMy reply.\n"
    assert posts(text)[-1] == ("bob", Role.POST, "My reply.")


def test_vbulletin_member_blocks_are_not_words():
    text = "#1\nann\nSenior Member\nPosts: 3\n\nFirst words.\n\n#2\nbob\nNew Member\n\nSecond words.\n"
    assert posts(text) == [("ann", Role.POST, "First words."), ("bob", Role.POST, "Second words.")]
