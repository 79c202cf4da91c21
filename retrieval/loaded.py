"""An index generation opened for reading, and a live handle that follows ``CURRENT``.

A ``LoadedIndex`` is read-only and safe to query from several threads. ``LiveIndex.current()`` returns the
newest complete generation, reopening when a build (from the bot or from ``quoth index`` in a shell) has
switched ``CURRENT``; a search that already holds the previous one finishes on it.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from pathlib import Path

import faiss
import numpy as np

from . import bm25, dense
from .index import current_generation
from .store import Store

log = logging.getLogger("quoth.index")


class IndexMissing(RuntimeError):
    """No complete index exists yet in the folder."""


class LoadedIndex:
    def __init__(self, gen: Path) -> None:
        self.path = gen
        self.meta: dict = json.loads((gen / "meta.json").read_text())
        self.store = Store(gen / "store.sqlite", readonly=True)
        self.ids: np.ndarray = np.load(gen / "ids.npy")
        self.faiss = faiss.read_index(str(gen / "dense.faiss"))
        dense.tune_for_search(self.faiss)
        # Flat and HNSW indexes hold the vectors already: use them rather than a second copy. Otherwise
        # memory-map them, so only the pages of vectors actually scored are resident.
        stored = dense.stored_vectors(self.faiss)
        self.vectors: np.ndarray = stored if stored is not None else np.load(gen / "vectors.npy", mmap_mode="r")
        self.bm25 = bm25.load(gen / "bm25")
        self._labels: tuple[list, list, list] | None = None
        self._labels_lock = threading.Lock()

    @property
    def generation(self) -> str:
        return self.path.name

    @property
    def model(self) -> str:
        return self.meta["model"]

    def __len__(self) -> int:
        return len(self.ids)

    def labels(self) -> tuple[list[str | None], list[str], list[str]]:
        """Speaker, path and title per row, loaded on first use (filters and autocomplete need them)."""
        if self._labels is None:
            with self._labels_lock:
                if self._labels is None:
                    self._labels = self.store.row_labels()
        return self._labels

    def mask(self, source: str | None = None, speaker: str | None = None) -> np.ndarray | None:
        """Rows allowed by the filters: source matches a path exactly or a path/title by substring."""
        if not source and not speaker:
            return None
        speakers, paths, titles = self.labels()
        keep = np.ones(len(self.ids), dtype=bool)
        if source:
            s = source.lower()
            exact = np.array([p.lower() == s for p in paths], dtype=bool)
            keep &= exact if exact.any() else np.array(
                [s in p.lower() or s in t.lower() for p, t in zip(paths, titles, strict=True)], dtype=bool)
        if speaker:
            s = speaker.lower()
            exact = np.array([(x or "").lower() == s for x in speakers], dtype=bool)
            keep &= exact if exact.any() else np.array([s in (x or "").lower() for x in speakers], dtype=bool)
        return keep


class LiveIndex:
    """The current generation of an index folder, reopened when ``CURRENT`` changes.

    ``CURRENT`` is looked at most every ``check_every`` seconds: a new generation is served within that
    time, and a question does not pay for a file read.
    """

    def __init__(self, folder: Path, check_every: float = 1.0) -> None:
        self.folder = folder
        self.check_every = check_every
        self._lock = threading.Lock()
        self._loaded: LoadedIndex | None = None
        self._stamp: tuple[str, int] | None = None
        self._checked = 0.0

    def _read_stamp(self) -> tuple[str, int] | None:
        try:
            st = (self.folder / "CURRENT").stat()
            return (self.folder / "CURRENT").read_text().strip(), st.st_mtime_ns
        except FileNotFoundError:
            return None

    def current(self) -> LoadedIndex:
        loaded = self._loaded
        now = time.monotonic()
        if loaded is not None and now - self._checked < self.check_every:
            return loaded
        stamp = self._read_stamp()
        self._checked = now
        if loaded is not None and stamp == self._stamp:
            return loaded
        with self._lock:
            if self._loaded is not None and stamp == self._stamp:
                return self._loaded
            gen = current_generation(self.folder)
            if gen is None:
                if self._loaded is not None:
                    return self._loaded
                raise IndexMissing(f"no index in {self.folder}: run `quoth index`")
            if self._loaded is None or gen != self._loaded.path:
                log.info("serving index generation %s", gen.name)
                self._loaded = LoadedIndex(gen)
            self._stamp = stamp
            return self._loaded

    def refresh(self) -> None:
        """Look at ``CURRENT`` on the next question (after a build in this process)."""
        self._checked = 0.0

    def exists(self) -> bool:
        return current_generation(self.folder) is not None
