"""A corpus folder read end to end: files → Documents → attributed Passages."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .loaders import LoadOptions, LoadReport, load_corpus
from .manifest import load_manifest
from .records import Document
from .segment import Segmented, SegmentOptions, TokenCounter, approx_tokens, segment

SAMPLE_CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "sample"


class CorpusError(ValueError):
    """The corpus folder itself cannot be used (missing, not a folder)."""


@dataclass(frozen=True)
class CorpusOptions:
    load: LoadOptions = field(default_factory=LoadOptions)
    segment: SegmentOptions = field(default_factory=SegmentOptions)


@dataclass(frozen=True)
class CorpusDocument:
    """A loaded document with the manifest's hint about its comment thread."""

    doc: Document
    comments_hint: bool | None

    def key(self, settings: str) -> str:
        """Changes when the text, its metadata or the segmentation settings change."""
        meta = json.dumps(asdict(self.doc.source), sort_keys=True)
        raw = f"{self.doc.content_hash}\n{meta}\n{self.comments_hint}\n{settings}"
        return hashlib.sha256(raw.encode()).hexdigest()

    def segment(self, opts: SegmentOptions, count_tokens: TokenCounter = approx_tokens) -> Segmented:
        return segment(self.doc, opts, count_tokens, comments_hint=self.comments_hint)


def check_corpus_dir(root: Path) -> Path:
    root = root.expanduser()
    if not root.exists():
        raise CorpusError(f"corpus folder {root} does not exist")
    if not root.is_dir():
        raise CorpusError(f"corpus path {root} is not a folder")
    return root.resolve()


def iter_documents(root: Path, opts: CorpusOptions | None = None,
                   report: LoadReport | None = None) -> Iterator[CorpusDocument]:
    opts = opts or CorpusOptions()
    root = check_corpus_dir(root)
    manifest = load_manifest(root)
    for doc in load_corpus(root, manifest, opts.load, report):
        entry = manifest.entry_for(doc.path.split("#", 1)[0])
        yield CorpusDocument(doc, entry.comments if entry else None)


def read_corpus(root: Path, opts: CorpusOptions | None = None, count_tokens: TokenCounter = approx_tokens,
                report: LoadReport | None = None) -> Iterator[tuple[Document, Segmented]]:
    """Each document of the folder with its passages; manifest entries guide the layout detection."""
    opts = opts or CorpusOptions()
    for cd in iter_documents(root, opts, report):
        yield cd.doc, cd.segment(opts.segment, count_tokens)
