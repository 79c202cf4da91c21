"""Builds into Milvus as named steps, whole or split across workers.

``run(shard=(i, n))`` writes the documents of shard ``i`` of ``n`` into the pending generation (the one that
is being built: joined by every worker of one build, created by the first); unchanged documents are copied
from the serving generation with their vectors, the rest segmented and embedded. ``publish()`` then
settles what needs the whole corpus (BM25 joins and term counts, speakers, meta) and switches the alias:
every serving process moves to the new generation together. A single build is shard 0 of 1, published at
once. Until the switch nothing a reader sees changes, so a killed build leaves the previous generation
serving; running a shard again replaces what it wrote.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable

from ...errors import IndexUnavailable, IndexUnusable
from ...language import AUTO
from ...records import Document, Passage, attribution_text
from ...segment import Chrome
from ...settings import IndexSettings
from .. import bm25
from ..build import (
    BuildReport,
    DocumentSegmenter,
    PassageEncoder,
    ProgressFn,
    corpus_analyzer,
    document_key,
    read_corpus,
)
from ..speakers import SpeakerName, settle
from . import layout, scrub
from .connection import Milvus
from .engine import ServingPointer, capabilities
from .layout import MilvusGeneration, record, shard_of
from .reader import PAGE, ROW_FIELDS, WINDOW_FIELDS, MilvusLive, document_text, read_meta

log = logging.getLogger("quoth.index")
BATCH_PASSAGES = 256  # passages embedded and inserted at a time: bounded memory whatever the corpus
COPY_DOCS = 64  # unchanged documents copied per query
# Rows a page when publish reads every passage: Lite evaluates each page's filter over the whole collection, so
# at 1M passages 1,000-row pages made a read 1,000 such passes (the 1M publish ran >21 min unfinished).
SETTLE_PAGE = 8192
NOTE_EVERY = 10_000  # passages between two progress notes while publish reads them all
JOIN_ATTEMPTS, JOIN_WAIT = 60, 0.5  # a worker waits up to 30 s for another that is making the generation
# Seconds a generation two switches back is kept at most, whatever index.milvus_grace says: a question that
# started on it has finished by then (readers follow the alias within a second), and live channels rebuild
# every few seconds: a longer hold would pile up a generation per batch, and keep deleted or forgotten messages
# in Milvus past the one previous generation (issue 24).
STALE_HOLD = 30.0


class MilvusBuilder:
    def __init__(self, milvus: Milvus, prefix: str, documents: Callable[[], Iterable[Document]],
                 segment: DocumentSegmenter, encoder: PassageEncoder, settings: IndexSettings, key: str,
                 corpus: str = "", language: str = AUTO) -> None:
        self.milvus, self.prefix = milvus, prefix
        self.language = language
        self.live = MilvusLive(milvus, prefix)
        self.documents, self.segment, self.encoder = documents, segment, encoder
        self.settings, self.key, self.corpus = settings, key, corpus
        self._digests: dict[str, dict[bytes, int]] = {}  # see _known_passages

    # --- one shard -------------------------------------------------------------------------------------
    def run(self, full: bool = False, progress: ProgressFn | None = None, show_progress: bool = False,
            report: BuildReport | None = None, shard: tuple[int, int] = (0, 1)) -> BuildReport:
        t0 = time.perf_counter()
        report = report or BuildReport()
        note = progress or (lambda stage, done, total: None)
        i, n = shard
        prev, prev_meta = self._previous(full)
        report.full = prev is None
        report.known = set(prev_meta.get("warnings", [])) if prev_meta else set()
        docs = read_corpus(self.documents, note, report, self.corpus)
        chrome = self.segment.learn(d.text for d in docs)
        keys = {d.path: document_key(d, self.key, chrome.present_in(d.text)) for d in docs}
        old = self._old_keys(prev)
        # Every worker reads the whole corpus, so every shard of a split build detects the same language.
        analyzer = corpus_analyzer(self.language, docs, report)
        if n == 1 and prev is not None and old == keys and prev_meta.get("analyzer") == bm25.ANALYZER_VERSION \
                and prev_meta.get("language", "en") == analyzer.code:
            return self._unchanged(prev, prev_meta, report, t0)
        gen = self._generation(n, prev, analyzer)
        self._clear_shard(gen, i)
        mine = [d for d in docs if shard_of(d.path, n) == i]
        seen = {w for d in docs for w in bm25.words(d.text)}  # the corpus's words; publish settles the rest
        same = [d.path for d in mine if old.get(d.path) == keys[d.path]]
        self._copy(prev, gen, same, i, report, note)
        changed = [d for d in mine if old.get(d.path) != keys[d.path]]
        self._digests = {}
        self._add(gen, changed, chrome, keys, (seen, analyzer), i, report, note, show_progress,
                  prev if any(d.path in old for d in changed) else None)
        report.changed = sum(d.path in old for d in changed)
        report.added = len(changed) - report.changed
        report.removed = sum(1 for p in old if p not in keys and shard_of(p, n) == i)
        report.documents = len(mine)
        self._finish_shard(gen, i, n, report)
        report.generation = gen.name
        if n == 1:
            self.publish(report, progress)
        report.seconds = time.perf_counter() - t0
        note("done", report.passages, report.passages)
        return report

    def _previous(self, full: bool) -> tuple[MilvusGeneration | None, dict | None]:
        """The serving generation an update copies from, when there is one of this format and settings."""
        prev = self.live.serving()
        meta = read_meta(self.milvus, prev) if prev is not None else None
        if full or meta is None:
            return None, meta
        if meta.get("format") != layout.FORMAT or meta.get("settings") != self.key:
            log.info("index settings changed since the last build: rebuilding everything")
            return None, meta
        return prev, meta

    def _old_keys(self, prev: MilvusGeneration | None) -> dict[str, str]:
        if prev is None:
            return {}
        return {r["path"]: json.loads(r["data"])["key"] for r in self.milvus.scan(prev.records, 'kind == "doc"',
                                                                             ["path", "data"])}

    def _unchanged(self, prev: MilvusGeneration, meta: dict, report: BuildReport, t0: float) -> BuildReport:
        if meta.get("warnings") != report.warnings:  # a new unreadable file is no document, but is news once
            meta["warnings"] = report.warnings
            self.milvus.upsert(prev.records, [record("meta", "meta", json.dumps(meta))])
        report.unchanged, report.documents, report.passages = meta["documents"], meta["documents"], meta["passages"]
        report.windows = meta.get("windows", 0)
        report.generation = prev.name
        report.seconds = time.perf_counter() - t0
        log.info("no document changed since generation %s: nothing to write", prev.name)
        return report

    def _generation(self, shards: int, prev: MilvusGeneration | None, analyzer: bm25.Analyzer) -> MilvusGeneration:
        """The pending generation of this build: for a sharded build, the newest unpublished one made for the
        same shard count, settings and serving generation (so every worker joins one); else a new one."""
        note = self._build_note(shards, prev, analyzer)
        caps = capabilities(self.milvus)
        try:  # decided before anything is made: a refused index type leaves nothing behind
            dense = layout.dense_index(self.settings.type, caps.dense_indexes)
        except ValueError as exc:
            raise IndexUnusable(f"Milvus at {self.milvus.uri}: {exc}") from None
        for _ in range(JOIN_ATTEMPTS):
            gens = layout.generations(self.milvus.list_collections(), self.prefix)
            if shards > 1 and gens and self._joinable(gens[-1], note):
                return self._joined(gens[-1])
            gen = MilvusGeneration((gens[-1].number if gens else 0) + 1, self.prefix)
            try:
                layout.create_records(self.milvus, gen)
            except IndexUnavailable as exc:
                if "exist" not in str(exc):
                    raise
                time.sleep(JOIN_WAIT)  # another worker made it a moment ago: join it once its note is in
                continue
            self.milvus.upsert(gen.records, [record("build", "build", json.dumps(note))])
            layout.create_data(self.milvus, gen, self.encoder.dimension, dense, self.settings.bm25_k1,
                               self.settings.bm25_b, nullable=caps.nullable)
            return gen
        raise IndexUnusable(f"could not create or join a pending generation in {self.milvus.uri} under prefix "
                            f"{self.prefix!r}: another build keeps taking the next one")

    def _joinable(self, gen: MilvusGeneration, note: dict) -> bool:
        """Whether ``gen`` is unpublished and was made for this build (waiting for its note: a worker that made
        it a moment ago writes the note just after the collection)."""
        if gen.records not in self.milvus.list_collections() or self._record(gen, "meta") is not None:
            return False
        for _ in range(JOIN_ATTEMPTS):
            build = self._record(gen, "build")
            if build is not None:
                return build == note
            time.sleep(JOIN_WAIT)
        return False

    def _joined(self, gen: MilvusGeneration) -> MilvusGeneration:
        """``gen`` once the worker that made it has made all its collections."""
        for _ in range(JOIN_ATTEMPTS):
            if {gen.passages, gen.windows, gen.terms} <= set(self.milvus.list_collections()):
                return gen
            time.sleep(JOIN_WAIT)
        raise IndexUnusable(f"generation {gen.name} was started by another worker that has not finished making "
                            "its collections; run this shard again")

    def _build_note(self, shards: int, prev: MilvusGeneration | None, analyzer: bm25.Analyzer) -> dict:
        return {"shards": shards, "settings": self.key, "model": self.encoder.name,
                "base": prev.name if prev is not None else None, "language": analyzer.code}

    def _record(self, gen: MilvusGeneration, key: str) -> dict | None:
        found = self.milvus.get(gen.records, ids=[key], output_fields=["data"])
        return json.loads(found[0]["data"]) if found else None

    def _clear_shard(self, gen: MilvusGeneration, shard: int) -> None:
        """What an earlier run of this shard wrote into ``gen``: a shard run again replaces it."""
        self.milvus.delete(gen.passages, filter=f"shard == {shard}")
        self.milvus.delete(gen.windows, filter=f"shard == {shard}")
        self.milvus.delete(gen.records, filter=f'shard == {shard} and kind in ["doc", "text", "shard"]')

    def _copy(self, prev: MilvusGeneration | None, gen: MilvusGeneration, paths: list[str], shard: int,
              report: BuildReport, note: ProgressFn) -> None:
        """Unchanged documents' rows, vectors included, from the serving generation: not embedded again."""
        for j in range(0, len(paths), COPY_DOCS):
            batch = {"paths": paths[j:j + COPY_DOCS]}
            rows = [{**r, "shard": shard} for r in self.milvus.scan(prev.passages, "doc_path in {paths}", ROW_FIELDS,
                                                                    batch)]
            recs = [{**r, "shard": shard, "placeholder": layout.PLACEHOLDER} for r in self.milvus.scan(
                prev.records, 'kind in ["doc", "text"] and path in {paths}',
                ["key", "kind", "path", "part", "data", "text"], batch)]
            windows = [{**r, "shard": shard} for r in self.milvus.scan(prev.windows, "doc_path in {paths}",
                                                                       WINDOW_FIELDS, batch)]
            self._insert(gen.passages, rows)
            self._insert(gen.windows, windows)
            self._insert(gen.records, recs)
            report.windows += len(windows)
            report.unchanged += len(batch["paths"])
            report.passages += len(rows)
            note("copying unchanged documents", min(j + COPY_DOCS, len(paths)), len(paths))

    def _add(self, gen: MilvusGeneration, docs: list[Document], chrome: Chrome, keys: dict[str, str],
             lexicon: tuple[set[str], bm25.Analyzer], shard: int, report: BuildReport, note: ProgressFn,
             show_progress: bool, prev: MilvusGeneration | None = None) -> None:
        """New and changed documents, segmented, embedded and inserted a batch of passages at a time (a changed
        document's passages that ``prev`` holds word for word keep their vectors, see ``_reusable``)."""
        pending: list[dict] = []
        for j, doc in enumerate(docs, 1):
            seg = self.segment(doc, chrome)
            key = keys[doc.path]
            data = json.dumps(_doc_data(seg.source, doc, key, len(seg.passages)))
            recs = [record("doc", layout.key("doc", doc.path), data, doc.path, shard)]
            recs += [record("text", layout.key("text", k, doc.path), path=doc.path, shard=shard, part=k, text=part)
                     for k, part in enumerate(layout.text_parts(doc.text))]
            self._insert(gen.records, recs)
            pending += [_row(p, key, k, shard, lexicon) for k, p in enumerate(seg.passages)]
            if len(pending) >= BATCH_PASSAGES or j == len(docs):
                self._embed_and_insert(gen, pending, report, show_progress, prev)
                pending = []
                note("embedding", j, len(docs))

    def _embed_and_insert(self, gen: MilvusGeneration, rows: list[dict], report: BuildReport,
                          show_progress: bool, prev: MilvusGeneration | None = None) -> None:
        if not rows:
            return
        reused = self._reusable(prev, rows)
        fresh = [r for j, r in enumerate(rows) if j not in reused]
        cut = self.segment.windows([(r["search_text"], r["text"]) for r in fresh])
        windows = [_window(r, k) for r, ts in zip(fresh, cut, strict=True) for k in range(len(ts))]
        t = time.perf_counter()
        texts = [r["search_text"] for r in fresh] + [w for ts in cut for w in ts]
        vectors = self.encoder.encode_passages(texts, progress=show_progress) if texts else []
        report.encode_seconds += time.perf_counter() - t
        for r, v in zip(fresh + windows, vectors, strict=True):
            r["dense"] = v.tolist()
        for j, (dense, window_vectors) in reused.items():
            rows[j]["dense"] = dense
            windows += [{**_window(rows[j], k), "dense": v} for k, v in enumerate(window_vectors)]
        self._insert(gen.passages, rows)
        self._insert(gen.windows, windows)
        report.embedded += len(fresh)
        report.passages += len(rows)
        report.windows += len(windows)

    def _reusable(self, prev: MilvusGeneration | None, rows: list[dict]) -> dict[int, tuple[list, list[list]]]:
        """For each of ``rows`` (by position) whose search text and text ``prev`` holds in its document: the
        vector and the windows' vectors (in window order) it has there. A changed document is mostly unchanged
        passages (a day's chat with messages appended, a page with one paragraph edited): they are not embedded
        again. A passage's vector is its search text's, its windows are cut from its search text and text alone
        (same settings: ``prev`` is only given for a build with the serving generation's settings), so they
        match whatever document held them."""
        if prev is None:
            return {}
        known = self._known_passages(prev, sorted({r["doc_path"] for r in rows}))
        found = {j: pid for j, r in enumerate(rows) if (pid := known.get(_digest(r))) is not None}
        ids = sorted(set(found.values()))
        dense: dict[int, list] = {}
        owners: dict[int, dict[int, list]] = {pid: {} for pid in ids}
        for k in range(0, len(ids), PAGE):
            dense |= {int(r["id"]): r["dense"] for r in self.milvus.get(prev.passages, ids=ids[k:k + PAGE],
                                                                        output_fields=["id", "dense"])}
            for w in self.milvus.scan(prev.windows, "owner in {ids}", ["id", "owner", "dense"],
                                      {"ids": ids[k:k + PAGE]}):
                owners[int(w["owner"])][int(w["id"])] = w["dense"]
        out = {}
        for j, pid in found.items():
            mine = owners[pid]
            ordered = [mine.get(layout.window_id(pid, k)) for k in range(len(mine))]
            if pid in dense and all(v is not None for v in ordered):  # else embedded afresh: no partial set
                out[j] = (dense[pid], ordered)
        return out

    def _known_passages(self, prev: MilvusGeneration, paths: list[str]) -> dict[bytes, int]:
        """Digest of (search text, text) → passage id in ``prev``, for the passages of ``paths``. A document's
        rows come in consecutive batches: its digests are read once and kept while its batches last (digests,
        not texts or vectors: a document of a hundred thousand passages costs a few megabytes)."""
        kept = self._digests
        self._digests = {p: kept.get(p, {}) for p in paths}
        missing = [p for p in paths if p not in kept]
        for j in range(0, len(missing), COPY_DOCS):
            for r in self.milvus.scan(prev.passages, "doc_path in {paths}", ["id", "doc_path", "search_text", "text"],
                                      {"paths": missing[j:j + COPY_DOCS]}):
                self._digests[r["doc_path"]][_digest(r)] = int(r["id"])
        return {d: pid for p in paths for d, pid in self._digests[p].items()}

    def _insert(self, collection: str, rows: list[dict]) -> None:
        if not capabilities(self.milvus).nullable:
            rows = [layout.blank_nulls(r) for r in rows]
        for j in range(0, len(rows), PAGE):
            self.milvus.insert(collection, rows[j:j + PAGE])

    def _finish_shard(self, gen: MilvusGeneration, shard: int, shards: int, report: BuildReport) -> None:
        note = {"shard": shard, "of": shards, "documents": report.documents, "passages": report.passages,
                "added": report.added, "changed": report.changed, "removed": report.removed,
                "unchanged": report.unchanged, "windows": report.windows, "warnings": report.warnings[:200],
                "finished": time.time()}
        self.milvus.upsert(gen.records, [record("shard", layout.key("shard", shard), json.dumps(note), shard=shard)])

    # --- publishing --------------------------------------------------------------------------------------
    def publish(self, report: BuildReport | None = None, progress: ProgressFn | None = None) -> BuildReport:
        """Settle the pending generation once every shard has finished, and switch the alias to it. A generation
        already settled but never switched to (its publish was stopped between the two) is switched to as it is."""
        report = report or BuildReport()
        gen, build = self._pending()
        shards = [json.loads(r["data"]) for r in self.milvus.scan(gen.records, 'kind == "shard"', ["data"])]
        meta = self._record(gen, "meta")
        if meta is None:
            meta = self._settle_meta(gen, build, shards, progress or (lambda stage, done, total: None))
        else:
            log.warning("Milvus generation %s was complete but never served (its publish stopped before the switch): "
                        "switching to it now", gen.name)
        self._switch(gen)
        for name in ("added", "changed", "removed", "unchanged"):
            setattr(report, name, sum(s[name] for s in shards))
        report.documents, report.passages, report.generation = meta["documents"], meta["passages"], gen.name
        report.windows = meta["windows"]
        report.language = meta.get("language", "en")
        report.full = build["base"] is None
        return report

    def _settle_meta(self, gen: MilvusGeneration, build: dict, shards: list[dict], note: ProgressFn) -> dict:
        """What needs the whole corpus, once every shard has finished; the meta is written last, and flushed: a
        generation with a meta is complete."""
        missing = sorted(set(range(build["shards"])) - {s["shard"] for s in shards})
        if missing:
            said = ", ".join(f"{m}/{build['shards']}" for m in missing)
            raise IndexUnusable(f"generation {gen.name} cannot be published yet: shard(s) {said} have not "
                                "finished (run `quoth index --shard I/N` for each)")
        self.milvus.flush(gen.passages)
        self.milvus.flush(gen.windows)
        self.milvus.flush(gen.records)
        analyzer = bm25.analyzer(build.get("language", "en"))
        stats = self._settle(gen, analyzer, sum(s["passages"] for s in shards), note)
        dense = layout.dense_kind(self.milvus, gen.passages)
        first = min(shards, key=lambda s: s["shard"])
        meta = {"format": layout.FORMAT, "settings": build["settings"], "model": build["model"],
                "dimension": self.encoder.dimension, "corpus": self.corpus,
                "documents": sum(s["documents"] for s in shards), "passages": stats["passages"],
                "windows": sum(s.get("windows", 0) for s in shards),
                "tokens": stats["tokens"], "bm25": [self.settings.bm25_k1, self.settings.bm25_b],
                "analyzer": bm25.ANALYZER_VERSION, "language": analyzer.code, "index_type": self.settings.type,
                "dense_index": dense,
                "shards": build["shards"],
                "warnings": first["warnings"], "created": time.time()}
        self.milvus.upsert(gen.records, [record("meta", "meta", json.dumps(meta))])
        self.milvus.flush(gen.records)
        return meta

    def _pending(self) -> tuple[MilvusGeneration, dict]:
        """The newest generation past the serving one that a build made: unsettled (its shards' work to settle),
        or settled and never switched to (a publish stopped between its meta and the switch)."""
        serving = self.live.serving()
        gens = layout.generations(self.milvus.list_collections(), self.prefix)
        for gen in reversed(gens):
            if serving is not None and gen <= serving:
                break  # older ones were replaced, or can never be published now (see _switch)
            build = self._record(gen, "build")
            if build is not None and self._record(gen, "retired") is None:
                return gen, build
        raise IndexUnusable(f"nothing to publish in Milvus at {self.milvus.uri} under prefix {self.prefix!r}: "
                            "run `quoth index --shard I/N` for every shard first")

    def _settle(self, gen: MilvusGeneration, analyzer: bm25.Analyzer, total: int, note: ProgressFn) -> dict:
        """What needs every passage: BM25 joins attested anywhere in the corpus (workers only knew their own
        documents' words), each term's passage count, speakers and their passage counts. Two reads of every
        passage (the corpus's words, then each passage's terms), each said as it goes."""
        seen: set[str] = set()
        for n, r in enumerate(self._every_passage(gen, ["search_text"]), 1):
            seen.update(bm25.words(r["search_text"]))
            _now_and_then(note, "reading the corpus's words", n, total)
        df: Counter[str] = Counter()
        speakers: Counter[tuple[str, str]] = Counter()
        fixes: dict[int, str] = {}
        tokens = passages = 0
        for r in self._every_passage(gen, ["id", "search_text", "lexical", "speaker", "doc_path"]):
            terms = [layout.term(t) for t in analyzer.passage_tokens(bm25.words(r["search_text"]), seen)]
            lexical = " ".join(terms)  # layout.lexical_text, its terms counted too
            if lexical != r["lexical"]:
                fixes[int(r["id"])] = lexical
            df.update(set(terms))
            tokens += len(terms)
            passages += 1
            if r.get("speaker"):
                speakers[(r["speaker"], r["doc_path"])] += 1
            _now_and_then(note, "settling BM25 terms", passages, total)
        self._apply(gen, fixes)
        self._insert(gen.terms, [{"term": t, "df": d, "placeholder": layout.PLACEHOLDER} for t, d in df.items()])
        self._insert(gen.records, speaker_records(speakers, lambda: (
            r["text"] for r in self.milvus.scan(gen.records, 'kind == "text"', ["text"])),
            lambda path: self._text_and_author(gen, path)))
        self.milvus.flush(gen.terms)
        return {"tokens": tokens, "passages": passages}

    def _every_passage(self, gen: MilvusGeneration, fields: list[str]) -> Iterable[dict]:
        return self.milvus.scan(gen.passages, "id >= 0", fields, page=SETTLE_PAGE)

    def _text_and_author(self, gen: MilvusGeneration, path: str) -> str:
        """A document's text with its author's name after it (see speakers.settle)."""
        doc = self._record(gen, layout.key("doc", path)) or {}
        return f"{document_text(self.milvus, gen, path) or ''}\n{doc.get('author') or ''}"

    def _apply(self, gen: MilvusGeneration, fixes: dict[int, str]) -> None:
        ids = list(fixes)
        fields = [*ROW_FIELDS, "shard"]
        for j in range(0, len(ids), PAGE):
            rows = self.milvus.get(gen.passages, ids=ids[j:j + PAGE], output_fields=fields)
            self.milvus.upsert(gen.passages, [{**r, "lexical": fixes[int(r["id"])]} for r in rows])
        if ids:
            log.info("%d passages took BM25 joins their worker could not see attested (other shards, search texts)",
                     len(ids))

    def _switch(self, gen: MilvusGeneration) -> None:
        """Point the serving pointer at ``gen`` (switched atomically for every reader, engine.py), then drop what no
        reader can still hold: the generation just replaced stays (a question in flight finishes on it); older ones go
        once replaced ``milvus_grace`` seconds ago, or ``STALE_HOLD``, whichever is shorter; unpublished ones
        older than ``gen`` go now (their builds can never be published now)."""
        serving = self.live.serving()
        ServingPointer(self.milvus, self.prefix).set(gen)
        if serving is not None:
            self.milvus.upsert(serving.records, [record("retired", "retired", json.dumps({"at": time.time()}))])
        log.info("Milvus index generation %s is serving", gen.name)
        drop_older(self.milvus, self.prefix, gen, keep=serving, grace=min(self.settings.milvus_grace, STALE_HOLD))

def _now_and_then(note: ProgressFn, stage: str, done: int, total: int) -> None:
    """``note`` at every ``NOTE_EVERY``th passage and at the last."""
    if done % NOTE_EVERY == 0 or done == total:
        note(stage, done, total)


def drop_older(milvus: Milvus, prefix: str, gen: MilvusGeneration, keep: MilvusGeneration | None = None,
               grace: float = 0.0) -> list[str]:
    """Drop the generations older than the serving ``gen`` but ``keep`` and those replaced less than ``grace``
    seconds ago (never served: at once, no reader holds them); the names dropped."""
    now, dropped = time.time(), []
    for old in layout.generations(milvus.list_collections(), prefix):
        if old >= gen or old == keep:
            continue
        found = milvus.get(old.records, ids=["retired"], output_fields=["data"]) if grace > 0 else []
        if found and now - json.loads(found[0]["data"])["at"] < grace:
            continue
        layout.drop(milvus, old)
        dropped.append(old.name)
    scrub.after_drop(milvus.uri, len(dropped))  # the dropped rows' bytes leave a Lite file too
    return dropped


def speaker_records(speakers: Counter[tuple[str, str]], texts: Callable[[], Iterable[str]],
                    document: Callable[[str], str]) -> list[dict]:
    """One record per written speaker name: its person in the corpus's directory (speakers.py), its passages
    and their documents. A name in more documents than one record holds keeps the most quoted ones listed.
    ``texts``: the documents' texts, in parts (a handle and a name split across two parts are not tied);
    ``document``: one document's text and author, by path."""
    entries = [SpeakerName(name, path, n) for (name, path), n in speakers.items()]
    people = settle(entries, texts, document)
    docs: dict[str, dict[str, int]] = {}
    for e in entries:
        docs.setdefault(e.name, {})[e.path] = e.passages
    out = []
    for name, person in people.items():
        listed = dict(sorted(docs[name].items(), key=lambda d: -d[1]))
        data = {"person": person, "passages": sum(listed.values()), "documents": listed}
        while len(json.dumps(data).encode("utf-8")) > layout.TEXT_MAX and len(data["documents"]) > 1:
            data["documents"] = dict(list(data["documents"].items())[:len(data["documents"]) // 2])
        out.append(record("speaker", layout.key("speaker", name), json.dumps(data), name))
    return out


def _digest(row: dict) -> bytes:
    """What a passage's vectors depend on (its search text, and its text for the windows), hashed."""
    return hashlib.blake2b(f"{row['search_text']}\0{row['text']}".encode(), digest_size=16).digest()


def _window(row: dict, ordinal: int) -> dict:
    """The row of a passage's window number ``ordinal`` (its vector added by the caller)."""
    return {"id": layout.window_id(row["id"], ordinal), "owner": row["id"], "doc_path": row["doc_path"],
            "shard": row["shard"], "speaker": row["speaker"]}


def _doc_data(source, doc: Document, key: str, passages: int) -> dict:
    return {"title": source.title, "author": source.author, "site": source.site,
            "kind": str(source.kind) if source.kind else None, "url": source.url, "date": source.date,
            "content_hash": doc.content_hash, "key": key, "passages": passages}


def _row(p: Passage, key: str, ordinal: int, shard: int, lexicon: tuple[set[str], bm25.Analyzer]) -> dict:
    seen, analyzer = lexicon
    for name, value in (("text", p.text), ("search_text", p.search_text)):
        if len(value.encode("utf-8")) > layout.TEXT_MAX:
            raise IndexUnusable(f"a passage of {p.doc_path} is longer than Milvus holds in one field "
                                f"({layout.TEXT_MAX} bytes of {name}); lower segment.max_tokens")
    return {"id": layout.passage_id(key, ordinal), "doc_path": p.doc_path, "shard": shard, "ord": ordinal,
            "start": p.start, "stop": p.end, "text": p.text, "search_text": p.search_text,
            "lexical": layout.lexical_text(analyzer.passage_tokens(bm25.words(p.search_text), seen)),
            "speaker": p.speaker, "role": str(p.role), "reply_to": p.reply_to, "locator": p.locator,
            "attribution": layout.clip(attribution_text(p.speaker_confidence, p.speaker_evidence))}
