"""An email message (the email reader marks it): the sender's words, without what they quote or sign.

Quoted lines (``> …``) and the line that introduces them (``On Tue, 5 Mar 2024, Ann Lee wrote:``) are the
quoted person's words, already in their own message: they are dropped, never given to the sender. So is
everything from a signature delimiter (``-- ``) or an Outlook-style quoted original (``-----Original
Message-----``, ``From: …``) on.
"""

from __future__ import annotations

import re

from ...records import Kind
from ..page import Page
from .base import Layout

QUOTED_RE = re.compile(r"^>")
ATTRIBUTION_RE = re.compile(r"^(?:On\s.{4,160}\swrote:|.{2,80}\s(?:wrote|schrieb|a écrit)\s?:)$")
REST_RE = re.compile(r"^(?:-{2,}\s*(?:Original|Forwarded) Message\s*-{2,}|From:\s.+|Begin forwarded message:)$",
                     re.IGNORECASE)
SIGNATURE = "--"  # the "-- " delimiter, stripped


class Email(Layout):
    kind = Kind.EMAIL
    threads = ()

    def clear(self, page: Page) -> None:
        for i, ln in enumerate(page.lines):
            if ln.text == SIGNATURE or (REST_RE.match(ln.text) and any(not x.blank for x in page.lines[:i])):
                for rest in page.lines[i:]:
                    page.drop(rest)
                return
            if QUOTED_RE.match(ln.text) or ATTRIBUTION_RE.match(ln.text) or _wrapped_attribution(page, i):
                page.drop(ln)


def _wrapped_attribution(page: Page, i: int) -> bool:
    """``On Tue, 5 Mar 2024 at 10:02, Ann Lee <ann@example.org>`` with ``wrote:`` on the next line."""
    ln = page.lines[i]
    nxt = page.lines[i + 1] if i + 1 < len(page.lines) else None
    prev = page.lines[i - 1] if i > 0 else None
    return (ln.text.startswith("On ") and nxt is not None and nxt.text.endswith("wrote:")) or \
        (ln.text.endswith("wrote:") and prev is not None and prev.text.startswith("On "))
