"""SciFact (BEIR layout): nDCG@10 for dense only, BM25 only and the hybrid, through Quoth's own index.

    python benchmarks/scifact.py [--split test|train] [--beir ../shared/beir/scifact]

The index is built once in .data/bench (cached by corpus and model). A document's score is its best
passage's score. nDCG@10 is computed with the standard formula (binary or graded gains from qrels).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bot.config import Config  # noqa: E402
from bot.runtime import Runtime  # noqa: E402


def load_beir(beir: Path, split: str):
    queries = {}
    for line in (beir / "queries.jsonl").read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        queries[str(q["_id"])] = q["text"]
    qrels: dict[str, dict[str, int]] = defaultdict(dict)
    with open(beir / "qrels" / f"{split}.tsv", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            qid, did, score = line.rstrip("\n").split("\t")
            qrels[qid][did] = int(score)
    return {q: queries[q] for q in qrels}, dict(qrels)


def corpus_folder(beir: Path, data: Path) -> Path:
    """A folder holding only the corpus (the BEIR folder also has queries.jsonl)."""
    folder = data / f"corpus-{beir.name}"
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / "corpus.jsonl"
    if not link.exists():
        link.symlink_to((beir / "corpus.jsonl").resolve())
    return folder


def ndcg_at(ranked: list[str], rel: dict[str, int], k: int = 10) -> float:
    dcg = sum((2 ** rel.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    ideal = sorted(rel.values(), reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def doc_ranking(pairs: list[tuple[int, float]], doc_of: dict[int, str]) -> list[str]:
    best: dict[str, float] = {}
    for pid, score in pairs:
        d = doc_of[pid]
        if d not in best:
            best[d] = score
    return sorted(best, key=lambda d: -best[d])


def runtime_for(beir: Path, data: Path, **search) -> Runtime:
    cfg = Config.model_validate({"corpus": {"path": str(corpus_folder(beir, data))}, "data": {"dir": str(data)},
                                 "search": search})
    return Runtime(cfg)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--beir", default=str(ROOT.parent / "shared" / "beir" / "scifact"))
    ap.add_argument("--split", default="test")
    ap.add_argument("--data", default=str(ROOT / ".data" / "bench"))
    ap.add_argument("--modes", default="dense,bm25,hybrid")
    ap.add_argument("--fusion", default=None, help="rrf or linear (default: the config default)")
    ap.add_argument("--dense-weight", type=float, default=None)
    args = ap.parse_args()
    beir, data = Path(args.beir), Path(args.data)
    search = {k: v for k, v in (("fusion", args.fusion), ("dense_weight", args.dense_weight)) if v is not None}
    rt = runtime_for(beir, data, **search)
    t = time.perf_counter()
    report = rt.build(show_progress=True)  # incremental: a no-op when nothing changed
    print(f"index: {report.summary()} ({time.perf_counter() - t:.1f} s)", file=sys.stderr)
    idx = rt.live.current()
    doc_of = {}
    for pid, (p, _) in idx.store.get(idx.ids.tolist()).items():
        doc_of[pid] = p.doc_path.split("#", 1)[1]
    queries, qrels = load_beir(beir, args.split)
    for mode in args.modes.split(","):
        t = time.perf_counter()
        scores = [ndcg_at(doc_ranking(rt.searcher.rank(q, mode, 200), doc_of), qrels[qid])
                  for qid, q in queries.items()]
        ms = (time.perf_counter() - t) / len(queries) * 1000
        print(f"{mode:8s} nDCG@10 {sum(scores) / len(scores):.4f}  ({len(queries)} queries, {ms:.1f} ms/query)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
