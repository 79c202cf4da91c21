"""A claim drawn against its source, word by word: runs of equal words, the claim's words the source does not
have (``<del>``) and the source's words in their place (``<ins>``).

The verifier's own ``edits`` say *which* words differ but not *where* they sit in the claim, so the page cannot
interleave them with the equal words; ``difflib.SequenceMatcher`` over word keys (the stdlib, no new dependency)
gives the full alignment in order. Words are the verifier's, compared by its keys (a retyped quote mark, a
dash or a hyphen is not a changed word); equal runs show the claim's own spelling.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum

from quoth.verify.align import words


class Op(StrEnum):
    EQUAL = "equal"  # shown plainly
    DELETE = "delete"  # the claim's words that the source does not have: <del>
    INSERT = "insert"  # the source's words the claim lacks or replaced: <ins>


@dataclass(frozen=True)
class Run:
    op: Op
    text: str


def word_diff(claim: str, source: str) -> list[Run]:
    """``claim`` aligned with ``source`` as runs in reading order; a swapped word is one DELETE then one
    INSERT. Runs of one op are merged, so each ``<del>``/``<ins>`` holds a whole changed stretch.

    The words are the verifier's own (``quoth.verify.align.words``: case, quote marks, dashes, punctuation,
    whitespace, hyphens and contractions never count), so the page strikes through only what the verdict counts;
    a claim's run is its text up to its next word (its punctuation, an ellipsis, stays with it, shown plainly)."""
    said, heard = words(claim), words(source)
    matcher = difflib.SequenceMatcher(None, [w.key for w in said], [w.key for w in heard], autojunk=False)
    runs: list[Run] = []
    at = 0  # how far into the claim the runs have shown it

    def shown_to(a2: int) -> str:
        nonlocal at
        end = said[a2].start if a2 < len(said) else len(claim)
        piece, at = claim[at:max(at, end)], max(at, end)
        return piece

    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if a2 > a1:
            _add(runs, Op.EQUAL if tag == "equal" else Op.DELETE, shown_to(a2))
        if tag != "equal" and b2 > b1:
            _add(runs, Op.INSERT, source[heard[b1].start:heard[b2 - 1].end])
    _add(runs, Op.EQUAL, shown_to(len(said)))  # a claim with no words at all is shown as it is
    return runs


def _add(runs: list[Run], op: Op, text: str) -> None:
    text = " ".join(text.split())
    if not text:
        return
    if runs and runs[-1].op is op:
        runs[-1] = Run(op, f"{runs[-1].text} {text}")
    else:
        runs.append(Run(op, text))
