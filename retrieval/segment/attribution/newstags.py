"""Speech tags as news writes them (issue 21 §5): shapes a reporter uses that fiction's tags (tags.py) do not read.

- The named subject of a reporting verb, behind a title, an office or a possessive, with what they said running on
  to a partial quotation: ``New Zealand's Prime Minister John Key said he believes … a "strong rationale"``,
  ``CEO of the Refugee Council Enver Solomon told Sky News any process "must be well thought out":``,
  ``Nunzio Galantino, has called the sentence "dangerous"``.
- A participle after the subject: ``…, with Boswell stating:``.
- ``in the words of the Crown prosecutor, Mark Tedeschi, QC,``.
- A pull quote's attribution after a dash: ``"So far, it's the Internet: 1, Scientology: 0." - Matthew Ingram``.

Every shape names its speaker by name, never by pronoun: a reporter's "he said" is left to the pronoun stage.
"""

from __future__ import annotations

import re

from .. import speech
from .cast import Cast, Character
from .names import BODIES, CAP, NAME, NAME_RE, NEVER, POSSESSIVE, TITLES
from .tags import ADVERB, Ref, Tag

REST_WORDS = 14  # words between a reporting verb and its partial quotation (as tags.py allows a reporting verb)
# Verbs that report words in news beyond the speech verbs: "called the sentence", "described … as", "concluded".
_REPORTING = (*speech.VERBS, "called", "calls", "described", "describes", "dubbed", "characterized",
              "characterised", "concluded", "concludes", "reasoned", "reads")
_VERB = "|".join(sorted(_REPORTING, key=len, reverse=True))
_QUOTE_MARKS = "\"“”«»„"
# "Nunzio Galantino, has called": news written in translation may set the verb off its subject by a comma.
_SUBJECT_VERB = re.compile(
    rf"(?<![\w'’\-])(?P<name>{NAME})(?:,[^{_QUOTE_MARKS}]{{1,160}}?,|,)?\s+{ADVERB}(?:has\s+|had\s+|have\s+)?"
    rf"(?P<verb>{_VERB})\b(?P<rest>[^{_QUOTE_MARKS}.!?]*)$")
# "Obama said he was proud of the reforms, which drew cheers, and said of the crisis: "…"": the second of two
# reporting verbs a named subject shares is the one the quotation hangs on.
_AND_VERB = re.compile(
    rf"(?<![\w'’\-])(?P<name>{NAME})\s+{ADVERB}(?:also\s+)?(?:{_VERB})\b[^{_QUOTE_MARKS}.!?]*?,?\s+and\s+"
    rf"(?:also\s+)?(?P<verb>{_VERB})\b(?P<rest>[^{_QUOTE_MARKS}.!?]*)$")
_PARTICIPLE = re.compile(
    rf"(?:^|,\s+)(?:with\s+)?(?P<name>{NAME})\s+{ADVERB}(?P<verb>stating|saying|adding|noting|writing|telling\s+\w+)"
    r"\s*[,:]\s*$")
_WORDS_OF = re.compile(rf"\bin\s+the\s+words\s+of\s+(?:[^{_QUOTE_MARKS},]{{1,60}},\s+)?"
                       rf"(?P<name>{NAME})(?:,\s+[A-Z]{{2,3}})?\s*,\s*$")
# What a person or body writes carries their words: "The Home Office letter reads", "PC World's recent analysis
# of its own web traffic statistics concluded,".
_WRITTEN = re.compile(
    rf"^\s*(?:The\s+)?(?P<name>{NAME})(?:['’]s)?\s+(?:[a-z]+\s+){{0,2}}"
    r"(?P<what>statement|letter|report|analysis|study|website|blog|post|release|announcement|memo)\b"
    rf"[^{_QUOTE_MARKS}.!?]{{0,80}}?\s+(?:also\s+)?(?P<verb>{_VERB})\s*[,:]?\s*$")
# "U.S. Senator John Cornyn, Republican from Texas, issued a statement regarding …": the quotation after it.
STATEMENT = re.compile(
    rf"^\s*(?:[^{_QUOTE_MARKS}.!?]{{0,40}}?\s)?(?P<name>{NAME})(?:,[^{_QUOTE_MARKS}]{{1,120}}?,)?\s+(?:has\s+|had\s+)?"
    r"(?:issued|released|published|posted|put\s+out|made)\s+(?:a|an|the|this|his|her|its|their)\s+"
    r"(?:[a-z]+\s+)?(?:statement|letter|message)\b")
# "“…,” complains bar- owner William Walker, who …": a reporter inverts a tag with any verb in the present or past,
# the speaker's role in lower case before the name (tags.py reads the speech verbs it knows).
_INVERTED = re.compile(rf"^\s*(?P<verb>[a-z]+(?:s|ed))\s+(?:[a-z][\w-]*-?\s+){{0,3}}(?P<name>{NAME})\s*(?:[,.;]|$)")
_DASH_AFTER = re.compile(rf"^\s*[-—–]+\s*(?P<name>{NAME})\s*$")
# Capitalised words that open a sentence before a name-like run, never a speaker ("A leaked letter", "In a …").
_NOT_NAMES = frozenset(("a", "an", "the", "in", "on", "at", "by", "for", "with", "as", "after", "before", "he",
                        "she", "it", "they", "we", "i", "this", "that", "its"))
# A preposition before the name makes it an object ("a letter seen by Sky News says": the letter says).
_OBJECT = re.compile(r"\b(?:of|for|at|from|in|with|to|by|on|about|seen|like)\s*$")


def news_tag_before(lead: str) -> Tag | None:
    """A news tag in ``lead``, the words of the sentence before a quotation's opening mark."""
    tag = _before(lead)
    return None if tag is None or tag.words.split()[0].lower() in _NOT_NAMES else tag


def statement_by(sentence: str) -> str | None:
    """Who a sentence says issued a statement (whose words the quotation after it are), if it says so."""
    m = STATEMENT.match(sentence)
    return m.group("name") if m and m.group("name").split()[0].lower() not in _NOT_NAMES else None


def _before(lead: str) -> Tag | None:
    if m := _WORDS_OF.search(lead):
        return Tag(Ref.NAME, m.group("name"), "in the words of", False)
    if m := _WRITTEN.match(lead):
        return Tag(Ref.NAME, m.group("name"), f"{m.group('what')} {m.group('verb')}", False, near=False)
    if m := _PARTICIPLE.search(lead):
        return Tag(Ref.NAME, m.group("name"), m.group("verb"), False)
    m = _SUBJECT_VERB.search(lead)
    if m is not None and len(m.group("rest").split()) > REST_WORDS and (two := _and_verb(lead)):
        return two
    if m is None or len(m.group("rest").split()) > REST_WORDS or _OBJECT.search(lead[:m.start()]):
        return None
    if (inner := _before(m.group("rest"))) is not None and inner.words.split()[0].lower() not in _NOT_NAMES:
        return inner  # "Jones said Brown called him "a liar"": the words are the nearer subject's
    return Tag(Ref.NAME, m.group("name"), m.group("verb"), False, near=not m.group("rest").strip())


def _and_verb(lead: str) -> Tag | None:
    """The named subject of two reporting verbs joined by "and", the second near the quotation; each name-like
    run is tried in turn ("When asked about his legacy, Obama said …": "When" is no subject)."""
    for run in NAME_RE.finditer(lead):
        if run.group().split()[0].lower() in _NOT_NAMES or run.group().split()[0].lower() in NEVER:
            continue
        m = _AND_VERB.match(lead, run.start())
        if m and len(m.group("rest").split()) <= REST_WORDS and not _OBJECT.search(lead[:m.start()]):
            return Tag(Ref.NAME, m.group("name"), m.group("verb"), False, near=not m.group("rest").strip())
    return None


def news_tag_after(trail: str, handed_on: bool = False) -> Tag | None:
    """A pull quote's attribution: the name alone after a dash, ending the paragraph; or, where the quotation
    hands its sentence on (``handed_on``: it ends "…,”", "…?”" or "…!”"), an inverted tag with a verb of any kind
    before a role and a name ("“…,” complains bar-owner William Walker, who …"; never "the “reform” proposed by
    Senator Hale", a term in a sentence)."""
    if m := _DASH_AFTER.match(trail):
        return Tag(Ref.NAME, m.group("name"), None, True)
    m = _INVERTED.match(trail) if handed_on else None
    if m and m.group("verb") not in NEVER and m.group("name").split()[0].lower() not in _NOT_NAMES:
        return Tag(Ref.NAME, m.group("name"), m.group("verb"), True)
    return None


def person_named(words: str, cast: Cast) -> Character | None:
    """The one known person or body a tag's words name, behind a possessive, a title or an office: the
    longest run of its last words that the cast knows ("New Zealand's Prime Minister John Key" is John Key,
    "The U.S. Department of Agriculture" the U.S. Department of Agriculture)."""
    parts = POSSESSIVE.sub("", words.strip()).split()
    owner = max((k + 1 for k, w in enumerate(parts) if POSSESSIVE.search(w)), default=0)
    parts = parts[owner:]  # "New Zealand's": whose office, not the name
    for k in range(len(parts)):
        if (c := cast.resolve(" ".join(parts[k:]))) and c.name not in BODIES:
            return c  # (a body's noun alone, "Office" for "the Home Office", names no one)
    return None


# Words of an outlet's, a body's or a product's name, never a person's: "CBC News", "Associated Press".
_ORGANISATION_WORDS = frozenset(("News", "Press", "Times", "Post", "Herald", "Agency", "Service", "Services",
                                 "Company", "Corporation", "Group", "Authority", "Television", "Radio", "Network",
                                 "Magazine", "Journal", "Gazette"))


def may_be_a_person(c: Character, quoted: set[str]) -> bool:
    """Whether a news pronoun ("she said") may stand for ``c``: someone already quoted, or a name with a
    gender, or a full name of plain words (no acronym, figure or outlet's word: "NASA Wallops", "Raspberry Pi
    CM4" and "CBC News" are no one a reporter calls "he" or "she"; a lone capitalised word, "English", neither)."""
    if c.name in quoted or c.gender:
        return True
    words = c.name.split()
    return len(words) > 1 and not any(w in BODIES or w in _ORGANISATION_WORDS or any(ch.isdigit() for ch in w)
                                      or (w.isupper() and len(w.rstrip(".")) > 1) for w in words)



BODY_WORDS = 4  # capitalised words before a body's head noun ("Hillsborough Independent Panel")


def body_called(noun: str, before: str) -> str | None:
    """The one body named before whose name ends in ``noun`` capitalised, for a reporter's "the panel said"
    ("the Hillsborough Independent Panel … the panel said"), "the police had claimed" ("South Yorkshire Police");
    None where two bodies share the noun or none does, or the noun is a person's (a title, "man")."""
    if not noun.isalpha() or noun.lower() in TITLES or noun.lower() in _PERSON_NOUNS:
        return None
    head = noun.capitalize()
    found = {m.group("name") for m in re.finditer(
        rf"(?<![\w'’\-])(?:The\s+)?(?P<name>(?:[{CAP}][\w'’\-]*\s+){{1,{BODY_WORDS}}}{head})\b", before)}
    found = {f for f in found if not any(w.lower() in NEVER for w in f.split()[:-1])}
    return found.pop() if len(found) == 1 else None


_PERSON_NOUNS = frozenset(("man", "woman", "boy", "girl", "person", "people", "official", "spokesman",
                           "spokeswoman", "spokesperson", "source", "author", "actor", "actress", "writer"))
