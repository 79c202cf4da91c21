"""Words a speaker quotes inside their own turn as someone else's are not the speaker's.

``GRASSLEY: This is what Senator Biden said, quote, “…,” end of quote.``, ``COOPER: Senator Webb, you called
affirmative action "state-sponsored racism."``, ``Mr. Bryant: As Sheridan put it, "…"``: the quotation is its own
unit, credited to the person the turn names for it (one of the document's speakers where the name is theirs), else
to nobody, and never to the quoter. A quotation is cited only when the turn says it is another's: a speech tag
with another subject (the prose sieve's tag grammar, ``attribution/tags.py``), "you said" (the one addressed, where
the turn names them or the turn before is theirs), "as X put it", "in the words of X", "quote … end quote", a
writing read out ("the letter reads:"), a ``[Reading.]`` direction. Scare quotes and titles ("the so-called
“reform”") have no such words and stay the speaker's; so do the speaker's own words quoted back ("I said, “…”"),
and what "it says" (a document the speaker may have written).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ...records import Clue, Role
from .. import speech
from ..attribution.evidence import Decision
from ..attribution.names import NAME, NAME_RE, split_title
from ..attribution.quotations import Quotation, find_quotations, single_quoted
from ..attribution.tags import ADVERB, NEAR_V, Ref, Tag, tag_after, tag_before
from ..units import Unit

MIN_WORDS = 2  # one quoted word ("never") is a scare quote as often as a citation
# A turn names the quoted person as a tag does, but less surely than a label names a turn: the grammar was
# measured on fiction and news, where a tag's name is nearly always the speaker.
NAMED_WEIGHT = 0.9
ANNOUNCED_RE = re.compile(r",?\s*(?:and\s+)?(?:I\s+)?(?:quote|I\s+quote|quoting)(?:\s+again)?\s*[,:]?\s*$", re.I)
UNQUOTE_RE = re.compile(r"^[\s,.;]*(?:end\s+(?:of\s+)?(?:[\w'’.\- ]{1,40}\s)?quote|unquote|close\s+quote)\b", re.I)
# "you said", "you called affirmative action": the one the turn addresses.
_SECOND_VERB = rf"(?:{NEAR_V}|called|told|described|put\s+it|wrote|write|tweeted|argued|declared)"
SECOND_PERSON_RE = re.compile(rf"(?<![\w'’])[Yy]ou\s+{ADVERB}(?:have\s+|had\s+|once\s+)?{_SECOND_VERB}\b"
                              r"[^\"“”«».!?]{0,80}$")
# "as Sheridan put it,", "as Ann Lee put it last year,", "in the words of Abraham Lincoln,", "to quote Churchill,".
AS_PUT_RE = re.compile(rf"(?:\b[Aa]s\s+(?P<a>{NAME})\s+(?:once\s+)?(?:put\s+it|said|says|wrote|writes)|"
                       rf"\b[Ii]n\s+the\s+words\s+of\s+(?P<b>{NAME})|\b[Tt]o\s+quote\s+(?P<c>{NAME}))(?:\s+[a-z][\w'’\-]*){{0,4}}\s*[,:]?\s*$")
# "The letter reads:", "the statement says": a writing read out, its author not named here.
WRITTEN_RE = re.compile(r"\b(?i:the|this|that|his|her|their|a|your|my|our)\s+(?:[\w'’\-]+\s+){0,2}?"
                        r"(?:letter|statement|note|e-?mail|message|tweet|post|report|memo|document|lease|article|"
                        r"op-?ed|headline|sign|bill|clause|text|passage|verse|motto|inscription|resolution)\s+"
                        r"(?:\w+ly\s+)?(?:reads|read|says|said|states|stated|goes|went|declares|declared)"
                        r"(?:\s+(?:as\s+follows|like\s+this|in\s+part))?\s*[,:—–-]?\s*$")
# "[Reading.] ‘From little Cecily…’", "(reads) “…”": a direction says the speaker reads out what follows.
READING_CUE_RE = re.compile(r"[\[(]\s*(?:[A-Z]\w+\s+)?(?:[Rr]eads?|[Rr]eading)\b[^\])\n]{0,40}[\])]\s*$")
SENTENCE_END_RE = re.compile(r"[.!?][’”\"]?\s+(?=[A-Z‘“\"])")
# "Senator Webb, …" opening a sentence or a line of the turn: the one it speaks to.
VOCATIVE_RE = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=\n))[ \t]*(?P<name>{NAME})\s*,")


@dataclass(frozen=True)
class Citation:
    """A quotation a turn attributes to another: where it stands in the document and who, if anyone, it names."""

    start: int
    end: int
    speaker: str | None
    detail: str


def cite_quoted(text: str, units: Sequence[Unit]) -> list[Unit]:
    """The units, each quotation a turn cites as another's set apart as a unit of its own."""
    speakers = {u.speaker for u in units if u.speaker and u.role is Role.TURN}
    single = single_quoted(text)
    out: list[Unit] = []
    last: str | None = None  # the speaker of the turn being read (a turn may come in several pieces)
    before: str | None = None  # the speaker of the turn just before it
    for u in units:
        if u.role is not Role.TURN or not u.speaker:
            out.append(u)
            continue
        if u.speaker != last:
            before, last = last, u.speaker
        out += _split(text, u, citations(text, u, speakers, before, single))
    return out


def _split(text: str, u: Unit, cites: list[Citation]) -> list[Unit]:
    """The turn's own words around its citations, each citation a quotation unit of its own."""
    out: list[Unit] = []
    at = u.start
    for c in cites:
        out.append(replace(u, start=at, end=c.start))
        if c.speaker is None:
            out.append(Unit(c.start, c.end, None, Role.QUOTE))
        else:
            d = Decision.of(c.speaker, Clue.SPEECH_TAG, c.detail, NAMED_WEIGHT)
            out.append(Unit(c.start, c.end, d.speaker, Role.QUOTE, confidence=d.confidence, evidence=d.evidence))
        at = c.end
    out.append(replace(u, start=at))
    return [t for x in out if (t := _trim(text, x)) is not None]


def _trim(text: str, u: Unit) -> Unit | None:
    """The unit without the blanks at its ends (a passage starts and ends on words); None when nothing is left."""
    words = text[u.start:u.end]
    if not words.strip():
        return None
    lead = len(words) - len(words.lstrip())
    return replace(u, start=u.start + lead, end=u.start + len(words.rstrip()))


def citations(text: str, u: Unit, speakers: set[str], before: str | None, single: bool) -> list[Citation]:
    """The quotations in the turn ``u`` that it attributes to someone other than its speaker."""
    words = text[u.start:u.end]
    out = []
    # Curly single marks quote in a turn whatever the document's dialogue marks (a play's ‘From little Cecily…’);
    # straight ones only where the document quotes with them, else they are as often apostrophes ('90s).
    for q in find_quotations(words, single=True):
        if (words[q.start] == "'" and not single) or not q.closed or len(q.inner(words).split()) < MIN_WORDS:
            continue
        cue = not words[:q.start].strip() and READING_CUE_RE.search(text[max(0, u.start - 60):u.start])
        found = (None, "read out after a direction") if cue else _cited(words, q, u.speaker or "", speakers, before)
        if found is not None:
            who, detail = found
            out.append(Citation(u.start + q.start, u.start + q.end, who, detail))
    return out


def _lead(words: str, q: Quotation) -> str:
    """The words of the quotation's sentence before its opening mark."""
    head = words[:q.start]
    ends = list(SENTENCE_END_RE.finditer(head))
    return head[ends[-1].end():] if ends else head


def _cited(words: str, q: Quotation, own: str, speakers: set[str], before: str | None
           ) -> tuple[str | None, str] | None:
    """(who, why) when the turn attributes quotation ``q`` to another; None when it does not (or to its speaker)."""
    lead = _lead(words, q)
    trail = words[q.end:q.end + 120]
    announced = ANNOUNCED_RE.search(lead) is not None or UNQUOTE_RE.match(trail) is not None
    lead = ANNOUNCED_RE.sub("", lead)
    if SECOND_PERSON_RE.search(lead):
        who = _addressed(words[:q.start], own, speakers, before)
        return who, f"the turn quotes the one it addresses ({lead.strip()[-60:]!r})"
    if WRITTEN_RE.search(lead):
        return None, f"a writing read out ({lead.strip()[-60:]!r})"
    if m := AS_PUT_RE.search(lead):
        return _named(m.group("a") or m.group("b") or m.group("c"), own, speakers, lead, words[:q.start])
    tag = tag_before(lead) if lead.strip() else None
    if tag is None or tag.verb is None:
        tag = tag_after(trail)
    if tag is not None and tag.verb is not None:
        return _tagged(tag, own, speakers, lead if not tag.after else trail, words[:q.start], before)
    return (None, "announced as a quotation") if announced else None


def _tagged(tag: Tag, own: str, speakers: set[str], words: str, turn: str, before: str | None
            ) -> tuple[str | None, str] | None:
    if tag.ref is Ref.PRONOUN:
        if tag.first_person:
            return None  # "I said, “…”": the speaker's own words, quoted back
        return None, f"a tag names another by pronoun ({tag.words!r})"
    if tag.ref is not Ref.NAME:
        return None, f"a tag names another ({tag.words!r})"
    parts = tag.words.split()
    while parts and parts[0].lower() in speech.NOT_NAMES and parts[0].lower() not in _FIRST_PERSON | {"you"}:
        parts = parts[1:]  # "And I say,": a conjunction the grammar read as a name's first word
    if len(parts) == 1 and parts[0].lower() in _FIRST_PERSON:
        return None
    if re.search(rf"\b[Ii]t\s+(?:\w+\s+)?{re.escape(tag.verb or '')}\b", words):
        return None  # "where it says this —": a thing's words, which may be the speaker's own writing
    if len(parts) == 1 and parts[0].lower() == "you":
        return _addressed(turn, own, speakers, before), "the turn quotes the one it addresses"
    return _named(" ".join(parts), own, speakers, words, turn)


def _named(name: str, own: str, speakers: set[str], words: str, turn: str) -> tuple[str | None, str] | None:
    """The person a turn names for a quotation: one of the document's speakers when the name is theirs, else the
    name as written when it is a person's (a title or a first name with the surname); None when it is the quoter."""
    if name.lower() == own.lower():
        return None
    why = f"the turn quotes {name} ({words.strip()[-60:]!r})"
    if (who := _speaker_named(name, speakers)) is not None:
        return (None if who == own else who), why
    title, parts = split_title(name)
    if title is None and len(parts) == 1 and _same_surname(parts, own):
        return None  # "…," Smith said in Smith's own turn: a speaker quoting themselves by name
    if len(parts) == 1 and title is None:
        name = _fuller(parts[0], turn) or ""  # "As Sheridan put it": Richard Brinsley Sheridan, named before
        title, parts = split_title(name)
    if not _person(title, parts) or _same_surname(parts, own):
        return None, f"a tag names another ({name!r})"  # "President Clinton" in Hillary Clinton's turn: not hers
    return name, why


_FIRST_PERSON = frozenset({"i", "we"})


def _person(title: str | None, parts: list[str]) -> bool:
    """Whether a tag's name is a person's: capitalised words, none a common word or a people's name ("the Arabs"),
    with a title or a first name (a bare "Clause" or "Republican" is none)."""
    if not parts or not (title or len(parts) >= 2):
        return False
    return all(p[:1].isupper() and p.lower() not in speech.NOT_NAMES and p.lower().rstrip("s") not in speech.DEMONYMS
               for p in parts)


def _fuller(surname: str, turn: str) -> str | None:
    """The last full name in the turn that ends with ``surname`` ("As Sheridan" is no full name)."""
    found = []
    for m in NAME_RE.finditer(turn):
        parts = m.group().split()
        while parts and parts[0].lower() in speech.NOT_NAMES:
            parts = parts[1:]
        if len(parts) > 1 and parts[-1] == surname:
            found.append(" ".join(parts))
    return found[-1] if found else None


def _speaker_named(name: str, speakers: set[str]) -> str | None:
    """The document's speaker a third party's name is: the same full name, or a speaker labelled by surname alone.
    A title and surname ("President Clinton") may be another of that surname: it names no speaker."""
    parts = split_title(name)[1]
    found = [s for s in speakers if s.lower() == " ".join(parts).lower()
             or (len(s.split()) == 1 and parts and s.lower() == parts[-1].lower())]
    return found[0] if len(found) == 1 else None


def _same_surname(parts: list[str], own: str) -> bool:
    return bool(parts) and bool(own.split()) and parts[-1].lower() == own.split()[-1].lower()


def _resolve(name: str, speakers: set[str]) -> str | None:
    """The one speaker an address's surname is ("Senator Webb, you…": the one addressed is in the room)."""
    surname = (split_title(name)[1] or [""])[-1].lower()
    found = [s for s in speakers if s.split() and s.split()[-1].lower().strip(".") == surname]
    return found[0] if len(found) == 1 else None


def _addressed(words: str, own: str, speakers: set[str], before: str | None) -> str | None:
    """Whom a turn's "you" stands for: the person it last addressed before the quotation ("Senator Webb, …"),
    resolved against the document's speakers; without an address, the speaker of the turn just before; else
    nobody. ``words``: the turn up to the quotation."""
    if found := list(VOCATIVE_RE.finditer(words)):
        who = _resolve(found[-1].group("name"), speakers)
        return who if who != own else None
    return before if before and before != own else None
