"""The Milvus backend: a connection, the follower of the alias, and builders."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ...language import LANGUAGES
from ...records import Document
from ...settings import IndexSettings
from .. import bm25
from ..build import DocumentSegmenter, PassageEncoder
from . import layout
from .build import MilvusBuilder, drop_older
from .connection import Milvus
from .engine import ServingPointer
from .reader import MilvusLive, read_meta


class MilvusBackend:
    name = "milvus"

    def __init__(self, settings: IndexSettings) -> None:
        self.milvus = Milvus(settings.milvus_uri, settings.milvus_token(), settings.milvus_timeout)
        self.prefix = settings.milvus_prefix
        self.live = MilvusLive(self.milvus, self.prefix)

    def exists(self) -> bool:
        return self.live.exists()

    def outdated(self) -> str | None:
        gen = self.live.serving()
        meta = read_meta(self.milvus, gen) if gen is not None else None
        if meta is None:
            return None
        if meta.get("format") != layout.FORMAT:
            return f"its collections are in format {meta.get('format')}, this version of Quoth reads {layout.FORMAT}"
        if meta.get("analyzer") != bm25.ANALYZER_VERSION:
            return "its BM25 terms were written by another version of Quoth"
        if meta.get("language", "en") not in LANGUAGES:
            return f"its BM25 terms are in a language this version of Quoth does not know ({meta['language']!r})"
        return None

    def where(self) -> str:
        return f"Milvus at {self.milvus.uri} (prefix {self.prefix})"

    def drop_replaced(self, grace: float) -> bool:
        """Drop every generation older than the serving one once replaced ``grace`` seconds ago, the one it
        replaced included (after a removal of live messages: Quoth.purge_old); whether none is left."""
        serving = self.live.serving()
        if serving is None:
            return True
        drop_older(self.milvus, self.prefix, serving, grace=grace)
        return not [g for g in layout.generations(self.milvus.list_collections(), self.prefix) if g < serving]

    def drop_all(self) -> int:
        """Remove this corpus's index from Milvus: the serving pointer, then every generation of the prefix (what is
        left when a live-only server's last messages are removed: no build can replace the generations holding them).
        How many generations were dropped."""
        ServingPointer(self.milvus, self.prefix).clear()
        gens = layout.generations(self.milvus.list_collections(), self.prefix)
        for gen in gens:
            layout.drop(self.milvus, gen)
        self.live.refresh()
        return len(gens)

    def builder(self, documents: Callable[[], Iterable[Document]], segment: DocumentSegmenter,
                encoder: PassageEncoder, settings: IndexSettings, key: str, corpus: str,
                language: str) -> MilvusBuilder:
        return MilvusBuilder(self.milvus, self.prefix, documents, segment, encoder, settings, key, corpus, language)
