"""Warm query latency, ANN recall and memory at 5k / 100k / 1M passages, on either index backend.

    python benchmarks/scale.py --size 100000 [--type auto] [--queries 300] [--encoder onnx-int8]
    python benchmarks/scale.py --size 100000 --backend milvus   # through the Milvus protocol (milvus-lite)
    python benchmarks/scale.py --size 60 --beir DIR --work DIR   # any BEIR folder, any working folder (the smoke test)

Corpora of realistic structure are made from the real SciFact index (run `quoth eval --beir
../shared/beir/scifact` first): each synthetic passage is a real passage's vector plus Gaussian noise
(cosine ~0.93 to its source, so near-duplicate clusters exist as in real corpora), and its BM25 text is
a window of sentences sampled from two real passages. Random vectors would make ANN recall meaningless.

The index is written as a normal Quoth generation and then served from a fresh process, one question at a
time as the bot asks (embed the question + hybrid search + fetch passages from SQLite): p50/p99 latency,
recall@10 of the FAISS index against exact search, and the serving process's resident memory.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from quoth.index import Generation, IndexFolder, LiveIndex, Meta, bm25, dense
from quoth.index.store import Store
from quoth.ingest import content_hash
from quoth.records import Document, Passage, Role, SourceInfo
from quoth.segment import Chrome, Segmented
from quoth.segment.sentences import sentence_spans

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("HF_HUB_OFFLINE", "1")


BEIR = ROOT.parent / "shared" / "beir" / "scifact"
WORK = ROOT / ".data"
# The serving process loads the model from here ($QUOTH_MODEL_CACHE lets the tests share their export).
MODELS = Path(os.environ.get("QUOTH_MODEL_CACHE", ROOT / ".data" / "bench" / "models"))


def source_index(beir: Path, work: Path) -> Generation:
    """The index ``quoth eval --beir BEIR`` built under ``work/bench``."""
    for folder in sorted((work / "bench" / "eval" / "indexes").glob("*")):
        gen = IndexFolder(folder).current()
        if gen is not None and beir.name in gen.meta().corpus:
            return gen
    raise SystemExit(f"no {beir.name} index: run QUOTH_DATA_DIR={work / 'bench'} quoth eval --beir {beir}")


def synthetic(size: int, beir: Path = BEIR, work: Path = WORK) -> tuple[list[str], np.ndarray, str]:
    """(texts, unit vectors, model name) of ``size`` synthetic passages (see the module's docstring)."""
    src = source_index(beir, work)
    base_vecs = np.load(src.vectors)[: len(np.load(src.ids))]  # the passages' rows, not their windows'
    _, base_texts = Store(src.store, readonly=True).search_texts()
    sentences = [[t[a:b] for a, b in sentence_spans(t)] for t in base_texts]
    rng = np.random.default_rng(42)
    t0 = time.perf_counter()
    origin = np.arange(size) % len(base_vecs)
    vecs = base_vecs[origin] + rng.normal(0, 0.02, (size, base_vecs.shape[1])).astype(np.float32)
    vecs[: len(base_vecs)] = base_vecs[: min(size, len(base_vecs))]  # the real passages themselves are in
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    texts = []
    for i in range(size):
        a, b = sentences[origin[i]], sentences[rng.integers(len(sentences))]
        k = rng.integers(1, 4)
        texts.append(" ".join(a[:k] + b[:max(1, 3 - k)]))
    print(f"  synthetic corpus: {time.perf_counter() - t0:.1f} s", flush=True)
    return texts, vecs, src.meta().model


def build(size: int, kind: str, out: Path, beir: Path = BEIR, work: Path = WORK) -> dict:
    """The synthetic passages as an embedded index in ``out``; the build's figures (see ``built``)."""
    texts, vecs, model = synthetic(size, beir, work)
    folder = IndexFolder(out)
    t = time.perf_counter()
    with folder.lock():
        gen = folder.start()
        write_generation(gen, texts, vecs, kind, model)
        build_s = time.perf_counter() - t
        t = time.perf_counter()
        folder.publish(gen)
    figures = {"build_s": round(build_s, 1), "publish_s": round(time.perf_counter() - t, 2)}
    write_claims(out, texts)
    return figures


def write_generation(gen: Generation, texts: list[str], vecs: np.ndarray, kind: str, model: str) -> None:
    """The synthetic passages as a generation, written through the index's own format."""
    import faiss

    t = time.perf_counter()
    out_store = Store(gen.store)
    per_doc = 100
    for d in range(0, len(texts), per_doc):
        chunk = texts[d:d + per_doc]
        doc_text = "\n\n".join(chunk)
        passages, pos = [], 0
        for c in chunk:
            passages.append(Passage(f"doc{d}", pos, pos + len(c), c, None, Role.BODY, c))
            pos += len(c) + 2
        src_info = SourceInfo(path=f"doc{d}", title=f"Synthetic document {d // per_doc}")
        out_store.put_document(Document(src_info, doc_text, content_hash(doc_text)), src_info, passages)
    ids = np.asarray(out_store.passage_ids(), dtype=np.int64)
    out_store.close()
    print(f"  SQLite: {time.perf_counter() - t:.1f} s", flush=True)
    t = time.perf_counter()
    index = dense.build(vecs, kind)
    faiss.write_index(index, str(gen.dense))
    print(f"  FAISS {dense.describe(index)}: {time.perf_counter() - t:.1f} s", flush=True)
    t = time.perf_counter()
    bm25.save(bm25.build(texts), gen.bm25)
    print(f"  BM25: {time.perf_counter() - t:.1f} s", flush=True)
    np.save(gen.ids, ids)
    np.save(gen.vectors, vecs)
    np.save(gen.windows, np.zeros(0, dtype=np.int64))  # synthetic passages are short: no windows
    gen.write_meta(Meta(model=model, dimension=int(vecs.shape[1]), documents=len(texts) // per_doc,
                        passages=len(texts), index_type=dense.describe(index), corpus=f"synthetic-{len(texts)}",
                        bm25_analyzer=bm25.ANALYZER_VERSION))


CLAIM_WORDS = 15  # a quote check is a real stretch of a passage this long, one word changed in every other


def write_claims(out: Path, texts: list[str], n: int = 1000) -> None:
    """Quote checks made from the synthetic texts themselves, so that both backends check the same claims."""
    rng = np.random.default_rng(0)
    claims = []
    for j, i in enumerate(rng.choice(len(texts), min(n, len(texts)), replace=False)):
        words = texts[i].split()[:CLAIM_WORDS]
        if len(words) < 5:
            continue
        if j % 2:
            words[len(words) // 2] = "harbour"
        claims.append(" ".join(words))
    (out / "claims.json").write_text(json.dumps(claims))


def serve(out: Path, queries: int, encoder: str, milvus: str = "", claims: int = 200, beir: Path = BEIR) -> None:
    """Runs in a fresh process: what a serving bot would hold in memory and how fast it answers. ``milvus``:
    the URI of the Milvus holding the index (prefix ``out``'s name), else ``out`` is an embedded index."""
    from quoth.embeddings import Encoder, ModelSettings
    from quoth.evaluate import load_beir
    from quoth.search import Searcher

    splits = [s for s in ("test", "train") if (beir / "qrels" / f"{s}.tsv").is_file()]
    qs = [q for s in splits for q in load_beir(beir, s).queries.values()][:queries]
    enc = Encoder(ModelSettings(backend=encoder), MODELS)
    t = time.perf_counter()
    connection = None
    if milvus:
        from quoth.index.milvus.connection import Milvus
        from quoth.index.milvus.reader import MilvusLive

        # A restarted server holds the collections released: loading a million rows takes longer than a question's
        # timeout, and is warm-up here (load_and_warm_s), not a question's time.
        connection = Milvus(milvus, timeout=600)
        live = MilvusLive(connection, milvus_prefix(out))
    else:
        live = LiveIndex(out)
    idx = live.current()
    searcher = Searcher(live, enc)
    for q in qs[:min(20, len(qs) // 2)]:
        searcher.search(q)
    load_s = time.perf_counter() - t
    traffic = Traffic(connection)
    lat = []
    for q in qs:
        t = time.perf_counter()
        searcher.search(q, k=3)
        lat.append((time.perf_counter() - t) * 1000)
    asked = traffic.per(len(qs))
    verify_ms = verify_latency(searcher, json.loads((out / "claims.json").read_text())[:claims])
    checked = traffic.per(len(verify_ms))
    print(json.dumps({"passages": len(idx), "index_type": index_type(idx), "backend": "milvus" if milvus else
                      "embedded", "encoder": encoder, **percentiles("", lat), "queries": len(qs),
                      "recall@10": ann_recall(idx, enc, qs, out), "rss_mb": rss_mb(os.getpid()),
                      "load_and_warm_s": round(load_s, 1), **percentiles("verify_", verify_ms),
                      "claims": len(verify_ms), "load_average": round(os.getloadavg()[0], 2),
                      "question_traffic": asked, "claim_traffic": checked}))


def percentiles(name: str, ms: list[float]) -> dict:
    return {f"{name}p50_ms": round(float(np.percentile(ms, 50)), 2),
            f"{name}p99_ms": round(float(np.percentile(ms, 99)), 2)}


class Traffic:
    """RPCs and bytes per operation of a Milvus connection, from its counters (``Milvus.traffic``); none for the
    embedded backend."""

    def __init__(self, connection) -> None:
        self.counters = connection.traffic if connection is not None else None
        self.reset()

    def reset(self) -> None:
        if self.counters is not None:
            self.counters.reset()

    def per(self, n: int) -> dict | None:
        """Calls, gRPC requests and bytes each way per one of the ``n`` operations since the last reset."""
        if self.counters is None or not n:
            return None
        c = self.counters.snapshot()
        out = {"calls": round(c["calls"] / n, 2), "rpcs": round(sum(c["rpcs"].values()) / n, 2),
               "sent_kb": round(c["sent"] / n / 1024, 1), "received_kb": round(c["received"] / n / 1024, 1),
               "by_method": {k: round(v / n, 2) for k, v in sorted(c["by_method"].items())}}
        self.reset()
        return out


def index_type(idx) -> str:
    """The dense index as built: FAISS's kind for the embedded backend; the Milvus server's own answer (type and
    parameters) for Milvus, whatever ``auto`` chose there."""
    meta = idx.meta
    if not hasattr(idx, "milvus"):
        return meta.index_type
    for name in idx.milvus.list_indexes(idx.gen.passages, field_name="dense"):
        found = idx.milvus.describe_index(idx.gen.passages, name)
        params = {k: v for k, v in found.items() if k in ("nlist", "M", "efConstruction")}
        return found.get("index_type", "?") + "".join(f" {k} {v}" for k, v in params.items())
    return str(meta.get("index_type"))


def ann_recall(idx, enc, qs: list[str], out: Path) -> float | None:
    """recall@10 of the dense index against exact inner-product search over the same vectors."""
    qv = enc.encode_queries(qs[:200])
    if (out / "vectors.npy").exists():  # Milvus: the vectors the build wrote, and their passage ids
        vectors, ids = np.load(out / "vectors.npy", mmap_mode="r"), np.load(out / "ids.npy")
    elif idx.meta.index_type != "flat":
        vectors, ids = np.asarray(idx.vectors), idx.ids
    else:
        return None
    hits = 0
    for v in qv:
        exact = ids[np.argpartition(-(vectors @ v), 10)[:10]]
        found, _ = idx.dense_top(v, 10)
        hits += len(set(exact.tolist()) & set(idx.passage_ids(found).tolist()))
    return hits / (10 * len(qv))


def verify_latency(searcher, claims: list[str]) -> list[float]:
    """Each claim checked once, timed (see ``write_claims``)."""
    from quoth.verify import Verifier

    verifier = Verifier(searcher)
    out = []
    for claim in claims:
        t = time.perf_counter()
        verifier.verify(claim)
        out.append((time.perf_counter() - t) * 1000)
    return out


def milvus_prefix(out: Path) -> str:
    return "scale_" + re.sub(r"\W", "_", out.name)


class MadeSegmenter:
    """The synthetic documents' passages as they were made (one per synthetic text, no windows): the builder's
    own steps run on them without the segmenter's work, which is not what is measured."""

    def __init__(self, passages: dict[str, list[str]]) -> None:
        self.passages = passages

    def learn(self, texts) -> Chrome:
        return Chrome()

    def __call__(self, doc: Document, chrome: Chrome) -> Segmented:
        out, pos = [], 0
        for c in self.passages[doc.path]:
            out.append(Passage(doc.path, pos, pos + len(c), c, None, Role.BODY, c))
            pos += len(c) + 2
        return Segmented(doc.source, out)

    def windows(self, passages: list[tuple[str, str]]) -> list[list[str]]:
        return [[] for _ in passages]


class MadeEncoder:
    """The synthetic vectors handed out in the order the builder asks for its passages (which is the corpus's):
    each text asked for must be the next one, so a vector can never land on another passage."""

    def __init__(self, texts: list[str], vecs: np.ndarray, model: str) -> None:
        self.texts, self.vecs, self.name, self.dimension = texts, vecs, model, int(vecs.shape[1])
        self.next = 0

    def encode_passages(self, texts: list[str], progress: bool = False) -> np.ndarray:
        j = self.next
        if texts != self.texts[j:j + len(texts)]:
            raise RuntimeError(f"the builder asked for passages out of the corpus's order (at passage {j})")
        self.next += len(texts)
        return self.vecs[j:j + len(texts)]


def built_milvus_passages(builder_cls):
    """A subclass of the Milvus builder that times its publish and keeps the id of each passage it inserts, by
    synthetic index (document ``docN`` holds passages N, N+1, …): recall needs ids against the vectors."""

    class Timed(builder_cls):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.ids: dict[int, int] = {}
            self.publish_s = 0.0

        def _insert(self, collection: str, rows: list[dict]) -> None:
            super()._insert(collection, rows)
            if collection.endswith("_passages"):
                self.ids.update({int(r["doc_path"][3:]) + int(r["ord"]): int(r["id"]) for r in rows})

        def publish(self, *args, **kwargs):
            t = time.perf_counter()
            try:
                return super().publish(*args, **kwargs)
            finally:
                self.publish_s += time.perf_counter() - t

    return Timed


PER_DOC = 100  # synthetic passages per synthetic document


def build_milvus(size: int, kind: str, out: Path, uri: str, beir: Path = BEIR, work: Path = WORK,
                 server=None) -> dict:
    """The synthetic passages built into Milvus by the Milvus builder's own ``run`` (read, plan, insert in
    batches, publish: BM25 joins and term counts settled, the serving pointer switched), with the made vectors
    in place of an encoder's; the build's figures (see ``built``)."""
    from quoth.index.milvus import layout
    from quoth.index.milvus.build import MilvusBuilder
    from quoth.index.milvus.connection import Milvus
    from quoth.settings import IndexSettings

    texts, vecs, model = synthetic(size, beir, work)
    passages = {f"doc{d}": texts[d:d + PER_DOC] for d in range(0, size, PER_DOC)}
    docs = [Document(SourceInfo(path=p, title=f"Synthetic document {int(p[3:]) // PER_DOC}"), "\n\n".join(ts),
                     content_hash("\n\n".join(ts))) for p, ts in passages.items()]
    settings = IndexSettings(type=kind, backend="milvus", milvus_uri=uri, milvus_prefix=milvus_prefix(out))
    builder = built_milvus_passages(MilvusBuilder)(
        Milvus(uri, timeout=600), settings.milvus_prefix, lambda: docs, MadeSegmenter(passages),
        MadeEncoder(texts, vecs, model), settings, "synthetic", f"synthetic-{size}", language="en")
    t = time.perf_counter()
    report = builder.run(full=True, progress=Progress(size, server))
    total = time.perf_counter() - t
    if report.passages != size or len(builder.ids) != size:
        raise RuntimeError(f"built {report.passages} passages ({len(builder.ids)} inserted), not {size}")
    out.mkdir(parents=True, exist_ok=True)
    np.save(out / "vectors.npy", vecs)
    np.save(out / "ids.npy", np.asarray([builder.ids[i] for i in range(size)], dtype=np.int64))
    write_claims(out, texts)
    return {"build_s": round(total - builder.publish_s, 1), "publish_s": round(builder.publish_s, 1),
            "format": layout.FORMAT}


class Progress:
    """The build's progress on stdout every ``EVERY`` seconds: stage, count, elapsed time, and the memory of this
    process and of the server (a 1M-passage build runs for a long while: watch it)."""

    EVERY = 10.0

    def __init__(self, size: int, server=None) -> None:
        self.size, self.server, self.t0, self.last = size, server, time.perf_counter(), 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if now - self.last < self.EVERY and stage != "done":
            return
        self.last = now
        server = f", server {rss_mb(self.server.proc.pid):,} MB" if self.server is not None else ""
        count = f" {done:,}/{total:,}" if total else ""
        print(f"  [{now - self.t0:7.0f} s] {stage}{count}  (client {rss_mb(os.getpid()):,} MB{server})", flush=True)


ENGINES = ("cpp", "lite3")


def milvus_server(data: Path, engine: str):
    """A Milvus server on loopback for the benchmark, on ``engine`` (``cpp``: milvus-lite 2.5's C++ core;
    ``lite3``: milvus-lite 3's Python re-implementation), and its process (for its memory)."""
    sys.path.insert(0, str(ROOT))
    from tests.milvus import MilvusServer

    data.mkdir(parents=True, exist_ok=True)
    server = MilvusServer(data, line=engine)
    server.start()
    return server


def built(out: Path, make, fmt: int | None = None) -> dict:
    """The figures of the build in ``out``, made by ``make()`` unless already there (of layout ``fmt``: a
    Milvus build of another layout is made again)."""
    record = out / "built.json"
    if record.exists():
        figures = json.loads(record.read_text())
        if figures.get("format") == fmt:
            return figures
    figures = make()
    record.write_text(json.dumps(figures))
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--type", default="auto")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--encoder", default="torch", help="the encoder backend: torch, onnx or onnx-int8")
    ap.add_argument("--backend", default="embedded", choices=["embedded", "milvus"],
                    help="the index backend (milvus: the embedded one is measured beside it, same questions)")
    ap.add_argument("--engine", default="cpp", choices=ENGINES,
                    help="the Milvus server: cpp (milvus-lite 2.5, Milvus's C++ engine) or lite3 (milvus-lite 3)")
    ap.add_argument("--claims", type=int, default=200, help="quote checks timed after the questions")
    ap.add_argument("--beir", type=Path, default=BEIR, help="the BEIR folder whose index seeds the corpus")
    ap.add_argument("--work", type=Path, default=WORK, help="where the source index (bench/) and builds (scale/) are")
    ap.add_argument("--build-only", action="store_true", help="build (or keep) the indexes, measure nothing")
    ap.add_argument("--serve", metavar="DIR", help=argparse.SUPPRESS)
    ap.add_argument("--milvus", default="", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.serve:
        serve(Path(args.serve), args.queries, args.encoder, args.milvus, args.claims, args.beir)
        return 0
    # Milvus first: its server is stopped before the embedded backend is served, and does not compete with it.
    results = [measure_milvus(args)] if args.backend == "milvus" else []
    results.append(measure_embedded(args))
    for r in results:
        if r is not None:
            report(r)
    return 0


def measure_embedded(args) -> dict | None:
    out = args.work / "scale" / f"{args.size}-{args.type}"
    figures = built(out, lambda: announce(args, "embedded") or build(args.size, args.type, out, args.beir, args.work))
    if args.build_only:
        return None
    return {**serve_in_process(args, out, ""), **figures}


def measure_milvus(args) -> dict | None:
    from quoth.index.milvus import layout

    out = args.work / "scale" / f"milvus-{args.engine}-{args.size}-{args.type}"
    # A server of its own per size: its memory is this index's alone, and sizes can be built side by side.
    server = milvus_server(out / "server", args.engine)
    try:
        figures = built(out, lambda: announce(args, f"milvus, {args.engine}") or build_milvus(
            args.size, args.type, out, server.uri, args.beir, args.work, server), layout.FORMAT)
        if args.build_only:
            return None
        r = serve_in_process(args, out, server.uri)
        r["server_rss_mb"], r["server_peak_mb"] = rss_mb(server.proc.pid), rss_mb(server.proc.pid, "VmHWM")
    finally:
        server.stop()
    return {**r, **figures, "engine": args.engine}


def announce(args, backend: str) -> None:
    print(f"building {args.size:,} passages ({args.type}, {backend})", flush=True)


def serve_in_process(args, out: Path, uri: str) -> dict:
    """``serve`` in a fresh process (what a serving bot holds, not what the build left), its figures."""
    res = subprocess.run([sys.executable, __file__, "--serve", str(out), "--queries", str(args.queries),
                          "--encoder", args.encoder, "--milvus", uri, "--claims", str(args.claims),
                          "--beir", str(args.beir)], capture_output=True, text=True)
    if res.returncode:
        raise SystemExit(f"serving {out} failed:\n{res.stderr[-3000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def rss_mb(pid: int, field: str = "VmRSS") -> int:
    return round(int(re.search(rf"{field}:\s+(\d+)", Path(f"/proc/{pid}/status").read_text()).group(1)) / 1024)


def report(r: dict) -> None:
    rec = "" if r["recall@10"] is None else f"  recall@10 vs exact {r['recall@10']:.3f}"
    server = f" + Milvus server {r['server_rss_mb']} MB (peak {r['server_peak_mb']} MB)" if "engine" in r else ""
    engine = f" ({r['engine']})" if "engine" in r else ""
    print(f"{r['passages']:>9,} passages  {r['backend']:8s} {r['index_type']:5s} {r['encoder']:9s}  "
          f"p50 {r['p50_ms']:.1f} ms  p99 {r['p99_ms']:.1f} ms  ({r['queries']} queries){rec}  "
          f"RSS {r['rss_mb']} MB{server}{engine}  load average {r['load_average']}")
    print(f"{'':>9}  quote verification: p50 {r['verify_p50_ms']:.1f} ms  p99 {r['verify_p99_ms']:.1f} ms  "
          f"({r['claims']} claims)")
    print(f"{'':>9}  build {r['build_s']} s, publish {r['publish_s']} s")
    for what in ("question", "claim"):
        t = r.get(f"{what}_traffic")
        if t:
            print(f"{'':>9}  per {what}: {t['calls']} calls, {t['rpcs']} RPCs, {t['sent_kb']} KB sent, "
                  f"{t['received_kb']} KB received  {json.dumps(t['by_method'])}")
    print(f"{'':>9}  {json.dumps(r)}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
