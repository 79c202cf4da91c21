"""A claim aligned word by word against the document text itself, not against passage boundaries.

Words are compared case-folded with typographic apostrophes straightened, so case, quote marks, dashes,
punctuation and whitespace never count as differences. rapidfuzz does the work in C: ``partial_ratio_alignment``
finds where a stretch of the claim sits in a window of the document, ``Levenshtein.opcodes`` gives the word
edits there (word lists, not characters: an edit is a word a reader can see). A check takes ~30 ms, nearly all
of it the search for candidates (benchmarks/verify.py), so edlib was not tried.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

# A word, with its apostrophes ("they're") and, between digits only, its number punctuation ("400,000", "1.6"):
# "less.These" (a missing space) is two words.
# Underscores are markup (``_emphasis_`` in Gutenberg texts), not letters: "_me_" is the word "me".
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:(?<=\d)[.,]\d+)*")
# An omission the claim marks itself: "…", "...", "[…]", "[...]".
ELLIPSIS_RE = re.compile(r"\s*(?:\[\s*(?:\.\s*){3}\]|\[…\]|(?:\.\s*){3}|…)\s*")
SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"”’']?\s+")
SLACK = 0.3  # words of the document beyond a stretch's own length, each side, where its words may fall


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    key: str  # the word as compared
    text: str  # the word as written


# Contractions and their long forms are the same words ("they're" and "they are"); ambiguous ones ('s, 'd)
# are left as written.
CONTRACTIONS = {"n't": "not", "'re": "are", "'ll": "will", "'ve": "have", "'m": "am"}
IRREGULAR = {"can't": ("can", "not"), "won't": ("will", "not"), "shan't": ("shall", "not")}


# Markup that is no one's words: a chat log's "<nick>" at a line's start (the speaker's mark, also between two
# lines of one message) and a Markdown reference link's label ("[Eagle][32]"). Read over, it stays in the span.
MARKUP_RE = re.compile(r"(?m)^[ \t]*<[@+%&~]?[^\W\d][\w\-|^`\[\]{}]{0,29}>|(?<=\])\[[^\]\s]{1,20}\]")


def words(text: str, offset: int = 0) -> list[Word]:
    return list(_words(text, offset))


@functools.lru_cache(maxsize=64)
def _words(text: str, offset: int) -> tuple[Word, ...]:
    """A text's words, kept for the next call: a claim is aligned three ways (whole, by sentence, without speech
    tags) around each candidate, and neighbouring candidates share their window."""
    out = []
    markup = [m.span() for m in MARKUP_RE.finditer(text)] if "<" in text or "][" in text else []
    for m in WORD_RE.finditer(text):
        while markup and markup[0][1] <= m.start():
            markup.pop(0)
        if markup and markup[0][0] <= m.start():
            continue
        a, b, key = offset + m.start(), offset + m.end(), m.group().casefold().replace("’", "'")
        out += [Word(a, b, k, m.group()) for k in _expanded(key)]
    return tuple(out)


def _expanded(key: str) -> tuple[str, ...]:
    if "'" not in key:
        return (key,)
    if key in IRREGULAR:
        return IRREGULAR[key]
    for short, long in CONTRACTIONS.items():
        if key.endswith(short) and len(key) > len(short):
            return key[: -len(short)], long
    return (key,)


@dataclass(frozen=True)
class Edit:
    """A difference: ``claim`` words where the source has ``source`` words (either may be empty)."""

    op: str  # "changed", "added" (in the claim only) or "removed" (in the source only)
    claim: str
    source: str

    def to_json(self) -> dict:
        return {"op": self.op, "claim": self.claim, "source": self.source}


@dataclass
class Alignment:
    start: int  # offsets of the aligned span in the document text
    end: int
    matched: int  # claim words equal to their source word
    claim_words: int
    edits: list[Edit] = field(default_factory=list)
    omitted: list[tuple[int, int]] = field(default_factory=list)  # source stretches left out between pieces
    marked: bool = True  # every omission is one the claim marks with an ellipsis
    said: list[str] = field(default_factory=list)  # the claim's words, as compared
    heard: list[str] = field(default_factory=list)  # the aligned source's words, as compared

    def content_share(self, stopwords: frozenset[str]) -> float:
        """The share of the claim's content words (not ``stopwords``) that its source span holds, in any order:
        "Fast is better than correct" against "Flat is better than nested" keeps only "better" of its three;
        "Implicit is better than explicit" against "Explicit is better than implicit" keeps all three."""
        there = set(self.heard)
        content = [w for w in self.said if w not in stopwords]
        return sum(w in there for w in content) / len(content) if content else self.score

    @property
    def score(self) -> float:
        return self.matched / self.claim_words if self.claim_words else 0.0


def pieces(claim: str, split_sentences: bool) -> list[str]:
    """The stretches of a claim to find in order: split at its ellipses, and at sentence ends when asked."""
    parts = [p for p in ELLIPSIS_RE.split(claim) if WORD_RE.search(p)]
    if split_sentences:
        parts = [s for p in parts for s in SENTENCE_END_RE.split(p) if WORD_RE.search(s)]
    return parts


REACH = 5000  # characters past the window where a later piece of a claim may still be found


# Narration interrupting a quotation: ``"Pride," observed Mary, who piqued herself…, "is a very common failing``.
# A mark that closes after a comma (or ! ? —) and the next that opens before a word, a few lines of narration
# between, no paragraph break.
# Atomic groups: a line of narration is read once, never re-split (a backtracking search of a few lines each way
# took seconds on a novel's window).
TAG_RE = re.compile(r"(?<=[,!?—–-])[\"”][ \t]+(?>[^\"“”\n]+)(?:\n(?>[^\"“”\n]+)){0,3}[\"“](?=\w)")
# The same in single marks (``'…die,' said Scrooge, 'they had better…``), where an apostrophe inside a word
# ("Scrooge's") is narration, not a mark.
_NARRATION = r"(?>(?:[^'’‘\n]|(?<=\w)['’](?=\w))+)"
SINGLE_TAG_RE = re.compile(rf"(?<=[,!?—–-])['’][ \t]+{_NARRATION}(?:\n{_NARRATION}){{0,3}}['‘](?=\w)")
TAG_WORDS = 30  # more words between the marks are a passage of narration, not a speech tag


def speech_tags(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The narration that interrupts quotations in ``text[lo:hi]``: a claim may leave it out unmarked."""
    return [(m.start(), m.end()) for pattern in (TAG_RE, SINGLE_TAG_RE) for m in pattern.finditer(text, lo, hi)
            if len(WORD_RE.findall(m.group())) <= TAG_WORDS]


def align(claim: str, text: str, lo: int, hi: int, split_sentences: bool = False,
          skip: list[tuple[int, int]] | None = None) -> Alignment | None:
    """The claim's pieces found in order from ``text[lo:hi]`` on (later pieces up to ``REACH`` further: a quote
    may stitch sentences from far apart); None when a piece has no place there. Words within ``skip`` (speech
    tags) are not looked at: a span across one has it as a marked omission."""
    parts = pieces(claim, split_sentences)
    if len(parts) > 1:
        hi = min(len(text), hi + REACH)
    window = words(text[lo:hi], lo)
    if skip:
        window = [w for w in window if not any(a <= w.start < b for a, b in skip)]
    if not window or not parts:
        return None
    found: list[tuple[int, int, list[Word], list[Word], list]] = []
    at = 0
    for part in parts:
        cw = words(part)
        got = _place(cw, window, at)
        if got is None:
            return None
        a, b, ops = got
        found.append((a, b, cw, window[a:b], ops))
        at = b
    out = _combine(found, text, window, explicit=len(pieces(claim, False)) == len(parts))
    out.omitted = sorted(out.omitted + [(a, b) for a, b in skip or () if out.start < a and b < out.end])
    return out


def _place(cw: list[Word], window: list[Word], at: int) -> tuple[int, int, list] | None:
    """Where the claim words ``cw`` sit in ``window[at:]``: (first word, end word, opcodes)."""
    rest = window[at:]
    if not cw or not rest:
        return None
    hay = " ".join(w.key for w in rest)
    needle = " ".join(w.key for w in cw)
    if len(needle) > len(hay):
        spans = [(0, len(rest))]
    else:
        hit = fuzz.partial_ratio_alignment(needle, hay)
        starts = _char_starts(rest)
        a0, b0 = _word_at(starts, hit.dest_start), _word_at(starts, max(hit.dest_end - 1, 0)) + 1
        slack = int(SLACK * len(cw)) + 1
        # Edit distance counts the source words around the claim as edits too, so a longer window can pull a
        # claim word onto a far source word at equal cost: try the located span and its widenings, keep the best.
        spans = [(max(0, a0 - x), min(len(rest), b0 + y)) for x in (0, slack) for y in (0, slack)]
    best = None
    for a, b in dict.fromkeys(spans):
        got = _trimmed(Levenshtein.opcodes([w.key for w in cw], [w.key for w in rest[a:b]]))
        if got is None:
            continue
        first, last, ops = got
        cost = sum(max(e1 - s1, e2 - s2) for tag, s1, e1, s2, e2 in ops if tag != "equal")
        if best is None or (cost, last - first) < best[0]:
            best = ((cost, last - first), at + a + first, at + a + last, ops)
    return None if best is None else best[1:]


def _trimmed(opcodes) -> tuple[int, int, list] | None:
    """Opcodes without the source words before the claim begins and after it ends, relative to its span."""
    kept = list(opcodes)
    while kept and kept[0].tag == "insert":
        kept.pop(0)
    while kept and kept[-1].tag == "insert":
        kept.pop()
    if not kept:
        return None
    first, last = kept[0].dest_start, kept[-1].dest_end
    if last <= first:
        return None
    return first, last, [(op.tag, op.src_start, op.src_end, op.dest_start - first, op.dest_end - first)
                         for op in kept]


def _char_starts(ws: list[Word]) -> list[int]:
    starts, pos = [], 0
    for w in ws:
        starts.append(pos)
        pos += len(w.key) + 1
    return starts


def _word_at(starts: list[int], char: int) -> int:
    return max(0, bisect.bisect_right(starts, char) - 1)


def _combine(found: list, text: str, window: list[Word], explicit: bool) -> Alignment:
    matched = sum(sum(e - s for tag, s, e, _, _ in ops if tag == "equal") for _, _, _, _, ops in found)
    total = sum(len(cw) for _, _, cw, _, _ in found)
    edits = [_edit(cw, sw, run, text) for _, _, cw, sw, ops in found for run in _runs(ops)]
    omitted = [(window[prev[1]].start, window[nxt[0] - 1].end) for prev, nxt in itertools.pairwise(found)
               if nxt[0] > prev[1]]
    start, end = window[found[0][0]].start, window[found[-1][1] - 1].end
    said = [w.key for _, _, cw, _, _ in found for w in cw]
    heard = [w.key for _, _, _, sw, _ in found for w in sw]
    return Alignment(start, end, matched, total, edits, omitted, explicit, said, heard)


def _runs(ops: list) -> list[list]:
    """The opcodes that differ, adjacent ones together: "de-funding" against "defunding" is one edit, not a
    changed word and an added one, and a contraction's two words ("I'm": i, am) are one."""
    runs: list[list] = []
    prev_equal = True
    for op in ops:
        if op[0] == "equal":
            prev_equal = True
            continue
        if prev_equal:
            runs.append([])
        runs[-1].append(op)
        prev_equal = False
    return runs


def _edit(cw: list[Word], sw: list[Word], run: list, text: str) -> Edit:
    s1, e1, s2, e2 = run[0][1], run[-1][2], run[0][3], run[-1][4]
    claim, source = _span_text(cw[s1:e1]), _source_text(text, sw[s2:e2])
    op = "changed" if claim and source else "added" if claim else "removed"
    return Edit(op, claim, source)


def _span_text(claim_words: list[Word]) -> str:
    # A contraction is two compared words with one written form: write it once.
    return " ".join(w.text for w, prev in zip(claim_words, [None, *claim_words], strict=False)
                    if prev is None or (prev.start, prev.end) != (w.start, w.end))


def _source_text(text: str, ws: list[Word]) -> str:
    return text[ws[0].start:ws[-1].end] if ws else ""
