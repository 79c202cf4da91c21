"""A claim drawn against its source, word by word: runs of equal words, the claim's words the source does not
have (``<del>``) and the source's words in their place (``<ins>``).

The verifier's own ``edits`` say *which* words differ but not *where* they sit in the claim, so the page cannot
interleave them with the equal words; ``difflib.SequenceMatcher`` over word keys (the stdlib, no new dependency)
gives the full alignment in order. Words compare by a key that ignores case, edge punctuation and curly
apostrophes, as the verifier does (a retyped quote mark is not a changed word); equal runs show the claim's own
spelling.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum

TOKEN_RE = re.compile(r"\S+")
EDGE_RE = re.compile(r"^\W+|\W+$")
# A claim's own mark for words it leaves out ("…", "...", "[…]", "[...]"), as the verifier reads it: not a word of
# the claim that the source lacks, so never struck through (the words it stands for are shown as the source's).
ELLIPSIS_RE = re.compile(r"\[?(?:…|\.{3})\]?")


class Op(StrEnum):
    EQUAL = "equal"  # shown plainly
    DELETE = "delete"  # the claim's words that the source does not have: <del>
    INSERT = "insert"  # the source's words the claim lacks or replaced: <ins>


@dataclass(frozen=True)
class Run:
    op: Op
    text: str


def _key(word: str) -> str:
    stripped = EDGE_RE.sub("", word.casefold().replace("’", "'").replace("‘", "'"))
    return stripped or word  # a word that is all punctuation (a dash) compares as itself


def word_diff(claim: str, source: str) -> list[Run]:
    """``claim`` aligned with ``source`` as runs in reading order; a swapped word is one DELETE then one
    INSERT. Runs of one op are merged, so each ``<del>``/``<ins>`` holds a whole changed stretch."""
    said, heard = TOKEN_RE.findall(claim), TOKEN_RE.findall(source)
    matcher = difflib.SequenceMatcher(None, [_key(w) for w in said], [_key(w) for w in heard], autojunk=False)
    runs: list[Run] = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            _add(runs, Op.EQUAL, said[a1:a2])
            continue
        for word in said[a1:a2]:
            _add(runs, Op.EQUAL if ELLIPSIS_RE.fullmatch(word) else Op.DELETE, [word])
        _add(runs, Op.INSERT, heard[b1:b2])
    return runs


def _add(runs: list[Run], op: Op, words: list[str]) -> None:
    if not words:
        return
    text = " ".join(words)
    if runs and runs[-1].op is op:
        runs[-1] = Run(op, f"{runs[-1].text} {text}")
    else:
        runs.append(Run(op, text))
