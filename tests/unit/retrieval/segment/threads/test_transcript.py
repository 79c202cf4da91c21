from quoth.records import LayoutHints, Role
from quoth.segment.page import Page
from quoth.segment.threads.transcript import TranscriptTurns
from quoth.segment.turns import person_name


def turns(text):
    page = Page.of(text)
    thread = TranscriptTurns().find(page, LayoutHints())
    return None if thread is None else [(u.speaker, u.role, page.text[u.start:u.end]) for u in thread.units]


def test_caps_names_timestamps_and_cues():
    text = ("ANN LEE (00:01:02): Good evening and welcome.\n[applause]\nBOB ROE [00:01:09]: Thank you, Ann.\n"
            "ANN LEE: Let us start with the harbour.\n(laughter)\nBOB ROE: Gladly.")
    assert turns(text) == [("Ann Lee", Role.TURN, "Good evening and welcome."),
                           ("Bob Roe", Role.TURN, "Thank you, Ann."),
                           ("Ann Lee", Role.TURN, "Let us start with the harbour."), ("Bob Roe", Role.TURN, "Gladly.")]


def test_unnamed_questions_and_answers_get_no_invented_speaker():
    got = turns("Q: Where were you born?\nA: By the sea.\nQ: And after?\nA: Inland, sadly.")
    assert {s for s, _, _ in got} == {None}


def test_prose_with_a_colon_or_two_is_not_a_transcript():
    text = ("The plan has three parts.\nNote: the first is the hardest.\nWe start in May and finish by the "
            "autumn, weather permitting, with the second part.\nUpdate: the council agreed.\n")
    assert turns(text) is None


def test_a_name_alone_above_the_words_heads_a_turn_when_a_name_recurs():
    text = ("MARA QUILL\nWelcome back.\nMy guest is Ruairi Bell.\n\nRUAIRI BELL\nThe pager goes at any hour.\n\n"
            "MARA QUILL\nAnd your family?\n\nRuairi Bell:\nThey sleep through it now.\n")
    assert turns(text) == [("Mara Quill", Role.TURN, "Welcome back.\nMy guest is Ruairi Bell."),
                           ("Ruairi Bell", Role.TURN, "The pager goes at any hour."),
                           ("Mara Quill", Role.TURN, "And your family?"),
                           ("Ruairi Bell", Role.TURN, "They sleep through it now.")]


def test_headings_in_capitals_are_not_speakers():
    text = ("SUMMARY\nThe pier reopens in May.\n\nBACKGROUND\nIt closed after the storm.\n\n"
            "COSTS\nRepairs came to two million.\n\nNEXT STEPS\nA survey in the spring.\n")
    assert turns(text) is None


def test_caps_names_take_the_casing_used_elsewhere():
    assert person_name("OWEN MCDONALD", ["Owen McDonald"]) == "Owen McDonald"
    assert person_name("OWEN PETRIE") == "Owen Petrie" and person_name("Dr. Ann Lee") == "Dr. Ann Lee"


def test_the_manifests_speaker_pattern_reads_an_odd_transcript():
    text = ">> ANN LEE -- Hello there.\n>> BOB -- Hi Ann.\n>> ANN LEE -- How was the crossing?\n"
    assert turns(text) is None
    page = Page.of(text)
    hints = LayoutHints(speaker_pattern=r"^>> (?P<name>[A-Z ]+?) -- (?P<text>.*)$")
    thread = TranscriptTurns().find(page, hints)
    assert [(u.speaker, page.text[u.start:u.end]) for u in thread.units] == [
        ("Ann Lee", "Hello there."), ("Bob", "Hi Ann."), ("Ann Lee", "How was the crossing?")]
