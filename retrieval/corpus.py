"""A corpus folder read end to end: files → Documents → attributed Passages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
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


def check_corpus_dir(root: Path) -> Path:
    root = root.expanduser()
    if not root.exists():
        raise CorpusError(f"corpus folder {root} does not exist")
    if not root.is_dir():
        raise CorpusError(f"corpus path {root} is not a folder")
    return root.resolve()


def read_corpus(root: Path, opts: CorpusOptions | None = None, count_tokens: TokenCounter = approx_tokens,
                report: LoadReport | None = None) -> Iterator[tuple[Document, Segmented]]:
    """Each document of the folder with its passages; manifest entries guide the layout detection."""
    opts = opts or CorpusOptions()
    root = check_corpus_dir(root)
    manifest = load_manifest(root)
    for doc in load_corpus(root, manifest, opts.load, report):
        entry = manifest.entry_for(doc.path.split("#", 1)[0])
        comments = entry.comments if entry else None
        yield doc, segment(doc, opts.segment, count_tokens, comments_hint=comments)
