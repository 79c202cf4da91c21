"""Labels tied to the names the document gives them: a meeting's list of those present, a chat's rename lines.
Short documents written for the tests; nothing is tied where two listed people could own a label."""

from __future__ import annotations

from collections import Counter

from quoth.records import LayoutHints
from quoth.segment.page import Page
from quoth.segment.threads.labels import LabelledTurns
from quoth.segment.threads.labels.shapes import Family
from quoth.segment.threads.labels.ties import attendance, renames


def speakers(text: str, family: Family) -> list[str | None]:
    page = Page.of(text)
    thread = LabelledTurns(family).find(page, LayoutHints())
    assert thread is not None
    return [u.speaker for u in thread.units]


MINUTES = """# Weekly call

*Present:* Ruth Okafor, Lars Brandt (lbr), Peter Quist, Paula Quist

## Minutes

* **Ruth**: we start with the release plan for next week.
* **lbr**: the branch is cut and the tests are green.
* **Ruth**: good, then we ship it on Tuesday as planned.
* **Quist**: one of the two of us will write the notes.
* **lbr**: I can help with the announcement if needed.
"""


def test_a_list_of_those_present_ties_first_names_and_handles_written_beside_names():
    got = speakers(MINUTES, Family.SPEECH)
    assert got[:3] == ["Ruth Okafor", "Lars Brandt", "Ruth Okafor"]
    assert got[3] == "Quist"  # two listed Quists: the surname ties neither


def test_a_first_name_two_listed_people_share_or_an_unpaired_handle_ties_nothing():
    ties = attendance(["Attendees: Ann Lee, Ann Moss, Bob Ray", "", "ann: hello", "xyz: hi"])
    assert "ann" not in ties and "xyz" not in ties
    assert ties["bob"].name == "Bob Ray" and ties["bray"].name == "Bob Ray"  # first name; initial and surname


def test_a_turn_that_starts_like_a_list_is_no_list():
    assert attendance(["CHAIR: Thank you, Ann Lee and Bob Ray.", "ANN: Thank you, Chair.", "CHAIR: Next item."]) == {}


def test_a_list_under_its_heading_one_name_a_line():
    ties = attendance(["### Present", "", "* Shona Byrne (chair)", "* Tomas Varga", "", "## Notes"])
    assert ties["shona"].name == "Shona Byrne" and ties["tomas"].name == "Tomas Varga"


def test_a_rename_line_makes_two_nicks_one_speaker_under_the_nick_used_most():
    lines = ["--- nop is now known as we", "--- we is now known as nop", "* kyrox is now known as wbk"]
    tied = renames(lines, Counter({"nop": 12, "we": 1, "kyrox": 4, "wbk": 1}))
    assert tied["we"].name == "nop" and tied["wbk"].name == "kyrox" and "nop" not in tied


def test_a_chat_log_credits_a_renamed_nicks_words_to_the_person():
    log = ("<nop>\thello all\n<mids>\thi nop\n<nop>\tlet us begin\n<mids>\tready\n"
           "---\tnop is now known as we\n<we>\tstill here\n<mids>\tok then\n<nop2>\tjoining late\n")
    got = speakers(log, Family.CHAT)
    assert got.count("nop") == 3 and "we" not in got


def test_a_label_with_an_initial_is_no_full_name_to_tie_a_title_to():
    from quoth.segment.threads.labels.names import speech_names
    labels = ["MS. PSAKI", "MS. PSAKI", "S. PSAKI", "Q"]
    named = speech_names(labels, ["Jen Psaki"])
    assert named["MS. PSAKI"].speaker == "Jen Psaki"
