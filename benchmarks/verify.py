"""Quote verification measured on tests/data/verify/claims.jsonl (regenerate with make_claims.py there): the
confusion matrix of verdicts, precision and recall per verdict, misattribution found, and the time per claim.

    python benchmarks/verify.py [--claims FILE] [--set verify.paraphrase_min=0.6 …] [--sweep]

``--sweep`` tries the thresholds around the configured ones and prints the verdict accuracy of each, which is
how the defaults in settings.py were chosen. The index is the sample corpus's (built on first use).
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import time
from collections import Counter
from pathlib import Path

from quoth import Quoth, Settings

ROOT = Path(__file__).resolve().parents[1]
KINDS = ["exact", "close", "altered", "paraphrase", "not_found"]


def run(q: Quoth, claims: list[dict]) -> tuple[list[dict], list[float]]:
    out, took = [], []
    for c in claims:
        t = time.perf_counter()
        v = q.verify_claim(c["text"], c.get("claimed_speaker"))
        took.append(time.perf_counter() - t)
        out.append({**c, "got": str(v.verdict), "got_speaker": v.speaker, "got_misattributed": v.misattributed})
    return out, took


def report(rows: list[dict], took: list[float]) -> None:
    pairs = Counter((r["expect"], r["got"]) for r in rows)
    print("confusion (rows: expected, columns: verdict)")
    print(f"{'':12}" + "".join(f"{k:>11}" for k in KINDS))
    for e in KINDS:
        print(f"{e:12}" + "".join(f"{pairs[(e, g)]:>11}" for g in KINDS))
    print(f"\n{'verdict':12}{'precision':>10}{'recall':>8}{'n':>5}")
    for k in KINDS:
        tp = pairs[(k, k)]
        got = sum(v for (e, g), v in pairs.items() if g == k)
        want = sum(v for (e, g), v in pairs.items() if e == k)
        print(f"{k:12}{tp / got if got else 0:>10.3f}{tp / want if want else 0:>8.3f}{want:>5}")
    mis = [r for r in rows if r["misattributed"] is not None]
    tp = sum(r["misattributed"] and r["got_misattributed"] for r in mis)
    flagged = sum(bool(r["got_misattributed"]) for r in mis)
    real = sum(bool(r["misattributed"]) for r in mis)
    print(f"{'misattrib.':12}{tp / flagged if flagged else 0:>10.3f}{tp / real if real else 0:>8.3f}{real:>5}")
    right = [r for r in rows if r["expect"] != "not_found" and r["got"] == r["expect"]]
    spk = sum(r["got_speaker"] == r["speaker"] for r in right)
    print(f"\nspeaker right where the verdict is right: {spk}/{len(right)}")
    by_class = Counter(r["class"] for r in rows)
    ok = Counter(r["class"] for r in rows if r["got"] == r["expect"])
    print("per class: " + ", ".join(f"{c} {ok[c]}/{n}" for c, n in sorted(by_class.items())))
    ms = sorted(x * 1000 for x in took)
    print(f"time per claim: p50 {statistics.median(ms):.1f} ms, p99 {ms[int(0.99 * (len(ms) - 1))]:.1f} ms")


def sweep(base: Settings, claims: list[dict]) -> None:
    v = base.verify
    grid = {"paraphrase_min": [v.paraphrase_min - 0.1, v.paraphrase_min - 0.05, v.paraphrase_min,
                               v.paraphrase_min + 0.1],
            "altered_min": [v.altered_min - 0.1, v.altered_min, v.altered_min + 0.05]}
    for values in itertools.product(*grid.values()):
        knobs = dict(zip(grid, values, strict=True))
        q = Quoth(base.with_(verify=knobs))
        rows, _ = run(q, claims)
        acc = sum(r["got"] == r["expect"] for r in rows) / len(rows)
        print(" ".join(f"{k}={x:.2f}" for k, x in knobs.items()) + f"  accuracy {acc:.3f}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", type=Path, default=ROOT / "tests" / "data" / "verify" / "claims.jsonl")
    ap.add_argument("--set", nargs="*", default=[], metavar="SECTION.KEY=VALUE")
    ap.add_argument("--sweep", action="store_true")
    args = ap.parse_args()
    claims = [json.loads(x) for x in args.claims.read_text().splitlines() if x.strip()]
    settings = Settings()
    for item in args.set:
        key, value = item.split("=", 1)
        section, name = key.split(".")
        settings = settings.with_(**{section: {name: json.loads(value)}})
    q = Quoth(settings)
    q.ensure_index(show_progress=False)
    q.verify_claim("warm up the model and the index")
    if args.sweep:
        sweep(settings, claims)
        return 0
    rows, took = run(q, claims)
    report(rows, took)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
