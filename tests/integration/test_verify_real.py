"""Quote verification on claims a person wrote over real documents (tests/data/verify/real), over a corpus of
five of its smaller documents: the floors of issue 22 that the whole set is measured against in
benchmarks/verify.py. No changed or invented claim is passed as real, close or a paraphrase; true quotes are not
accused of misattribution; most verdicts are right."""

from __future__ import annotations

import pytest

from tests.helpers import check_claims, claims_quoth

DOCS = ("retrieval/pep_0020.rst", "news/wikinews_nasa_shuttles.txt", "news/wikinews_uk_asylum_questionnaire.txt",
        "labelled/briefing_wh_psaki_gaggle_2022_02_03.txt", "labelled/irc_monero_research_2018_03_12.txt")



@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    return check_claims("real", DOCS, tmp_path_factory.mktemp("corpus"), tmp_path_factory.mktemp("data"))



def test_the_claims_cover_the_five_documents(checked):
    assert len({c["doc"] for c, _, _, _ in checked}) == len(DOCS) and len(checked) >= 120


def test_no_changed_or_invented_claim_is_passed_as_real(checked):
    dangerous = [x.claim["text"] for x in checked if x.dangerous]
    assert dangerous == []


def test_true_quotes_are_not_accused_and_misattributions_are_not_passed(checked):
    named = [(c, mis) for c, _, mis, _ in checked if c["claimed_speaker"] and c["misattributed"] is not True]
    accused = [c["text"] for c, mis in named if mis is True]
    assert len(accused) <= 0.02 * len(named), accused
    passed = [c["text"] for c, _, mis, _ in checked if c["misattributed"] is True and mis is False]
    assert passed == []


def test_most_verdicts_are_right(checked):
    share = sum(x.right for x in checked) / len(checked)
    # 0.943 here, 0.948 over the whole set's corpus (benchmarks/verify.py): the paraphrase bar sits above every
    # invented claim of both claim sets, and so finds few paraphrases (0.95 at a bar fitted to this set alone)
    assert share >= 0.93


def test_paraphrases_of_the_named_speaker_are_found_under_a_looser_bar(checked, tmp_path):
    # Issue 22 §2: the sentence that says the same, its facts, polarity and speaker kept (verify/paraphrase.py).
    # The shipped bar (0.84) sits above every invented claim of the claim sets, rewritten as reports too, so it
    # finds few paraphrases; at the bar first calibrated on the development set alone (0.66) the mechanism finds
    # them, each quoting a sentence.
    from quoth import Settings
    claims = [c for c, _, _, _ in checked if c["expect"] == "paraphrase"]
    loose = claims_quoth(claims, tmp_path / "corpus", tmp_path / "data",
                         Settings().with_(verify={"paraphrase_sentence_min": 0.66}))
    found = [v for c in claims if str((v := loose.verify(c["text"], c["claimed_speaker"])[0]).verdict) == "paraphrase"]
    assert len(found) >= 2
    assert all(v.quote and len(v.quote) < len(v.claim) * 4 for v in found)  # the sentence, not a whole passage


def test_unsure_answers_say_so(checked):
    verdicts = [v for _, _, _, v in checked if v is not None]
    unsure = [v for v in verdicts if v.claimed_speaker and v.misattributed is None and str(v.verdict) != "not_found"]
    assert unsure and all("Can't tell who said it" in v.explain() for v in unsure)
    closest = [v for v in verdicts if str(v.verdict) == "not_found" and v.quote is not None]
    assert closest and all(v.closest and v.speaker is None and "not a match" in v.explain() for v in closest)
