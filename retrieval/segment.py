"""Turn a Document into verbatim, speaker-attributed Passages.

Every passage is an exact slice of the loaded text (``doc.text[p.start:p.end] == p.text``). The layout is
read from the text's shape, helped by the manifest when it has one: a profile header makes a post list,
``Name says:`` blocks or trailing numbered items make a comment thread, a byline makes an article whose
paragraphs are narration unless a quotation is attributed to someone.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from .boilerplate import Boilerplate
from .lines import Line, split_lines
from .quotes import QuoteAttributor
from .records import Document, Passage, SourceInfo
from .sentences import sentence_spans
from .threads import find_numbered_thread, find_says_thread

TokenCounter = Callable[[str], int]

PROFILE_RE = re.compile(r"^[\d.,]+\s*[km]?\s+followers?\b", re.IGNORECASE)
# "By"/"Posted by" in any case, but the name capitalised: "By the sea" is a heading, not a byline.
BYLINE_RE = re.compile(
    r"^(?i:by|posted by|written by|words by|author:?)\s+(?P<name>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})"
    r"(?:\s*[,|•]\s*.{0,60})?$"
)
NAME_LINE_RE = re.compile(r"^[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,3}$")
SENTENCE_END_RE = re.compile(r"[.!?…:;][\"”’')\]]*$")
MERGEABLE_ROLES = {"body", "narration", "quote"}


def approx_tokens(text: str) -> int:
    """Word-piece count estimate for when no tokenizer is at hand (English averages ~1.3 per word)."""
    return int(len(text.split()) * 1.35) + 2


@dataclass(frozen=True)
class SegmentOptions:
    max_tokens: int = 256  # the default model's limit, in word pieces, for search_text
    min_words: int = 8  # shorter body fragments merge with a neighbour of the same speaker
    boilerplate: tuple[str, ...] = ()


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    speaker: str | None
    role: str
    reply_to: str | None = None


@dataclass(frozen=True)
class Segmented:
    source: SourceInfo  # the document's metadata, with what the text revealed filled in
    passages: list[Passage]


def _blocks(lines: list[Line], keep: list[bool], stop: int) -> list[list[Line]]:
    """Runs of consecutive kept, non-blank lines before line ``stop``."""
    blocks: list[list[Line]] = []
    cur: list[Line] = []
    for ln in lines[:stop]:
        if keep[ln.index] and not ln.blank:
            cur.append(ln)
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


def _is_heading(block: list[Line], max_words: int = 12) -> bool:
    return len(block) == 1 and block[0].words <= max_words and not SENTENCE_END_RE.search(block[0].text)


def _drop_alt_text(lines: list[Line], keep: list[bool]) -> None:
    """An image's alt text followed by the same words as a caption: both are picture furniture."""
    content = [ln for ln in lines if keep[ln.index] and not ln.blank]
    for a, b in itertools.pairwise(content):
        if a.words >= 3 and b.text != a.text and b.text.startswith(a.text):
            keep[a.index] = False
            keep[b.index] = False


def _people(text: str) -> list[str]:
    """Two- or three-word capitalised names that recur: candidates for resolving 'Corbyn' or 'He'."""
    counts = Counter(re.findall(r"\b[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){1,2}\b", text))
    return [name for name, n in counts.most_common() if n >= 2]


def context_label(speaker: str | None, role: str, reply_to: str | None) -> str:
    if not speaker:
        return ""
    if role == "comment":
        return f"Comment by {speaker}"
    if role == "reply":
        return f"Reply by {speaker}" + (f" to {reply_to}" if reply_to else "")
    if role == "post":
        return f"Post by {speaker}"
    if role == "quote":
        return f"{speaker} said"
    return speaker


def search_text_for(text: str, speaker: str | None, role: str, reply_to: str | None, title: str) -> str:
    """The text that retrieval sees: who and where, then the verbatim words."""
    label = context_label(speaker, role, reply_to)
    # A comment is the commenter's own words, not about the page's title: the title would only blur it.
    if role in ("comment", "reply"):
        title = ""
    head = " — ".join(x for x in (label, title) if x)
    return f"{head}\n{text}" if head else text


def count_many(count: TokenCounter, texts: list[str]) -> list[int]:
    """Token counts of many texts, in one batch when the counter offers it."""
    batch = getattr(count, "batch", None)
    return batch(texts) if batch is not None else [count(t) for t in texts]


def _pack(text: str, pieces: list[tuple[int, int]], sizes: list[int], limit: int, count: TokenCounter,
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


def _split_long(text: str, start: int, limit: int, count: TokenCounter) -> list[tuple[int, int]]:
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
        for piece in _pack(text, words, count_many(count, [text[x:y] for x, y in words]), limit, count, special):
            pieces.append(piece)
            piece_sizes.append(count(text[piece[0]:piece[1]]))
    return [(start + a, start + b) for a, b in _pack(text, pieces, piece_sizes, limit, count, special)]


def _merge_short(units: list[Unit], text: str, min_words: int) -> list[Unit]:
    def joinable(a: Unit, b: Unit) -> bool:
        return (a.role in MERGEABLE_ROLES and b.role in MERGEABLE_ROLES and a.speaker == b.speaker
                and not text[a.end:b.start].strip())

    def short(u: Unit) -> bool:
        return u.role in MERGEABLE_ROLES and len(text[u.start:u.end].split()) < min_words

    out: list[Unit] = []
    for u in units:
        if out and joinable(out[-1], u) and (short(u) or short(out[-1])):
            prev = out[-1]
            role = prev.role if prev.role == u.role else "quote" if "quote" in (prev.role, u.role) else prev.role
            out[-1] = Unit(prev.start, u.end, prev.speaker, role, prev.reply_to)
        else:
            out.append(u)
    return out


def segment(doc: Document, opts: SegmentOptions | None = None, count_tokens: TokenCounter = approx_tokens,
            kind_hint: str | None = None, comments_hint: bool | None = None) -> Segmented:
    opts = opts or SegmentOptions()
    text = doc.text
    src = doc.source
    lines = split_lines(text)
    keep = [True] * len(lines)
    bp = Boilerplate(opts.boilerplate)
    for ln in lines:
        if bp.matches(ln.text):
            keep[ln.index] = False
    _drop_alt_text(lines, keep)
    kind = kind_hint or src.kind

    # A social profile header ("2519517 followers • …") ends the page chrome of a post list.
    account = None
    head_lines = [ln for ln in lines[:40] if not ln.blank]
    profile = next((ln for ln in head_lines if PROFILE_RE.match(ln.text)), None)
    if profile is not None:
        first = head_lines[0]
        if first.words <= 6 and first.index < profile.index:
            account = first.text
        for ln in lines[: profile.index + 1]:
            keep[ln.index] = False
        kind = kind or "post_list"

    byline_author = None
    byline_index = None
    for ln in head_lines[:15]:
        m = BYLINE_RE.match(ln.text)
        if m and keep[ln.index]:
            byline_author, byline_index = m.group("name"), ln.index
            keep[ln.index] = False
            break
    if byline_author and not kind:
        kind = "article"

    thread = None
    if kind != "post_list":
        thread = find_says_thread(lines, keep)
        if thread is None and comments_hint is not False and kind != "article":
            thread = find_numbered_thread(lines, keep, require_indent=comments_hint is not True)
    body_stop = thread[0] if thread else len(lines)

    blocks = _blocks(lines, keep, body_stop)
    title = src.title
    headings: list[list[Line]] = []
    body: list[list[Line]] = []
    for i, block in enumerate(blocks):
        if kind == "post_list":
            body.append(block)
        elif (i == 0 and _is_heading(block, 15) and block[0].words <= 15) or _is_heading(block):
            headings.append(block)
        elif i == 0 and len(block) == 1 and block[0].words <= 8 and not body:
            headings.append(block)  # a short slogan-like first line is the page title
        else:
            body.append(block)

    if not title:
        if byline_index is not None:
            before = [h for h in headings if h[0].index < byline_index]
            title = before[-1][0].text if before else ""
        if not title and account:
            title = account
        if not title and headings and headings[0][0].index < (body[0][0].index if body else 10**9):
            title = headings[0][0].text
        if not title:
            first = next((ln for ln in lines if not ln.blank), None)
            title = (first.text[:80] + ("…" if len(first.text) > 80 else "")) if first else src.path

    signature = None
    if headings and body and headings[-1][0].index > body[-1][-1].index:
        cand = headings[-1][0].text
        if NAME_LINE_RE.match(cand):
            signature = cand
    author = src.author or byline_author or signature or account
    if not kind:
        kind = "blog_post" if thread else "page"

    units: list[Unit] = []
    if kind == "post_list":
        for block in body:
            units.append(Unit(block[0].start, block[-1].end, author, "post"))
    else:
        narrator = author or src.site
        attributor = QuoteAttributor(
            narrator=narrator, known_people=[p for p in (author, account) if p] + _people(text),
            body_role="narration" if kind == "article" else "body", publisher=src.site,
        )
        for block in body:
            a = attributor.attribute(text[block[0].start:block[-1].end])
            units.append(Unit(block[0].start, block[-1].end, a.speaker, a.role))
        units = _merge_short(units, text, opts.min_words)
    if thread:
        units.extend(Unit(c.start, c.end, c.speaker, c.role, c.reply_to) for c in thread[1])

    source = replace(src, title=title, author=author, kind=kind)
    passages: list[Passage] = []
    labels = [search_text_for("", u.speaker, u.role, u.reply_to, title) for u in units]
    counts = count_many(count_tokens, labels + [text[u.start:u.end] for u in units])
    for i, u in enumerate(units):
        budget = opts.max_tokens - counts[i]
        spans = [(u.start, u.end)]
        if counts[len(units) + i] > budget:
            spans = _split_long(text[u.start:u.end], u.start, max(budget, 16), count_tokens)
        for a, b in spans:
            chunk = text[a:b]
            passages.append(Passage(
                doc_path=src.path, start=a, end=b, text=chunk, speaker=u.speaker, role=u.role,
                search_text=search_text_for(chunk, u.speaker, u.role, u.reply_to, title), reply_to=u.reply_to,
            ))
    return Segmented(source, passages)
