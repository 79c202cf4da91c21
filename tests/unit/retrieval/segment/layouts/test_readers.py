"""Each layout reader's ``read``: who speaks in the body, in what role."""

from quoth.records import Kind, Role, SourceInfo
from quoth.segment.layouts import BY_KIND, Reading
from quoth.segment.masthead import read_masthead
from quoth.segment.meta import read_meta
from quoth.segment.page import Page


def read(kind: Kind, text: str, **source):
    page = Page.of(text)
    head = read_masthead(page)
    layout = BY_KIND[kind]
    headings, body = layout.split(page.blocks(len(page.lines)))
    src = SourceInfo("a.txt", "", **source)
    meta = read_meta(page, src, head, headings, body)
    return [(u.speaker, u.role, text[u.start:u.end].split()[0]) for u in layout.read(Reading(page, src, head, meta,
                                                                                               body, 8))]


def test_post_list_every_block_is_a_post_even_a_short_one():
    text = "Rosa Tern\n1,204 followers • 88 following\n\nShort post\n\nA longer post about the quay today.\n"
    assert read(Kind.POST_LIST, text) == [("Rosa Tern", Role.POST, "Short"), ("Rosa Tern", Role.POST, "A")]


def test_article_narrates_and_quotes():
    text = ("Quay reopens\n\nby Jane Roe\n\nThe quay reopened on Monday after months of work.\n\n"
            "“We are delighted,” said Li Wei, the harbour master.\n")
    assert read(Kind.ARTICLE, text) == [("Jane Roe", Role.NARRATION, "The"), ("Li Wei", Role.QUOTE, "“We")]


def test_blog_post_and_statement_body_belongs_to_the_author_or_site():
    text = "My walk\n\nWe walked the whole ridge today and the views were wonderful.\n"
    assert read(Kind.BLOG_POST, text, author="Walker") == [("Walker", Role.BODY, "We")]
    assert read(Kind.STATEMENT, text, site="Walk Club") == [("Walk Club", Role.BODY, "We")]


def test_plain_page_names_nobody_it_cannot_know():
    text = "Opening hours\n\nThe museum opens at nine every day except Monday.\n"
    assert read(Kind.PAGE, text) == [(None, Role.BODY, "The")]
