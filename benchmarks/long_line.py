"""Segmenting one huge line: MB/s and peak memory for a run-on text with no line or sentence break, the worst
case the file-size limit lets through (20 MB by default).

    python benchmarks/long_line.py [--mb 1,5,20]

Each size runs in a fresh process, so peak RSS is that size's alone; the bundled model's tokenizer counts. The CPU
seconds are the process's own: time on a shared machine is not the work's.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

WORDS = "the harbour wall was rebuilt with granite from the quarry after the storms and then "


def one(mb: float) -> dict:
    from quoth.embeddings import token_counter
    from quoth.ingest import content_hash
    from quoth.records import Document, SourceInfo
    from quoth.segment import Segmenter

    text = WORDS * int(mb * 1e6 / len(WORDS))
    segment = Segmenter(max_tokens=256, count_tokens=token_counter("default"))
    segment.count_tokens("warm up")
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t, cpu = time.perf_counter(), time.process_time()
    seg = segment(Document(SourceInfo(path="line.txt", title=""), text, content_hash(text)))
    took, cpu = time.perf_counter() - t, time.process_time() - cpu
    assert all(text[p.start:p.end] == p.text for p in seg.passages)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mb": len(text) / 1e6, "seconds": took, "cpu": cpu, "passages": len(seg.passages), "rss_before": base,
            "peak": peak}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", default="1,5,20")
    ap.add_argument("--one", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one is not None:
        print(json.dumps(one(args.one)))
        return 0
    for mb in map(float, args.mb.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(mb)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.splitlines()[-1])
        print(f"{r['mb']:5.1f} MB on one line: {r['seconds']:6.1f} s, {r['mb'] / r['seconds']:.2f} MB/s, "
              f"{r['passages']:,} passages, peak RSS {r['peak']:.0f} MB ({r['peak'] - r['rss_before']:+.0f} MB "
              f"while segmenting); {r['cpu']:.1f} s of CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
