"""Is that quote real? Candidates from the index (lexical and dense, so reworded claims are found too), the claim
aligned against the document text around each, the best alignment judged, and the words' owner compared with
the speaker the claim names."""

from __future__ import annotations

from ..errors import BadQuery
from ..index.live import LoadedIndex
from ..records import Clue, Passage, SourceInfo
from ..search import Searcher
from ..settings import VerifySettings
from .align import Alignment, align, words
from .claims import Claim, extract_claims
from .names import SINGLE, could_be_same, known, quoted_within
from .verdict import Kind, Verdict, classify
from .wording import retyped

TOO_SHORT = "give me at least a few words to look for"
# Clues that credit a quotation itself (not the turn, post or page around it) to its speaker.
QUOTATION_CLUES = {Clue.SPEECH_TAG, Clue.NARRATION, Clue.PRONOUN, Clue.PARAGRAPH, Clue.CONTINUATION, Clue.ALTERNATION,
                   Clue.VOCATIVE, Clue.ACCORDING, Clue.STATEMENT, Clue.INTRODUCTION, Clue.SAME_SPEAKER}
OUTSIDE_MIN = 3  # words around a quoted stretch that may be part of the claim rather than chatter about it
OUTSIDE_FOUND = 0.75  # …and the share of them the source must hold too ("did Ann Lee say" matches a byline)
SHORT = 3  # a claim of this many words or fewer may stand in many places


class Verifier:
    def __init__(self, searcher: Searcher, settings: VerifySettings | None = None) -> None:
        self.searcher = searcher
        self.settings = settings or VerifySettings()

    def verify_message(self, message: str, speaker: str | None = None) -> list[Verdict]:
        """Every claim in a message (each quoted stretch, or the whole message), checked."""
        claims = extract_claims(message, speaker)
        if not claims:
            raise BadQuery(TOO_SHORT)
        verdicts = [self.verify(c.text, c.speaker) for c in claims]
        whole = self._whole(message, claims, speaker)
        return [whole] if whole is not None else verdicts

    def _whole(self, message: str, claims: list[Claim], speaker: str | None) -> Verdict | None:
        """The message as one claim where it quotes words inside a quotation (``I'd say 80% of the time it ends
        with "…"``): when the words around the quoted stretch are found with it, the whole is the claim."""
        if len(claims) != 1 or claims[0].text == message.strip():
            return None
        outside = len(words(message)) - len(words(claims[0].text))
        if outside < OUTSIDE_MIN:
            return None
        try:
            v = self.verify(message, speaker or claims[0].speaker)
        except BadQuery:
            return None
        if v.verdict not in (Kind.EXACT, Kind.CLOSE, Kind.ALTERED):
            return None
        matched = v.scores["lexical"] * len(words(v.claim))
        return v if matched - len(words(claims[0].text)) >= OUTSIDE_FOUND * outside else None

    def verify(self, claim: str, speaker: str | None = None) -> Verdict:
        text, note = self._checked(claim)
        short = len(words(text)) <= SHORT
        # A short claim matches many passages loosely: look further for the place that has its very words.
        idx, rows, sims, _ = self.searcher.candidates(text, self.settings.candidates * (SHORT if short else 1))
        candidates = idx.passages(rows)  # one read for all of them; each document's text read once below
        docs: dict[str, str | None] = {}
        best: tuple[Alignment, Passage, SourceInfo, str] | None = None
        for p, src in candidates:
            if p.doc_path not in docs:
                docs[p.doc_path] = idx.document_text(p.doc_path)
            doc = docs[p.doc_path]
            found = self._align(p, doc, text) if doc is not None else None
            if found is not None and (best is None or _better(found, best[0])):
                best = (found, p, src, doc)
        similarity = float(sims[0]) if len(sims) else 0.0
        coverage = float(idx.coverage(idx.query_words(text), rows[:3]).max()) if len(rows) else 0.0
        kind = classify(best[0] if best else None, similarity + coverage, self.settings)
        if kind is Kind.EXACT and retyped(text, _said(best[3], best[0])):
            kind = Kind.CLOSE
        if short and kind in (Kind.ALTERED, Kind.PARAPHRASE):
            kind = Kind.NOT_FOUND  # two or three words with one changed are other words, not an altered quote
        voices = _voices(idx, best[1], best[0]) if best is not None and best[0].omitted else 1
        if kind is Kind.CLOSE and not best[0].marked and voices > 1:
            kind = Kind.ALTERED  # pieces of two people's words glued into one quotation: nobody said that
        verdict = Verdict(text, kind, claimed_speaker=speaker, note=note,
                          scores={"lexical": best[0].score if best else 0.0, "similarity": similarity,
                                  "coverage": coverage})
        if kind is Kind.NOT_FOUND:
            if candidates:  # the nearest words, shown as such: never credited, never compared with a speaker
                _attribute_passage(*candidates[0], verdict)
                verdict.speaker = verdict.label = verdict.role = verdict.speaker_confidence = None
                verdict.closest = True
            return verdict
        if kind is Kind.PARAPHRASE or best is None:
            _attribute_passage(*candidates[0], verdict)
        else:
            _attribute_span(idx, *best, verdict)
        verdict.misattributed = _misattributed(idx, speaker, verdict, self.settings.accuse_min)
        if verdict.misattributed and (voices > 1 or short):
            # Words of several people, or a claim so short it may stand anywhere: nobody to accuse anyone of.
            verdict.misattributed = None
        return verdict

    def _checked(self, claim: str) -> tuple[str, str | None]:
        text = " ".join(claim.split())
        n = len(words(text))
        if n < self.settings.min_words:
            raise BadQuery(TOO_SHORT)
        if n <= SHORT:
            return text, f"a claim of {n} words may be said in other places too: this is the nearest one found"
        if len(text) > self.settings.max_chars:
            return text[:self.settings.max_chars].rsplit(" ", 1)[0], \
                f"the claim was cut to its first {self.settings.max_chars} characters"
        return text, None

    def _align(self, p: Passage, doc: str, claim: str) -> Alignment | None:
        """The claim against the document text around candidate passage ``p``."""
        lo = max(0, p.start - self.settings.window_chars)
        hi = min(len(doc), p.end + self.settings.window_chars + len(claim))
        whole = align(claim, doc, lo, hi)
        if whole is not None and not whole.edits:
            return whole
        # Sentences stitched together from further apart than one stretch reaches: find them one by one.
        split = align(claim, doc, lo, hi, split_sentences=True)
        if split is not None and (whole is None or (split.score, -len(split.edits)) > (whole.score, -len(whole.edits))):
            return split
        return whole


def _attribute_span(idx: LoadedIndex, found: Alignment, p: Passage, src: SourceInfo, doc: str,
                    verdict: Verdict) -> None:
    """The span's source, and its speaker: the passage holding most of the claim's own words."""
    owner = max(idx.passages_within(p.doc_path, found.start, found.end) or [(p, src)],
                key=lambda ps: _words_in(ps[0].start, ps[0].end, found))[0]
    verdict.speaker, verdict.role, verdict.label = owner.speaker, owner.role, owner.label
    verdict.speaker_confidence = owner.speaker_confidence
    # Quotation marks inside a passage credited by its turn label or header: the speaker may be quoting someone.
    # A passage credited by the quotation's own tag ("…," said Ann) is that quotation's speaker already, unless
    # the words are a quotation inside the quotation.
    verdict.quoted = quoted_within(doc, owner.start, found.start, found.end, SINGLE) or (
        quoted_within(doc, owner.start, found.start, found.end)
        and not any(e.clue in QUOTATION_CLUES for e in owner.speaker_evidence))
    verdict.source, verdict.start, verdict.end = src, found.start, found.end
    verdict.quote = doc[found.start:found.end]
    verdict.edits, verdict.passage_id = found.edits, owner.id
    verdict.omitted = [doc[a:b].strip() for a, b in found.omitted]


def _attribute_passage(p: Passage, src: SourceInfo, verdict: Verdict) -> None:
    verdict.speaker, verdict.role, verdict.label = p.speaker, p.role, p.label
    verdict.speaker_confidence = p.speaker_confidence
    verdict.source, verdict.start, verdict.end, verdict.quote = src, p.start, p.end, p.text
    verdict.passage_id = p.id


def _said(doc: str, found: Alignment) -> str:
    """The source words a claim stands for: its span less what the claim marks as left out."""
    bounds = [found.start, *[x for gap in found.omitted for x in gap], found.end]
    return " ".join(doc[a:b] for a, b in zip(bounds[::2], bounds[1::2], strict=True))


def _voices(idx: LoadedIndex, p: Passage, found: Alignment) -> int:
    """How many speakers (nobody counting as one) the pieces of a claim found apart belong to."""
    bounds = [found.start, *[x for gap in found.omitted for x in gap], found.end]
    who = set()
    for a, b in zip(bounds[::2], bounds[1::2], strict=True):
        owners = idx.passages_within(p.doc_path, a, b) or [(p, None)]
        who.add(max(owners, key=lambda ps: _overlap(ps[0].start, ps[0].end, a, b))[0].speaker)
    return len(who)


def _overlap(a: int, b: int, c: int, d: int) -> int:
    return max(0, min(b, d) - max(a, c))


def _words_in(start: int, end: int, found: Alignment) -> int:
    """How much of the claim's own words (the span less what it left out) lies in [start, end)."""
    return _overlap(start, end, found.start, found.end) - sum(_overlap(start, end, a, b) for a, b in found.omitted)


def _better(a: Alignment, b: Alignment) -> bool:
    return (a.score, a.marked, -len(a.edits)) > (b.score, b.marked, -len(b.edits))


def _misattributed(idx: LoadedIndex, claimed: str | None, verdict: Verdict, sure: float) -> bool | None:
    """Whether the words are someone else's than the person the claim names. True only for another person (not
    another spelling: names.py) whom the corpus knows, where the index names the words' speaker at least
    ``sure`` confidently and they are not quoted inside the passage; None when a reader cannot tell."""
    if not claimed:
        return None
    if verdict.speaker is None:
        return None  # nobody the document names: the claimed person may be the one, a reader cannot tell
    if verdict.quoted:
        return None  # the passage's speaker quotes these words: they may be anyone's, the claimed person's too
    directory = idx.directory()
    if could_be_same(directory, claimed, verdict.speaker):
        return False
    # A name the corpus does not know may be the speaker's other name (a login, a nickname): no accusation.
    if not known(directory, claimed):
        return None
    if verdict.speaker_confidence is None or verdict.speaker_confidence < sure:
        return None
    return True


__all__ = ["Claim", "Verifier"]
