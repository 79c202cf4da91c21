"""Withholding: what a loaded index of either backend leaves out of everything it shows, beside damaged passages.

A live document's passage that covers a message deleted, forgotten or edited since the serving generation was
built is withheld (channels/store.py decides which): search, random quotes, passages by id, context,
``passages_within`` and the document text verification reads all go through ``hidden`` or ``masked``, so no way
of reading the generation shows it between the deletion and the next build.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from ..records import Passage

T = TypeVar("T")


class Withholder(Protocol):
    def withheld(self, passage: Passage, content_hash: str) -> bool: ...

    def withheld_spans(self, path: str, content_hash: str) -> list[tuple[int, int]]: ...


class Withholding:
    """Mixed into a loaded index, which provides ``damaged(passage_id)`` and ``content_hash(path)``; its live
    follower sets ``withholder`` when it opens it."""

    withholder: Withholder | None = None

    def damaged(self, passage_id: int) -> bool:
        raise NotImplementedError

    def content_hash(self, path: str) -> str | None:
        raise NotImplementedError

    def hidden(self, passage: Passage) -> bool:
        """Whether ``passage`` is never shown: damaged, or covering a message that is no longer as indexed."""
        if passage.id is not None and self.damaged(passage.id):
            return True
        if self.withholder is None:
            return False
        digest = self.content_hash(passage.doc_path)
        return digest is not None and self.withholder.withheld(passage, digest)

    def shown(self, found: Iterable[tuple[Passage, T]]) -> list[tuple[Passage, T]]:
        """``found`` without the passages never shown."""
        return [(p, x) for p, x in found if not self.hidden(p)]

    def masked(self, path: str, text: str | None) -> str | None:
        """A document's text with withheld messages blanked out (spaces: every offset still points where it did),
        so that verification never finds words that are no longer there."""
        if text is None or self.withholder is None:
            return text
        digest = self.content_hash(path)
        spans = self.withholder.withheld_spans(path, digest) if digest is not None else []
        for a, b in spans:
            text = text[:a] + " " * (b - a) + text[b:]
        return text
