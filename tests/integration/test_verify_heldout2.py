"""Quote verification on the second held-out claims (tests/data/verify/heldout2) of four of its documents: a novel
in single quotation marks whose speech tags interrupt the quotations (A Christmas Carol), a congressional record,
a screenplay with a spelled-out voice ("Rllly? Fer real?!") and a press release whose quotations are credited after
a dash. A speech tag left out is no change; a common word typed or spoken otherwise is close; no changed or
invented claim passes; nobody is falsely accused."""

from __future__ import annotations

import pytest

from tests.helpers import check_claims

DOCS = ("fiction/christmas_carol.txt", "labelled/record_crec_senate_2005_07_20.htm",
        "labelled/screenplay_cyber_bob_ep1.txt", "news/doj_chuckie_taylor.txt")


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    return check_claims("heldout2", DOCS, tmp_path_factory.mktemp("corpus"), tmp_path_factory.mktemp("data"))



def test_no_changed_or_invented_claim_is_passed_as_real(checked):
    assert len(checked) >= 120
    dangerous = [x.claim["text"] for x in checked if x.dangerous]
    assert dangerous == []


def test_a_speech_tag_left_out_of_a_quotation_is_no_change(checked):
    # Christmas Carol's tags sit between single marks ("…die,' said Scrooge, 'they…"): before this round three
    # such claims were altered or close.
    tagged = [(c["text"], got) for c, got, _, _ in checked
              if "christmas" in c["doc"] and c["expect"] == "exact" and c["source"] and "' " in c["source"]]
    assert tagged and all(got == "exact" for _, got in tagged), tagged


def test_nobody_is_falsely_accused(checked):
    named = [(c, mis) for c, _, mis, _ in checked if c["claimed_speaker"] and c["misattributed"] is not True]
    assert sum(mis is True for _, mis in named) <= 0.02 * len(named)
    assert not [c["text"] for c, _, mis, _ in checked if c["misattributed"] is True and mis is False]


def test_a_novel_quoting_in_single_marks_credits_its_dialogue(checked):
    # Single marks are the novel's own quotation marks, not a quotation within one: words credited by a speech
    # tag are that speaker's (11 of 32 true quotes confirmed before this round, the others "can't tell").
    true = [mis for c, got, mis, _ in checked
            if "christmas" in c["doc"] and c["misattributed"] is False and got != "not_found"]
    assert sum(mis is False for mis in true) >= 17, true


def test_most_verdicts_are_right(checked):
    share = sum(x.right for x in checked) / len(checked)
    # 107 of these 127 claims on the round's start code (benchmarks/verify.py over the whole set), 115 (0.906)
    # after verification round 5, here as over the whole set
    assert share >= 0.89, share


def test_misattributions_of_these_documents_are_caught(checked):
    # 8 of 11 after round 5; "can't tell" for the rest: words the claimed person reads out (Levin reading the
    # Chairman's testimony), a claimed name the index does not know ("Scrooge's nephew"), two names sharing a
    # first word (Cyber Bob, Cyber Boss: a married name may explain that).
    assert sum(c["misattributed"] is True and mis is True for c, _, mis, _ in checked) >= 8
