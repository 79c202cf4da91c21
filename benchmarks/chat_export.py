"""Segmenting huge chat exports: messages per second at 10k and 100k messages, to check the time is linear.

    python benchmarks/chat_export.py [--sizes 10000,100000]

The exports are WhatsApp-style text made here (several speakers, continuation lines, system lines), read
through the same Segmenter a build uses, with the bundled model's tokenizer.
"""

from __future__ import annotations

import argparse
import random
import time

from quoth.embeddings import token_counter
from quoth.ingest import content_hash
from quoth.records import Document, SourceInfo
from quoth.segment import Segmenter

NAMES = ["Ann Lee", "Bob Roe", "Cy Dee", "Dana Whitfield", "Eve", "Finn Albright"]
WORDS = ("tide", "ferry", "harbour", "quay", "boat", "net", "crab", "gull", "storm", "pier", "rope", "sail", "mast",
         "chart", "buoy", "lamp", "fog", "reef", "island", "ticket", "timetable", "meeting", "weekend", "tomorrow",
         "morning", "evening", "early", "late")


def export(n: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        stamp = f"{1 + i % 28:02d}/03/2024, {i % 24:02d}:{i % 60:02d}"
        if i % 500 == 0:
            lines.append(f"{stamp} - {rng.choice(NAMES)} joined using this group's invite link")
            continue
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 25))).capitalize() + "."
        lines.append(f"{stamp} - {rng.choice(NAMES)}: {text}")
        if i % 7 == 0:
            lines.append(" ".join(rng.choice(WORDS) for _ in range(8)) + ".")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000")
    args = ap.parse_args(argv)
    segment = Segmenter(max_tokens=256, count_tokens=token_counter("default"))
    for n in map(int, args.sizes.split(",")):
        text = export(n)
        doc = Document(SourceInfo(path=f"chat-{n}.txt", title=""), text, content_hash(text))
        t = time.perf_counter()
        seg = segment(doc)
        took = time.perf_counter() - t
        print(f"{n:>7,} messages ({len(text) / 1e6:.1f} MB): {took:6.2f} s, {n / took:8,.0f} messages/s, "
              f"{len(seg.passages):,} passages, layout {seg.source.kind}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
