"""Find the best quotes for a question: hybrid dense + BM25 candidates, fused, gated, de-duplicated.

Abstention: a passage counts as relevant when its dense cosine similarity to the question reaches
``min_relevance``, or when it contains most of the question's words (IDF-weighted ``min_coverage``) and
its similarity still reaches the lower ``lexical_floor``. Fusion decides the order; the gate decides whether
there is anything to say at all, so an out-of-corpus question gets no results rather than the least-bad
passage. The defaults were calibrated with benchmarks/calibrate_abstention.py.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from ..errors import ModelMismatch, Remedy
from ..index.live import LiveIndex, LoadedIndex
from ..records import Hit, Passage
from ..segment.sentences import sentence_spans
from ..settings import SearchSettings
from .fusion import fuse
from .named import people_named
from .query import as_statement, asks_who_asked
from .sections import heading_match, opening_passage, section_of
from .sentence_match import best_sentence_coverage

log = logging.getLogger("quoth.search")

# Calibrated for all-MiniLM-L6-v2 (benchmarks/calibrate_abstention.py); other models' similarity scales
# differ, so they need their own values in the config.
DEFAULT_GATE = {"sentence-transformers/all-MiniLM-L6-v2": (0.32, 0.4, 0.15)}
FALLBACK_GATE = (0.32, 0.4, 0.15)


# A passage with fewer words of its own than this ("Yes, sir.", ":D", "envisible") is matched by its search
# text's context (who said it, where, the question before it) more than by anything it says.
SHORT_WORDS = 5
# A section's heading holding less of the question's words (IDF-weighted) than this is not what it asks about.
OPENING_MATCH = 0.3
# A passage of at most this many words that ends with a question mark is a question put, not an answer: it
# echoes a user's question ("is it still around?", "what is anonCommFramework?") in words and meaning alike, and
# the answer comes after it. A longer turn that ends by asking usually says something first (round 5: 20 and 40
# words gained alike; no limit lost answers that end with a question).
ASKING_WORDS = 40
REFILLS = 4  # times a page short of withheld passages reads further down the candidates
_WORD = re.compile(r"\w+")

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


@dataclass
class SearchResult(Sequence[Hit]):
    """The hits for a query, best first (iterate it, index it); empty when nothing is relevant."""

    query: str
    hits: list[Hit] = field(default_factory=list)
    generation: str = ""
    total_relevant: int = 0  # relevant passages after de-duplication, counted up to offset + k + 1

    def __getitem__(self, i):  # type: ignore[override]
        return self.hits[i]

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)

    def to_json(self) -> dict:
        return {"query": self.query, "results": [h.to_json() for h in self.hits]}


class Searcher:
    """Load once, answer many. Safe to call from several threads."""

    def __init__(self, index: LiveIndex | LoadedIndex, encoder: QueryEncoder, options: SearchSettings | None = None,
                 reranker: Reranker | None = None) -> None:
        self.index = index
        self.encoder = encoder
        self.options = options or SearchSettings()
        self.reranker = reranker
        single_thread_blas()

    def current(self) -> LoadedIndex:
        idx = self.index.current() if hasattr(self.index, "current") else self.index
        if idx.model != self.encoder.name:
            raise ModelMismatch(
                f"the index was built with model {idx.model!r} but the configured model is {self.encoder.name!r}",
                Remedy.REBUILD_INDEX)
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
            ok[maybe] = idx.coverage(words, rows[maybe]) >= min_cov
        return ok

    def search(self, query: str, k: int | None = None, offset: int = 0, source: str | None = None,
               speaker: str | None = None, best_sentence: bool = False) -> SearchResult:
        idx = self.current()
        k = k or self.options.k
        query = " ".join(query.split())
        if not query or len(idx) == 0:
            return SearchResult(query, [], idx.generation)
        qvec = self.query_vector(query)
        words = idx.query_words(query)
        rows, dense_sims, fused = self._candidates(idx, words, qvec, source, speaker, query)
        relevant = self.relevant(idx, words, rows, dense_sims)
        rows, dense_sims, fused = rows[relevant], dense_sims[relevant], fused[relevant]
        order = np.argsort(-fused, kind="stable")
        rows, dense_sims, fused = rows[order], dense_sims[order], fused[order]
        o = self.options
        if len(rows) and (o.short_penalty > 0 or o.question_penalty > 0 or o.sentence_weight > 0
                          or o.opening_weight > 0 or asks_who_asked(query)):
            rows, dense_sims, fused = self._reweigh_head(idx, query, words, rows, dense_sims, fused, offset + k)
        if self.reranker is not None and len(rows):
            rows, dense_sims, fused = self._rerank(idx, query, rows, dense_sims, fused, offset + k)
        need = offset + k
        for _ in range(REFILLS):  # withheld or damaged passages leave the page short: more candidates fill it
            keep = self._dedup(idx, rows, need)
            hits = _page(idx, rows, keep, offset, k, fused, dense_sims)
            if len(hits) >= k or len(keep) <= need:
                break
            need += 2 * k
        if best_sentence and hits:
            hits = self._best_sentences(qvec, hits)
        return SearchResult(query, hits, idx.generation, total_relevant=len(keep))

    def query_vector(self, query: str) -> np.ndarray:
        """The question's vector; with ``search.statement_query``, the mean of the question's and its
        statement form's (query.as_statement), so that its form weighs less than its meaning. Each is encoded
        alone, as passages are: a batch-mate would move the int8 vectors."""
        qvec = self.encoder.encode_queries([query])[0]
        plain = as_statement(query) if self.options.statement_query else query
        if plain == query:
            return qvec
        both = qvec + self.encoder.encode_queries([plain])[0]
        return (both / max(float(np.linalg.norm(both)), 1e-12)).astype(qvec.dtype)

    def rank(self, query: str, mode: str = "hybrid", depth: int = 100) -> list[tuple[int, float]]:
        """(passage id, score) best first, without abstention or de-duplication: for evaluation.

        ``mode`` is ``dense``, ``bm25``, ``hybrid`` or ``rerank`` (hybrid re-ranked by the cross-encoder).
        """
        idx = self.current()
        qvec = self.query_vector(query)
        if mode == "dense":
            rows, sims = idx.dense_top(qvec, depth)
            return list(zip(idx.passage_ids(rows).tolist(), sims.tolist(), strict=True))
        if mode == "bm25":
            rows, lex = idx.lexical_top(idx.query_words(query), depth)
            return list(zip(idx.passage_ids(rows).tolist(), lex.tolist(), strict=True))
        rows, sims, fused = self._candidates(idx, idx.query_words(query), qvec, None, None, query)
        order = np.argsort(-fused, kind="stable")
        rows, sims, fused = rows[order], sims[order], fused[order]
        if mode == "rerank":
            if self.reranker is None:
                raise ValueError("mode 'rerank' needs a cross-encoder (search.rerank_model)")
            rows, sims, fused = self._rerank(idx, query, rows, sims, fused, depth)
        elif mode != "hybrid":
            raise ValueError(f"unknown mode {mode!r}")
        return list(zip(idx.passage_ids(rows[:depth]).tolist(), fused[:depth].tolist(), strict=True))

    def candidates(self, query: str, depth: int) -> tuple[LoadedIndex, np.ndarray, np.ndarray, np.ndarray]:
        """(index, rows, cosine similarities, fused scores) of the hybrid candidates, best first, no gate: for
        verification, which judges the candidates itself."""
        idx = self.current()
        qvec = self.encoder.encode_queries([query])[0]
        rows, sims, fused = self._candidates(idx, idx.query_words(query), qvec, None, None)
        order = np.argsort(-fused, kind="stable")[:depth]
        rows, sims, fused = rows[order], sims[order], fused[order]
        if idx.withholder is not None and len(rows):  # verify never finds withheld words
            shown = np.array([not idx.hidden(p) for p, _ in idx.passages(rows)], dtype=bool)
            rows, sims, fused = rows[shown], sims[shown], fused[shown]
        return idx, rows, sims, fused

    def _candidates(self, idx: LoadedIndex, words: list[str], qvec: np.ndarray, source: str | None,
                    speaker: str | None, query: str = "") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(rows, cosine similarities, fused scores) of the candidates; with ``query``, the passages of the
        people it names join them and are preferred (named.py)."""
        c = min(self.options.candidates, len(idx))
        rows, dense_sims, lexical = idx.candidates(words, qvec, c, source, speaker)
        o = self.options
        named: list[np.ndarray] = []
        if query and not speaker and o.speaker_boost > 0:
            lang = idx.analyzer.language
            for person in people_named(query, idx.directory(), lang.markers or lang.stopwords):
                theirs = idx.candidates(words, qvec, c, source, person)
                rows, dense_sims, lexical = _union((rows, dense_sims, lexical), theirs)
                named.append(theirs[0])
        # Fusion is the searcher's, not the index's: every backend's candidates are fused alike.
        fused = fuse(o.fusion, dense_sims, lexical, o.dense_weight, o.rrf_k)
        if named and len(fused):
            # A share of the fused range, so the preference means the same under either fusion method. A
            # named person's best passages are among their own top candidates, so those are all it needs.
            fused = fused + np.isin(rows, np.concatenate(named)) * (o.speaker_boost * float(np.ptp(fused)))
        return rows, dense_sims, fused.astype(np.float32)

    def _reweigh_head(self, idx: LoadedIndex, query: str, words: list[str], rows: np.ndarray, sims: np.ndarray,
                      fused: np.ndarray, need: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The head that can reach the page, re-scored by its passages' own words: lowered by ``short_penalty``
        of the scores' range when they are fewer than ``SHORT_WORDS`` (in proportion to the words lacking; a
        short turn is still found when what it says matches), raised by ``sentence_weight`` times the share of
        the question's words its best sentence holds (sentence_match.py), by ``asker_boost`` when the
        question asks who asked something and the passage asks, else lowered by ``question_penalty`` when the
        passage only asks (``only_asks``). Only the head is read (as in ``_dedup``); the rest keep their
        order."""
        o = self.options
        head = rows[: (need + 1) * 4]
        texts = [p.text for p, _ in idx.passages(head)]
        own = np.array([len(_WORD.findall(t)) for t in texts], dtype=np.float32)
        change = -o.short_penalty * np.clip((SHORT_WORDS - own) / SHORT_WORDS, 0.0, 1.0)
        if o.sentence_weight > 0 and words:
            change += o.sentence_weight * best_sentence_coverage(texts, words, idx.term_weights(words),
                                                                 idx.analyzer.tokenize)
        if asks_who_asked(query):
            change += o.asker_boost * np.array(["?" in t for t in texts], dtype=np.float32)
        elif o.question_penalty > 0:
            change -= o.question_penalty * np.array([only_asks(t) for t in texts], dtype=np.float32)
        fused = fused.copy()
        fused[: len(head)] += float(np.ptp(fused)) * change
        if o.opening_weight > 0 and words:
            fused += float(np.ptp(fused)) * o.opening_weight * self._openings(idx, words, rows, len(head))
        order = np.argsort(-fused, kind="stable")
        return rows[order], sims[order], fused[order]

    def _openings(self, idx: LoadedIndex, words: list[str], rows: np.ndarray, head: int) -> np.ndarray:
        """For every candidate, how well the heading of a section it opens holds the question's words, when a
        passage of that section is in the head (sections.py): the opening paragraph answers a question about
        its section. Each section's opening is looked up once; one outside the candidates is not added."""
        out = np.zeros(len(rows), dtype=np.float32)
        found = [p for p, _ in idx.passages(rows[:head])]
        sections = [section_of(p) for p in found]
        match = heading_match(sections, words, idx.term_weights(words), idx.analyzer.tokenize)
        ids = idx.passage_ids(rows)
        seen: set = set()
        for p, section, m in zip(found, sections, match.tolist(), strict=True):
            if m < OPENING_MATCH or section in seen:
                continue
            seen.add(section)
            opening = opening_passage(idx, p)
            at = np.flatnonzero(ids == opening.id) if opening is not None and opening.id is not None else []
            if len(at):
                out[at[0]] = m
        return out

    def _rerank(self, idx: LoadedIndex, query: str, rows: np.ndarray, sims: np.ndarray, fused: np.ndarray,
                need: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        depth = max(self.options.rerank_depth, need * 2)
        head = rows[:depth]
        texts = idx.search_texts(head)
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
        than asked for: enough to know whether "more results" exist). The vectors read the search text, and an
        answer's carries the question it answers (segment/asked.py): an answer is never a near-duplicate of its
        question, however close their vectors."""
        limit = need + 1
        head = idx.vectors_of(rows[: limit * 4])
        sims = (head @ head.T).tolist() if len(head) else []
        thr = self.options.dedup_similarity
        read: dict[int, Passage] = {}
        kept: list[int] = []
        for j in range(len(rows)):
            if j >= len(head) or all(sims[j][i] < thr or _answers(idx, rows, read, i, j) for i in kept):
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


def only_asks(text: str) -> bool:
    """Whether a passage is a question put and little else: it ends with a question mark within
    ``ASKING_WORDS`` words."""
    return text.rstrip().endswith("?") and len(_WORD.findall(text)) <= ASKING_WORDS


def _page(idx: LoadedIndex, rows: np.ndarray, keep: list[int] | np.ndarray, offset: int, k: int,
          fused: np.ndarray, dense_sims: np.ndarray) -> list[Hit]:
    """The hits of positions ``keep[offset:]``, up to ``k``: a passage found damaged when read (its digest
    fails, store.Store._check) or withheld (a live message deleted or edited since the build: index/withhold.py)
    is never shown, and the next one takes its place."""
    hits: list[Hit] = []
    at = offset
    while len(hits) < k and at < len(keep):
        chunk = keep[at:at + k - len(hits)]
        at += len(chunk)
        for j, (passage, src) in zip(chunk, idx.passages(rows[chunk]), strict=True):
            if not idx.hidden(passage):
                hits.append(Hit(passage, src, float(fused[j]), extras={"relevance": round(float(dense_sims[j]), 4)}))
    return hits


def _answers(idx: LoadedIndex, rows: np.ndarray, read: dict[int, Passage], i: int, j: int) -> bool:
    """Whether one of the passages at positions ``i`` and ``j`` reads the other's words as the question it
    answers (segment/asked.py). Read only for pairs whose vectors are close."""
    for at in (i, j):
        if at not in read:
            read[at] = idx.passages(rows[at:at + 1])[0][0]
    return answers(read[i], read[j])


def answers(a: Passage, b: Passage) -> bool:
    """Whether either passage reads the other's words as the question it answers."""
    return any(y.text.strip() and y.text.strip() in _asked(x) for x, y in ((a, b), (b, a)))


def _asked(p: Passage) -> str:
    """The question a passage's search text reads before its words: the lines between its head (who, where:
    one line, chunking.search_text_for) and its own text; empty when it reads none."""
    before = p.search_text[: len(p.search_text) - len(p.text)] if p.search_text.endswith(p.text) else ""
    return before.split("\n", 1)[1] if "\n" in before.rstrip("\n") else ""


def _union(a: tuple[np.ndarray, np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray, np.ndarray]
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Two candidate sets (rows, similarities, BM25 scores) as one, each row once: a row's scores are the same
    in both, since a filter only narrows which rows are looked at."""
    rows, first = np.unique(np.concatenate([a[0], b[0]]), return_index=True)
    return rows, np.concatenate([a[1], b[1]])[first], np.concatenate([a[2], b[2]])[first]
