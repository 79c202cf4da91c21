"""What a page says about itself once its body is known: its title, a signature under the body, its author."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import SourceInfo
from .masthead import Masthead
from .page import Line, Page

NAME_LINE_RE = re.compile(r"^[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,3}$")
# Lines no reader sees, so no title: a Markdown reference or comment line, invisible once rendered
# ("[#]: collector: (lujun9972)", "[//]: # (note)").
NO_TITLE_RE = re.compile(r"^\[[^\]]*\]:\s")
TITLE_MAX_CHARS = 80  # a title made from a page's first line is cut here
MD_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash before ASCII punctuation: Markdown's escape

Block = list[Line]


@dataclass(frozen=True)
class PageMeta:
    title: str
    author: str | None  # the manifest's, else the byline's, the signature's or the account's
    signature: str | None = None


def read_meta(page: Page, source: SourceInfo, head: Masthead, headings: list[Block], body: list[Block],
              stop: int | None = None) -> PageMeta:
    """``stop``: where the body ends (a thread starts); a title is never taken from below it."""
    signature = _signature(headings, body)
    author = source.author or head.authors or head.byline or signature or head.account
    field = _unescaped(head.fields.get("title") or "")  # front matter writes Markdown: ``my\\_project``
    title = source.title or field or _plain(_title(page, source, head, headings, body, stop))
    return PageMeta(title, author, signature)


def _unescaped(title: str) -> str:
    """A title as people read it: Markdown's escapes written out (``my\\_project`` is ``my_project``)."""
    return MD_ESCAPE_RE.sub(r"\1", title)


def _plain(heading: str) -> str:
    """A heading without its Markdown marks: ``# Title`` and ``**Title**`` are ``Title``."""
    plain = re.sub(r"^#{1,6}\s+|^([*_]{1,2})(?=\S)(.*?\S)\1$", lambda m: m.group(2) or "", heading).strip() or heading
    return _unescaped(plain) if plain != heading else plain


def _title(page: Page, source: SourceInfo, head: Masthead, headings: list[Block], body: list[Block],
           stop: int | None) -> str:
    """The heading just above the byline, the account, the first heading above the body, else the first line
    that is not furniture, else the file's name."""
    if head.byline_line is not None:
        before = [h for h in headings if h[0].index < head.byline_line]
        if before:
            return before[-1][-1].text  # the line nearest the byline: a site name may stand above the title
    if head.account:
        return head.account
    heading = next((h for h in headings if not NO_TITLE_RE.match(h[0].text)), None)
    if heading and (not body or heading[0].index < body[0][0].index):
        return heading[0].text
    first = next((ln for ln in page.content(0, stop) if not NO_TITLE_RE.match(ln.text)), None)
    if first is None:
        return source.path
    return first.text[:TITLE_MAX_CHARS] + ("…" if len(first.text) > TITLE_MAX_CHARS else "")


def _signature(headings: list[Block], body: list[Block]) -> str | None:
    """A name alone on the last line, after all the body: the writer signing off."""
    if headings and body and headings[-1][0].index > body[-1][-1].index:
        cand = headings[-1][0].text
        if NAME_LINE_RE.match(cand):
            return cand
    return None
