"""Turn a Document into verbatim, speaker-attributed Passages, in named stages:

page (lines) → header fields → furniture dropped (patterns, and the site chrome learnt from the corpus) →
masthead (profile header, byline) → layout reader, chosen by detection score or the manifest → comment thread
under the body → page metadata (title, signature, author) → units (the layout reads the body; quotations
attributed) → passages within the model's length.

Every passage is an exact slice of the loaded text (``doc.text[p.start:p.end] == p.text``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..records import Document, Kind, Passage, SourceInfo
from ..settings import SegmentSettings
from .attribution.settle import settle
from .chrome import NO_CHROME, Chrome
from .chunking import Context, TokenCounter, approx_tokens, to_passages, windows
from .coverage import Coverage, measure
from .furniture import Boilerplate
from .layouts import BY_KIND, Reading, choose_layout
from .masthead import read_header_fields, read_masthead
from .meta import read_meta
from .outline import read_outline
from .page import Page
from .roster import read_roster
from .threads import find_thread
from .threads.quoted import credit_found

log = logging.getLogger("quoth.segment")
DEFAULT_MAX_TOKENS = 256  # all-MiniLM-L6-v2's limit: the default when neither config nor model says

__all__ = ["Chrome", "Coverage", "Segmented", "Segmenter", "TokenCounter", "approx_tokens", "segment"]


@dataclass(frozen=True)
class Segmented:
    source: SourceInfo  # the document's metadata, with what the text revealed filled in
    passages: list[Passage]
    layout_scores: dict[Kind, float] = field(default_factory=dict)  # each layout reader's detection score
    layout_from_manifest: bool = False
    chrome_lines: int = 0  # lines dropped as the corpus's learnt site chrome
    coverage: Coverage = field(default_factory=Coverage)  # the share of its sentences that are in passages

    def explain(self) -> dict:
        """Which layout reader read the document and why, and how much of it the passages hold: for
        ``quoth passages --explain`` and ``--json``."""
        scores = {str(k): round(v, 2) for k, v in sorted(self.layout_scores.items(), key=lambda kv: -kv[1])}
        return {"reader": self.source.kind, "chosen_by": "manifest" if self.layout_from_manifest else "detection",
                "scores": scores, "chrome_lines": self.chrome_lines, "coverage": self.coverage.to_json()}


class Segmenter:
    """Segments documents with one set of settings; furniture patterns are compiled once."""

    def __init__(self, settings: SegmentSettings | None = None, max_tokens: int | None = None,
                 count_tokens: TokenCounter = approx_tokens, boilerplate: Iterable[str] = ()) -> None:
        self.settings = settings or SegmentSettings()
        self.max_tokens = self.settings.max_tokens or max_tokens or DEFAULT_MAX_TOKENS
        self.count_tokens = count_tokens
        self.furniture = Boilerplate(boilerplate)

    def learn(self, texts: Iterable[str]) -> Chrome:
        """The site chrome of a corpus, from the texts of all its documents."""
        return Chrome.learn(texts, self.settings.chrome_min_docs, self.settings.chrome_min_share)

    def windows(self, passages: list[tuple[str, str]]) -> list[list[str]]:
        """For each (search text, text) of a passage, the window texts it is also matched by (chunking.windows;
        none for most)."""
        return [windows(search, text, self.settings.window_tokens, self.count_tokens) for search, text in passages]

    def __call__(self, doc: Document, chrome: Chrome = NO_CHROME) -> Segmented:
        try:
            return self._segment(doc, chrome)
        except Exception as exc:  # a reader's bug on an odd document must not stop a build
            log.warning("%s: layout reading failed (%s: %s); read as a plain page", doc.path, type(exc).__name__, exc)
            return self._segment(doc, chrome, fallback=True)

    def _segment(self, doc: Document, chrome: Chrome, fallback: bool = False) -> Segmented:
        page = Page.of(doc.text)
        fields = read_header_fields(page)  # before furniture: an address in a header is no contact block
        self.furniture.clear(page)
        dropped = chrome.clear(page)
        head = read_masthead(page, fields)
        layout, scores = (BY_KIND[Kind.PAGE], {}) if fallback else choose_layout(page, head, doc.hints)
        layout.clear(page)
        thread = None if fallback else find_thread(page, layout.threads, doc.hints)
        stop = thread.first_line if thread else len(page.lines)
        headings, body = layout.split(page.blocks(stop))
        meta = read_meta(page, doc.source, head, headings, body, stop)
        units = layout.read(Reading(page, doc.source, head, meta, body, self.settings.min_words))
        if thread:  # a comment quoting the page's body (its author's words) is named as the body is
            units += credit_found(doc.text, thread.units, earlier=units)
        units = settle(units, self.settings.speaker_threshold, layout.kind)
        source = replace(doc.source, title=meta.title, author=meta.author, kind=layout.kind)
        context = Context(read_outline(page, meta.title), read_roster(page))
        passages = to_passages(doc.text, doc.path, meta.title, units, self.max_tokens, self.count_tokens, context)
        if doc.locators:
            passages = [replace(p, locator=doc.locator_at(p.start)) for p in passages]
        coverage = measure(page, headings, passages, self.settings.min_coverage, thread.read if thread else ())
        if coverage.loses_words:
            log.warning("%s: only %.0f%% of its sentences are in passages (%d of %d); see quoth passages --explain",
                        doc.path, 100 * coverage.share, coverage.covered, coverage.sentences)
        return Segmented(source, passages, scores, doc.hints.kind is not None, dropped, coverage)


def segment(doc: Document, settings: SegmentSettings | None = None, count_tokens: TokenCounter = approx_tokens,
            boilerplate: Iterable[str] = ()) -> Segmented:
    """Segment one document (a ``Segmenter`` is cheaper for many)."""
    return Segmenter(settings, count_tokens=count_tokens, boilerplate=boilerplate)(doc)
