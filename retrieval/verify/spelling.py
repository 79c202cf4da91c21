"""Same word, other spelling: an old or variant spelling ("faire"/"fair", "tyde"/"tide", "Starres"/"stars",
"neerest"/"nearest", "Eueryman"/"Everyman") told from another word (issue 22 §1).

Two tests, both needed. The edit is rule-shaped: the two spellings reduce to one skeleton once the edits that
spelling has always made are undone (a final or silent -e, a doubled letter, u/v, i/j, i/y, ee/ea). And the two
are not both words of their own: two distinct common words ("hate"/"hat", "hoping"/"hopping", "then"/"than",
"human"/"humane") are another word whatever their shape, so a swap never passes as spelling. Which words are
common is read from the lexicon the bundled model already carries offline: its tokenizer's whole-word entries
(about 22,000 English words). Without that lexicon no old spelling is accepted: doubt reads as altered.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

# What spelling changes over time or between writers, undone in this order: u/v, i/j and i/y were one letter each
# in early print; a doubled letter and a silent -e (also before an ending: "Starres", "abydeth") came and went.
_LETTERS = str.maketrans({"v": "u", "j": "i", "y": "i"})
_DOUBLED_RE = re.compile(r"(.)\1+")
_VOWEL_PAIR_RE = re.compile(r"e[ae]")  # "neerest"/"nearest", "yeare"/"year"
_SILENT_E_RE = re.compile(r"(?<=[^aeiou])e(?=s?$)")  # "faire", "foule", "Houre", "Starres": not "bee", "tree"
LEXICON_WORD_RE = re.compile(r"[a-z]+")
MISSPELT_SHORTEST = 3  # letters of the shorter spelling: "fer" for "for"
LEXICON_MIN = 2  # letters of a tokenizer entry read as a word ("a" and "i" are words, but also bare letters)


def skeletons(word: str) -> set[str]:
    """The word with spelling's variable parts undone, with and without a silent -e: "Starres" → {"stares",
    "stars"}, "kindnesse" → {"kindnese", "kindnes"}, "neerest" → {"nerest"}."""
    w = word.casefold().replace("’", "").replace("'", "").translate(_LETTERS)
    w = _DOUBLED_RE.sub(r"\1", _VOWEL_PAIR_RE.sub("e", w))
    return {w, _SILENT_E_RE.sub("", w)} if len(w) > 2 else {w}


def variant(a: str, b: str, lexicon: frozenset[str]) -> bool:
    """Whether ``a`` and ``b`` are one word spelt two ways, by rule-shaped edits and not two words of the
    ``lexicon``'s. An empty lexicon accepts nothing (no evidence that the pair is not two words)."""
    if not lexicon or not a.isalpha() or not b.isalpha():
        return False
    x, y = a.casefold(), b.casefold()
    if x == y:
        return True
    if x in lexicon and y in lexicon:
        return False
    return bool(skeletons(x) & skeletons(y)) or typed_otherwise(x, y, lexicon)


VOWELS_RE = re.compile(r"[aeiouy]")
RESPELT_MAX = 3  # letters a dialect or a slip drops or adds ("govment", "publically", "Rllly")


def typed_otherwise(a: str, b: str, lexicon: frozenset[str]) -> bool:
    """A common word written as people type or speak it: "govment", "wuth", "mysef", "Fer", "Rllly",
    "publically". Exactly one of the two is a word of the ``lexicon``; they begin and end alike (a prefix or an
    ending, "unjustly" or "swindled", changes a word, not its spelling); and the consonants of one are the
    other's with some left out, vowels aside."""
    x, y = sorted((a.casefold(), b.casefold()), key=len)
    if (x in lexicon) == (y in lexicon) or len(x) < MISSPELT_SHORTEST or len(y) - len(x) > RESPELT_MAX:
        return False
    if x[0] != y[0] or x[-1] != y[-1]:
        return False
    p, q = VOWELS_RE.sub("", x), VOWELS_RE.sub("", y)
    return min(len(p), len(q)) >= 2 and (_within(p, q) or _within(q, p))


def _within(short: str, long_: str) -> bool:
    """Whether ``short``'s letters are ``long_``'s in order (some of ``long_``'s left out)."""
    rest = iter(long_)
    return len(short) <= len(long_) and all(c in rest for c in short)


@functools.lru_cache(maxsize=4)
def _read_lexicon(tokenizer_file: str) -> frozenset[str]:
    try:
        vocab = json.loads(Path(tokenizer_file).read_text(encoding="utf-8"))["model"]["vocab"]
    except (OSError, ValueError, KeyError, TypeError):
        return frozenset()
    # A WordPiece vocabulary lists word starts as they are, continuations with "##"; a byte-level BPE one marks a
    # word start with "Ġ" or "▁". Only whole lower-case words count.
    words = (w.removeprefix("Ġ").removeprefix("▁") for w in (vocab if isinstance(vocab, dict) else ()))
    return frozenset(w for w in words if len(w) >= LEXICON_MIN and LEXICON_WORD_RE.fullmatch(w))


def lexicon_of(encoder: object) -> frozenset[str]:
    """The common words of the encoder's model (its tokenizer.json); empty when the model has none on disk."""
    resolved = getattr(encoder, "resolved", None)
    location = getattr(resolved, "location", None)
    if not location or not getattr(resolved, "local", False):
        return frozenset()
    return _read_lexicon(str(Path(location) / "tokenizer.json"))


__all__ = ["lexicon_of", "skeletons", "typed_otherwise", "variant"]
