"""The manifest's author stays the speaker of their own words whatever names the text mentions, and a login box
is never a byline: small documents read by the real loader and segmenter."""

from __future__ import annotations

import json
import subprocess
import sys

from quoth import Quoth, Settings
from quoth.records import Role
from tests.helpers import write_corpus

FRAGMENTS = {"Somebody", "Though Pence", "But Harris", "November. Perry", "Username", "Password", "Log in"}
DOCS = {
    "sources.toml": '[[document]]\nfile = "speech.txt"\nauthor = "Jeremy Corbyn"\nkind = "statement"\n\n'
                    '[[document]]\nfile = "blog.txt"\nauthor = "Ann Lee"\n\n'
                    '[[document]]\nfile = "report.txt"\nauthor = "Cara Stone"\n\n'
                    '[[document]]\nfile = "talk.txt"\nauthor = "Bob Green"\nkind = "transcript"\n',
    "report.txt": "Council approves new budget\n\nBy Jane Doe\n\nThe council approved the budget on Tuesday after a "
                  "long debate about library opening hours.\n\nSomebody said the libraries should stay open on "
                  "Sundays, and Perry agreed with them.\n",
    "talk.txt": "A talk on gardens\n\nSomebody said today that gardens are a luxury. I say they are a necessity "
                "for every town.\n\nThough Pence spoke of growth, the gardens of this town have grown more food "
                "than ever.\n",
    "speech.txt": "Speech to the conference\n\nSomebody said today that we cannot afford to rebuild our hospitals. "
                  "I say we cannot afford not to.\n\nThough Pence spoke of growth last week, the figures for the "
                  "regions are clear and they are getting worse.\n\nBut Harris is right about one thing: nurses "
                  "have waited too long for a fair wage.\n\nNovember. Perry promised a new hospital then, and the "
                  "town is still waiting for it.\n",
    "blog.txt": "A walk by the river\n\nYesterday Bob Green told me the herons had come back to the weir after ten "
                "years away.\n\nSomebody said the water is cleaner now, and I believe it: the reeds are back.\n",
    "news.txt": "Username\nPassword\nLog in\nSubscribe\n\nCouncil approves new budget\n\nBy Jane Doe\n\nThe council "
                "approved the budget on Tuesday after a long debate about library opening hours.\n\nResidents who "
                "spoke at the meeting asked for the libraries to stay open on Sundays.\n",
    "login.txt": "Username\nLog in\nRemember me\n\nStorm closes harbour road\n\nThe harbour road was closed on "
                 "Monday after waves threw stones across the carriageway.\n\nDrivers were sent inland through the "
                 "village while crews cleared the road.\n",
}


def test_manifest_author_is_not_overridden_and_login_words_are_never_bylines(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", DOCS)
    read = {doc.path: (doc, seg) for doc, seg in Quoth(Settings()).passages(corpus)}
    # the manifest's author over a byline in the text too ("By Jane Doe"), and over a transcript without labels
    for path, author in (("speech.txt", "Jeremy Corbyn"), ("blog.txt", "Ann Lee"), ("report.txt", "Cara Stone"),
                         ("talk.txt", "Bob Green")):
        doc, seg = read[path]
        assert seg.source.author == author
        words = [p for p in seg.passages if p.role is not Role.QUOTE]
        assert words and {p.speaker for p in words} == {author}, path
    assert read["news.txt"][1].source.author == "Jane Doe"
    assert read["login.txt"][1].source.author is None
    for doc, seg in read.values():
        assert all(doc.text[p.start:p.end] == p.text for p in seg.passages)
        assert not {p.speaker for p in seg.passages} & FRAGMENTS, doc.path
        assert "Jane Doe" not in {p.speaker for p in seg.passages if "Username" in p.text}, \
            "the login box is no one's words"


# Catastrophic backtracking: ``(\w|\w\w)+`` tries every way of cutting a name into ones and twos before it gives up
# on a name with a hyphen: a Fibonacci number of ways, 0.14 s for 30 letters, 16 times as long for each five more.
# (``([A-Za-z]+\s?)+`` stalls ``re`` as badly; the ``regex`` module sees through that one.)
STALLING = r"^(?P<name>(\w|\w\w)+): (?P<text>.*)"
TALK = ("MAYOR: The meeting is open and the harbour is first on the list tonight.\n\n"
        "CLERK: The harbour wall was rebuilt with granite from the quarry last spring.\n\n"
        "{word}\n\n"
        "MAYOR: Thank you all for coming out on such a cold night.\n")
STALL_RUN = """
import json, sys
from quoth import Quoth, Settings
from quoth.ingest import LoadReport
report = LoadReport()
read = {doc.path: (doc, seg) for doc, seg in Quoth(Settings()).passages(sys.argv[1], report=report)}
assert all(doc.text[p.start:p.end] == p.text for doc, seg in read.values() for p in seg.passages)
print(json.dumps({"warnings": report.warnings,
                  "speakers": {k: sorted({p.speaker or "" for p in seg.passages}) for k, (_, seg) in read.items()}}))
"""


def test_a_speaker_pattern_that_backtracks_forever_is_refused_and_the_build_goes_on(tmp_path):
    manifest = "".join(f"[[document]]\nfile = \"{name}\"\nspeaker_pattern = '{STALLING}'\n\n"
                       for name in ("stalls.txt", "calm.txt"))
    corpus = write_corpus(tmp_path / "corpus", {
        "sources.toml": manifest,
        "stalls.txt": TALK.format(word="Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch-Jones: Evening."),
        "calm.txt": TALK.format(word="Lloyd-Jones: Evening."),  # the pattern fails at once on a short name
        "notes.txt": "The pier was rebuilt with granite in March, and the boats came back in April.\n"})
    out = subprocess.run([sys.executable, "-c", STALL_RUN, str(corpus)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout.splitlines()[-1])
    [warning] = got["warnings"]
    assert warning.startswith("stalls.txt: ") and "sources.toml" in warning and repr(STALLING) in warning
    assert "\n" not in warning
    assert set(got["speakers"]) == {"stalls.txt", "calm.txt", "notes.txt"}
    assert {"Mayor", "Clerk"} <= set(got["speakers"]["calm.txt"])  # the pattern still reads where it is quick
