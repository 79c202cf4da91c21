from quoth.ingest import LoadReport
from quoth.ingest.subtitles import SubtitlesReader, render
from quoth.records import Document, Kind, Locator, SourceInfo
from quoth.segment import Segmenter
from quoth.settings import CorpusSettings


def read(data: str, rel: str):
    report = LoadReport()
    return list(SubtitlesReader(CorpusSettings()).read(data.encode(), rel, report)), report.warnings


def test_voices_become_turns_and_timings_leave_the_text():
    vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann Lee>Hello\nthere.\n\n00:02.500 --> 00:03.000\n<v Bob>Hi.\n"
    [got], _ = read(vtt, "a.vtt")
    assert got.text == "Ann Lee: Hello there.\n\nBob: Hi.\n" and got.hints.kind is Kind.TRANSCRIPT


def test_cues_naming_nobody_continue_the_turn_before():
    text, _ = render([("Ann", "One.", 0), (None, "Two.", 1), ("Ann", "Three.", 2), ("Bob", "Four.", 3)])
    assert text == "Ann: One.\nTwo.\nThree.\n\nBob: Four.\n"
    assert render([(None, "Unattributed words.", 0)])[0] == "Unattributed words.\n"


def test_each_cue_start_is_a_locator_at_its_words():
    text, locators = render([("Ann", "One.", 1.2), (None, "  ", 2), ("Ann", "Two.", 3725.9), ("Bob", "Three.", 3730)])
    assert [(text[x.offset:x.offset + 3], x.label) for x in locators] == \
        [("One", "00:00:01"), ("Two", "01:02:05"), ("Thr", "01:02:10")]


def test_srt_and_vtt_timings_reach_the_passages_not_their_text():
    srt = ("1\n00:00:04,000 --> 00:00:06,000\nANN LEE: The tide turned early that day.\n\n"
           "2\n01:10:07,500 --> 01:10:09,000\nBOB: We rowed home in the dark and said nothing.\n")
    [got], _ = read(srt, "talk.srt")
    doc = Document(SourceInfo("talk.srt", "Talk"), got.text, "h", got.hints, got.locators)
    passages = Segmenter()(doc).passages
    assert [(p.speaker, p.locator) for p in passages] == [("Ann Lee", "00:00:04"), ("Bob", "01:10:07")]
    assert all(":" not in p.text.split()[0] for p in passages)
    assert doc.locator_at(0) is None and Document(SourceInfo("x", "x"), "abc", "h",
                                                  locators=(Locator(1, "p. 2"),)).locator_at(2) == "p. 2"


def test_a_malformed_file_is_skipped_with_a_reason():
    got, warnings = read("1\nnot a timing line\nwords\n\n2\n00:00:01,000 --> broken\n", "b.srt")
    assert got == [] and warnings[0].startswith("b.srt: skipped: unreadable subtitles")


def test_an_untagged_vtt_cue_that_names_its_speaker_opens_their_turn():
    """Captions that tag most voices (``<v Travis>``) but name one speaker in the cue's words (``Gilon: So…``): that
    cue is Gilon's turn, and the tagged voice after it opens a turn of its own again (it was rendered as the
    continuation of Gilon's)."""
    vtt = ("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Travis> Start with the audio.\n\n"
           "00:02.000 --> 00:03.000\nthen the intro.\n\n00:04.000 --> 00:05.000\nGilon: Is there an ideal length?\n\n"
           "00:05.000 --> 00:06.000\nNope.\n\n00:07.000 --> 00:08.000\n<v Travis> Use templates.\n")
    [got], _ = read(vtt, "a.vtt")
    assert got.text == ("Travis: Start with the audio.\nthen the intro.\n\nGilon: Is there an ideal length?\nNope.\n\n"
                        "Travis: Use templates.\n")
