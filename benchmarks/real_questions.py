"""Retrieval on real documents: hit@1 and hit@3 per family for questions as users ask them.

Every ``SLUG.questions.jsonl`` in the question folders (``quoth eval --questions`` format) asks about the
document ``SLUG.*`` beside it, or, for a folder of questions only (the held-out sets), the document of that slug
in the dev folders or among the annotated news articles and works of fiction. All the documents of the sets
asked, and always those of the dev set (so that a set is searched among the same distractors whichever sets
run), are indexed together, with the real model, into a work folder (``.data/bench-questions``, rebuilt each
run); each question is asked of the whole corpus. A document's family is its slug's first word (``pep``,
``play``, ``irc``, ``meeting``…). Each set is reported on its own: ``dev`` (the questions developed on),
``heldout``, ``heldout2`` and ``heldout3`` (written apart and never tuned to, see their READMEs), or a folder.

    python benchmarks/real_questions.py [--sets dev heldout DIR ...] [--only SLUG ...] [--misses]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from quoth import Quoth, Settings
from quoth.embeddings import Encoder
from quoth.evaluate.questions import load_questions, score_questions

ROOT = Path(__file__).resolve().parents[1]
SETS = (ROOT / "tests" / "data" / "attribution" / "labelled", ROOT / "tests" / "data" / "retrieval")
HELDOUT = (ROOT / "tests" / "data" / "retrieval" / "heldout",)
HELDOUT2 = (ROOT / "tests" / "data" / "retrieval" / "heldout2",)  # written in the fourth session, see its README
HELDOUT3 = (ROOT / "tests" / "data" / "retrieval" / "heldout3",)  # written in the fifth session, see its README
NAMED = {"dev": SETS, "heldout": HELDOUT, "heldout2": HELDOUT2, "heldout3": HELDOUT3}
# Where a held-out set's documents may also stand: the annotated news articles and works of fiction, long and
# short prose the dev questions never ask about (indexed only when a set asks about them).
OTHER_DOCUMENTS = tuple(ROOT / "tests" / "data" / "attribution" / f for f in ("news", "fiction"))
NOT_DOCUMENTS = (".questions.jsonl", ".turns.jsonl", ".cast.json", ".quotes.jsonl")


@dataclass(frozen=True)
class QuestionSet:
    slug: str
    document: Path
    questions: list[dict]

    @property
    def family(self) -> str:
        """The slug's first word (``pep``, ``doj``…); a novel's slug names the book, so works of fiction are one
        family."""
        return "fiction" if self.document.parent.name == "fiction" else self.slug.split("_")[0]


def _document(qfile: Path, slug: str) -> Path:
    """The document beside the question file, else the one of that slug in the dev folders or the others."""
    for folder in (qfile.parent, *SETS, *OTHER_DOCUMENTS):
        docs = [p for p in folder.glob(f"{slug}.*") if not p.name.endswith(NOT_DOCUMENTS)]
        if len(docs) > 1:
            raise SystemExit(f"{qfile}: expected one document {slug}.* in {folder}, found {len(docs)}")
        if docs:
            return docs[0]
    raise SystemExit(f"{qfile}: no document {slug}.* beside it or in the dev folders")


def find_sets(folders: list[Path], only: list[str] | None = None) -> list[QuestionSet]:
    """Each question file with its document; a slug in two folders is read from the first."""
    found: dict[str, QuestionSet] = {}
    for folder in folders:
        for qfile in sorted(folder.glob("*.questions.jsonl")):
            slug = qfile.name.removesuffix(".questions.jsonl")
            if slug in found or (only and slug not in only):
                continue
            found[slug] = QuestionSet(slug, _document(qfile, slug), load_questions(qfile))
    return list(found.values())


def index(sets: list[QuestionSet], work: Path, encoder: Encoder | None = None) -> Quoth:
    """A fresh corpus of the sets' documents, indexed with the default (real) model or ``encoder``."""
    shutil.rmtree(work, ignore_errors=True)
    corpus = work / "corpus"
    corpus.mkdir(parents=True)
    for document in {s.document for s in sets}:
        shutil.copy(document, corpus / document.name)
    q = Quoth(Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(work / "data")}), encoder=encoder)
    q.index(full=True)
    return q


def measure(q: Quoth, sets: list[QuestionSet]) -> dict[str, dict]:
    """Scores per family and overall: hit@1, hit@3, speaker, and the questions missed."""
    by_family: dict[str, list[dict]] = defaultdict(list)
    for s in sets:
        by_family[s.family] += s.questions
    out = {}
    for family, questions in [*sorted(by_family.items()), ("all", [x for s in sets for x in s.questions])]:
        scores = score_questions(q.searcher, questions, k=3)
        out[family] = {**scores.summary(), "failures": scores.failures}
    return out


def report(name: str, sets: list[QuestionSet], results: dict[str, dict], misses: bool) -> None:
    print(f"\n{name}\n{'family':<10} {'docs':>4} {'questions':>9} {'hit@1':>6} {'hit@3':>6} {'speaker':>7}")
    for family, r in results.items():
        docs = len(sets) if family == "all" else sum(s.family == family for s in sets)
        speaker = "-" if r["speaker"] is None else f"{r['speaker']:.2f}"
        print(f"{family:<10} {docs:>4} {r['questions']:>9} {r['hit@1']:>6.2f} {r['hit@3']:>6.2f} {speaker:>7}")
    if misses:
        for miss in results["all"]["failures"]:
            print(f"  {miss}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="*", default=["dev"],
                    help=f"sets to report, each on its own: {', '.join(NAMED)} or a folder of SLUG.questions.jsonl")
    ap.add_argument("--only", nargs="*", help="these slugs only")
    ap.add_argument("--work", type=Path, default=ROOT / ".data" / "bench-questions")
    ap.add_argument("--misses", action="store_true", help="list the questions missed")
    args = ap.parse_args()
    chosen = {name: find_sets(list(NAMED.get(name, (Path(name),))), args.only) for name in args.sets}
    distractors = find_sets(list(SETS), args.only)
    q = index([*distractors, *(s for sets in chosen.values() for s in sets)], args.work)
    for name, sets in chosen.items():
        report(name, sets, measure(q, sets), args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
