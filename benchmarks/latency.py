"""Warm query latency, one question at a time as the bot asks: embed + hybrid search + fetch passages.

    python benchmarks/latency.py [--index sample|scifact] [--queries 300] [--beir DIR]

Prints p50 / p99 / mean in milliseconds, and question embedding alone; then what checking each shown passage
against its digest costs (store.Store._check): the same questions searched with the check and with it off, in
alternation, and the digest alone per passage. The SciFact index is the one
`QUOTH_DATA_DIR=.data/bench quoth eval --beir ../shared/beir/scifact` builds.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import time
from pathlib import Path

import numpy as np

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
    # The check costs per passage read, and a SciFact question of the sample index reads few: ask the sample
    # corpus's own words too (each passage's first ten), which always reach passages.
    digest_cost(app, queries, args.k, "its questions")
    own = [" ".join(p.text.split()[:10]) for p, _ in app.current().passages(np.arange(len(app.current())))]
    digest_cost(app, (own * (1 + args.queries // max(1, len(own))))[: args.queries], args.k, "passages' openings")
    return 0


def digest_cost(app: Quoth, queries: list[str], k: int, asked: str) -> None:
    """Search (embedding excluded: each question's vector is made once) with the digest check on and off,
    alternating question by question so both see the same machine; and the digest of one passage alone."""
    from quoth.index.store import Store, passage_digest

    s = app.searcher
    s.query_vector = functools.lru_cache(maxsize=None)(s.query_vector)  # the encoder out of the measure
    for q in queries:
        s.search(q, k=k)
    check = Store._check
    on, off = [], []
    for q in queries:
        for times, fn in ((on, check), (off, lambda self, row: None)):
            Store._check = fn
            t = time.perf_counter()
            s.search(q, k=k)
            times.append((time.perf_counter() - t) * 1000)
    Store._check = check
    rows = [(p.start, p.end, p.text, p.speaker) for p, _ in app.current().passages(np.arange(len(app.current())))]
    t = time.perf_counter()
    for row in rows:
        passage_digest(*row)
    each = (time.perf_counter() - t) / max(1, len(rows)) * 1e6
    mean_chars = statistics.mean(len(r[2]) for r in rows) if rows else 0
    print(f"  digest check, {len(queries)} queries ({asked}), embedding excluded:")
    print(f"  search, passages checked    p50 {pct(on, 50):.2f} ms  mean {statistics.mean(on):.2f} ms")
    print(f"  search, check off           p50 {pct(off, 50):.2f} ms  mean {statistics.mean(off):.2f} ms")
    print(f"  one passage's digest        {each:.2f} µs (mean {mean_chars:.0f} characters, {len(rows)} passages)")


if __name__ == "__main__":
    sys.exit(main())
