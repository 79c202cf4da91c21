"""Find the best quotes for a question: hybrid dense + BM25 candidates, fused, gated, de-duplicated.

Abstention: a passage counts as relevant when its dense cosine similarity to the question reaches
``min_relevance``, or when it contains most of the question's words (IDF-weighted ``min_coverage``) and
its similarity still reaches the lower ``lexical_floor``. Fusion decides the order; the gate decides whether
there is anything to say at all, so an out-of-corpus question gets no results rather than the least-bad
passage. The defaults were calibrated with benchmarks/calibrate_abstention.py.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from . import bm25
from .fusion import fuse
from .loaded import LiveIndex, LoadedIndex
from .records import Hit
from .sentences import sentence_spans

log = logging.getLogger("quoth.search")

# Calibrated for all-MiniLM-L6-v2 (benchmarks/calibrate_abstention.py); other models' similarity scales
# differ, so they need their own values in the config.
DEFAULT_GATE = {"sentence-transformers/all-MiniLM-L6-v2": (0.32, 0.4, 0.15)}
FALLBACK_GATE = (0.32, 0.4, 0.15)


_BLAS_LIMITED = False


def single_thread_blas() -> None:
    """Keep BLAS single-threaded in a process that answers questions. A question's matrix products are
    tiny; BLAS worker threads woken by them spin afterwards and steal the cores the encoder needs (2 cores,
    k=10: p50 11.4 → 5.8 ms, benchmarks/latency.py). Raising the limit again after each question re-wakes
    them, so it is set once for the process; `quoth index` run on its own keeps every thread."""
    global _BLAS_LIMITED
    if not _BLAS_LIMITED:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")
        _BLAS_LIMITED = True


class QueryEncoder(Protocol):
    name: str

    def encode_queries(self, texts: list[str]) -> np.ndarray: ...


class Reranker(Protocol):
    def predict(self, pairs: list[tuple[str, str]]) -> np.ndarray: ...


class ModelMismatch(RuntimeError):
    """The index was built with another model than the one configured."""


@dataclass(frozen=True)
class SearchOptions:
    fusion: str = "linear"
    rrf_k: int = 60
    dense_weight: float = 0.5
    candidates: int = 100
    min_relevance: float | None = None  # None: calibrated default for the model
    min_coverage: float | None = None
    lexical_floor: float | None = None
    dedup_similarity: float = 0.9
    rerank_depth: int = 30


@dataclass
class SearchResult:
    query: str
    hits: list[Hit]
    generation: str
    total_relevant: int = 0  # relevant passages after de-duplication, counted up to offset + k + 1


class Searcher:
    """Load once, answer many. Safe to call from several threads."""

    def __init__(self, index: LiveIndex | LoadedIndex, encoder: QueryEncoder, options: SearchOptions | None = None,
                 reranker: Reranker | None = None) -> None:
        self.index = index
        self.encoder = encoder
        self.options = options or SearchOptions()
        self.reranker = reranker
        single_thread_blas()

    def current(self) -> LoadedIndex:
        idx = self.index.current() if isinstance(self.index, LiveIndex) else self.index
        if idx.model != self.encoder.name:
            raise ModelMismatch(
                f"the index was built with model {idx.model!r} but the configured model is {self.encoder.name!r}; "
                "rebuild it with `quoth index --full`"
            )
        return idx

    @property
    def gate(self) -> tuple[float, float, float]:
        """(min_relevance, min_coverage, lexical_floor), config values over the model's defaults."""
        d = DEFAULT_GATE.get(self.encoder.name, FALLBACK_GATE)
        o = self.options
        return (o.min_relevance if o.min_relevance is not None else d[0],
                o.min_coverage if o.min_coverage is not None else d[1],
                o.lexical_floor if o.lexical_floor is not None else d[2])

    def relevant(self, idx: LoadedIndex, words: list[str], rows: np.ndarray, sims: np.ndarray) -> np.ndarray:
        min_rel, min_cov, floor = self.gate
        ok = sims >= min_rel
        maybe = np.flatnonzero(~ok & (sims >= floor))  # only these need the lexical test
        if len(maybe):
            ok[maybe] = bm25.coverage(idx.bm25, words, rows[maybe]) >= min_cov
        return ok

    def search(self, query: str, k: int = 3, offset: int = 0, source: str | None = None,
               speaker: str | None = None, best_sentence: bool = False) -> SearchResult:
        idx = self.current()
        query = " ".join(query.split())
        if not query or len(idx) == 0:
            return SearchResult(query, [], idx.generation)
        qvec = self.encoder.encode_queries([query])[0]
        words = bm25.query_tokens(idx.bm25, query)
        rows, dense_sims, fused = self._candidates(idx, words, qvec, source, speaker)
        relevant = self.relevant(idx, words, rows, dense_sims)
        rows, dense_sims, fused = rows[relevant], dense_sims[relevant], fused[relevant]
        order = np.argsort(-fused, kind="stable")
        rows, dense_sims, fused = rows[order], dense_sims[order], fused[order]
        if self.reranker is not None and len(rows):
            rows, dense_sims, fused = self._rerank(idx, query, rows, dense_sims, fused, offset + k)
        keep = self._dedup(idx, rows, offset + k)
        page = keep[offset:offset + k]
        ids = idx.ids[rows[page]]
        found = idx.store.get(ids.tolist())
        hits = []
        for j, pid in zip(page, ids, strict=True):
            passage, src = found[int(pid)]
            hits.append(Hit(passage, src, float(fused[j]), extras={"relevance": round(float(dense_sims[j]), 4)}))
        if best_sentence and hits:
            hits = self._best_sentences(qvec, hits)
        return SearchResult(query, hits, idx.generation, total_relevant=len(keep))

    def rank(self, query: str, mode: str = "hybrid", depth: int = 100) -> list[tuple[int, float]]:
        """(passage id, score) best first, without abstention or de-duplication: for evaluation.

        ``mode`` is ``dense``, ``bm25``, ``hybrid`` or ``rerank`` (hybrid re-ranked by the cross-encoder).
        """
        idx = self.current()
        qvec = self.encoder.encode_queries([query])[0]
        if mode == "dense":
            sims, found = idx.faiss.search(qvec[None, :].astype(np.float32), min(depth, len(idx)))
            ok = found[0] >= 0
            return list(zip(idx.ids[found[0][ok]].tolist(), sims[0][ok].tolist(), strict=True))
        if mode == "bm25":
            lex = bm25.scores(idx.bm25, query)
            top = np.argsort(-lex, kind="stable")[:depth]
            top = top[lex[top] > 0]
            return list(zip(idx.ids[top].tolist(), lex[top].tolist(), strict=True))
        rows, sims, fused = self._candidates(idx, bm25.query_tokens(idx.bm25, query), qvec, None, None)
        order = np.argsort(-fused, kind="stable")
        rows, sims, fused = rows[order], sims[order], fused[order]
        if mode == "rerank":
            if self.reranker is None:
                raise ValueError("mode 'rerank' needs a cross-encoder (search.rerank_model)")
            rows, sims, fused = self._rerank(idx, query, rows, sims, fused, depth)
        elif mode != "hybrid":
            raise ValueError(f"unknown mode {mode!r}")
        return list(zip(idx.ids[rows[:depth]].tolist(), fused[:depth].tolist(), strict=True))

    def _candidates(self, idx: LoadedIndex, words: list[str], qvec: np.ndarray, source: str | None,
                    speaker: str | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        n = len(idx)
        c = min(self.options.candidates, n)
        mask = idx.mask(source, speaker)
        if mask is None:
            _, found = idx.faiss.search(qvec[None, :].astype(np.float32), c)
            dense_rows = found[0][found[0] >= 0]
        else:
            allowed = np.flatnonzero(mask)
            if not len(allowed):
                return (np.zeros(0, dtype=np.int64),) + (np.zeros(0, dtype=np.float32),) * 2
            sims = np.asarray(idx.vectors[allowed]) @ qvec
            top = np.argpartition(-sims, min(c, len(sims)) - 1)[:c]
            dense_rows = allowed[top]
        lex_all = bm25.scores(idx.bm25, words, mask.astype(np.float32) if mask is not None else None)
        positive = np.flatnonzero(lex_all > 0)
        if len(positive) > c:
            positive = positive[np.argpartition(-lex_all[positive], c - 1)[:c]]
        rows = np.union1d(dense_rows, positive).astype(np.int64)
        dense_sims = np.asarray(idx.vectors[rows]) @ qvec
        lex = lex_all[rows]
        o = self.options
        return rows, dense_sims.astype(np.float32), fuse(o.fusion, dense_sims, lex, o.dense_weight, o.rrf_k)

    def _rerank(self, idx: LoadedIndex, query: str, rows: np.ndarray, sims: np.ndarray, fused: np.ndarray,
                need: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        depth = max(self.options.rerank_depth, need * 2)
        head = rows[:depth]
        texts = idx.store.search_texts_of(idx.ids[head].tolist())
        scores = np.asarray(self.reranker.predict([(query, t) for t in texts]), dtype=np.float32).reshape(-1)
        order = np.argsort(-scores, kind="stable")
        rows = np.concatenate([head[order], rows[depth:]])
        sims = np.concatenate([sims[:depth][order], sims[depth:]])
        # Candidates past the re-ranked head keep their fused order, scored below every re-ranked one
        # (cross-encoder logits have no fixed range, so the fused scale cannot be compared with them).
        tail = fused[depth:]
        if len(tail):
            tail = scores.min() - 1.0 - (tail[0] - tail)
        return rows, sims, np.concatenate([scores[order], tail]).astype(np.float32)

    def _dedup(self, idx: LoadedIndex, rows: np.ndarray, need: int) -> list[int]:
        """Positions of the first ``need + 1`` rows that are not near-duplicates of a better one (one more
        than asked for: enough to know whether "more results" exist)."""
        limit = need + 1
        head = np.asarray(idx.vectors[rows[: limit * 4]])
        sims = (head @ head.T).tolist() if len(head) else []
        thr = self.options.dedup_similarity
        kept: list[int] = []
        for j in range(len(rows)):
            if j >= len(head) or all(sims[j][i] < thr for i in kept):
                kept.append(j)
            if len(kept) >= limit:
                break
        return kept

    def _best_sentences(self, qvec: np.ndarray, hits: list[Hit]) -> list[Hit]:
        spans = [sentence_spans(h.passage.text) for h in hits]
        flat = [h.passage.text[a:b] for h, ss in zip(hits, spans, strict=True) for a, b in ss]
        if not flat:
            return hits
        vecs = self.encoder.encode_queries(flat)  # the same side as the query: symmetric similarity
        sims = vecs @ qvec
        out, i = [], 0
        for h, ss in zip(hits, spans, strict=True):
            if ss:
                best = int(np.argmax(sims[i:i + len(ss)]))
                h = Hit(h.passage, h.source, h.score, ss[best], h.extras)
            out.append(h)
            i += len(ss)
        return out
