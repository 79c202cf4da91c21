"""Who a label names. Labels are written as the document writes them (``MS. JEAN-PIERRE``, ``<@nop>``,
``**Bert**``, ``JAKE TAPPER, CNN MODERATOR``); one person's label forms become one name: a speaker's first
full label and later surname-only ones (``TAPPER:``, ``SECRETARY GRANHOLM:``) are one person when exactly one
full name in the document ends with that surname. Where the prose writes two people of one surname (a witness
and her husband), the label is still tied when exactly one of them has a full label of their own, else exactly
one is in the document's list of speakers (``WITNESSES: CHRISTINE BLASEY FORD``): the list names who speaks.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ...attribution.names import WordCase
from ...speech import PARTICLES
from ...turns import FULL_NAME_RE, person_name

_TITLE_WORDS = (
    r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sen|Senator|Rep|Representative|Secretary|Gov|Governor|Mayor|"
    r"Ambassador|Admiral|General|Gen|Judge|Justice|Chairman|Chairwoman|Chair|Commissioner|Minister|"
    r"Director|Deputy|Under|Assistant|Press|President|Vice|Former|Sir|Dame|Rev|Father|Sister|Brother|"
    r"Advisor|Adviser|Envoy|Spokesperson|Spokesman|Spokeswoman|Administrator|Coordinator|Counselor|Chief)\.?\s+")
TITLES = re.compile(rf"^(?:{_TITLE_WORDS})+", re.IGNORECASE)
_TITLE_WORD = re.compile(rf"\b{_TITLE_WORDS}")  # in a name the page spells out, written capitalised
ROSTER_RE = re.compile(r"^(?P<name>(?:[A-Z]{2,}\.?\s+)*[A-Z][A-Z'’\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][A-Z'’\-]+){1,2}),\s")
ASKERS = ("interviewer", "host", "presenter", "moderator", "q", "question", "questions")
ANSWERERS = ("interviewee", "guest", "speaker", "a", "answer", "answers")
SURNAME_WEIGHT = 0.95  # a surname tied to the one full name ending with it: all but certain, not quite


@dataclass(frozen=True)
class Named:
    """A label's speaker, and how the name was reached (for the evidence)."""

    speaker: str
    weight: float = 1.0
    how: str = ""


def clean(label: str) -> tuple[str, str]:
    """(the name in the label, a title written after a comma): ``JAKE TAPPER, CNN MODERATOR`` → both parts."""
    label = re.sub(r"\s*[\(\[][^\)\]]*[\)\]]", "", label)  # (V.O.), [laughing], (00:14:03)
    label = label.strip(" *_:.\t").lstrip("@+%&~!")
    name, _, title = label.partition(",")
    return " ".join(name.split()), title.strip()


def qa_speaker(letter: str, fields: dict[str, str]) -> str | None:
    """Who asks (``Q``) or answers (``A``) in an interview, as its header fields name them (``Interviewer: …``)."""
    keys = ASKERS if letter == "Q" else ANSWERERS
    value = next((fields[k] for k in keys if k in fields), None)
    return re.split(r"\s*[,(;]", value)[0].strip() if value else None


def chat_name(label: str) -> Named:
    """A nick is the person: sigils (``@op``, ``+voice``) are the channel's, not the name's."""
    return Named(label.strip().lstrip("@+%&~!").strip(":"))


def spelled_names(text: str, phrases: Iterable[str], lines: Iterable[str]) -> list[str]:
    """Full names the page spells out, in prose (``Energy Secretary Jennifer Granholm``: the words before the
    name are titles, or words the page also writes in lower case) or in a roster (``SEN. DIANNE FEINSTEIN, D-CALIF.``).
    """
    out = []
    lower = set(re.findall(r"\b[a-z][\w'’\-]*", text))
    case = WordCase.of(text)
    for phrase in phrases:
        words = _TITLE_WORD.split(phrase)[-1].split()
        while len(words) > 2 and words[0].lower() in lower:
            words = words[1:]
        # "BOB: Hi Ann.": a word the page capitalises only where an utterance starts ("Hi") is no first name.
        if all(case.capital[w.lower()] or w in PARTICLES or re.fullmatch(r"[A-Z]\.?", w) for w in words[:-1]):
            out.append(" ".join(words))
    for line in lines:
        m = ROSTER_RE.match(line)
        if m:
            out.append(person_name(TITLES.sub("", m.group("name"))))
    return [n for n in out if len(n.split()) >= 2]


def field_names(fields: dict[str, str]) -> list[str]:
    """Full names in the header's values (``title: "Press Gaggle by Press Secretary Jen\\_Psaki"``), YAML's escaped
    spaces read as spaces: a briefing's title may be the only place its speaker's first name is written."""
    return [n for v in fields.values() for n in FULL_NAME_RE.findall(re.sub(r"\\[_ ]|\\$", " ", v))]


def listed_names(entries: Iterable[str]) -> list[str]:
    """Full names in a list of speakers' entries (``SEN. CHARLES E. GRASSLEY, R-IOWA, CHAIRMAN``: Charles E.
    Grassley), each written first in its entry."""
    return spelled_names("", (), entries)


def first_named(text: str, labels: Iterable[str]) -> list[str]:
    """``Jake Sullivan`` for a record's ``MR. SULLIVAN:`` when the prose writes a first name before the surname
    (``National Security Advisor Jake Sullivan``): a title chain may be too long for a phrase to hold the name
    whole. Only a label with its honorific (a play's bare ``ALGERNON.`` is no one's surname), or a bare label in
    capitals the prose introduces with a title (``Governor Lincoln Chafee`` for ``CHAFEE:``); the word before the
    surname is a first name only when the page never writes it in lower case, nor opens a sentence with it
    (``[Follows Algernon.]``)."""
    lower = set(re.findall(r"\b[a-z][\w'’\-]*", text))
    # Every titled introduction read once, looked up per label: a record may have thousands of labels.
    introduced: dict[str, list[str]] = defaultdict(list)
    for m in re.finditer(rf"\b{_TITLE_WORDS}([A-Z][a-z'’\-]+)\s+([A-Z][\w'’\-]*)\b", text):
        introduced[m.group(2)].append(m.group(1))
    out = []
    for label in labels:
        name = clean(label)[0]
        words = TITLES.sub("", name).split()
        if len(words) != 1:
            continue
        surname = words[0].title() if words[0].isupper() else words[0]
        if TITLES.match(name):
            found = re.findall(rf"(?<![.!?:\[(\n]\s)(?<!^)(?<![\[(])\b([A-Z][a-z'’\-]+)\s+{re.escape(surname)}\b",
                               text, re.MULTILINE)
        elif name.isupper():  # a record's bare ``CHAFEE:``: tied only by a title before the first name
            found = introduced.get(surname, [])
        else:
            continue
        for first in found:
            if first.lower() not in lower and not TITLES.match(first + " "):
                out.append(f"{first} {surname}")
    return out


def _speaking(owners: set[str], labelled: set[str], listed: set[str]) -> list[tuple[str, str]]:
    """Of several full names of one surname, the one that speaks: the one with a full label of its own, else the
    one in the list of speakers; empty when that does not single one out (two people: the label ties nothing)."""
    for why, tier in (("full label", owners & labelled), ("name in the list of speakers",
                                                          {o for o in owners if o.casefold() in listed})):
        if tier:
            return [(o, why) for o in tier]
    return []


def is_formal(label: str) -> bool:
    """Written as a record writes a speaker: in capitals, after a title, or as a first name and surname
    (``FEINSTEIN``, ``MS. PSAKI``, ``Paul Fournier``), not as any words before a colon (``HTTP Workshop:``,
    ``Brainstorming:``, ``means:``)."""
    name = clean(label)[0]
    words = [w for w in name.split() if w not in PARTICLES]
    full = 2 <= len(words) <= 4 and all(w[0].isupper() and w[1:].islower() for w in words if len(w) > 1)
    return name.isupper() or TITLES.match(name) is not None or full


def speech_names(labels: Iterable[str], known: Iterable[str], listed: Iterable[str] = ()) -> dict[str, Named]:
    """Every label of a spoken record to its speaker, full names first so later short labels find them;
    ``listed``: the full names of the document's list of speakers (also among ``known``)."""
    known = list(known)
    listed = {n.casefold() for n in listed}
    # Each label's own spelling in the prose, looked up, not searched for: a long record has thousands of each.
    spelt: dict[str, str] = {}
    for k in known:
        spelt.setdefault(k.lower(), k)
    full: dict[str, set[str]] = {}  # surname (casefolded) → the full names ending with it
    plain: dict[str, str] = {}
    for label in labels:
        name, _ = clean(label)
        name = person_name(name, [spelt[name.lower()]] if name.lower() in spelt else []) if name else label
        words = TITLES.sub("", name).split()
        plain[label] = " ".join(words) if len(words) >= 2 else name  # PRESIDENT JOE BIDEN is Joe Biden
        # An initial is no first name: a transcript's "S. PSAKI:" is a typed "MS. PSAKI:", not a full label.
        if len(words) >= 2 and not re.fullmatch(r"[A-Z]\.?", words[0]):
            full.setdefault(words[-1].casefold(), set()).add(plain[label])
    spelled: dict[str, set[str]] = {}
    for name in known:
        if len(name.split()) >= 2:
            spelled.setdefault(name.split()[-1].casefold(), set()).add(name)
    out: dict[str, Named] = {}
    for label, name in plain.items():
        bare = TITLES.sub("", name).split()
        # A name in the prose may stand for a surname written as a record writes one (in capitals, or after a title:
        # ``FEINSTEIN``, ``MS. PSAKI``); a play's ``Rosse.`` is no surname of the ``Enter Rosse`` in its directions.
        formal = is_formal(label)
        owners = full.get(bare[-1].casefold(), set()) | (spelled.get(bare[-1].casefold(), set()) if formal else set())
        owners = owners if len(bare) == 1 else set()
        owners = {o for o in owners if o.casefold() != name.casefold()}
        owners = {o for o in owners if not any(x != o and o.endswith(" " + x) for x in owners)}  # Dr Ann Lee: Ann Lee
        if len(owners) == 1:
            whole = next(iter(owners))
            out[label] = Named(whole, SURNAME_WEIGHT, f"{whole!r} is the one full name here ending {bare[-1]!r}")
        elif len(speakers := _speaking(owners, set(full.get(bare[-1].casefold(), ())), listed)) == 1:
            whole, why = speakers[0]
            out[label] = Named(whole, SURNAME_WEIGHT, f"{whole!r} is the one {why} ending {bare[-1]!r}")
        else:
            out[label] = Named(name)
    return out
