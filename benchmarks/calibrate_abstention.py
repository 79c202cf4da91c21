"""Calibrate the abstention gate: which (min_relevance, min_coverage, lexical_floor) admits answers
and rejects questions the corpus cannot answer.

    python benchmarks/calibrate_abstention.py

Positives: SciFact train claims and the passages of their relevant abstracts (the best one must pass).
Negatives: the same claims and benchmarks/data/offtopic_questions.txt against the bundled sample corpus,
and the off-topic questions against SciFact (every passage must fail). Prints the admitted / rejected
rates for a grid of gates and the best gate keeping at least 97% of the positives.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import numpy as np

from quoth import Quoth, Settings
from quoth.evaluate import load_beir
from quoth.search.searcher import FALLBACK_GATE

ROOT = Path(__file__).resolve().parents[1]


def features(app: Quoth, query: str, rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    idx = app.current()
    q = app.encoder.encode_queries([query])[0]
    if rows is None:
        rows = np.arange(len(idx))
    return idx.similarities(q, rows), idx.coverage(idx.query_words(query), rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--beir", type=Path, default=ROOT.parent / "shared" / "beir" / "scifact",
                    help="the BEIR folder of the answerable claims (its train split)")
    ap.add_argument("--data", type=Path, default=ROOT / ".data" / "bench", help="the data directory of the indexes")
    args = ap.parse_args(argv)
    beir = args.beir
    settings = Settings().with_(data={"dir": str(args.data)})
    train = load_beir(beir, "train")
    sci = Quoth.for_beir(train, settings)
    sample = Quoth(settings, encoder=sci.encoder)
    for app in (sci, sample):
        app.ensure_index(show_progress=True)
    idx = sci.current()
    rows_of_doc: dict[str, list[int]] = {}
    for row, (p, _) in enumerate(idx.passages(np.arange(len(idx)))):
        rows_of_doc.setdefault(p.doc_path.split("#", 1)[1], []).append(row)
    queries, qrels = train.queries, train.qrels
    lines = (ROOT / "benchmarks" / "data" / "offtopic_questions.txt").read_text(encoding="utf-8").splitlines()
    offtopic = [q.strip() for q in lines if q.strip()]

    pos = []  # (sim, cov) of the best relevant passage per claim
    for qid, q in queries.items():
        rows = np.array([r for d in qrels[qid] for r in rows_of_doc.get(d, [])])
        if not len(rows):
            continue
        s, c = features(sci, q, rows)
        pos.append((s, c))
    neg = []  # all passages' (sim, cov) per unanswerable question
    for q in list(queries.values())[:300] + offtopic:
        neg.append(features(sample, q))
    for q in offtopic:
        neg.append(features(sci, q))

    def rates(min_rel, min_cov, floor):
        gate = lambda s, c: (s >= min_rel) | ((c >= min_cov) & (s >= floor))  # noqa: E731
        admitted = np.mean([gate(s, c).any() for s, c in pos])
        rejected = np.mean([not gate(s, c).any() for s, c in neg])
        return admitted, rejected

    print(f"{len(pos)} answerable claims, {len(neg)} unanswerable questions")
    best = None
    for min_rel, min_cov, floor in itertools.product(
            np.arange(0.20, 0.46, 0.02), [0.4, 0.5, 0.6, 0.7, 0.8, 1.01], [0.05, 0.10, 0.15, 0.20]):
        a, r = rates(min_rel, min_cov, floor)
        if a >= 0.97 and (best is None or r > best[0][1] or (r == best[0][1] and a > best[0][0])):
            best = ((a, r), (round(float(min_rel), 2), min_cov, floor))
    for min_rel in (0.25, 0.28, 0.30, 0.32, 0.35):
        a, r = rates(min_rel, 1.01, 1.0)
        print(f"dense only  min_relevance={min_rel:.2f}: admits {a:.3f} of answerable, rejects {r:.3f} of unanswerable")
    a, r = rates(*FALLBACK_GATE)
    print(f"current default gate {FALLBACK_GATE}: admits {a:.3f}, rejects {r:.3f}")
    if best is None:
        print("no gate of the grid admits 97 % of the answerable claims")
        return 0
    (a, r), gate = best
    print(f"best gate (min_relevance, min_coverage, lexical_floor) = {gate}: admits {a:.3f}, rejects {r:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
