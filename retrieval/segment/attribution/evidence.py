"""How sure each kind of clue is, and the decision that records why a speaker was named or refused.

Each clue's precision was measured on the annotated sets in tests/data/attribution (benchmarks/attribution.py
prints it per clue): a decision's confidence starts from its clue's precision and is lowered where the clue
was weak in this instance (two people it could stand for, a tag far from the quotation). Under the bar
(``[segment] speaker_threshold``) nobody is named: a wrong name is worse than none.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...records import Clue, Evidence

# Measured precision of each clue on the annotated sets (fiction and labelled documents), rounded down.
PRECISION: dict[Clue, float] = {
    Clue.MANIFEST: 0.99,
    Clue.TURN_LABEL: 0.97,
    Clue.THREAD: 0.95,
    Clue.BYLINE: 0.9,
    Clue.SPEECH_TAG: 0.95,
    Clue.NARRATION: 0.8,
    Clue.PRONOUN: 0.85,
    Clue.PARAGRAPH: 0.92,
    Clue.CONTINUATION: 0.93,
    Clue.ALTERNATION: 0.9,
    Clue.VOCATIVE: 0.8,
    Clue.ACCORDING: 0.85,
    Clue.STATEMENT: 0.9,
    Clue.SIGNATURE: 0.95,
    Clue.INTRODUCTION: 0.9,  # not measured apart yet: 1 in 1, and the exchange it anchors 9 in 9
    Clue.SAME_SPEAKER: 0.8,
    Clue.ABSTAINED: 0.0,
}


@dataclass(frozen=True)
class Decision:
    """Who speaks, how sure, and why. ``speaker`` None with evidence: a guess was refused or nothing was found."""

    speaker: str | None
    confidence: float = 0.0
    evidence: tuple[Evidence, ...] = ()

    @classmethod
    def of(cls, speaker: str, clue: Clue, detail: str, weight: float = 1.0) -> Decision:
        return cls(speaker, round(PRECISION[clue] * weight, 3), (Evidence(clue, detail),))

    def settled(self, bar: float) -> Decision:
        """The decision as shown: under the bar, nobody, with the refused guess kept as evidence."""
        if self.speaker is None or self.confidence >= bar:
            return self
        note = Evidence(Clue.ABSTAINED, f"best guess {self.speaker!r} at {self.confidence:.2f}, under the bar "
                                        f"{bar:.2f}")
        return Decision(None, self.confidence, (*self.evidence, note))


NOBODY = Decision(None)
