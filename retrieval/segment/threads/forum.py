"""Forum threads as scraped text: phpBB (``Post by NAME » DATE``), Reddit (``u/name · 5h``, ``Posted by
u/name 7h``) and vBulletin (``#3``, then the poster's name and their member block).

Quoted words keep their author, never the replier's: a quoted reply under its header (``NAME wrote:``,
``Quote: Originally Posted by NAME``, ``Quote from: NAME on DATE``) and a BBCode ``[quote="NAME"]…[/quote]`` are
NAME's passage; a bare ``Quote:`` or ``[quote]``, and ``> `` lines (Markdown, Reddit), are someone else's,
named only when the words are found earlier in the thread under one poster (``threads.quoted``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ...records import Clue, LayoutHints, Role
from ..attribution.evidence import NOBODY, Decision
from ..page import Line, Page
from ..turns import Turn, label_spans, turn_units
from ..units import Unit
from . import Thread
from .quoted import credit_found

PHPBB_RE = re.compile(r"^(?:Post\s+)?by\s+(?P<name>\S.{0,50}?)\s*»\s*\S.*$")
REDDIT_RE = re.compile(r"^(?:Posted by\s+)?u/(?P<name>[A-Za-z0-9_-]{2,30})(?:\s*[·•].*|\s+\d+\s*[a-z]{1,3}\b.*)?$")
NUMBER_RE = re.compile(r"^#\d{1,5}$")
QUOTE_RES = (
    re.compile(r"^(?P<name>\S.{0,40}?) (?:wrote|said):$"),
    re.compile(r"^Quote:?\s+(?:Originally Posted by\s+)?(?P<name>\S.{0,40}?)$", re.IGNORECASE),
    re.compile(r"^Quote from:\s+(?P<name>\S.{0,40}?)\s+on\s+.*$", re.IGNORECASE),
    re.compile(r"^Quote:?$", re.IGNORECASE),  # a quotation whose writer the forum does not name
)
# [quote="Ann"], [quote=Ann], [quote name="Ann" post=12], [QUOTE="Ann, post: 12, member: 3"], [quote]
BBCODE_OPEN_RE = re.compile(r"^\[quote(?:=[\"']?(?P<eq>[^\"'\],]{1,40})[^\]]*|\s+name=[\"']?(?P<name>[^\"'\]]{1,40})"
                            r"[^\]]*)?\]", re.IGNORECASE)
BBCODE_TAG_RE = re.compile(r"\[/?quote\b[^\]]{0,80}\]", re.IGNORECASE)
MARKDOWN_QUOTE_RE = re.compile(r"^>")
QUOTE_HEADER_WEIGHT = 1.0  # the forum's own quote header names the quoted poster
MEMBER_BLOCK_WORDS = 6  # a poster's rank and counts under their name are short lines
MIN_POSTS = 2


def _posts(page: Page) -> tuple[list[Turn], set[int]]:
    """Post headers, and the lines around vBulletin names that are nobody's words (``#3``, the member block)."""
    turns: list[Turn] = []
    member: set[int] = set()
    content = page.content()
    for i, ln in enumerate(content):
        m = PHPBB_RE.match(ln.text) or REDDIT_RE.match(ln.text)
        if m:
            turns.append(Turn(ln.index, m.group("name").strip(), role=Role.POST))
        elif NUMBER_RE.match(ln.text) and i + 1 < len(content):
            name = content[i + 1]
            turns.append(Turn(name.index, name.text, role=Role.POST))
            member |= {ln.index} | _member_block(page, name)
    return turns, member


def _member_block(page: Page, name: Line) -> set[int]:
    """The short lines right under a poster's name, up to the first blank line."""
    out = set()
    for ln in page.lines[name.index + 1:]:
        if ln.blank or ln.words > MEMBER_BLOCK_WORDS or re.search(r"[.!?]$", ln.text):
            break
        out.add(ln.index)
    return out


@dataclass(frozen=True)
class Quoted:
    """A quoted stretch of a post: its lines, the span of its words, and who the forum says wrote it."""

    lines: tuple[int, ...]  # the lines it holds words on, and its header line, none of them the poster's
    start: int
    end: int
    writer: Decision
    read: tuple[tuple[int, int], ...] = ()  # its header or tags: nobody's words


def _writer(name: str | None, how: str) -> Decision:
    if not name or not name.strip():
        return NOBODY
    return Decision.of(name.strip(), Clue.THREAD, f"the forum's quote header names the quoted poster ({how!r})",
                       QUOTE_HEADER_WEIGHT)


def _headed(page: Page, turns: list[Turn]) -> list[Quoted]:
    """Quotes under a header line: the lines found earlier in the thread, else the first one."""
    out: list[Quoted] = []
    lines = page.content()
    heads = {t.line for t in turns}
    joined = " ".join(x.text for x in lines)  # joined once; "earlier" is a bound on it, not a copy per quote
    ends = [0] * len(lines)
    pos = 0
    for j, x in enumerate(lines):
        ends[j] = max(pos - 1, 0)  # where the text before line j ends (its separating space left out)
        pos += len(x.text) + 1
    for j, ln in enumerate(lines):
        m = next((m for rx in QUOTE_RES if (m := rx.match(ln.text))), None)
        if m is None or ln.index < turns[0].line:
            continue
        run = []
        for x in lines[j + 1:]:
            if x.index in heads or joined.find(x.text, 0, ends[j]) == -1:
                break
            run.append(x)
        run = run or [x for x in lines[j + 1:j + 2] if x.index not in heads]
        start, end = (run[0].start, run[-1].end) if run else (ln.end, ln.end)
        who = _writer(m.groupdict().get("name"), ln.text)
        out.append(Quoted((ln.index, *(x.index for x in run)), start, end, who, ((ln.start, ln.end),)))
    return out


def _bbcode(page: Page, turns: list[Turn]) -> tuple[list[Quoted], list[Unit]]:
    """``[quote="NAME"]…[/quote]`` stretches, each its innermost quote's writer's: a quote nested in another is
    its own writer's, and the outer quote's words around it the outer writer's. A quote left open ends with
    its post. Also the poster's words after a closing tag on its line (``[/quote]Thanks, that helps``)."""
    out: list[Quoted] = []
    after: list[Unit] = []
    bounds = [page.lines[t.line].start for t in turns[1:]] + [len(page.text)]
    for turn, stop in zip(turns, bounds, strict=True):
        stack: list[Decision] = []
        pos = opened = page.lines[turn.line].end
        for tag in [*BBCODE_TAG_RE.finditer(page.text, pos, stop), None]:
            at = tag.start() if tag is not None else stop
            if stack:
                out.append(_stretch(page, pos, at, stack[-1]))
            if tag is None:
                if stack:
                    out.append(_region(page, opened, stop))
                break
            if not stack:
                opened = tag.start()
            if tag.group().startswith("[/"):
                stack = stack[:-1]
            else:
                m = BBCODE_OPEN_RE.match(tag.group())
                stack.append(_writer((m["eq"] or m["name"]) if m else None, tag.group()))
            out.append(Quoted((), tag.start(), tag.start(), NOBODY, ((tag.start(), tag.end()),)))
            pos = tag.end()
            if not stack:  # the outermost quote closed: the rest of its line is the poster's again
                out.append(_region(page, opened, pos))
                ln = page.lines[out[-1].lines[-1]]
                if page.text[pos:ln.end].strip():
                    rest = _stretch(page, pos, ln.end, NOBODY)
                    after.append(Unit(rest.start, rest.end, turn.speaker, turn.role, turn.reply_to, turn.confidence,
                                      turn.evidence))
    return out, after


def _region(page: Page, start: int, end: int) -> Quoted:
    """Every line an outermost quote touches, tags included: none of them is read as the poster's."""
    return Quoted(tuple(ln.index for ln in _near(page, start, end) if ln.start < end and ln.end >= start),
                  start, start, NOBODY)


def _near(page: Page, start: int, end: int) -> list[Line]:
    """The non-blank lines around offsets [start, end] (found by bisection: a page may hold many quotes)."""
    key = ("line starts", len(page.lines))
    if key not in page.memo:
        page.memo[key] = [ln.start for ln in page.lines]
    first = max(0, bisect.bisect_right(page.memo[key], start) - 1)
    last = bisect.bisect_right(page.memo[key], end)
    return [ln for ln in page.lines[first:last + 1] if not ln.blank]


def _stretch(page: Page, start: int, end: int, writer: Decision) -> Quoted:
    """The quoted words between two tags, spaces trimmed, with the lines they are on."""
    words = page.text[start:end]
    start += len(words) - len(words.lstrip())
    end -= len(words) - len(words.rstrip())
    lines = tuple(ln.index for ln in _near(page, start, end) if ln.start < end and ln.end > start)
    return Quoted(lines, start, max(start, end), writer)


class ForumPosts:
    name = "forum"

    def find(self, page: Page, hints: LayoutHints) -> Thread | None:
        turns, member = _posts(page)
        if len(turns) < MIN_POSTS:
            return None
        bbcode, after = _bbcode(page, turns)
        quotes = _headed(page, turns) + bbcode
        inside = {i for q in quotes for i in q.lines}
        marked = [ln.index for ln in page.content(turns[0].line) if MARKDOWN_QUOTE_RE.match(ln.text)
                  and ln.index not in inside]
        units = turn_units(page, turns, member | inside, marked)
        units += [Unit(q.start, q.end, q.writer.speaker, Role.QUOTE, None, q.writer.confidence or None,
                       q.writer.evidence) for q in quotes if q.start < q.end]
        units += after
        units = credit_found(page.text, sorted(units, key=lambda u: u.start))
        read = [*label_spans(page, turns, member), *(span for q in quotes for span in q.read)]
        return Thread(turns[0].line, units, tuple(sorted(read)))
