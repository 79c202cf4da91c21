"""Encoder backends on this machine: passages per second on SciFact abstracts, and agreement with torch.

    python benchmarks/encoders.py [--passages 600] [--backends torch,onnx,onnx-int8] [--batch-size N]

Texts are the searchable texts of SciFact passages as Quoth indexes them (title + up to 256 word pieces).
For nDCG@10 per backend run `quoth eval --beir ../shared/beir/scifact` with `model.backend` set.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

from quoth.embeddings import Encoder, ModelSettings, token_counter
from quoth.ingest import content_hash
from quoth.records import Document, SourceInfo
from quoth.segment import Segmenter

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def scifact_texts(n: int, beir: Path = ROOT.parent / "shared" / "beir" / "scifact") -> list[str]:
    path = beir / "corpus.jsonl"
    segment = Segmenter(max_tokens=256, count_tokens=token_counter("default"))
    texts: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        doc = Document(SourceInfo(path=rec["_id"], title=rec["title"]), rec["text"], content_hash(rec["text"]))
        texts += [p.search_text for p in segment(doc).passages]
        if len(texts) >= n:
            break
    return texts[:n]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--passages", type=int, default=600)
    ap.add_argument("--backends", default="torch,onnx,onnx-int8")
    ap.add_argument("--beir", type=Path, default=ROOT.parent / "shared" / "beir" / "scifact",
                    help="the BEIR folder whose passages are encoded")
    ap.add_argument("--cache", default=str(ROOT / ".data" / "bench" / "models"))
    ap.add_argument("--batch-size", type=int, default=0,
                    help="for torch and onnx (0: Quoth's default); onnx-int8 always encodes one")
    args = ap.parse_args(argv)
    texts = scifact_texts(args.passages, args.beir)
    queries = [t.split("\n", 1)[0] for t in texts[:200]]
    print(f"{len(texts)} SciFact passages, {os.cpu_count()} CPU cores")
    ref = None
    for backend in args.backends.split(","):
        enc = Encoder(ModelSettings(backend=backend, batch_size=args.batch_size), Path(args.cache))
        enc.encode_passages(texts[:64])  # load, export if needed, warm up
        t = time.perf_counter()
        vecs = enc.encode_passages(texts)
        rate = len(texts) / (time.perf_counter() - t)
        lat = []
        for q in queries:
            t = time.perf_counter()
            enc.encode_queries([q])
            lat.append((time.perf_counter() - t) * 1000)
        agree = "" if ref is None else f"  mean cosine to torch {float(np.mean(np.sum(vecs * ref, axis=1))):.4f}"
        ref = vecs if ref is None else ref
        print(f"{backend:10s} {rate:6.1f} passages/s   one query p50 {np.percentile(lat, 50):.1f} ms{agree}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
