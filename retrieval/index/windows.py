"""Window rows: the extra vectors of long passages (segment/chunking.windows), stored after the passages' own
rows in the same dense index. A passage's dense score is the best of its own cosine and its windows': the
model reads its first 128 word pieces best, and a question about words past them finds the window holding
them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class WindowRows:
    """Which passage row owns each window row. Windows are stored grouped by owner, owners in row order, so a
    row's windows are ``starts[row]:starts[row + 1]`` among the window rows."""

    owners: np.ndarray  # the passage row of each window row, ascending
    starts: np.ndarray  # len(passages) + 1 offsets into the window rows

    @classmethod
    def of(cls, owners: np.ndarray, passages: int) -> WindowRows:
        """``ValueError`` unless ``owners`` are passage rows in ascending order, as a build writes them."""
        owners = np.asarray(owners, dtype=np.int64)
        if len(owners) and (owners.min() < 0 or owners.max() >= passages or np.any(np.diff(owners) < 0)):
            raise ValueError("its window rows do not point at the passages in order")
        return cls(owners, np.searchsorted(owners, np.arange(passages + 1)).astype(np.int64))

    def __len__(self) -> int:
        return len(self.owners)

    def of_rows(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(window rows of ``rows``, and for each the position in ``rows`` of its passage)."""
        first, last = self.starts[rows], self.starts[np.asarray(rows) + 1]
        counts = last - first
        if not counts.any():
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        which = np.repeat(np.arange(len(rows)), counts)
        # Each window's offset within its passage's run, added to the run's first row.
        within = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        return np.repeat(first, counts) + within, which


def best_of(own: np.ndarray, which: np.ndarray, window_sims: np.ndarray) -> np.ndarray:
    """Each passage's similarity: the best of its own (``own``) and its windows' (``window_sims``, the window
    of position ``which[i]`` in ``own``)."""
    out = np.array(own, dtype=np.float32, copy=True)
    if len(which):
        np.maximum.at(out, which, window_sims.astype(np.float32))
    return out


def top_passages(owners: np.ndarray, sims: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` best passages among dense hits on passage and window rows, best first: ``owners`` are the hits'
    passages, ``sims`` their cosines. Each passage once, at its best hit."""
    order = np.argsort(-sims, kind="stable")
    owners, sims = owners[order], sims[order]
    _, first = np.unique(owners, return_index=True)
    first = np.sort(first)[:k]  # best first: a passage's first hit is its best
    return owners[first], sims[first]
