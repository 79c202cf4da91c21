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


HEARING = """SENATE JUDICIARY COMMITTEE HEARING
SPEAKERS: SEN. CHARLES E. GRASSLEY, R-IOWA, CHAIRMAN
SEN. DIANNE FEINSTEIN, D-CALIF., RANKING MEMBER
WITNESSES: CHRISTINE BLASEY FORD, KAVANAUGH ACCUSER
GRASSLEY: Thank you.
GRASSLEY: This morning we continue our hearing on the nomination of the judge to the court.
"""


def test_a_hearing_lists_its_speakers_after_the_heading_on_its_line():
    roster = read_roster(Page.of(HEARING))
    assert roster.describe("Grassley") == "SEN. CHARLES E. GRASSLEY, R-IOWA, CHAIRMAN"
    assert roster.describe("Ford") == "CHRISTINE BLASEY FORD, KAVANAUGH ACCUSER"
    assert len(roster.entries) == 3  # the turns are no entries


def test_a_line_of_many_names_is_no_entry():
    roster = read_roster(Page.of("Participants: Alex Russell, Dan Appelquist, Tim Berners-Lee, Sergey, Yves\n\nWords."))
    assert roster.describe("Alex Russell") == ""
