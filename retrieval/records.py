"""The things that flow through the pipeline: a loaded Document, its attributed Passages, search Hits."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceInfo:
    """What a reader needs to find a quote again: the document it comes from."""

    path: str
    title: str
    author: str | None = None
    site: str | None = None
    kind: str | None = None
    url: str | None = None
    date: str | None = None

    def to_json(self) -> dict:
        return {"title": self.title, "path": self.path, "url": self.url, "site": self.site,
                "date": self.date, "author": self.author, "kind": self.kind}


@dataclass(frozen=True)
class Document:
    """A document's text exactly as loaded; every passage is a slice of ``text``."""

    source: SourceInfo
    text: str
    content_hash: str
    warnings: tuple[str, ...] = ()

    @property
    def path(self) -> str:
        return self.source.path


@dataclass(frozen=True)
class Passage:
    """A verbatim slice of a document with the person who said it.

    ``role`` says what kind of speech it is: post, body, narration, quote, comment or reply.
    ``search_text`` adds context (speaker, title) for retrieval; ``text`` is what is shown.
    """

    doc_path: str
    start: int
    end: int
    text: str
    speaker: str | None
    role: str
    search_text: str
    reply_to: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class Hit:
    """A passage found for a query, with its source and the sentence that best matches."""

    passage: Passage
    source: SourceInfo
    score: float
    best_sentence: tuple[int, int] | None = None  # offsets within passage.text
    extras: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        p = self.passage
        return {
            "text": p.text,
            "score": round(float(self.score), 6),
            "speaker": p.speaker,
            "source": {"title": self.source.title, "path": self.source.path, "url": self.source.url},
            "start": p.start,
            "end": p.end,
            "role": p.role,
            "passage_id": p.id,
        }
