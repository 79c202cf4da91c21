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


def build(size: int, kind: str, out: Path, beir: Path = BEIR, work: Path = WORK) -> None:
    texts, vecs, model = synthetic(size, beir, work)
    folder = IndexFolder(out)
    with folder.lock():
        gen = folder.start()
        write_generation(gen, texts, vecs, kind, model)
        folder.publish(gen)


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
    if milvus:
        from quoth.index.milvus.connection import Milvus
        from quoth.index.milvus.reader import MilvusLive

        live = MilvusLive(Milvus(milvus), milvus_prefix(out))
    else:
        live = LiveIndex(out)
    idx = live.current()
    searcher = Searcher(live, enc)
    for q in qs[:min(20, len(qs) // 2)]:
        searcher.search(q)
    load_s = time.perf_counter() - t
    lat = []
    for q in qs:
        t = time.perf_counter()
        searcher.search(q, k=3)
        lat.append((time.perf_counter() - t) * 1000)
    verify_ms = verify_latency(idx, searcher, claims)
    status = Path("/proc/self/status").read_text()
    rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
    print(json.dumps({"passages": len(idx), "index_type": getattr(getattr(idx, "meta", None), "index_type", None)
                      or idx.meta["index_type"], "backend": "milvus" if milvus else "embedded", "encoder": encoder,
                      "p50_ms": round(float(np.percentile(lat, 50)), 2),
                      "p99_ms": round(float(np.percentile(lat, 99)), 2), "queries": len(qs),
                      "recall@10": ann_recall(idx, enc, qs, out), "rss_mb": round(rss),
                      "load_and_warm_s": round(load_s, 1),
                      "verify_p50_ms": round(float(np.percentile(verify_ms, 50)), 2),
                      "verify_p99_ms": round(float(np.percentile(verify_ms, 99)), 2)}))


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


def verify_latency(idx, searcher, n: int = 200) -> list[float]:
    """Quote checks of real stretches of the index's passages (15 words, one changed in every other)."""
    from quoth.verify import Verifier

    verifier = Verifier(searcher)
    rng = np.random.default_rng(0)
    out = []
    for i, (p, _) in enumerate(idx.random_passages(None, None, (), seed=int(rng.integers(1 << 30)), limit=n)):
        words = p.text.split()[:15]
        if len(words) < 5:
            continue
        if i % 2:
            words[len(words) // 2] = "harbour"
        t = time.perf_counter()
        verifier.verify(" ".join(words))
        out.append((time.perf_counter() - t) * 1000)
    return out


def milvus_prefix(out: Path) -> str:
    return "scale_" + re.sub(r"\W", "_", out.name)


def build_milvus(size: int, kind: str, out: Path, uri: str, beir: Path = BEIR, work: Path = WORK) -> None:
    """The synthetic passages written into Milvus through the Milvus builder's own steps (no encoder: the
    vectors are made, not embedded), then published as a build publishes."""
    from quoth.index.build import BuildReport
    from quoth.index.milvus import layout
    from quoth.index.milvus.build import MilvusBuilder
    from quoth.index.milvus.connection import Milvus
    from quoth.settings import IndexSettings

    texts, vecs, model = synthetic(size, beir, work)
    encoder = type("Made", (), {"name": model, "dimension": int(vecs.shape[1])})()
    settings = IndexSettings(type=kind, backend="milvus", milvus_uri=uri, milvus_prefix=milvus_prefix(out))
    builder = MilvusBuilder(Milvus(uri, timeout=120), settings.milvus_prefix, list, None, encoder, settings,
                            "synthetic", f"synthetic-{size}")
    t = time.perf_counter()
    gen = builder._generation(1, None, bm25.ENGLISH)
    per_doc, ids = 100, []
    for d in range(0, size, per_doc):
        rows, pos, path = [], 0, f"doc{d}"
        for j, c in enumerate(texts[d:d + per_doc]):
            ids.append(layout.passage_id(path, j))
            rows.append({"id": ids[-1], "doc_path": path, "shard": 0, "ord": j, "start": pos, "stop": pos + len(c),
                         "text": c, "search_text": c, "speaker": None, "role": "body", "reply_to": None,
                         "locator": None, "dense": vecs[d + j].tolist(),
                         "lexical": layout.lexical_text(bm25.ENGLISH.passage_tokens(bm25.words(c), frozenset()))})
            pos += len(c) + 2
        doc = {"title": f"Synthetic document {d // per_doc}", "content_hash": "", "key": "", "passages": len(rows)}
        builder._insert(gen.passages, rows)
        builder._insert(gen.records, [layout.record("doc", layout.key("doc", path), json.dumps(doc), path)])
    print(f"  inserted: {time.perf_counter() - t:.1f} s", flush=True)
    t = time.perf_counter()
    report = BuildReport(documents=-(-size // per_doc), passages=size)
    builder._finish_shard(gen, 0, 1, report)
    builder.publish(report)
    print(f"  published (BM25 terms settled): {time.perf_counter() - t:.1f} s", flush=True)
    out.mkdir(parents=True, exist_ok=True)
    np.save(out / "vectors.npy", vecs)
    np.save(out / "ids.npy", np.asarray(ids, dtype=np.int64))


def milvus_server(data: Path):
    """A milvus-lite server on loopback for the benchmark, and its process (for its memory)."""
    sys.path.insert(0, str(ROOT))
    from tests.milvus import MilvusServer

    server = MilvusServer(data)
    server.start()
    return server


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--type", default="auto")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--encoder", default="torch", help="the encoder backend: torch, onnx or onnx-int8")
    ap.add_argument("--backend", default="embedded", choices=["embedded", "milvus"], help="the index backend")
    ap.add_argument("--claims", type=int, default=200, help="quote checks timed after the questions")
    ap.add_argument("--beir", type=Path, default=BEIR, help="the BEIR folder whose index seeds the corpus")
    ap.add_argument("--work", type=Path, default=WORK, help="where the source index (bench/) and builds (scale/) are")
    ap.add_argument("--serve", metavar="DIR", help=argparse.SUPPRESS)
    ap.add_argument("--milvus", default="", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.serve:
        serve(Path(args.serve), args.queries, args.encoder, args.milvus, args.claims, args.beir)
        return 0
    server = None
    if args.backend == "milvus":
        out = args.work / "scale" / f"milvus-{args.size}-{args.type}"
        server = milvus_server(args.work / "scale" / "milvus-lite")
    else:
        out = args.work / "scale" / f"{args.size}-{args.type}"
    try:
        if not (out / ("ids.npy" if server else "CURRENT")).exists():
            print(f"building {args.size:,} passages ({args.type}, {args.backend})", flush=True)
            if server:
                build_milvus(args.size, args.type, out, server.uri, args.beir, args.work)
            else:
                build(args.size, args.type, out, args.beir, args.work)
        res = subprocess.run([sys.executable, __file__, "--serve", str(out), "--queries", str(args.queries),
                              "--encoder", args.encoder, "--milvus", server.uri if server else "",
                              "--claims", str(args.claims), "--beir", str(args.beir)],
                             capture_output=True, text=True, check=True)
        server_mb = rss_mb(server.proc.pid) if server else None
    finally:
        if server:
            server.stop()
    report(json.loads(res.stdout.strip().splitlines()[-1]), server_mb)
    return 0


def rss_mb(pid: int) -> int:
    return round(int(re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text()).group(1)) / 1024)


def report(r: dict, server_mb: int | None) -> None:
    rec = "" if r["recall@10"] is None else f"  recall@10 vs exact {r['recall@10']:.3f}"
    server = f" + Milvus server {server_mb} MB" if server_mb is not None else ""
    print(f"{r['passages']:>9,} passages  {r['backend']:8s} {r['index_type']:5s} {r['encoder']:9s}  "
          f"p50 {r['p50_ms']:.1f} ms  p99 {r['p99_ms']:.1f} ms  ({r['queries']} queries){rec}  "
          f"RSS {r['rss_mb']} MB{server}")
    print(f"{'':>9}  quote verification: p50 {r['verify_p50_ms']:.1f} ms  p99 {r['verify_p99_ms']:.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
