"""Quoted mail: lines under ``On Fri, Oct 20, 2023, Ann Lee <ann@x.org> wrote:`` are Ann Lee's words, not the
replier's; ``> >`` lines are the author named by an attribution inside the quotation. A quotation whose author
the message does not name in a readable attribution (an address only, "James made the following comment:", a
top-posted reply quoting what comes later) stays unnamed: a wrong speaker is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from dataclasses import replace as replaced

from ....records import Clue
from ...attribution.evidence import Decision
from ...page import Line, Page
from ...speech import PARTICLE
from ...turns import Turn

MARKS_RE = re.compile(r"^(?:>[ \t]?)+")
WROTE_RE = re.compile(r"(?:^|\s)(?:wrote|writes|schrieb|a écrit|escribió|scrisse|ha scritto|schreef)\s?:\s*$")
# German and Dutch clients name the writer after the verb: "Am 3. Mai 2024 um 10:00 schrieb Ann Lee <ann@x.org>:".
WROTE_BEFORE_RE = re.compile(r"^(?:Am|Op)\s.{4,120}?\s(?:schrieb|schreef)\s+(?P<head>\S.{0,120}?)\s?:\s*$")
# A mail client's attribution opens so, and may wrap before its "wrote:".
OPEN_RE = re.compile(r"^(?:On|Am|Op|Le|El|Il)\s\S")
# Nobody's words inside a quotation: an elision mark.
ELISION_RE = re.compile(r"^[<\[(]?\s*(?:snip(?:ped)?|\.\.\.|…)\s*[>\])]?$", re.IGNORECASE)
_NAME_WORD = re.compile(rf"^[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?$|^{PARTICLE}$")
# Capitalised words of a date line that are no names.
_DATE_WORDS = """mon tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday jan feb
mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october
november december am pm a.m. p.m. utc gmt cet cest est edt pst pdt bst on at"""
DATE_WORDS = frozenset(_DATE_WORDS.split())
QUOTED_WEIGHT = 1.0


def _wrote(text: str) -> bool:
    """Whether a line is a mail client's attribution, in any of the shapes clients write."""
    return WROTE_RE.search(text) is not None or WROTE_BEFORE_RE.match(text) is not None


def depth(text: str) -> tuple[int, str]:
    """How deep a line is quoted (``> >`` is 2), and its words without the marks."""
    m = MARKS_RE.match(text)
    return (m.group().count(">"), text[m.end():].strip()) if m else (0, text.strip())


def has_words(line: str) -> bool:
    """Whether a quoted line holds words: not an empty one parting paragraphs, nor an elision mark."""
    text = depth(line)[1]
    return bool(text) and not ELISION_RE.match(text)


def author(line: str) -> str | None:
    """The person an attribution line names (``On …, Peter Todd <pete@x.org> wrote:`` → Peter Todd), or None
    when it names only an address or nobody readable."""
    before = WROTE_BEFORE_RE.match(line)
    head = before["head"] if before else WROTE_RE.split(line)[0]
    head = re.sub(r"<[^<>]*>?|\([^()]*@[^()]*\)|\S+@\S+", " ", head)  # addresses, a wrapped one's opening too
    head = re.sub(r"\s+via\s+\S+\s*$", "", head.strip())  # a list relaying the mail: "Ann via bitcoin-dev"
    head = head.strip(" \"'").rsplit(",", 1)[-1].strip(" \"'")
    words: list[str] = []
    for w in reversed(head.split()):
        if not _NAME_WORD.match(w) or w.casefold() in DATE_WORDS:
            break
        words.insert(0, w)
    if words and words[0].islower():
        return None  # a particle cannot open a name: the name was cut ("Jan de Vries", Jan read as a month)
    if not 1 <= len(words) <= 4 or any(w.isupper() and len(w) > 1 for w in words):
        return None
    return " ".join(words)


@dataclass
class Quoting:
    """One page's quoted mail, read line by line: who wrote each depth, whose turn is open, whose to resume."""

    authors: dict[int, str | None] = field(default_factory=dict)  # depth → the person an attribution named
    said: dict[int, str] = field(default_factory=dict)  # depth → the attribution line, for the evidence
    open: tuple[int, str] | None = None  # the quoted turn being read: its depth and author
    owner: Turn | None = None  # the replier's turn, resumed after a quotation
    joined: int = -1  # the second line of an attribution wrapped over two
    last: tuple[int, int] = (-2, 0)  # the last quoted line with words: its index and depth

    def reset(self, owner: Turn | None = None) -> None:
        """A new message (its header's turn) or a break: no attribution holds across it."""
        self.authors.clear()
        self.said.clear()
        self.open = None
        self.owner = owner

    def attribution(self, page: Page, ln: Line) -> bool:
        """Whether the line is (part of) an attribution; if so, who it names is kept for the lines below it."""
        if ln.index == self.joined:
            return True
        d, text = depth(ln.text)
        nxt = page.lines[ln.index + 1].text if ln.index + 1 < len(page.lines) else ""
        if not _wrote(text) and OPEN_RE.match(text) and _wrote(f"{text} {depth(nxt)[1]}") and depth(nxt)[0] == d:
            self.joined = ln.index + 1
            text = f"{text} {depth(nxt)[1]}"
        elif not _wrote(text) or len(text) > 240:
            return False
        self.authors[d + 1] = author(text)
        self.said[d + 1] = text
        return True

    def quoted(self, ln: Line, tail: bool) -> tuple[bool, Turn | None]:
        """(keep the line as words, a turn it opens) for a quoted line or a quotation's wrapped tail."""
        d, text = depth(ln.text)
        if tail:
            return self.open is not None, None  # the open quotation's wrapped line
        if not text or ELISION_RE.match(text):
            return False, None  # an empty quoted line parts paragraphs; an elision is nobody's words
        if self.last[0] == ln.index - 1 and self.last[1] > d and text[:1].islower():
            d = self.last[1]  # a deeper quotation's line that the replier's client re-wrapped one level up
        self.last = (ln.index, d)
        if text.endswith(":"):
            self.authors.pop(d + 1, None)  # it introduces the next quotation without a readable attribution
        who = self.authors.get(d)
        if who is None:
            self.open = None
            return False, None
        if self.open == (d, who):
            return True, None
        self.open = (d, who)
        detail = f"quoted under {self.said[d]!r}: the quoted author's words, not the replier's"
        dec = Decision.of(who, Clue.THREAD, detail, QUOTED_WEIGHT)
        return True, Turn(ln.index, dec.speaker, ln.start, confidence=dec.confidence, evidence=dec.evidence)

    def resume(self, ln: Line) -> Turn | None:
        """The replier's turn again, on the first own line after a quotation."""
        if depth(ln.text)[1].endswith(":"):
            self.authors.pop(1, None)
        if self.open is None:
            return None
        self.open = None
        if self.owner is None:
            return Turn(ln.index, None, ln.start)
        return replaced(self.owner, line=ln.index, start=ln.start)
