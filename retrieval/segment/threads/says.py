"""``Name says:`` comment headers (WordPress and the like), each followed by the comment; a header indented
deeper than the one before it is a reply to it. At least two headers make a thread.

A comment's ``> `` lines quote someone (the post, another commenter): a passage apart from the commenter's
words, credited to the person a ``Name said:`` line right above them names, else to the one commenter whose
earlier words they are (``threads.quoted``), else to nobody; never to the commenter.
"""

from __future__ import annotations

import re

from ...records import Clue, LayoutHints, Role
from ..attribution.evidence import Decision
from ..attribution.names import NEVER, TITLES
from ..page import Line, Page
from ..speech import PARTICLES
from ..units import Unit
from . import BULLET, Thread
from .quoted import credit_found

QUOTED_RE = re.compile(r"^>")
QUOTE_HEADER_WEIGHT = 1.0  # "Ann said:" right above the quoted lines names their writer

# "Name says:" as comment systems write it in English, French, German and Spanish.
HEADER_VERBS = ("says|said|wrote|writes|replied|replies|a écrit|écrit|a dit|dit|a répondu|répond|schrieb|schreibt|"
                "sagt|antwortete|antwortet|escribió|escribe|dijo|dice|respondió|responde")
SAYS_RE = re.compile(
    rf"^(?:{BULLET}\s*)?(?P<name>[^\s•“”\"«»„?!;:].{{0,60}}?)\s+(?:{HEADER_VERBS})"
    r"(?:\s+(?:on|at|le|am|el)\s+.{1,60}?)?\s*:$"
)
MAX_NAME_WORDS = 6
LOWER_NAME_WORDS = 3  # a name written all in lower case: a longer run is a sentence


def name_from_header(line: Line) -> str | None:
    m = SAYS_RE.match(line.text)
    if not m:
        return None
    name = m.group("name").strip()
    return name if 1 <= len(name.split()) <= MAX_NAME_WORDS else None


# "…time. Finally Tom said:": a sentence ends inside what would be the name, so it is prose, no header ("Dr.",
# "Mr." and initials, "J. R. Smith", end no sentence).
SENTENCE_INSIDE = re.compile(r"(\w*)[’'”\"]?[.!?]\s")


def _ends_a_sentence(name: str) -> bool:
    return any(len(m.group(1)) > 1 and m.group(1).lower() not in TITLES for m in SENTENCE_INSIDE.finditer(name))


def _a_name(name: str) -> bool:
    """A commenter's name or handle: "But Sidney", "time. Finally Tom", "Jim shook his head and" are the prose
    of a story leading into a quotation (a sentence's opener, its end, a comma, or lower-case words after a
    capitalised one; a commenter may write a name wholly or partly in lower case: "rebekah hirsch", "stanley
    Knafler")."""
    words = name.split()
    if words[0].lower().strip(",") in NEVER or _ends_a_sentence(name) or re.search(r"[,;]", name):
        return False
    if name.islower():  # "rebekah hirsch": a name written all in lower case, as some commenters do
        return len(words) <= LOWER_NAME_WORDS
    return not any(w[:1].islower() and w not in PARTICLES for w in words[1:])


OPENING_MARKS = "\"“„«‘'"


def _leads_into_quotation(page: Page, ln: Line) -> bool:
    nxt = next((x for x in page.lines[ln.index + 1:] if not x.blank), None)
    return nxt is not None and nxt.text.lstrip()[:1] in OPENING_MARKS


def _introduces_quote(page: Page, ln: Line) -> bool:
    """A ``Name said:`` line right above ``> `` lines: a quotation's attribution inside a comment, no header."""
    nxt = next((x for x in page.lines[ln.index + 1:] if not x.blank), None)
    return nxt is not None and QUOTED_RE.match(nxt.text) is not None


class SaysThread:
    name = "says"

    def find(self, page: Page, hints: LayoutHints) -> Thread | None:
        named = [(ln, name) for ln in page.lines if page.keep[ln.index] and (name := name_from_header(ln))
                 and _a_name(name)]
        headers: list[tuple[Line, str]] = []
        attributions: dict[int, str] = {}
        for ln, name in named:  # inside a comment (indented under its header), "Ann said:" over "> " lines quotes
            inside = bool(headers) and ln.indent > headers[-1][0].indent and _introduces_quote(page, ln)
            (attributions.__setitem__(ln.index, name) if inside else headers.append((ln, name)))
        if len(headers) < 2 or 2 * sum(_leads_into_quotation(page, ln) for ln, _ in headers) > len(headers):
            return None  # "Tom said:" over "“What's your name?”", again and again: a story's dialogue
        units: list[Unit] = []
        stack: list[tuple[int, str]] = []  # (indent, name) of the open comments above this one
        for i, (ln, name) in enumerate(headers):
            while stack and stack[-1][0] >= ln.indent:
                stack.pop()
            parent = stack[-1][1] if stack else None
            stack.append((ln.indent, name))
            stop = headers[i + 1][0].index if i + 1 < len(headers) else len(page.lines)
            comment = Unit(0, 0, name, Role.REPLY if parent else Role.COMMENT, parent)
            units += _comment_units(page, ln.index + 1, stop, comment, attributions)
        read = [(ln.start, ln.end) for ln, _ in headers] + [(page.lines[i].start, page.lines[i].end)
                                                            for i in attributions]
        return Thread(headers[0][0].index, credit_found(page.text, units), tuple(sorted(read)))


def _comment_units(page: Page, first: int, stop: int, comment: Unit, attributions: dict[int, str]) -> list[Unit]:
    """A comment's runs of lines: the commenter's own, and each quotation apart (its attribution line is
    nobody's words)."""
    units: list[Unit] = []
    run: list[Line] = []
    writer: str | None = None
    for ln in [*page.lines[first:stop], None]:
        quoted = ln is not None and QUOTED_RE.match(ln.text) is not None
        # A blank line ends a quotation (the next may quote someone else), not the commenter's own words.
        ends = ln is None or ln.index in attributions or (
            bool(run) and quoted != (QUOTED_RE.match(run[0].text) is not None))
        if ends and run:
            units.append(_run_unit(page, run, comment, writer))
            run = []
        if ln is None:
            break
        if ln.index in attributions:
            writer = attributions[ln.index]
        elif not ln.blank and page.keep[ln.index]:
            writer = writer if quoted else None
            run.append(ln)
    return units


def _run_unit(page: Page, run: list[Line], comment: Unit, writer: str | None) -> Unit:
    if QUOTED_RE.match(run[0].text) is None:
        return Unit(run[0].start, run[-1].end, comment.speaker, comment.role, comment.reply_to)
    start = run[0].start + len(run[0].text) - len(run[0].text.lstrip("> \t"))
    if writer is None:
        return Unit(start, run[-1].end, None, Role.QUOTE)
    d = Decision.of(writer, Clue.THREAD, f"'{writer} said:' stands above the quoted lines", QUOTE_HEADER_WEIGHT)
    return Unit(start, run[-1].end, d.speaker, Role.QUOTE, None, d.confidence, d.evidence)
