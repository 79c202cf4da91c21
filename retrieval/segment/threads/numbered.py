"""Anonymous numbered comments: items 1..N (N ≥ 3) running to the end of the document, replies inside an
item as bullets indented deeper than it. Commenters are named by their number, never guessed."""

from __future__ import annotations

import re

from ...records import LayoutHints, Role
from ..page import Line, Page
from ..units import Unit
from . import BULLET, Thread

NUMBERED_RE = re.compile(r"^(?P<num>\d{1,4})[.)]\s+(?P<rest>\S.*)$")
REPLY_BULLET_RE = re.compile(rf"^{BULLET}\s+(?P<rest>\S.*)$")
MIN_ITEMS = 3
# Without a manifest saying the page has comments, unindented items must average this many words: an
# article's own numbered list is short steps, scraped comments are sentences.
MIN_UNINDENTED_WORDS = 15


def anonymous_label(number: int, reply: bool = False) -> str:
    return f"Anonymous commenter (reply to #{number})" if reply else f"Anonymous commenter (#{number})"


class NumberedThread:
    name = "numbered"

    def find(self, page: Page, hints: LayoutHints) -> Thread | None:
        if hints.comments is False:
            return None
        items = _items(page)
        if len(items) < MIN_ITEMS or not _runs_to_end(page, items):
            return None
        base_indent = items[0][0].indent
        if hints.comments is not True and base_indent == 0 \
                and sum(ln.words for ln, _ in items) / len(items) < MIN_UNINDENTED_WORDS:
            return None
        units: list[Unit] = []
        for i, (ln, rest_start) in enumerate(items):
            stop = items[i + 1][0].index if i + 1 < len(items) else len(page.lines)
            units.extend(_comment(page, i + 1, ln, rest_start, stop, base_indent))
        return Thread(items[0][0].index, units)


def _items(page: Page) -> list[tuple[Line, int]]:
    """The last run of items numbered 1, 2, 3… (no deeper than the first), with where each one's text starts."""
    items: list[tuple[Line, int]] = []
    for ln in page.content():
        m = NUMBERED_RE.match(ln.text)
        if not m:
            continue
        num = int(m.group("num"))
        if num == 1:
            items = [(ln, ln.start + m.start("rest"))]
        elif items and num == len(items) + 1 and ln.indent <= items[0][0].indent:
            items.append((ln, ln.start + m.start("rest")))
    return items


def _runs_to_end(page: Page, items: list[tuple[Line, int]]) -> bool:
    """Everything after the first item is an item or its continuation: nothing less indented."""
    first, base_indent = items[0][0], items[0][0].indent
    item_lines = {ln.index for ln, _ in items}
    return all(ln.indent >= base_indent for ln in page.content(first.index + 1) if ln.index not in item_lines)


def _comment(page: Page, number: int, item: Line, rest_start: int, stop: int, base_indent: int) -> list[Unit]:
    """A numbered comment and the bullet replies inside it."""
    cuts = [x for x in page.lines[item.index + 1:stop]
            if page.keep[x.index] and x.indent > base_indent and REPLY_BULLET_RE.match(x.text)]
    bounds = [item.index, *[c.index for c in cuts], stop]
    units = []
    for j in range(len(bounds) - 1):
        a, b = bounds[j], bounds[j + 1]
        if j == 0:
            span = page.span(a, b, first_start=rest_start)
            speaker, role, parent = anonymous_label(number), Role.COMMENT, None
        else:
            bl = page.lines[a]
            span = page.span(a, b, first_start=bl.start + REPLY_BULLET_RE.match(bl.text).start("rest"))
            speaker, role, parent = anonymous_label(number, True), Role.REPLY, anonymous_label(number)
        if span:
            units.append(Unit(*span, speaker=speaker, role=role, reply_to=parent))
    return units
