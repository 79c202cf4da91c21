"""What the page's templates are given: each library result turned into the plain strings and links one card,
verdict or read-in-place piece shows. The templates only lay these out (Jinja2 escapes every string), so every
decision about wording and links is here, where it is tested.

Links to a source's own page are emitted only for ``http``/``https`` URLs: a manifest's ``javascript:`` or
``file:`` URL is never an ``href``; such a source links to its read-in-place page instead.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from quoth.cite import cite, quote_link
from quoth.records import Passage, SourceInfo
from quoth.verify.verdict import Kind, Verdict

from .diff import Op, Run, word_diff

UNATTRIBUTED = "unattributed"
NOT_A_MATCH = "not a match"  # who, for the closest wording to a claim not found (the CLI's words)
WEB_SCHEMES = ("http://", "https://")
WORDS_MARK_CHARS = 12  # hex digits of sha256: a permalink stays short, a changed passage is still told apart
VERDICT_WORDS = {Kind.EXACT: "Real", Kind.CLOSE: "Close: retyped", Kind.ALTERED: "Altered",
                 Kind.PARAPHRASE: "Paraphrase", Kind.NOT_FOUND: "Not found"}


def read_href(path: str, start: int | None = None, end: int | None = None) -> str:
    """The read-in-place page of ``path``, scrolled to [start, end) when given."""
    if start is None or end is None:
        return "/read?" + urlencode({"doc": path})
    return "/read?" + urlencode({"doc": path, "start": start, "end": end}) + "#quoted"


def words_mark(text: str) -> str:
    """A short fingerprint of a quote's words, carried by its permalink: after the document is edited, the
    passage at the same offsets may hold other words, and a permalink must never show words it did not show."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:WORDS_MARK_CHARS]


def quote_href(path: str, start: int, end: int, best: tuple[int, int] | None = None, text: str | None = None) -> str:
    """A quote's permalink; ``best`` (offsets in the passage) carries the sentence the question marked, which
    the quote alone cannot know, so the card it opens is the card that was shown; ``text``: its words, checked
    again when the link is followed (``words_mark``)."""
    marked = {"best": f"{best[0]}-{best[1]}"} if best else {}
    mark = {"h": words_mark(text)} if text is not None else {}
    return "/quote?" + urlencode({"doc": path, "start": start, "end": end, **marked, **mark})


def best_span(value: str | None, length: int) -> tuple[int, int] | None:
    """A permalink's ``best=A-B`` as offsets within a passage of ``length`` characters; None when absent or
    not a span of it (a link typed by hand marks nothing rather than failing)."""
    a, sep, b = (value or "").partition("-")
    if not (sep and a.isdigit() and b.isdigit()):
        return None
    span = int(a), int(b)
    return span if 0 <= span[0] < span[1] <= length else None


def speaker_href(name: str) -> str:
    return "/speakers/" + quote(name, safe="")


def web_url(source: SourceInfo) -> str | None:
    """The source's own address when it is a web page (http/https only), else None."""
    url = (source.url or "").strip()
    return url if url.lower().startswith(WEB_SCHEMES) else None


def source_href(source: SourceInfo, text: str, start: int, end: int) -> str:
    """Where a quote's source title links: the web page opened at the words (a text fragment), or, for a
    source with no web address, the quote read in place."""
    url = web_url(source)
    return quote_link(url, text) if url else read_href(source.path, start, end)


def who(passage_speaker: str | None, label: str | None) -> str:
    """Who said it, as shown: the reader's label (a commenter as a commenter), or "unattributed"."""
    return label if passage_speaker and label else UNATTRIBUTED


@dataclass(frozen=True)
class Card:
    """One quote card: the verbatim words split around the best sentence, who, where, and the actions."""

    before: str
    best: str
    after: str
    speaker: str
    role: str
    title: str
    source_href: str
    locator: str | None
    context_href: str
    permalink_href: str
    cite: str

    @classmethod
    def of(cls, passage: Passage, source: SourceInfo, best: tuple[int, int] | None = None) -> Card:
        text = passage.text
        a, b = best if best else (0, 0)
        speaker = who(passage.speaker, passage.label)
        credit = passage.label if passage.speaker else None
        return cls(before=text[:a], best=text[a:b], after=text[b:], speaker=speaker, role=str(passage.role),
                   title=source.title or source.path,
                   source_href=source_href(source, text, passage.start, passage.end), locator=passage.locator,
                   context_href=read_href(source.path, passage.start, passage.end),
                   permalink_href=quote_href(source.path, passage.start, passage.end, best, text),
                   cite=cite(text, credit, source, passage.locator).plain)


@dataclass(frozen=True)
class VerdictView:
    """One checked claim as the page draws it."""

    kind: str
    words: str
    explain: str
    diff: list[Run]
    speaker: str
    role: str | None
    title: str | None
    source_href: str | None
    context_href: str | None
    quote: str | None

    @classmethod
    def of(cls, v: Verdict) -> VerdictView:
        words = VERDICT_WORDS[v.verdict] + (" — misattributed" if v.misattributed else "")
        if v.source is None or v.quote is None or v.start is None or v.end is None:
            return cls(str(v.verdict), words, v.explain(), [], UNATTRIBUTED, None, None, None, None, None)
        # The closest wording to a claim not found is not its source: shown as it is, not drawn as the claim's
        # words changed ("the source's words" would say it is where the claim comes from).
        diff = [Run(Op.EQUAL, v.quote)] if v.closest else word_diff(v.claim, v.quote)
        return cls(kind=str(v.verdict), words=words, explain=v.explain(), diff=diff,
                   speaker=NOT_A_MATCH if v.closest else who(v.speaker, v.label),
                   role=str(v.role) if v.role and not v.closest else None,
                   title=v.source.title or v.source.path,
                   source_href=source_href(v.source, v.quote, v.start, v.end),
                   context_href=read_href(v.source.path, v.start, v.end), quote=v.quote)


@dataclass(frozen=True)
class Piece:
    """A stretch of a document read in place: a passage (with its speaker in the margin) or the text between
    passages (headings, chrome). ``before + quoted + after`` is the stretch's text, exactly."""

    passage: bool
    anchor: str | None  # "p-START-END" for a passage
    speaker: str | None  # the margin's label; None for text between passages or nobody named
    before: str
    quoted: str
    after: str

    @property
    def current(self) -> bool:
        return bool(self.quoted)

    @property
    def trimmed(self) -> tuple[str, str, str]:
        """Text between passages as (leading whitespace, the words, trailing whitespace): the page collapses
        the blank lines at its ends (the passages' own boxes already part them) and keeps every character."""
        core = self.before.strip()
        if not core:
            return self.before, "", ""
        lead = self.before[: len(self.before) - len(self.before.lstrip())]
        return lead, core, self.before[len(lead) + len(core):]


def read_pieces(text: str, passages: list[Passage], start: int | None, end: int | None) -> list[Piece]:
    """``text`` cut into passages and the text between them, in order, every character in exactly one piece;
    the words of [start, end) inside the passage covering them are the quoted part (at most one passage)."""
    pieces: list[Piece] = []
    at, marked = 0, False
    for p in sorted(passages, key=lambda p: (p.start, p.end)):
        a, b = max(p.start, at), min(p.end, len(text))
        if b <= a:  # wholly inside one already shown (passages never overlap in an index; a guard all the same)
            continue
        if a > at:
            pieces.append(Piece(False, None, None, text[at:a], "", ""))
        q1, q2 = (max(a, start), min(b, end)) if start is not None and end is not None and not marked else (a, a)
        if q2 <= q1:
            q1 = q2 = a
        marked = marked or q2 > q1
        speaker = p.label if p.speaker else None
        pieces.append(Piece(True, f"p-{p.start}-{p.end}", speaker, text[a:q1], text[q1:q2], text[q2:b]))
        at = b
    if at < len(text):
        pieces.append(Piece(False, None, None, text[at:], "", ""))
    return pieces
