"""Sentence spans with character offsets, for splitting long passages and emphasising the best match."""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "no", "vs", "etc", "eg", "ie", "e.g", "i.e", "cf",
    "gen", "gov", "sen", "rep", "rev", "col", "lt", "sgt", "capt", "inc", "ltd", "co", "mp", "m.p", "u.s",
    "u.k", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "al",
    # French, German, Spanish
    "mme", "mlle", "mgr", "av", "bd", "nr", "bzw", "z.b", "d.h", "usw", "vgl", "ca", "sra", "srta", "ud", "uds",
    "dña", "pág", "núm",
}
# Marks that may close a sentence's quotation or bracket after its full stop, in any language.
_CLOSERS = "\"”’')\\]»«“›」』）"
# A line ending like this ends a sentence (closing quotes and brackets allowed after the mark).
SENTENCE_END_RE = re.compile(rf"[.!?…:;。！？][{_CLOSERS}]*$")
# French sets a space before » and before ! ? ; Chinese and Japanese end sentences with 。！？ and no space.
_END = re.compile(rf"[.!?…]+(?:[{_CLOSERS}]|\s»)*(?=\s+|$)|[。！？]+[{_CLOSERS}]*|\n\s*\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, whitespace trimmed, covering every non-space character."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end() if not m.group().startswith("\n") else m.start()
        if text[m.start()] == ".":
            word = re.search(r"([\w.]+)$", text[start:m.start()])
            if word and (word.group(1).lower() in _ABBREV or len(word.group(1)) == 1):
                continue
        nxt = text[m.end():m.end() + 2].lstrip()
        if nxt[:1].islower() and not m.group().startswith("\n"):
            continue
        _add(text, start, end, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    seg = text[start:end]
    if not seg.strip():
        return
    lead = len(seg) - len(seg.lstrip())
    trail = len(seg) - len(seg.rstrip())
    spans.append((start + lead, end - trail))
