"""Quote verification measured on a claim set: the confusion matrix of verdicts, precision and recall per
verdict, dangerous errors, misattributions caught and false accusations, per class, and the time per claim.

    python benchmarks/verify.py [--claims FILE] [--half a|b] [--set verify.paraphrase_sentence_min=0.7 …] [--sweep]
    python benchmarks/verify.py --claims tests/data/verify/real/claims.jsonl --misses 20

The default set is tests/data/verify/claims.jsonl (machine-made over the sample corpus, whose index is used).
A set whose claims name their ``doc`` (tests/data/verify/real: written by a person over 15 real documents) is
checked over a corpus of exactly those documents, copied into ``<data dir>/verify-bench/<set>/corpus`` and
indexed there on first use. ``--half`` keeps every other document (sorted by path): thresholds are calibrated on
one half and reported on the other. Each claim is checked as a person pastes it (quoted stretches picked out of
chatter), with its ``claimed_speaker`` given as ``--speaker``; the first claim found in it is scored.
``--sweep`` tries the thresholds around the configured ones (with ``--half a``: calibration on half the documents)
and prints the accuracy, dangerous errors and accusations of each.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import shutil
import statistics
import time
from collections import Counter
from pathlib import Path

from quoth import Quoth, Settings
from quoth.errors import BadQuery

ROOT = Path(__file__).resolve().parents[1]
KINDS = ["exact", "close", "altered", "paraphrase", "not_found", "refused"]
# A changed or invented claim passed as the words of a source (issue 22's "dangerous error").
PASSING = {"exact", "close", "paraphrase"}


def run(q: Quoth, claims: list[dict]) -> tuple[list[dict], list[float]]:
    out, took = [], []
    for c in claims:
        t = time.perf_counter()
        try:
            v = q.verify(c["text"], c.get("claimed_speaker"))[0]
            got = {"got": str(v.verdict), "got_speaker": v.speaker, "got_misattributed": v.misattributed,
                   "got_confidence": getattr(v, "speaker_confidence", None), "got_quote": v.quote,
                   "got_edits": [e.to_json() for e in v.edits], "got_scores": v.scores}
        except BadQuery:
            got = {"got": "refused", "got_speaker": None, "got_misattributed": None}
        took.append(time.perf_counter() - t)
        out.append({**c, **got, "ms": round(took[-1] * 1000, 1)})
    return out, took


def right(r: dict) -> bool:
    return r["got"] == r["expect"] or r["got"] in r.get("accept", [])


def dangerous(r: dict) -> bool:
    return r["expect"] in ("altered", "not_found") and r["got"] in PASSING and not right(r)


def report(rows: list[dict], took: list[float], misses: int = 0) -> None:
    pairs = Counter((r["expect"], r["got"]) for r in rows)
    print("confusion (rows: expected, columns: verdict)")
    print(f"{'':12}" + "".join(f"{k:>11}" for k in KINDS))
    for e in KINDS[:-1]:
        print(f"{e:12}" + "".join(f"{pairs[(e, g)]:>11}" for g in KINDS))
    print(f"\n{'verdict':12}{'precision':>10}{'recall':>8}{'n':>5}")
    for k in KINDS[:-1]:
        tp = pairs[(k, k)]
        got = sum(v for (e, g), v in pairs.items() if g == k)
        want = sum(v for (e, g), v in pairs.items() if e == k)
        print(f"{k:12}{tp / got if got else 0:>10.3f}{tp / want if want else 0:>8.3f}{want:>5}")
    ok = sum(map(right, rows))
    print(f"\nverdict right (expect or accept): {ok}/{len(rows)} = {ok / len(rows):.1%}")
    bad = [r for r in rows if dangerous(r)]
    print(f"dangerous errors: {len(bad)} " + str(dict(Counter(r['class'] for r in bad))))
    true = [r for r in rows if r["misattributed"] is True]
    caught = sum(r["got_misattributed"] is True for r in true)
    named = [r for r in rows if r["misattributed"] is not True and r.get("claimed_speaker")]
    accused = [r for r in named if r["got_misattributed"] is True]
    print(f"misattributions caught: {caught}/{len(true)}; passed as not misattributed: "
          f"{sum(r['got_misattributed'] is False for r in true)}")
    print(f"false accusations: {len(accused)}/{len(named)} claims naming a speaker "
          f"({len(accused) / max(1, len(named)):.1%}); can't tell on true quotes: "
          f"{sum(r['got_misattributed'] is None for r in named if r['misattributed'] is False)}")
    by_class = Counter(r["class"] for r in rows)
    good = Counter(r["class"] for r in rows if right(r))
    print("per class: " + ", ".join(f"{c} {good[c]}/{n}" for c, n in sorted(by_class.items())))
    evidence(rows)
    ms = sorted(x * 1000 for x in took)
    print(f"time per claim: p50 {statistics.median(ms):.1f} ms, p99 {ms[int(0.99 * (len(ms) - 1))]:.1f} ms")
    wrong = [r for r in rows if not right(r) or (r["got_misattributed"] is True and r["misattributed"] is not True)]
    for r in wrong[:misses]:
        print(f"\n[{r['class']}] expect {r['expect']} got {r['got']} (mis {r['misattributed']}→"
              f"{r['got_misattributed']}, claimed {r.get('claimed_speaker')}, got {r['got_speaker']})"
              f"\n  claim: {r['text'][:160]}\n  found: {(r.get('got_quote') or '')[:160]!r}"
              f"\n  edits: {r.get('got_edits')} scores: {r.get('got_scores')}")


def evidence(rows: list[dict]) -> None:
    """The paraphrase evidence of the claims that are paraphrases or inventions: how many are reports, and the
    sentence cosines of those that pass every other test (a report, the person, the facts, the polarity): the
    bar (verify.paraphrase_sentence_min) must stay above every invention's."""
    for cls in ("paraphrase", "invented", "invented_report"):
        mine = [r for r in rows if r["class"] == cls]
        if not mine:
            continue
        scored = [r.get("got_scores") or {} for r in mine]
        reports = sum(s.get("reported", 0.0) == 1.0 for s in scored)
        kept = sorted(round(s["sentence"], 2) for s in scored if "sentence" in s and s.get("reported") == 1.0
                      and s.get("same_speaker") == 1.0 and not s.get("novel") and not s.get("reversed"))
        checked = sum("sentence" in s for s in scored)  # the others had no candidate the person's
        print(f"paraphrase evidence, {cls}: {len(mine)} claims, {checked} compared with a sentence, {reports} of "
              f"those reports; sentence cosines of those passing every other test: {kept}")


# First and second person turned third, for an invented line rewritten as a report of it (--as-reports).
THIRD_PERSON = {"i": "he", "me": "him", "my": "his", "mine": "his", "myself": "himself", "we": "they", "us": "them",
                "our": "their", "ours": "theirs", "ourselves": "themselves", "am": "was", "i'm": "he's",
                "i've": "he's", "we're": "they're", "we've": "they've", "i'll": "he'd", "we'll": "they'd",
                "i'd": "he'd", "i's": "he's"}
LOWER_FIRST = {"the", "a", "an", "it", "this", "that", "there", "these", "those", "they", "he", "his", "their",
               "adding", "business", "honestly", "yes", "oh", "let's"}


def as_report(claim: dict) -> dict:
    """An invented claim as a journalist would report it ("Granholm said that they are going to force…"): the
    stress test of the paraphrase bar, since only reports may be paraphrases and every invented claim of the
    sets is in its speaker's own voice."""
    text = re.sub(r"^[\w .'’-]{1,40}:\s*", "", claim["text"].strip())  # "Name: …"
    text = re.sub(r"[\"“”]", "", text)
    text = re.sub(r",?\s*(?:said|says)\s+[\w .'’-]{1,40}\.?$", ".", text)
    text = re.sub(r"(?:\s*[—–]\s*[\w .'’-]{1,40})$", "", text)
    text = re.sub(r"\b[\w'’]+\b", lambda m: THIRD_PERSON.get(m.group(0).casefold(), m.group(0)), text)
    if text.split()[0].casefold() in LOWER_FIRST:
        text = text[0].lower() + text[1:]
    return {**claim, "class": "invented_report", "text": f"{claim['claimed_speaker']} said that {text}"}


def sweep(q: Quoth, claims: list[dict]) -> None:
    v = q.settings.verify
    grid = {"paraphrase_sentence_min": [v.paraphrase_sentence_min - 0.05, v.paraphrase_sentence_min,
                                        v.paraphrase_sentence_min + 0.05],
            "altered_content_min": [v.altered_content_min - 0.1, v.altered_content_min,
                                    v.altered_content_min + 0.1],
            "accuse_min": [v.accuse_min - 0.05, v.accuse_min, v.accuse_min + 0.05]}
    for values in itertools.product(*grid.values()):
        knobs = dict(zip(grid, values, strict=True))
        q.verifier.settings = q.settings.verify.model_copy(update=knobs)
        rows, _ = run(q, claims)
        print(" ".join(f"{k}={x:.2f}" for k, x in knobs.items())
              + f"  right {sum(map(right, rows)) / len(rows):.3f}  dangerous {sum(map(dangerous, rows))}"
              + f"  paraphrase found {sum(r['got'] == 'paraphrase' == r['expect'] for r in rows)}"
              + f"  false accusations {sum(r['got_misattributed'] is True is not r['misattributed'] for r in rows)}"
              + f"  misattributions caught {sum(r['got_misattributed'] is True is r['misattributed'] for r in rows)}")


def corpus_of(claims: list[dict], name: str, settings: Settings) -> Path:
    """A folder holding exactly the documents the claims quote (copied: the index watches its own folder)."""
    folder = settings.data_dir() / "verify-bench" / name / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {ROOT / c["doc"] for c in claims}
    for path in wanted:
        target = folder / path.name
        if not target.exists() or target.read_bytes() != path.read_bytes():
            shutil.copyfile(path, target)
    for stale in set(folder.iterdir()) - {folder / p.name for p in wanted}:
        stale.unlink()
    return folder


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", type=Path, default=ROOT / "tests" / "data" / "verify" / "claims.jsonl")
    ap.add_argument("--half", choices=["a", "b"], help="every other document only (sorted by path)")
    ap.add_argument("--set", nargs="*", default=[], metavar="SECTION.KEY=VALUE")
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--misses", type=int, default=0, help="print this many wrong answers")
    ap.add_argument("--dump", type=Path, help="write every claim with its answer here (JSON lines)")
    ap.add_argument("--as-reports", action="store_true",
                    help="only the invented claims naming someone, each rewritten as a report of it")
    args = ap.parse_args()
    claims = [json.loads(x) for x in args.claims.read_text().splitlines() if x.strip()]
    settings = Settings()
    for item in args.set:
        key, value = item.split("=", 1)
        section, name = key.split(".")
        settings = settings.with_(**{section: {name: json.loads(value)}})
    if claims and "doc" in claims[0]:
        if args.half:
            docs = sorted({c["doc"] for c in claims})[{"a": 0, "b": 1}[args.half]::2]
            claims = [c for c in claims if c["doc"] in docs]
        # One corpus for the whole set, halves included: the index is built once and both halves see the same.
        corpus = corpus_of([json.loads(x) for x in args.claims.read_text().splitlines() if x.strip()],
                           args.claims.parent.name, settings)
        settings = settings.with_(corpus={"path": str(corpus)})
    if args.as_reports:
        claims = [as_report(c) for c in claims if c["class"] == "invented" and c.get("claimed_speaker")]
    q = Quoth(settings)
    q.ensure_index(show_progress=False)
    q.verify_claim("warm up the model and the index")
    if args.sweep:
        sweep(q, claims)
        return 0
    rows, took = run(q, claims)
    if args.dump:
        args.dump.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    report(rows, took, args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
