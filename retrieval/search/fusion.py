"""Combining dense and BM25 scores of the same candidate passages into one ranking."""

from __future__ import annotations

import numpy as np


def ranks(scores: np.ndarray) -> np.ndarray:
    """1-based rank of each score, highest first (ties share the better rank order by position)."""
    order = np.argsort(-scores, kind="stable")
    r = np.empty(len(scores), dtype=np.int64)
    r[order] = np.arange(1, len(scores) + 1)
    return r


def rrf(dense: np.ndarray, lexical: np.ndarray, k: int = 60, dense_weight: float = 0.5) -> np.ndarray:
    """Reciprocal-rank fusion; a candidate with no lexical match gets no lexical share."""
    lex = (1.0 - dense_weight) / (k + ranks(lexical))
    lex[lexical <= 0] = 0.0
    return dense_weight / (k + ranks(dense)) + lex


def minmax(x: np.ndarray) -> np.ndarray:
    if len(x) == 0:
        return x
    lo, hi = float(x.min()), float(x.max())
    if hi - lo < 1e-9:
        return np.zeros_like(x) if hi <= 0 else np.ones_like(x)
    return (x - lo) / (hi - lo)


def linear(dense: np.ndarray, lexical: np.ndarray, dense_weight: float = 0.5) -> np.ndarray:
    """Weighted sum of min-max normalised scores over the candidate set."""
    return dense_weight * minmax(dense) + (1.0 - dense_weight) * minmax(lexical)


def fuse(method: str, dense: np.ndarray, lexical: np.ndarray, dense_weight: float, rrf_k: int) -> np.ndarray:
    if method == "rrf":
        return rrf(dense, lexical, rrf_k, dense_weight)
    if method == "linear":
        return linear(dense, lexical, dense_weight)
    raise ValueError(f"unknown fusion method {method!r}: use rrf or linear")
