"""Quote verification on the held-out claims (tests/data/verify/heldout) of four of its documents: old print (the
First Folio Macbeth, the 1520s Everyman), a PEP with three authors and an essay by one of them, and a chat log with
its "<nick>" marks. Modern spelling of old print is close, never altered; no changed or invented claim passes; the
words of several authors, or read out by another, are never passed as the claimed person's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import check_claims, claims_quoth

ROOT = Path(__file__).resolve().parents[2]
CLAIMS = ROOT / "tests" / "data" / "verify" / "heldout" / "claims.jsonl"
DOCS = ("labelled/play_macbeth_first_folio.txt", "labelled/play_tei_everyman.xml", "retrieval/pep_0572.rst",
        "labelled/chat_xchat_iip_dev_2003.txt")


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    return check_claims("heldout", DOCS, tmp_path_factory.mktemp("corpus"), tmp_path_factory.mktemp("data"))



def test_no_changed_or_invented_claim_is_passed_as_real(checked):
    assert len(checked) >= 90
    dangerous = [x.claim["text"] for x in checked if x.dangerous]
    assert dangerous == []


def test_modern_spelling_of_old_print_is_close(checked):
    respelt = [(c["text"], got) for c, got, _, _ in checked if c["class"] == "spelling" or
               (c["class"] == "glued" and "folio" in c["doc"])]
    # 4 of 6 over the whole held-out corpus (before spelling.py: 2, "fair is foul" and the glued "Stars, hide
    # your fires…" not found); "o' the milk of human kindness" stays not found: "humane" and "human" are two words.
    assert sum(got == "close" for _, got in respelt) >= 4, respelt
    assert not [t for t, got in respelt if got == "exact"]  # respelt words are never the very words


def test_words_of_several_authors_or_read_out_are_not_passed_as_the_claimed_persons(checked):
    passed = [c["text"] for c, _, mis, _ in checked if c["misattributed"] is True and mis is False]
    assert passed == []
    named = [(c, mis) for c, _, mis, _ in checked if c["claimed_speaker"] and c["misattributed"] is not True]
    assert sum(mis is True for _, mis in named) <= 0.02 * len(named)


def test_words_after_a_cut_word_are_their_speakers(checked):
    # "But 'tis strange: … The Instruments of Darknesse tell vs Truths" is Banquo's, not quoted by him: claimed
    # for Macbeth it is misattributed (6 of the 8 misattributions of these documents caught; 5 before round 5).
    assert sum(c["misattributed"] is True and mis is True for c, _, mis, _ in checked) >= 6


def test_words_in_the_speakers_own_voice_are_never_a_paraphrase(tmp_path):
    # Only a report ("Tim Peters wrote that…") may restate someone: an invented line in their own voice ("Tim
    # Peters: assignment expressions should be preferred over statements wherever they make code shorter", 0.77
    # with facts, polarity and person kept) is "not found" at any bar, here a very loose one.
    from quoth import Settings
    claims = [c for c in map(json.loads, CLAIMS.read_text().splitlines())
              if c["class"] == "invented" and any(c["doc"].endswith(d) for d in DOCS)]
    loose = claims_quoth(claims, tmp_path / "corpus", tmp_path / "data",
                         Settings().with_(verify={"paraphrase_sentence_min": 0.5}))
    got = {c["text"]: str(loose.verify(c["text"], c["claimed_speaker"])[0].verdict) for c in claims}
    assert len(got) >= 8 and "paraphrase" not in got.values(), got


def test_most_verdicts_are_right(checked):
    share = sum(x.right for x in checked) / len(checked)
    # 0.884 of these claims over the whole held-out corpus (benchmarks/verify.py), 0.842 before this round
    assert share >= 0.86, share
