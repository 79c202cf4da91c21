"""What every layout reader has: the thread readers it allows, how it tells headings from body, and the prose
reading most layouts share (each paragraph its narrator's, unless a quotation in it is attributed)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from ...records import Clue, Kind, LayoutHints, Role, SourceInfo
from ..attribution import Cast, Decision, ProseReader
from ..masthead import Masthead
from ..meta import Block, PageMeta
from ..page import Page
from ..sentences import SENTENCE_END_RE
from ..threads import BULLET, ThreadReader
from ..threads.dated import DatedComments
from ..threads.numbered import NumberedThread
from ..threads.says import SaysThread
from ..units import Unit, merge_short

HEADING_MAX_WORDS = 12
TITLE_HEADING_MAX_WORDS = 15  # the page's first line may be a longer headline
SLOGAN_MAX_WORDS = 8  # a short first line ending in "!" is still the title
MAX_HEADING_LINES = 3


@dataclass(frozen=True)
class Reading:
    """Everything a layout reader reads from: the page, its source, masthead and metadata, and its body."""

    page: Page
    source: SourceInfo
    head: Masthead
    meta: PageMeta
    body: list[Block]
    min_words: int


def is_heading(block: Block, max_words: int = HEADING_MAX_WORDS) -> bool:
    """A line, or a few stacked lines (a site name over a title), each short and none ending a sentence. A
    line that is one whole quotation, or closes one, is someone's words, never a heading: a reply broken off
    (``"But how--"``), a letter's signature (``"CAROLINE BINGLEY"``). A line that goes on in lower case continues
    a wrapped sentence: the block is prose, however short its lines. Lines that are all list items are a list
    (an agenda, a set of links): someone's words, never a heading."""
    if len(block) > 1 and all(LIST_ITEM.match(ln.text) for ln in block):
        return False
    return len(block) <= MAX_HEADING_LINES and all(
        ln.words <= max_words and not SENTENCE_END_RE.search(ln.text) and not QUOTED_LINE.match(ln.text.strip())
        and not (UTTERANCE_END.search(ln.text) and ln.words >= UTTERANCE_WORDS) for ln in block) and not any(
        ln.text[:1].islower() for ln in block[1:])


LIST_ITEM = re.compile(rf"^(?:{BULLET}|\d{{1,3}}[.)])\s+\S")
QUOTED_LINE = re.compile(r"^[\"“„«].*[\"”“»]$")
# A line broken off or leading on ("…advisable--"', "…and began:--", "MY DEAR FRIEND,--", "…than she said,"):
# the middle of someone's words, never a heading.
UTTERANCE_WORDS = 3  # "Best regards," and a mail's "-- " signature delimiter stay furniture
UTTERANCE_END = re.compile(r"(?:--|[—–,])[\"”’'»]*\s*$")


def _is_title(block: Block) -> bool:
    """The page's first block may be a longer headline, or a short slogan ending in "!"."""
    return is_heading(block, TITLE_HEADING_MAX_WORDS) or (len(block) == 1 and block[0].words <= SLOGAN_MAX_WORDS)


class Layout:
    kind: ClassVar[Kind]
    threads: ClassVar[tuple[ThreadReader, ...]] = (SaysThread(), DatedComments(), NumberedThread())
    body_role: ClassVar[Role] = Role.BODY

    def detect(self, page: Page, head: Masthead, hints: LayoutHints) -> float:
        """How strongly the page looks like this layout, 0..1."""
        return 0.0

    def clear(self, page: Page) -> None:
        """Drop the lines that are nobody's words in this layout (quoted replies, signatures); none by default."""

    def split(self, blocks: list[Block]) -> tuple[list[Block], list[Block]]:
        """(headings, body): one-line blocks without a sentence end are headings, not anyone's words."""
        headings: list[Block] = []
        body: list[Block] = []
        for i, block in enumerate(blocks):
            (headings if is_heading(block) or (i == 0 and _is_title(block)) else body).append(block)
        return headings, body

    def read(self, r: Reading) -> list[Unit]:
        """Each body paragraph as its narrator's, its quotations as the people they are attributed to."""
        text = r.page.text
        spans = [(block[0].start, block[-1].end) for block in r.body]
        known = [p for p in (r.meta.author, r.head.account) if p]
        cast = Cast.learn(text, known, spans[0][0], spans[-1][1]) if spans else Cast.learn("", known)
        site = r.source.site
        publisher = Decision.of(site, Clue.BYLINE, "the site publishes it") if site else Decision(None)
        reader = ProseReader(text, narrator(r), self.body_role, cast, news=self.body_role is Role.NARRATION,
                             publisher=publisher)
        quoted = [(block[0].start, block[-1].end) for block in r.body if all(BLOCKQUOTE.match(ln.text) for ln in block)
                  and not ALERT.match(block[0].text)]
        return merge_short(blockquotes(text, reader.read(spans), quoted), text, r.min_words)


BLOCKQUOTE = re.compile(r"^>")  # Markdown's (and mail's) quotation mark at a line's start
ALERT = re.compile(r"^>\s*\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]", re.IGNORECASE)  # the author's call-out
LEAD_MARKS = re.compile(r"(?:>[ \t]?)*")


def blockquotes(text: str, units: list[Unit], quoted: list[tuple[int, int]]) -> list[Unit]:
    """A paragraph of ``> `` lines (Markdown's blockquote) quotes someone: not the narrator's words. What the
    prose reading gave the narrator there is a quotation of nobody named; a quotation a tag names inside it
    keeps its speaker."""
    def inside(u: Unit) -> bool:
        return any(a <= u.start and u.end <= b for a, b in quoted)

    def unnamed(u: Unit) -> Unit:
        lead = LEAD_MARKS.match(text, u.start).end() - u.start  # the marks before its first words are not words
        return Unit(u.start + lead, u.end, None, Role.QUOTE) if u.start + lead < u.end else u

    return [unnamed(u) if u.role is not Role.QUOTE and inside(u) else u for u in units]


def narrator(r: Reading) -> Decision:
    """Whose the body's own words are, and why: the manifest's author, else the byline's or the page's."""
    if r.source.author:
        return Decision.of(r.source.author, Clue.MANIFEST, "the manifest names the author")
    if r.meta.author:
        how = "byline" if r.meta.author in (r.head.byline, r.head.authors) else \
            "signature" if r.meta.author == r.meta.signature else "account"
        return Decision.of(r.meta.author, Clue.BYLINE, f"the page's {how} names the author")
    if r.source.site:
        return Decision.of(r.source.site, Clue.BYLINE, "the site publishes it")
    return Decision(None)
