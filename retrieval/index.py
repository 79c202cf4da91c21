"""Build and update an index: SQLite store + FAISS vectors + BM25, written as a new generation.

A build writes ``gen-N.tmp/`` beside the serving generation, renames it to ``gen-N/`` when complete, and
only then points ``CURRENT`` at it (an atomic rename). A crash or Ctrl-C midway leaves the previous
generation serving, whole; the leftover ``.tmp`` folder is removed by the next build.
Updates are incremental: unchanged documents keep their passages and vectors, only new or changed ones
are segmented and embedded, removed ones leave the index.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import re
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol

import faiss
import numpy as np

from . import bm25, dense
from .corpus import CorpusOptions, check_corpus_dir, iter_documents
from .loaders import LoadReport
from .segment import TokenCounter
from .store import Store

log = logging.getLogger("quoth.index")

FORMAT_VERSION = 1
# Bump when segmentation or searchable-text rules change, so existing indexes re-segment everything.
SEGMENTER_VERSION = 4
ProgressFn = Callable[[str, int, int], None]  # (stage, done, total)


class PassageEncoder(Protocol):
    name: str
    dimension: int

    def encode_passages(self, texts: list[str], progress: bool = False) -> np.ndarray: ...


class IndexUnusable(RuntimeError):
    """The index cannot be used as it is; the message says what to run."""


@dataclass
class BuildReport:
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    documents: int = 0
    passages: int = 0
    embedded: int = 0
    seconds: float = 0.0
    encode_seconds: float = 0.0
    generation: str = ""
    full: bool = False
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.added} added, {self.changed} changed, {self.removed} removed, {self.unchanged} unchanged; "
                f"{self.documents} documents, {self.passages} passages ({self.embedded} embedded) "
                f"in {self.seconds:.1f} s")


def index_folder(data_dir: Path, corpus_root: Path, model: str) -> Path:
    """One index per corpus folder and model, so switching either never serves a stale index."""
    root = str(corpus_root.resolve())
    slug = re.sub(r"[^A-Za-z0-9]+", "-", corpus_root.resolve().name).strip("-")[:40] or "corpus"
    digest = hashlib.sha256(f"{root}\n{model}".encode()).hexdigest()[:10]
    return data_dir / "indexes" / f"{slug}-{digest}"


def current_generation(folder: Path) -> Path | None:
    try:
        name = (folder / "CURRENT").read_text().strip()
    except FileNotFoundError:
        return None
    gen = folder / name
    return gen if (gen / "meta.json").is_file() else None


def read_meta(gen: Path) -> dict:
    return json.loads((gen / "meta.json").read_text())


def outdated(folder: Path) -> str | None:
    """Why the serving generation needs an update before it answers (made by another Quoth version), or None."""
    gen = current_generation(folder)
    if gen is None:
        return None
    if read_meta(gen).get("bm25_analyzer", 1) != bm25.ANALYZER_VERSION:
        return "its BM25 index was tokenised by another version of Quoth"
    return None


@contextlib.contextmanager
def _build_lock(folder: Path) -> Iterator[None]:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "build.lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise IndexUnusable(f"another build of {folder} is running; try again when it has finished") from exc
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _settings_key(model: str, opts: CorpusOptions) -> str:
    return json.dumps({"segmenter": SEGMENTER_VERSION, "model": model, "segment": asdict(opts.segment)},
                      sort_keys=True)


def _next_name(folder: Path) -> str:
    nums = [int(m.group(1)) for p in folder.glob("gen-*") if (m := re.fullmatch(r"gen-(\d+)(?:\.tmp)?", p.name))]
    return f"gen-{max(nums, default=0) + 1:06d}"


def _write_current(folder: Path, name: str) -> None:
    tmp = folder / "CURRENT.tmp"
    with open(tmp, "w") as fh:
        fh.write(name + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, folder / "CURRENT")


def build_index(folder: Path, corpus_root: Path, encoder: PassageEncoder, count_tokens: TokenCounter,
                opts: CorpusOptions | None = None, index_type: str = "auto", full: bool = False,
                bm25_params: tuple[float, float] = (bm25.DEFAULT_K1, bm25.DEFAULT_B),
                progress: ProgressFn | None = None, show_progress: bool = False) -> BuildReport:
    """Build or update the index in ``folder`` from ``corpus_root``; returns what changed."""
    opts = opts or CorpusOptions()
    t0 = time.perf_counter()
    corpus_root = check_corpus_dir(corpus_root)
    report = BuildReport(full=full)
    note = progress or (lambda stage, done, total: None)
    settings = _settings_key(encoder.name, opts)
    with _build_lock(folder):
        for stale in folder.glob("gen-*.tmp"):
            shutil.rmtree(stale, ignore_errors=True)
        prev = current_generation(folder)
        if prev is not None and not full:
            meta = read_meta(prev)
            if meta.get("format") != FORMAT_VERSION or meta.get("settings") != settings:
                log.info("index settings changed since the last build: rebuilding everything")
                prev, report.full = None, True
        if full:
            prev = None
        name = _next_name(folder)
        tmp = folder / f"{name}.tmp"
        tmp.mkdir(parents=True)
        try:
            store_path = tmp / "store.sqlite"
            if prev is not None:
                Store(prev / "store.sqlite", readonly=True).backup_to(store_path)
            store = Store(store_path, unsynced=True)
            known = store.document_keys()
            seen: set[str] = set()
            load_report = LoadReport(report.warnings)
            note("reading documents", 0, 0)
            for i, cd in enumerate(iter_documents(corpus_root, opts, load_report), 1):
                path = cd.doc.path
                if path in seen:
                    continue
                seen.add(path)
                key = cd.key(settings)
                if known.get(path) == key:
                    report.unchanged += 1
                    continue
                seg = cd.segment(opts.segment, count_tokens)
                store.put_document(cd.doc, seg.source, seg.passages, key)
                if path in known:
                    report.changed += 1
                else:
                    report.added += 1
                if i % 200 == 0:
                    note("reading documents", i, 0)
            for path in set(known) - seen:
                store.remove_document(path)
                report.removed += 1
            report.documents = len(seen)

            ids = np.asarray(store.passage_ids(), dtype=np.int64)
            vectors = _vectors(prev, ids, store, encoder, report, note, show_progress)
            note("indexing", 0, len(ids))
            faiss.write_index(dense.build(vectors, index_type), str(tmp / "dense.faiss"))
            np.save(tmp / "ids.npy", ids)
            np.save(tmp / "vectors.npy", vectors)
            _, texts = store.search_texts()
            bm25.save(bm25.build(texts, *bm25_params), tmp / "bm25")
            report.passages = len(ids)
            fingerprint = hashlib.sha256("\n".join(sorted(store.document_keys().values())).encode()).hexdigest()
            store.sync()
            meta = {
                "format": FORMAT_VERSION, "settings": settings, "model": encoder.name,
                "dimension": int(vectors.shape[1]) if len(vectors) else None, "fingerprint": fingerprint,
                "corpus": str(corpus_root), "documents": report.documents, "passages": report.passages,
                "index_type": dense.choose_type(index_type, len(ids)), "bm25": list(bm25_params),
                "bm25_analyzer": bm25.ANALYZER_VERSION,
                "created": time.time(),
            }
            (tmp / "meta.json").write_text(json.dumps(meta, indent=2))
            final = folder / name
            os.replace(tmp, final)
            _write_current(folder, name)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        # Keep the generation before this one: a process still answering from it keeps its files.
        gens = sorted(p for p in folder.glob("gen-*") if p.is_dir() and not p.name.endswith(".tmp"))
        for old in gens[:-2]:
            shutil.rmtree(old, ignore_errors=True)
    report.generation = name
    report.seconds = time.perf_counter() - t0
    note("done", report.passages, report.passages)
    return report


def _vectors(prev: Path | None, ids: np.ndarray, store: Store, encoder: PassageEncoder, report: BuildReport,
             note: ProgressFn, show_progress: bool) -> np.ndarray:
    """Vectors for every passage id: reused from the previous generation where the passage is unchanged."""
    old_ids = np.zeros(0, dtype=np.int64)
    old_vecs = None
    if prev is not None:
        old_ids = np.load(prev / "ids.npy")
        old_vecs = np.load(prev / "vectors.npy", mmap_mode="r")
    pos = np.searchsorted(old_ids, ids) if len(old_ids) else np.zeros(len(ids), dtype=np.int64)
    reuse = np.zeros(len(ids), dtype=bool)
    if len(old_ids):
        ok = pos < len(old_ids)
        reuse[ok] = old_ids[pos[ok]] == ids[ok]
    need = ids[~reuse].tolist()
    note("embedding", 0, len(need))
    t = time.perf_counter()
    new = encoder.encode_passages(store.search_texts_of(need), progress=show_progress) if need else None
    report.encode_seconds = time.perf_counter() - t
    report.embedded = len(need)
    note("embedding", len(need), len(need))
    dim = new.shape[1] if new is not None else old_vecs.shape[1] if old_vecs is not None else encoder.dimension
    out = np.zeros((len(ids), dim), dtype=np.float32)
    if reuse.any():
        out[reuse] = old_vecs[pos[reuse]]
    if new is not None:
        out[~reuse] = new
    return out
