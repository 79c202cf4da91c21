import pytest

from quoth.segment.furniture import Boilerplate
from quoth.segment.page import Page


@pytest.mark.parametrize("line", ["Leave a Reply", "You are commenting using your Twitter account.", "Share this:",
                                  "Comments (12)", "12 thoughts on “A post”", "Click here to subscribe today",
                                  "Add us to your home screen", "48.2k followers • 12 following", "Retweeted",
                                  "The quay at dusk (Pic: Ann Lee)", "Issue No. 2517", "Read more about it",
                                  "Tel: 0131 496 0000", "press@example.org", "Reply • Share ›", "Twitter"])
def test_site_chrome_matches(line):
    assert Boilerplate().matches(line)


@pytest.mark.parametrize("line", ["Comments on the plan were mostly positive.", "We will reply to every letter.",
                                  "Subscribers get the paper on Fridays.", "", "[2024-05-01 18:02] Ruth Adeyemi",
                                  "14/03/2024, 09:02 - Ann: call me on 0131 496 0000 later"])
def test_words_that_only_resemble_chrome_do_not(line):
    assert not Boilerplate().matches(line)


def test_user_patterns_and_alt_text_captions_cleared():
    page = Page.of("Sponsored by Acme\nHarbour boats at dawn\nHarbour boats at dawn, as seen from the pier\nWords.")
    Boilerplate([r"^sponsored by\b"]).clear(page)
    assert [ln.text for ln in page.content()] == ["Words."]


GUTENBERG = """The Project Gutenberg eBook of A Play

This eBook is for the use of anyone anywhere in the United States.

*** START OF THE PROJECT GUTENBERG EBOOK A PLAY ***

JACK.
I am in love with Gwendolen.

*** END OF THE PROJECT GUTENBERG EBOOK A PLAY ***

Updated editions will replace the previous one.
"""


def test_a_gutenberg_header_and_licence_are_furniture():
    page = Page.of(GUTENBERG)
    Boilerplate().clear(page)
    assert [ln.text for ln in page.content()] == ["JACK.", "I am in love with Gwendolen."]


def test_an_older_gutenberg_end_line_and_text_that_only_mentions_gutenberg():
    old = "*** START OF THIS PROJECT GUTENBERG EBOOK X ***\nWords.\nEnd of the Project Gutenberg EBook of X\nLicence."
    page = Page.of(old)
    Boilerplate().clear(page)
    assert [ln.text for ln in page.content()] == ["Words."]
    page = Page.of("She read it on Project Gutenberg.\n*** A break ***\nMore.")
    Boilerplate().clear(page)
    assert len(page.content()) == 3


def test_an_early_gutenberg_file_opens_its_text_after_the_small_print():
    old = ("***The Project Gutenberg's Etext of Macbeth***\nDonations welcome.\n"
           "***START**THE SMALL PRINT!**FOR PUBLIC DOMAIN ETEXTS**START***\nThe licence.\n"
           "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n\nActus Primus.\n"
           "All. Faire is foule, and foule is faire.\n")
    page = Page.of(old)
    Boilerplate().clear(page)
    assert [ln.text for ln in page.content()] == ["Actus Primus.", "All. Faire is foule, and foule is faire."]


def test_the_volunteers_credit_under_the_start_marker_is_theirs_and_the_first_paragraph_the_authors():
    text = ("*** START OF THIS PROJECT GUTENBERG EBOOK X ***\n\nSpecial thanks are due to Ann Lee for extensive\n"
            "proofreading and correction of this etext.\n\n\nThe family had long been settled in Kent.\n")
    page = Page.of(text)
    Boilerplate().clear(page)
    assert [ln.text for ln in page.content()] == ["The family had long been settled in Kent."]
    story = "*** START OF THIS PROJECT GUTENBERG EBOOK X ***\n\nThe family had long been settled in Kent.\n"
    page = Page.of(story)
    Boilerplate().clear(page)
    assert [ln.text for ln in page.content()] == ["The family had long been settled in Kent."]
