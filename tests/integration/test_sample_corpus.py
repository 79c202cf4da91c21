"""The bundled sample corpus: clean passages, and commenters never shown as the page's author."""

from __future__ import annotations

import pytest

from quoth import Quoth
from quoth.embeddings import token_counter

FORM_TEXT = ["Leave a Reply", "You are commenting using", "Fill in your details", "Log Out", "Connecting to %s",
             "Akismet", "Click here to subscribe", "Breakfast in red", "Mobile users", "Comments are now closed",
             "followers", "tweet picture", "Comments (33)", "Google photo", "Twitter picture"]


@pytest.fixture(scope="module")
def passages(request):
    count = token_counter("default")
    out = []
    for doc, seg in Quoth.open().passages():
        for p in seg.passages:
            assert doc.text[p.start:p.end] == p.text
            assert count(p.search_text) <= 256
        out.extend((p, seg.source) for p in seg.passages)
    return out


def find(passages, phrase):
    hits = [p for p, _ in passages if phrase in p.text]
    assert len(hits) == 1, f"{phrase!r} found in {len(hits)} passages"
    return hits[0]


def test_every_seed_segmented(passages):
    per_doc = {}
    for _, src in passages:
        per_doc[src.path] = per_doc.get(src.path, 0) + 1
    assert len(per_doc) == 5 and min(per_doc.values()) >= 8


def test_no_boilerplate(passages):
    for p, _ in passages:
        for chrome in FORM_TEXT:
            assert chrome.lower() not in p.text.lower(), (chrome, p.text[:80])
        assert p.text.strip().lower() != "tweet picture"


def test_commenters_attributed_to_themselves(passages):
    assert find(passages, "Been out knocking on doors").speaker == "Benny Ross"
    assert find(passages, "keeping the Red Flag flying").speaker == "David Stretton"
    naomi = find(passages, "You make a baffling assertion")
    assert naomi.speaker == "Naomi Wimborne-Idrissi" and naomi.role == "reply" and naomi.reply_to == "stanley Knafler"
    assert find(passages, "Time to go Mr Corbyn").speaker == "Anonymous commenter (#2)"
    assert find(passages, "Well Elthne").speaker == "Anonymous commenter (reply to #7)"
    for p, src in passages:
        if p.role in ("comment", "reply"):
            assert p.speaker != src.author and "Corbyn" not in (p.speaker or "")


def test_corbyn_speaks_in_posts_statement_and_quotes(passages):
    assert find(passages, "override their right to strike").speaker == "Jeremy Corbyn"
    assert find(passages, "largest party in the local elections").speaker == "Jeremy Corbyn"
    assert find(passages, "People have had enough of the politics").speaker == "Jeremy Corbyn"
    assert find(passages, "The national executive committee").speaker == "Calvin"
    assert find(passages, "considering becoming a Labour member").speaker == "Jay Ananthan"
    assert find(passages, "Thousands turned out to support Corbyn").speaker == "Nick Clark"
