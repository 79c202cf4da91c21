"""Warm query latency, one question at a time as the bot asks: embed + hybrid search + fetch passages.

    python benchmarks/latency.py [--index sample|scifact] [--queries 300]

Prints p50 / p99 / mean in milliseconds, and the parts (question embedding alone, search alone).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scifact import ROOT, load_beir, runtime_for

from bot.config import Config
from bot.runtime import Runtime


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", choices=["sample", "scifact"], default="scifact")
    ap.add_argument("--queries", type=int, default=300)
    args = ap.parse_args()
    beir = ROOT.parent / "shared" / "beir" / "scifact"
    data = ROOT / ".data" / "bench"
    if args.index == "scifact":
        rt = runtime_for(beir, data)
    else:
        rt = Runtime(Config.model_validate({"data": {"dir": str(data)}}))
    rt.ensure_index()
    queries = list(load_beir(beir, "test")[0].values()) + list(load_beir(beir, "train")[0].values())
    queries = queries[: args.queries]
    s = rt.searcher
    for q in queries[:20]:  # warm up: model, caches, first-touch of memory maps
        s.search(q)
    total, embed = [], []
    for q in queries:
        t = time.perf_counter()
        s.search(q, k=3)
        total.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        rt.encoder.encode_queries([q])
        embed.append((time.perf_counter() - t) * 1000)
    n = len(rt.live.current())
    print(f"{args.index}: {n} passages, {len(queries)} queries, one at a time")
    print(f"  end to end  p50 {pct(total, 50):.1f} ms  p99 {pct(total, 99):.1f} ms"
          f"  mean {statistics.mean(total):.1f} ms")
    print(f"  embedding   p50 {pct(embed, 50):.1f} ms  p99 {pct(embed, 99):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
