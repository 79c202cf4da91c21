"""Index build cost on SciFact: full build time ÷ raw encode time of the same texts, and an incremental
update after changing one of the 5,183 documents.

    python benchmarks/build.py [--backend torch|onnx|onnx-int8]

Works on a private copy of the corpus in .data/bench-build (so one document can be changed).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

from quoth import Quoth, Settings

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--backend", default="onnx-int8")
    ap.add_argument("--work", default=str(ROOT / ".data" / "bench-build"))
    ap.add_argument("--beir", type=Path, default=ROOT.parent / "shared" / "beir" / "scifact",
                    help="the BEIR folder whose corpus.jsonl is built")
    args = ap.parse_args(argv)
    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    corpus = work / "corpus"
    corpus.mkdir(parents=True)
    src = args.beir / "corpus.jsonl"
    shutil.copy(src, corpus / "corpus.jsonl")
    q = Quoth(Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(work / "data")},
                               model={"backend": args.backend}))
    q.encoder.encode_passages(["warm up"])  # model load (and ONNX export) is not build work
    full = q.index(full=True)
    # The same texts, encoded alone, as the yardstick.
    _, texts = q.current().store.search_texts()
    t = time.perf_counter()
    q.encoder.encode_passages(texts)
    raw = time.perf_counter() - t
    lines = (corpus / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    changed = min(1234, len(lines) - 1)  # one document in the middle of SciFact's 5,183
    rec = json.loads(lines[changed])
    rec["text"] += " This sentence was added to test incremental updates."
    lines[changed] = json.dumps(rec)
    (corpus / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    inc = q.index()
    print(f"backend {args.backend}: {full.documents} documents, {full.passages} passages")
    print(f"  full build      {full.seconds:7.1f} s (encoding inside it {full.encode_seconds:.1f} s)")
    print(f"  raw encode      {raw:7.1f} s  → build / encode = {full.seconds / raw:.3f}")
    print(f"  1 doc changed   {inc.seconds:7.2f} s ({inc.changed} changed, {inc.embedded} passages embedded)"
          f" → {100 * inc.seconds / full.seconds:.2f} % of the full build")
    return 0


if __name__ == "__main__":
    sys.exit(main())
