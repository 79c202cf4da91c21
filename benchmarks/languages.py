"""Questions over small corpora in other languages (tests/data/languages: French, German, Spanish), each indexed
with the language detected (``corpus.language = "auto"``) and with English analysis forced, as every corpus was
read before languages: hit@1, hit@3, speaker and abstention for hybrid search, and hit@3 for keyword search
alone (BM25, where the stemmer is what changes).

    python benchmarks/languages.py [--model NAME]

--model takes any sentence-transformers name or path, e.g. a multilingual one on a machine with a network.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from pathlib import Path

from quoth import Quoth, Settings
from quoth.evaluate.questions import load_questions, score_questions

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "languages"
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def measure(corpus: Path, questions: list[dict], language: str, model: str | None, data: Path) -> dict:
    base = Settings().with_(corpus={"path": str(corpus), "language": language}, data={"dir": str(data)},
                            **({"model": {"name": model}} if model else {}))
    q = Quoth(base)
    report = q.index()
    hybrid = score_questions(q.searcher, questions).summary()
    keyword = score_questions(Quoth(base.with_(search={"dense_weight": 0.0})).searcher, questions).summary()
    return {"language": report.language, "hybrid": hybrid, "bm25_hit@3": keyword["hit@3"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None)
    ap.add_argument("--only", help="one corpus of tests/data/languages (fr, de, es)")
    args = ap.parse_args(argv)
    previous = logging.root.manager.disable
    logging.disable(logging.WARNING)  # the model export's warnings, once per index
    try:
        _report(args)
    finally:  # called in-process (the suite's smoke test), it must not leave the caller's logging switched off
        logging.disable(previous)
    return 0


def _report(args: argparse.Namespace) -> None:
    print(f"model: {args.model or 'the bundled all-MiniLM-L6-v2'}")
    print("corpus  analysis  questions  hit@1  hit@3  speaker  abstain  bm25 hit@3")
    for corpus in sorted(p for p in DATA.iterdir() if p.is_dir() and args.only in (None, p.name)):
        questions = load_questions(DATA / f"{corpus.name}.questions.jsonl")
        for setting in ("auto", "en"):
            with tempfile.TemporaryDirectory() as data:
                r = measure(corpus, questions, setting, args.model, Path(data))
            h = r["hybrid"]
            label = f"{r['language']} ({'detected' if setting == 'auto' else 'forced'})"
            print(f"{corpus.name:7s} {label:15s} {h['questions']:3d} {h['hit@1']:6.2f} {h['hit@3']:6.2f} "
                  f"{h['speaker']:8.2f} {h['abstain']:>8s} {r['bm25_hit@3']:10.2f}")


if __name__ == "__main__":
    sys.exit(main())
