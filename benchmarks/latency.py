"""Warm query latency, one question at a time as the bot asks: embed + hybrid search + fetch passages.

    python benchmarks/latency.py [--index sample|scifact] [--queries 300]

Prints p50 / p99 / mean in milliseconds, and question embedding alone. The SciFact index is the one
`QUOTH_DATA_DIR=.data/bench quoth eval --beir ../shared/beir/scifact` builds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from quoth import Quoth, Settings
from quoth.evaluate import load_beir

ROOT = Path(__file__).resolve().parents[1]


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", choices=["sample", "scifact"], default="scifact")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--k", type=int, default=3)
    ap.add_argument("--beir", type=Path, default=ROOT.parent / "shared" / "beir" / "scifact",
                    help="the BEIR folder of the questions (and of --index scifact)")
    ap.add_argument("--data", type=Path, default=ROOT / ".data" / "bench", help="the data directory of the indexes")
    args = ap.parse_args(argv)
    beir = args.beir
    settings = Settings().with_(data={"dir": str(args.data)})
    app = Quoth.for_beir(load_beir(beir, "test"), settings) if args.index == "scifact" else Quoth(settings)
    app.ensure_index()
    splits = [s for s in ("test", "train") if (beir / "qrels" / f"{s}.tsv").is_file()]
    queries = [q for s in splits for q in load_beir(beir, s).queries.values()][: args.queries]
    s = app.searcher
    for q in queries[:20]:  # warm up: model, caches, first-touch of memory maps
        s.search(q)
    total, embed = [], []
    for q in queries:
        t = time.perf_counter()
        s.search(q, k=args.k)
        total.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        app.encoder.encode_queries([q])
        embed.append((time.perf_counter() - t) * 1000)
    n = len(app.current())
    print(f"{args.index}: {n} passages, {len(queries)} queries, one at a time")
    print(f"  end to end  p50 {pct(total, 50):.1f} ms  p99 {pct(total, 99):.1f} ms"
          f"  mean {statistics.mean(total):.1f} ms")
    print(f"  embedding   p50 {pct(embed, 50):.1f} ms  p99 {pct(embed, 99):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
