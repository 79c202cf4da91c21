from quoth.ingest import LoadReport
from quoth.ingest.subtitles import SubtitlesReader, render
from quoth.records import Kind
from quoth.settings import CorpusSettings


def read(data: str, rel: str):
    report = LoadReport()
    return list(SubtitlesReader(CorpusSettings()).read(data.encode(), rel, report)), report.warnings


def test_voices_become_turns_and_timings_leave_the_text():
    vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann Lee>Hello\nthere.\n\n00:02.500 --> 00:03.000\n<v Bob>Hi.\n"
    [got], _ = read(vtt, "a.vtt")
    assert got.text == "Ann Lee: Hello there.\n\nBob: Hi.\n" and got.hints.kind is Kind.TRANSCRIPT


def test_cues_naming_nobody_continue_the_turn_before():
    assert render([("Ann", "One."), (None, "Two."), ("Ann", "Three."), ("Bob", "Four.")]) == \
        "Ann: One.\nTwo.\nThree.\n\nBob: Four.\n"
    assert render([(None, "Unattributed words.")]) == "Unattributed words.\n"


def test_a_malformed_file_is_skipped_with_a_reason():
    got, warnings = read("1\nnot a timing line\nwords\n\n2\n00:00:01,000 --> broken\n", "b.srt")
    assert got == [] and warnings[0].startswith("b.srt: skipped: unreadable subtitles")
