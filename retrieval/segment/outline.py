"""Where a passage stands in its document: the path of headings above it (section › subsection, act › scene).

The path goes into a passage's search text, never into its quoted text: a question that names a section
("What is the rationale for f-strings?") finds the words under the heading "Rationale" although no sentence
repeats it. Headings are read from their markup (Markdown ``#``, reStructuredText and setext underlines, a
play's acts and scenes, numbered headings standing alone). A plain heading (a short line alone, no markup)
is not used: it is a guess, and on the dev questions a guessed section in front of a closing paragraph cost a
first place (benchmarks/RESULTS.md, real-document questions).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .page import Line, Page

ATX_RE = re.compile(r"^(#{1,6})\s+(.+?)(?:\s+#+)?$")
UNDERLINE_RE = re.compile(r"^([=\-~^\"'*+#:._`])\1{2,}$")
ACT_RE = re.compile(r"^(?:act\s+(?:[ivxlc]+|\d+|one|two|three|four|five)\b|(?:first|second|third|fourth|fifth)\s+act$"
                    r"|prologue$|epilogue$|induction$)", re.IGNORECASE)
SCENE_RE = re.compile(r"^scene\b", re.IGNORECASE)
NUMBERED_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+[A-Z]")
HEADING_MAX_WORDS = 12
ACT_RANK, SCENE_RANK = 1, 2
PATH_DEPTH = 3  # the innermost headings kept: a deeper path adds words, not meaning
SEPARATOR = " › "


@dataclass(frozen=True)
class Heading:
    offset: int
    rank: int  # 1 is outermost
    title: str


class Outline:
    """The document's headings in order, and the path of headings standing over any offset."""

    def __init__(self, headings: list[Heading], title: str = "") -> None:
        self.offsets: list[int] = []
        self.paths: list[tuple[str, ...]] = []
        stack: list[Heading] = []
        for h in sorted(headings, key=lambda h: h.offset):
            while stack and stack[-1].rank >= h.rank:
                stack.pop()
            stack.append(h)
            self.offsets.append(h.offset)
            self.paths.append(tuple(x.title for x in stack if _norm(x.title) != _norm(title)))

    def path_at(self, offset: int) -> tuple[str, ...]:
        """The headings over ``offset``, outermost first (the document's title left out)."""
        i = bisect.bisect_right(self.offsets, offset)
        return self.paths[i - 1][-PATH_DEPTH:] if i else ()

    def context_at(self, offset: int) -> str:
        return SEPARATOR.join(self.path_at(offset))


NO_OUTLINE = Outline([])


def read_outline(page: Page, title: str = "") -> Outline:
    """The outline of a page whose furniture is cleared, from its marked headings."""
    return Outline(_marked(page), title)


def _marked(page: Page) -> list[Heading]:
    styles: dict[str, int] = {}  # underline styles ranked by first use, as reStructuredText does
    out: list[Heading] = []
    lines = page.lines
    for i, ln in enumerate(lines):
        if not page.keep[ln.index] or ln.blank or ln.words > HEADING_MAX_WORDS:
            continue
        rank = _rank(ln, lines, i, styles, page)
        if rank is not None:
            out.append(Heading(ln.start, rank, _clean(ln.text)))
    return out


def _rank(ln: Line, lines: list[Line], i: int, styles: dict[str, int], page: Page) -> int | None:
    atx = ATX_RE.match(ln.text)
    if atx:
        return len(atx.group(1))
    under = UNDERLINE_RE.match(lines[i + 1].text) if i + 1 < len(lines) else None
    if under and len(lines[i + 1].text) >= len(ln.text) - 1:
        over = i > 0 and lines[i - 1].text == lines[i + 1].text
        style = ("over" if over else "") + under.group(1)
        return styles.setdefault(style, len(styles) + 1)
    alone = (i == 0 or lines[i - 1].blank) and (i + 1 == len(lines) or lines[i + 1].blank)
    if not alone:
        return None
    if ACT_RE.match(ln.text):  # "SCENE I. Elsinore. A platform before the castle." ends like a sentence
        return ACT_RANK
    if SCENE_RE.match(ln.text):
        return SCENE_RANK
    if ln.text[-1:] in ".!?;,":
        return None
    numbered = NUMBERED_RE.match(ln.text)
    return numbered.group(1).count(".") + 1 if numbered else None


MARKUP = ((re.compile(r"<[^>]+>"), ""),  # HTML tags (an avatar's <img>)
          (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # Markdown links and images: their words
          (re.compile(r"https?://\S+"), ""),
          (re.compile(r"[`*]|\\(?=\W)"), ""))  # code ticks, emphasis, escapes


def _clean(text: str) -> str:
    """A heading's words without its marks: ``## Rationale ##``, ``**Rationale**`` and ``[Rationale](#r)`` are
    ``Rationale``: marks and addresses add tokens to every passage under the heading, and no meaning."""
    text = ATX_RE.sub(r"\2", text)
    for rx, repl in MARKUP:
        text = rx.sub(repl, text)
    return " ".join(text.split()).strip(" :_")


def _norm(s: str) -> str:
    return " ".join(s.lower().split())
