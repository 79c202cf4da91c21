"""How sure *this* pronoun or turn-taking guess is, from what a reader weighs before trusting it.

A clue's measured precision (evidence.PRECISION) is an average over the books the sieve was developed on; on a
book nobody has read the same clue may be right far less often (round 8's held-out works: pronoun 0.70,
alternation 0.81). What may carry over is what a reader sees in the instance, which means the same in every
book. Each pronoun-tag and turn-taking decision records these features in its evidence (``quoth passages
--explain``):

- ``voiced``: whether the person named is someone who talks or acts: a tag names them outright somewhere in the
  document, they are the first-person narrator, or the narration of the last TAG_REACH paragraphs has them as a
  clause's subject ("Rolf Danner came in"); else a name in passing ("the verses of Tobias Grimble", "like Mr
  Pickwick");
- ``mentions``: how often the document names them (once or twice: few);
- ``rivals``: other people of their gender on stage (named in the narration, or surely speaking, in the last
  STAGE_PARAGRAPHS paragraphs);
- ``tag``: how many paragraphs back a tag last named them outright;
- and, recorded but not keyed on (they did not separate right from wrong on works a fit never saw): the chain of
  subjects before a pronoun tag, someone unnamed of the gender on stage, when they were last seen, the share of
  the document's tags that describe rather than name, the kind of exchange and its anchors.

The table below gives a cell (a combination of the features its clue keys on, KEYS: for a pronoun who is named,
how often, the rivals on stage, the last tag; for a turn who is named and the rivals on stage; chosen, like the
cells, on works the fit never saw) the precision measured on the annotated works
by benchmarks/calibrate_clues.py, which keeps a cell only where, each work read by a table fitted without it, the
cell withholds more wrong names than right ones. A decision's confidence becomes its cell's measured precision
where that is lower: calibration only ever withholds a name (a wrong name is worse than none). Apart from the
table, a turn the quotation's own "he"/"she" rules out (the first-person narrator's, someone of the other gender)
is CONTRADICTED.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from ...records import Clue, Evidence
from .evidence import Decision

STAGE_PARAGRAPHS = 6  # paragraphs back whose people are still on stage (a scene's stretch of talk)
TAG_REACH = 12  # paragraphs back within which the last tag naming the speaker is looked for
CALIBRATED = frozenset({Clue.PRONOUN, Clue.ALTERNATION})
CONTRADICTED = 0.5  # a guess its own tag's pronoun rules out (never right on the annotated works: 0 in 3)
# The features each clue's cells key on, chosen by benchmarks/calibrate_clues.py on works the fit never saw.
KEYS: dict[str, tuple[str, ...]] = {"pronoun": ("voiced", "mentions", "rivals", "tag"),
                                    "alternation": ("voiced", "rivals")}


class Chain(StrEnum):
    """Where the chain of subjects before a pronoun tag leads, against the person named."""

    AGREES = "chain agrees"
    OTHER = "chain leads elsewhere"
    NONE = "no chain"


@dataclass(frozen=True)
class Instance:
    """What a reader sees around one guess: the features its confidence is calibrated on."""

    clue: Clue
    rivals: int  # other people of the speaker's gender on stage
    chain: Chain
    tag_gap: int | None  # paragraphs since a tag named the speaker outright; None: not within TAG_REACH
    sure: bool  # the sieve's own confidence was at or above the bar
    voiced: bool  # a tag names the speaker outright somewhere in the document: someone who talks
    unnamed: bool  # someone of the speaker's gender the narration on stage speaks of without a name ("the man")
    last_seen: int | None  # paragraphs since the speaker was last named in the narration or surely spoke
    mentions: int  # how often the document names the speaker: once or twice is a name in passing
    described: float  # the share of the document's tags that describe their speaker ("said the man") than name
    exchange: str = ""  # turn-taking: "pair" (both people of it named by tags), "lone", "partner" or "local"
    anchored: str = ""  # turn-taking: "both" (tagged replies before and after) or "one" side
    tag_fits: bool = True  # the quotation's own "he"/"she" may stand for the speaker (not the narrator, "I")

    @property
    def features(self) -> dict[str, str]:
        """Every feature, bucketed: what the table may key on."""
        gap = "far" if self.tag_gap is None or self.tag_gap > 4 else "near" if self.tag_gap > 1 else "here"
        return {"rivals": str(min(self.rivals, 2)), "tag": gap, "chain": self.chain.name.lower(),
                "own": "sure" if self.sure else "doubted", "voiced": "yes" if self.voiced else "no",
                "unnamed": "yes" if self.unnamed else "no",
                "seen": "far" if self.last_seen is None or self.last_seen > 2 else "near",
                "mentions": "few" if self.mentions <= 2 else "some" if self.mentions < 10 else "many",
                "described": "high" if self.described >= 0.3 else "mid" if self.described >= 0.15 else "low",
                "exchange": self.exchange or "-", "anchored": self.anchored or "-",
                "fits": "yes" if self.tag_fits else "no"}

    @property
    def cell(self) -> str:
        """The instance's cell in the calibration table: its clue and the features the table keys on."""
        return cell_of(str(self.clue), self.features)

    def detail(self) -> str:
        gap = "no tag names them within reach" if self.tag_gap is None else \
            f"a tag named them {self.tag_gap} paragraphs back"
        every = "|".join(f"{k}={v}" for k, v in self.features.items())
        return (f"instance [{every}]: {self.rivals} other(s) of their gender on stage, {self.chain}, {gap}"
                + (", heard by name or seen acting" if self.voiced else ", never tagged by name nor seen acting")
                + ("" if self.tag_fits else ", though the quotation's own pronoun cannot stand for them"))


def cell_of(clue: str, features: dict[str, str]) -> str:
    return "|".join([clue, *(f"{k}={features[k]}" for k in KEYS.get(clue, ()))])


def calibrated(d: Decision, inst: Instance, table: dict[str, float] | None = None) -> Decision:
    """``d`` with the instance's features in its evidence and, where its cell was measured less sure than the
    decision's own confidence, that measured precision as its confidence."""
    table = TABLE if table is None else table
    measured = table.get(inst.cell)
    confidence = d.confidence if measured is None else min(d.confidence, measured)
    if not inst.tag_fits:  # "'Is the door locked?' he asked" is no turn of the narrator's, whose tag is "I"
        confidence = min(confidence, CONTRADICTED)
    note = f"{inst.detail()}; calibrated {confidence:.2f}" + (f" (was {d.confidence:.2f})"
                                                             if confidence < d.confidence else "")
    return replace(d, confidence=round(confidence, 3), evidence=(*d.evidence, Evidence(inst.clue, note)))


# The measured precision of each cell kept (benchmarks/calibrate_clues.py --write regenerates it; "right of": of the
# guesses above the bar in it, on all the annotated works): calibration never raises a decision.
# BEGIN TABLE
TABLE: dict[str, float] = {
    "pronoun|voiced=no|mentions=few|rivals=0|tag=far": 0.486,  # 3 right of 9
    "alternation|voiced=no|rivals=2": 0.523,  # 4 right of 10
}
# END TABLE
