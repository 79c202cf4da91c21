"""The things that flow through the pipeline: a loaded Document, its attributed Passages, search Hits.

Roles and layout kinds are enums, and "who said it" is worded here only: ``Role.label`` for people reading an
answer (the terminal and Discord), ``Role.search_label`` for the context retrieval sees in front of a passage.
``Passage.to_json`` / ``Hit.to_json`` are the one JSON shape every output uses.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum


class Role(StrEnum):
    """What kind of speech a passage is."""

    POST = "post"  # a post in a list of one account's posts
    BODY = "body"  # the page's own text (its author's, or the site's)
    NARRATION = "narration"  # an article's narrator (the journalist)
    QUOTE = "quote"  # words a text attributes to someone
    COMMENT = "comment"  # a comment under a page
    REPLY = "reply"  # a reply to a comment
    TURN = "turn"  # a speaker's turn in a conversation: a transcript's speech, a chat message

    def label(self, speaker: str | None, reply_to: str | None = None) -> str:
        """Who said it, for a reader: never a commenter shown as if they were the page's author."""
        who = speaker or "Unknown speaker"
        if self is Role.REPLY and reply_to:
            return f"{who}, replying to {reply_to}"
        if self in (Role.COMMENT, Role.REPLY):
            return f"{who} (comment)"
        if self is Role.QUOTE:
            return f"{who} (quoted)"
        return who

    def search_label(self, speaker: str | None, reply_to: str | None = None) -> str:
        """Who said it, as context in front of the words retrieval sees ("" when nobody is known)."""
        if not speaker:
            return ""
        if self is Role.COMMENT:
            return f"Comment by {speaker}"
        if self is Role.REPLY:
            return f"Reply by {speaker}" + (f" to {reply_to}" if reply_to else "")
        if self is Role.POST:
            return f"Post by {speaker}"
        if self in (Role.QUOTE, Role.TURN):
            return f"{speaker} said"
        return speaker


class Clue(StrEnum):
    """What kind of evidence names a speaker. Each has its own measured precision (segment/attribution)."""

    MANIFEST = "manifest"  # sources.toml names the document's author or speaker
    TURN_LABEL = "turn label"  # a transcript's, chat's or play's speaker label, in a shape the document repeats
    THREAD = "thread header"  # a comment's or post's header line
    BYLINE = "byline"  # the page's byline, header field, signature or account
    SPEECH_TAG = "speech tag"  # a speech verb with the speaker's name beside the quotation
    NARRATION = "named in narration"  # the sentence before the quotation has the speaker as its subject
    PRONOUN = "pronoun"  # a tag with a pronoun or description, resolved by gender and salience
    PARAGRAPH = "same paragraph"  # another quotation of the same paragraph is tagged
    CONTINUATION = "continued quotation"  # a quotation left open in the paragraph before
    ALTERNATION = "alternation"  # turn-taking in a two-person exchange, anchored by tags
    VOCATIVE = "addressee"  # the quotation addresses one of two people in an exchange: the other speaks
    ACCORDING = "according to"  # "According to X, …"
    STATEMENT = "statement"  # "X issued the following statement:"
    SIGNATURE = "signature"  # a letter quoted paragraph after paragraph, signed with its writer's name
    INTRODUCTION = "introduction"  # the quotation says who its speaker is ("My name is …", a name asked for)
    SAME_SPEAKER = "same speaker"  # an untagged quotation after a speaker's own, where this document does so
    ABSTAINED = "abstained"  # a guess under the bar: recorded, never shown as a speaker


@dataclass(frozen=True)
class Evidence:
    """One reason to name a speaker, as a reader can check it: what kind of clue, and what it said."""

    clue: Clue
    detail: str

    def to_json(self) -> dict:
        return {"clue": str(self.clue), "detail": self.detail}

    def __str__(self) -> str:
        return f"{self.clue}: {self.detail}"


def attribution_text(confidence: float | None, evidence: tuple[Evidence, ...]) -> str | None:
    """A passage's confidence and evidence as one stored field (both backends keep it as text)."""
    if confidence is None and not evidence:
        return None
    return json.dumps({"confidence": confidence, "evidence": [[str(e.clue), e.detail] for e in evidence]})


def attribution_of(text: str | None) -> tuple[float | None, tuple[Evidence, ...]]:
    """The stored field read back; an index written before evidence was kept has none."""
    if not text:
        return None, ()
    data = json.loads(text)
    return data.get("confidence"), tuple(Evidence(Clue(c), d) for c, d in data.get("evidence", []))


class Kind(StrEnum):
    """A document's layout, as detected or as the manifest states it."""

    POST_LIST = "post_list"
    ARTICLE = "article"
    BLOG_POST = "blog_post"
    STATEMENT = "statement"
    TRANSCRIPT = "transcript"
    CHAT = "chat"
    FORUM = "forum"
    EMAIL = "email"
    PROCEEDINGS = "proceedings"  # parliamentary and committee records
    PAGE = "page"


@dataclass(frozen=True)
class SourceInfo:
    """What a reader needs to find a quote again: the document it comes from."""

    path: str
    title: str
    author: str | None = None
    site: str | None = None
    kind: Kind | None = None
    url: str | None = None
    date: str | None = None

    def to_json(self) -> dict:
        return {"title": self.title, "path": self.path, "url": self.url, "site": self.site,
                "date": self.date, "author": self.author, "kind": self.kind}


@dataclass(frozen=True)
class MarkedTurn:
    """A turn whose speaker the file's markup states (a ParlParse ``speakername``, a TEI ``who``), at offsets of
    the text the reader rendered: nothing is guessed from the text's shape."""

    offset: int  # where the turn starts: its header line, or its first words when it has none
    words: int  # where its words start (after the header line)
    speaker: str | None  # None: nobody's words (a heading, a procedural line, a stage direction)


@dataclass(frozen=True)
class LayoutHints:
    """What the manifest (or the file's format) says about a document's layout; ``None`` leaves it to detection."""

    kind: Kind | None = None
    comments: bool | None = None  # whether a comment thread follows the body
    speaker_pattern: str | None = None  # a transcript's turn line, with groups "name" and (optional) "text"
    turns: tuple[MarkedTurn, ...] = ()  # every turn, in order, when the format's markup names the speakers


@dataclass(frozen=True)
class Locator:
    """Where the text from ``offset`` on sits in the original (a subtitle cue's time, a page), for citations:
    what a reader needs to find a quote in the recording or the print, which the stored text leaves out."""

    offset: int
    label: str


@dataclass(frozen=True)
class Document:
    """A document's text exactly as loaded; every passage is a slice of ``text``."""

    source: SourceInfo
    text: str
    content_hash: str
    hints: LayoutHints = LayoutHints()
    locators: tuple[Locator, ...] = ()  # in offset order

    @property
    def path(self) -> str:
        return self.source.path

    def metadata(self) -> dict:
        """Everything but the text, for change detection."""
        return {"source": asdict(self.source), "hints": asdict(self.hints),
                "locators": [[x.offset, x.label] for x in self.locators]}

    def locator_at(self, offset: int) -> str | None:
        """The label of the last locator at or before ``offset``."""
        i = bisect.bisect_right(self.locators, offset, key=lambda x: x.offset)
        return self.locators[i - 1].label if i else None


@dataclass(frozen=True)
class Passage:
    """A verbatim slice of a document with the person who said it.

    ``search_text`` adds context (speaker, title) for retrieval; ``text`` is what is shown.
    """

    doc_path: str
    start: int
    end: int
    text: str
    speaker: str | None
    role: Role
    search_text: str
    reply_to: str | None = None
    id: int | None = None
    locator: str | None = None  # where it is in the recording or print (Document.locator_at)
    speaker_confidence: float | None = None  # how sure the speaker is, 0..1; None when nobody is named
    speaker_evidence: tuple[Evidence, ...] = ()  # why: the clues that named the speaker (or the guess refused)
    # The name as this document wrote it, where the index shows the person under a fuller one ("Clinton" for
    # Hillary Clinton; see index/speakers.py); None when they are the same.
    speaker_as_written: str | None = None

    def as_person(self, person: str | None, reply_to: str | None) -> Passage:
        """This passage with its speaker (and the one it replies to) named as the corpus's person."""
        if person == self.speaker and reply_to == self.reply_to:
            return self
        return replace(self, speaker=person, reply_to=reply_to,
                       speaker_as_written=self.speaker if person != self.speaker else None)

    @property
    def label(self) -> str:
        return Role(self.role).label(self.speaker, self.reply_to)

    def to_json(self, source: SourceInfo) -> dict:
        return {"text": self.text, "speaker": self.speaker, "label": self.label, "role": self.role,
                "reply_to": self.reply_to, "source": source.to_json(), "start": self.start, "end": self.end,
                "locator": self.locator, "passage_id": self.id,
                "speaker_confidence": self.speaker_confidence,
                "speaker_evidence": [e.to_json() for e in self.speaker_evidence],
                "speaker_as_written": self.speaker_as_written}


@dataclass(frozen=True)
class Hit:
    """A passage found for a query, with its source and the sentence that best matches."""

    passage: Passage
    source: SourceInfo
    score: float
    best_sentence: tuple[int, int] | None = None  # offsets within passage.text
    extras: dict = field(default_factory=dict)

    # The passage's fields, so that a hit reads as the quote it is.
    @property
    def text(self) -> str:
        return self.passage.text

    @property
    def speaker(self) -> str | None:
        return self.passage.speaker

    @property
    def role(self) -> Role:
        return self.passage.role

    @property
    def start(self) -> int:
        return self.passage.start

    @property
    def end(self) -> int:
        return self.passage.end

    def to_json(self) -> dict:
        return {**self.passage.to_json(self.source), "score": round(float(self.score), 6),
                "best_sentence": list(self.best_sentence) if self.best_sentence else None}
