"""What one question costs the Milvus reader: round trips (client calls and gRPC requests), bytes each way, and
latency, on the sample corpus indexed into a running Milvus (the C++ engine or milvus-lite 3.x alike).

    python benchmarks/milvus_reader.py --uri http://127.0.0.1:PORT [--rounds 3] [--compare]

Questions: the Milvus contract test's and the shared dev set's (``--questions``), each asked once to warm the
caches a serving process keeps (documents, speakers), then ``--rounds`` times measured. ``--compare`` also
builds the embedded backend and counts the questions whose top 10 (hybrid) differ from it."""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quoth import Quoth, Settings  # noqa: E402
from quoth.settings import SAMPLE_CORPUS  # noqa: E402

DEV_QUESTIONS = Path("/work/shared/eval/dev_questions.jsonl")
QUESTIONS = 50


def questions(dev: Path = DEV_QUESTIONS, limit: int = QUESTIONS) -> list[str]:
    """The contract test's questions, then the dev set's questions and its gold phrases (short, exact-wording
    queries), up to ``limit``."""
    from tests.integration.test_milvus import QUESTIONS as CONTRACT

    found = list(CONTRACT)
    if dev.exists():
        rows = [json.loads(line) for line in dev.read_text().splitlines() if line.strip()]
        found += [r["q"] for r in rows] + [g for r in rows for g in r.get("gold", [])]
    return list(dict.fromkeys(found))[:limit]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(q: Quoth, asked: list[str], rounds: int, k: int = 5) -> dict:
    """Per question (``search``, k results; not ``ask``, whose sentence marking encodes every sentence of the
    hits and says nothing of the index): mean client calls, gRPC requests and bytes, p50/p99 in ms."""
    for question in asked:  # warm: what a serving process reads once (documents, speakers) is not per question
        q.search(question, k=k)
    traffic = q.current().milvus.traffic
    times, calls, rpcs, sent, received, methods = [], [], [], [], [], {}
    for _ in range(rounds):
        for question in asked:
            q.current().forget_rows()
            traffic.reset()
            t0 = time.perf_counter()
            q.search(question, k=k)
            times.append((time.perf_counter() - t0) * 1000)
            s = traffic.snapshot()
            calls.append(s["calls"])
            rpcs.append(sum(s["rpcs"].values()))
            sent.append(s["sent"])
            received.append(s["received"])
            for m, n in s["by_method"].items():
                methods[m] = methods.get(m, 0) + n
    n = len(times)
    return {"questions": len(asked), "asked": n, "calls": statistics.mean(calls), "max_calls": max(calls),
            "rpcs": statistics.mean(rpcs), "sent": statistics.mean(sent), "received": statistics.mean(received),
            "by_method": {m: round(v / n, 2) for m, v in sorted(methods.items())},
            "p50_ms": statistics.median(times), "p99_ms": percentile(times, 0.99)}


def differing(embedded: Quoth, milvus: Quoth, asked: list[str], tolerance: float = 1e-5) -> int:
    """Questions whose hybrid top 10 differ between the backends: another passage at a place, or a score
    further than ``tolerance`` (Milvus's float32 cosines differ from numpy's in the last bits)."""
    def top(q: Quoth, question: str) -> list[tuple]:
        ranked = q.rank(question, "hybrid", depth=10)
        found = q.current().get([pid for pid, _ in ranked])
        return [(found[p][0].doc_path, found[p][0].start, s) for p, s in ranked]

    def same(a: list[tuple], b: list[tuple]) -> bool:
        return len(a) == len(b) and all(x[:2] == y[:2] and abs(x[2] - y[2]) <= tolerance
                                        for x, y in zip(a, b, strict=True))

    return sum(not same(top(embedded, x), top(milvus, x)) for x in asked)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--uri", required=True, help="a running Milvus (http://127.0.0.1:PORT)")
    ap.add_argument("--prefix", default="reader_bench")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--questions", type=int, default=QUESTIONS)
    ap.add_argument("--index-type", default="flat")
    ap.add_argument("--compare", action="store_true", help="also count top-10 differences from the embedded backend")
    args = ap.parse_args(argv)
    asked = questions(limit=args.questions)
    with tempfile.TemporaryDirectory() as tmp:
        s = Settings().with_(corpus={"path": str(SAMPLE_CORPUS)}, data={"dir": str(Path(tmp) / "m")})
        s = s.with_(index={"backend": "milvus", "milvus_uri": args.uri, "milvus_prefix": args.prefix,
                           "milvus_grace": 0, "type": args.index_type})
        milvus = Quoth(s)
        milvus.index()
        result = measure(milvus, asked, args.rounds)
        if args.compare:
            embedded = Quoth(Settings().with_(data={"dir": str(Path(tmp) / "e")}), encoder=milvus.encoder)
            embedded.index()
            result["differing_top10"] = differing(embedded, milvus, asked)
    print(f"{result['questions']} questions x {args.rounds} rounds on {args.uri}")
    print(f"  calls/question {result['calls']:.2f} (max {result['max_calls']}), gRPC requests {result['rpcs']:.2f}")
    print(f"  bytes/question sent {result['sent']:.0f}, received {result['received']:.0f}")
    print(f"  p50 {result['p50_ms']:.1f} ms, p99 {result['p99_ms']:.1f} ms")
    print(f"  by method: {result['by_method']}")
    if "differing_top10" in result:
        print(f"  questions whose top 10 differ from the embedded backend: {result['differing_top10']}")
    return result


if __name__ == "__main__":
    main()
