"""Is that quote real? Candidates from the index (lexical and dense, so reworded claims are found too), the claim
aligned against the document text around each, the best alignment judged, and the words' owner compared with
the speaker the claim names."""

from __future__ import annotations

import functools
import re

from ..errors import BadQuery
from ..index.live import LoadedIndex
from ..records import Clue, Passage, SourceInfo
from ..search import Searcher
from ..settings import VerifySettings
from .align import REACH, WORD_RE, Alignment, Edit, align, pieces, speech_tags, words
from .claims import Claim, extract_claims
from .names import DOUBLE, SINGLE, could_be_same, known, name_words, nested_quote, quoted_within, several
from .paraphrase import Likeness, likeness
from .spelling import lexicon_of
from .verdict import Kind, Verdict, classify
from .wording import retyped, same_words, wording_kept

TOO_SHORT = "give me at least a few words to look for"
# Quoted stretches checked in one message (each is a search): more is a document, not a message, and would hold a
# worker of the bot or the web app for seconds. The web API's batch of claims has the same bound.
MAX_CLAIMS = 50
# Clues that credit a quotation itself (not the turn, post or page around it) to its speaker.
QUOTATION_CLUES = {Clue.SPEECH_TAG, Clue.NARRATION, Clue.PRONOUN, Clue.PARAGRAPH, Clue.CONTINUATION, Clue.ALTERNATION,
                   Clue.VOCATIVE, Clue.ACCORDING, Clue.STATEMENT, Clue.INTRODUCTION, Clue.SAME_SPEAKER}
OUTSIDE_MIN = 3  # words around a quoted stretch that may be part of the claim rather than chatter about it
OUTSIDE_FOUND = 0.75  # …and the share of them the source must hold too ("did Ann Lee say" matches a byline)
SHORT = 3  # a claim of this many words or fewer may stand in many places
LABEL_GAP = 4  # characters between a "Name:" and the words after it (the colon, spaces)
# A quotation closed, a new paragraph, another opened: in dialogue, a reader's sign that someone else speaks (one
# speech over paragraphs leaves its paragraph unclosed), whoever attribution says either side is.
NEW_TURN_RE = re.compile(r"[\"”’'][ \t]*\n[ \t]*\n\s*[\"“‘']")
TURN_CHARS = 8  # characters of a claim's words in a passage that make its speaker one of the claim's voices
MAX_APART = 6  # sentences of a claim looked for one by one when the whole is not found (a search each)


class Verifier:
    def __init__(self, searcher: Searcher, settings: VerifySettings | None = None) -> None:
        self.searcher = searcher
        self.settings = settings or VerifySettings()

    @functools.cached_property
    def lexicon(self) -> frozenset[str]:
        """Common words, which tell an old spelling from another word (spelling.py): the model's own list."""
        return lexicon_of(self.searcher.encoder)

    def verify_message(self, message: str, speaker: str | None = None) -> list[Verdict]:
        """Every claim in a message (each quoted stretch, or the whole message), checked."""
        claims = extract_claims(message, speaker)
        if not claims:
            raise BadQuery(TOO_SHORT)
        if len(claims) > MAX_CLAIMS:
            raise BadQuery(f"that message quotes {len(claims)} stretches: check at most {MAX_CLAIMS} at once")
        verdicts = [self.verify(c.text, c.speaker) for c in claims]
        if len(claims) == 1 and claims[0].label and self._label_quoted(verdicts[0], claims[0].label):
            # "Rain: You need…" where the source says so too: Rain is whom the words address, not who said them.
            return [self.verify(" ".join(message.split()), speaker)]
        whole = self._whole(message, claims, speaker)
        return [whole] if whole is not None and not _framing(whole) else verdicts

    def _label_quoted(self, verdict: Verdict, label: str) -> bool:
        """Whether the source writes the claim's leading "Name:" right before the words found."""
        if verdict.source is None or verdict.start is None or verdict.verdict is Kind.NOT_FOUND:
            return False
        doc = self.searcher.current().document_text(verdict.source.path) or ""
        before = doc[max(0, verdict.start - len(label) - LABEL_GAP):verdict.start]
        return re.search(re.escape(label) + r"\s*:\s*$", before, re.IGNORECASE) is not None

    def _whole(self, message: str, claims: list[Claim], speaker: str | None) -> Verdict | None:
        """The message as one claim where it quotes words inside a quotation (``I'd say 80% of the time it ends
        with "…"``): when the words around the quoted stretch are found with it, the whole is the claim."""
        if len(claims) == 1 and claims[0].text == message.strip():
            return None
        quoted = sum(len(words(c.text)) for c in claims)  # a sentence may quote two phrases ('"…" does not mean "…"')
        outside = len(words(message)) - quoted
        if outside < OUTSIDE_MIN or _credit_line(message, claims):
            return None
        try:
            v = self.verify(message, speaker or next((c.speaker for c in claims if c.speaker), None))
        except BadQuery:
            return None
        if v.verdict not in (Kind.EXACT, Kind.CLOSE, Kind.ALTERED):
            return None
        matched = v.scores["lexical"] * len(words(v.claim))
        return v if matched - quoted >= OUTSIDE_FOUND * outside else None

    def verify(self, claim: str, speaker: str | None = None) -> Verdict:
        text, note = self._checked(claim)
        short = len(words(text)) <= SHORT
        # A short claim matches many passages loosely: look further for the place that has its very words.
        idx, rows, sims, _ = self.searcher.candidates(text, self.settings.candidates * (SHORT if short else 1))
        candidates = idx.passages(rows)  # one read for all of them; each document's text read once below
        best = self._best(idx, candidates, text)
        similarity = float(sims[0]) if len(sims) else 0.0
        coverage = float(idx.coverage(idx.query_words(text), rows[:3]).max()) if len(rows) else 0.0
        stop = _stopwords(idx)
        if best is not None:
            _respan_start(best[0], best[3], self.lexicon)
        kind = classify(best[0] if best else None, self.settings, stop, self.lexicon)
        if kind is Kind.EXACT and retyped(text, _said(best[3], best[0])):
            kind = Kind.CLOSE
        cut = (_cut_short(text, best[3], best[0]) or _negation_left(best[3], best[0])) \
            if kind in (Kind.EXACT, Kind.CLOSE) else None
        if cut is not None:  # "…her sentence." where the source goes on "in a British prison."
            kind = Kind.ALTERED
            best[0].edits.append(cut)
        if short and kind is Kind.ALTERED:
            kind = Kind.NOT_FOUND  # two or three words with one changed are other words, not an altered quote
        voices = _voices(idx, best[1], best[0]) if best is not None and best[0].omitted else 1
        apart = self._apart(idx, text) if kind in (Kind.NOT_FOUND, Kind.ALTERED) else None
        if apart is not None:  # sentences found whole, but far apart or in another order: glued
            best, voices, elsewhere = apart
            note = "the claim joins words found apart in the source; the others: " + "; ".join(
                f"“{w}”" for w in elsewhere)
        if apart is not None:
            kind = Kind.CLOSE
        like = None
        if kind is Kind.NOT_FOUND and not short and candidates:
            like = likeness(idx, self.searcher.encoder, text, speaker, candidates)
            kind = Kind.PARAPHRASE if like is not None and self._same_idea(like) else Kind.NOT_FOUND
        if kind is Kind.CLOSE and not best[0].marked and voices > 1:
            kind = Kind.ALTERED  # pieces of two people's words glued into one quotation: nobody said that
        if kind in (Kind.EXACT, Kind.CLOSE) and not short and self._turns(idx, best[1], best[0]) > 1:
            kind, voices = Kind.ALTERED, 2  # one's question and another's answer, pasted as one person's words
        verdict = Verdict(text, kind, claimed_speaker=speaker, note=note,
                          scores={"lexical": best[0].score if best else 0.0, "similarity": similarity,
                                  "coverage": coverage, "content": best[0].content_share(stop) if best else 0.0,
                                  **(like.scores() if like else {})})
        if kind is Kind.PARAPHRASE:  # the sentence that says the same, not the whole passage around it
            candidates = [like.passage]
        # Words of several people, a claim so short it may stand anywhere, or an altered claim with a stretch of
        # words not found there ("Gah! I hate windows." glued onto another's line): nobody's surely.
        partly = kind is Kind.ALTERED and best is not None and _reworded(best[0].edits)
        verdict = self._credit(idx, verdict, best, candidates, voices > 1 or short or partly)
        if kind is Kind.PARAPHRASE:
            doc = idx.document_text(like.passage[0].doc_path) or ""
            verdict.start, verdict.end, verdict.quote = like.start, like.end, doc[like.start:like.end]
        return verdict

    def _turns(self, idx: LoadedIndex, p: Passage, found: Alignment) -> int:
        """How many people surely said the words of a span found whole: the passages it crosses, each holding
        some of the claim's words, whose speakers are named at ``accuse_min`` or above and cannot be one person
        (a passage of nobody, or an unsure one, is no second voice: only a clear change of turn is)."""
        owners = [ps[0] for ps in idx.passages_within(p.doc_path, found.start, found.end)
                  if _words_in(ps[0].start, ps[0].end, found) >= TURN_CHARS]
        sure = [o.speaker for o in owners if o.speaker and name_words(o.speaker)
                and (o.speaker_confidence or 0.0) >= self.settings.accuse_min]
        directory = idx.directory()
        people: list[str] = []
        for who in sure:
            if not any(could_be_same(directory, who, other) for other in people):
                people.append(who)
        one = len(people) == 1 and len(sure) == len(owners)  # every passage it crosses surely that one person's
        # Only a span found whole: pieces found apart, or joined by an ellipsis, are another question (_apart).
        if len(people) < 2 and not one and not found.omitted and NEW_TURN_RE.search(
                idx.document_text(p.doc_path) or "", found.start, found.end):
            return 2  # '"Well, try to think of something." ¶ "I have thought of something already, sir."'
        return len(people)

    def _same_idea(self, like: Likeness) -> bool:
        """A paraphrase only of a report (not words in the speaker's own voice) with the facts, the polarity and
        the person kept, and the sentence close enough in meaning (paraphrase.py); anything less is "not found",
        shown as the closest wording."""
        return like.same_speaker and like.reported and not like.novel and not like.reversed \
            and like.cosine >= self.settings.paraphrase_sentence_min

    def _credit(self, idx: LoadedIndex, verdict: Verdict, best: tuple | None, candidates: list,
                nobody: bool) -> Verdict:
        """Whose words the verdict's source is, and whether the claimed speaker is someone else (never where
        ``nobody`` can be: words of several people, or a claim so short it may stand anywhere)."""
        if verdict.verdict is Kind.NOT_FOUND:
            if candidates:  # the nearest words, shown as such: never credited, never compared with a speaker
                _attribute_passage(*candidates[0], verdict)
                verdict.speaker = verdict.label = verdict.role = verdict.speaker_confidence = None
                verdict.closest = True
            return verdict
        if verdict.verdict is Kind.PARAPHRASE or best is None:
            _attribute_passage(*candidates[0], verdict)
        else:
            _attribute_span(idx, *best, verdict)
        verdict.misattributed = _misattributed(idx, verdict.claimed_speaker, verdict, self.settings.accuse_min)
        if verdict.misattributed and nobody:
            verdict.misattributed = None
        return verdict

    def _best(self, idx: LoadedIndex, candidates: list, text: str) -> tuple[Alignment, Passage, SourceInfo, str] | None:
        """The best alignment of ``text`` around any of the candidate passages, with its passage and document."""
        docs: dict[str, str | None] = {}
        best: tuple[Alignment, Passage, SourceInfo, str] | None = None
        for p, src in candidates:
            if p.doc_path not in docs:
                docs[p.doc_path] = idx.document_text(p.doc_path)
            doc = docs[p.doc_path]
            found = self._align(p, doc, text) if doc is not None else None
            if found is not None and (best is None or _better((found, text, doc), (best[0], text, best[3]))):
                best = (found, p, src, doc)
        return best

    def _apart(self, idx: LoadedIndex, text: str) -> tuple[tuple, int, list[str]] | None:
        """A claim of several sentences each found whole (the same words: wording.py) in one document, in any
        order and at any distance: the first sentence's place, how many speakers (one more when they are far
        apart), the other sentences' source."""
        parts = pieces(text, split_sentences=True)
        if len(parts) < 2 or len(parts) > MAX_APART:
            return None
        found = []
        for part in parts:
            if len(words(part)) < self.settings.min_words:
                return None
            _, rows, _, _ = self.searcher.candidates(part, self.settings.candidates)
            got = self._best(idx, idx.passages(rows), part)
            if got is None or not wording_kept(got[0].edits, self.lexicon):  # respelt: still whole
                return None
            found.append(got)
        if len({f[1].doc_path for f in found}) > 1:
            return None
        spans = [(f[0].start, f[0].end) for f in found]
        first = found[0]
        merged = Alignment(first[0].start, first[0].end, sum(f[0].matched for f in found),
                           sum(f[0].claim_words for f in found), [e for f in found for e in f[0].edits],
                           marked=False, said=[w for f in found for w in f[0].said],
                           heard=[w for f in found for w in f[0].heard])
        who = {max(idx.passages_within(f[1].doc_path, a, b) or [(f[1], None)],
                   key=lambda ps, a=a, b=b: _overlap(ps[0].start, ps[0].end, a, b))[0].speaker
               for f, (a, b) in zip(found, spans, strict=True)}
        # Sentences from far apart (another chapter, another issue under its heading) were said at other times:
        # joined, they say what nobody said at once, as words of two people do.
        lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
        far = hi - lo > REACH or HEADING_RE.search(first[3], lo, hi) is not None
        return (merged, *first[1:]), len(who) + far, [first[3][a:b] for a, b in spans[1:]]

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
            whole = split
        # Sentences found apart are unmarked gaps: the narration between them may be a speech tag too.
        tags = speech_tags(doc, lo, hi) if whole is not None and (whole.edits or not whole.marked) else []
        # A quotation pasted without the narration that interrupts it ("Pride," observed Mary, "is…").
        untagged = align(claim, doc, lo, hi, skip=tags) if tags else None
        if untagged is not None and untagged.score >= whole.score and (len(untagged.edits), not untagged.marked) \
                < (len(whole.edits), not whole.marked):
            return untagged
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
    tagged = any(e.clue in QUOTATION_CLUES for e in owner.speaker_evidence)
    # Single marks are a quotation within a quotation, unless they are the passage's only marks: a novel that
    # quotes its dialogue in single marks ('…,' returned the uncle, '…') credits them by their tags.
    primary = DOUBLE if DOUBLE[0].search(doc, owner.start, owner.end) else SINGLE
    verdict.quoted = nested_quote(doc, found.start) or (
        quoted_within(doc, owner.start, found.start, found.end, SINGLE) and not (primary is SINGLE and tagged)) or (
        quoted_within(doc, owner.start, found.start, found.end) and not tagged)
    verdict.source, verdict.start, verdict.end = src, found.start, found.end
    verdict.quote = doc[found.start:found.end]
    verdict.edits, verdict.passage_id = found.edits, owner.id
    verdict.omitted = [doc[a:b].strip() for a, b in found.omitted]


def _attribute_passage(p: Passage, src: SourceInfo, verdict: Verdict) -> None:
    verdict.speaker, verdict.role, verdict.label = p.speaker, p.role, p.label
    verdict.speaker_confidence = p.speaker_confidence
    verdict.source, verdict.start, verdict.end, verdict.quote = src, p.start, p.end, p.text
    verdict.passage_id = p.id


# What follows a name in a credit line ("— Arthur M. Cummings, II", "— Ann Lee, Jr."): part of the name.
NAME_SUFFIXES = {"ii", "iii", "iv", "jr", "sr", "esq", "phd"}


def _credit_line(message: str, claims: list[Claim]) -> bool:
    """Whether the words outside the quoted stretches only name their speaker (the quotation credited, "“…” —
    Arthur M. Cummings, II"): the quotation is the claim, whatever the source writes near it."""
    rest = message
    for c in claims:
        rest = rest.replace(c.text, " ")
    own = {w for c in claims for w in name_words(c.speaker or "")}
    said = [w.casefold() for w in WORD_RE.findall(rest)]
    return bool(own) and all(w in own or w in NAME_SUFFIXES for w in said)


def _framing(whole: Verdict) -> bool:
    """Whether the message around a quotation differs from the source only by naming the claimed speaker where
    the source has other words ("Webb called affirmative action "…"" against Cooper's "you called…"): the
    message frames the quotation; the quotation alone is the claim."""
    own = set(name_words(whole.claimed_speaker or ""))
    return bool(own) and bool(whole.edits) and all(
        e.claim and set(name_words(e.claim)) <= own for e in whole.edits)


def _stopwords(idx: LoadedIndex) -> frozenset[str]:
    lang = idx.analyzer.language
    return frozenset(lang.markers or lang.stopwords)


# A heading between two pieces: they are in other parts of the document (a Markdown "#", a chapter's title line).
HEADING_RE = re.compile(r"^(?:#{1,6}\s|(?:CHAPTER|Chapter)\s+\w+\s*$)", re.M)
# A claim's own full stop (not an ellipsis), closing quotes after it allowed.
CLAIM_END_RE = re.compile(r"(?<!\.)[.!?][\"”’')]*$")
# Where the source's sentence goes on: a word after nothing but spaces on the same line (a line break may be a
# new turn of a chat or a transcript whose lines have no full stops).
GOES_ON_RE = re.compile(r"[ \t]+(?=[^\W_])")
SENTENCE_REST_RE = re.compile(r"[^.!?\n]{1,200}")


def _cut_short(claim: str, doc: str, found: Alignment) -> Edit | None:
    """The words a claim drops by ending a sentence where its source goes on ("…to serve her sentence." of "…to
    serve her sentence in a British prison."): a full stop of the claim's own says the sentence ends there, so
    the cut is an unmarked omission, not a fragment (a fragment pasted without a full stop stays exact)."""
    if not CLAIM_END_RE.search(claim.rstrip()) or not doc[found.end - 1:found.end].isalnum():
        return None
    if not GOES_ON_RE.match(doc, found.end):
        return None
    rest = SENTENCE_REST_RE.match(doc, found.end)
    return Edit("removed", "", rest.group().strip()) if rest else None


# The words just before a fragment that deny it ("not comfortable landing code …" pasted as "comfortable landing
# code …"): the fragment then says the opposite of its source.
NEGATED_BEFORE_RE = re.compile(r"(?:\b(?:not|never|no|nor|hardly|without)|n[’']t)\s+$", re.IGNORECASE)


def _negation_left(doc: str, found: Alignment) -> Edit | None:
    """A negation the claim leaves out just before the words it quotes, as an edit (its removal)."""
    m = NEGATED_BEFORE_RE.search(doc[max(0, found.start - 20):found.start])
    return Edit("removed", "", m.group().strip()) if m else None


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


def _respan_start(found: Alignment, doc: str, lexicon: frozenset[str]) -> None:
    """A first word the alignment splits from its other half: "Its" against "is" where the source says "It is",
    or "Any body" against a label's word and "Anybody" ("Speaker): Anybody"). Word edits cost one per word, so
    the cheaper pairing wins; one source word more or less at the span's start may be the same words."""
    if not found.edits or found.edits[0].op != "changed" or same_words(found.edits[0], lexicon):
        return
    first = found.edits[0]
    if not doc.startswith(first.source, found.start):
        return  # the first edit is not at the span's start
    before = list(WORD_RE.finditer(doc, max(0, found.start - START_REACH), found.start))
    inner = list(WORD_RE.finditer(first.source))
    starts = ([before[-1].start()] if before else []) + \
        ([found.start + inner[1].start()] if len(inner) > 1 else [])
    for start in starts:
        edit = Edit("changed", first.claim, doc[start:found.start + len(first.source)])
        if same_words(edit, lexicon):
            found.start, found.edits[0] = start, edit
            return


START_REACH = 40  # characters before a span where the other half of its first word may be
REWORDED = 3  # claim words in one edit that are a stretch of other words, not a swapped word or two


def _reworded(edits: list[Edit]) -> bool:
    """Whether an edit puts a stretch of the claim's own words where the source has others (or none)."""
    return any(len(WORD_RE.findall(e.claim)) >= REWORDED for e in edits)


def _overlap(a: int, b: int, c: int, d: int) -> int:
    return max(0, min(b, d) - max(a, c))


def _words_in(start: int, end: int, found: Alignment) -> int:
    """How much of the claim's own words (the span less what it left out) lies in [start, end)."""
    return _overlap(start, end, found.start, found.end) - sum(_overlap(start, end, a, b) for a, b in found.omitted)


def _better(a: tuple[Alignment, str, str], b: tuple[Alignment, str, str]) -> bool:
    """Whether alignment ``a`` (with its claim and document) beats ``b``: more words matched, omissions marked,
    fewer edits, and then a sentence that ends where the claim's does ("Ben: reviewed PRs." is Ben's line, not
    Colin's "reviewed PRs and triaged issues")."""
    return _rank(*a) > _rank(*b)


def _rank(found: Alignment, claim: str, doc: str) -> tuple:
    return found.score, found.marked, -len(found.edits), _cut_short(claim, doc, found) is None


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
    if not name_words(verdict.speaker):
        return None  # a bare title ("Lady.", a play's label) names nobody in particular: it may be anyone
    directory = idx.directory()
    if could_be_same(directory, claimed, verdict.speaker):
        # Words credited to several people (a PEP's three authors, whose appendix one of them wrote, or another)
        # are not known to be the claimed one's: can't tell.
        return None if several(verdict.speaker) else False
    # A name the corpus does not know may be the speaker's other name (a login, a nickname): no accusation.
    if not known(directory, claimed):
        return None
    if _first_name_shared(claimed, verdict.speaker):
        return None  # "Irene Adler" and "Irene Norton": one woman under her married name, maybe
    if verdict.speaker_confidence is None or verdict.speaker_confidence < sure:
        return None
    if verdict.source is not None and _author_only(idx, claimed, verdict.source.path):
        return None  # the document's author (its byline) wrote every line of it, the characters' too
    return True


def _first_name_shared(a: str, b: str) -> bool:
    """Two full names with one first name and another surname, which a marriage (or a title) may explain."""
    x, y = name_words(a), name_words(b)
    return len(x) >= 2 and len(y) >= 2 and x[0] == y[0]


WHOLE_DOCUMENT = 2**62  # an end past any document's last character
AUTHOR_ROWS = 20  # passages of the claimed person in the document read to see how the document credits them


def _author_only(idx: LoadedIndex, claimed: str, path: str) -> bool:
    """Whether the document credits the claimed person by its byline only (Oscar Wilde for a play's lines)."""
    directory = idx.directory()
    # Read through the storage interface both backends share (only when about to accuse: rare).
    theirs = [p for p, _ in idx.passages_within(path, 0, WHOLE_DOCUMENT)
              if p.speaker and could_be_same(directory, claimed, p.speaker)][:AUTHOR_ROWS]
    return bool(theirs) and all(any(e.clue is Clue.BYLINE for e in p.speaker_evidence) for p in theirs)


__all__ = ["Claim", "Verifier"]
