"""The claims in a message: each quoted stretch (``didn't she say "…" at the meeting?``), or the whole message
when nothing is quoted, with the speaker the message names for it, if any."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .align import WORD_RE

# Opening and closing marks; straight double quotes pair with themselves, TeX's ``…'' and ‘…’ too. Straight single
# quotes count only where no letter touches them outside ('…' ok grandpa): inside a word they are apostrophes.
QUOTED_RE = re.compile(r"“([^”]+)”|\"([^\"]+)\"|«\s*([^»]+?)\s*»|„([^“”]+)[“”]|``(.+?)''|‘(.+?)’(?!\w)"
                       r"|(?<![\w'])'(?=\w)(.+?)(?<=[\w.!?,])'(?![\w'])")
MENTION_RE = re.compile(r"<@[!&]?\d+>|<#\d+>")
_NAME = r"(?P<name>@[\w.]+|[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|van|von|der|al|da|le)){0,3})"
_VERB = r"(?:said|says|say|wrote|writes|claimed|claims|tweeted|posted|told\s+\w+|declared|insisted|argued)"
_ADVERB = r"(?:(?:once|also|really|actually|just|apparently)\s+)?"
BEFORE_RE = re.compile(rf"{_NAME}\s+{_ADVERB}{_VERB}\s*(?:that\s*)?[:,]?\s*$")
AFTER_RE = re.compile(rf"^\s*[,.]?\s*(?:{_VERB}\s+|[—–-]\s*){_NAME}")
MIN_QUOTED_WORDS = 3  # shorter quoted bits are scare quotes or titles, not claims ("state-sponsored racism": 3)
# An unquoted claim with its speaker, as people paste it: "Readability counts. — Tim Peters", "…, said Ann Lee",
# "Ann Lee: …" or "Ann Lee said: …" (the colon is needed: "Ford said her job was…" is reported speech, a claim).
CREDITED_RE = [re.compile(rf"^(?P<text>.+?)[\s,]*(?:[—–]|--)\s*{_NAME}\s*\.?$", re.S),
               re.compile(rf"^(?P<text>.+?)[,.]?\s+(?:said|says|wrote|writes)\s+{_NAME}\s*\.?$", re.S),
               re.compile(rf"^{_NAME}\s*(?:{_VERB}\s*)?:\s*(?P<text>.+)$", re.S),
               # A chat handle as people paste a log line: "jrandom: since we all…" (one word, digits allowed).
               re.compile(r"^(?P<name>[a-z][a-z0-9_\-]{2,24})\s*:\s+(?P<text>.+)$", re.S)]
LABELLED = CREDITED_RE[2:]  # the patterns that read a "Name:" at the start


@dataclass(frozen=True)
class Claim:
    text: str
    speaker: str | None = None  # whom the message credits with the words
    # The "Name:" a message begins with, read as its speaker ("Rain: You need…"); the source may write it too,
    # as the person the words address: then it is part of the claim (verifier.py).
    label: str | None = None


def extract_claims(message: str, speaker: str | None = None) -> list[Claim]:
    """Each quoted stretch of at least a few words as a claim; the whole message when there is none.
    ``speaker`` (given by the asker) overrides what the message says."""
    message = MENTION_RE.sub(" ", message).strip()
    found = []
    for m in QUOTED_RE.finditer(message):
        text = next(g for g in m.groups() if g is not None).strip()
        if len(WORD_RE.findall(text)) >= MIN_QUOTED_WORDS:
            found.append(Claim(text, speaker or named(message[:m.start()], message[m.end():])))
    if found:
        return found
    return [credited(message, speaker)] if message else []


def credited(message: str, speaker: str | None = None) -> Claim:
    """An unquoted message as a claim: its words, less the speaker it names at either end (kept as the speaker
    unless the asker gave one)."""
    for pattern in CREDITED_RE:
        m = pattern.match(message)
        if m and len(m.group("text").split()) >= 2:
            name = m.group("name").strip()
            # The sentence's full stop, not an initial's ("Li Wei." but "John Q.").
            name = name[:-1] if name.endswith(".") and len(name.split()[-1]) > 2 else name
            return Claim(m.group("text").strip(), speaker or name, name if pattern in LABELLED else None)
    return Claim(message, speaker)


# Reported speech: "Sanders argued that …", "What she remembers most, Ford said, is …".
_REPORTING = r"(?:said|says|argued|argues|claimed|claims|noted|notes|asked|asks|thinks|believes|explained|added|" \
    r"stated|told\s+\w+|wrote|writes|insisted)"
REPORTED_RE = [re.compile(rf"^{_NAME}\s+{_ADVERB}{_REPORTING}\b"), re.compile(rf",\s*{_NAME}\s+{_REPORTING}\s*,")]


# A report of what someone said, as a journalist writes it: its subject (no "I", "we" or "you") and a verb of
# saying, thinking or asking among its first words ("The Refugee Council chief said…", "Lady Macbeth worries
# that…", "In her letter, Irene Adler wrote…"), or a tag inside it ("…, Ford said, is…").
_SAYING = r"(?:said|says|told|tells|argued|argues|explained|explains|warned|warns|noted|notes|admitted|admits|" \
    r"complained|complains|insisted|insists|suggested|suggests|announced|announces|wrote|writes|thinks|thought|" \
    r"worried|worries|asked|asks|added|adds|agreed|agrees|decided|decides|thanked|thanks|advised|advises|" \
    r"believed|believes|claimed|claims|stated|states|urged|urges|promised|promises|conceded|concedes|" \
    r"acknowledged|acknowledges|recalled|recalls|replied|replies|answered|remarked|observed|stressed|" \
    r"maintained|maintains|contended|reported|predicted|confirmed|denied|denies|called|calls|gave\s+notice)"
SAYING_RE = re.compile(rf"\b{_SAYING}\b")
FIRST_PERSON_RE = re.compile(r"\b(?:i|me|my|we|us|our|you|your)\b", re.IGNORECASE)
REPORT_WORDS = 8  # words before the verb: a subject and what frames it, not a sentence of the speaker's own
TAGGED_RE = re.compile(rf",\s*{_NAME}\s+{_SAYING}\s*,")


def reported(claim: str) -> bool:
    """Whether a claim reports someone's words in the third person ("Granholm said the administration…")
    rather than putting words in their mouth ("I will ban fracking", "Binary is a waste of time"): only a report
    may be a paraphrase (verifier.py); words in a person's own voice are a claim of their wording."""
    m = SAYING_RE.search(claim)
    before = claim[:m.start()] if m else ""
    if m and before.strip() and len(before.split()) <= REPORT_WORDS and not FIRST_PERSON_RE.search(before) \
            and not QUOTED_RE.search(before):
        return True
    return TAGGED_RE.search(claim) is not None


def reporter(claim: str) -> str | None:
    """The person a claim in reported speech names as the one who said it, if any."""
    for pattern in REPORTED_RE:
        m = pattern.search(claim)
        if m:
            return m.group("name").strip()
    return None


def named(before: str, after: str) -> str | None:
    """The speaker a message names around a quote: ``Corbyn said "…"``, ``"…," said Corbyn``, ``"…" — Corbyn``."""
    m = BEFORE_RE.search(before[-80:]) or AFTER_RE.match(after[:80])
    if m is None:
        return None
    name = re.sub(r"^(?:(?:Did|Does|Do|Has|Had|Was|Is|So|And|But|Yes|No|Well|Then|When|Where)\s+)+", "",
                  m.group("name").strip())
    return name or None
