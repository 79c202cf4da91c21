"""The pieces a config asks for, built once: encoder, index folder, live index, searcher."""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from embeddings import Encoder, EncoderSettings, token_counter
from retrieval.evaluate import BeirData, beir_corpus_folder
from retrieval.index import BuildReport, build_index, index_folder, outdated
from retrieval.loaded import LiveIndex
from retrieval.search import Searcher, SearchOptions

from .config import Config, corpus_options

log = logging.getLogger("quoth")


class Runtime:
    def __init__(self, cfg: Config, corpus_dir: Path | None = None) -> None:
        self.cfg = cfg
        self.corpus_dir = (corpus_dir or cfg.corpus_dir()).expanduser().resolve()
        m = cfg.model
        self.encoder = Encoder(EncoderSettings(model=m.name, device=m.device, query_prompt=m.query_prompt,
                                               passage_prompt=m.passage_prompt, batch_size=m.batch_size,
                                               backend=m.backend, cache_dir=cfg.model_cache_dir()))
        # One index per backend too: their vectors differ slightly, and benchmarks must not mix them.
        backend = "" if m.backend == "torch" else f"+{m.backend}"
        self.folder = index_folder(cfg.data_dir(), self.corpus_dir, self.encoder.name + backend)
        self.live = LiveIndex(self.folder)

    @functools.cached_property
    def searcher(self) -> Searcher:
        s = self.cfg.search
        reranker = None
        if s.rerank_model:
            from sentence_transformers import CrossEncoder

            reranker = CrossEncoder(s.rerank_model, device="cpu" if self.cfg.model.device == "auto" else None)
        opts = SearchOptions(fusion=s.fusion, rrf_k=s.rrf_k, dense_weight=s.dense_weight, candidates=s.candidates,
                             min_relevance=s.min_relevance, min_coverage=s.min_coverage,
                             lexical_floor=s.lexical_floor, dedup_similarity=s.dedup_similarity)
        return Searcher(self.live, self.encoder, opts, reranker)

    def build(self, full: bool = False, show_progress: bool = False,
              progress: Callable[[str, int, int], None] | None = None) -> BuildReport:
        count = token_counter(self.cfg.model.name)
        opts = corpus_options(self.cfg, self.encoder.max_tokens)
        report = build_index(self.folder, self.corpus_dir, self.encoder, count, opts, self.cfg.index.type,
                             full=full, bm25_params=(self.cfg.index.bm25_k1, self.cfg.index.bm25_b),
                             progress=progress, show_progress=show_progress)
        self.live.refresh()
        return report

    def warm(self) -> None:
        """Build the index if there is none, open it and load the model: everything a first question needs."""
        self.ensure_index(show_progress=False)
        self.live.current()
        self.searcher.search("warm up")

    def ensure_index(self, show_progress: bool | None = None) -> BuildReport | None:
        """Build the index on first use, or update one another Quoth version made; otherwise the existing index is
        used as it is (`quoth index` updates it for changed documents)."""
        if self.live.exists():
            reason = outdated(self.folder)
            if reason is None:
                return None
            log.info("updating the index of %s: %s", self.corpus_dir, reason)
        else:
            log.info("no index yet for %s: building it (once)", self.corpus_dir)
        report = self.build(show_progress=sys.stderr.isatty() if show_progress is None else show_progress)
        log.info("index built: %s", report.summary())
        return report


def beir_runtime(cfg: Config, data: BeirData) -> Runtime:
    """A runtime over a BEIR corpus, indexed in its own data directory (``<data dir>/eval``)."""
    eval_dir = cfg.data_dir() / "eval"
    folder = beir_corpus_folder(data, eval_dir / "corpora")
    sub = cfg.model_copy(update={
        "corpus": cfg.corpus.model_copy(update={"path": str(folder)}),
        "data": cfg.data.model_copy(update={"dir": str(eval_dir)}),
    })
    return Runtime(sub)
