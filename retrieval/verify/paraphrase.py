"""Whether a claim found nowhere word for word says what a passage says: the evidence for "paraphrase".

Issue 22 §2: an invented claim on the topic of a real speaker must not be called a paraphrase of them. The cosine
of the claim with a whole passage does not tell the two apart (benchmarks/verify.py: invented claims reached
every bar paraphrases reached), so the evidence is taken where a paraphrase keeps what was said:

- the claim against the passage's *sentence* (or two) most like it, not against the whole passage;
- the facts kept: every name and number of the claim is in the source's neighbourhood (an invented claim on the
  topic adds "Sweden", "OP_CTV", "TLS 1.3");
- the polarity kept: a negation in one and none in the other ("I will ban fracking" against "I am not going to
  ban fracking") is a reversal, not a rewording;
- the person kept: the claim names someone, and the sentence's passage may be theirs (names.py). A paraphrase
  of nobody in particular is not one a reader can be sure of: without a named speaker, no paraphrase;
- the form of a report: a claim in the speaker's own voice ("I will ban fracking", "Binary is a waste of time")
  is a claim of their wording, found or not; only a report ("Granholm said the administration…") may restate
  them (claims.reported). On all three claim sets every invented claim is in the speaker's voice and 82 of 84
  paraphrases are reports; the inventions rewritten as reports score as high as the paraphrases (0.35-0.83), so
  the form is no licence to lower the bar (verify.paraphrase_sentence_min), only one more thing a paraphrase
  must have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from ..index.live import LoadedIndex
from ..records import Passage, SourceInfo
from ..segment.sentences import sentence_spans
from .claims import reported, reporter
from .names import could_be_same, name_words
from .verdict import NEGATIONS

CONTEXT = 600  # characters around the best sentence where the claim's names and numbers must appear
STEM_MIN = 5  # letters a name needs before its ending may differ ("Britons": "British")
AROUND = 400  # characters around a candidate passage whose sentences are compared with the claim
# Sentence windows encoded per claim: those holding the largest IDF-weighted share of the claim's words. Encoding
# every window around eight candidates took seconds on a long claim (p99 4-5 s); a paraphrase keeps some of the
# words it restates (its names, its topic), so the window most like it in meaning is among those most like it in
# words.
ENCODED = 12
# A name or a number as a claim writes it: a capitalised word (not the sentence's first), digits.
FACT_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w’'-]*|\b\d[\d.,:/-]*\d\b|\b\d\b")
NEGATION_RE = re.compile(r"\b(?:" + "|".join(sorted(NEGATIONS, key=len, reverse=True)) + r")\b|n[’']t\b",
                         re.IGNORECASE)


@dataclass
class Likeness:
    """The claim against the candidate sentence most like it."""

    cosine: float
    passage: tuple[Passage, SourceInfo]
    start: int  # the sentence(s) in the document
    end: int
    novel: list[str] = field(default_factory=list)  # names and numbers of the claim absent around the source
    reversed: bool = False  # a negation on one side only
    same_speaker: bool = False  # the claim names someone who may be the passage's speaker
    reported: bool = False  # the claim reports the words ("X said that…"), not in the speaker's own voice

    def scores(self) -> dict[str, float]:
        return {"sentence": self.cosine, "novel": float(len(self.novel)), "reversed": float(self.reversed),
                "same_speaker": float(self.same_speaker), "reported": float(self.reported)}


def likeness(idx: LoadedIndex, encoder, claim: str, speaker: str | None,
             candidates: list[tuple[Passage, SourceInfo]]) -> Likeness | None:
    """The best sentence window (one sentence or two) around the candidates, judged against the claim; None
    when nothing could make it a paraphrase (no speaker named, or none of the candidates may be theirs), which
    spares encoding the windows."""
    speaker = speaker or reporter(claim)
    directory = idx.directory()
    if not speaker or not any(p.speaker and could_be_same(directory, speaker, p.speaker) for p, _ in candidates):
        return None
    windows: list[tuple[int, int, int, str]] = []  # (candidate, start, end, document text)
    docs: dict[str, str | None] = {}
    for i, (p, _) in enumerate(candidates):
        doc = docs.setdefault(p.doc_path, idx.document_text(p.doc_path))
        if doc is None:
            continue
        lo, hi = max(0, p.start - AROUND), min(len(doc), p.end + AROUND)
        spans = [(a + lo, b + lo) for a, b in sentence_spans(doc[lo:hi])]
        windows += [(i, spans[k][0], spans[min(k + j, len(spans) - 1)][1], doc)
                    for k in range(len(spans)) for j in (0, 1)]
    # Neighbouring candidates share sentences: each is encoded once.
    windows = list({(candidates[i][0].doc_path, a, b): (i, a, b, d) for i, a, b, d in reversed(windows)}.values())
    if not windows:
        return None
    windows = _wordiest(idx, claim, windows)
    vectors = encoder.encode_queries([claim, *(d[a:b] for _, a, b, d in windows)])
    cosines = vectors[1:] @ vectors[0]
    k = int(np.argmax(cosines))
    i, a, b, doc = windows[k]
    p = candidates[i][0]
    own = set(name_words(speaker or ""))
    around = doc[max(0, a - CONTEXT):b + CONTEXT].casefold()
    novel = [f for f in FACT_RE.findall(claim) if f.casefold() not in own and not _mentioned(f, around)]
    reversed_ = bool(NEGATION_RE.search(claim)) != bool(NEGATION_RE.search(doc[a:b]))
    same = p.speaker is not None and could_be_same(directory, speaker, p.speaker)
    return Likeness(float(cosines[k]), candidates[i], a, b, novel, reversed_, same, reported(claim))


def _wordiest(idx: LoadedIndex, claim: str, windows: list[tuple[int, int, int, str]]) -> list:
    """The ``ENCODED`` windows holding the largest IDF-weighted share of the claim's words (stemmed, stop words
    aside), in their order: the only ones worth a pass of the model."""
    if len(windows) <= ENCODED:
        return windows
    terms = list(dict.fromkeys(idx.analyzer.tokenize([claim])[0]))
    if not terms:
        return windows[:ENCODED]
    weight = dict(zip(terms, map(float, idx.term_weights(terms)), strict=True))
    held = idx.analyzer.tokenize([d[a:b] for _, a, b, d in windows])
    share = [sum(weight[t] for t in set(h) & weight.keys()) for h in held]
    keep = sorted(sorted(range(len(windows)), key=lambda k: -share[k])[:ENCODED])
    return [windows[k] for k in keep]


def _mentioned(fact: str, text: str) -> bool:
    """Whether ``text`` (case-folded) names ``fact``: as written, or its stem ("Britons": "Brit"), or its
    digits ("SHA-256": "sha256")."""
    f = fact.casefold().rstrip(".,")
    bare = re.sub(r"[\W_]", "", f)
    squeezed = re.sub(r"[\W_]", "", text)
    return f in text or bare in squeezed or (len(f) > STEM_MIN and f[:max(STEM_MIN - 1, len(f) - 3)] in text)


__all__ = ["Likeness", "likeness"]
