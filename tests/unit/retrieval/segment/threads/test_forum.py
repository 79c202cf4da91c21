from quoth.records import LayoutHints, Role
from quoth.segment.page import Page
from quoth.segment.threads.forum import ForumPosts


def posts(text):
    page = Page.of(text)
    thread = ForumPosts().find(page, LayoutHints())
    return None if thread is None else [(u.speaker, u.role, page.text[u.start:u.end]) for u in thread.units]


def test_a_quoted_reply_is_the_quoted_posters_passage_never_the_repliers():
    text = ("Post by ann » Mon\nThe ferry is late again today.\n\nPost by bob » Mon\nann wrote:\n"
            "The ferry is late again today.\nIt always is on Mondays.\n")
    assert posts(text) == [("ann", Role.POST, "The ferry is late again today."),
                           ("ann", Role.QUOTE, "The ferry is late again today."),
                           ("bob", Role.POST, "It always is on Mondays.")]


def test_an_unfound_quote_is_its_first_line_only_and_the_header_names_its_writer():
    text = "Post by ann » Mon\nHello.\n\nPost by bob » Mon\ncy wrote:\nSomething cy said elsewhere.\nMy reply.\n"
    assert posts(text)[-2:] == [("cy", Role.QUOTE, "Something cy said elsewhere."), ("bob", Role.POST, "My reply.")]


def test_a_bare_quote_header_names_nobody():
    text = "#1\nann\n\nFirst words.\n\n#2\nbob\n\nQuote:\nA saying from a book of proverbs.\nMy answer.\n"
    assert posts(text)[-2:] == [(None, Role.QUOTE, "A saying from a book of proverbs."),
                                ("bob", Role.POST, "My answer.")]


def test_bbcode_quotes_nested_are_each_their_writers_and_the_rest_of_a_closing_line_the_posters():
    text = ("Post by ann » Mon\nThe ferry is late again today.\n\nPost by bob » Mon\nIt always is.\n\n"
            "Post by cy » Tue\n[quote=bob]\nIt always is.\n[quote=\"ann\"]The ferry is late[/quote]\nEvery Monday.\n"
            "[/quote]So take the bus.\n[QUOTE=\"Dee, post: 12, member: 3\"]Buses are worse in the rain.[/QUOTE]\n")
    assert posts(text)[2:] == [("bob", Role.QUOTE, "It always is."), ("ann", Role.QUOTE, "The ferry is late"),
                               ("bob", Role.QUOTE, "Every Monday."), ("cy", Role.POST, "So take the bus."),
                               ("Dee", Role.QUOTE, "Buses are worse in the rain.")]


def test_markdown_quote_lines_are_named_only_when_found_in_one_earlier_post():
    text = ("u/ann · 5h\nThe cliff path reopened last month, past the chapel.\n\nu/bob · 4h\n"
            "> The cliff path reopened last month\nGood news.\n> the fog is thick on the hill today\nStay home.\n\n"
            "u/cy · 3h\n> yes it did\nThanks.\n")
    assert posts(text) == [("ann", Role.POST, "The cliff path reopened last month, past the chapel."),
                           ("ann", Role.QUOTE, "The cliff path reopened last month"), ("bob", Role.POST, "Good news."),
                           (None, Role.QUOTE, "the fog is thick on the hill today"), ("bob", Role.POST, "Stay home."),
                           (None, Role.QUOTE, "yes it did"), ("cy", Role.POST, "Thanks.")]


def test_vbulletin_member_blocks_are_not_words():
    text = "#1\nann\nSenior Member\nPosts: 3\n\nFirst words.\n\n#2\nbob\nNew Member\n\nSecond words.\n"
    assert posts(text) == [("ann", Role.POST, "First words."), ("bob", Role.POST, "Second words.")]


def test_words_a_poster_quoted_in_marks_are_not_theirs_when_quoted_again():
    text = ("u/ann · 5h\nThe sign says \"No mooring beyond this point after dusk\" and nobody reads it.\n\n"
            "u/bob · 4h\n> No mooring beyond this point after dusk\nI read it every night.\n")
    assert posts(text)[1] == (None, Role.QUOTE, "No mooring beyond this point after dusk")
