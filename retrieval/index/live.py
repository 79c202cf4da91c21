"""An index generation opened for reading, and a live handle that follows ``CURRENT``.

``LoadedIndex`` is the storage interface search and the front ends use: dense and lexical scores over rows,
filters, passages by id, documents and speakers. It is read-only and safe to query from several threads.
``LiveIndex.current()`` returns the newest complete generation, reopening when a build (from the bot or from
``quoth index`` in a shell) has switched ``CURRENT``; a search that already holds the previous one finishes
on it.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import faiss
import numpy as np

from ..errors import IndexDamaged, IndexMissing, Remedy
from ..records import Passage, SourceInfo
from . import bm25, dense, filters
from .generation import Generation, IndexFolder, Meta, file_digest
from .speakers import SpeakerDirectory
from .store import Store, StoredDocument, damaged
from .windows import WindowRows, best_of, top_passages
from .withhold import Withholder, Withholding

log = logging.getLogger("quoth.index")


class LoadedIndex(Withholding):
    """One generation: rows are positions 0..n-1 in passage-id order; ``ids[row]`` is the passage id."""

    def __init__(self, gen: Generation) -> None:
        """Open every file of ``gen``; ``IndexDamaged`` names the first that cannot be read or does not agree
        with the others."""
        self.path = gen.path
        self.meta: Meta = gen.meta()
        with damaged(gen.store):
            self.store = Store(gen.store, readonly=True)
            stored_rows = self.store.passage_count()
        with damaged(gen.ids):
            self.ids: np.ndarray = np.load(gen.ids)
            if self.ids.ndim != 1 or len(self.ids) != stored_rows:
                raise ValueError(f"{len(self.ids)} ids for {stored_rows} passages")
            _check_row_ids(gen, self.meta, self.ids)
        with damaged(gen.windows):
            owners = np.load(gen.windows)
            at = np.searchsorted(self.ids, owners)
            if len(owners) and (at.max() >= len(self.ids) or np.any(self.ids[at] != owners)):
                raise ValueError("its windows belong to passages it does not hold")
            _as_built(gen.windows, self.meta)  # a permutation would give windows to other passages
            self.windows = WindowRows.of(at, len(self.ids))
        rows = len(self.ids) + len(self.windows)
        with damaged(gen.dense):
            self.faiss = faiss.read_index(str(gen.dense))
            if self.faiss.ntotal != rows:
                raise ValueError(f"{self.faiss.ntotal} vectors for {len(self.ids)} passages and "
                                 f"{len(self.windows)} windows")
        dense.tune_for_search(self.faiss)
        # Flat and HNSW indexes hold the vectors already: use them rather than a second copy. Otherwise
        # memory-map them, so only the pages of vectors actually scored are resident.
        stored = dense.stored_vectors(self.faiss)
        with damaged(gen.dense if stored is not None else gen.vectors):
            # Every dense row: the passages' (``vectors``), then their windows' (``window_vectors``).
            self.all_vectors: np.ndarray = stored if stored is not None else np.load(gen.vectors, mmap_mode="r")
            if len(self.all_vectors) != rows:
                raise ValueError(f"{len(self.all_vectors)} vectors for {rows} rows")
            dense.check_vectors(self.all_vectors)
        self.vectors = self.all_vectors[: len(self.ids)]
        self.window_vectors = self.all_vectors[len(self.ids):]
        # A dense hit's passage row: itself for a passage's row, its owner for a window's.
        self._owner_of = np.concatenate([np.arange(len(self.ids)), self.windows.owners])
        with damaged(gen.bm25):
            self.bm25 = bm25.load(gen.bm25)
            if bm25.size(self.bm25) != len(self.ids):
                raise ValueError(f"{bm25.size(self.bm25)} documents for {len(self.ids)} passages")
        with damaged(gen.meta_file):
            self.analyzer = bm25.analyzer(self.meta.language)  # queries are read as the passages were
        self._labels: tuple[list, list, list] | None = None
        self._directory: SpeakerDirectory | None = None
        self._labels_lock = threading.Lock()

    @property
    def generation(self) -> str:
        return self.path.name

    def damaged(self, passage_id: int) -> bool:
        """Whether the passage was found not to be what the build wrote (store.Store._check): never shown."""
        return passage_id in self.store.damaged_ids

    def content_hash(self, path: str) -> str | None:
        """The content hash of document ``path`` as this generation holds it."""
        return self._hashes.get(path)

    @functools.cached_property
    def _hashes(self) -> dict[str, str]:
        return {d.source.path: d.content_hash for d in self.store.documents()}

    @property
    def model(self) -> str:
        return self.meta.model

    def __len__(self) -> int:
        return len(self.ids)

    # --- scoring -------------------------------------------------------------------------------------
    # Rows are this generation's keys: what ``candidates``, ``dense_top`` and ``lexical_top`` return and every
    # other method takes. Here they are positions 0..n-1; ``passage_ids`` turns them into passage ids.
    def candidates(self, words: list[str], qvec: np.ndarray, c: int, source: str | None = None,
                   speaker: str | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(rows, cosine similarities, BM25 scores) of the union of the ``c`` nearest passages and the ``c``
        best by BM25, within the filters (``BadQuery`` when a filter matches nothing)."""
        mask = self.mask(source, speaker)
        if mask is None:
            dense_rows, _ = self.dense_top(qvec, c)
        else:
            allowed = np.flatnonzero(mask)
            if not len(allowed):
                self.check_filters(source, speaker)  # a filter matching nothing is a mistake, said as one
                return (np.zeros(0, dtype=np.int64),) + (np.zeros(0, dtype=np.float32),) * 2
            sims = self.similarities(qvec, allowed)
            dense_rows = allowed[np.argpartition(-sims, min(c, len(sims)) - 1)[:c]]
        lex_all = self.lexical_scores(words, mask)
        positive = np.flatnonzero(lex_all > 0)
        if len(positive) > c:
            positive = positive[np.argpartition(-lex_all[positive], c - 1)[:c]]
        rows = np.union1d(dense_rows, positive).astype(np.int64)
        return rows, self.similarities(qvec, rows), lex_all[rows]

    def dense_top(self, qvec: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(rows, cosine similarities) of the ``k`` nearest passages, best first."""
        # A passage may be hit by its own row and its windows': enough hits for k passages in all but odd cases.
        want = min(k * 2 if len(self.windows) else k, self.faiss.ntotal)
        sims, found = self.faiss.search(qvec[None, :].astype(np.float32), want)
        ok = found[0] >= 0
        return top_passages(self._owner_of[found[0][ok]], sims[0][ok], k)

    def lexical_top(self, words: list[str], k: int) -> tuple[np.ndarray, np.ndarray]:
        """(rows, BM25 scores) of the ``k`` best passages by BM25 with a positive score, best first."""
        lex = self.lexical_scores(words)
        top = np.argsort(-lex, kind="stable")[:k]
        top = top[lex[top] > 0]
        return top, lex[top]

    def similarities(self, qvec: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Each row's cosine with the question: the best of its passage's and its windows' (windows.py)."""
        own = (np.asarray(self.vectors[rows]) @ qvec).astype(np.float32)
        if not len(self.windows):
            return own
        at, which = self.windows.of_rows(rows)
        return best_of(own, which, np.asarray(self.window_vectors[at]) @ qvec) if len(at) else own

    def vectors_of(self, rows: np.ndarray) -> np.ndarray:
        return np.asarray(self.vectors[rows])

    def passage_ids(self, rows: np.ndarray) -> np.ndarray:
        return self.ids[rows]

    def query_words(self, query: str) -> list[str]:
        return bm25.query_tokens(self.bm25, query, self.analyzer)

    def lexical_scores(self, words: list[str], mask: np.ndarray | None = None) -> np.ndarray:
        """BM25 score of every row (zero outside ``mask``)."""
        with damaged(self.path / "bm25"):
            return bm25.scores(self.bm25, words, mask.astype(np.float32) if mask is not None else None)

    def term_weights(self, words: list[str]) -> np.ndarray:
        """Each query term's IDF (unknown terms: the highest)."""
        with damaged(self.path / "bm25"):
            return bm25.term_weights(self.bm25, words)

    def coverage(self, words: list[str], rows: np.ndarray) -> np.ndarray:
        with damaged(self.path / "bm25"):
            return bm25.coverage(self.bm25, words, rows)

    # --- filters -------------------------------------------------------------------------------------
    def labels(self) -> tuple[list[str | None], list[str], list[str]]:
        """Speaker, path and title per row, loaded on first use (filters and autocomplete need them)."""
        if self._labels is None:
            with self._labels_lock:
                if self._labels is None:
                    self._labels = self.store.row_labels()
        return self._labels

    @functools.cached_property
    def _docs(self) -> list[tuple[str, str]]:
        """Each document's (path, title), once: what the source filter matches against."""
        _, paths, titles = self.labels()
        return list(dict(zip(paths, titles, strict=True)).items())

    def mask(self, source: str | None = None, speaker: str | None = None) -> np.ndarray | None:
        """Rows allowed by the filters (see filters.py)."""
        if not source and not speaker:
            return None
        _, paths, _ = self.labels()
        keep = np.ones(len(self.ids), dtype=bool)
        if source:
            allowed = set(filters.source_paths(source, self._docs))
            keep &= np.array([p in allowed for p in paths], dtype=bool)
        if speaker:
            keep &= self.speaker_rows(speaker)
        return keep

    def check_filters(self, source: str | None, speaker: str | None) -> None:
        filters.check(source, speaker, self._docs, self.directory())

    def speaker_rows(self, speaker: str) -> np.ndarray:
        named = set(filters.speaker_names(speaker, self.directory()))
        return np.array([x in named for x in self.labels()[0]], dtype=bool)

    def directory(self) -> SpeakerDirectory:
        """The corpus's people and all their names, as the build settled them."""
        if self._directory is None:
            with self._labels_lock:
                if self._directory is None:
                    self._directory = SpeakerDirectory(self.store.speaker_entries(), self.store.speaker_people())
        return self._directory

    def _as_people(self, found: list[tuple[Passage, SourceInfo]]) -> list[tuple[Passage, SourceInfo]]:
        """Passages with their speakers named as the corpus's people (the written name kept beside)."""
        d = self.directory()
        return [(p.as_person(d.canonical(p.speaker), d.canonical(p.reply_to)), src) for p, src in found]

    # --- passages and documents ------------------------------------------------------------------------
    def passages(self, rows: np.ndarray) -> list[tuple[Passage, SourceInfo]]:
        """The passages of ``rows``, in that order."""
        ids = self.ids[rows].tolist()
        found = self._with_people(self.store.get(ids))
        return [found[int(pid)] for pid in ids]

    def get(self, ids: Iterable[int]) -> dict[int, tuple[Passage, SourceInfo]]:
        """Passages by passage id, to be shown (ids no longer indexed, and damaged or withheld passages, are left
        out)."""
        found = self.store.get(ids)
        return self._with_people({pid: got for pid, got in found.items() if not self.hidden(got[0])})

    def _with_people(self, found: dict[int, tuple[Passage, SourceInfo]]) -> dict[int, tuple[Passage, SourceInfo]]:
        return dict(zip(found, self._as_people(list(found.values())), strict=True))

    def passage_paths(self) -> dict[int, str]:
        """Every passage id and its document's path."""
        return dict(zip(self.ids.tolist(), self.labels()[1], strict=True))

    def random_passages(self, source: str | None, speaker: str | None, avoid: Iterable[int],
                        seed: int | None = None, limit: int = 200) -> Iterator[tuple[Passage, SourceInfo]]:
        """Up to ``limit`` passages within the filters in random order, those not in ``avoid`` (passage ids)
        first; ``BadQuery`` when a filter matches nothing."""
        mask = self.mask(source, speaker)
        rows = np.flatnonzero(mask) if mask is not None else np.arange(len(self))
        if not len(rows):
            self.check_filters(source, speaker)
            return
        fresh = rows[~np.isin(self.ids[rows], np.fromiter(avoid, dtype=np.int64))]
        rng = np.random.default_rng(seed)
        for pool in (fresh, rows):
            for row in rng.permutation(pool)[:limit]:
                for passage, src in self.passages(np.array([row])):
                    if not self.hidden(passage):
                        yield passage, src

    def document_text(self, path: str) -> str | None:
        """A document's stored text, the one every offset points into."""
        return self.masked(path, self.store.document_text(path))

    def passages_within(self, path: str, start: int, end: int) -> list[tuple[Passage, SourceInfo]]:
        return self._as_people(self.shown(self.store.passages_within(path, start, end)))

    def search_texts(self, rows: np.ndarray) -> list[str]:
        return self.store.search_texts_of(self.ids[rows].tolist())

    def documents(self) -> list[StoredDocument]:
        return self.store.documents()

    def speakers(self) -> list[tuple[str, int]]:
        """The corpus's people by number of passages."""
        return self.directory().counts()

    def context(self, path: str, start: int, end: int, before: int = 1, after: int = 1
                ) -> tuple[list[tuple[Passage, SourceInfo]], int | None]:
        """The passage of ``path`` covering [start, end) with its neighbours, and its id (None: it is gone)."""
        pid = self.store.passage_at(path, start, end)
        if pid is None:
            return [], None
        around = self.shown(self.store.neighbours(pid, before=before, after=after))
        if not any(p.id == pid for p, _ in around):  # withheld: gone, as far as a reader can tell
            return [], None
        return self._as_people(around), pid


def _check_row_ids(gen: Generation, meta: Meta, ids: np.ndarray) -> None:
    """Row i's passage id is ``ids[i]``: a permuted or edited ids.npy still parses, and would show every hit
    as another passage than the one its vectors and words scored. The build wrote the ids ascending and
    recorded the file's checksum: both are checked."""
    if len(ids) > 1 and not bool(np.all(ids[1:] > ids[:-1])):
        raise ValueError("its passage ids are out of order")
    _as_built(gen.ids, meta)


def _as_built(path: Path, meta: Meta) -> None:
    """ValueError unless ``path`` has the checksum the build recorded (files that map rows, small enough to hash
    on every load: 100,000 passages' ids in ~3 ms on a small server)."""
    want = meta.checksums.get(path.name)
    if want is not None and file_digest(path) != want:
        raise ValueError("its contents are not what the build wrote")


class LiveIndex:
    """The current generation of an index folder, reopened when ``CURRENT`` changes.

    ``CURRENT`` is looked at most every ``check_every`` seconds: a new generation is served within that
    time, and a question does not pay for a file read.
    """

    def __init__(self, folder: Path | IndexFolder, check_every: float = 1.0) -> None:
        self.folder = folder if isinstance(folder, IndexFolder) else IndexFolder(folder)
        self.check_every = check_every
        self._lock = threading.Lock()
        self._loaded: LoadedIndex | None = None
        self._stamp: tuple[bytes, int] | None = None
        self._checked = 0.0
        self.withholder: Withholder | None = None  # set by Quoth: given to each generation it opens

    def current(self) -> LoadedIndex:
        loaded = self._loaded
        now = time.monotonic()
        if loaded is not None and now - self._checked < self.check_every:
            return loaded
        stamp = self.folder.stamp()
        self._checked = now
        if loaded is not None and stamp == self._stamp:
            return loaded
        with self._lock:
            if self._loaded is not None and stamp == self._stamp:
                return self._loaded
            gen = self.folder.current()
            if gen is None:
                if self._loaded is not None:
                    return self._loaded
                raise IndexMissing(f"no index in {self.folder.path}", Remedy.BUILD_INDEX)
            if self._loaded is None or gen.path != self._loaded.path:
                self._loaded = self._open(gen)
            self._stamp = stamp
            return self._loaded

    def _open(self, gen: Generation) -> LoadedIndex:
        """``gen`` opened; when it is damaged, the generation already served goes on serving (once said)."""
        try:
            loaded = LoadedIndex(gen)
            loaded.withholder = self.withholder
        except IndexDamaged as exc:
            if self._loaded is None:
                raise
            log.error("%s; still answering from generation %s", exc, self._loaded.generation)
            return self._loaded
        log.info("serving index generation %s", gen.name)
        return loaded

    def refresh(self) -> None:
        """Look at ``CURRENT`` on the next question (after a build in this process)."""
        self._checked = 0.0

    def exists(self) -> bool:
        return self.folder.current() is not None
