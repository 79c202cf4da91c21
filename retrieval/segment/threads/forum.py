"""Forum threads as scraped text: phpBB (``Post by NAME » DATE``), Reddit (``u/name · 5h``, ``Posted by
u/name 7h``) and vBulletin (``#3``, then the poster's name and their member block). A quoted reply
(``NAME wrote:``, ``Quote: Originally Posted by NAME``) is the quoted person's words, already in their own
post: it is dropped, never given to the replier.
"""

from __future__ import annotations

import re

from ...records import LayoutHints, Role
from ..page import Line, Page
from ..turns import Turn, label_spans, turn_units
from . import Thread

PHPBB_RE = re.compile(r"^(?:Post\s+)?by\s+(?P<name>\S.{0,50}?)\s*»\s*\S.*$")
REDDIT_RE = re.compile(r"^(?:Posted by\s+)?u/(?P<name>[A-Za-z0-9_-]{2,30})(?:\s*[·•].*|\s+\d+\s*[a-z]{1,3}\b.*)?$")
NUMBER_RE = re.compile(r"^#\d{1,5}$")
QUOTE_RES = (
    re.compile(r"^(?P<name>\S.{0,40}?) (?:wrote|said):$"),
    re.compile(r"^Quote:?\s+(?:Originally Posted by\s+)?(?P<name>\S.{0,40}?)$", re.IGNORECASE),
    re.compile(r"^Quote from:\s+(?P<name>\S.{0,40}?)\s+on\s+.*$", re.IGNORECASE),
)
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


def _quoted(page: Page, turns: list[Turn]) -> set[int]:
    """Quote headers and the quoted lines under them: lines found earlier in the thread, else the first one."""
    out: set[int] = set()
    lines = page.content()
    joined = " ".join(x.text for x in lines)  # joined once; "earlier" is a bound on it, not a copy per quote
    ends = [0] * len(lines)
    pos = 0
    for j, x in enumerate(lines):
        ends[j] = max(pos - 1, 0)  # where the text before line j ends (its separating space left out)
        pos += len(x.text) + 1
    for j, ln in enumerate(lines):
        if not any(rx.match(ln.text) for rx in QUOTE_RES) or ln.index < turns[0].line:
            continue
        out.add(ln.index)
        run = []
        for x in lines[j + 1:]:
            if joined.find(x.text, 0, ends[j]) == -1:
                break
            run.append(x.index)
        out |= set(run or [x.index for x in lines[j + 1:j + 2]])
    return out


class ForumPosts:
    name = "forum"

    def find(self, page: Page, hints: LayoutHints) -> Thread | None:
        turns, member = _posts(page)
        if len(turns) < MIN_POSTS:
            return None
        skip = member | _quoted(page, turns)  # a quoted reply is already in its writer's own post
        return Thread(turns[0].line, turn_units(page, turns, skip), label_spans(page, turns, skip))
