"""``Quoth``: the application, built from settings once — encoder, corpus reader, segmenter, index, searcher.

This is the composition root: the one module that wires the stages together and the only one that talks to
``embeddings``. The CLI, the Discord bot, the benchmarks and the integration tests all go through it.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .channels import MessageStore, Rendering
from .embeddings import Encoder, ModelError, token_counter
from .errors import ModelUnavailable, QuothError
from .evaluate.beir import BeirData, beir_corpus_folder
from .index import BuildReport, IndexFolder, LoadedIndex, ProgressFn, filters, index_folder
from .index.backend import open_backend
from .index.build import settings_key
from .index.speakers import Person
from .index.store import StoredDocument
from .ingest import FolderLoader, LoadReport
from .records import Document, Hit, Passage, SourceInfo
from .search import Searcher, SearchResult
from .search.query import check_query, check_text
from .segment import Segmented, Segmenter
from .settings import Settings
from .verify import Verdict, Verifier

log = logging.getLogger("quoth")
RANDOM_MIN_WORDS = 12  # a random quote worth reading alone
# Seconds a replaced generation stays on disk after a build that removed messages: a reader still holding it (a
# question under way, a process that has not looked at CURRENT yet: LiveIndex.check_every) finishes on it.
REPLACED_GRACE = 5.0


@contextlib.contextmanager
def model_errors() -> Iterator[None]:
    """The encoder's own errors, as the library's."""
    try:
        yield
    except ModelError as exc:
        raise ModelUnavailable(f"model.name: {exc}") from exc


class Quoth:
    """Index a folder of documents and answer questions from it with attributed, verbatim quotes."""

    def __init__(self, settings: Settings | None = None, encoder: Encoder | None = None) -> None:
        self.settings = settings or Settings()
        self.corpus_dir = self.settings.corpus_dir().expanduser().resolve()
        with model_errors():
            self.encoder = encoder or Encoder(self.settings.model, self.settings.model_cache_dir())
        name = self.encoder.name + self.settings.model.index_suffix
        self.folder = IndexFolder(index_folder(self.settings.data_dir(), self.corpus_dir, name))
        self.backend = open_backend(self.settings.index, self.folder)
        self.live = self.backend.live
        self.live.withholder = self.messages  # passages of deleted or edited messages are never shown
        self._index_checked = False

    @classmethod
    def open(cls, corpus: str | Path | None = None, config: str | Path | None = None,
             settings: Settings | None = None, data_dir: str | Path | None = None) -> Quoth:
        """Quoth over ``corpus`` (default: the config's, else the bundled sample corpus), with the settings of
        ``config`` (a TOML file) or ``settings``; with no arguments, Quoth as the CLI runs without a config."""
        s = settings or (Settings.load(config) if config else Settings())
        changes = {}
        if corpus is not None:
            changes["corpus"] = {"path": str(Path(corpus).expanduser().resolve())}
        if data_dir is not None:
            changes["data"] = {"dir": str(Path(data_dir).expanduser().resolve())}
        return cls(s.with_(**changes) if changes else s)

    @classmethod
    def for_beir(cls, data: BeirData, settings: Settings | None = None) -> Quoth:
        """Quoth over a BEIR corpus, indexed in its own data directory (``<data dir>/eval``), reused while the
        corpus and model are unchanged."""
        s = settings or Settings()
        eval_dir = s.data_dir() / "eval"
        folder = beir_corpus_folder(data, eval_dir / "corpora")
        # In Milvus the evaluation corpus gets collections of its own: the served corpus's must not be replaced.
        slug = re.sub(r"[^A-Za-z0-9]+", "_", folder.name)
        index = {"milvus_prefix": f"{s.index.milvus_prefix}_eval_{slug}"[:31]} if s.index.backend == "milvus" else {}
        return cls(s.with_(corpus={"path": str(folder)}, data={"dir": str(eval_dir)}, index=index))

    # --- building --------------------------------------------------------------------------------------
    @functools.cached_property
    def segmenter(self) -> Segmenter:
        with model_errors():
            # The encoder's own cache: a Quoth given a shared encoder (one per server) finds the model there.
            count = token_counter(self.settings.model.name, self.encoder.cache_dir)
            return Segmenter(self.settings.segment, self.encoder.max_tokens, count, self.settings.corpus.boilerplate)

    def _settings_key(self) -> str:
        seg = self.segmenter
        # The coverage floor only decides a warning, not a passage: changing it re-indexes nothing.
        return settings_key(self.encoder.name, {**seg.settings.model_dump(exclude={"min_coverage"}),
                                                "max_tokens": seg.max_tokens,
                                                "boilerplate": list(self.settings.corpus.boilerplate)})

    def index(self, full: bool = False, progress: ProgressFn | None = None, show_progress: bool = False,
              shard: tuple[int, int] = (0, 1)) -> BuildReport:
        """Build the index, or update it for new, changed and removed documents; ``progress(stage, done,
        total)`` is called as it goes. The previous index serves until the new one is complete.

        ``shard=(i, n)`` (Milvus only) writes shard ``i`` of ``n`` of the corpus into the pending generation,
        for builds split across workers; ``publish()`` switches to it once every shard has finished."""
        report = BuildReport()
        read: list[Rendering] = []
        self.purge_old()
        with model_errors():
            self._builder(report, read).run(full, progress, show_progress, report, shard)
        self.live.refresh()
        if read and shard == (0, 1):  # what the build read of the live messages now serves (a shard: at publish)
            self.messages.mark_built(read[-1])
        self._index_checked = True
        return report

    @functools.cached_property
    def messages(self) -> MessageStore:
        """The live channels' messages of this data directory (created on the first write)."""
        return MessageStore(self.settings.data_dir() / "live" / "messages.sqlite")

    def purge_old(self, grace: float = REPLACED_GRACE) -> bool:
        """After a build that removed live messages (deleted, forgotten, pruned): drop the generation it replaced,
        which still holds them, once the new one has served ``grace`` seconds. Called by every build; call it
        after one (the bot does) to drop it sooner. Whether nothing removed is left in an older generation."""
        if not self.messages.purge_due():
            return True
        drop = getattr(self.backend, "drop_replaced", None)  # the Milvus backend drops its collections itself
        if drop is None or not drop(grace):
            return False
        self.messages.mark_purged()
        return True

    def watch(self, stop=None, quiet: float | None = None) -> Iterator[tuple[set, BuildReport]]:
        """Keep the index current: after each group of changes in the corpus folder (once it has been quiet
        for ``quiet`` seconds, default ``corpus.watch_quiet``), an incremental build; yields the changes and its
        report, until ``stop`` (a threading.Event) is set. Questions are answered from the old generation until
        the switch, as with any build."""
        from .watch import corpus_changes

        for changes in corpus_changes(self.corpus_dir, quiet or self.settings.corpus.watch_quiet, stop):
            try:
                report = self.index()
            except QuothError as exc:  # an emptied folder, a full disk: said, and the next change tries again
                log.error("index update failed: %s; the previous index still serves", exc)
                continue
            yield changes, report

    def publish(self, progress: ProgressFn | None = None) -> BuildReport:
        """Switch every serving process to the generation the shards of a split build wrote (Milvus only)."""
        report = self._builder(BuildReport()).publish(progress=progress)
        self.live.refresh()
        return report

    def _builder(self, report: BuildReport, read: list[Rendering] | None = None):
        return self.backend.builder(lambda: self._documents(report, read), self.segmenter, self.encoder,
                                    self.settings.index, self._settings_key(), str(self.corpus_dir),
                                    self.settings.corpus.language)

    def _documents(self, report: BuildReport, read: list[Rendering] | None) -> Iterator[Document]:
        """The corpus folder's documents, then the live channels' as they read now (noted in ``read``)."""
        yield from FolderLoader(self.settings.corpus).load(self.corpus_dir, LoadReport(report.warnings))
        rendering = self.messages.render()
        if read is not None:
            read.append(rendering)
        yield from rendering.documents

    def ensure_index(self, show_progress: bool | None = None) -> BuildReport | None:
        """Build the index on first use, or update one another Quoth version made; otherwise the existing index
        is used as it is (``index()`` updates it for changed documents)."""
        if self.backend.exists():
            reason = self.backend.outdated()
            if reason is None:
                self._index_checked = True
                return None
            log.info("updating the index of %s: %s", self.corpus_dir, reason)
        else:
            log.info("no index yet for %s: building it (once)", self.corpus_dir)
        report = self.index(show_progress=sys.stderr.isatty() if show_progress is None else show_progress)
        log.info("index built: %s", report.summary())
        for line in report.new_warnings:  # no `quoth index` output to tell them: said here, once per build
            log.warning(line)
        return report

    def _ready(self) -> None:
        """Before the first question or listing: the index exists and is this version's (built if not)."""
        if not self._index_checked:
            self.ensure_index()

    def warm(self) -> None:
        """Build the index if there is none, open it and load the model: everything a first question needs."""
        self.ensure_index(show_progress=False)
        self.search("warm up")

    # --- asking ----------------------------------------------------------------------------------------
    @functools.cached_property
    def searcher(self) -> Searcher:
        reranker = None
        if self.settings.search.rerank_model:
            from .embeddings.models import sentence_transformers

            with model_errors():
                st = sentence_transformers(f"search.rerank_model {self.settings.search.rerank_model!r}")
            device = "cpu" if self.settings.model.device == "auto" else self.settings.model.device
            reranker = st.CrossEncoder(self.settings.search.rerank_model, device=device)
        return Searcher(self.live, self.encoder, self.settings.search, reranker)

    def ask(self, question: str, k: int | None = None, source: str | None = None, speaker: str | None = None,
            offset: int = 0) -> SearchResult:
        """The best quotes for a person to read, each with its best-matching sentence marked."""
        return self.search(question, k, source, speaker, offset, best_sentence=True)

    def search(self, query: str, k: int | None = None, source: str | None = None, speaker: str | None = None,
               offset: int = 0, best_sentence: bool = False) -> SearchResult:
        """Hits for ``query`` (``k`` from the settings by default); empty when nothing is relevant. ``BadQuery``
        when the question is empty, ``k`` or ``offset`` is out of range, or no source or speaker matches a filter:
        a mistake must not look like "nothing relevant"."""
        check_query(query, k, offset)
        self._ready()
        with model_errors():
            return self.searcher.search(query, k=k, offset=offset, source=source, speaker=speaker,
                                        best_sentence=best_sentence)

    def random(self, speaker: str | None = None, source: str | None = None, avoid: Iterable[int] = (),
               min_words: int = RANDOM_MIN_WORDS, seed: int | None = None) -> Hit | None:
        """A random passage of at least ``min_words`` words (by ``speaker``, from ``source``), none of ``avoid``
        (passage ids) when others remain; None when nothing matches."""
        self._ready()
        for p, src in self.live.current().random_passages(speaker=speaker, source=source, avoid=avoid, seed=seed):
            if len(p.text.split()) >= min_words:
                return Hit(p, src, 1.0)
        return None

    @functools.cached_property
    def verifier(self) -> Verifier:
        return Verifier(self.searcher, self.settings.verify)

    def verify(self, message: str, speaker: str | None = None) -> list[Verdict]:
        """Check the quotes in ``message`` (each quoted stretch, or all of it) against the corpus: for each, the
        verdict, whose words they are, where, and how they differ. ``BadQuery`` for too few words."""
        check_text(message, "claim")
        self._ready()
        with model_errors():
            return self.verifier.verify_message(message, speaker)

    def verify_claim(self, claim: str, speaker: str | None = None) -> Verdict:
        """Check one claim as it is (no quoted stretches picked out of it)."""
        check_text(claim, "claim")
        self._ready()
        with model_errors():
            return self.verifier.verify(claim, speaker)

    def rank(self, query: str, mode: str = "hybrid", depth: int = 100) -> list[tuple[int, float]]:
        self._ready()
        with model_errors():
            return self.searcher.rank(query, mode, depth)

    # --- what is indexed -------------------------------------------------------------------------------
    def current(self) -> LoadedIndex:
        """The serving index generation (built first if there is none)."""
        self._ready()
        return self.live.current()

    def sources(self) -> list[StoredDocument]:
        return self.current().documents()

    def speakers(self) -> list[tuple[str, int]]:
        """Speakers by number of passages, each person once under the fullest name the corpus gives them."""
        return self.current().speakers()

    def people(self, name: str | None = None) -> list[Person]:
        """Each speaker with every name the corpus uses for them, their passages and documents, the most quoted
        first; ``name``: only the people it names (by any of their names, else by part of one)."""
        directory = self.current().directory()
        found = filters.speaker_people(name, directory) if name else None
        return [p for p in directory.people() if found is None or p.name in found]

    def context(self, path: str, start: int, end: int, before: int = 1, after: int = 1
                ) -> tuple[list[tuple[Passage, SourceInfo]], int | None]:
        """The indexed passage covering [start, end) of ``path`` with its neighbours, and its id."""
        return self.current().context(path, start, end, before, after)

    def passages(self, folder: str | Path | None = None, report: LoadReport | None = None
                 ) -> Iterator[tuple[Document, Segmented]]:
        """Segment a folder (default: the corpus) without indexing it: each document with its passages."""
        root = Path(folder).expanduser() if folder is not None else self.corpus_dir
        docs = list(FolderLoader(self.settings.corpus).load(root, report))  # all of them: chrome is learnt across
        chrome = self.segmenter.learn(d.text for d in docs)
        for doc in docs:
            yield doc, self.segmenter(doc, chrome)
