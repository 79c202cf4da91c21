"""What a claim turned out to be, and why: the verdict, the source span, the edits and the scores that decided."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ..records import Role, SourceInfo
from ..settings import VerifySettings
from .align import WORD_RE, Alignment, Edit
from .wording import wording_kept

NEGATIONS = {"not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "without", "cannot", "can't",
             "won't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "shouldn't", "wouldn't",
             "couldn't", "mustn't", "hasn't", "haven't", "hadn't", "n't", "nowhere", "noone", "against"}
NUMBER_WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion", "half",
                "first", "second", "third", "once", "twice", "double", "triple", "all", "every", "most", "few",
                "many", "some", "more", "less", "fewer", "dozen", "dozens", "hundreds", "thousands", "millions",
                "billions", "couple", "several", "single", "only"}


# Words written with a capital at a sentence's start: not names, whatever their case.
CAPITALISED_ANYWAY = {"i", "the", "a", "an", "and", "but", "or", "so", "we", "it", "you", "he", "she", "they",
                      "my", "our", "your", "his", "her", "their", "its", "this", "that", "these", "those", "there",
                      "here", "if", "when", "what", "who", "why", "how", "in", "on", "at", "to", "for", "of", "as",
                      "is", "are", "was", "were", "be", "do", "yes", "well", "then", "now", "today", "let", "let's"}


# What an answer says where it is unsure (the bot translates the same sentences).
CANNOT_TELL = "Can't tell who said it"
CLOSEST = "Closest wording — not a match"


class Kind(StrEnum):
    EXACT = "exact"  # the same words (case, quote marks, dashes, spacing and marked omissions aside)
    CLOSE = "close"  # the same words retyped: spelling, apostrophes, hyphens, a slipped article
    ALTERED = "altered"  # the same passage with words changed, added or dropped
    PARAPHRASE = "paraphrase"  # the same idea in other words
    NOT_FOUND = "not_found"  # nothing in the corpus is close


def meaning_words(edit: Edit) -> list[str]:
    """The words of an edit that change what is said: negations, numbers, names."""
    out = []
    for side in (edit.claim, edit.source):
        for w in WORD_RE.findall(side):
            low = w.casefold().replace("’", "'")
            if low in NEGATIONS or low.endswith("n't") or low in NUMBER_WORDS or any(c.isdigit() for c in w) \
                    or (w[:1].isupper() and low not in CAPITALISED_ANYWAY):
                out.append(w)
    return out


def classify(found: Alignment | None, settings: VerifySettings, stopwords: frozenset[str] = frozenset(),
             lexicon: frozenset[str] = frozenset()) -> Kind:
    """The verdict for the best alignment (None: nowhere), short of "paraphrase", which needs evidence of its own
    (paraphrase.py). "Close" is for the same words only (wording.py): any other changed, added or dropped word
    makes the claim "altered", whatever the word; no list of antonyms decides. "Altered" also needs most of the
    claim's content words: a sentence that shares only "is better than" with its source is another sentence in
    the same mould, not that one altered. ``lexicon``: the common words that tell an old spelling from another
    word (spelling.py)."""
    if found is not None:
        if not found.edits and found.marked:
            return Kind.EXACT
        if wording_kept(found.edits, lexicon):
            return Kind.CLOSE
        if found.score >= settings.altered_min and found.content_share(stopwords) >= settings.altered_content_min:
            return Kind.ALTERED
    return Kind.NOT_FOUND


@dataclass
class Verdict:
    """One claim checked. ``start``/``end`` are offsets in the source document's stored text."""

    claim: str
    verdict: Kind
    claimed_speaker: str | None = None
    speaker: str | None = None  # whose words the source span is
    role: Role | None = None
    speaker_confidence: float | None = None  # how sure the index is of ``speaker`` (0..1)
    quoted: bool = False  # the words are a quotation inside the speaker's passage: someone else's, maybe
    # A "not found" claim carries the nearest passage all the same, shown as the closest wording, not a match.
    closest: bool = False
    label: str | None = None  # "Ann Lee (comment)": who, as a reader is shown it
    # True: another person's words, surely; None: no speaker claimed, nothing found, or who said it is unsure.
    misattributed: bool | None = None
    source: SourceInfo | None = None
    start: int | None = None
    end: int | None = None
    quote: str | None = None  # the source span, verbatim
    edits: list[Edit] = field(default_factory=list)
    omitted: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    passage_id: int | None = None
    note: str | None = None  # e.g. the claim was cut to the length limit

    def to_json(self) -> dict:
        return {"claim": self.claim, "verdict": str(self.verdict), "speaker": self.speaker, "label": self.label,
                "role": self.role, "speaker_confidence": self.speaker_confidence,
                "claimed_speaker": self.claimed_speaker, "misattributed": self.misattributed,
                "source": self.source.to_json() if self.source else None, "start": self.start, "end": self.end,
                "quote": self.quote, "edits": [e.to_json() for e in self.edits], "omitted": self.omitted,
                "scores": {k: round(v, 4) for k, v in self.scores.items()}, "passage_id": self.passage_id,
                "closest_not_a_match": self.closest, "note": self.note}

    @property
    def cannot_tell(self) -> bool:
        """A speaker was claimed for words found, and whether they are that person's is unsure."""
        return bool(self.claimed_speaker) and self.misattributed is None and self.verdict is not Kind.NOT_FOUND

    def explain(self, unsure: bool = True) -> str:
        """One or two sentences a person reads; ``unsure=False`` leaves out "can't tell who said it" and "closest
        wording", for a front end that says them in its reader's language."""
        who = self.label or "nobody named"
        said = {
            Kind.EXACT: f"Real: these are the words of {who}.",
            Kind.CLOSE: f"Close: these are the words of {who}, retyped (spelling, punctuation or the like).",
            Kind.ALTERED: f"Altered: {who} said something like this, but with other words: they may change the "
                          f"meaning.",
            Kind.PARAPHRASE: f"A paraphrase: {who} said the same thing in other words.",
            Kind.NOT_FOUND: "Not found: nothing in the indexed documents says these words.",
        }[self.verdict]
        if self.misattributed and self.claimed_speaker:
            said += f" These words are in the source, but they are {self.speaker or 'nobody named'}'s, not " \
                    f"{self.claimed_speaker}'s."
        elif self.cannot_tell and unsure:
            said += f" {CANNOT_TELL}: the source does not say surely whether {self.claimed_speaker} said them."
        if self.closest and unsure:
            said += f" {CLOSEST}:"
        if self.omitted:
            said += " Left out: " + "; ".join(f"“{o}”" for o in self.omitted) + "."
        return said
