"""Whether two wordings are the same words: the edits a claim may make to its source and still be "close".

Issue 22 §1: "close" is for the way a person retypes words, never for a change of words. An edit passes when
its two sides are one wording once typography is set aside: case, apostrophes (``doesnt``/``doesn't``,
``its``/``it's``/``it is``, ``Im``/``I am``), hyphens and spaces inside words (``non trivial``, ``every
thing``), British and American spellings (``colour``/``color``, ``jeopardised``/``jeopardized``, ``grey``/
``gray``), old print (``faire``/``fair``: spelling.py, never between two common words), one slipped letter in a
long word (``pesimist``), or an added, dropped or swapped article-like word (``the``). Any other
word (a synonym, an antonym, an un- prefix, a name, a number) changes what was said: no antonym list is needed
because nothing but these passes.
"""

from __future__ import annotations

import itertools
import re

from rapidfuzz.distance import DamerauLevenshtein

from .align import ELLIPSIS_RE, WORD_RE, Edit
from .spelling import variant

# Words whose slip keeps the meaning: articles and the like. Prepositions are left out on purpose: "opt-in" and
# "opt-out", "for" and "against" differ by one.
FUNCTION_WORDS = {"a", "an", "the", "that", "which", "of", "and", "so", "just", "well", "oh", "um", "uh", "er"}
MAX_FUNCTION_SLIPS = 2  # more than this many slipped function words is a rewording, not a slip
# Apostrophe-less contractions people type: "dont", "Im". ("were", "well", "id" are words of their own.)
BARE_CONTRACTIONS = {"im": "iam", "ive": "ihave", "youre": "youare", "theyre": "theyare", "weve": "wehave",
                     "youve": "youhave", "theyve": "theyhave", "cant": "cannot", "wont": "willnot",
                     "shant": "shallnot", "its": "itis", "thats": "thatis", "whats": "whatis", "theres": "thereis",
                     "hes": "heis", "shes": "sheis", "lets": "letus"}
# British → American endings, applied to one word: favour, jeopardise, analyse, centre, travelled, catalogue.
SPELLINGS = [(re.compile(p), r) for p, r in (
    (r"our(s|ed|ing|ite|ites|able)?$", r"or\1"), (r"is(e|es|ed|ing|ation|ations)$", r"iz\1"),
    (r"ys(e|es|ed|ing)$", r"yz\1"), (r"([^aeiou])re(s|d)?$", r"\1er\2"), (r"ll(ed|ing|er)$", r"l\1"),
    (r"ogue(s)?$", r"og\1"), (r"ence$", r"ense"))]
# Words two Englishes spell otherwise, not by an ending SPELLINGS can undo: both are words of their own.
SPELLING_PAIRS = {frozenset(p) for p in (("grey", "gray"), ("amongst", "among"), ("towards", "toward"),
                                         ("learnt", "learned"), ("spelt", "spelled"), ("burnt", "burned"),
                                         ("dreamt", "dreamed"), ("leapt", "leaped"), ("plough", "plow"),
                                         ("mould", "mold"), ("programme", "program"), ("sceptic", "skeptic"),
                                         ("aluminium", "aluminum"), ("practise", "practice"), ("ageing", "aging"))}
# A number in words or in digits is the same number ("these last twenty years", "these last 20 years").
_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
_TENS = {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80",
         "ninety": "90", "hundred": "100", "thousand": "1000"}
NUMBERS = {w: str(n) for n, w in enumerate(_UNITS)} | _TENS
MISSPELT_MIN = 5  # letters a word needs before one slipped letter is read as a misspelling, not another word
PREFIX_KEPT = 2  # a misspelling keeps the first letters: "million"/"billion", "affect"/"effect" are other words
LONG_WORD = 8  # letters past which a slip of the second letter is still a misspelling (when not two known words)


def _forms(word: str) -> set[str]:
    """The ways one written word may be read, apostrophes and hyphens gone: "it's" → {"its", "itis", "ithas"}."""
    w = word.casefold().replace("’", "'")
    bare = w.replace("'", "")
    out = {bare, _american(bare), NUMBERS.get(bare, bare)}
    out |= {w for pair in SPELLING_PAIRS if bare in pair for w in pair}
    if w.endswith("n't") or (bare.endswith("nt") and len(bare) > 3 and not w.endswith("'t")):
        stem = bare[:-2]
        out.add({"ca": "can", "wo": "will", "sha": "shall"}.get(stem, stem) + "not")
    if bare in BARE_CONTRACTIONS:
        out.add(BARE_CONTRACTIONS[bare])
    for short, long in (("'s", ("is", "has")), ("'re", ("are",)), ("'ll", ("will",)), ("'ve", ("have",)),
                        ("'m", ("am",)), ("'d", ("would", "had"))):
        if w.endswith(short):
            out |= {w[: -len(short)].replace("'", "") + x for x in long}
    return out


def _american(word: str) -> str:
    for pattern, repl in SPELLINGS:
        if len(word) >= MISSPELT_MIN and pattern.search(word):
            return pattern.sub(repl, word)
    return word


def _readings(side: str) -> set[str]:
    """Every reading of a stretch of words, run together: "non trivial" and "non-trivial" are "nontrivial"."""
    ws = WORD_RE.findall(side.replace("-", ""))
    if len(ws) > 4:  # a long stretch is a rewording whatever its spelling
        return {"".join(w.casefold().replace("'", "").replace("’", "") for w in ws)}
    return {"".join(p) for p in itertools.product(*map(_forms, ws))}


def _misspelt(a: str, b: str, lexicon: frozenset[str] = frozenset()) -> bool:
    """One slipped letter (typed, dropped, doubled or two swapped) in a long word; never in a number, nor between
    two words of the ``lexicon`` ("complement"/"compliment"). With a lexicon to rule that out, a long word may
    slip its second letter too ("inmprovements")."""
    if " " in a.strip() or " " in b.strip() or any(c.isdigit() for c in a + b):
        return False
    a, b = a.casefold(), b.casefold()
    if a in lexicon and b in lexicon:
        return False
    kept = 1 if lexicon and min(len(a), len(b)) >= LONG_WORD else PREFIX_KEPT
    return min(len(a), len(b)) >= MISSPELT_MIN and a[:kept] == b[:kept] and DamerauLevenshtein.distance(a, b) == 1


def _function_slip(edit: Edit) -> int:
    """How many function words the edit slips, when it slips nothing else (0: it is not such a slip)."""
    words = [w.casefold() for w in WORD_RE.findall(edit.claim + " " + edit.source)]
    return len(words) if words and all(w in FUNCTION_WORDS for w in words) else 0


VARIANT_WORDS = 4  # words side by side an edit may respell one for one ("Milke of humane": a stretch of old print)


def same_words(edit: Edit, lexicon: frozenset[str] = frozenset()) -> bool:
    """Whether the edit is typography or spelling only: the claim still says the source's words. Old and variant
    spellings ("faire" for "fair") count only by the evidence of spelling.py, with the ``lexicon`` of common
    words that tells them from another word."""
    if not WORD_RE.search(edit.claim) and not WORD_RE.search(edit.source):
        return True
    if _readings(edit.claim) & _readings(edit.source):
        return True
    if _misspelt(edit.claim, edit.source, lexicon):
        return True
    said, source = WORD_RE.findall(edit.claim), WORD_RE.findall(edit.source)
    return 0 < len(said) == len(source) <= VARIANT_WORDS and all(
        _readings(a) & _readings(b) or variant(a, b, lexicon) for a, b in zip(said, source, strict=True))


def wording_kept(edits: list[Edit], lexicon: frozenset[str] = frozenset()) -> bool:
    """Whether every edit keeps the source's wording: typography, spelling, and at most a few function words."""
    slips = 0
    for e in edits:
        if same_words(e, lexicon):
            continue
        n = _function_slip(e)
        if not n:
            return False
        slips += n
    return slips <= MAX_FUNCTION_SLIPS


# A word as written, hyphenated compounds and contractions whole: "Server-side", "I'm", "doesn't".
WRITTEN_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def written(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in WRITTEN_RE.findall(ELLIPSIS_RE.sub(" ", text))]


def retyped(claim: str, source: str) -> bool:
    """Whether a claim whose compared words all match writes them otherwise: "I'm" for "I am", "Server side" for
    "Server-side". That is "close", not "exact" (case, quote marks, dashes and spacing still never count)."""
    return written(claim) != written(source)
