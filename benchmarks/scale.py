"""Warm query latency, ANN recall and memory at 5k / 100k / 1M passages.

    python benchmarks/scale.py --size 100000 [--type auto] [--queries 300]

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


def source_index() -> Generation:
    for folder in sorted((ROOT / ".data" / "bench" / "eval" / "indexes").glob("*")):
        gen = IndexFolder(folder).current()
        if gen is not None and "scifact" in gen.meta().corpus:
            return gen
    raise SystemExit("no SciFact index: run QUOTH_DATA_DIR=.data/bench quoth eval --beir ../shared/beir/scifact")


def build(size: int, kind: str, out: Path) -> None:
    src = source_index()
    base_vecs = np.load(src.vectors)
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

    folder = IndexFolder(out)
    with folder.lock():
        gen = folder.start()
        write_generation(gen, texts, vecs, kind, src.meta().model)
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
    gen.write_meta(Meta(model=model, dimension=int(vecs.shape[1]), documents=len(texts) // per_doc,
                        passages=len(texts), index_type=dense.describe(index), corpus=f"synthetic-{len(texts)}",
                        bm25_analyzer=bm25.ANALYZER_VERSION))


def serve(out: Path, queries: int, backend: str) -> None:
    """Runs in a fresh process: what a serving bot would hold in memory and how fast it answers."""
    from quoth.embeddings import Encoder, ModelSettings
    from quoth.evaluate import load_beir
    from quoth.search import Searcher

    beir = ROOT.parent / "shared" / "beir" / "scifact"
    qs = list(load_beir(beir, "test").queries.values()) + list(load_beir(beir, "train").queries.values())
    qs = qs[:queries]
    enc = Encoder(ModelSettings(backend=backend), ROOT / ".data" / "bench" / "models")
    t = time.perf_counter()
    live = LiveIndex(out)
    idx = live.current()
    searcher = Searcher(live, enc)
    for q in qs[:20]:
        searcher.search(q)
    load_s = time.perf_counter() - t
    lat = []
    for q in qs:
        t = time.perf_counter()
        searcher.search(q, k=3)
        lat.append((time.perf_counter() - t) * 1000)
    # ANN recall@10 against exact inner-product search over the same vectors.
    recall = None
    if idx.meta.index_type != "flat":
        qv = enc.encode_queries(qs[:200])
        vectors = np.asarray(idx.vectors)
        hits = 0
        _, approx = idx.faiss.search(qv, 10)
        for i, v in enumerate(qv):
            exact = np.argpartition(-(vectors @ v), 10)[:10]
            hits += len(set(exact.tolist()) & set(approx[i].tolist()))
        recall = hits / (10 * len(qv))
    verify_ms = verify_latency(idx, searcher)
    status = Path("/proc/self/status").read_text()
    rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
    print(json.dumps({"passages": len(idx), "index_type": idx.meta.index_type, "backend": backend,
                      "p50_ms": round(float(np.percentile(lat, 50)), 2),
                      "p99_ms": round(float(np.percentile(lat, 99)), 2), "queries": len(qs),
                      "recall@10": recall, "rss_mb": round(rss), "load_and_warm_s": round(load_s, 1),
                      "verify_p50_ms": round(float(np.percentile(verify_ms, 50)), 2),
                      "verify_p99_ms": round(float(np.percentile(verify_ms, 99)), 2)}))


def verify_latency(idx, searcher, n: int = 200) -> list[float]:
    """Quote checks of real stretches of the index's passages (15 words, one changed in every other)."""
    from quoth.verify import Verifier

    verifier = Verifier(searcher)
    rng = np.random.default_rng(0)
    out = []
    for i, (p, _) in enumerate(idx.passages(rng.choice(len(idx), n, replace=False))):
        words = p.text.split()[:15]
        if len(words) < 5:
            continue
        if i % 2:
            words[len(words) // 2] = "harbour"
        t = time.perf_counter()
        verifier.verify(" ".join(words))
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--type", default="auto")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--backend", default="torch")
    ap.add_argument("--serve", metavar="DIR", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(Path(args.serve), args.queries, args.backend)
        return 0
    out = ROOT / ".data" / "scale" / f"{args.size}-{args.type}"
    if not (out / "CURRENT").exists():
        print(f"building {args.size:,} passages ({args.type})", flush=True)
        build(args.size, args.type, out)
    res = subprocess.run([sys.executable, __file__, "--serve", str(out), "--queries", str(args.queries),
                          "--backend", args.backend], capture_output=True, text=True, check=True)
    r = json.loads(res.stdout.strip().splitlines()[-1])
    rec = "" if r["recall@10"] is None else f"  recall@10 vs exact {r['recall@10']:.3f}"
    print(f"{r['passages']:>9,} passages  {r['index_type']:5s} {r['backend']:9s}  p50 {r['p50_ms']:.1f} ms  "
          f"p99 {r['p99_ms']:.1f} ms  ({r['queries']} queries){rec}  RSS {r['rss_mb']} MB")
    print(f"{'':>9}  quote verification: p50 {r['verify_p50_ms']:.1f} ms  p99 {r['verify_p99_ms']:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
