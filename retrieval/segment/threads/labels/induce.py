"""Which label shapes a document uses, learnt from the document: every candidate shape is tried on every line,
and a shape is accepted only when a small set of its labels recurs down the page. A ``Photo: Reuters`` or a
``Dear Sir:`` is one label seen once; a news article quoting a few people is prose; a speaker-labelled record
repeats the same few labels from top to bottom.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property

from ....records import Kind, LayoutHints
from ...page import Line, Page
from ..dated import DATE_RE, MARKER_RE
from .names import TITLES, clean, is_formal
from .shapes import (
    ACTION,
    ANGLE,
    BOLD,
    BOLD_ALONE,
    CAPS_ALONE,
    CAPS_DOT,
    COLON,
    DATED,
    FIELD_KEYS,
    FROM,
    HEADER,
    JOINT,
    LEAD_CUE_RE,
    MAIL_HEADER_RE,
    NAME_ALONE,
    NAME_DOT,
    NUMBERED,
    PLACEHOLDER_RE,
    QA,
    RECORD_LABEL_RE,
    SECTION_RE,
    SHAPES,
    STAMPED_ALONE,
    SYSTEM_RE,
    TABBED,
    Family,
    Shape,
    given,
    label_of,
    unstamped,
)

MIN_TURNS = 4  # labelled lines, at the least, for a shape to be a document's own
SHORT_MIN_TURNS = 3  # a short record's turns, when its labels are written formally…
SHORT_MIN_SHARE = 0.3  # …and head this share of its content lines
MIN_RECURRING_SHARE = 0.6  # of a shape's labelled lines, those whose label heads two turns or more
MIN_DENSITY = 0.05  # labelled lines per content line from the first label on (measured: 0.08 to 0.93 in records)
MAX_TAIL = 0.6  # of the content from the first label, what may follow the last one (measured: up to 0.54)
MIN_SPREAD = 0.3  # of the page's content, the stretch from a shape's first label to its last
MIN_PROPER_SHARE = 0.7  # of a sentence-like shape's recurring turns (``Lane.  Yes, sir.``), those under proper names
MIN_WORD_USES = 2  # a label written this often in lower case in running text is an ordinary word, no name
MIN_MEAN_WORDS = 2.5  # words after a spoken record's inline label, on average: a turn says something, a field a value
# A word as written, whole (a run of word characters, apostrophes and hyphens); in running text, not a handle
# (``@added``), a tag (``<added``) or a key before a colon (``added:``).
TOKEN_RE = re.compile(r"(?<![\w'’\-])[\w'’\-]++")
WORD_USE_RE = re.compile(r"(?<![\w'’\-@<])[\w'’\-]++(?!\s?:)")
UNSPACED_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # kana and ideographs
HEADER_GAP = 2  # a post header's words may start after this many blank lines
# Blank lines that may stand between a label alone on its line and its words: a post header's; a transcription
# service's label with its time, which re-published exports set apart by a blank line (``0:00 Name  00:00``);
# a bold name in Markdown, where a blank line makes the speech a paragraph of its own.
SCRAPED_GAP = 8  # a scraped comment's markup (tabs, empty divs) leaves this many blank lines around its header
BELOW_GAPS = {HEADER: HEADER_GAP, STAMPED_ALONE: 1, BOLD_ALONE: 1, DATED: SCRAPED_GAP}
MARKER_LINES = 6  # a comment section's heading (``## 13 comments``) stands this close above its first comment
MID_SENTENCE_RE = re.compile(r"\w$")  # a line ending in a word: its sentence goes on below
LINK_TEXT_RE = re.compile(r"^\[(?P<text>[^\]\n]{1,60})\]\([^)\s]+\)$")  # a permalink: the date is its text
FOUND_MEMO = "labels found"  # the page memo's key for every shape's labelled lines, accepted or not
ALONE_MEMO = "labels alone"  # the page memo's key for the lines that are labels alone, read by every shape
NAMELESS = (NUMBERED, JOINT)  # shapes whose labels end a turn but name nobody one can quote
# A shape read only beside another, however rare (``* nick waves`` in an IRC log, a bullet anywhere else; a
# numbered speaker in a play, a list item anywhere else).
NEEDS: dict[Shape, tuple[Shape, ...]] = {ACTION: (ANGLE, TABBED), NUMBERED: (CAPS_DOT, NAME_DOT), JOINT: (COLON,)}


@dataclass(frozen=True)
class Hit:
    """A line that a shape reads as a speaker's label."""

    line: int
    label: str  # as written, markup and extensions included
    start: int | None  # where the words start on the label's line; None: on the lines below
    shape: Shape
    system: bool = False  # a relayed server line (``<bot> <-- ann has quit``): nobody's words
    relayed: bool = False  # the label sits inside another's line (``<bridge> <ann> hi``): ann's words
    nameless: bool = False  # a turn boundary whose label is no name (``King.``, ``All.`` where "king" is a word)


def key(label: str) -> str:
    """The label as counted: ``<@nop>``, ``nop`` and ``NOP:`` are one label."""
    label = re.sub(r"\s*[\(\[][^\)\]]*[\)\]]", "", label)
    return " ".join(label.strip(" @+%&~!*_:.").split()).casefold()


@dataclass(frozen=True)
class Tally:
    """A shape's labelled lines in one document, and whether they make it the document's label shape."""

    shape: Shape
    hits: tuple[Hit, ...]
    short: bool = False  # accepted as a short record: a label seen once is a speaker, not a heading

    @property
    def counts(self) -> Counter[str]:
        """Turns per person: a full label (``JAKE TAPPER, CNN MODERATOR``) counts with its surname's (``TAPPER``)."""
        keys = [key(h.label) for h in self.hits if not h.system]
        short = {k for k in keys if " " not in k}
        return Counter(_person(k, short) for k in keys)

    def seen(self) -> dict[int, int]:
        """For each labelled line, how many turns its person has in this shape."""
        counts = self.counts
        short = {k for k in counts if " " not in k}
        return {h.line: counts[_person(key(h.label), short)] for h in self.hits}

    def record_styled(self) -> bool:
        """Every recurring label in an official record's typography (``Mr. WARNER.``, ``The PRESIDING OFFICER.``):
        its speeches may run for pages, and a capitalised line seen once without a title (``SEC. 1404.``) is a
        section of a text read into it, no speaker."""
        seen = self.seen()
        recurring = [h for h in self.hits if seen[h.line] > 1]
        return len(recurring) >= MIN_TURNS and all(RECORD_LABEL_RE.match(h.label) for h in recurring)

    def recurring_share(self) -> float:
        counts = self.counts
        return sum(c for c in counts.values() if c > 1) / max(1, sum(counts.values()))

    @cached_property
    def _written(self) -> dict[str, str]:
        """Each counted label's first written form (looked up per label: a scan per label was quadratic)."""
        found: dict[str, str] = {}
        for h in self.hits:
            found.setdefault(key(h.label), h.label)
        return found

    def worded(self, page: Page, k: str) -> bool:
        """A spoken record's one-word label that the page also writes as an ordinary word (``Added:`` where
        "added" runs in the text): a field's key or a note's heading, no voice."""
        if self.shape.family is not Family.SPEECH or self.shape in (QA, FROM, HEADER):
            return False
        written = clean(self._written[k])[0]
        # Only a Capitalised label: a handle is written in lower case everywhere (``mnot pointed out…``), a
        # label in capitals is a record's formal speaker (``DOG``, ``THE PRESIDENT``).
        return written[:1].isupper() and not written.isupper() and _common(page, k)

    def accepted(self, page: Page, span: int, asked: bool = False, said: bool = False) -> bool:
        """``asked``: the page also has recurring ``Q`` turns, one more voice (a briefing, one person answering).
        ``said``: the document says it is a transcript (a subtitle file, the manifest): one turn will do."""
        if said:
            return any(not h.system for h in self.hits) and self._says_something(page)
        if not self.shape.anywhere and not self._spread(page, span):
            return False
        if self.shape is DATED and not _marked(page, self.hits[0].line):
            return False
        if self.short_record(page):
            return True
        counts = self.counts
        voices = sum(c > 1 and not self.worded(page, k) for k, c in counts.items()) + asked
        if sum(counts.values()) < MIN_TURNS or (self.shape.recurs and voices < self.shape.voices):
            return False
        if self.shape is QA and counts["q"] < 2:
            return False  # a list lettered "A." is no interview
        if self.shape.recurs and self.recurring_share() < MIN_RECURRING_SHARE:
            return False
        if self.shape.recurs and len(self.hits) < MIN_DENSITY * len(page.content(self.hits[0].line)) and \
                not self.record_styled():
            return False  # a few labels in a long text: lines that happen to start so (a novel's "Charlotte. …")
        if self.shape.proper:
            named = sum(c for label, c in counts.items() if c > 1 and _proper(page, label))
            if named < MIN_PROPER_SHARE * sum(c for c in counts.values() if c > 1):
                return False
        return self._says_something(page)

    def _spread(self, page: Page, span: int) -> bool:
        """The labels run down the page and close it: a short record too, else an exchange quoted inside an
        article reads as one, and the narration after it would be the last speaker's. A heading or a rule after
        the last label closes the labels' section (a post's comments, its footer): what follows it is no one's
        turn, and the section is measured on its own."""
        first, last = self.hits[0].line, self.hits[-1].line
        end = next((ln.index for ln in page.content(last + 1) if SECTION_RE.match(ln.text)), None)
        if end is not None:
            section = page.content(0, end)
            span = section[-1].index - section[0].index
        if last - first < MIN_SPREAD * span:
            return False
        return len(page.content(last + 1, end)) <= MAX_TAIL * len(page.content(first, end))

    def short_record(self, page: Page) -> bool:
        """Three or four turns, too few to learn a shape from, read all the same when they are written formally
        (names in capitals or in full), one of them recurs and they head most of the page (``MARA QUILL: …``)."""
        counts = self.counts
        turns = sum(counts.values())
        if self.shape not in (COLON, BOLD, CAPS_DOT, CAPS_ALONE, NAME_ALONE) or turns < SHORT_MIN_TURNS or \
                len(counts) < 2:
            return False
        return max(counts.values()) > 1 and all(is_formal(h.label) for h in self.hits) and \
            turns >= SHORT_MIN_SHARE * len(page.content(self.hits[0].line)) and self._says_something(page)

    def _says_something(self, page: Page) -> bool:
        if self.shape.family is Family.CHAT:
            return True  # chat messages are short ("ok", "lol"); ``<nick>`` is no field key
        said = [_words(page.text[h.start:page.lines[h.line].end]) for h in self.hits if h.start is not None]
        return not said or sum(said) / len(said) >= MIN_MEAN_WORDS


def _named(page: Page, tally: Tally) -> Tally:
    """Labels that are no names stay turn boundaries, without a speaker: ordinary words, a sentence-like shape's
    labels that are no proper nouns, a numbered or joint speaker."""
    record = tally.record_styled()

    def named(k: str) -> bool:
        return tally.shape not in NAMELESS and not tally.worded(page, k) and \
            (not tally.shape.proper or _proper(page, k)) and (not record or tally.counts[k] > 1 or
                                                              RECORD_LABEL_RE.match(tally._written[k]) is not None)
    ok = {k: named(k) for k in tally.counts}
    seen = tally.seen()
    # In a record, a capitalised word seen once that goes on with the sentence above (``…since before World War``
    # over ``II. That is before…``) is a hard-wrapped sentence's word, not even a turn boundary.
    hits = [h for h in tally.hits if not (record and seen[h.line] == 1 and _mid_sentence(page, h.line)
                                          and RECORD_LABEL_RE.match(tally._written[key(h.label)]) is None)]
    return replace(tally, hits=tuple(replace(h, nameless=h.nameless or not ok.get(key(h.label), True))
                                     for h in hits))


def _mid_sentence(page: Page, line: int) -> bool:
    """The line above ends in a word that runs on, no sentence's or clause's end between them (one blank line
    allowed: a record loaded from HTML may set every line of a paragraph apart)."""
    above = next((x for x in reversed(page.lines[max(0, line - 2):line]) if not x.blank), None)
    return above is not None and MID_SENTENCE_RE.search(above.text) is not None


def _words(text: str) -> int:
    """Words in ``text``: runs between spaces, and each character of a script written without them (Chinese,
    Japanese), where a character is about a word."""
    return len(UNSPACED_RE.findall(text)) + len(UNSPACED_RE.sub(" ", text).split())


def _common(page: Page, k: str) -> bool:
    if " " in k or not k.isalpha():
        return False
    return _tokens(page, WORD_USE_RE)[k] >= MIN_WORD_USES


def _person(k: str, short: set[str]) -> str:
    words = TITLES.sub("", clean(k)[0]).split()
    return words[-1] if len(words) > 1 and words[-1] in short else k


def _proper(page: Page, label: str) -> bool:
    """A name, not a sentence's first word: its last word is never written in lower case in the document."""
    return _tokens(page, TOKEN_RE)[label.split()[-1]] == 0


def _tokens(page: Page, pattern: re.Pattern[str]) -> Counter[str]:
    """How often the page writes each word as ``pattern`` reads words: counted once per page, as a search per
    label took a pass over the text for each of a long record's thousands of labels. Lines that are labels alone
    are no running text: a chat's lower-case ``From  danny  to  Everyone:`` is the same person's handle, not a use
    of the word that would make the notes' ``**Danny**`` an ordinary word."""
    alone = page.memo.get(ALONE_MEMO, frozenset())
    memo = ("label words", pattern.pattern, alone)
    if memo not in page.memo:
        text = "\n".join(ln.text for ln in page.lines if ln.index not in alone) if alone else page.text
        page.memo[memo] = Counter(pattern.findall(text))
    return page.memo[memo]


def hit(page: Page, ln: Line, shape: Shape) -> Hit | None:
    """The line read as ``shape``'s label, or None."""
    skip, text = unstamped(ln.text) if shape.stamped else (0, ln.text)
    m = shape.pattern.match(text)
    if m is None or (shape.family is Family.CHAT and SYSTEM_RE.match(text)) or (shape.timed and not skip):
        return None
    label = label_of(m).strip()
    if not key(label) and shape.family is Family.CHAT:
        return Hit(ln.index, label, None, shape, system=True)  # ``<***> Buffer Playback…``: a bouncer's, no one's
    if shape is STAMPED_ALONE and key(label) in FIELD_KEYS:  # ``Note 00:18:35``: the service's note ends a turn
        return Hit(ln.index, label, None, shape, nameless=True)
    nameless = shape.family is Family.SPEECH and PLACEHOLDER_RE.match(key(label)) is not None
    if key(label) in FIELD_KEYS or not key(label):
        return None
    if shape.below and not _words_below(page, ln, shape, BELOW_GAPS.get(shape, 0)):
        return None
    if shape is DATED and dated_header(page, ln) is None:
        return None
    if shape is FROM and not any(MAIL_HEADER_RE.match(x.text) for x in page.lines[max(0, ln.index - 3):ln.index + 4]):
        return None  # a From line outside a header block is a quoted original's
    rest = m.group("rest") if "rest" in shape.pattern.groupindex else None
    start = ln.start + skip + m.start("rest") if rest else None
    cue = LEAD_CUE_RE.match(rest) if rest and shape.family is Family.SPEECH else None
    if cue is not None:
        start = start + cue.end() if cue.end() < len(rest) else None
    if shape is ANGLE and rest:
        return _relayed(ln, shape, label, start, rest) or Hit(ln.index, label, start, shape)
    again = shape.pattern.match(rest) if rest and shape is COLON else None
    if again is not None and key(label_of(again)) not in FIELD_KEYS:  # ``FEINSTEIN: FORD: I didn't…``: Ford's
        return Hit(ln.index, label_of(again), start + again.start("rest"), shape)
    return Hit(ln.index, label, start, shape, nameless=nameless)


def dated_header(page: Page, ln: Line) -> int | None:
    """The date line right above a comment's name (blank lines between allowed), as a permalink's text or bare."""
    above = next((x for x in reversed(page.lines[max(0, ln.index - SCRAPED_GAP - 1):ln.index]) if not x.blank), None)
    if above is None:
        return None
    link = LINK_TEXT_RE.match(above.text)
    return above.index if DATE_RE.match(link["text"] if link else above.text) else None


def _marked(page: Page, line: int) -> bool:
    """A comment section's heading or marker stands just above ``line`` (dates over names alone may be a diary)."""
    near = [x for x in page.lines[:line] if not x.blank][-MARKER_LINES:]
    return any(MARKER_RE.match(x.text.lstrip("#").strip()) for x in near)


def _relayed(ln: Line, shape: Shape, label: str, start: int, rest: str) -> Hit | None:
    """A bridge bot's or a quoting nick's line: ``<ox> <duck> nice!``, ``<mids> 23:05 <@nop> hi``, ``<ox> * a b``."""
    skip, inner = unstamped(rest)
    if SYSTEM_RE.match(inner):
        return Hit(ln.index, label, start, shape, system=True)
    for other in (ANGLE, ACTION):
        m = other.pattern.match(inner)
        if m and m.group("rest"):
            return Hit(ln.index, label_of(m), start + skip + m.start("rest"), shape, relayed=True)
    return None


def _words_below(page: Page, ln: Line, shape: Shape, gap: int) -> bool:
    """Words under the label within ``gap`` blank lines (words the site repeats on every page, cleared as its
    chrome, still show the line is a label). Another label alone is no one's words: a cast list, or a page of
    nothing but labels, would otherwise give each name the next one's as its speech."""
    nxt = next((x for x in page.lines[ln.index + 1:ln.index + 2 + gap] if not x.blank), None)
    return nxt is not None and shape.pattern.match(unstamped(nxt.text)[1] if shape.stamped else nxt.text) is None


def tallies(page: Page, shapes: tuple[Shape, ...] = SHAPES) -> list[Tally]:
    """Each candidate shape's labelled lines; a line counts for the first shape that reads it."""
    found: dict[Shape, list[Hit]] = {s: [] for s in shapes}
    fenced = _fenced(page)
    for ln in page.content():
        if ln.index in fenced:
            continue  # ``name: Type`` in a code block is code, however often it recurs
        h = next((h for s in shapes if (h := hit(page, ln, s)) is not None), None)
        if h is not None:
            found[h.shape].append(h)
    page.memo[ALONE_MEMO] = frozenset(h.line for hs in found.values() for h in hs if h.shape.below)
    tags = {t.casefold() for t in re.findall(r"</([A-Za-z][\w:-]{0,30})>", page.text)}
    if ANGLE in found:
        found[ANGLE] = [h for h in found[ANGLE] if h.label.casefold() not in tags]  # <p>…</p> is markup, not a nick
    out = [Tally(s, tuple(hs)) for s, hs in found.items() if hs]
    if shapes is SHAPES:
        page.memo[(FOUND_MEMO, page.version)] = out
    return out


def relabelled(page: Page, accepted: list[Tally]) -> frozenset[int]:
    """Lines that a shape the document does not use reads as one of its speakers' labels (``DICK DURBIN (D): …``
    pasted into a comment, where the document labels ``**DICK DURBIN (D):**``): that speaker's words quoted by
    whoever holds the turn, never the turn's own speaker's."""
    if not accepted or accepted[0].shape.family is not Family.SPEECH:
        return frozenset()  # a chat's lines are its messages: no label inside one is pasted
    known = {key(h.label) for t in accepted for h in t.hits if not h.system and not h.nameless}
    mine = {t.shape for t in accepted}
    found = page.memo.get((FOUND_MEMO, page.version), ())
    return frozenset(h.line for t in found if t.shape not in mine for h in t.hits
                     if h.start is not None and key(h.label) in known)


def _fenced(page: Page) -> set[int]:
    """Lines inside Markdown code fences (``` or ~~~), the fences included."""
    out: set[int] = set()
    fence = None
    for ln in page.lines:
        mark = ln.text[:3]
        if fence is None and mark in ("```", "~~~"):
            fence = mark
        elif fence is not None and mark == fence:
            fence = None
            out.add(ln.index)
        if fence is not None:
            out.add(ln.index)
    return out


def accepted_shapes(page: Page, hints: LayoutHints) -> list[Tally]:
    """The shapes this document labels its speakers with, most used first; none for a page of prose. The
    manifest's speaker pattern, when it gives one, is the only shape; a document that says it is a transcript
    needs no recurrence."""
    content = page.content()
    if not content:
        return []
    if hints.speaker_pattern:
        return [t for t in tallies(page, (given(hints.speaker_pattern),)) if any(not h.system for h in t.hits)]
    span = content[-1].index - content[0].index
    said = hints.kind is Kind.TRANSCRIPT
    found = tallies(page)
    asked = any(t.shape is QA and t.counts["q"] > 1 for t in found)
    ok = [_named(page, replace(t, short=t.short_record(page))) for t in found
          if t.shape not in NEEDS and t.accepted(page, span, asked and t.shape is not QA, said)]
    ok += [_named(page, t) for t in found if t.shape in NEEDS and any(o.shape in NEEDS[t.shape] for o in ok)]
    if any(t.shape.family is Family.SPEECH for t in ok):  # questions from the floor beside named answers
        ok += [t for t in found if t.shape is QA and t not in ok and t.counts["q"] > 1]
    return sorted(ok, key=lambda t: -len(t.hits))
