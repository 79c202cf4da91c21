"""Quotations in a paragraph: where each opens and closes, in the marks the document uses for dialogue.

Double marks (“…”, "…", «…», „…“) are always quotation marks. Single marks (‘…’, '…') are dialogue marks only in
a document that quotes with them (many British editions do); elsewhere they nest inside a double quotation. A
single closing mark is told from an apostrophe by what follows: ``don’t`` and ``Alice’s`` go on with a letter.
A quotation still open at the paragraph's end runs to its end: the next paragraph, opening with a mark,
continues it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import speech

SINGLE_PAIRS = {"‘": "’", "'": "'"}
_OPEN_BEFORE = " \t\n([{—–-\u00a0"  # a mark after these (or at the start) opens


@dataclass(frozen=True)
class Quotation:
    start: int  # the opening mark, an offset into the paragraph
    end: int  # just past the closing mark, or the paragraph's end when unclosed
    closed: bool

    def inner(self, text: str) -> str:
        return text[self.start + 1:self.end - 1 if self.closed else self.end]


def single_quoted(text: str) -> bool:
    """Whether the document quotes dialogue in single marks: single marks open its paragraphs more often than
    double marks appear at all."""
    singles = len(re.findall(r"(?:^|\n)\s*[‘']\S", text)) + len(re.findall(r"[,:]\s[‘']\S", text))
    doubles = sum(text.count(m) for m in speech.PAIRS if m not in "'")
    return singles >= 3 and singles > doubles


def find_quotations(text: str, single: bool = False) -> list[Quotation]:
    """Every top-level quotation in ``text``, in order."""
    pairs = {**speech.PAIRS, **SINGLE_PAIRS} if single else speech.PAIRS
    out: list[Quotation] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in pairs and _opens(text, i, ch):
            end = _close(text, i, pairs[ch]) or _mistyped_close(text, i)
            if end is None:
                out.append(Quotation(i, len(text.rstrip()), False))
                break
            out.append(Quotation(i, end, True))
            i = end
        else:
            i += 1
    return out


def _opens(text: str, i: int, ch: str) -> bool:
    if ch in "‘'\"":  # ambiguous marks open only where a word could start
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        plain = (before in _OPEN_BEFORE or before in speech.OPENING) and not after.isspace()
        return plain or _misspaced(text, i)
    return True


def _misspaced(text: str, i: int) -> bool:
    """'…for schools and communities," For example, …": a straight double mark typed against the punctuation
    before it, with the space after it, opens a quotation when it is the first of a pair (an even number of
    straight marks before it, an odd number after it, the paragraph's marks all paired)."""
    if text[i] != '"' or not i or text[i - 1] not in ",;:" or not re.match(r'"[ \t]+[A-Z]', text[i:]):
        return False
    return text.count('"', 0, i) % 2 == 0 and text.count('"') % 2 == 0


def _close(text: str, i: int, closers: str) -> int | None:
    """Offset past the mark closing the quotation opened at ``i``; None when the paragraph ends first."""
    for j in range(i + 1, len(text)):
        ch = text[j]
        if ch in closers and not _apostrophe(text, j, ch) and not _elided(text, j, ch):
            return j + 1
    return None


def _mistyped_close(text: str, i: int) -> int | None:
    """'“What sort of night was it?’' ending its paragraph: a double quotation closed by a single mark after the
    sentence's end, with no single quotation opened inside, is closed there (a typesetter's slip); left open, the
    next reply would be taken for the same speaker's speech going on, and every turn after it miscounted."""
    body = text.rstrip()
    if text[i] not in "“\"" or not re.search(r"[.!?]['’]$", body) or re.search(r"(?:^|\s)[‘']\S", body[i + 1:]):
        return None
    return len(body)


def _apostrophe(text: str, j: int, ch: str) -> bool:
    """A single mark inside a word (don’t, o’clock) or after a space (’tis) is an apostrophe, not a closer."""
    if ch not in "’'":
        return False
    before = text[j - 1] if j else " "
    after = text[j + 1] if j + 1 < len(text) else " "
    return after.isalpha() or before.isspace()


# Words dialect writes with a letter dropped at their end ("o' that", "wi' the", "ca' brandy", "a' day"), and
# any "-in'" for "-ing" ("sittin' a' day", "burstin'!"): their mark is an elision, not the quotation's close.
_ELIDED_WORDS = frozenset({"o", "a", "ca", "i", "wi", "th", "ta", "gi", "fra", "an", "wa", "ha", "cam", "tak"})
_ELISION_BEFORE = re.compile(r"(?:(?<![\w'’])(?:" + "|".join(sorted(_ELIDED_WORDS, key=len, reverse=True))
                             + r")|[A-Za-z]{2,}in)$", re.IGNORECASE)
_CLOSER_LATER = re.compile(r"\S['’](?=[\s,.;:!?—–-]|$)")


def _elided(text: str, j: int, ch: str) -> bool:
    """A single mark ending a dialect elision inside a quotation ("'In bed wi' the colic,' I replied", "'It's
    easy speakin',' he moaned"): followed by a word in lower case or by a closing mark after punctuation, with
    the quotation closed further on, it is no closer."""
    if ch not in "’'" or not _ELISION_BEFORE.search(text, max(0, j - 20), j):
        return False
    after = text[j + 1:j + 3]
    if len(after) == 2 and after[0] in ",.!?;:" and after[1] == ch:
        return True  # "burstin'!'": the closer is the mark after the punctuation
    # a listed word may come before a name ("o' Specky", "a' I get"); a dropped "g" only before a lower-case word
    word = re.search(r"\w+$", text[max(0, j - 20):j])
    nxt = r"[ \t\n]+[A-Za-z]" if word and word.group().lower() in _ELIDED_WORDS else r"[ \t\n]+[a-z]"
    return bool(re.match(nxt, text[j + 1:j + 4])) and _CLOSER_LATER.search(text, j + 1) is not None
