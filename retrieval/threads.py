"""Comment threads under a page: ``Name says:`` blocks and anonymous numbered comments, with replies.

A thread is found by its shape: at least two ``says:`` headers, or a run of numbered items 1, 2, 3…
that runs to the end of the document. Nesting comes from indentation: a header indented deeper than
the one before it is a reply to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import Line

_BULLET = r"[•·◦▪‣*\-–—]"
SAYS_RE = re.compile(
    rf"^(?:{_BULLET}\s*)?(?P<name>[^\s•“”\"?!;:].{{0,60}}?)\s+(?:says|said|wrote|writes|replied|replies)"
    r"(?:\s+on\s+[^:]{1,60}?)?\s*:$"
)
NUMBERED_RE = re.compile(r"^(?P<num>\d{1,4})[.)]\s+(?P<rest>\S.*)$")
REPLY_BULLET_RE = re.compile(rf"^{_BULLET}\s+(?P<rest>\S.*)$")


@dataclass(frozen=True)
class Comment:
    start: int
    end: int
    speaker: str
    role: str  # "comment" or "reply"
    reply_to: str | None


def _name_from_header(line: Line) -> str | None:
    m = SAYS_RE.match(line.text)
    if not m:
        return None
    name = m.group("name").strip()
    return name if 1 <= len(name.split()) <= 6 else None


def _span(lines: list[Line], keep: list[bool], first: int, stop: int, first_start: int | None = None
          ) -> tuple[int, int] | None:
    """Offsets covering the kept, non-blank lines in [first, stop)."""
    content = [ln for ln in lines[first:stop] if keep[ln.index] and not ln.blank]
    if not content:
        return None
    start = first_start if first_start is not None and content[0].index == first else content[0].start
    return start, content[-1].end


def find_says_thread(lines: list[Line], keep: list[bool]) -> tuple[int, list[Comment]] | None:
    headers = [(ln, name) for ln in lines if keep[ln.index] and (name := _name_from_header(ln))]
    if len(headers) < 2:
        return None
    comments: list[Comment] = []
    stack: list[tuple[int, str]] = []
    for i, (ln, name) in enumerate(headers):
        while stack and stack[-1][0] >= ln.indent:
            stack.pop()
        parent = stack[-1][1] if stack else None
        stack.append((ln.indent, name))
        stop = headers[i + 1][0].index if i + 1 < len(headers) else len(lines)
        span = _span(lines, keep, ln.index + 1, stop)
        if span:
            comments.append(Comment(*span, speaker=name, role="reply" if parent else "comment",
                                    reply_to=parent))
    return headers[0][0].index, comments


def anonymous_label(number: int, reply: bool = False) -> str:
    return f"Anonymous commenter (reply to #{number})" if reply else f"Anonymous commenter (#{number})"


def find_numbered_thread(lines: list[Line], keep: list[bool], require_indent: bool = True
                         ) -> tuple[int, list[Comment]] | None:
    """Numbered comments: items 1..N (N ≥ 3) running to the end of the document.

    ``require_indent`` guards articles that end in a numbered list: without a manifest saying the page
    has comments, the items must be indented or long, as scraped comment lists are.
    """
    content = [ln for ln in lines if keep[ln.index] and not ln.blank]
    items: list[tuple[Line, int]] = []
    for ln in content:
        m = NUMBERED_RE.match(ln.text)
        if not m:
            continue
        num = int(m.group("num"))
        if num == 1:
            items = [(ln, ln.start + m.start("rest"))]
        elif items and num == len(items) + 1 and ln.indent <= items[0][0].indent:
            items.append((ln, ln.start + m.start("rest")))
    if len(items) < 3:
        return None
    first_line, base_indent = items[0][0], items[0][0].indent
    # Everything after the last item must be its continuation: deeper indented, or no other item shape.
    item_idx = {ln.index for ln, _ in items}
    for ln in content:
        if ln.index <= first_line.index or ln.index in item_idx:
            continue
        if ln.indent < base_indent:
            return None
    if require_indent:
        avg_words = sum(ln.words for ln, _ in items) / len(items)
        if base_indent == 0 and avg_words < 15:
            return None
    comments: list[Comment] = []
    for i, (ln, rest_start) in enumerate(items):
        number = i + 1
        stop = items[i + 1][0].index if i + 1 < len(items) else len(lines)
        # Replies inside a numbered comment are bullets indented deeper than the item.
        cuts = [x for x in lines[ln.index + 1:stop]
                if keep[x.index] and x.indent > base_indent and REPLY_BULLET_RE.match(x.text)]
        bounds = [ln.index, *[c.index for c in cuts], stop]
        for j in range(len(bounds) - 1):
            a, b = bounds[j], bounds[j + 1]
            if j == 0:
                span = _span(lines, keep, a, b, first_start=rest_start)
                speaker, role, parent = anonymous_label(number), "comment", None
            else:
                bl = lines[a]
                m = REPLY_BULLET_RE.match(bl.text)
                span = _span(lines, keep, a, b, first_start=bl.start + m.start("rest"))
                speaker, role, parent = anonymous_label(number, True), "reply", anonymous_label(number)
            if span:
                comments.append(Comment(*span, speaker=speaker, role=role, reply_to=parent))
    return first_line.index, comments
