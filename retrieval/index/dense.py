"""The FAISS vector index: inner product over normalised vectors, its type chosen by corpus size."""

from __future__ import annotations

import math

import faiss
import numpy as np

# Below this many passages exact search is fastest to build and under a millisecond to query; above it
# HNSW keeps recall@10 ≥ 0.95 against exact search at a fraction of the time (benchmarks/scale.py).
FLAT_LIMIT = 20_000
# Past this, IVF builds faster than HNSW and keeps recall: at 1M passages with near-duplicate clusters HNSW
# reached recall@10 0.76 (0.87 at efSearch 1024) where IVF with nprobe 32 reached 1.00 in 1.1 ms.
IVF_FROM = 500_000


def choose_type(kind: str, n: int) -> str:
    if kind != "auto":
        return kind
    if n < FLAT_LIMIT:
        return "flat"
    return "hnsw" if n < IVF_FROM else "ivf"


def build(vectors: np.ndarray, kind: str = "auto") -> faiss.Index:
    n, dim = vectors.shape
    kind = choose_type(kind, n)
    if kind == "flat" or n < 1000:
        index = faiss.IndexFlatIP(dim)
    elif kind == "hnsw":
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
    elif kind == "ivf":
        nlist = max(16, int(4 * math.sqrt(n)))
        quantizer = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFFlat(quantizer, dim, nlist, faiss.METRIC_INNER_PRODUCT)
        rng = np.random.default_rng(0)
        sample = vectors[rng.choice(n, size=min(n, nlist * 64), replace=False)]
        index.train(np.ascontiguousarray(sample))
    else:
        raise ValueError(f"unknown index type {kind!r}: use auto, flat, hnsw or ivf")
    if n:
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def tune_for_search(index: faiss.Index) -> None:
    """Search-time accuracy knobs, set once after loading (recall@10 ≥ 0.95 against flat)."""
    if isinstance(index, faiss.IndexHNSWFlat):
        index.hnsw.efSearch = 128
    elif isinstance(index, faiss.IndexIVFFlat):
        index.nprobe = 32


def stored_vectors(index: faiss.Index) -> np.ndarray | None:
    """A read-only view of the vectors a flat or HNSW index stores (row order = insertion order). It reads the
    index's own memory: keep the index alive while the view is used."""
    if isinstance(index, faiss.IndexHNSWFlat):
        storage = faiss.downcast_index(index.storage)
    elif isinstance(index, faiss.IndexFlat):
        storage = index
    else:
        return None
    if storage.ntotal == 0:
        return None
    view = faiss.rev_swig_ptr(storage.get_xb(), storage.ntotal * storage.d).reshape(storage.ntotal, storage.d)
    view.flags.writeable = False
    return view


CHECK_ROWS = 20_000  # rows whose length is checked when an index is opened, spread over all of it


def check_vectors(vectors: np.ndarray) -> None:
    """``ValueError`` unless (a spread sample of) the vectors are unit length, as every build writes them:
    garbled bytes in a vector file read as numbers, and only their lengths give the damage away."""
    if not len(vectors):
        return
    rows = np.unique(np.linspace(0, len(vectors) - 1, min(len(vectors), CHECK_ROWS)).astype(np.int64))
    with np.errstate(all="ignore"):
        norms = np.linalg.norm(np.asarray(vectors[rows], dtype=np.float64), axis=1)
    if not np.all(np.isfinite(norms)) or np.abs(norms - 1).max() > 1e-2:
        raise ValueError("its vectors are not the unit vectors a build writes")


def describe(index: faiss.Index) -> str:
    if isinstance(index, faiss.IndexHNSWFlat):
        return "hnsw"
    if isinstance(index, faiss.IndexIVFFlat):
        return "ivf"
    return "flat"
