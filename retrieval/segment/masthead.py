"""The top of a page that says whose it is: header fields, a social profile header, or a byline.

All are read, then dropped from the page: a block of ``Field: value`` lines (RFC-822 style, as documentation
and transcripts open; YAML front matter) gives the title and authors; a profile header (``2519517 followers •
…``) ends the page chrome of a post list and its first line names the account; a byline (``by Jane Roe``)
names an article's author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .page import Line, Page
from .speech import CAPITALS

PROFILE_RE = re.compile(r"^[\d.,]+\s*[km]?\s+followers?\b", re.IGNORECASE)
# "By"/"Posted by" in any case, but the name capitalised: "By the sea" is a heading, not a byline.
# French, German and Spanish sites write "Publié par", "Von", "Por"; names may start with an accented capital.
BYLINE_RE = re.compile(
    r"^(?i:by|posted by|written by|words by|author:?|par|publié par|écrit par|rédigé par|auteure?\s?:|von|"
    r"geschrieben von|verfasst von|autor(?:in)?:|por|escrito por|publicado por|autora:)"
    rf"\s+(?P<name>[{CAPITALS}][\w.'’\-]*(?:\s+[{CAPITALS}][\w.'’\-]*){{0,3}})"
    r"(?:\s*[,|•]\s*.{0,60}|\s+(?:on|at|le|am|el)\s+[\w ,:.]{1,40})?$"
)
# WordPress themes put the date first: "Posted on 3 March 2023 by Jane Roe".
DATED_BYLINE_RE = re.compile(
    r"^(?i:posted|published|written|updated)(?:\s+(?i:on))?\s+[\w ,:./\-]{4,40}?\s+(?i:by)\s+"
    r"(?P<name>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})$"
)
ACCOUNT_MAX_WORDS = 6  # an account's display name, above its profile header
PROSE_WORDS = 8  # a line this long above a "by …" line is a paragraph's, wrapped
BYLINE_WINDOW = 15  # a byline stands among the first non-blank lines
FIELD_RE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z\-]*(?: [A-Za-z][A-Za-z\-]*){0,2}):(?:\s+(?P<value>\S.*))?$")
FIELD_MAX_WORDS = 15
# Keys that make a block of fields a header wherever they stand in it; others need such a key beside them.
KNOWN_FIELDS = {
    "title", "subtitle", "author", "authors", "by", "written by", "editor", "editors", "date", "published",
    "updated", "created", "modified", "last modified", "host", "hosts", "guest", "guests", "interviewer",
    "interviewee", "moderator", "presenter", "present", "attendees", "participants", "speakers", "panel", "chair",
    "recorded", "location", "venue", "subject", "from", "to", "cc", "source", "tags", "category", "categories",
    "status", "version", "contact", "language", "guild", "server", "channel", "topic", "episode", "show",
    "series", "transcribed by",
}
AUTHOR_FIELDS = ("author", "authors", "by", "written by")


@dataclass(frozen=True)
class Masthead:
    account: str | None = None
    profile: Line | None = None  # the "… followers" line
    byline: str | None = None
    byline_line: int | None = None
    fields: dict[str, str] = field(default_factory=dict)  # header fields, keys lower-cased

    @property
    def authors(self) -> str | None:
        """The header's author field as names, addresses dropped: ``A, B and C``."""
        raw = next((self.fields[k] for k in AUTHOR_FIELDS if self.fields.get(k)), None)
        if raw is None:
            return None
        names = [n.strip(" '\"") for n in re.split(r",|;|\band\b|&", re.sub(r"<[^>]*>|\([^)]*@[^)]*\)", "", raw))]
        names = [n for n in names if n]
        if len(names) <= 1:
            return names[0] if names else None
        return ", ".join(names[:-1]) + " and " + names[-1]


def _runs_on(page: Page, ln: Line) -> bool:
    """Whether a line that opens with "by" goes on a paragraph's sentence ("That book was made / by Mr. Mark
    Twain, and he told the truth"): the lines above are a paragraph's that does not end there, or a sentence
    goes on after the name. A byline stands on its own line."""
    above = page.lines[ln.index - 2:ln.index] if ln.index > 1 else []
    # Two lines of prose above (a title above a byline is one line): the "by" goes on their sentence.
    if len(above) == 2 and not any(a.blank for a in above) and above[-1].words >= PROSE_WORDS \
            and not above[-1].text.rstrip().endswith((".", ":", "!", "?", "|")):
        return True
    return re.search(r"[.!?]\s+[A-Z]\w*\s+\w+", ln.text) is not None


def read_masthead(page: Page, fields: dict[str, str] | None = None) -> Masthead:
    """Find the profile header and the byline, and drop them (and the chrome above a profile). ``fields``: the
    header fields, read before furniture is cleared (``read_header_fields``); read here when not given."""
    fields = read_header_fields(page) if fields is None else fields
    head = page.head()
    account, profile = _profile(page, head)
    byline, byline_line = None, None
    for ln in head[:BYLINE_WINDOW]:
        line = ln.text.strip("*_ ")  # "*by Jane Roe*" in Markdown
        m = BYLINE_RE.match(line) or DATED_BYLINE_RE.match(line)
        if m and page.keep[ln.index] and not _runs_on(page, ln):
            byline, byline_line = m.group("name"), ln.index
            page.drop(ln)
            break
    return Masthead(account, profile, byline, byline_line, fields)


def _profile(page: Page, head: list[Line]) -> tuple[str | None, Line | None]:
    profile = next((ln for ln in head if PROFILE_RE.match(ln.text)), None)
    if profile is None:
        return None, None
    first = head[0]
    account = first.text if first.words <= ACCOUNT_MAX_WORDS and first.index < profile.index else None
    for ln in page.lines[: profile.index + 1]:
        page.drop(ln)
    return account, profile


def read_header_fields(page: Page) -> dict[str, str]:
    """Runs of ``Field: value`` lines among the first lines, unbroken by a blank line. A run with a known key is
    a header: its lines are dropped and its fields kept. Indented lines under a field continue its value."""
    fields: dict[str, str] = {}
    run: list[tuple[str, str]] = []
    lines: list[Line] = []

    def close() -> None:
        if any(key in KNOWN_FIELDS for key, _ in run):
            for line in lines:
                page.drop(line)
            for key, value in run:
                fields.setdefault(key, _scalar(value))
        run.clear()
        lines.clear()

    for ln in page.content()[:BYLINE_WINDOW]:
        if lines and any(page.lines[i].blank for i in range(lines[-1].index + 1, ln.index)):
            close()
        got = _field(ln)
        if got is not None:
            run.append(got)
            lines.append(ln)
        elif run and ln.indent > lines[-1].indent and ln.words <= FIELD_MAX_WORDS:
            run[-1] = (run[-1][0], f"{run[-1][1]} {ln.text}".strip())
            lines.append(ln)
        else:
            close()
    close()
    page.fields = fields
    return fields


# YAML's double-quoted escapes: a backslash ending a line joins it to the next (the reader joined them with a
# space), "\\ " is a space, "\\_" a no-break space; quotes and backslashes escaped.
YAML_ESCAPES = {" ": " ", "_": " ", '"': '"', "\\": "\\", "/": "/", "t": " ", "n": " "}


def _scalar(value: str) -> str:
    """A front-matter value as written in YAML, quotes and escapes read: ``"Briefing by\\ \\ John Kirby, January
    6.\\_2023"`` is ``Briefing by John Kirby, January 6. 2023``. Values without quotes are as written."""
    v = value.strip()
    if len(v) > 1 and v[0] == v[-1] == "'":
        return v[1:-1].replace("''", "'")
    if not (len(v) > 1 and v[0] == v[-1] == '"'):
        return value
    v = re.sub(r"\\ (?=\\ )", "", v[1:-1])  # a line joined by the reader: "Security\\ \\ Council"
    return " ".join(re.sub(r"\\(.)", lambda m: YAML_ESCAPES.get(m.group(1), m.group(1)), v).split())


def _field(ln: Line) -> tuple[str, str] | None:
    """(key, value) of a field line; ``Chair: Let us begin with the accounts.`` is speech, not a field."""
    m = FIELD_RE.match(ln.text)
    if m is None:
        return None
    key, value = m.group("key").lower(), (m.group("value") or "").strip()
    words = len(value.split())
    if words > FIELD_MAX_WORDS or (words > 3 and value[-1:] in ".!?" and key not in ("title", "subtitle", "subject")):
        return None
    return key, value  # quotes and escapes are read once the value's lines are joined (_scalar)
