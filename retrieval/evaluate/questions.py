"""Measure answers on a question set over a corpus: hit@1, hit@3, speaker attribution and abstention."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvalError
from ..search import Searcher


def _norm(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(s.split()).lower()


@dataclass
class QuestionScores:
    answerable: int = 0
    hit1: int = 0
    hit3: int = 0
    speaker_checked: int = 0
    speaker_ok: int = 0
    abstain_expected: int = 0
    abstained_ok: int = 0
    false_abstentions: int = 0
    failures: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        return {
            "questions": self.answerable + self.abstain_expected,
            "hit@1": round(self.hit1 / self.answerable, 4) if self.answerable else None,
            "hit@3": round(self.hit3 / self.answerable, 4) if self.answerable else None,
            "speaker": round(self.speaker_ok / self.speaker_checked, 4) if self.speaker_checked else None,
            "abstain": f"{self.abstained_ok}/{self.abstain_expected}",
            "false_abstentions": self.false_abstentions,
        }


def load_questions(path: Path) -> list[dict]:
    out = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"cannot read {path}: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{path}:{n}: not JSON: {exc}") from exc
        if not isinstance(q, dict) or not isinstance(q.get("q"), str):
            raise EvalError(f"{path}:{n}: each line needs a string field 'q'")
        out.append(q)
    return out


def score_questions(searcher: Searcher, questions: Iterable[dict], k: int = 3) -> QuestionScores:
    """The dev-question rules: a hit is a returned passage containing any gold phrase."""
    s = QuestionScores()
    for q in questions:
        qid = q.get("id", q["q"][:40])
        hits = searcher.search(q["q"], k=k).hits
        if q.get("abstain"):
            s.abstain_expected += 1
            s.abstained_ok += not hits
            if hits:
                s.failures.append(f"{qid}: answered, expected no answer")
            continue
        if "gold" not in q:
            continue
        s.answerable += 1
        if not hits:
            s.false_abstentions += 1
            s.failures.append(f"{qid}: abstained")
            continue
        golds = [_norm(g) for g in q["gold"]]
        pos = next((i for i, h in enumerate(hits[:3]) if any(g in _norm(h.passage.text) for g in golds)), None)
        s.hit1 += pos == 0
        s.hit3 += pos is not None
        if pos is None:
            s.failures.append(f"{qid}: no gold phrase in the top {min(k, 3)}")
            continue
        found = hits[pos].passage
        # the person, and the name the document wrote: a gold "Clinton" is Hillary Rodham Clinton's "Clinton"
        spk = _norm(" / ".join(n for n in (found.speaker, found.speaker_as_written) if n))
        if "speaker" in q:
            s.speaker_checked += 1
            ok = any(_norm(x) in spk for x in q["speaker"])
            s.speaker_ok += ok
            if not ok:
                s.failures.append(f"{qid}: speaker {spk!r}, expected {q['speaker']}")
        elif "speaker_not" in q:
            s.speaker_checked += 1
            ok = bool(spk) and not any(_norm(x) in spk for x in q["speaker_not"])
            s.speaker_ok += ok
            if not ok:
                s.failures.append(f"{qid}: speaker {spk!r} must not be {q['speaker_not']}")
    return s
