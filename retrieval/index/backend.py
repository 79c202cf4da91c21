"""Where an index lives: the embedded backend (FAISS + BM25 + SQLite files, the default) or Milvus. Search, the
CLI and the bot see only this interface: a follower of the serving generation (``live``), and builders."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from ..errors import IndexUnusable
from ..records import Document
from ..settings import IndexSettings
from .build import BuildReport, DocumentSegmenter, IndexBuilder, PassageEncoder, ProgressFn
from .generation import IndexFolder
from .live import LiveIndex


class Builder(Protocol):
    def run(self, full: bool = False, progress: ProgressFn | None = None, show_progress: bool = False,
            report: BuildReport | None = None, shard: tuple[int, int] = (0, 1)) -> BuildReport: ...

    def publish(self, report: BuildReport | None = None, progress: ProgressFn | None = None) -> BuildReport: ...


class Backend(Protocol):
    name: str
    live: LiveIndex  # or any follower with current(), refresh() and exists()

    def exists(self) -> bool: ...

    def outdated(self) -> str | None: ...

    def where(self) -> str: ...

    def builder(self, documents: Callable[[], Iterable[Document]], segment: DocumentSegmenter,
                encoder: PassageEncoder, settings: IndexSettings, key: str, corpus: str,
                language: str) -> Builder: ...


class EmbeddedBackend:
    """Generations of files in one folder of the data directory (generation.py)."""

    name = "embedded"

    def __init__(self, folder: IndexFolder) -> None:
        self.folder = folder
        self.live = LiveIndex(folder)

    def exists(self) -> bool:
        return self.live.exists()

    def outdated(self) -> str | None:
        return self.folder.outdated()

    def where(self) -> str:
        return str(self.folder.path)

    def drop_replaced(self, grace: float) -> bool:
        """Drop the generations the serving one replaced (what a removal must not leave on disk)."""
        return self.folder.drop_replaced(grace)

    def builder(self, documents: Callable[[], Iterable[Document]], segment: DocumentSegmenter,
                encoder: PassageEncoder, settings: IndexSettings, key: str, corpus: str,
                language: str) -> Builder:
        return _OneMachine(IndexBuilder(self.folder, documents, segment, encoder, settings, key, corpus, language))


class _OneMachine:
    """The embedded builder as a ``Builder``: its index is files on one machine, so it has no shards."""

    def __init__(self, builder: IndexBuilder) -> None:
        self.builder = builder

    def run(self, full: bool = False, progress: ProgressFn | None = None, show_progress: bool = False,
            report: BuildReport | None = None, shard: tuple[int, int] = (0, 1)) -> BuildReport:
        if shard != (0, 1):
            raise IndexUnusable('builds split across workers (--shard) need index.backend = "milvus": the '
                                "embedded index is files on one machine")
        return self.builder.run(full, progress, show_progress, report)

    def publish(self, report: BuildReport | None = None, progress: ProgressFn | None = None) -> BuildReport:
        raise IndexUnusable('--publish is for builds split across workers, which need index.backend = "milvus"; '
                            "an embedded build switches by itself when it is complete")


def open_backend(settings: IndexSettings, folder: IndexFolder) -> Backend:
    if settings.backend == "milvus":
        from .milvus import MilvusBackend

        return MilvusBackend(settings)
    return EmbeddedBackend(folder)
