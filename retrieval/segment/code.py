"""Code blocks are not anyone's words; prose set in a literal block is.

Markup marks a block as literal for many reasons: program code, but also a poem, a quoted letter or an
aphorism list (PEP 20's Zen of Python is a ``.. code-block:: text``). A block whose markup names a programming
language is dropped whole; any other literal block (no language, ``text``, a reStructuredText ``::`` block, a
Markdown fence without a language) is dropped only when its lines read as code, not as sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .page import Line, Page

FENCE_RE = re.compile(r"^(```+|~~~+)\s*\{?\s*([\w+#.-]*)")
DIRECTIVE_RE = re.compile(r"^\.\. (?:([\w-]+)::\s*(\S*)|_[^:]+:|\|[^|]+\|)")
# Directives whose body is a literal block (its language follows the directive's name).
LITERAL_DIRECTIVES = {"code-block", "code", "sourcecode", "literalinclude", "highlight", "parsed-literal",
                      "doctest", "testcode", "testoutput", "productionlist", "math", "raw", "csv-table"}
# Directives whose body is prose the page says in its own voice: kept as it is.
PROSE_DIRECTIVES = {"note", "warning", "tip", "important", "attention", "caution", "danger", "error", "hint",
                    "admonition", "seealso", "epigraph", "highlights", "pull-quote", "topic", "sidebar", "rubric",
                    "line-block", "container", "versionadded", "versionchanged", "deprecated"}
# What a block's markup may call its language when it is no program: its lines decide.
PLAIN_LANGUAGES = {"", "text", "txt", "none", "plain", "plaintext", "rst", "restructuredtext", "markdown", "md",
                   "quote", "poem", "verse", "email", "letter"}
# A line opening like this is a program's, a shell's or an interpreter's.
CODE_START = re.compile(r"^(>>>|\.\.\.|\$ |# |#!|//|/\*|\*/|<[\w/!?]|[-+]{3} |@@ |def |class |import |from \S+ import "
                        r"|return\b|if .*:$|for .*:$|while .*:$|elif |else:|try:|except\b|with .*:$|print\(|"
                        r"[\w.\[\]]+\s*[-+*/|&]?=\s|[\w.]+\(.*\)$)")
CODE_CHARS = re.compile(r"[{}()\[\]=<>_\\|`@$%^&~]")
PROSE_SHARE = 0.6  # a literal block is prose when at least this share of its lines read as sentences
MIN_PROSE_WORDS = 2


@dataclass(frozen=True)
class LiteralBlock:
    """A literal block's lines (markup lines excluded) and what its markup says of them."""

    lines: list[Line]
    language: str | None  # None: the markup names none (a ``::`` block)


def prose_line(text: str) -> bool:
    """A line of sentences or verse: several words, few of the marks programs are made of."""
    words = text.split()
    if len(words) < MIN_PROSE_WORDS or CODE_START.match(text):
        return False
    marks = len(CODE_CHARS.findall(text))
    letters = sum(c.isalpha() for c in text)
    return marks <= max(1, len(words) // 6) and letters >= 0.6 * len(text.replace(" ", ""))


def is_prose(block: LiteralBlock) -> bool:
    """Whether a literal block is someone's words rather than code."""
    if (block.language or "").lower() not in PLAIN_LANGUAGES:
        return False
    lines = [ln for ln in block.lines if not ln.blank]
    return bool(lines) and sum(prose_line(ln.text) for ln in lines) >= PROSE_SHARE * len(lines)


def drop_code(page: Page) -> None:
    """Drop the page's code: fenced blocks, reStructuredText literal blocks (the indented lines after a line
    ending in ``::``) and directives (``.. code-block::``, ``.. _target:``) with their indented options; a
    literal block that reads as prose keeps its lines, the markup around it is still dropped."""
    for block in _literal_blocks(page):
        if not is_prose(block):
            for ln in block.lines:
                page.drop(ln)


def _underlines(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` is a reStructuredText heading's underline ("Names to Avoid" over "~~~~~~~~~~~~~~"):
    one character repeated, at least as long as the text line right above it, a blank line (or the end) after
    it. Read as a fence, it opened a code block that the next underline closed, and the section between was
    lost (PEP 8's "Names to Avoid")."""
    text = lines[i].text
    above = lines[i - 1] if i else None
    below = lines[i + 1] if i + 1 < len(lines) else None
    return (above is not None and not above.blank and len(set(text)) == 1 and len(text) >= len(above.text)
            and above.indent == lines[i].indent and not FENCE_RE.match(above.text)
            and (below is None or below.blank))


def _literal_blocks(page: Page) -> list[LiteralBlock]:
    """The page's literal blocks in order; fence and directive lines, and directive options, are dropped here."""
    blocks: list[LiteralBlock] = []
    lines = page.lines
    i = 0
    while i < len(lines):
        ln = lines[i]
        fence = FENCE_RE.match(ln.text)
        if fence and not _underlines(lines, i):
            close = next((j for j in range(i + 1, len(lines)) if lines[j].text.startswith(fence.group(1)[:3])),
                         len(lines))
            page.drop(ln)
            if close < len(lines):
                page.drop(lines[close])
            blocks.append(LiteralBlock(lines[i + 1:close], fence.group(2)))
            i = close + 1
            continue
        directive = DIRECTIVE_RE.match(ln.text)
        if directive or ln.text.endswith("::"):
            body, i = _indented_after(lines, i)
            if directive:
                page.drop(ln)
                name, language = directive.group(1), directive.group(2)
                options = [b for b in body if b.text.startswith(":") and re.match(r"^:[\w-]+:", b.text)]
                for b in options:
                    page.drop(b)
                body = [b for b in body if b not in options]
                if name in PROSE_DIRECTIVES:
                    continue
                blocks.append(LiteralBlock(body, language if name in LITERAL_DIRECTIVES else "directive"))
            else:
                blocks.append(LiteralBlock(body, None))
            continue
        i += 1
    return blocks


def _indented_after(lines: list[Line], i: int) -> tuple[list[Line], int]:
    """The lines indented under line ``i`` (blank lines inside included), and the index after them."""
    indent = lines[i].indent
    j = i + 1
    while j < len(lines) and (lines[j].blank or lines[j].indent > indent):
        j += 1
    while j > i + 1 and lines[j - 1].blank:
        j -= 1
    return lines[i + 1:j], j
