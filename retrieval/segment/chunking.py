"""Units into passages no longer than the model reads: split at sentences (at words for a sentence too long
alone), each passage's search text prefixed with who said it (their full name and part where the document
lists them) and where it stands (title › section › subsection, act › scene)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..records import Passage, Role
from .asked import lead_ins
from .outline import NO_OUTLINE, SEPARATOR, Outline
from .roster import NO_ROSTER, Roster
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


def count_capped(count: TokenCounter, texts: list[str], limit: int) -> list[int]:
    """Token counts, except ``limit + 1`` for a text with more than ``limit`` words: every word is a token
    at least, so it is over without tokenizing it (a megabyte in one tokenizer call costs ~150 MB)."""
    over = [_more_words_than(t, limit) for t in texts]
    exact = iter(count_many(count, [t for t, o in zip(texts, over, strict=True) if not o]))
    return [limit + 1 if o else next(exact) for o in over]


def _more_words_than(text: str, n: int) -> bool:
    return len(text) > n and next(itertools.islice(re.finditer(r"\S+", text), n, None), None) is not None


@dataclass(frozen=True)
class Context:
    """What a document says of where its units stand and who its speakers are, beyond their words."""

    outline: Outline = NO_OUTLINE
    roster: Roster = NO_ROSTER

    def where(self, u: Unit) -> str:
        return self.outline.context_at(u.start)

    def who(self, u: Unit) -> str:
        return self.roster.describe(u.speaker)


NO_CONTEXT = Context()


def search_text_for(text: str, speaker: str | None, role: Role, reply_to: str | None, title: str,
                    where: str = "", who: str = "", asked: str = "") -> str:
    """The text that retrieval sees: who (and their part), where (title › section), the question the words
    answer (asked.py), then the verbatim words."""
    label = Role(role).search_label(speaker, reply_to)
    # A comment is the commenter's own words, not about the page's title or section: they would only blur it.
    if role in (Role.COMMENT, Role.REPLY):
        title = where = ""
    place = SEPARATOR.join(x for x in (title, where) if x)
    head = " — ".join(x for x in (label, who if speaker else "", place) if x)
    return "\n".join(x for x in (head, asked, text) if x)


def pack(text: str, pieces: list[tuple[int, int]], sizes: list[int], limit: int, count: TokenCounter,
         special: int, room: int | None = None) -> list[tuple[int, int]]:
    """Greedily join consecutive pieces while the joined text stays within ``limit`` tokens.

    Word pieces add up across whitespace, so each piece's count (``sizes``, special tokens included) decides, up
    to ``room`` (``limit`` at first); joined chunks are tokenised again, in one batch, only to confirm. A chunk the
    sum misled about is packed again, with the pieces after it, in room shrunk by how far it was over: never split
    back into its pieces (a run-on line's words, each counted alone, fall short of the joined count, and one-word
    passages followed).
    """
    room = limit if room is None else room
    groups: list[list[int]] = []
    total = 0
    for i, n in enumerate(sizes):
        n -= special
        if groups and total + n + special <= room:
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
        if len(g) > 1 and real[id(g)] > limit:  # this chunk and all after it, packed again with less room
            tighter = min(room - 1, special + (room - special) * limit // real[id(g)])
            return out + pack(text, pieces[g[0]:], sizes[g[0]:], limit, count, special, tighter)
        out.append((pieces[g[0]][0], pieces[g[-1]][1]))
    return out


WORD_BATCH = 2000  # words counted at a time when one sentence alone is over the limit


def split_long(text: str, start: int, limit: int, count: TokenCounter) -> list[tuple[int, int]]:
    """Chunks of whole sentences of at most ``limit`` tokens; a sentence too long alone is cut at words."""
    special = count("")  # [CLS] and [SEP]: counted once per chunk
    spans = sentence_spans(text)
    sizes = count_capped(count, [text[a:b] for a, b in spans], limit)
    pieces: list[tuple[int, int]] = []
    piece_sizes: list[int] = []
    for (a, b), n in zip(spans, sizes, strict=True):
        if n <= limit:
            pieces.append((a, b))
            piece_sizes.append(n)
            continue
        for piece in cut_words(text, a, b, limit, count, special):
            pieces.append(piece)
            piece_sizes.append(count(text[piece[0]:piece[1]]))
    return [(start + a, start + b) for a, b in pack(text, pieces, piece_sizes, limit, count, special)]


def windows(search_text: str, text: str, limit: int, count: TokenCounter) -> list[str]:
    """The texts a passage longer than ``limit`` word pieces is also matched by: its search text's head (who,
    where, the question it answers) before each run of whole sentences of its words that fits ``limit`` with
    it. The model was trained on inputs of at most 128 pieces: words past that point barely move a long
    passage's one vector, and a question about them finds the window holding them. None for a passage that
    fits, or whose search text is not its head then its words."""
    if not limit or not search_text.endswith(text) or count(search_text) <= limit:
        return []
    head = search_text[: len(search_text) - len(text)]
    # Both counts hold [CLS] and [SEP], the joined text once: the words get the head's two back.
    budget = max(limit - count(head) + 2, MIN_BUDGET)
    found = [head + text[a:b] for a, b in split_long(text, 0, budget, count)]
    return [] if found == [search_text] else found


def cut_words(text: str, a: int, b: int, limit: int, count: TokenCounter, special: int) -> list[tuple[int, int]]:
    """``text[a:b]`` in runs of whole words of at most ``limit`` tokens. Words are counted ``WORD_BATCH`` at a
    time, the last run of each batch carried into the next: a run-on text of many megabytes (no sentence ends,
    one line) is cut in memory proportional to its size, not to a tokenizer result per word."""
    words = (m.span() for m in re.finditer(r"\S+", text[a:b]))
    out: list[tuple[int, int]] = []
    carry: list[tuple[int, int]] = []
    carry_sizes: list[int] = []
    while batch := [(a + x, a + y) for x, y in itertools.islice(words, WORD_BATCH)]:
        pieces = carry + batch
        sizes = carry_sizes + count_many(count, [text[x:y] for x, y in batch])
        runs = pack(text, pieces, sizes, limit, count, special)
        out += runs[:-1]
        carry, carry_sizes = [runs[-1]], [count(text[runs[-1][0]:runs[-1][1]])]
    return out + carry


def to_passages(text: str, path: str, title: str, units: list[Unit], max_tokens: int,
                count: TokenCounter, context: Context = NO_CONTEXT) -> list[Passage]:
    """Each unit as one passage, or several when its words and label are over ``max_tokens``."""
    asked = lead_ins(text, units)
    places = [(context.where(u), context.who(u), asked[i]) for i, u in enumerate(units)]
    labels = [search_text_for("", u.speaker, u.role, u.reply_to, title, *places[i]) for i, u in enumerate(units)]
    label_counts = count_many(count, labels)
    counts = count_capped(count, [text[u.start:u.end] for u in units], max_tokens)
    passages: list[Passage] = []
    for i, u in enumerate(units):
        budget = max_tokens - label_counts[i]
        spans = [(u.start, u.end)]
        if counts[i] > budget:
            spans = split_long(text[u.start:u.end], u.start, max(budget, MIN_BUDGET), count)
        for a, b in spans:
            chunk = text[a:b]
            passages.append(Passage(
                doc_path=path, start=a, end=b, text=chunk, speaker=u.speaker, role=u.role,
                search_text=search_text_for(chunk, u.speaker, u.role, u.reply_to, title, *places[i]),
                reply_to=u.reply_to,
                speaker_confidence=u.confidence if u.speaker else None, speaker_evidence=u.evidence,
            ))
    return passages
