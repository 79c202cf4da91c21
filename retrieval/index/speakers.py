"""One person, one speaker: the corpus's speaker directory, computed when an index is built.

Documents name one person in several ways — "Hillary Clinton", "Clinton", "CLINTON", "Mrs. Clinton",
"@hillaryclinton". The directory groups the names passages were given into people, each under the fullest form
the corpus uses, and says which person any name (or a searcher's query) stands for. A short form joins a person
only when it fits exactly one, and a document it speaks in names that person more fully: with "Bill Clinton"
and "Hillary Clinton" in the corpus a bare "Clinton" is nobody's but its own, "Mr. Bennet" and "Mrs. Bennet"
(one surname under two titles) stay two people, and a panel's "SMITH:" is not the John Smith of an op-ed.
"Mr." or "Miss" before a surname joins a full name only where the corpus gives that person the same title
("Mr. Lester Holt"): "Miss Lucas" is not "William Lucas", though both are Lucases.
A first name alone never joins anyone: a query may find a person by it, a passage is never moved by it.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..segment.attribution.names import TITLE_GENDER, split_title
from ..segment.attribution.offices import GENERATIONS
from ..segment.speech import CAPITALS, PARTICLES

HANDLE = re.compile(r"(?<![\w@])@(\w{2,30})\b")
# A display name written just before a handle ("Jake Tapper @jaket", "Jake Tapper (@jaket)") or in brackets
# just after it ("@jaket (Jake Tapper)"): two to four capitalised words.
_DISPLAY = rf"[{CAPITALS}][\w'’\-]+(?:[ \t]+[{CAPITALS}][\w'’\-]+){{1,3}}"
DISPLAY_BEFORE = re.compile(rf"({_DISPLAY})[ \t]*\(?[ \t]*$")
DISPLAY_AFTER = re.compile(rf"[ \t]*\([ \t]*({_DISPLAY})[ \t]*\)")
TIE_WINDOW = 80  # characters before a handle searched for the display name
MENTION_DOCS = 50  # documents of a short name read for a fuller one: enough to find it, never the whole corpus

# Whether a document where the first name speaks also names one of the others (in its text, as its author or as
# another of its speakers): the evidence a surname needs to join a full name of another document.
Beside = Callable[[str, list[str]], bool]


@dataclass(frozen=True)
class SpeakerName:
    """A name as passages of one document were given it, and how many."""

    name: str
    path: str
    passages: int


@dataclass(frozen=True)
class Person:
    """One person of the corpus: the name shown, every name the documents use for them, where they speak."""

    name: str
    aliases: tuple[str, ...]  # the written forms, the shown name among them
    passages: int
    documents: tuple[str, ...]

    def to_json(self) -> dict:
        return {"speaker": self.name, "aliases": list(self.aliases), "passages": self.passages,
                "documents": list(self.documents)}


DESCRIBING = frozenset({"the", "a", "an"})  # lower-case articles that open a description
ROLES = frozenset({"mother", "father", "mama", "papa", "doctor", "judge", "master", "nurse", "spirit", "ghost"})

def key(name: str) -> str:
    """A name's letters and digits, lower-cased: ``@Jeremy_Corbyn``, ``JEREMY CORBYN`` and ``Jeremy Corbyn``
    share one."""
    return re.sub(r"[\W_]+", "", name.casefold())


def ident(name: str) -> str:
    """What one name is known by: its key, or, for a name with no letter or digit (a bouncer's ``***``, a
    ``---``), the name itself; else every such name would share the empty key and be one person."""
    return key(name) or " ".join(name.split())


@dataclass(frozen=True)
class Form:
    """A written name read: its title, its words (case-folded, title left out), whether it is a handle."""

    written: str
    title: str | None
    words: tuple[str, ...]
    handle: bool

    @classmethod
    def of(cls, name: str) -> Form:
        text = " ".join(name.split())
        # "@tidewatcher", "jeremy_corbyn", "tidewatcher": a login, not a name to split into first and last.
        if text.startswith("@") or (" " not in text and not text[:1].isupper()) or re.search(r"[_\d]", text):
            return cls(name, None, (ident(text),), True)
        first = text.split()[0]
        # "the tin man", "The captain", "that smallest star of all", a role in lower case ("captain", "mother"): a
        # description, one of a kind, never a name (a lower-case word opens no name but a particle's: "van Gogh").
        # Only the same words, written alike, are the same description: "the station-master" of one book is not
        # "The Station Master" of another.
        if first.casefold() in DESCRIBING or (" " in text and first.islower() and first not in PARTICLES) or (
                first.islower() and (first.rstrip(".") in TITLE_GENDER or first in ROLES)):
            return cls(name, None, (text,), True)
        title, words = split_title(text)
        folded = [w.casefold().rstrip(",;:") for w in words if key(w)]  # "Arthur M. Cummings, II": no comma
        while len(folded) > 2 and key(folded[-1]) in GENERATIONS:  # "Martin Luther King Jr." is King
            folded.pop()
        return cls(name, title, tuple(folded), False)

    @property
    def gender(self) -> str | None:
        return TITLE_GENDER.get(self.title) if self.title else None

    @property
    def full(self) -> bool:
        return not self.handle and len(self.words) > 1

    def rank(self, passages: int) -> tuple:
        """Lower is the better name to show: a name over a handle, more words, mixed case over capitals, a
        title on a lone surname ("Mr. Holt" over "Holt") but not before a first name, then the most used."""
        titled = self.title is not None
        return (self.handle, -len(self.words), self.written.isupper(), titled == (len(self.words) > 1),
                -passages, self.written)


class _Group:
    """A person being gathered: their forms and the gender their titles give, if any."""

    def __init__(self, form: Form) -> None:
        self.forms = [form]
        self.genders = {form.gender} - {None}

    def add(self, form: Form) -> None:
        self.forms.append(form)
        self.genders |= {form.gender} - {None}

    def takes_title(self, gender: str | None) -> bool:
        """Whether a title of ``gender`` can stand for this person: a title of no gender ("President") always,
        "Mr." or "Miss" only for a person the corpus titles so ("Miss Lucas" is not William Lucas's)."""
        return gender is None or self.genders == {gender}


class _Gathering:
    """People being gathered, indexed by the words that may name them: each step looks up its candidates
    rather than scanning every person (corpora have thousands of speakers)."""

    def __init__(self, beside: Beside | None = None) -> None:
        self.beside = beside
        self.of: dict[str, _Group] = {}  # a written name's group
        self.firsts: dict[str, list[_Group]] = defaultdict(list)  # of full names
        self.lasts: dict[str, list[_Group]] = defaultdict(list)
        self.titled: dict[str, list[_Group]] = defaultdict(list)  # by the surname after a title

    def join(self, form: Form, group: _Group | None) -> _Group:
        """``form`` added to ``group``, or made a person of its own (None)."""
        if group is None:
            group = _Group(form)
        else:
            group.add(form)
        self.of[form.written] = group
        if form.full:
            _index(self.firsts[form.words[0]], group)
            _index(self.lasts[form.words[-1]], group)
            if len(form.words) > 2 and len(key(form.words[0])) == 1 and len(key(form.words[1])) > 1:
                # "J. Edgar Hoover", "M. Yvonne Evans": known by the name after the initial as well
                _index(self.firsts[form.words[1]], group)
        elif form.title and len(form.words) == 1:
            _index(self.titled[form.words[0]], group)
        return group

    def named(self, first: str, last: str) -> list[_Group]:
        """The people with a full name of this first name and surname."""
        return [g for g in self.firsts[first] if any(g is h for h in self.lasts[last])]

    def vouched(self, short: Form, group: _Group) -> bool:
        """Whether a document where ``short`` speaks names the person by a fuller name ("HOLT:" in a transcript
        whose header names Lester Holt): two people of one surname in two documents are otherwise one to the
        corpus. Without documents to read (an index from before), the corpus having one such person is enough."""
        if self.beside is None:
            return True
        fuller = [f.written for f in group.forms if f.full or (f.title and not short.title)]
        return bool(fuller) and self.beside(short.written, fuller)


def _index(groups: list[_Group], group: _Group) -> None:
    if not any(g is group for g in groups):
        groups.append(group)


def _unique(*lists: list[_Group]) -> list[_Group]:
    found: list[_Group] = []
    for g in itertools.chain(*lists):
        _index(found, g)
    return found


def ties(texts: Iterable[str]) -> list[tuple[str, str]]:
    """(handle's key, display name) for each handle the texts write beside a name: where a document ties them."""
    found = []
    for text in texts:
        for m in HANDLE.finditer(text):
            before = DISPLAY_BEFORE.search(text, max(0, m.start() - TIE_WINDOW), m.start())
            after = DISPLAY_AFTER.match(text, m.end())
            found += [(key(m.group(1)), d.group(1)) for d in (before, after) if d]
    return found


def needs_ties(names: Iterable[str]) -> bool:
    """Whether any name is a handle: only then are documents read for the names tied to handles."""
    return any(Form.of(n).handle for n in names if n and n.strip())


def group_names(passages: dict[str, int], tied: Iterable[tuple[str, str]] = (),
                beside: Beside | None = None) -> dict[str, str]:
    """Each written name's person (the name shown for them), by the rules in the module's docstring;
    ``passages``: each written name's passage count (the most used of two equal forms is shown); ``tied``:
    (handle's key, display name) pairs documents write side by side (see ``ties``); ``beside``: where a short
    name's documents name someone fuller (see ``Beside``; None: not asked)."""
    forms = sorted({Form.of(n) for n in passages if n and n.strip()}, key=lambda f: f.written)
    people = _Gathering(beside)
    # The fullest forms first, so a form without middle names meets every person it could be.
    for f in sorted((f for f in forms if f.full), key=lambda f: -len(f.words)):
        people.join(f, _full_fit(f, people))
    _join_titled([f for f in forms if not f.handle and len(f.words) == 1 and f.title], people)
    _join_bare([f for f in forms if not f.handle and len(f.words) == 1 and not f.title], people)
    _join_handles([f for f in forms if f.handle], people, tied)
    return {f.written: min(people.of[f.written].forms, key=lambda x: x.rank(passages[x.written])).written
            for f in forms}


def _full_fit(f: Form, people: _Gathering) -> _Group | None:
    """The one person a full name joins: the same words however written, else the one person of its first name
    and surname whose middle names agree. "Hillary Rodham Clinton" and "Hillary Clinton" are one; "George W.
    Bush" and "George H. W. Bush" are two, and a bare "George Bush" beside both is neither's."""
    # "Mrs. John Knightley" is his wife: a title of the other gender is another person of the same name.
    candidates = [g for g in people.named(f.words[0], f.words[-1]) if not (f.gender and g.genders - {f.gender})]
    same = [g for g in candidates if any(x.words == f.words for x in g.forms)]
    fits = same or [g for g in candidates if all(_middles_agree(f, x) for x in g.forms if x.full)]
    return fits[0] if len(fits) == 1 else None


def _middles_agree(a: Form, b: Form) -> bool:
    """Whether two full names' middle names can be one person's: either has none, or each pair is one name or
    its initial ("John F. Kennedy", "John Fitzgerald Kennedy")."""
    ma, mb = [key(w) for w in a.words[1:-1]], [key(w) for w in b.words[1:-1]]
    if not ma or not mb:
        return True
    return len(ma) == len(mb) and all(x == y or (min(len(x), len(y)) == 1 and x[:1] == y[:1])
                                      for x, y in zip(ma, mb, strict=True))


def _join_titled(titled: list[Form], people: _Gathering) -> None:
    """A titled surname joins the one full name it fits, named in its documents; one surname under two titles
    is a family's ("Mr. Bennet", "Mrs. Bennet"): each titled form is then a person of its own."""
    titles_of: dict[str, set[str]] = defaultdict(set)
    for f in titled:
        titles_of[f.words[0]].add(f.title)
    by_title: dict[tuple[str, str], _Group] = {}
    for f in titled:
        surname = f.words[0]
        fits = [] if len(titles_of[surname]) > 1 else [g for g in people.lasts[surname] if g.takes_title(f.gender)]
        target = fits[0] if len(fits) == 1 and people.vouched(f, fits[0]) else by_title.get((f.title, surname))
        by_title[(f.title, surname)] = people.join(f, target)


def _join_bare(bare: list[Form], people: _Gathering) -> None:
    """A lone word joins the one person whose surname it is, when nobody else has it as a first or last name,
    no family shares it and its documents name that person more fully."""
    alone: dict[str, _Group] = {}
    for f in bare:
        word = f.words[0]
        fits = _unique(people.firsts[word], people.lasts[word], people.titled[word])
        surname = _unique(people.lasts[word], people.titled[word])
        one = len(fits) == 1 and len(surname) == 1 and people.vouched(f, surname[0]) and not _wife(surname[0])
        alone[word] = people.join(f, surname[0] if one else alone.get(word))


def _wife(group: _Group) -> bool:
    """A person known only as "Lady Macbeth" or "Mrs. Bennet", no first name: the bare surname is the husband's
    (or the family's) as often as hers, so it is not taken for her."""
    return group.genders == {"f"} and not any(f.full for f in group.forms)


def _join_handles(handles: list[Form], people: _Gathering, tied: Iterable[tuple[str, str]]) -> None:
    """A handle joins the one person whose name it spells ("@jeremycorbyn", "jeremy_corbyn": Jeremy Corbyn;
    "@Wuflamez": Wuflamez), else the one person documents write beside it ("Jake Tapper (@jaket)"), or another
    spelling of itself ("@TideWatcher", "tidewatcher")."""
    spelt: dict[str, list[_Group]] = defaultdict(list)
    for written, g in list(people.of.items()):
        f = Form.of(written)
        if f.full or not f.title:  # a full name run together, or a one-word name ("alex" is Alex)
            _index(spelt[key("".join(f.words))], g)
    beside: dict[str, list[_Group]] = defaultdict(list)
    for handle, name in tied:
        words = [w.casefold() for w in name.split()]
        # "Thanks Jake Tapper @jaket": the display name is the longest tail of the words that is somebody's
        for g in next((gs for i in range(len(words) - 1) if (gs := people.named(words[i], words[-1]))), []):
            _index(beside[handle], g)  # two people of that name: the handle is neither's
    own: dict[str, _Group] = {}
    for f in handles:
        k = f.words[0]
        fits = spelt.get(k) or beside.get(k, [])
        own[k] = people.join(f, fits[0] if len(fits) == 1 else own.get(k))


def speaker_counts(entries: Iterable[SpeakerName]) -> dict[str, int]:
    """Each written name's passages across the corpus."""
    counts: dict[str, int] = defaultdict(int)
    for e in entries:
        counts[e.name] += e.passages
    return counts


def settle(entries: Iterable[SpeakerName], texts: Callable[[], Iterable[str]],
           document: Callable[[str], str] | None = None) -> dict[str, str]:
    """Each written name's person, for a build to store. ``texts`` (the documents' texts) are read only when a
    handle speaks, for the display names written beside it; ``document`` (a document's text and author, by path)
    only for the documents of a short name that could join a fuller one."""
    entries = list(entries)
    counts = speaker_counts(entries)
    beside = written_beside(entries, document) if document is not None else None
    return group_names(counts, ties(texts()) if needs_ties(counts) else (), beside)


def _spaced(name: str) -> str:
    """A pattern for ``name`` as a whole name, however the text spaces its words."""
    return r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)"


def written_beside(entries: list[SpeakerName], document: Callable[[str], str]) -> Beside:
    """``Beside`` over the corpus: a document where the short name speaks writes a fuller one (any case, any
    spacing). Where the fuller name also speaks in a document of the short one, that document's reader has kept
    them apart ("Mr. Knightley" and his brother John Knightley in Emma; a label it could not tie): two people."""
    where: dict[str, list[str]] = defaultdict(list)
    speaking: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        where[e.name].append(e.path)
        speaking[e.path].add(e.name)
    read = functools.lru_cache(maxsize=MENTION_DOCS)(document)

    def beside(short: str, fuller: list[str]) -> bool:
        if any(speaking[path] & set(fuller) for path in where.get(short, ())):
            return False
        written = re.compile("|".join(_spaced(n) for n in fuller), re.IGNORECASE)
        return any(written.search(read(path)) for path in sorted(where.get(short, ()))[:MENTION_DOCS])
    return beside


class SpeakerDirectory:
    """The people of one index: built from its passages' names, or read back as a build stored it."""

    def __init__(self, entries: Iterable[SpeakerName], people: dict[str, str] | None = None) -> None:
        """``people``: each written name's person as a build stored it; computed here when not given (an index
        written before the directory existed)."""
        self.entries = [e for e in entries if e.name]
        counts = speaker_counts(self.entries)
        stored = people or {}
        self.person_of = stored if set(counts) <= set(stored) else group_names(counts)
        self._people = self._gather()
        self._by_key: dict[str, set[str]] = defaultdict(set)
        # a first name, a surname, or both, to the people whose full names have them (with the title's gender)
        self._by_words: dict[tuple[str, ...], list[tuple[str, str | None]]] = defaultdict(list)
        self._folded = [(a.casefold(), p.name) for p in self._people.values() for a in p.aliases]
        for p in self._people.values():
            for a in p.aliases:
                self._by_key[ident(a)].add(p.name)
                f = Form.of(a)
                if f.full:
                    for k in {(f.words[0],), (f.words[-1],), (f.words[0], f.words[-1])}:
                        self._by_words[k].append((p.name, f.gender))

    def _gather(self) -> dict[str, Person]:
        passages: dict[str, int] = defaultdict(int)
        aliases: dict[str, set[str]] = defaultdict(set)
        documents: dict[str, set[str]] = defaultdict(set)
        for e in self.entries:
            person = self.person_of.get(e.name, e.name)
            passages[person] += e.passages
            aliases[person].add(e.name)
            if e.path:  # an index from before the directory may not say where a name speaks
                documents[person].add(e.path)
        return {p: Person(p, tuple(sorted(aliases[p], key=lambda a: (a != p, a))), passages[p],
                          tuple(sorted(documents[p]))) for p in passages}

    def people(self) -> list[Person]:
        """Every person, the most quoted first."""
        return sorted(self._people.values(), key=lambda p: (-p.passages, p.name))

    def counts(self) -> list[tuple[str, int]]:
        return [(p.name, p.passages) for p in self.people()]

    def canonical(self, name: str | None) -> str | None:
        """The person a passage's written name belongs to (the name itself when the directory lacks it)."""
        return self.person_of.get(name, name) if name else name

    def person(self, name: str) -> Person | None:
        return self._people.get(name)

    def resolve(self, query: str) -> set[str]:
        """The people ``query`` names: every one with that name among their aliases (however written), else the
        one person whose first name or surname it is; empty when it names nobody or is ambiguous."""
        found = self._by_key.get(ident(query))
        if found:
            return set(found)
        fits = self._fitting(query)
        return fits if len(fits) == 1 else set()

    def could_be(self, query: str, person: str) -> bool:
        """Whether ``query`` may stand for ``person``: one of their names however written, or a first name,
        surname or both of a full name of theirs. "Clinton" may be Hillary Clinton even where Bill Clinton
        speaks too: verification must not call her words misattributed to "Clinton"."""
        return person in self._by_key.get(ident(query), ()) or person in self._fitting(query) \
            or (person not in self._people and ident(query) == ident(person))

    def _fitting(self, query: str) -> set[str]:
        """The people with a full name whose first name, surname or both ``query`` gives (titles agreeing)."""
        form = Form.of(query)
        if form.handle or not form.words:
            return set()
        words = form.words[:1] if len(form.words) == 1 else (form.words[0], form.words[-1])
        return {p for p, gender in self._by_words.get(words, ())
                if not (form.gender and gender and gender != form.gender)}

    def written(self, people: Iterable[str]) -> list[str]:
        """Every written name of ``people``: what passages are stored under."""
        return sorted({a for p in people if (person := self._people.get(p)) for a in person.aliases})

    def matching(self, part: str) -> set[str]:
        """The people with ``part`` inside one of their names (a searcher's fragment: "linto")."""
        low = part.casefold()
        return {p for a, p in self._folded if low in a}
