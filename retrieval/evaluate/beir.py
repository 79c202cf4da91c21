"""Measure retrieval on BEIR datasets: nDCG@10, recall@100 and MRR@10 via ir-measures."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvalError
from ..search import Searcher

BEIR_MEASURES = ("nDCG@10", "R@100", "RR@10")
MEASURE_KEYS = {"nDCG@10": "ndcg@10", "R@100": "recall@100", "RR@10": "mrr@10"}


@dataclass(frozen=True)
class BeirData:
    name: str
    corpus_file: Path
    queries: dict[str, str]  # only the queries judged in the split
    qrels: dict[str, dict[str, int]]


def load_beir(folder: Path, split: str = "test") -> BeirData:
    folder = folder.expanduser()
    corpus, queries_file = folder / "corpus.jsonl", folder / "queries.jsonl"
    qrels_file = folder / "qrels" / f"{split}.tsv"
    for f in (corpus, queries_file, qrels_file):
        if not f.is_file():
            raise EvalError(f"{folder} is not a BEIR folder: {f.relative_to(folder)} is missing")
    qrels: dict[str, dict[str, int]] = {}
    for i, line in enumerate(qrels_file.read_text(encoding="utf-8").splitlines()):
        cols = line.split("\t")
        if i == 0 and not cols[-1].strip().lstrip("-").isdigit():
            continue  # header
        if len(cols) < 3:
            continue
        qrels.setdefault(cols[0], {})[cols[1]] = int(cols[2])
    queries = {}
    for line in queries_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            q = json.loads(line)
            if str(q["_id"]) in qrels:
                queries[str(q["_id"])] = q["text"]
    if not queries:
        raise EvalError(f"no query of {queries_file.name} has judgments in qrels/{split}.tsv")
    return BeirData(folder.resolve().name, corpus, queries, {q: qrels[q] for q in queries})


def beir_corpus_folder(data: BeirData, root: Path) -> Path:
    """A folder holding only the corpus file (a BEIR folder also holds queries), kept under ``root``."""
    digest = hashlib.sha256(str(data.corpus_file.resolve()).encode()).hexdigest()[:10]
    folder = root / f"{re.sub(r'[^A-Za-z0-9]+', '-', data.name)}-{digest}" / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    _place(data.corpus_file.resolve(), folder / "corpus.jsonl")
    return folder


def _place(source: Path, dest: Path) -> None:
    """``source`` at ``dest``: a hard link, or a copy across file systems; never a symbolic link, which the
    corpus reader refuses to follow out of its folder. Replaced when the source has changed."""
    if dest.exists() and not dest.is_symlink():
        a, b = source.stat(), dest.stat()
        if (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev) or (a.st_size, a.st_mtime_ns) == (b.st_size, b.st_mtime_ns):
            return
    dest.unlink(missing_ok=True)
    try:
        os.link(source, dest)
    except OSError:
        shutil.copy2(source, dest)


def doc_id(passage_doc_path: str) -> str:
    """The BEIR document id of a passage: its path is ``corpus.jsonl#<id>``."""
    return passage_doc_path.split("#", 1)[1] if "#" in passage_doc_path else passage_doc_path


def beir_run(searcher: Searcher, queries: dict[str, str], mode: str, depth: int = 100,
             progress: Callable[[int], None] | None = None) -> dict[str, dict[str, float]]:
    """Document rankings: each document scored by its best passage."""
    idx = searcher.current()
    doc_of = {pid: doc_id(path) for pid, path in idx.passage_paths().items()}
    run: dict[str, dict[str, float]] = {}
    for i, (qid, text) in enumerate(queries.items(), 1):
        docs: dict[str, float] = {}
        for pid, score in searcher.rank(text, mode, depth * 3):
            d = doc_of[pid]
            if d not in docs:
                docs[d] = float(score)
            if len(docs) >= depth:
                break
        # Rank order must survive ties and score scales: give strictly decreasing scores.
        run[qid] = {d: float(len(docs) - r) for r, d in enumerate(docs)}
        if progress:
            progress(i)
    return run


def beir_metrics(qrels: dict[str, dict[str, int]], run: dict[str, dict[str, float]]) -> dict[str, float]:
    import ir_measures

    measures = [ir_measures.parse_measure(m) for m in BEIR_MEASURES]
    agg = ir_measures.calc_aggregate(measures, qrels, run)
    return {MEASURE_KEYS[str(m)]: round(float(v), 4) for m, v in agg.items()}


def evaluate(searcher: Searcher, data: BeirData, modes: list[str],
             progress: Callable[[str], Callable[[int], None]] | None = None) -> dict[str, dict[str, float]]:
    """Metrics per retrieval mode; ``progress(mode)`` gives the callback counting that mode's queries."""
    return {mode: beir_metrics(data.qrels, beir_run(searcher, data.queries, mode, depth=100,
                                                    progress=progress(mode) if progress else None))
            for mode in modes}
