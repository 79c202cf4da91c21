"""Measure retrieval: BEIR datasets (nDCG@10, recall@100, MRR@10 via ir-measures) and question sets
over a corpus (hit@1, hit@3, speaker attribution, abstention).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .search import Searcher

BEIR_MEASURES = ("nDCG@10", "R@100", "RR@10")
MEASURE_KEYS = {"nDCG@10": "ndcg@10", "R@100": "recall@100", "RR@10": "mrr@10"}


class EvalError(ValueError):
    """The dataset or question file cannot be used; the message says why."""


@dataclass(frozen=True)
class BeirData:
    name: str
    corpus_file: Path
    queries: dict[str, str]  # only the queries judged in the split
    qrels: dict[str, dict[str, int]]


def load_beir(folder: Path, split: str = "test") -> BeirData:
    folder = folder.expanduser()
    corpus, queries_file = folder / "corpus.jsonl", folder / "queries.jsonl"
    qrels_file = folder / "qrels" / f"{split}.tsv"
    for f in (corpus, queries_file, qrels_file):
        if not f.is_file():
            raise EvalError(f"{folder} is not a BEIR folder: {f.relative_to(folder)} is missing")
    qrels: dict[str, dict[str, int]] = {}
    for i, line in enumerate(qrels_file.read_text(encoding="utf-8").splitlines()):
        cols = line.split("\t")
        if i == 0 and not cols[-1].strip().lstrip("-").isdigit():
            continue  # header
        if len(cols) < 3:
            continue
        qrels.setdefault(cols[0], {})[cols[1]] = int(cols[2])
    queries = {}
    for line in queries_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            q = json.loads(line)
            if str(q["_id"]) in qrels:
                queries[str(q["_id"])] = q["text"]
    if not queries:
        raise EvalError(f"no query of {queries_file.name} has judgments in qrels/{split}.tsv")
    return BeirData(folder.resolve().name, corpus, queries, {q: qrels[q] for q in queries})


def beir_corpus_folder(data: BeirData, root: Path) -> Path:
    """A folder holding only the corpus file (a BEIR folder also holds queries), kept under ``root``."""
    digest = hashlib.sha256(str(data.corpus_file.resolve()).encode()).hexdigest()[:10]
    folder = root / f"{re.sub(r'[^A-Za-z0-9]+', '-', data.name)}-{digest}" / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / "corpus.jsonl"
    if not link.exists():
        link.symlink_to(data.corpus_file.resolve())
    return folder


def doc_id(passage_doc_path: str) -> str:
    """The BEIR document id of a passage: its path is ``corpus.jsonl#<id>``."""
    return passage_doc_path.split("#", 1)[1] if "#" in passage_doc_path else passage_doc_path


def beir_run(searcher: Searcher, queries: dict[str, str], mode: str, depth: int = 100,
             progress: Callable[[int], None] | None = None) -> dict[str, dict[str, float]]:
    """Document rankings: each document scored by its best passage."""
    idx = searcher.current()
    found = idx.store.get(idx.ids.tolist())
    doc_of = {pid: doc_id(p.doc_path) for pid, (p, _) in found.items()}
    run: dict[str, dict[str, float]] = {}
    for i, (qid, text) in enumerate(queries.items(), 1):
        docs: dict[str, float] = {}
        for pid, score in searcher.rank(text, mode, depth * 3):
            d = doc_of[pid]
            if d not in docs:
                docs[d] = float(score)
            if len(docs) >= depth:
                break
        # Rank order must survive ties and score scales: give strictly decreasing scores.
        run[qid] = {d: float(len(docs) - r) for r, d in enumerate(docs)}
        if progress:
            progress(i)
    return run


def beir_metrics(qrels: dict[str, dict[str, int]], run: dict[str, dict[str, float]]) -> dict[str, float]:
    import ir_measures

    measures = [ir_measures.parse_measure(m) for m in BEIR_MEASURES]
    agg = ir_measures.calc_aggregate(measures, qrels, run)
    return {MEASURE_KEYS[str(m)]: round(float(v), 4) for m, v in agg.items()}


# --- question sets ---------------------------------------------------------------------------------------
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
        spk = _norm(hits[pos].passage.speaker or "")
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
