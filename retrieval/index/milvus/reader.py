"""A Milvus generation opened for reading (``MilvusIndex``, the same interface as the embedded ``LoadedIndex``)
and ``MilvusLive``, which follows the alias a build switches.

Candidates come from Milvus (dense top-k and BM25 top-k, filters applied there); their BM25 scores are then
computed here with Quoth's own formula from the terms the searches return with their hits, so fusion sees the
numbers the embedded backend would give it and results do not depend on the backend.

A question costs few round trips (``Milvus.traffic`` counts them; tests/integration/test_milvus_traffic.py pins
them): one read of its term counts; per candidate set the dense, windows (grouped by passage) and BM25 searches,
a dense search filtered to the rows only BM25 found (their cosines; no vectors travel) and, when needed, a
windows search filtered to candidates whose best window was not settled; then one read of the head of the
ranking, shown fields and vectors together. Milvus's own BM25 (Quoth's × (k1 + 1) on the C++ engine, not on
milvus-lite 3) would save no round trip: coverage needs each candidate's terms anyway.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Iterator

import numpy as np

from ...errors import IndexMissing, IndexUnavailable, Remedy
from ...records import Kind, Passage, Role, SourceInfo, attribution_of
from .. import bm25, filters
from ..speakers import SpeakerDirectory, SpeakerName
from ..store import StoredDocument
from ..windows import best_of, top_passages
from ..withhold import Withholder, Withholding
from . import layout
from .connection import Milvus
from .engine import ServingPointer
from .layout import MilvusGeneration

log = logging.getLogger("quoth.index")
ROW_FIELDS = ["id", "doc_path", "ord", "start", "stop", "text", "search_text", "lexical", "speaker", "role",
              "reply_to", "locator", "attribution", "dense"]
SHOWN_FIELDS = tuple(f for f in ROW_FIELDS if f not in ("dense", "lexical"))
WINDOW_FIELDS = ["id", "owner", "doc_path", "speaker", "dense"]
HEAD_FIELDS = (*SHOWN_FIELDS, "dense")  # a row that may be shown: read once with the vector de-duplication needs
LEXICAL_FIELDS = ("lexical", "doc_path", "ord")  # with each BM25 hit: its terms, and its place for ties
# With each dense hit (and each lexical-only candidate's cosine): what a row that may be shown needs but its
# vector. A question's head is always among its candidates, so only the head's vectors (de-duplication) are read
# afterwards. On 100k rows these fields add ~1 ms to a search of 100 hits; the vectors would add ~3 ms a search
# (150 KB more), more than reading the head's own (measured on Milvus Lite's C++ engine).
CANDIDATE_FIELDS = ("lexical", *SHOWN_FIELDS)
CACHE_ROWS = 20_000  # rows fetched for recent questions: later steps of a question reuse them
CACHE_TERMS = 100_000
CACHE_TEXTS = 16  # documents' texts (a book is ~1 MB)
PAGE = 1000  # rows per query when reading many
OVERFETCH = 2  # lexical candidates asked of Milvus per one kept (see _lexical_best)


_UNREAD = object()


def _holds(row: dict | None, fields: Iterable[str]) -> bool:
    return row is not None and all(f in row for f in fields)


class _Lru(OrderedDict):
    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size
        self.lock = threading.Lock()

    def put(self, key, value) -> None:
        with self.lock:
            self[key] = value
            self.move_to_end(key)
        self.trim()

    def trim(self) -> None:
        with self.lock:
            while len(self) > self.size:
                self.popitem(last=False)


def read_meta(milvus: Milvus, gen: MilvusGeneration) -> dict | None:
    """The meta a publish writes into ``gen``; None while it is still being built."""
    found = milvus.get(gen.records, ids=["meta"], output_fields=["data"])
    return json.loads(found[0]["data"]) if found else None


def document_text(milvus: Milvus, gen: MilvusGeneration, path: str) -> str | None:
    """A document's text, from its parts."""
    found = milvus.query(gen.records, filter=layout.render('kind == "text" and path == {path}', {"path": path}),
                         output_fields=["part", "text"], limit=16384)
    if not found:
        return None
    return "".join(r["text"] for r in sorted(found, key=lambda r: r["part"]))


def source_of(path: str, data: dict) -> SourceInfo:
    kind = data.get("kind")
    return SourceInfo(path=path, title=data.get("title") or path, author=data.get("author"), site=data.get("site"),
                      kind=Kind(kind) if kind else None, url=data.get("url"), date=data.get("date"))


def passage_of(row: dict) -> Passage:
    """The passage of a row (``""``, written for a missing value where the server has no nullable fields, is
    None: no speaker, reply, locator or attribution is ever empty)."""
    confidence, evidence = attribution_of(row.get("attribution") or None)
    return Passage(doc_path=row["doc_path"], start=row["start"], end=row["stop"], text=row["text"],
                   speaker=row.get("speaker") or None, role=Role(row["role"]), search_text=row["search_text"],
                   reply_to=row.get("reply_to") or None, id=int(row["id"]), locator=row.get("locator") or None,
                   speaker_confidence=confidence, speaker_evidence=evidence)


class MilvusIndex(Withholding):
    """One published generation. Keys ("rows") are passage ids. Safe to query from several threads."""

    def __init__(self, milvus: Milvus, gen: MilvusGeneration, meta: dict) -> None:
        self.milvus, self.gen, self.meta = milvus, gen, meta
        self.analyzer = bm25.analyzer(meta.get("language", "en"))  # queries are read as the passages were
        self.k1, self.b = meta["bm25"]
        self.avgdl = meta["tokens"] / meta["passages"] if meta["passages"] else 1.0
        self.dense_params = layout.dense_search_params(milvus, gen)
        self._exact_kinds: dict[str, bool] = {}  # collection -> whether its dense index is FLAT (_exact)
        self._rows = _Lru(CACHE_ROWS)
        self._windows = _Lru(CACHE_ROWS)  # passage id → its window vectors (most have none)
        self._df = _Lru(CACHE_TERMS)
        self._texts = _Lru(CACHE_TEXTS)
        self._terms: dict[str, int] | bool | None = None  # all term counts, False when too many (_whole_terms)
        self._docs: dict[str, tuple[StoredDocument, dict]] | None = None
        self._directory: SpeakerDirectory | None = None
        self._lock = threading.Lock()

    def forget_rows(self) -> None:
        """Empty the caches of rows, term counts and texts (not the whole term table, documents and speakers,
        read once a generation): a benchmark's repeated question then costs what a new one does."""
        for cache in (self._rows, self._windows, self._df, self._texts):
            with cache.lock:
                cache.clear()

    @property
    def generation(self) -> str:
        return self.gen.name

    @property
    def model(self) -> str:
        return self.meta["model"]

    def __len__(self) -> int:
        return int(self.meta["passages"])

    def content_hash(self, path: str) -> str | None:
        found = self._documents().get(path)
        return found[0].content_hash if found is not None else None

    def damaged(self, passage_id: int) -> bool:
        """Never, here: the digests checked before a passage is shown live in the local store (store.py); a
        Milvus collection holds none yet."""
        return False

    # --- BM25 terms ----------------------------------------------------------------------------------
    def df(self, terms: Iterable[str]) -> dict[str, int]:
        """How many passages hold each term (Milvus spelling, see layout.term); 0 for unknown ones."""
        terms = list(dict.fromkeys(terms))
        whole = self._whole_terms()
        if whole is not None:
            return {t: whole.get(t, 0) for t in terms}
        missing = [t for t in terms if t not in self._df]
        if missing:
            found = {r["term"]: int(r["df"]) for r in self.milvus.get(self.gen.terms, ids=missing,
                                                                       output_fields=["term", "df"])}
            for t in missing:
                self._df.put(t, found.get(t, 0))
        return {t: self._df.get(t, 0) for t in terms}

    def _whole_terms(self) -> dict[str, int] | None:
        """Every term's count, read once when there are at most ``CACHE_TERMS`` (what the cache would hold anyway):
        a question then reads none (the read saved cost ~4 ms at 100k passages); None for a larger vocabulary."""
        if self._terms is None:
            with self._lock:
                if self._terms is None:
                    rows = int(self.milvus.get_collection_stats(self.gen.terms).get("row_count", 0))
                    self._terms = ({r["term"]: int(r["df"]) for r in self.milvus.scan(
                        self.gen.terms, "df > 0", ["term", "df"], page=16384)} if rows <= CACHE_TERMS else False)
        return self._terms or None

    def query_words(self, query: str) -> list[str]:
        # One read of every term the question can use (its words and their joins): later steps find them cached.
        said = bm25.words(query)
        self.df(layout.term(t) for t in [*self.analyzer.stems(said), *self.analyzer.stems(self.analyzer.pairs(said))])

        def known(tokens: list[str]) -> set[str]:
            counts = self.df(layout.term(t) for t in tokens)
            return {t for t in tokens if counts[layout.term(t)] > 0}

        return self.analyzer.query_terms(query, known)

    def _idf(self, terms: list[str]) -> dict[str, float]:
        n = len(self)
        return {t: bm25.idf(d, n) for t, d in self.df(terms).items() if d}

    def _lexical(self, words: list[str], rows: list[dict]) -> np.ndarray:
        """BM25 of each row for ``words``: bm25s's Lucene formula, which Milvus's ranking follows."""
        terms = [layout.term(w) for w in words]
        idf = self._idf(terms)
        out = np.zeros(len(rows), dtype=np.float32)
        if not idf:
            return out
        for j, row in enumerate(rows):
            tokens = row["lexical"].split()
            norm = self.k1 * (1 - self.b + self.b * len(tokens) / self.avgdl)
            for t, weight in idf.items():
                tf = tokens.count(t)  # a question has a few terms: ~3 ms a question less than a Counter
                if tf:
                    out[j] += weight * tf / (norm + tf)
        return out

    # --- rows ----------------------------------------------------------------------------------------
    # A question reads each row's fields as it needs them: its searches bring the BM25 terms (and, for lexical
    # hits, the document order of ties) with their hits; the head that may be shown is read once, shown fields
    # and vector together. Rows are cached as far as they have been read.
    def fetch(self, ids: Iterable[int], fields: tuple[str, ...] = HEAD_FIELDS) -> list[dict]:
        """The rows of ``ids`` in that order, holding at least ``fields`` (cached: a question's later steps ask
        for the same ones)."""
        ids = [int(i) for i in ids]
        missing = [i for i in dict.fromkeys(ids) if not _holds(self._rows.get(i), fields)]
        for i in range(0, len(missing), PAGE):
            self._read(missing[i:i + PAGE], fields)
        return [r for i in ids if _holds(r := self._rows.get(i), fields)]

    def _read(self, ids: list[int], fields: tuple[str, ...]) -> None:
        """``ids``' rows into the cache: found by a search (``_found``), then read by id if it missed any."""
        found = {int(self._keep(r)["id"]) for r in self._found("id in {ids}", {"ids": ids}, fields, len(ids))}
        rest = [i for i in ids if i not in found]
        if rest:
            for row in self.milvus.get(self.gen.passages, ids=rest, output_fields=list(fields)):
                self._keep(row)

    def _found(self, expr: str, params: dict, fields: Iterable[str], limit: int) -> list[dict]:
        """Passages matching ``expr`` by a dense search it filters, with a zero vector (every row scores 0: only
        which rows match matters). On Milvus Lite's C++ engine a query or read by id costs 5.5-10 ms at 100k rows
        whatever it reads, this search 1.5-2 ms (measured: the same rows). It finds every matching row, up to
        ``limit``, on an exact (FLAT) index; an approximate one may miss some, which callers read otherwise."""
        hits = self.milvus.search(self.gen.passages, data=[[0.0] * int(self.meta["dimension"])], anns_field="dense",
                                  limit=max(1, min(limit, 16384)), filter=layout.render(expr, params),
                                  search_params=self.dense_params, output_fields=list(fields))[0]
        return [{**h["entity"], "id": h["id"]} for h in hits]

    def _where(self, expr: str, params: dict, fields: Iterable[str] = SHOWN_FIELDS, limit: int = PAGE) -> list[dict]:
        """Every passage matching ``expr`` (up to ``limit``): searched for where the index is exact, else queried."""
        if self._exact(self.gen.passages):
            return self._found(expr, params, fields, limit)
        return self._query(expr, params, fields, limit)

    def _keep(self, row: dict) -> dict:
        """``row`` merged into what the cache holds of it."""
        i = int(row["id"])
        if isinstance(row.get("dense"), list):  # a row cached as 384 Python floats would weigh ~12 KB
            row = {**row, "dense": np.asarray(row["dense"], dtype=np.float32)}
        with self._rows.lock:  # two questions' searches may bring the same row at once
            merged = {**self._rows.get(i, {}), **row, "id": i}
            self._rows[i] = merged
            self._rows.move_to_end(i)
        self._rows.trim()
        return merged

    def candidates(self, words: list[str], qvec: np.ndarray, c: int, source: str | None = None,
                   speaker: str | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(ids, cosines, BM25) of the dense and lexical top ``c``. The searches bring the BM25 terms with their
        hits; the cosines of rows the dense search did not return come from a dense search filtered to them,
        their windows' from a windows search filtered to every candidate. (One after another: run on threads
        they were slower here, 2 cores shared with the server: p50 24 ms against 19, p99 111 against 45.)"""
        expr, params = self._filter(source, speaker)
        own_ids, own = self._nearest(self.gen.passages, "id", qvec, c, expr, params, list(CANDIDATE_FIELDS))
        lexical_ids, _ = self._lexical_best(words, c, expr, params)
        dense_ids, owners, window_sims = own_ids, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        if self.meta.get("windows"):  # a passage found by its window is a dense candidate too
            owners, window_sims = self._nearest(self.gen.windows, "owner", qvec, c, expr, params)
            dense_ids, _ = top_passages(np.concatenate([own_ids, owners]), np.concatenate([own, window_sims]), c)
        ids = np.union1d(dense_ids, lexical_ids).astype(np.int64).tolist()
        cos = dict(zip(own_ids.tolist(), own.tolist(), strict=True))
        cos.update(self._own_cosines(qvec, [i for i in ids if i not in cos]))
        sims = np.array([cos[i] for i in ids], dtype=np.float32)
        if self.meta.get("windows"):
            best = self._windows_of(qvec, ids, sims, owners, window_sims, c)
            sims = np.maximum(sims, np.array([best.get(i, -np.inf) for i in ids], dtype=np.float32))
        rows = self.fetch(ids, ("lexical",))  # all in the cache already: the searches brought them
        return np.asarray(ids, dtype=np.int64), sims, self._lexical(words, rows)

    def _own_cosines(self, qvec: np.ndarray, ids: list[int]) -> dict[int, float]:
        """Each row's own cosine with the question, by a dense search filtered to ``ids`` that brings what the
        rows lack of ``CANDIDATE_FIELDS``; rows an approximate index did not return are read with their vectors."""
        if not ids:
            return {}
        lacking = list(CANDIDATE_FIELDS) if any(not _holds(self._rows.get(i), CANDIDATE_FIELDS) for i in ids) else None
        found, sims = self._nearest(self.gen.passages, "id", qvec, len(ids), "id in {ids}", {"ids": ids}, lacking)
        out = dict(zip(found.tolist(), sims.tolist(), strict=True))
        rest = [i for i in ids if i not in out]
        if rest:
            rows = self.fetch(rest, HEAD_FIELDS)
            out.update({int(r["id"]): float(np.float32(np.asarray(r["dense"], dtype=np.float32) @ qvec))
                        for r in rows})
        return out

    def _windows_of(self, qvec: np.ndarray, ids: list[int], sims: np.ndarray, owners: np.ndarray,
                    window_sims: np.ndarray, c: int) -> dict[int, float]:
        """Each candidate's best window cosine. On an exact index the windows search of the top ``c`` already
        settles it for a candidate whose cosine is at least the last window it returned (any window it did not
        return is no better), and for all when it returned fewer than ``c``: only the others are searched for."""
        best = dict(zip(owners.tolist(), window_sims.tolist(), strict=True))  # grouped: one per owner, its best
        if not self.windows_exact():
            return self._window_best(qvec, ids)
        if len(owners) < c:
            return best
        floor = float(window_sims.min())
        open_ = [i for i, s in zip(ids, sims.tolist(), strict=True) if max(s, best.get(i, -np.inf)) < floor]
        best.update(self._window_best(qvec, open_))
        return best

    def _window_best(self, qvec: np.ndarray, ids: list[int]) -> dict[int, float]:
        """Each passage's best window cosine (passages without windows are left out). On a FLAT index a
        search filtered to the owners, grouped by owner, is exact and ships no vectors; an approximate index
        could skip a window, so there the vectors are read."""
        if not ids:
            return {}
        if self.windows_exact():
            owners, sims = self._nearest(self.gen.windows, "owner", qvec, len(ids), "owner in {ids}", {"ids": ids})
            return dict(zip(owners.tolist(), sims.tolist(), strict=True))
        found = self.window_vectors(ids)
        return {i: float((v @ qvec).max()) for i, v in found.items() if len(v)}

    def windows_exact(self) -> bool:
        """Whether the windows' dense index is exact (FLAT): a search filtered to some owners then finds every
        window of theirs."""
        return self._exact(self.gen.windows)

    def _exact(self, collection: str) -> bool:
        """Whether ``collection``'s dense index is exact (FLAT). Asked of the server once a generation: the index
        it has, not the one the meta says the build made."""
        if collection not in self._exact_kinds:
            kinds = [self.milvus.describe_index(collection, name).get("index_type")
                     for name in self.milvus.list_indexes(collection, field_name="dense")]
            self._exact_kinds[collection] = kinds == ["FLAT"]
        return self._exact_kinds[collection]

    def _lexical_best(self, words: list[str], k: int, expr: str = "", params: dict | None = None
                      ) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` best by Quoth's BM25, positive scores only, best first. Milvus ranks by its own statistics,
        which drift from the exact counts while rows are replaced (deleted rows linger until compaction):
        it is asked for more than ``k`` and its candidates are re-scored here."""
        rows = self._search_lexical(words, OVERFETCH * k + 10, expr, params)
        scores = self._lexical(words, rows)
        ids = np.array([int(r["id"]) for r in rows], dtype=np.int64)
        # Best first; ties in document order, as the embedded backend's rows are.
        order = np.lexsort(([r["ord"] for r in rows], [r["doc_path"] for r in rows], -scores))[:k]
        order = order[scores[order] > 0]
        return ids[order], scores[order]

    def _search_dense(self, qvec: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` passages nearest the question, each at the best of its own and its windows' cosines."""
        ids, sims = self._nearest(self.gen.passages, "id", qvec, k)
        if not self.meta.get("windows"):
            return ids, sims
        owners, window_sims = self._nearest(self.gen.windows, "owner", qvec, k)
        return top_passages(np.concatenate([ids, owners]), np.concatenate([sims, window_sims]), k)

    def _nearest(self, collection: str, key: str, qvec: np.ndarray, k: int, expr: str = "",
                 params: dict | None = None, fields: list[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` nearest rows of ``collection`` by ``key``, with their cosines; ``fields`` of passages
        come with them into the row cache."""
        # Windows grouped by passage: the best window of each of the k best passages. Ungrouped, one passage's
        # many windows could fill the k hits and push out a passage ranked among the k (long passages).
        group = {"group_by_field": "owner"} if key == "owner" else {}
        hits = self.milvus.search(collection, data=[qvec.astype(np.float32).tolist()], anns_field="dense",
                                  limit=max(1, min(k, 16384)), filter=layout.render(expr, params),
                                  search_params=self.dense_params, output_fields=fields or [key], **group)[0]
        if fields:
            for h in hits:
                self._keep({**h["entity"], "id": h["id"]})
        return (np.array([int(h["entity"][key] if key != "id" else h["id"]) for h in hits], dtype=np.int64),
                np.array([float(h["distance"]) for h in hits], dtype=np.float32))

    def window_vectors(self, ids: list[int]) -> dict[int, np.ndarray]:
        """Each passage id's window vectors (none for a passage that fits the window), cached."""
        missing = [i for i in dict.fromkeys(ids) if i not in self._windows]
        for j in range(0, len(missing), PAGE):
            chunk = missing[j:j + PAGE]
            found: dict[int, list] = {i: [] for i in chunk}
            for r in self.milvus.query(self.gen.windows, filter=layout.render("owner in {ids}", {"ids": chunk}),
                                       output_fields=["owner", "dense"], limit=16384):
                found[int(r["owner"])].append(r["dense"])
            for i, vs in found.items():
                self._windows.put(i, np.asarray(vs, dtype=np.float32).reshape(len(vs), self.meta["dimension"]))
        return {i: self._windows[i] for i in ids if i in self._windows}

    def _search_lexical(self, words: list[str], k: int, expr: str = "", params: dict | None = None) -> list[dict]:
        """The BM25 hits (Milvus's ranking), with the fields re-scoring and document order need."""
        known = [t for t, d in self.df(layout.term(w) for w in words).items() if d]
        if not known:
            return []
        hits = self.milvus.search(self.gen.passages, data=[" ".join(known)], anns_field="sparse",
                                  limit=max(1, min(k, 16384)), filter=layout.render(expr, params),
                                  search_params={"metric_type": "BM25"}, output_fields=list(LEXICAL_FIELDS))[0]
        return [self._keep({**h["entity"], "id": h["id"]}) for h in hits]

    def _sims(self, qvec: np.ndarray, rows: list[dict]) -> np.ndarray:
        """Each row's cosine with the question: the best of its own and its windows' (index/windows.py)."""
        if not rows:
            return np.zeros(0, dtype=np.float32)
        own = (np.asarray([r["dense"] for r in rows], dtype=np.float32) @ qvec).astype(np.float32)
        if not self.meta.get("windows"):
            return own
        found = self.window_vectors([int(r["id"]) for r in rows])
        which = [np.full(len(found.get(int(r["id"]), ())), j) for j, r in enumerate(rows)]
        vecs = [found[int(r["id"])] for r in rows if len(found.get(int(r["id"]), ()))]
        if not vecs:
            return own
        return best_of(own, np.concatenate(which).astype(np.int64), np.vstack(vecs) @ qvec)

    def dense_top(self, qvec: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        return self._search_dense(qvec, k)

    def lexical_top(self, words: list[str], k: int) -> tuple[np.ndarray, np.ndarray]:
        return self._lexical_best(words, k)

    def similarities(self, qvec: np.ndarray, rows: np.ndarray) -> np.ndarray:
        return self._sims(qvec, self.fetch(rows.tolist()))

    def vectors_of(self, rows: np.ndarray) -> np.ndarray:
        found = self.fetch(rows.tolist())
        return np.asarray([r["dense"] for r in found], dtype=np.float32).reshape(len(found), self.meta["dimension"])

    def passage_ids(self, rows: np.ndarray) -> np.ndarray:
        return np.asarray(rows, dtype=np.int64)

    def term_weights(self, words: list[str]) -> np.ndarray:
        """Each query term's IDF (unknown terms: the highest), as the embedded backend's."""
        terms = [layout.term(w) for w in words]
        idf = self._idf(terms)
        top = bm25.idf(0, len(self))
        return np.array([idf.get(t, top) for t in terms], dtype=np.float32)

    def coverage(self, words: list[str], rows: np.ndarray) -> np.ndarray:
        """IDF-weighted share of the query's words in each row (as bm25.coverage: unknown words count with the
        highest IDF)."""
        if not words or not len(rows):
            return np.zeros(len(rows), dtype=np.float32)
        terms = [layout.term(w) for w in words]
        idf = self._idf(terms)
        total = sum(idf.get(t, bm25.idf(0, len(self))) for t in terms)
        tokens = [set(r["lexical"].split()) for r in self.fetch(rows.tolist(), ("lexical",))]
        got = np.array([sum(v for t, v in idf.items() if t in have) for have in tokens], dtype=np.float64)
        return (got / total).astype(np.float32) if total > 0 else np.zeros(len(rows), dtype=np.float32)

    # --- filters -------------------------------------------------------------------------------------
    def _filter(self, source: str | None, speaker: str | None) -> tuple[str, dict]:
        """A Milvus filter for the filters (the same matching as the embedded backend's), ``BadQuery`` when one
        matches nothing."""
        parts, params = [], {}
        if source:
            paths = self.source_paths(source)
            if not paths:
                self.check_filters(source, None)
            parts.append("doc_path in {paths}")
            params["paths"] = paths
        if speaker:
            names = filters.speaker_names(speaker, self.directory())
            if not names:
                self.check_filters(None, speaker)
            parts.append("speaker in {names}")
            params["names"] = names
        return " and ".join(parts), params

    def _doc_names(self) -> list[tuple[str, str]]:
        return [(d.source.path, d.source.title) for d in self.documents()]

    def source_paths(self, source: str) -> list[str]:
        return filters.source_paths(source, self._doc_names())

    def check_filters(self, source: str | None, speaker: str | None) -> None:
        filters.check(source, speaker, self._doc_names(), self.directory())

    def directory(self) -> SpeakerDirectory:
        """The corpus's people and all their names, as the publish settled them (speaker records)."""
        if self._directory is None:
            entries, people = [], {}
            for r in self.milvus.scan(self.gen.records, 'kind == "speaker"', ["path", "data"]):
                data = json.loads(r["data"])
                # A generation published before the directory has no documents listed: its counts still hold.
                listed = [[path, n] for path, n in data.get("documents", {}).items()] or [["", 0]]
                listed[0][1] += data["passages"] - sum(n for _, n in listed)  # documents one record could not list
                entries += [SpeakerName(r["path"], path, n) for path, n in listed]
                if "person" in data:  # else the directory is worked out here, as the publish would have
                    people[r["path"]] = data["person"]
            self._directory = SpeakerDirectory(entries, people)
        return self._directory

    # --- passages and documents ----------------------------------------------------------------------
    def _documents(self) -> dict[str, tuple[StoredDocument, dict]]:
        if self._docs is None:
            with self._lock:
                if self._docs is None:
                    docs = {}
                    for r in self.milvus.scan(self.gen.records, 'kind == "doc"', ["path", "data"]):
                        data = json.loads(r["data"])
                        docs[r["path"]] = (StoredDocument(0, source_of(r["path"], data), data["content_hash"],
                                                          data["passages"]), data)
                    ordered = sorted(docs)
                    self._docs = {p: (StoredDocument(i, docs[p][0].source, docs[p][0].content_hash,
                                                     docs[p][0].passages), docs[p][1])
                                  for i, p in enumerate(ordered, 1)}
        return self._docs

    def documents(self) -> list[StoredDocument]:
        return [d for d, _ in self._documents().values()]

    def speakers(self) -> list[tuple[str, int]]:
        """The corpus's people by number of passages."""
        return self.directory().counts()

    def _with_source(self, rows: Iterable[dict]) -> list[tuple[Passage, SourceInfo]]:
        docs, d = self._documents(), self.directory()
        return [((p := passage_of(r)).as_person(d.canonical(p.speaker), d.canonical(p.reply_to)),
                 docs[r["doc_path"]][0].source) for r in rows]

    def passages(self, rows: np.ndarray) -> list[tuple[Passage, SourceInfo]]:
        return self._with_source(self.fetch(np.asarray(rows).tolist()))

    def get(self, ids: Iterable[int]) -> dict[int, tuple[Passage, SourceInfo]]:
        """Passages by id, to be shown: withheld ones (index/withhold.py) are left out, as unknown ids are."""
        return {p.id: (p, src) for p, src in self.shown(self._with_source(self.fetch(ids, SHOWN_FIELDS)))}

    def search_texts(self, rows: np.ndarray) -> list[str]:
        return [r["search_text"] for r in self.fetch(np.asarray(rows).tolist(), SHOWN_FIELDS)]

    def passage_paths(self) -> dict[int, str]:
        return {int(r["id"]): r["doc_path"] for r in self.milvus.scan(self.gen.passages, "id >= 0", ["id", "doc_path"])}

    def _query(self, expr: str, params: dict, fields: Iterable[str] = SHOWN_FIELDS, limit: int = PAGE) -> list[dict]:
        return self.milvus.query(self.gen.passages, filter=layout.render(expr, params), output_fields=list(fields),
                                 limit=limit)

    def random_passages(self, source: str | None, speaker: str | None, avoid: Iterable[int],
                        seed: int | None = None, limit: int = 200) -> Iterator[tuple[Passage, SourceInfo]]:
        """Passage ids are hashes, spread evenly: the rows from a random id upwards (then below it) are a random
        sample, taken without reading the whole collection."""
        expr, params = self._filter(source, speaker)
        rng = np.random.default_rng(seed)
        pivot = int(rng.integers(0, 2 ** 63 - 1))
        rows = []
        for side in (f"id >= {pivot}", f"id < {pivot}"):
            rows += self._query(" and ".join(x for x in (side, expr) if x), params, limit=limit - len(rows))
            if len(rows) >= limit:
                break
        avoid = set(avoid)
        order = rng.permutation(len(rows)).tolist()
        fresh = [rows[i] for i in order if int(rows[i]["id"]) not in avoid]
        stale = [rows[i] for i in order if int(rows[i]["id"]) in avoid]
        yield from self.shown(self._with_source(fresh + stale))

    def document_text(self, path: str) -> str | None:
        # A quote check reads its candidates' documents several times (9 reads a check, 14 ms at 100k): a
        # generation's texts never change, so the last few are kept; what is withheld is masked on every read.
        text = self._texts.get(path, _UNREAD)  # one look: another question may push it out between two
        if text is _UNREAD:
            text = document_text(self.milvus, self.gen, path)
            self._texts.put(path, text)
        return self.masked(path, text)

    def passages_within(self, path: str, start: int, end: int) -> list[tuple[Passage, SourceInfo]]:
        found = self._where("doc_path == {path} and start < {end} and stop > {start}",
                            {"path": path, "start": start, "end": end}, limit=16384)
        return self.shown(self._with_source(sorted(found, key=lambda r: r["start"])))

    def context(self, path: str, start: int, end: int, before: int = 1, after: int = 1
                ) -> tuple[list[tuple[Passage, SourceInfo]], int | None]:
        covering = self._where("doc_path == {path} and start <= {start} and stop >= {end}",
                               {"path": path, "start": start, "end": end}, ["id", "ord", "start"], limit=16384)
        if not covering:
            return [], None
        best = max(covering, key=lambda r: r["start"])
        near = self._where("doc_path == {path} and ord >= {lo} and ord <= {hi}",
                           {"path": path, "lo": best["ord"] - before, "hi": best["ord"] + after},
                           limit=before + after + 1)
        around = self.shown(self._with_source(sorted(near, key=lambda r: r["ord"])))
        if not any(p.id == int(best["id"]) for p, _ in around):  # withheld: gone, as far as a reader can tell
            return [], None
        return around, int(best["id"])


class MilvusLive:
    """The generation the alias names, reopened when a build switches it (looked at most every
    ``check_every`` seconds). A question already holding the previous generation finishes on it: builds keep
    it for ``index.milvus_grace`` seconds."""

    def __init__(self, milvus: Milvus, prefix: str, check_every: float = 1.0) -> None:
        self.milvus, self.prefix, self.check_every = milvus, prefix, check_every
        self._loaded: MilvusIndex | None = None
        self._checked = 0.0
        self._lock = threading.Lock()
        self.withholder: Withholder | None = None  # set by Quoth: given to each generation it opens

    def serving(self) -> MilvusGeneration | None:
        """The generation the serving pointer names now (None: nothing published yet)."""
        return ServingPointer(self.milvus, self.prefix).get()

    def current(self) -> MilvusIndex:
        loaded = self._loaded
        if loaded is not None and time.monotonic() - self._checked < self.check_every:
            return loaded
        with self._lock:
            gen = self.serving()
            self._checked = time.monotonic()
            if gen is None:
                raise IndexMissing(f"no index in Milvus at {self.milvus.uri} under prefix {self.prefix!r}",
                                   Remedy.BUILD_INDEX)
            if self._loaded is None or self._loaded.gen != gen:
                meta = read_meta(self.milvus, gen)
                if meta is None:
                    raise IndexUnavailable(f"Milvus generation {gen.name} has no meta: it was switched in "
                                           "unfinished", Remedy.REBUILD_INDEX)
                self._loaded = MilvusIndex(self.milvus, gen, meta)
                self._loaded.withholder = self.withholder
                log.info("serving Milvus index generation %s", gen.name)
            return self._loaded

    def refresh(self) -> None:
        self._checked = 0.0

    def exists(self) -> bool:
        return self.serving() is not None
