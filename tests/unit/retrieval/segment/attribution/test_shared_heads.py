"""A head word two fuller names share ("the Lamp" of "Tolley's Lamp" and "the Lamp of Evening Fog") is the one
the chapter introduces, not one character for the whole book (issue 21 §3). Short texts written for the test."""

from quoth.segment.attribution.heads import fuller_names
from tests.helpers import read_story, speaker_at

CHAPTERS = [
    "CHAPTER ONE",
    "Tolley's Lamp hung in the hall. At midnight Tolley's Lamp spoke to Anna.",
    "‘Wake up,’ said the Lamp.",
    "‘Go away,’ said Anna.",
    "CHAPTER TWO",
    "A new light came in at the window. ‘I am the Lamp of Evening Fog,’ it said. Anna stared at the Lamp of "
    "Evening Fog.",
    "‘Follow me,’ said the Lamp.",
    "‘Where?’ said Anna.",
]


def _read(paragraphs):
    text, _, units = read_story(paragraphs)
    return text, units


_speaker = speaker_at


def test_the_head_word_is_the_fuller_name_each_chapter_introduces():
    text, units = _read(CHAPTERS)
    assert _speaker(text, units, "Wake up") == "Tolley's Lamp"
    assert _speaker(text, units, "Follow me") == "the Lamp of Evening Fog"


def test_two_fuller_names_introduced_in_one_chapter_leave_the_head_word_nobodys():
    paragraphs = ["CHAPTER ONE",
                  "The Lamp of the North told Anna of the Lamp of the South. The Lamp of the North was kind, and "
                  "the Lamp of the South was not.",
                  "‘Be careful,’ said the Lamp.",
                  "‘I will,’ said Anna."]
    text, units = _read(paragraphs)
    assert _speaker(text, units, "Be careful") is None


def test_a_head_word_with_one_fuller_name_is_not_shared():
    assert fuller_names("Tolley's Lamp shone. Tolley's Lamp spoke. The Lamp laughed.") == {}
    shared = fuller_names(" ".join(CHAPTERS))
    assert [f.form for f in shared["lamp"]] == ["Tolley's Lamp", "Lamp of Evening Fog"]
