"""How sure one pronoun or turn-taking guess is, from what a reader sees around it (confidence.py), and the
table that calibrates it (benchmarks/calibrate_clues.py). Passages written for these tests."""

from quoth.records import Clue
from quoth.segment.attribution.confidence import TABLE, Chain, Instance, calibrated
from quoth.segment.attribution.evidence import Decision
from tests.helpers import read_story, speaker_at

# Dialogue enough that the sieve reads the text as fiction (replies paragraph after paragraph).
TALK = ["“Fine enough,” I answered.", "“Cold, though.”", "“Cold enough.”", "“Going far?”", "“To the town.”"]


def _instance(**kw) -> Instance:
    base = dict(clue=Clue.PRONOUN, rivals=0, chain=Chain.NONE, tag_gap=None, sure=True, voiced=True, unnamed=False,
                last_seen=0, mentions=12, described=0.1)
    return Instance(**{**base, **kw})


def test_a_cell_measured_less_sure_lowers_the_decision_and_its_features_are_in_the_evidence():
    inst = _instance(voiced=False, mentions=1)
    d = calibrated(Decision.of("Tom Bell", Clue.PRONOUN, '"said he": Tom Bell'), inst, {inst.cell: 0.5})
    assert d.speaker == "Tom Bell" and d.confidence == 0.5
    assert "never tagged by name nor seen acting" in d.evidence[-1].detail and "was 0.85" in d.evidence[-1].detail
    assert d.evidence[0].detail == '"said he": Tom Bell'  # the clue's own reason stays first


def test_calibration_never_raises_a_decision_and_an_unmeasured_cell_leaves_it():
    inst = _instance()
    doubted = Decision.of("Tom Bell", Clue.PRONOUN, "…", 0.6)
    assert calibrated(doubted, inst, {inst.cell: 0.99}).confidence == doubted.confidence
    assert calibrated(doubted, inst, {}).confidence == doubted.confidence
    assert len(calibrated(doubted, inst, {}).evidence) == 2  # the instance is recorded all the same


def test_features_are_bucketed_so_that_they_mean_the_same_in_every_book():
    assert _instance(rivals=5).features["rivals"] == "2"
    assert _instance(tag_gap=None).features["tag"] == "far" and _instance(tag_gap=0).features["tag"] == "here"
    assert _instance(tag_gap=3).features["tag"] == "near" and _instance(tag_gap=7).features["tag"] == "far"
    assert _instance(mentions=2).features["mentions"] == "few" and _instance(mentions=40).features["mentions"] == "many"
    assert _instance(clue=Clue.ALTERNATION).cell.startswith("alternation|")


def test_he_said_of_a_name_in_passing_never_heard_to_speak_is_withheld():
    """The only man the narration names is a poet the narrator thinks of: "he said" may be anyone met on the road.
    The same words after that man was met and heard speak are his."""
    passing = ["I walked along the cliff in the cold, thinking of the verses of Mr. Tobias Grimble, which we had "
               "learnt at school. At the bend of the road the ferry lay under the rocks, and the tide was out.",
               "“Fine morning for it,” he said.", *TALK]
    text, _, units = read_story(passing)
    assert speaker_at(text, units, "Fine morning") is None
    u = next(u for u in units if "Fine morning" in text[u.start:u.end])
    assert u.speaker == "Tobias Grimble" and any("instance [" in e.detail for e in u.evidence)  # the guess is kept
    met = ["Mr. Tobias Grimble came down the cliff road in the cold.", "“Morning,” said Mr. Grimble.",
           "“Morning,” said I.", "At the bend of the road the ferry lay under the rocks, and the tide was out.",
           "“Fine morning for it,” he said.", *TALK]
    text, _, units = read_story(met)
    assert speaker_at(text, units, "Fine morning") == "Tobias Grimble"


def test_the_table_holds_only_cells_measured_under_the_clues_target():
    assert TABLE and all(0.0 < v < 0.9 for v in TABLE.values())
    assert all(k.split("|")[0] in ("pronoun", "alternation") for k in TABLE)


def test_a_guess_its_own_pronoun_rules_out_is_withheld_whatever_its_cell():
    """"'Is the door locked?' he asked" is no turn of a first-person narrator's, however the turns fall."""
    from quoth.segment.attribution.confidence import CONTRADICTED
    inst = _instance(clue=Clue.ALTERNATION, tag_fits=False, exchange="lone")
    d = calibrated(Decision.of("Ann Lee", Clue.ALTERNATION, "turn-taking"), inst, {})
    assert d.confidence == CONTRADICTED < 0.7 and "cannot stand for them" in d.evidence[-1].detail
    assert calibrated(Decision.of("Ann Lee", Clue.ALTERNATION, "turn-taking"), _instance(), {}).confidence == 0.9
