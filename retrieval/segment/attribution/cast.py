"""A document's cast: the people it names, each one person under all the names the text uses for them.

"Mr. Knightley", "Knightley" and "George Knightley" are one character; "Mr. Bennet" and "Mrs. Bennet" are two;
"Miss Bennet" among several Bennet daughters stays a name of its own, since the text alone does not say which.
Gender comes from titles and from the pronouns that follow a character's name where nobody else is named.
Built per document, from its text alone: nothing is listed in advance.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from ..sentences import sentence_spans
from .appositions import epithets
from .descriptions import SEX
from .heads import Fuller, chapter_holders, fuller_names
from .names import (
    BODIES,
    NAME_RE,
    NEVER,
    PARTICLES,
    POSSESSIVE,
    TITLE_GENDER,
    TITLES,
    WORD,
    WordCase,
    clean,
    split_title,
)
from .nicknames import FORMAL
from .offices import GENERATION

# A sentence about the person just named as the subject of the one before: "He claims …", "But he …".
SUBJECT_PRONOUN = re.compile(r"(?:(?:But|And|Yet|Still|Now),?\s+)?(?P<p>He|She)\b")
# "at Acme", "on the controversial Trade Partnership": a name after a preposition is its object ("according to
# Ann Lee" names a source; "For Kevin Allton, Warhol was a legend" opening a sentence gives a view: lower case only).
OBJECT_BEFORE = re.compile(r"\b(?:of|for|at|from|in|into|with|(?<![Aa]ccording )to|by|on|about|like|than)\s+"
                           r"(?:(?:the|a|an|his|her|its|their)\s+(?:[A-Za-z][\w-]*\s+)?)?$")
OWNER = re.compile(r"['’]s?(?!\w)")  # "Scotland's": a mention that owns what follows
SUBJECT_WORDS = 6
# "Environment Canada spokeswoman Sujata Raisinghani": a name before a lower-case role and another name modifies it.
ATTRIBUTIVE = re.compile(r"\s+(?P<role>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+[A-Z]")
ROLE_ENDINGS = ("man", "woman", "person", "er", "or", "ist", "ent", "ant", "ian")  # spokesman, lawyer, director
KNOWN_BEFORE = 5  # mentions of a short name before a full name that make them two people
STYLED_MENTIONS = 3  # times a titled surname is used before it is a person's established style ("Mr. Knightley")
TAG_CAPITALS = 2  # times a tag's subject is capitalised inside sentences to be taken for a name
# Titles that stay in a name with a first name: honours ("Sir William Lucas"), and "Mrs.", which styles a wife
# by her husband's names ("Mrs. Alexander Spencer" is not Alexander Spencer).
HONOURS = frozenset({"sir", "lady", "lord", "dame", "mrs"})
# Titles that are one person's at other times, or the same title spelt two ways ("Dr. Livesey", "Doctor Livesey").
SAME_TITLE = {"master": "mr", "mister": "mr", "ms": "miss", "doctor": "dr", "professor": "prof", "reverend": "rev",
              "mme": "madame"}
GENERIC_TITLES = frozenset({"mr", "mrs", "miss", "ms", "master", "mister", "mistress"})
GIVEN_HONOURS = frozenset({"lord", "lady", "sir", "dame"})  # "Lord Henry": an honour before a given name
MEN_BY_SURNAME = ("mr", "sir", "mister", "monsieur", "herr", "señor")
FEMALE_TITLES = frozenset(t for t, g in TITLE_GENDER.items() if g == "f")
MALE = re.compile(r"\b(?:he|him|his|himself)\b", re.I)
FEMALE = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)
# "the Rabbit … it turned a corner": a creature the text calls "it" has no gender for "he" or "she" to find, though
# a "she" about someone else may follow its name.
NEUTER = re.compile(r"\b(?:itself|its|it\s+(?:said|went|turned|looked|began|answered|replied|asked))\b", re.I)
HEADING = re.compile(r"(?:^|\n[ \t]*\n)[ \t]*(?P<line>[^\n]+?)[ \t]*(?=\n[ \t]*\n|\n?$)")
CHAPTER = re.compile(r"(?:chapter|book|part|adventure|stave|volume|canto)\b|[IVXLC]+\.\s", re.I)
HEADING_WORDS = 10
GENDER_WINDOW = 80  # characters after a mention in which a pronoun probably refers to it
MIN_VOTES = 2
MIN_LEANING = 1  # votes enough to let a titled surname join a first-named person of that sex
AGREEMENT = 0.75
# A bare surname's pronouns are often another's in the same scene ("Archer looked at her"): a lean of two to one.
MOST = 2 / 3
# A heroine on stage with her grandfather all book long ("Heidi … he"): over many mentions, two of three pronouns
# after her name are hers, where a few mentions need three of four.
MANY_VOTES = 12
FIRM_VOTES = 5  # agreeing votes that make a name form's gender firm against a title of the other sex
# "in New York", "at New Haven", "from Chicago": the words before a place; a person is seldom "in" anyone.
LOCATIVE = re.compile(r"\b(?:in|into|at|from|near|to|toward|towards|across|through)\s+(?:the\s+)?$"
                      # "in very fair Urdu", "in broken English": a tongue spoken, qualified, is no person either
                      r"|\b(?:in|into)\s+(?:very\s+)?(?!(?:which|whom|whose|that|this|these|those|his|her|their|our|my|"
                      r"your|its|a|an|one|time|turn|fact|truth|short|vain|reply|answer|return|case|spite|order|"
                      r"front|part|particular|general|person)\s)(?-i:[a-z]+)\s+$", re.I)
THE_BEFORE = re.compile(r"\bthe\s+$", re.I)  # a person with a title and a name is no "the Mr. Bennet"
# Ranks English writes with "the" before the title and the name of a person ("the Countess Olenska").
PEERAGE = frozenset({"count", "countess", "duke", "duchess", "earl", "baron", "baroness", "marquis", "marquess",
                     "marchioness", "viscount", "viscountess", "prince", "princess", "archduke", "archduchess"})
ADDRESSED = frozenset({"madame", "mme", "monsieur"})  # how a peer of another country is addressed
LOCATIVE_SHARE = 0.5  # of an untitled name's plain mentions, the share after a locative that makes it a place
# "II", "VIII", "XVI": the numeral after a monarch's name ("George II", "Louis XVI").
_REGNAL = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")


@dataclass
class Character:
    name: str  # the fullest form the text uses, without a title where it gives a first name
    forms: set[str] = field(default_factory=set)
    gender: str | None = None  # "m", "f" or unknown
    mentions: int = 0
    # Where the pronouns after its mentions disagree too much for a gender: the one most of them give, if any.
    leaning: str | None = None

    @property
    def first(self) -> str | None:
        _, words = split_title(self.name)
        return words[0] if len(words) > 1 else None

    @property
    def last(self) -> str:
        return split_title(self.name)[1][-1]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    character: Character


class Cast:
    def __init__(self, case: WordCase) -> None:
        self.case = case
        self.characters: list[Character] = []
        self._by_form: dict[str, Character | None] = {}  # None: a form two characters share
        self._families: set[str] = set()
        self._forms: Counter = Counter()  # every name form the text uses, with its count
        self._voted: dict[str, str] = {}  # each form's gender by the pronouns after it
        self._forms: Counter = Counter()  # how often the text uses each name form
        self._first: dict[str, int] = {}  # each name form's first mention
        self._at: dict[str, list[int]] = {}  # each name form's mentions, in order
        self._leaning: dict[str, str] = {}  # each form's gender by the pronouns after it, on a single vote
        self._lean: dict[str, str] = {}  # each form's gender by most of the pronouns after it, short of agreement
        self._firm: dict[str, str] = {}  # each form's gender by the pronouns after it, on FIRM_VOTES agreeing
        self.mentions: list[Mention] = []
        self.places: set[str] = set()  # characters' names the text uses as places ("in New York")
        self.epithets: dict[str, Character] = {}  # nouns set after one character's name ("Mr. Bumble, the beadle")
        # A head word several fuller names share ("Ghost"), by where it stands: from each offset on, whom it names.
        self._scoped: dict[str, list[tuple[int, Character | None]]] = {}

    # --- learning --------------------------------------------------------------------------------------
    @classmethod
    def learn(cls, text: str, known: list[str] = (), start: int = 0, end: int | None = None) -> Cast:
        """The cast of ``text[start:end]`` (mentions keep offsets into ``text``)."""
        end = len(text) if end is None else end
        cast = cls(WordCase.of(text[start:end]))
        forms = Counter()
        spans: list[tuple[int, int, str]] = []
        headings = _headings(text, start, end)
        titled: list[tuple[int, int, str]] = []
        for m in NAME_RE.finditer(text, start, end):
            name = clean(POSSESSIVE.sub("", m.group()), cast.case, spoken=_opens_speech(text, m.start()))
            name = _after_profile(text, m.start(), name, spans) if name else name
            if name and not name.isupper():  # a signature or heading in capitals is no mention
                offset = m.group().find(name.split()[0])
                span = (m.start() + offset, m.start() + offset + len(name), name)
                # "The Rabbit Sends in a Little Bill": a title's words are all capitalised; only names the
                # text uses elsewhere count there.
                k = bisect.bisect_right(headings, (m.start(), len(text))) - 1
                heading = k >= 0 and headings[k][0] <= m.start() < headings[k][1]
                (titled if heading else spans).append(span)
                forms[name] += not heading
        spans = sorted(spans + [t for t in titled if forms[t[2]]])
        forms = Counter({f: n for f, n in forms.items() if n and not _plural(f, forms)})
        spans = [s for s in spans if s[2] in forms or s[2] in known]
        for k in known:
            forms[k] += 1
        cast._leaning = _votes(text, spans, MIN_LEANING)
        cast._lean = _votes(text, spans, MIN_VOTES, MOST)
        cast._firm = _votes(text, spans, FIRM_VOTES)
        genders = _votes(text, spans)
        for a, _, name in spans:  # in order: each form's first mention, and its mentions sorted for bisect
            cast._first.setdefault(name.lower(), a)
            cast._at.setdefault(name.lower(), []).append(a)
        cast._group(forms, genders)
        cast._join_short_forms(text[start:end])
        cast._join_family_men()
        for head in _shared_heads(text[start:end]):
            cast._by_form[head] = None  # "the Witch" among the Witch of the North and the Witch of the East
        chapters = [start, *(a for a, b in headings if a > start and CHAPTER.match(text[a:b]))]
        for head, names in fuller_names(text, start, end).items():
            cast._share_head(head, names, chapters)
        cast.mentions = [Mention(a, b, c) for a, b, n in spans if (c := cast.resolve(n, a)) is not None]
        cast._genders(text)
        cast._generations(text[start:end])
        cast.places = _places(text, cast.mentions)
        cast.epithets = epithets(text, cast.mentions, cast.places)
        return cast

    def _group(self, forms: Counter, genders: dict[str, str]) -> None:
        """Full names first, then titled and single-word forms attached to the one character they fit."""
        def rank(form: str) -> tuple[int, int, int]:
            title, words = split_title(form)
            return (-min(len(words), 3), title is None, -forms[form])  # a bare surname after titled forms
        titles: dict[str, set[str]] = {}
        for form in forms:
            title, words = split_title(form)
            if title and (surname := _surname(words)):
                titles.setdefault(surname, set()).add(title)
        # A surname under two titles ("Mr. Bennet", "Mrs. Bennet"; "Lady Lucas", "Miss Lucas") is a family's: its
        # titled forms are people of their own, never merged with a first-named member. "Master" is how a boy,
        # or a man in jest, is addressed ("Master Scrooge" is Scrooge as a boy): no family member of its own.
        self._families = {name for name, t in titles.items() if len(_styles(t)) > 1}
        self._forms = forms
        self._voted = genders
        self._forms = forms
        for form in sorted(forms, key=rank):
            self._place(form, forms[form], genders.get(form))

    def _place(self, form: str, count: int, voted: str | None = None) -> None:
        title, words = split_title(form)
        gender = (TITLE_GENDER.get(title) if title else None) or voted
        daughter = None
        family = title and _surname(words) in self._families and not self._the_daughter(form)
        if (under := self._under_title(form)) is not None:
            self._by_form[form.lower()] = under[0] if len(under) == 1 else None
            return
        if title and len(words) == 1 and not family and (c := self._misvoted(title, words[0])):
            c.gender = gender
        # "Rev. Mr. Bunting" is Mr. Bunting; "Comrade Gregory" the Lucian Gregory named before him
        man = (self._family_man(title, _surname(words)) or self._comrade(form, gender)) if family else None
        fits = [man] if man else [] if family else [c for c in self.characters if _fits(c, title, words, gender)
                                  and not (title and len(words) == 1 and self._styled_apart(c, form))
                                  and not self._known_before(c, form) and not self._titled_before(c, form)]
        # "Mr. Hale" is not "Kitty Hale" whose gender is still open when "Kitty" alone is followed by "she"; nor is
        # "Mrs. Hawkins" the first-person narrator "Jim Hawkins", her son, whom no pronoun ever sexes: a titled
        # surname joins someone the text calls by first name alone only when it shows them of the title's sex
        # (news, which never says "Maria" alone, goes on from "Maria Lopez" to "Ms Lopez").
        fits = [c for c in fits if not self._husband_of(c, title, words)]
        if title == "miss" and len(words) == 1 and (daughter := self._the_daughter(form)) in fits:
            fits = [daughter]  # "Miss Welland", the family's one daughter named in full: her sex is the title's
        fits = [c for c in fits if c is daughter or not (gender and c.gender is None and (
            self._voted.get(c.first or "", gender) != gender
            or (title and len(words) == 1 and c.first and self._forms[c.first]
                and all(self._leaning.get(f) != gender for f in (*c.forms, c.first)))))]
        if len(fits) == 1:
            c = fits[0]
            c.forms.add(form)
            c.mentions += count
            c.gender = c.gender or gender
            ctitle, cwords = split_title(c.name)
            if len(words) > 1 and not title and (len(cwords) < len(words) or (ctitle and len(cwords) == len(words))):
                c.name = form  # "George Knightley" over "Mr. Knightley"
            self._by_form[form.lower()] = c
        elif fits and not title:
            # "Bingley" alone is the Mr. Bingley among the Bingleys, as men are named by surname; "Bennet" among
            # Mr. and Mrs. Bennet's daughters is nobody in particular.
            men = [c for c in fits if split_title(c.name)[0] in MEN_BY_SURNAME and c.last.lower() == form.lower()]
            self._by_form[form.lower()] = self._surnamed_man(form, fits) or (
                men[0] if len(men) == 1 and len(fits) == 2 else self._first_named(form, fits))
        else:  # a new person, or a titled form of a family's name ("Mr. Bennet" among the Bennets)
            # A title is dropped from the name where a first name stands ("Bürgermeisterin Anna Keller"), but
            # not an honour that is part of how the person is called ("Sir William Lucas"), nor before a particle
            # ("Count Von Kramm").
            drop = title and len(words) > 1 and title not in HONOURS and words[0].lower() not in PARTICLES
            c = Character(" ".join(words) if drop else form, {form}, gender or self._wifes_style(form), count)
            self.characters.append(c)
            self._by_form[form.lower()] = c

    def _misvoted(self, title: str, surname: str) -> Character | None:
        """The one person the text names in full under this surname ("Bathsheba Everdene"), for a title of the
        other sex ("Miss Everdene"), where a few pronouns after the full name gave it (a shepherd's "he", in his
        story of her): the title's sex outweighs a few votes when nobody else bears the surname and her first name
        alone does not lean the same way. Not "Mrs.", the style of a man's wife."""
        sex = TITLE_GENDER.get(title)
        if sex is None or title == "mrs":
            return None
        same = [c for c in self.characters if c.last.lower() == surname.lower()]
        if len(same) != 1 or not (c := same[0]).first or c.gender in (None, sex) or split_title(c.name)[0]:
            return None
        if any(self._firm.get(f) for f in c.forms) or self._leaning.get(c.first) == c.gender:
            return None
        return c

    def _join_short_forms(self, text: str) -> None:
        """"Harry" is Lord Henry, "Sid" is Sidney: a short form of a first name that is a character of its own
        joins the one character whose given name it shortens (nicknames.py), where their sexes do not differ.
        Two Catherines ("Kitty" among Lady Catherine and Catherine Bennet) leave it alone. A pet name that says
        the given name's first syllable twice ("Dodo", "Lulu") is no table's: it joins the one character so named
        more often than it (_pet_name), unless the text calls it "the Dodo", a creature's name."""
        for short in [c for c in self.characters if len(c.forms) == 1 and (c.name.lower() in FORMAL or (
                DOUBLED.fullmatch(c.name) and not re.search(rf"\b[Tt]he\s+{c.name}\b", text)))]:
            given = FORMAL.get(short.name.lower())
            fits = [c for c in self.characters if c is not short and (
                (_given(c) or "").lower() in given if given else _pet_name(short, c))]
            if len(fits) != 1 or (short.gender and fits[0].gender and short.gender != fits[0].gender):
                continue
            c = fits[0]
            c.forms.add(short.name)
            c.mentions += short.mentions
            c.gender = c.gender or short.gender
            self.characters.remove(short)
            self._by_form[short.name.lower()] = c

    def _family_man(self, title: str, surname: str) -> Character | None:
        """The family's one man under a title of the same man's styles as ``title`` ("Mr. Bunting" for "Rev. Mr.
        Bunting", "Farmer Oak" for "Mr. Oak"): his calling or office and his "Mr." are one man's (_styles)."""
        if _styles({title}) != {"mr"} and TITLE_GENDER.get(title) is not None:
            return None
        same = [c for c in self.characters if c.first is None and c.last.lower() == surname
                and (t := split_title(c.name)[0]) and _styles({title, t}) == {"mr"}]
        return same[0] if len(same) == 1 else None

    def _comrade(self, form: str, gender: str | None) -> Character | None:
        """"Comrade Gregory", "Captain Hale", "Dr. Manette" in a family (a sister "Miss Gregory" too): the family's
        one man named in full, where the text named him so before it used this style and the pronouns after it say
        "he". A style colleagues or a rank give a man is his own, where "Mr." may be his father's ("Mr. Laurence"
        beside "Laurie Laurence"), so the generic titles stay apart."""
        title, words = split_title(form)
        if gender != "m" or title in GENERIC_TITLES or _styles({title, "mr"}) != {"mr"}:
            return None
        surname = words[-1].lower()
        men = [c for c in self.characters if c.first and c.gender == "m" and c.last.lower() == surname]
        if len(men) != 1 or any(c.first is None and c.last.lower() == surname and c.gender != "f"
                                for c in self.characters):
            return None
        return men[0] if self._introduced_before(men[0], self._first.get(form.lower(), -1)) else None

    def _generations(self, text: str) -> None:
        """"Joseph M. Demarest, Jr.": a full name the text writes with a generation after it is named with it,
        as the person is (his father shares the rest); the mentions without it are still his."""
        for c in self.characters:
            if len(split_title(c.name)[1]) < 2:
                continue
            m = re.search(rf"(?<![\w.]){re.escape(c.name)},?\s+(?P<g>{GENERATION})(?![\w'’])", text)
            if m:
                full = " ".join(m.group(0).split())  # as the text writes it: "Ruiz Jr.", "Cummings, II"
                c.forms.add(full)
                self._by_form[full.lower()] = c
                c.name = full

    def _join_family_men(self) -> None:
        """"Mr. Beaufort" among Mrs. Beaufort and her husband Julius Beaufort, whom the narration calls "Beaufort":
        a family's "Mr." is the one man of it named in full, where the bare surname names him (men are named by
        surname, and _surnamed_man found him so). "Mr. Laurence" beside "Laurie Laurence", a boy whom no pronoun
        or bare surname shows the man of the family, stays his grandfather."""
        for surname in self._families:
            man = self._by_form.get(surname)
            mr = [c for c in self.characters if c is not man and c.first is None and c.last.lower() == surname
                  and all(split_title(f)[0] in MEN_BY_SURNAME for f in c.forms)]
            men = [c for c in self.characters if c.first and c.gender == "m" and c.last.lower() == surname]
            if man is None or men != [man] or len(mr) != 1:
                continue
            man.forms |= mr[0].forms
            man.mentions += mr[0].mentions
            self.characters.remove(mr[0])
            for f in mr[0].forms:
                self._by_form[f.lower()] = man

    def _first_named(self, form: str, fits: list[Character]) -> Character | None:
        """"Tom" among "Tom Sawyer" and "Mars Tom" is Tom Sawyer: the one whose first name it is, where the others
        carry it after a word the text never uses as a name on its own ("Mars", a form of address)."""
        low = form.lower()
        # "George II.": a monarch, named with his numeral; the bare "George" is the one other George about.
        plain = [c for c in fits if not _REGNAL.fullmatch(c.last)]
        if len(plain) == 1 and len(fits) > 1 and (plain[0].first or "").lower() == low:
            return plain[0]
        firsts = [c for c in fits if (c.first or "").lower() == low]
        rest = [c for c in fits if c not in firsts]
        if len(firsts) != 1 or not all(c.last.lower() == low and c.first and not self._forms[c.first] for c in rest):
            return None
        return firsts[0]

    def _husband_of(self, c: Character, title: str | None, words: list[str]) -> bool:
        """Whether an untitled full name ("Lemuel Struthers") is the husband of ``c``, a wife the text styles by
        his names ("Mrs. Lemuel Struthers"), not her: unless its own pronouns show a woman ("Mrs. Mary Hale ...
        Mary Hale, she said")."""
        ctitle, cwords = split_title(c.name)
        return (not title and len(words) > 1 and ctitle == "mrs" and len(cwords) == len(words)
                and self._leaning.get(" ".join(words)) != "f")

    def _wifes_style(self, form: str) -> str | None:
        """"m" for an untitled full name the text also uses after "Mrs." ("Julius Beaufort" beside "Mrs. Julius
        Beaufort"): a wife is styled by her husband's names, so the bare name is his."""
        title, words = split_title(form)
        wife = f"Mrs. {form}" if len(words) > 1 and not title else ""
        return "m" if wife and (self._forms[wife] or self._forms[wife.replace(".", "")]) \
            and self._leaning.get(form) != "f" else None

    def _surnamed_man(self, form: str, fits: list[Character]) -> Character | None:
        """"Archer" alone, in a book about Newland Archer among Mrs. Archer, Miss Archer and a Mr. Archer named
        twice: the one man of the family the text names by first name, where the pronouns after the bare surname
        mostly say "he". Narration calls a man by his surname and a woman by her title or first name, so the
        women do not compete; a man of the family named less often than he is (his father as "Mr. Archer") is
        not whom the narration follows."""
        if self._lean.get(form) != "m":
            return None
        men = [c for c in fits if c.first and c.gender == "m"]
        if len(men) != 1:
            return None
        rest = [c for c in fits if c is not men[0]]
        lesser = [c for c in rest if c.gender != "f"]
        return men[0] if all((c.gender is None or split_title(c.name)[0] in MEN_BY_SURNAME)
                             and c.mentions < men[0].mentions for c in lesser) else None

    def _the_daughter(self, form: str) -> Character | None:
        """Whether "Miss Woodhouse", in a family ("Mr. Woodhouse" too), is its one daughter the text names in
        full ("Emma Woodhouse"): so unless the text tells daughters apart by first name ("Miss Elizabeth",
        "Miss Elizabeth Bennet"), which shows "Miss Bennet" is the eldest of several."""
        title, words = split_title(form)
        if title != "miss" or len(words) != 1:
            return None
        surname = words[0]
        # Named in full before "Miss Woodhouse" is used: "Miss Lucas", asked to dance before "Maria Lucas" is named,
        # is another daughter (the eldest).
        seen = self._first.get(form.lower(), -1)
        same = [c for c in self.characters if c.first and c.last.lower() == surname.lower() and c.gender != "m"
                and min((self._first.get(f.lower(), seen) for f in c.forms), default=seen) <= seen]
        firsts = {c.first.lower() for c in self.characters if c.first and c.last.lower() == surname.lower()}
        styled = any(t == "miss" and ws[0].lower() in firsts for t, ws in map(split_title, self._forms))
        return same[0] if len(same) == 1 and not styled else None

    def _styled_apart(self, c: Character, form: str) -> bool:
        """Whether a titled surname ("Mr. Knightley") is someone other than ``c`` because the text, having used it
        already, gives ``c`` a first name under the same title to tell them apart ("Mr. John Knightley", his
        younger brother; "Miss Elizabeth Bennet" beside "Miss Bennet", the eldest sister). Written the other way
        round ("Mr. John Key … Mr. Key"), the full form introduces the person the short one goes on to name."""
        title, [surname] = split_title(form)
        seen = self._first.get(form.lower(), -1)
        if self._forms[form] < STYLED_MENTIONS:
            return False  # "Mr. Scrooge" twice beside "Scrooge" everywhere is how a stranger addresses him
        if self._introduced_before(c, seen):
            return False  # "a man of the name of Gabriel Syme … Mr. Syme": the short form goes on from the full
        for full in c.forms:
            t, words = split_title(full)
            if t == title and len(words) > 1 and words[-1].lower() == surname.lower() \
                    and 0 <= seen < self._first.get(full.lower(), -1):
                return True
        return False

    def _introduced_before(self, c: Character, at: int) -> bool:
        """Whether the text named ``c`` by first and last name, untitled, before offset ``at``: the way a story
        brings a person in, so that a shorter form used after it goes on naming them."""
        fulls = [f for f in c.forms if not split_title(f)[0] and len(split_title(f)[1]) > 1]
        return 0 <= min((self._first.get(f.lower(), at) for f in fulls), default=at) < at

    def _known_before(self, c: Character, form: str) -> bool:
        """Whether a first name alone ("Jim") is someone the text knew well before it named ``c`` in full
        ("Jim Turner", a robber met chapters later): then they stay two characters. Measured on eighteen works,
        this is wrong for some (a narrator's or a hero's full name given late: "Jane", "the Rat") and right for
        more (namesakes; a full name given once, formally): 123 wrong names against 144 when merged."""
        if " " in form or (c.first or "").lower() != form.lower():
            return False
        return self._used_before(form, [f for f in c.forms if " " in f])

    def _titled_before(self, c: Character, form: str) -> bool:
        """Whether a surname under an office ("Judge Thatcher") is someone the text knew well before it named
        ``c`` in full ("Bessie Thatcher", his daughter, named once in a list): a person is introduced by the full
        name and then called by the short one, not the other way round."""
        title, words = split_title(form)
        if not title or len(words) != 1 or TITLE_GENDER.get(title):
            return False  # "Mr. Gatsby" long before "Jay Gatsby" is how a stranger speaks of him; an office is not
        if c.gender and self._voted.get(form) == c.gender:
            # "Farmer Oak" all through a first chapter that names "Gabriel Oak" late: the pronouns after both say
            # one sex, where the daughter named once in a list has none of her own.
            return False
        return self._used_before(form, [f for f in c.forms if " " in f and not split_title(f)[0]])

    def _used_before(self, short: str, fulls: list[str]) -> bool:
        """Whether the text used ``short`` at least KNOWN_BEFORE times before the first of ``fulls``."""
        full = min((self._first.get(f.lower(), -1) for f in fulls), default=-1)
        return full >= 0 and bisect.bisect_left(self._at.get(short.lower(), []), full) >= KNOWN_BEFORE

    def _under_title(self, form: str) -> list[Character] | None:
        """For a title alone ("the Governor"), the people the text names under it by first and last name
        ("Governor of Washington Chris Gregoire"): the title alone is one of their names, no one's of its own.
        Else the one person named under it (_one_titled), or None: "the King" may be how the text names a character."""
        low = form.lower().rstrip(".")
        if low not in TITLES:
            return None
        under = [c for c in self.characters if c.first and split_title(c.name)[0] is None
                 and any(split_title(f)[0] == low for f in c.forms)]
        return under or self._one_titled(low)

    def _one_titled(self, title: str) -> list[Character] | None:
        """"the Major" in a story whose one major is Major Grigg, "the Madame" beside Madame Zozo: a rank or a
        style alone is the one person the text names under it. Not "Mr.", "Mrs." or "Miss", which any stranger
        is called ("Yes, Miss"), nor where the text names two people under the title."""
        if title in GENERIC_TITLES:
            return None
        key = SAME_TITLE.get(title, title)
        under = [c for c in self.characters if any(
            (t := split_title(f)[0]) and SAME_TITLE.get(t, t) == key and split_title(f)[1] for f in c.forms)]
        return under if len(under) == 1 else None

    def _genders(self, text: str) -> None:
        """Pronouns right after a mention, where no other character is named, vote for its gender."""
        votes: dict[int, Counter] = {}
        for i, m in enumerate(self.mentions):
            if _vocative(text, m.start, m.end):
                continue
            nxt = self.mentions[i + 1].start if i + 1 < len(self.mentions) else len(text)
            he, she, it = _pronouns(text[m.end:min(m.end + GENDER_WINDOW, nxt)])
            if it > he + she or he != she:
                votes.setdefault(id(m.character), Counter())["n" if it > he + she else "m" if he > she else "f"] += 1
        for c in self.characters:
            v = votes.get(id(c), Counter())
            if c.gender is None and (g := _majority(v) or _majority(v, MANY_VOTES, MOST)):
                c.gender = g
            elif c.gender is None and (v := votes.get(id(c))):
                g, n = v.most_common(1)[0]
                c.leaning = g if g != "n" and n >= MIN_VOTES and 2 * n > sum(v.values()) else None

    def subject_genders(self, text: str, paragraphs: list[tuple[int, int]]) -> None:
        """News: a person the text introduces as a sentence's subject ("Rajagopalan, a student at Boston College,
        doesn't see …") and goes on about with "He" or "She" opening the next sentence has that gender, though a
        place or a body named in between ("Boston College") cuts the window ``_genders`` reads. For people with
        no gender yet, on votes that all agree."""
        sentences = [(a + x, a + y) for a, b in paragraphs for x, y in sentence_spans(text[a:b])]
        votes: dict[int, Counter] = {}
        for (a, b), (c, _) in pairwise(sentences):
            pronoun = SUBJECT_PRONOUN.match(text, c)
            subject = self.subject(text, a, b) if pronoun else None
            if subject is not None:
                votes.setdefault(id(subject.character), Counter())[pronoun.group("p").lower()] += 1
        for ch in self.characters:
            v = votes.get(id(ch))
            if ch.gender is None and v and len(v) == 1:
                ch.gender = "m" if "he" in v else "f"

    def subject(self, text: str, a: int, b: int) -> Mention | None:
        """Who a sentence is about: its first mention that no possessive or preposition makes an owner or an
        object ("Earlier, Scotland's first minister, Alex Salmond, remained …" is about Salmond), nor a body
        before its spokesperson ("Environment Canada spokeswoman Sujata Raisinghani"), a few words in."""
        for m in self.mentions_in(a, b):
            before = text[a:m.start]
            if len(before.split()) > SUBJECT_WORDS or QUOTE_MARK.search(before):
                return None  # (a quotation's subject is the speaker's talk: "“The Earth is a beautiful planet”")
            if not OWNER.match(text, m.end) and not OBJECT_BEFORE.search(text, a, m.start) \
                    and not _attributive(text, m.end):
                return m if _person_shaped(text, m) and m.character.name not in self.places else None
        return None

    def _share_head(self, head: str, names: list[Fuller], chapters: list[int]) -> None:
        """"Ghost" alone, shared by "Marley's Ghost" and "the Ghost of Christmas Past", is each of them in the
        chapters that introduce them (heads.py), not one character for the whole book."""
        people: dict[str, Character] = {}
        for f in names:
            c = self.resolve(f.form)
            if c is None:  # "Ghost of Christmas Past": an "of" name is no run of capitalised words
                c = Character(f"the {f.form}" if f.article else f.form, {f.form})
                self.characters.append(c)
            self._by_form[f.form.lower()] = self._by_form[c.name.lower()] = c
            c.forms = {x for x in c.forms if x.lower() != head}
            people[f.form] = c
        self._by_form[head] = None
        self._scoped[head] = [(a, people[f.form] if f else None) for a, f in chapter_holders(names, chapters)]

    # --- using -----------------------------------------------------------------------------------------
    def resolve(self, name: str, at: int | None = None) -> Character | None:
        """The character a name stands for (``at``: where the name stands, for a word that names one person in
        one chapter and another in the next); None for a form two characters share or an unknown one."""
        key = " ".join(name.split()).lower()
        if at is not None and key in self._scoped:
            held = self._scoped[key]
            k = bisect.bisect_right(held, at, key=lambda x: x[0]) - 1
            return held[k][1] if k >= 0 else None
        if key in self._by_form:
            return self._by_form[key]
        title, words = split_title(name)
        gender = TITLE_GENDER.get(title) if title else None
        fits = [c for c in self.characters if _fits(c, title, words, gender)]
        return fits[0] if len(fits) == 1 else None

    def person(self, name: str, tagged: bool = False, at: int | None = None) -> Character | None:
        """The character, adding one for a valid name the cast has not seen (a tag may name a stranger).
        ``tagged``: the name is a speech tag's subject ("said the Mouse"), where a word the document
        capitalises inside sentences at least as often as not is a character's name, though it also writes
        "a mouse"; ``at``: where the name stands."""
        name = POSSESSIVE.sub("", name.strip())
        c = self.resolve(name, at)
        if c is None and tagged:
            c = self._the_man(name)
        if c is None and name.lower() not in self._by_form and (
                (new := clean(name, self.case)) or (tagged and (new := self._capitalised(name)))):
            if new.lower() in self._by_form:  # "The Ghost" is the form "Ghost" the cast knows, not a new one
                return self.resolve(new, at)
            self._place(new, 1)
            c = self._by_form.get(new.lower())
        return c

    def _the_man(self, name: str) -> Character | None:
        """A bare surname in a tag ("answered Wilson") that a man shares only with women of his family ("Mrs.
        Wilson", "Myrtle Wilson"): the man's, as fiction tags men by surname and women by title or first name."""
        title, words = split_title(name)
        if title or len(words) != 1:
            return None
        same = [c for c in self.characters if c.last.lower() == words[0].lower()]
        men = [c for c in same if c.gender != "f" and split_title(c.name)[0] not in FEMALE_TITLES]
        women = [c for c in same if c.gender == "f"]
        return men[0] if len(men) == 1 and women and len(men) + len(women) == len(same) else None

    def titled(self, noun: str) -> list[Character]:
        """The characters the text names under the title ``noun`` ("doctor": Dr. Livesey), for "said the
        doctor"; none when the noun is no title."""
        key = noun.lower()
        if key in self.epithets and key not in TITLES:
            return [self.epithets[key]]  # "said the beadle": Mr. Bumble, "Mr. Bumble, the beadle," in narration
        if key not in TITLES:
            return []
        key = SAME_TITLE.get(key, key)
        return [c for c in self.characters
                if any((t := split_title(f)[0]) and SAME_TITLE.get(t, t) == key for f in c.forms)]

    def described(self, words: str, gender: str | None) -> Character:
        """A character the text names only by a description ("the captain"), added once."""
        c = self._by_form.get(words.lower())
        if c is None:
            c = Character(words, {words}, gender)
            self.characters.append(c)
            self._by_form[words.lower()] = c
        return c

    def also_called(self, c: Character, spans: list[tuple[int, int]], text: str) -> None:
        """Mentions of ``c`` by a description ("the doctor" of Dr. Livesey), among the mentions by name; a
        character known only so takes the gender of the pronouns after them ("the captain … his eyes")."""
        self.mentions = sorted([*self.mentions, *(Mention(a, b, c) for a, b in spans)], key=lambda m: m.start)
        if c.gender is None:
            votes = Counter()
            for _, b in spans:
                he, she, it = _pronouns(text[b:b + GENDER_WINDOW])
                if he != she and it <= he + she:
                    votes["m" if he > she else "f"] += 1
            c.gender = _majority(votes)

    def first_mention(self, c: Character) -> int | None:
        return next((m.start for m in self.mentions if m.character is c), None)

    def family(self, surname: str) -> bool:
        """Whether the text names a family by this surname under two titles ("Mr. Bennet", "Mrs. Bennet")."""
        return surname.lower() in self._families

    def _capitalised(self, name: str) -> str | None:
        lows = [w.lower() for w in split_title(name)[1]]
        if not lows or any(w in NEVER for w in lows):
            return None
        case = self.case
        return name if all(case.capital[w] >= TAG_CAPITALS and case.capital[w] >= case.lower[w] for w in lows) \
            else None

    def recent(self, before: int, since: int) -> list[Character]:
        """Characters mentioned in [since, before), the latest first, each once."""
        i = bisect.bisect_left(self.mentions, before, key=lambda m: m.start)
        seen: list[Character] = []
        while i > 0 and self.mentions[i - 1].start >= since:
            i -= 1
            c = self.mentions[i].character
            if c not in seen:
                seen.append(c)
        return seen

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.mentions, start, key=lambda m: m.start)
        j = bisect.bisect_left(self.mentions, end, key=lambda m: m.start)
        return self.mentions[i:j]

    def named_in(self, start: int, end: int) -> list[Character]:
        """Characters mentioned in [start, end), in order, each once."""
        i = bisect.bisect_left(self.mentions, start, key=lambda m: m.start)
        seen: list[Character] = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            c = self.mentions[i].character
            if c not in seen:
                seen.append(c)
            i += 1
        return seen


# "Celan Beausoleil, 31, Oakland, California": a profile's head (name, age, places), whose line break before the
# text about the person ("Beausoleil is a social worker") extraction may lose.
PROFILE = re.compile(rf",[ \t]*\d{{1,3}},(?:[ \t]*{WORD}(?:[ \t]+{WORD}){{0,3}},){{0,3}}[ \t]*")
PROFILE_REACH = 80  # characters from the name to the place the head ends with


def _after_profile(text: str, at: int, name: str, spans: list[tuple[int, int, str]]) -> str:
    """The surname alone where a profile's head ran into it ("Oakland, California Beausoleil is" after "Celan
    Beausoleil, 31,"): the last place and the person's surname are two runs that lost the break between them."""
    words = name.split()
    if len(words) < 2:
        return name
    for _a, b, full in reversed(spans):
        if b < at - PROFILE_REACH:
            break
        head = full.split()
        if len(head) > 1 and head[-1] == words[-1] and head[0] != words[0] and PROFILE.fullmatch(text, b, at):
            return words[-1]
    return name


QUOTE_MARK = re.compile(r"[\"“”‘«„]")
# "Rajagopalan, a student at Boston College,", "Mathias, who works for …": a word set off as a person is.
APPOSITION = re.compile(r",\s+(?:who|a|an|the|\d)\b")


def _attributive(text: str, end: int) -> bool:
    """Whether a name modifies a role and the name after it ("Environment Canada spokeswoman Sujata
    Raisinghani", "Lockheed Martin director Jay Reed"): its role words are nouns of office, not verbs or "of"."""
    m = ATTRIBUTIVE.match(text, end)
    return m is not None and all(w not in NEVER and (w in TITLES or w.endswith(ROLE_ENDINGS))
                                 for w in m.group("role").split())


def _person_shaped(text: str, m: Mention) -> bool:
    """A name a pronoun may go on about: a first and last name of plain words, or a single name followed by an
    apposition that describes a person (not "Earth", "NASA", "Facebook")."""
    words = m.character.name.split()
    plain = not any(w.isupper() or w in BODIES or any(ch.isdigit() for ch in w) for w in words)
    return plain and (len(words) > 1 or APPOSITION.match(text, m.end) is not None)


def _headings(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Lines that stand alone as headings: a short line between blank lines without a sentence's end, or one
    that opens with "Chapter" and its kin."""
    out = []
    for m in HEADING.finditer(text, start, end):
        line = m.group("line")
        if CHAPTER.match(line) or (len(line.split()) <= HEADING_WORDS and not re.search(r"[.!?,;:\"”’'»]$", line)):
            out.append((m.start("line"), m.end("line")))
    return out


# "the Witch of the North", "the King of Bohemia": a title-like head and the place or people it is of.
OF_NAME = re.compile(r"(?<![\w'’])([A-Z][a-z]+)\s+of\s+(?:the\s+)?([A-Z][\w'’]+)")


OF_PLACE = re.compile(r"(?<![\w'’])[A-Z][a-z]+\s+of\s+(?:the\s+)?$")
# "the house of Shaws", "the town of Cramond": what a dwelling or a piece of land is of is a place (or a house's
# family), no one who speaks.
LAND_OF = re.compile(r"\b(?:house|castle|hall|manor|abbey|estate|lands?|town|city|village|parish|county|shire|"
                     r"kingdom|isles?|island|port|harbour|harbor|river|lake|loch|mount|hills?|streets?|province|"
                     r"duchy|state|country)\s+of\s+(?:the\s+)?$", re.I)


def _shared_heads(text: str) -> set[str]:
    """Words that head two "… of …" names with different places, each used again ("Witch of the North", "Witch of
    the East"): the word alone may be either, so it names nobody."""
    places: dict[str, Counter] = {}
    for m in OF_NAME.finditer(text):
        places.setdefault(m.group(1).lower(), Counter())[m.group(2).lower()] += 1
    # Each place named more than once: "the King of Scandinavia", the bride's father named once in passing, leaves
    # "the King" the King of Bohemia.
    return {head for head, of in places.items() if sum(n > 1 for n in of.values()) > 1}


def _opens_speech(text: str, at: int) -> bool:
    """Whether a run of capitals opens a quotation ("“Loose Bessie's hand"), where a sentence may be an order."""
    return text[max(0, at - 3):at].rstrip()[-1:] in ("\"", "“", "‘", "'", "«", "„")


def _places(text: str, mentions: list[Mention]) -> set[str]:
    """Untitled names that mostly follow a locative ("graduated from New Haven", "at New Haven"): places, which
    a pronoun ("he said") must not be taken to stand for. A possessive ("Tom's house") is no evidence either way."""
    located, plain = Counter(), Counter()
    for m in mentions:
        if text[m.end:m.end + 2] in ("'s", "’s"):
            continue
        title, words = split_title(text[m.start:m.end])
        before = text[max(0, m.start - 20):m.start]
        if title and words:  # "at the Admiral Benbow", "the Duke of York": an inn or a ship, not its namesake
            # ... but a peer is "the Countess Olenska", "the Count Von Kramm" in person.
            where = title not in PEERAGE and THE_BEFORE.search(before)
        elif title or any(split_title(f)[0] for f in m.character.forms):
            continue  # "the Doctor" is how a person is named; a titled person's surname alone is a person too
        else:
            where = LOCATIVE.search(before) or _modifies_person(text, m)
        plain[m.character.name] += 1
        # "the Witch of the East", "the King of Bohemia": what a title is of is a place too.
        wider = text[max(0, m.start - 40):m.start]
        located[m.character.name] += bool(where or OF_PLACE.search(wider) or LAND_OF.search(wider))
    return {n for n, k in located.items() if k >= MIN_VOTES and k >= LOCATIVE_SHARE * plain[n]}


# "the Amritzar girl", "a Cornish fisherman": an article, a capitalised word, a noun for a person.
_BEFORE_PERSON_NOUN = re.compile(r"[ \t]+(?P<noun>[a-z][\w\-]*)\b")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|an?)\s+(?:[a-z][\w\-]*\s+){0,2}$", re.I)


def _modifies_person(text: str, m: Mention) -> bool:
    """Whether a one-word name stands between an article and a noun for a person ("the Amritzar girl", "an old
    Cornish fisherman"): it says where the person is from, as a person's own name takes no article."""
    after = _BEFORE_PERSON_NOUN.match(text, m.end)
    return " " not in m.character.name and after is not None and after.group("noun") in SEX \
        and _ARTICLE_BEFORE.search(text, max(0, m.start - 40), m.start) is not None


def _styles(titles: set[str]) -> set[str]:
    """The distinct styles among the titles a surname takes: "Doctor" and "Dr." are one; so are a peer's rank
    and the "Madame" or "Monsieur" of the same sex by which a titled foreigner is addressed ("the Countess
    Olenska", "Madame Olenska"), where the text gives no other rank to the name."""
    styles = {SAME_TITLE.get(x, x) for x in titles}
    ranks = styles & PEERAGE
    for plain in styles & ADDRESSED:
        if len(ranks) == 1 and TITLE_GENDER.get(next(iter(ranks))) == TITLE_GENDER.get(plain):
            styles.discard(plain)
    # "Farmer Oak" and "Mr. Oak", "Captain Grigg" and "Mr. Grigg": a man's calling, rank or office beside his "Mr."
    # are one man's styles; his wife's and daughters' stay apart.
    if styles & set(MEN_BY_SURNAME):
        styles = {x for x in styles if TITLE_GENDER.get(x) == "f" or x in PEERAGE} | {"mr"}
    return styles


def _surname(words: list[str]) -> str | None:
    """The surname, lower-cased, of a name that is a surname alone after its title: "Bennet", or "van der Luyden"
    (a particle is part of it; "Mr. van der Luyden" and "Mrs. van der Luyden" are a family too)."""
    if not words or not all(w.lower() in PARTICLES for w in words[:-1]):
        return None
    return words[-1].lower()


# "Dodo", "Lulu", "Fifi": a syllable said twice, as a child says a name.
DOUBLED = re.compile(r"(?P<s>[A-Z][a-z])(?P=s)", re.I)


def _pet_name(short: Character, c: Character) -> bool:
    """Whether ``short``, a syllable said twice, is a pet name of ``c``: its given name opens with that syllable,
    longer, and the text names them so more often than by the pet name."""
    given = (_given(c) or "").lower()
    syllable = short.name[:2].lower()
    return given.startswith(syllable) and len(given) > len(short.name) and c.mentions > short.mentions


def _given(c: Character) -> str | None:
    """A character's given name: the first of two words ("Henry Wotton"), a name alone ("Sidney"), or the word
    after an honour that goes with given names ("Lord Henry", "Lady Agatha"); not a surname after "Mr."."""
    title, words = split_title(c.name)
    return words[0] if words and (len(words) > 1 or title is None or title in GIVEN_HONOURS) else None


def _plural(form: str, forms: Counter) -> bool:
    """Whether a form is a family's plural ("the Tom Buchanans", "you McKees"): the form less its final "s" is a
    name the text uses, alone or titled. Left in, the plural would be a second person sharing "Tom" with him."""
    if not form.endswith("s") or len(form) < 4:
        return False
    one = form[:-1]
    return forms[one] > 0 or any(forms[f"{t} {one}"] for t in ("Mr.", "Mrs.", "Mr", "Mrs"))


def _votes(text: str, spans: list[tuple[int, int, str]], least: int = 0,
           agreement: float = AGREEMENT) -> dict[str, str]:
    """Each name form's gender by the pronouns after its mentions (before forms are grouped into people)."""
    votes: dict[str, Counter] = {}
    for i, (start, end, form) in enumerate(spans):
        if _vocative(text, start, end):
            continue
        nxt = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        he, she, it = _pronouns(text[end:min(end + GENDER_WINDOW, nxt)])
        if it > he + she or he != she:
            votes.setdefault(form, Counter())["n" if it > he + she else "m" if he > she else "f"] += 1
    return {form: g for form, v in votes.items() if (g := _majority(v, least or MIN_VOTES, agreement))}


def _vocative(text: str, start: int, end: int) -> bool:
    """Whether a mention reads as someone spoken to ("Listen, Nick; let me tell you what she said"): set off by
    a comma or an opening mark before and a stop after. The pronouns after it are the speaker's talk of others."""
    return bool(re.search(r"(?:,|[\"“‘'])\s*$", text[max(0, start - 3):start])
                and re.match(r"[,;?!.]", text[end:end + 1]))


def _pronouns(window: str) -> tuple[int, int, int]:
    window = re.split(r"[\"“”‘’«»]", window)[0]  # a quotation's pronouns are the speaker's own
    return len(MALE.findall(window)), len(FEMALE.findall(window)), len(NEUTER.findall(window))


def _majority(v: Counter, least: int = MIN_VOTES, agreement: float = AGREEMENT) -> str | None:
    if not v:
        return None
    g, n = v.most_common(1)[0]
    return g if g != "n" and n >= least and n >= agreement * sum(v.values()) else None


def _fits(c: Character, title: str | None, words: list[str], gender: str | None) -> bool:
    """Whether a form can name character ``c``: the same words; one word that is its first or last name (with a
    title of its gender or none); a first and last name that are its own."""
    if gender and c.gender and gender != c.gender:
        return False
    _, cw = split_title(c.name)
    low = [w.lower() for w in words]
    cl = [w.lower() for w in cw]
    if low == cl:
        return not (title and c.gender is None and gender and TITLE_GENDER.get(split_title(c.name)[0] or ""))
    if len(cl) < 2 or not low:
        return False  # two one-word names ("Emma", "Knightley") are two people unless something ties them
    if len(low) == 1:
        # "The" opening a sentence is not a first name of "the policeman": a description's words are lower case.
        return low[0] == cl[-1] or (low[0] == cl[0] and cw[0][:1].isupper())
    return low[-1] == cl[-1] and low[0] == cl[0]
