"""Quote verification on the sample corpus, against the committed test set (tests/data/verify/claims.jsonl)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from quoth import BadQuery, Quoth

CLAIMS = Path(__file__).resolve().parents[1] / "data" / "verify" / "claims.jsonl"


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    q = Quoth.open(data_dir=tmp_path_factory.mktemp("verify"))
    claims = [json.loads(x) for x in CLAIMS.read_text().splitlines()]
    return q, [(c, q.verify_claim(c["text"], c.get("claimed_speaker"))) for c in claims]


def recall(checked, expect: str) -> float:
    rows = [(c, v) for c, v in checked[1] if c["expect"] == expect]
    return sum(str(v.verdict) == expect for _, v in rows) / len(rows)


def test_the_test_set_covers_every_class():
    counts = Counter(json.loads(x)["class"] for x in CLAIMS.read_text().splitlines())
    assert sum(counts.values()) >= 200 and counts["paraphrase"] >= 30 and len(counts) == 11


def test_real_altered_and_invented_quotes_are_told_apart(checked):
    assert recall(checked, "exact") == 1.0
    assert recall(checked, "altered") >= 0.95
    assert recall(checked, "not_found") >= 0.95
    # Issue 22 §1: "close" is the same words retyped; the set's one-word synonym swaps are "altered" now.
    rows = [(c, v) for c, v in checked[1] if c["expect"] == "close"]
    assert all(str(v.verdict) == ("altered" if c["class"] == "one_word" else "close") for c, v in rows
               if c["class"] == "one_word") and sum(str(v.verdict) == "close" for c, v in rows) >= 20


def test_a_verdict_points_at_the_source_and_never_shows_a_weak_match(checked):
    q, rows = checked
    for c, v in rows:
        if v.source is None:
            assert str(v.verdict) == "not_found" and v.quote is None
            continue
        text = q.current().document_text(v.source.path)
        assert text[v.start:v.end] == v.quote
        if str(v.verdict) == "not_found":  # the closest wording, shown as not a match and credited to nobody
            assert v.closest and v.speaker is None and v.misattributed is None and "not a match" in v.explain()
            continue
        if str(v.verdict) in ("exact", "close", "altered"):
            assert v.speaker == c["speaker"], c["text"]


def test_misattribution_is_caught_by_any_form_of_the_name(checked):
    q, rows = checked
    flagged = [(c, v) for c, v in rows if c["misattributed"] is not None]
    # Issue 22 §3: never the wrong answer; "can't tell" (None) where the speaker is not named surely.
    assert all(v.misattributed in (c["misattributed"], None) for c, v in flagged)
    assert sum(v.misattributed is True for c, v in flagged) >= 0.75 * sum(c["misattributed"] for c, _ in flagged)
    [v] = q.verify("Jeremy Corbyn said “The national executive committee that made that decision know what they're "
                   "doing”")
    assert v.misattributed and v.speaker == "Calvin" and "not Jeremy Corbyn's" in v.explain()
    assert v.speaker_confidence >= q.settings.verify.accuse_min  # named surely: an accusation may be made
    [v] = q.verify("“Stop posturing and give workers the pay rise they deserve” — Corbyn")
    assert v.misattributed is False and str(v.verdict) == "exact"


def test_too_little_to_check_is_an_error(checked):
    q, _ = checked
    with pytest.raises(BadQuery, match="at least a few words"):
        q.verify("Corbyn?")


def test_two_turns_of_dialogue_pasted_as_one_persons_words_are_altered(tmp_path):
    # Untagged replies: attribution need not know either speaker for a reader to see two people talking.
    story = ("The rain had not stopped since the morning, and the two of them sat on in the cold kitchen.\n\n"
             "“Well, you must think of something before the carrier comes back for the parcel.”\n\n"
             "“I have thought of something already, and you will not like it at all.”\n\n"
             "Nobody spoke again until the lamp was lit and the kettle had boiled.\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "kitchen.txt").write_text(story)
    q = Quoth.open(corpus=corpus, data_dir=tmp_path / "data")
    glued = q.verify_claim("Well, you must think of something before the carrier comes back for the parcel. "
                           "I have thought of something already, and you will not like it at all.")
    assert str(glued.verdict) == "altered"
    one = q.verify_claim("I have thought of something already, and you will not like it at all.")
    assert str(one.verdict) == "exact"
