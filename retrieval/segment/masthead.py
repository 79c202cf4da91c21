"""The top of a page that says whose it is: a social profile header, or a byline.

Both are read, then dropped from the page: a profile header (``2519517 followers • …``) ends the page chrome of
a post list and its first line names the account; a byline (``by Jane Roe``) names an article's author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .page import Line, Page

PROFILE_RE = re.compile(r"^[\d.,]+\s*[km]?\s+followers?\b", re.IGNORECASE)
# "By"/"Posted by" in any case, but the name capitalised: "By the sea" is a heading, not a byline.
BYLINE_RE = re.compile(
    r"^(?i:by|posted by|written by|words by|author:?)\s+(?P<name>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})"
    r"(?:\s*[,|•]\s*.{0,60})?$"
)
ACCOUNT_MAX_WORDS = 6  # an account's display name, above its profile header
BYLINE_WINDOW = 15  # a byline stands among the first non-blank lines


@dataclass(frozen=True)
class Masthead:
    account: str | None = None
    profile: Line | None = None  # the "… followers" line
    byline: str | None = None
    byline_line: int | None = None


def read_masthead(page: Page) -> Masthead:
    """Find the profile header and the byline, and drop them (and the chrome above a profile) from the page."""
    head = page.head()
    account, profile = _profile(page, head)
    byline, byline_line = None, None
    for ln in head[:BYLINE_WINDOW]:
        m = BYLINE_RE.match(ln.text)
        if m and page.keep[ln.index]:
            byline, byline_line = m.group("name"), ln.index
            page.drop(ln)
            break
    return Masthead(account, profile, byline, byline_line)


def _profile(page: Page, head: list[Line]) -> tuple[str | None, Line | None]:
    profile = next((ln for ln in head if PROFILE_RE.match(ln.text)), None)
    if profile is None:
        return None, None
    first = head[0]
    account = first.text if first.words <= ACCOUNT_MAX_WORDS and first.index < profile.index else None
    for ln in page.lines[: profile.index + 1]:
        page.drop(ln)
    return account, profile
