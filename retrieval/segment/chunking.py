"""Units into passages no longer than the model reads: split at sentences (at words for a sentence too long
alone), each passage's search text prefixed with who said it and where."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..records import Passage, Role
from .sentences import sentence_spans
from .units import Unit

TokenCounter = Callable[[str], int]
MIN_BUDGET = 16  # word pieces left for the words when a long label eats the budget


def approx_tokens(text: str) -> int:
    """Word-piece count estimate for when no tokenizer is at hand (English averages ~1.3 per word)."""
    return int(len(text.split()) * 1.35) + 2


def count_many(count: TokenCounter, texts: list[str]) -> list[int]:
    """Token counts of many texts, in one batch when the counter offers it."""
    batch = getattr(count, "batch", None)
    return batch(texts) if batch is not None else [count(t) for t in texts]


def search_text_for(text: str, speaker: str | None, role: Role, reply_to: str | None, title: str) -> str:
    """The text that retrieval sees: who and where, then the verbatim words."""
    label = Role(role).search_label(speaker, reply_to)
    # A comment is the commenter's own words, not about the page's title: the title would only blur it.
    if role in (Role.COMMENT, Role.REPLY):
        title = ""
    head = " — ".join(x for x in (label, title) if x)
    return f"{head}\n{text}" if head else text


def pack(text: str, pieces: list[tuple[int, int]], sizes: list[int], limit: int, count: TokenCounter,
         special: int) -> list[tuple[int, int]]:
    """Greedily join consecutive pieces while the joined text stays within ``limit`` tokens.

    Word pieces add up across whitespace, so each piece's count (``sizes``, special tokens included) decides;
    joined chunks are tokenised again, in one batch, only to confirm, and split back into their pieces in the
    rare case the sum misled.
    """
    groups: list[list[int]] = []
    total = 0
    for i, n in enumerate(sizes):
        n -= special
        if groups and total + n + special <= limit:
            groups[-1].append(i)
            total += n
        else:
            groups.append([i])
            total = n
    joined = [g for g in groups if len(g) > 1]
    real = dict(zip(map(id, joined), count_many(count, [text[pieces[g[0]][0]:pieces[g[-1]][1]] for g in joined]),
                    strict=True))
    out: list[tuple[int, int]] = []
    for g in groups:
        if len(g) > 1 and real[id(g)] > limit:
            out.extend(pieces[i] for i in g)
        else:
            out.append((pieces[g[0]][0], pieces[g[-1]][1]))
    return out


def split_long(text: str, start: int, limit: int, count: TokenCounter) -> list[tuple[int, int]]:
    """Chunks of whole sentences of at most ``limit`` tokens; a sentence too long alone is cut at words."""
    special = count("")  # [CLS] and [SEP]: counted once per chunk
    spans = sentence_spans(text)
    sizes = count_many(count, [text[a:b] for a, b in spans])
    pieces: list[tuple[int, int]] = []
    piece_sizes: list[int] = []
    for (a, b), n in zip(spans, sizes, strict=True):
        if n <= limit:
            pieces.append((a, b))
            piece_sizes.append(n)
            continue
        words = [(a + w.start(), a + w.end()) for w in re.finditer(r"\S+", text[a:b])]
        for piece in pack(text, words, count_many(count, [text[x:y] for x, y in words]), limit, count, special):
            pieces.append(piece)
            piece_sizes.append(count(text[piece[0]:piece[1]]))
    return [(start + a, start + b) for a, b in pack(text, pieces, piece_sizes, limit, count, special)]


def to_passages(text: str, path: str, title: str, units: list[Unit], max_tokens: int,
                count: TokenCounter) -> list[Passage]:
    """Each unit as one passage, or several when its words and label are over ``max_tokens``."""
    labels = [search_text_for("", u.speaker, u.role, u.reply_to, title) for u in units]
    counts = count_many(count, labels + [text[u.start:u.end] for u in units])
    passages: list[Passage] = []
    for i, u in enumerate(units):
        budget = max_tokens - counts[i]
        spans = [(u.start, u.end)]
        if counts[len(units) + i] > budget:
            spans = split_long(text[u.start:u.end], u.start, max(budget, MIN_BUDGET), count)
        for a, b in spans:
            chunk = text[a:b]
            passages.append(Passage(
                doc_path=path, start=a, end=b, text=chunk, speaker=u.speaker, role=u.role,
                search_text=search_text_for(chunk, u.speaker, u.role, u.reply_to, title), reply_to=u.reply_to,
            ))
    return passages
