"""Build or update an index as named steps: plan → ingest and segment → store → embed (reusing vectors) →
write → switch.

Updates are incremental: unchanged documents keep their passages and vectors, only new or changed ones are
segmented and embedded, removed ones leave the index. Every write goes to a new generation (see generation.py).
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

import faiss
import numpy as np

from ..errors import CorpusError, IndexDamaged, IndexUnusable, Remedy
from ..language import AUTO
from ..language import resolve as resolve_language
from ..records import Document
from ..segment import Chrome, Segmented
from ..settings import IndexSettings
from . import bm25, dense, speakers
from .generation import FORMAT_VERSION, SEGMENTER_VERSION, Generation, IndexFolder, Meta, file_digest, sync_files
from .store import Store

log = logging.getLogger("quoth.index")

ProgressFn = Callable[[str, int, int], None]  # (stage, done, total); total 0 when unknown
PROGRESS_EVERY = 200  # documents between progress calls while reading


class DocumentSegmenter(Protocol):
    def learn(self, texts: Iterable[str]) -> Chrome: ...

    def __call__(self, doc: Document, chrome: Chrome) -> Segmented: ...

    def windows(self, passages: list[tuple[str, str]]) -> list[list[str]]: ...


class PassageEncoder(Protocol):
    name: str
    dimension: int

    def encode_passages(self, texts: list[str], progress: bool = False) -> np.ndarray: ...


@dataclass
class BuildReport:
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    documents: int = 0
    passages: int = 0
    embedded: int = 0
    windows: int = 0  # window vectors of long passages (index/windows.py), beside the passages' own
    seconds: float = 0.0
    encode_seconds: float = 0.0
    generation: str = ""
    full: bool = False
    language: str = ""  # the BM25 analyzer's language code
    language_detected: bool = False  # "auto": read from the corpus
    warnings: list[str] = field(default_factory=list)
    known: set[str] = field(default_factory=set)  # warnings the previous build gave already

    @property
    def new_warnings(self) -> list[str]:
        return [w for w in self.warnings if w not in self.known]

    def summary(self) -> str:
        said = (f"{self.added} added, {self.changed} changed, {self.removed} removed, {self.unchanged} unchanged; "
                f"{self.documents} documents, {self.passages} passages ({self.embedded} embedded, "
                f"{self.windows} windows) "
                f"in {self.seconds:.1f} s")
        if self.language:
            said += f"; language {self.language}" + (" (detected)" if self.language_detected else "")
        return said


def no_documents(corpus: str, warnings: list[str]) -> str:
    """Why a folder gave no document to index: it is empty, or every file in it was skipped (and why)."""
    skipped = [w for w in warnings if ": skipped: " in w]
    if not skipped:
        return f"no readable documents in {corpus}: the folder has no files"
    reasons = Counter(w.split(": skipped: ", 1)[1].split(" (")[0] for w in skipped)
    said = "; ".join(f"{n} × {why}" for why, n in reasons.most_common(3))
    return f"no readable documents in {corpus} ({len(skipped)} file{'s' if len(skipped) != 1 else ''} " \
           f"skipped: {said})"


def settings_key(model: str, segmenter: dict) -> str:
    """Everything besides a document itself that decides its passages and vectors."""
    return json.dumps({"segmenter": SEGMENTER_VERSION, "model": model, "segment": segmenter}, sort_keys=True)


def document_key(doc: Document, settings: str, chrome: Iterable[str] = ()) -> str:
    """Changes when the text, its metadata or hints, the build settings or its learnt chrome lines change."""
    meta = json.dumps(doc.metadata(), sort_keys=True)
    lines = json.dumps(list(chrome))
    return hashlib.sha256(f"{doc.content_hash}\n{meta}\n{settings}\n{lines}".encode()).hexdigest()


def corpus_analyzer(setting: str, docs: list[Document], report: BuildReport) -> bm25.Analyzer:
    """The BM25 analyzer for the corpus's language (the setting, or detected from the documents for "auto")."""
    lang, detected = resolve_language(setting, (d.text for d in docs))
    report.language, report.language_detected = lang.code, detected
    if detected:
        log.info("the corpus reads as %s: BM25 stems and stop words follow it", lang.name)
    return bm25.analyzer(lang.code)


def read_corpus(documents: Callable[[], Iterable[Document]], note: ProgressFn, report: BuildReport,
                corpus: str) -> list[Document]:
    """Every document of the corpus, the first of any two with one path. Held in memory for the chrome
    learnt across them: the texts are no larger than the store the build writes."""
    docs: dict[str, Document] = {}
    note("reading documents", 0, 0)
    for i, doc in enumerate(documents(), 1):
        docs.setdefault(doc.path, doc)
        if i % PROGRESS_EVERY == 0:
            note("reading documents", i, 0)
    if not docs:
        raise CorpusError(no_documents(corpus, report.warnings))
    return list(docs.values())


class IndexBuilder:
    """One build of one index folder. ``documents`` yields the corpus (and records load warnings itself)."""

    def __init__(self, folder: IndexFolder, documents: Callable[[], Iterable[Document]],
                 segment: DocumentSegmenter, encoder: PassageEncoder, settings: IndexSettings,
                 key: str, corpus: str = "", language: str = AUTO) -> None:
        self.folder = folder
        self.language = language
        self.documents = documents
        self.segment = segment
        self.encoder = encoder
        self.settings = settings
        self.key = key
        self.corpus = corpus

    def run(self, full: bool = False, progress: ProgressFn | None = None, show_progress: bool = False,
            report: BuildReport | None = None) -> BuildReport:
        t0 = time.perf_counter()
        report = report or BuildReport()
        report.full = full
        note = progress or (lambda stage, done, total: None)
        with self.folder.lock():
            self.folder.sweep()
            report.known = self._known_warnings()
            prev = self._plan(full, report)
            docs = self._read(note, report)
            # Site chrome is learnt from every document, changed or not; a document's key holds the learnt
            # lines it has, so what is learnt re-segments the documents it touches and no others.
            chrome = self.segment.learn(d.text for d in docs)
            keys = {d.path: document_key(d, self.key, chrome.present_in(d.text)) for d in docs}
            analyzer = corpus_analyzer(self.language, docs, report)
            final = self._unchanged(prev, keys, analyzer, report)
            if final is None:
                final = self._build(prev, docs, chrome, keys, analyzer, report, note, show_progress)
        report.generation = final.name
        report.seconds = time.perf_counter() - t0
        note("done", report.passages, report.passages)
        return report

    def _build(self, prev: Generation | None, docs: list[Document], chrome: Chrome, keys: dict[str, str],
               analyzer: bm25.Analyzer, report: BuildReport, note: ProgressFn, show_progress: bool) -> Generation:
        gen = self.folder.start()
        try:
            store = self._ingest(prev, gen, docs, chrome, keys, report, note)
            ids, vectors, moved = self._embed(prev, store, report, note, show_progress)
            if not len(ids):
                raise CorpusError(f"no passages in {self.corpus or 'the corpus'}: its {len(docs)} document"
                                  f"{'s hold' if len(docs) != 1 else ' holds'} no text to quote")
            owners, window_vectors = self._embed_windows(prev, store, ids, moved, report, show_progress)
            self._write(gen, store, ids, np.vstack([vectors, window_vectors]), owners, analyzer, report, note)
            return self.folder.publish(gen)
        except OSError as exc:
            shutil.rmtree(gen.path, ignore_errors=True)
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise IndexUnusable(f"the disk is full while writing the index in {self.folder.path} ({exc}); "
                                    "the index was not changed and still serves",
                                    Remedy.FREE_SPACE_AND_REBUILD) from exc
            raise
        except BaseException:
            shutil.rmtree(gen.path, ignore_errors=True)
            raise

    def _plan(self, full: bool, report: BuildReport) -> Generation | None:
        """The generation to update from, or None to build everything: none asked for, none usable (another
        format or settings), or one whose files are damaged — an update must not carry damage forward."""
        prev = None if full else self.folder.current()
        if prev is None:
            report.full = True
            return None
        try:
            meta = prev.meta()
            if meta.format != FORMAT_VERSION or meta.settings != self.key:
                log.info("index settings changed since the last build: rebuilding everything")
                prev = None
            else:
                # What an update reuses must be what the build wrote: damage would spread to every later
                # generation unnoticed. Generations from before checksums get SQLite's own check.
                prev.verify(meta)
                if prev.store.name not in meta.checksums:
                    Store(prev.store, readonly=True).check()
        except IndexDamaged as exc:
            log.warning("%s; rebuilding everything instead of updating", str(exc).split(": run")[0])
            prev = None
        report.full = prev is None
        return prev

    def _known_warnings(self) -> set[str]:
        """What the serving generation's build warned about: not news when this build says it again."""
        try:
            gen = self.folder.current()
            return set(gen.meta().warnings) if gen is not None else set()
        except IndexDamaged:
            return set()

    def _unchanged(self, prev: Generation | None, keys: dict[str, str], analyzer: bm25.Analyzer,
                   report: BuildReport) -> Generation | None:
        """``prev`` itself when no document changed and it is this version's, in this language: nothing to write."""
        if prev is None:
            return None
        meta = prev.meta()
        if meta.bm25_analyzer != bm25.ANALYZER_VERSION or meta.language != analyzer.code \
                or Store(prev.store, readonly=True).document_keys() != keys:
            return None
        if meta.warnings != report.warnings:  # a new unreadable file is no document, but is news once
            meta.warnings = report.warnings
            prev.write_meta(meta)
        report.unchanged, report.documents, report.passages = len(keys), meta.documents, meta.passages
        report.windows = meta.windows
        log.info("no document changed since generation %s: nothing to write", prev.name)
        return prev

    def _ingest(self, prev: Generation | None, gen: Generation, docs: list[Document], chrome: Chrome,
                keys: dict[str, str], report: BuildReport, note: ProgressFn) -> Store:
        """The new generation's store: the previous one's, with new and changed documents segmented in and
        removed ones taken out."""
        if prev is not None:
            Store(prev.store, readonly=True).backup_to(gen.store)
        store = Store(gen.store, unsynced=True)
        known = store.document_keys()
        note("segmenting", 0, len(docs))
        for i, doc in enumerate(docs, 1):
            key = keys[doc.path]
            if known.get(doc.path) == key:
                report.unchanged += 1
                continue
            seg = self.segment(doc, chrome)
            store.put_document(doc, seg.source, seg.passages, key)
            report.changed += doc.path in known
            report.added += doc.path not in known
            if i % PROGRESS_EVERY == 0:
                note("segmenting", i, len(docs))
        for path in set(known) - set(keys):
            store.remove_document(path)
            report.removed += 1
        report.documents = len(docs)
        return store

    def _read(self, note: ProgressFn, report: BuildReport) -> list[Document]:
        return read_corpus(self.documents, note, report, self.corpus)

    def _embed(self, prev: Generation | None, store: Store, report: BuildReport, note: ProgressFn,
               show_progress: bool) -> tuple[np.ndarray, np.ndarray, dict[int, int]]:
        """Vectors for every passage id: reused from the previous generation where the passage is unchanged, or
        where a changed document's passage has the search text one of its passages had (``moved``: new id → old
        id), so that a day of chat with a few messages more embeds only the new passages."""
        ids = np.asarray(store.passage_ids(), dtype=np.int64)
        old_ids, old_vecs = np.zeros(0, dtype=np.int64), None
        if prev is not None:
            old_ids, old_vecs = np.load(prev.ids), np.load(prev.vectors, mmap_mode="r")
        pos = np.searchsorted(old_ids, ids) if len(old_ids) else np.zeros(len(ids), dtype=np.int64)
        reuse = np.zeros(len(ids), dtype=bool)
        if len(old_ids):
            ok = pos < len(old_ids)
            reuse[ok] = old_ids[pos[ok]] == ids[ok]
        moved = _moved(prev, store, ids[~reuse].tolist())
        if moved:
            at = np.searchsorted(ids, np.fromiter(moved, dtype=np.int64))
            pos[at] = np.searchsorted(old_ids, np.fromiter(moved.values(), dtype=np.int64))
            reuse[at] = True
        need = ids[~reuse].tolist()
        note("embedding", 0, len(need))
        t = time.perf_counter()
        new = self.encoder.encode_passages(store.search_texts_of(need), progress=show_progress) if need else None
        report.encode_seconds = time.perf_counter() - t
        report.embedded = len(need)
        note("embedding", len(need), len(need))
        dim = new.shape[1] if new is not None else old_vecs.shape[1] if old_vecs is not None else self.encoder.dimension
        out = np.zeros((len(ids), dim), dtype=np.float32)
        if reuse.any():
            out[reuse] = old_vecs[pos[reuse]]
        if new is not None:
            out[~reuse] = new
        return ids, out, moved

    def _embed_windows(self, prev: Generation | None, store: Store, ids: np.ndarray, moved: dict[int, int],
                       report: BuildReport, show_progress: bool) -> tuple[np.ndarray, np.ndarray]:
        """(owner passage id, vector) of every window row, grouped by owner in id order: an unchanged passage's
        windows reused from the previous generation (same settings, same search text: same windows), the rest
        cut (chunking.windows) and embedded. A ``moved`` passage takes its old self's windows."""
        old_ids, old_owners, old_vecs = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), None
        if prev is not None:
            old_ids, old_owners = np.load(prev.ids), np.load(prev.windows)
            old_vecs = np.load(prev.vectors, mmap_mode="r")[len(old_ids):]
        old_owners, old_vecs = _with_moved(old_owners, old_vecs, moved)
        kept = np.isin(old_owners, ids)
        # Passages whose vectors _embed reused keep their windows, or none.
        fresh = np.setdiff1d(np.setdiff1d(ids, old_ids), np.fromiter(moved, dtype=np.int64))
        cut = self.segment.windows(store.passage_texts_of(fresh.tolist()))
        texts = [t for ts in cut for t in ts]
        new_owners = np.repeat(fresh, [len(ts) for ts in cut]).astype(np.int64)
        t = time.perf_counter()
        new = self.encoder.encode_passages(texts, progress=show_progress) if texts else None
        report.encode_seconds += time.perf_counter() - t
        dim = new.shape[1] if new is not None else old_vecs.shape[1] if old_vecs is not None else self.encoder.dimension
        owners = np.concatenate([old_owners[kept], new_owners])
        vectors = np.zeros((len(owners), dim), dtype=np.float32)
        if kept.any():
            vectors[: int(kept.sum())] = old_vecs[kept]
        if new is not None:
            vectors[int(kept.sum()):] = new
        order = np.argsort(owners, kind="stable")  # each owner's windows come from one side, in their order
        report.windows = len(owners)
        return owners[order], vectors[order]

    def _write(self, gen: Generation, store: Store, ids: np.ndarray, vectors: np.ndarray, owners: np.ndarray,
               analyzer: bm25.Analyzer, report: BuildReport, note: ProgressFn) -> None:
        """Dense and BM25 indexes and the meta, every file of the generation flushed to disk. ``vectors`` are
        the passages' rows, then their windows' (whose passage ids are ``owners``)."""
        note("indexing", 0, len(ids))
        faiss.write_index(dense.build(vectors, self.settings.type), str(gen.dense))
        np.save(gen.ids, ids)
        np.save(gen.vectors, vectors)
        np.save(gen.windows, owners)
        _, texts = store.search_texts()
        params = (self.settings.bm25_k1, self.settings.bm25_b)
        bm25.save(bm25.build(texts, *params, analyzer=analyzer), gen.bm25)
        # Who is who needs every document's names: settled here, after the last document is in.
        store.put_speaker_people(speakers.settle(store.speaker_entries(), store.texts, store.text_and_author))
        report.passages = len(ids)
        fingerprint = hashlib.sha256("\n".join(sorted(store.document_keys().values())).encode()).hexdigest()
        store.sync()
        checksums = {f.relative_to(gen.path).as_posix(): file_digest(f) for f in sorted(gen.path.rglob("*"))
                     if f.is_file() and f != gen.meta_file}
        gen.write_meta(Meta(
            settings=self.key, model=self.encoder.name, dimension=int(vectors.shape[1]) if len(vectors) else None,
            fingerprint=fingerprint, corpus=self.corpus, documents=report.documents, passages=report.passages,
            windows=len(owners), index_type=dense.choose_type(self.settings.type, len(vectors)), bm25=list(params),
            bm25_analyzer=bm25.ANALYZER_VERSION, language=analyzer.code, checksums=checksums, warnings=report.warnings,
        ))
        sync_files(gen.path)


def _moved(prev: Generation | None, store: Store, need: list[int]) -> dict[int, int]:
    """Passages to embed (ids of ``store``) whose document had a passage with the same search text in ``prev``:
    new id → that passage's id. The search text is everything the vector reads, so the vector is the same."""
    if prev is None or not need:
        return {}
    texts = store.path_search_texts(need)
    old = Store(prev.store, readonly=True).ids_by_search_text({path for path, _ in texts.values()})
    return {pid: old[key] for pid, key in texts.items() if key in old}


def _with_moved(owners: np.ndarray, vectors: np.ndarray | None, moved: dict[int, int]
                ) -> tuple[np.ndarray, np.ndarray | None]:
    """The previous generation's window rows, plus a copy of a moved passage's old windows under its new id."""
    if not moved or vectors is None or not len(owners):
        return owners, vectors
    extra = [(new, np.flatnonzero(owners == old)) for new, old in moved.items()]
    extra = [(new, rows) for new, rows in extra if len(rows)]
    if not extra:
        return owners, vectors
    new_owners = np.concatenate([np.full(len(rows), new, dtype=np.int64) for new, rows in extra])
    new_vectors = np.concatenate([np.asarray(vectors[rows]) for _, rows in extra])
    return np.concatenate([owners, new_owners]), np.concatenate([np.asarray(vectors), new_vectors])
