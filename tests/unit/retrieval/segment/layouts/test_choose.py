from quoth.records import Kind, LayoutHints
from quoth.segment.layouts import LAYOUTS, choose_layout
from quoth.segment.masthead import read_masthead
from quoth.segment.page import Page

PROFILE = "Rosa Tern\n1,204 followers • 88 following\nA post.\n"
BYLINE = "Headline here\nby Jane Roe\nThe story.\n"
THREAD = "Post.\nAnn Lee says:\nHi.\nBob Roe says:\nHello.\n"


def choose(text, hints=None):
    page = Page.of(text)
    return choose_layout(page, read_masthead(page), hints or LayoutHints())


def test_most_confident_reader_wins_and_plain_page_is_the_fallback():
    assert choose(PROFILE)[0].kind is Kind.POST_LIST
    assert choose(BYLINE)[0].kind is Kind.ARTICLE
    assert choose(THREAD)[0].kind is Kind.BLOG_POST
    assert choose("Just some words on a page.\n")[0].kind is Kind.PAGE
    assert choose(BYLINE + THREAD)[0].kind is Kind.ARTICLE  # an article may have comments


def test_every_reader_reports_a_score_and_the_manifest_overrides():
    layout, scores = choose(BYLINE, LayoutHints(kind=Kind.STATEMENT))
    assert layout.kind is Kind.STATEMENT
    assert set(scores) == {layout.kind for layout in LAYOUTS} and scores[Kind.ARTICLE] > scores[Kind.PAGE]
