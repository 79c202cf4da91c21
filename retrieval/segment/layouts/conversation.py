"""Conversations: transcripts, chat exports and forum threads. Each is a run of speaker-headed turns read by
its thread reader; whatever stands above the first turn is the page's title and introduction."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import ClassVar

from ...records import Kind, LayoutHints, Role
from ..masthead import Masthead
from ..meta import Block
from ..page import Page
from ..sentences import SENTENCE_END_RE
from ..threads import ThreadReader, find_thread
from ..threads.chat import ChatMessages
from ..threads.forum import ForumPosts
from ..threads.labels import LabelledTurns
from ..threads.labels.shapes import Family
from ..threads.markup import MarkedTurns
from ..threads.proceedings import ProceedingsSpeeches, noise
from ..units import Unit
from .base import TITLE_HEADING_MAX_WORDS, Layout, Reading

# "[Lane is arranging afternoon tea on the table …]", "(Enter Macbeth.)": a stage direction, wholly in brackets.
DIRECTION = re.compile(r"\A\s*(?:\[[^\]]*\]|\([^)]*\))\s*\Z")
WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")
MARKUP_RE = re.compile(r"^\s*[#<\[*|>]|\]\(|<[a-z]|https?://")
PROSE_MIN_WORDS = 6  # an introduction someone wrote is sentences: this many words at the least…
PROSE_MIN_LOWER = 0.5  # …most of them in lower case; a publisher's imprint, a cast list or an act's heading is not


class Conversation(Layout):
    confidence: ClassVar[float]

    def detect(self, page: Page, head: Masthead, hints: LayoutHints) -> float:
        return self.confidence if find_thread(page, self.threads, hints) is not None else 0.0

    def split(self, blocks: list[Block]) -> tuple[list[Block], list[Block]]:
        """Above the first turn, a line on its own is a title or a field, whatever its punctuation; not a sentence
        of prose ("setting nothing retains the default behavior, so this should be non-breaking.")."""
        headings, body = super().split(blocks)
        lines = [b for b in body if len(b) == 1 and b[0].words <= TITLE_HEADING_MAX_WORDS
                 and not _sentence(b[0].text)]
        return headings + lines, [b for b in body if b not in lines]

    def read(self, r: Reading) -> list[Unit]:
        """Above the first turn, a stage direction in brackets is nobody's words, as within the turns, and so are
        lines that are no sentences (an imprint, a cast list, an edition's dates); the rest is the page's
        introduction, its author's."""
        text = r.page.text
        directions = [b for b in r.body if DIRECTION.match(text[b[0].start:b[-1].end])
                      or not _prose(text[b[0].start:b[-1].end])]
        rest = [b for b in r.body if b not in directions]
        units = super().read(replace(r, body=rest)) if rest else []
        units += [Unit(b[0].start, b[-1].end, None, Role.BODY) for b in directions]
        return sorted(units, key=lambda u: u.start)


def _sentence(line: str) -> bool:
    """A line of prose ending as a sentence ends, not markup (a heading, a link, an image)."""
    return _prose(line) and SENTENCE_END_RE.search(line) is not None and not MARKUP_RE.search(line)


def _prose(text: str) -> bool:
    words = WORD_RE.findall(text)
    return len(words) >= PROSE_MIN_WORDS and sum(w[0].islower() for w in words) >= PROSE_MIN_LOWER * len(words)


class Transcript(Conversation):
    kind = Kind.TRANSCRIPT
    threads: ClassVar[tuple[ThreadReader, ...]] = (MarkedTurns(), LabelledTurns(Family.SPEECH))
    confidence = 0.85  # over a byline: an interview published with one is still read turn by turn


class Chat(Conversation):
    kind = Kind.CHAT
    # Markup first: a live channel's messages come with their authors (channels/render.py), never read off the text.
    threads: ClassVar[tuple[ThreadReader, ...]] = (MarkedTurns(), LabelledTurns(Family.CHAT), ChatMessages())
    confidence = 0.9


class Forum(Conversation):
    kind = Kind.FORUM
    threads: ClassVar[tuple[ThreadReader, ...]] = (ForumPosts(),)
    confidence = 0.9


class Proceedings(Conversation):
    kind = Kind.PROCEEDINGS
    threads: ClassVar[tuple[ThreadReader, ...]] = (MarkedTurns(), ProceedingsSpeeches())
    confidence = 0.88

    def clear(self, page: Page) -> None:
        for index in noise(page):
            page.drop(page.lines[index])
