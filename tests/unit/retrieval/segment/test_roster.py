from quoth.segment.page import Page
from quoth.segment.roster import read_roster

PLAY = """The Importance of Being Earnest

THE PERSONS IN THE PLAY

John Worthing, J.P.
Algernon Moncrieff
Lane, Manservant
Lady Bracknell
Miss Prism, Governess

FIRST ACT
"""


def test_a_speaker_label_finds_its_one_entry_in_the_list_of_persons():
    roster = read_roster(Page.of(PLAY))
    assert roster.describe("Lane") == "Lane, Manservant"
    assert roster.describe("Miss Prism") == "Miss Prism, Governess"
    assert roster.describe("Algernon") == "Algernon Moncrieff"


def test_no_entry_for_an_unlisted_an_ambiguous_or_an_already_full_name():
    roster = read_roster(Page.of(PLAY + "\nJohn Lane, a footman\n"))
    assert roster.describe("Jack") == "" and roster.describe("Lady Bracknell") == "" and roster.describe(None) == ""
    assert read_roster(Page.of("No list here.\n\nLANE.\nYes, sir.\n")).describe("Lane") == ""
