"""The API's shapes as pydantic models, so that ``/api/v1/openapi.json`` documents them.

They describe the library's ``to_json()`` dicts (the CLI's ``--json`` shapes) field for field; a route returns
those dicts and FastAPI checks them against these models. ``extra="forbid"``: a field the library adds and this
file does not describe fails the API tests instead of going out undocumented.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from quoth.verify import verifier

# The API's limits (a contract with its clients, listed in the OpenAPI document): not settings.
MAX_QUERY_CHARS = 1000
MAX_K = 20
MAX_OFFSET = 100
MAX_AROUND = 10  # passages before or after one, in /context
MAX_CLAIM_CHARS = 4000
MAX_CLAIMS = verifier.MAX_CLAIMS  # a batch: as many as one message may quote
MAX_NAME_CHARS = 200  # a source, speaker or document filter
MAX_LANG_CHARS = 35  # a language tag
# An offset in a document's text: far past any document (max_unzipped_bytes is 2e8), and far below SQLite's
# 64-bit INTEGER, which a larger number overflows (a 500 before this bound).
MAX_TEXT_OFFSET = 10**12


class Shape(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceInfo(Shape):
    """The document a quote comes from (``SourceInfo.to_json``)."""

    title: str
    path: str = Field(description="The document's path relative to the corpus, as /context and /document take it")
    url: str | None
    site: str | None
    date: str | None
    author: str | None
    kind: str | None


class Source(SourceInfo):
    """A source as /sources lists it: with its number of passages."""

    passages: int


class Evidence(Shape):
    clue: str
    detail: str


class Passage(Shape):
    """A verbatim slice of a document with who said it (``Passage.to_json``)."""

    text: str = Field(description="The document's words exactly: text == document[start:end]")
    speaker: str | None
    label: str = Field(description="Who said it, as a reader is shown it")
    role: str
    reply_to: str | None
    source: SourceInfo
    start: int
    end: int
    locator: str | None = Field(description="Page, time or the like in the original")
    passage_id: int | None
    speaker_confidence: float | None
    speaker_evidence: list[Evidence]
    speaker_as_written: str | None


class Hit(Passage):
    """A passage found for a question (``Hit.to_json``)."""

    score: float
    best_sentence: list[int] | None = Field(description="[start, end) of the best sentence within text; "
                                                        "null from /search")


class Edit(Shape):
    op: Literal["changed", "added", "removed"]
    claim: str
    source: str


class Verdict(Shape):
    """One claim checked (``Verdict.to_json``)."""

    claim: str
    verdict: Literal["exact", "close", "altered", "paraphrase", "not_found"]
    speaker: str | None
    label: str | None
    role: str | None
    speaker_confidence: float | None
    claimed_speaker: str | None
    misattributed: bool | None
    source: SourceInfo | None
    start: int | None
    end: int | None
    quote: str | None
    edits: list[Edit]
    omitted: list[str]
    scores: dict[str, float]
    passage_id: int | None
    closest_not_a_match: bool
    note: str | None


class Person(Shape):
    """A speaker with every name the corpus gives them (``Person.to_json``)."""

    speaker: str
    aliases: list[str]
    passages: int
    documents: list[str]


class ReindexJob(Shape):
    """A reindex run by the admin (``ReindexJob.to_json``)."""

    id: str
    state: Literal["running", "done", "failed"]
    full: bool
    started: float
    finished: float | None
    stage: str | None
    done: int
    total: int
    summary: str | None
    error: str | None


class ErrorBody(Shape):
    status: int
    message: str
    suggestions: list[str]


class Error(Shape):
    """Every refusal under /api/v1: a status and one message, with the closest names where a name was unknown."""

    error: ErrorBody


class Conflict(Error):
    """409: a reindex is already running; ``job`` is that one."""

    job: ReindexJob


# --- responses -----------------------------------------------------------------------------------------
class Answer(Shape):
    query: str
    results: list[Hit]
    message: str | None = Field(description='"Nothing relevant found." in the reply language when no results')


class Verdicts(Shape):
    verdicts: list[Verdict]


class Sources(Shape):
    sources: list[Source]


class Speakers(Shape):
    speakers: list[Person]


class Context(Shape):
    passage_id: int | None = Field(description="The passage covering [start, end); null when it is gone")
    passages: list[Passage]


class DocumentText(Shape):
    source: SourceInfo
    text: str = Field(description="The document as indexed: every passage is text[start:end]")
    passages: list[Passage]


class RandomQuote(Shape):
    result: Hit


class Health(Shape):
    status: Literal["ok"]
    documents: int
    passages: int
    generation: str


class JobStatus(Shape):
    job: ReindexJob | None


# --- request bodies ------------------------------------------------------------------------------------
class VerifyRequest(Shape):
    """``text``: a message whose quoted stretches are checked (as ``quoth verify``); or ``claims``: each checked as
    it is. One of the two."""

    text: str | None = Field(None, max_length=MAX_CLAIM_CHARS)
    claims: list[str] | None = Field(None, json_schema_extra={"maxItems": MAX_CLAIMS},
                                     description=f"At most {MAX_CLAIMS}, each at most {MAX_CLAIM_CHARS} characters")
    speaker: str | None = Field(None, max_length=MAX_NAME_CHARS)


class ReindexRequest(Shape):
    full: bool = Field(False, description="Rebuild everything instead of only what changed")
