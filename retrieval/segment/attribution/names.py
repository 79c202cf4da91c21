"""What makes a run of capitalised words a person's name, judged by the document itself.

A word is part of a name when the document writes it capitalised in the middle of sentences and seldom in
lower case: "Pence" is a name, "Though" (the document also writes "though") opens a sentence. Function words,
indefinite pronouns ("Somebody"), months and days, and the words of login boxes are never names, whatever
their case. A name never runs across sentence punctuation: a full stop only follows a title or an initial.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .. import speech
from ..speech import PARTICLE
from ..speech import PARTICLES as PARTICLES  # cast.py reads them here
from .offices import GENERAL_AFTER, MAX_NAME_WORDS, OFFICE_WORDS, OFFICES, after_place, without_generation

CAP = speech.CAPITALS
# A word of a name: capitalised, letters and inner apostrophes or hyphens (O'Brien, Jean-Luc), no full stop.
WORD = rf"[{CAP}][\w'’]*(?:-[\w'’]+)*"  # a hyphen inside (Jean-Luc), never a dash after ("Mr. Elton--and")
TITLE_WORDS = {
    "m": "mr mister sir lord master monsieur herr señor don king prince duke count baron father brother uncle squire "
         "colonel captain general major lieutenant sergeant admiral councilman congressman assemblyman spokesman "
         "chairman parson gaffer deacon",
    "f": "mrs miss ms lady madam madame mme mlle dame frau señora doña queen princess duchess countess mother "
         "sister aunt mistress councilwoman congresswoman assemblywoman spokeswoman chairwoman widow goody granny",
    # Offices news sets before a name ("Councilwoman LaToya Cantrell", "Constable Paul Middup"): a role, never a
    # first name.
    # A calling a village sets before a surname as a title ("Farmer Oak"), of either sex.
    # "Comrade Gregory", "Citizen Barère": the style a party or a revolution gives its members, of either sex.
    None: "farmer dr doctor prof professor rev reverend judge councillor cllr president minister senator governor "
          "mayor secretary chancellor chair officer detective inspector constable sheriff commissioner ambassador "
          "superintendent alderman comrade citizen",
}
TITLE_GENDER: dict[str, str | None] = {w: g for g, words in TITLE_WORDS.items() for w in words.split()}
TITLES = frozenset(TITLE_GENDER) | speech.TITLES
# "Mr." "Dr." "J." "St.": a title or an initial may carry a full stop inside a name.
TITLE = rf"(?:{'|'.join(sorted((t.capitalize() for t in TITLES), key=len, reverse=True))})\.?"
INITIAL = rf"[{CAP}]\."
_S = r"(?:[ \t\u00a0]+\n?|\n)[ \t\u00a0]*"  # the space between a name's words: a line break, never a blank line
# "U.S.", "U.K.": an acronym written with full stops is one word of a name, never an initial before one.
ACRONYM = rf"(?:[{CAP}]\.){{2,}}"
# "Governor of Washington Chris Gregoire", "Ambassador to the United States Hamdullah Mohib": a title with its
# office, before a name.
_OF = rf"{_S}(?:of|to|for){_S}(?:the{_S})?{WORD}(?:{_S}{WORD})?(?={_S}{WORD})"
OFFICE = rf"{TITLE}(?:{_OF})?"
# "Department of Agriculture", "Institute for Fiscal Studies": an institution's name runs on over "of"/"for".
BODIES = ("Department", "Ministry", "Office", "Agency", "Bureau", "University", "Institute", "College", "School",
          "Council", "Commission", "Committee", "Board", "Bank", "Court", "Museum", "Society", "Association",
          "Foundation", "Federation", "League", "Union", "Organisation", "Organization", "Academy", "Center",
          "Centers", "Centre", "Centres", "Church", "Chamber", "House", "Party")
INSTITUTION = rf"(?:{'|'.join(BODIES)}|Secretary|Minister){_S}(?:of|for){_S}(?:the{_S})?{WORD}(?:{_S}{WORD})?"
# A middle initial before the surname ("Nathan J. Hochman") is read as an initial first: as a word ("J") it would
# end the name before its full stop.
# ("Plan B. Then", "Mr. T. He": a sentence that opens after the letter is no surname.)
_OPENER = r"(?:He|She|It|They|We|You|I|The|Then|This|That|There|But|And|So|A|An|In|On|At|As|If|When)\b"
# "St. John", "Ermengarde St. Clair": a saint's abbreviation inside a name, before the word it shortens.
SAINT = r"(?:St|Ste|Mt)\."
_SAINT = rf"{SAINT}(?={_S}(?!{_OPENER})[{CAP}])"
# "al-Amr", "el-Sisi": a particle joined to a surname by a hyphen, in lower case, is a word of the name.
JOINED_PARTICLE = rf"{PARTICLE}-{WORD}"
_PART = (rf"(?:{ACRONYM}|{INSTITUTION}|{INITIAL}(?={_S}(?!{_OPENER})[{CAP}])|{_SAINT}|{WORD}|{JOINED_PARTICLE}"
         rf"|{INITIAL})")


def _capitalised(words: frozenset[str]) -> str:
    """Words as a pattern's alternatives, capitalised, the longest first."""
    return "|".join(sorted((w.capitalize() for w in words), key=len, reverse=True))


# An office of any length before a name, its words not counted in the name's six ("Tax Division Assistant Attorney
# General Nathan J. Hochman", "Human Services Inspector General Daniel R. Levinson"), its place after it ("U.S.
# Attorney for the Northern District of Illinois Patrick Fitzgerald"): the run holds them all, clean() parts them.
# "FBI", "U.S.", "Acting", "Director-in-Charge": words of an office
_OFFICE_WORD = rf"(?:{ACRONYM}|[{CAP}]{{2,6}}|(?:{_capitalised(OFFICE_WORDS)})(?:-[\w'’]+)*)"
# "Agent in Charge", as "Agent-in-Charge" is written without its hyphens
_OFFICE_NOUN = (rf"(?:(?:{_capitalised(OFFICES)})(?:-[\w'’]+)*|Inspector|Surgeon)(?:{_S}General)?"
                rf"(?:{_S}in{_S}Charge)?")
_PLACE = rf"{_S}(?:of|for|to){_S}(?:the{_S})?{WORD}(?:{_S}{WORD}){{0,2}}"
# Whose office it is, before it: "FBI", "Interpol Washington", or a body whose name runs on over "and" ("Department
# of Health and Human Services Inspector General"; before an office, the words after "and" are still the body's).
_OFFICE_OWNER = rf"(?:{INSTITUTION}(?:{_S}and{_S}{WORD}(?:{_S}{WORD})?)?{_S}|(?:{WORD}{_S}){{0,2}})"
_OFFICE_LEAD = rf"{_OFFICE_OWNER}(?:{_OFFICE_WORD}{_S})*{_OFFICE_NOUN}(?![\w'’])(?:{_PLACE}){{0,3}}{_S}"
# A people's adjective may stand before a title and its office ("Afghan Ambassador to the United States …").
# Up to six words: "Interpol Washington Director Shawn A. Bray" is an office and a name (clean() parts them).
# After a title or an initial, a particle may come first ("Mr. van der Luyden", "J. de Vries"); a run never opens
# with one.
_LEAD = rf"(?:(?:{OFFICE}|{INITIAL}){_S}(?:{PARTICLE}{_S})*)*"
NAME = rf"(?:(?=[{CAP}]){_OFFICE_LEAD})?{_LEAD}{_PART}(?:{_S}(?:{PARTICLE}{_S})*(?:{TITLE}{_OF}|{_PART}))" + "{0,5}"
POSSESSIVE = re.compile(r"['’]s?$")  # "Mr. Bingley's": the name without its possessive ending
# A name never starts inside an acronym ("S. Department" in "U.S. Department").
NAME_RE = re.compile(rf"(?<![\w'’\-])(?<![{CAP}]\.){NAME}(?![\w'’])")

def _words(text: str) -> list[str]:
    return text.split()  # a long word list reads better as text


# Months and days: never a name alone, but a surname after a title ("Mrs. March", "Mr. Friday").
CALENDAR = frozenset(_words("monday tuesday wednesday thursday friday saturday sunday january february march april "
                            "may june july august september october november december"))
# Words that open sentences or stand for people without naming anyone: never a name, whatever their case.
NEVER = frozenset(_words(
    "though although however but and or so yet then now thus hence still also even just only perhaps maybe indeed "
    "oh ah well yes no nay ay aye eh alas alack fie pooh pshaw tut hark lo hush pray "
    "why what when where who whom whose which how while whilst if unless "
    "until after before since because as at by for from in into of on to with without within upon about above "
    "across against among around behind below beneath beside between beyond during except inside near off onto "
    "outside over past through toward towards under underneath up down out the a an this that these those it its "
    "he she they we you i me him her them us my your his our their mine yours hers ours theirs there here all any "
    "both each every few many more most much none some such other another several various numerous certain "
    "somebody someone something anybody "
    "anyone anything everybody everyone everything nobody nothing whoever whatever one two three four five six "
    "seven eight nine ten first second third last next monday tuesday wednesday thursday friday saturday sunday "
    "january february march april june july august september october november december today tomorrow yesterday "
    "tonight username password login logout email subscribe search menu home share reply comments comment "
    "advertisement god heaven dear sir madam ladies gentlemen mama mamma papa mother father chapter act scene "
    "book part volume section page note st thereupon therefore meanwhile nevertheless nonetheless moreover "
    "furthermore besides accordingly consequently otherwise instead afterwards presently whereupon "
    "meantime anyhow somehow sometimes soon later again once twice lastly nowadays likewise altogether "
    "hello hallo hullo goodbye good-bye hi hey thanks please sorry "  # greetings open a reply: "Hello, Wilson"
    # Prepositions and adverbs that open a sentence before a name ("Unlike Celia, she …", "Whereat Hugo …").
    "unlike like despite notwithstanding amid amidst till unto whereat whereas whenever wherever thence hence "
    "hitherto thereafter "
    # The closed class of there-/where-/here- adverbs ("Thereat began a feeble scratching"): never a name.
    "thereat thereon therein thereof thereby therewith thereto herein hereat hereon hereby herewith hereupon "
    "whereon wherein whereof whereby wherewith whereto"
)) | speech.NOT_NAMES


@dataclass
class WordCase:
    """How a document writes each word: capitalised inside a sentence, or in lower case."""

    capital: Counter = field(default_factory=Counter)
    lower: Counter = field(default_factory=Counter)
    # The capitalised word after each word the document capitalises inside a sentence ("Ben" → "Rogers").
    followed: dict[str, Counter] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str) -> WordCase:
        wc = cls()
        for m in re.finditer(r"(?<![\w'’\-])([\w'’]+(?:-[\w'’]+)*)", text):
            word = m.group(1)
            if not word[0].isalpha():
                continue
            if word[0].islower():
                wc.lower[word.lower()] += 1
            elif not _opens_sentence(text, m.start()):
                wc.capital[word.lower()] += 1
                nxt = NEXT_WORD.match(text, m.end())
                wc.followed.setdefault(word.lower(), Counter())[nxt.group(1).lower() if nxt else ""] += 1
        return wc

    def fixed(self, word: str, after: str) -> bool:
        """Whether ``word`` is the first word of one name, ``word after``: the document capitalises it inside
        sentences often enough, and always before ``after`` ("Ben Rogers" where the dialect writes "ben" for
        "been", so lower case outnumbers the name)."""
        low = word.lower().strip("'’")
        seen = self.followed.get(low, Counter())
        # "Poor Jim", "Little Bill": an epithet always before one name is still how sentences speak of them.
        return low not in NEVER and low not in EPITHETS and self.capital[low] >= FIXED_USES \
            and seen[after.lower()] == self.capital[low]

    def compound(self, word: str) -> bool:
        """A word capitalised in the middle of sentences at least as often as it is written in lower case: part
        of a proper name where it stands before one ("New" in "New Zealand"), though not a name of its own."""
        low = word.lower().strip("'’")
        if low in NEVER or re.match(r"i['’]\w", low):  # "Matthew I'd": the pronoun I is always capitalised
            return False
        return self.capital[low] >= max(2, self.lower[low])

    def unseen(self, word: str) -> bool:
        """Whether the document writes ``word`` nowhere but at the start of sentences: no evidence of its case."""
        low = word.lower().strip("'’")
        return not self.capital[low] and not self.lower[low] and not re.fullmatch(INITIAL, word)

    def name_word(self, word: str) -> bool:
        low = word.lower().strip("'’")
        # "I'm", "I'd", "I’ve": the pronoun I, always capitalised, is never a name.
        if low in NEVER or not word[:1].isupper() or re.match(r"i['’]\w", low):
            return False
        if low.endswith(("ly", "ing")) and not self.capital[low]:
            # "Suddenly Anne", "Guiding himself by the sound, he…": an adverb or a participle that only ever
            # opens sentences
            return False
        return self.lower[low] * 4 <= self.capital[low] or (self.lower[low] == 0 and self.capital[low] > 0)


FIXED_USES = 3  # times a word is capitalised inside sentences, always before one name, to be part of that name
NEXT_WORD = re.compile(rf"[ \t\u00a0]+([{CAP}][\w'’]*)")


def _opens_sentence(text: str, i: int) -> bool:
    before = text[max(0, i - 4):i].rstrip(" \t\"“‘'«„—–-(")
    return not before or before[-1] in ".!?\n:;" or text[max(0, i - 2):i].endswith("\n")


def split_title(name: str) -> tuple[str | None, list[str]]:
    """("mrs", ["Bennet"]) for "Mrs. Bennet"; titles beyond the first are dropped ("Sir William" keeps Sir)."""
    words = [w for w in re.sub(rf"\.(?![{CAP}]\.)", ". ", name).split() if w != "."]
    title = None
    while words and words[0].lower().rstrip(".") in TITLES and len(words) > 1:
        title = title or words[0].lower().rstrip(".")
        words = _without_office(words[1:])
    words = _saints_joined(words)
    return title, [w.rstrip(".") if len(w.rstrip(".")) > 1 and not re.fullmatch(ACRONYM, w) else w for w in words]


def _saints_joined(words: list[str]) -> list[str]:
    """"Ermengarde St. John": a saint's abbreviation and the word it shortens are one word of the name, the
    surname, never a first name "St" ("Miss St. John" is a Miss St. John, "Mr. St. John" her father)."""
    out: list[str] = []
    for w in words:
        if out and re.fullmatch(SAINT, out[-1]):
            out[-1] = f"{out[-1]} {w}"
        else:
            out.append(w)
    return out


def _without_office(words: list[str]) -> list[str]:
    """The name after a title's office: "of Washington Chris Gregoire" is Chris Gregoire, "of New York Andrew
    Cuomo" Andrew Cuomo, "to the United States Hamdullah Mohib" Hamdullah Mohib, "of India Dnyaneshwar M. Mulay"
    Dnyaneshwar M. Mulay (offices.after_place); "of Washington Gregoire" Gregoire."""
    if len(words) < 3 or words[0] not in ("of", "to", "for"):
        return words
    return after_place(words, lambda w, nxt: False) or words[-1:]


def clean(name: str, case: WordCase, spoken: bool = False) -> str | None:
    """The person's name in a capitalised run, or None: sentence openers before it are dropped ("Though
    Pence" is Pence), a run with a word the document writes in lower case is no name ("Somebody"), nor is a
    people's adjective alone ("American"). ``spoken``: the run opens what someone says, where imperatives stand.
    """
    words = without_generation(_unrepeated(name.split()))
    # "New Zealand's Prime Minister John Key", "Lost Love’s Douville": whose, then who ("Kitt’s Hole", where the
    # words after it are no name, is a place's name whole).
    owned = _after_possessive(words)
    if len(owned) < len(words) and (who := clean(" ".join(owned), case, spoken)):
        return who
    named = _after_office(words, case)
    if named is None:
        return None  # "U.S. Marshal", "Acting Assistant Attorney General": an office, no one's name
    if named is not words and all(_name_word(w.rstrip(".,"), case) or w[:1].isupper() for w in named):
        return " ".join(named).rstrip(",;:")  # "Attorney General King": after an office, "King" is a surname
    # "the Home Office", "the Refugee Council": a body's name keeps the word before its noun.
    while words and not _is_title(words[0]) and not (len(words) == 2 and words[1] in BODIES) and (
            not _opens_name(words, case, spoken) or _before_title(words) or _epithet(words, case) or _described(words)):
        words = words[1:]  # "Though Pence", "Afghan Ambassador Mohib", "Poor Marilla": the first word is not the name's
    if len(words) > 2 and not _is_title(words[0]) and case.unseen(words[0]) \
            and all(_name_word(w, case) and not re.fullmatch(rf"{INITIAL}|{SAINT}", w) for w in words[1:]):
        # "Engineer Ted Daisey leads the effort": a word met only opening sentences, before a first and last name
        # the document writes elsewhere, is a role or an opener, not a third name.
        words = words[1:]
    while words and words[-1] in PRONOUN_I:
        words = words[:-1]  # "Meg, I …" set without its comma ("Meg I") is Meg and the speaker's "I"
    # "the Refugee Council Enver Solomon": the body a person speaks for is no part of their name.
    body = max((k for k, w in enumerate(words[:-2]) if w in BODIES), default=None)
    if body is not None and all(_name_word(w, case) for w in words[body + 1:]):
        words = words[body + 1:]
    if not words:
        return None
    title, rest = split_title(" ".join(words))
    body = len(rest) == 2 and rest[1] in BODIES  # "Home Office": a body's name, though the text writes "home"
    worded = [w for w in rest if w not in PARTICLES] or rest  # "van der Luyden": the particles are lower case
    month = title and len(rest) == 1 and rest[0].lower() in CALENDAR  # "Mrs. March"
    if not rest or not (body or _name_words(worded, case) or month):
        return None
    if title is None and len(rest) == 1 and (len(rest[0]) < 2 or _people(rest[0])):
        return None
    return " ".join(words).rstrip(",;:")


def _after_office(words: list[str], case: WordCase) -> list[str] | None:
    """The name after an office ("U.S. Attorney Campbell" is Campbell, "Interpol Washington Director Shawn Bray"
    is Shawn Bray); None for an office alone of two words or more ("U.S. Marshal"); the words unchanged when no
    office stands in them."""
    low = [w.lower().rstrip(".,") for w in words]
    nouns = [k for k in range(len(words)) if _office(low, k)]
    if not nouns:
        return words
    if nouns[-1] == len(words) - 1:  # ends with its office: a description, or a surname ("Tom Marshal")
        alone = len(words) > 1 and all(w in OFFICE_WORDS or _org(words[k]) for k, w in enumerate(low))
        return None if alone else words
    if nouns == [0] and _is_title(words[0]) and low[1:2] in (["of"], ["to"], ["for"]):
        return words  # "Governor of Washington Chris Gregoire": a title with its office, whom "the Governor" means
    rest = after_place(words[nouns[-1] + 1:], lambda w, nxt: _joined(w, nxt, case))
    if not rest:
        return None  # "… Attorney General for National Security": an office and its place, no one's name
    return rest if len(rest) <= MAX_NAME_WORDS else words


def office_alone(name: str) -> bool:
    """Whether a run is an office and nothing more ("Acting Assistant Attorney General for National Security",
    "U.S. Marshal"): no one's name, though capitalised like one."""
    words = name.split()
    return _after_office(words, WordCase()) is None


def _office(low: list[str], k: int) -> bool:
    """An office's noun; "General" only after one ("Attorney General"): alone it is a rank ("General Tilney")."""
    if low[k] == "general":
        return k > 0 and low[k - 1] in GENERAL_AFTER
    if low[k] == "charge":  # "Special Agent in Charge", the office's noun written without its hyphens
        return k > 1 and low[k - 1] == "in" and low[k - 2] in OFFICES
    return low[k] in OFFICES or low[k].split("-")[0] in OFFICES  # "Agent-in-Charge", "Director-General"


def _joined(word: str, after: str, case: WordCase) -> bool:
    """Whether the document writes ``word`` capitalised inside sentences more than once, and every time before
    ``after``: a first name ("Grace" of "Grace Chung Becker"), not a place named once before a name."""
    low = word.lower()
    seen = case.followed.get(low, Counter())[after.lower().rstrip(".,")]
    return seen > 1 and seen == case.capital[low]


def _org(word: str) -> bool:
    """An organisation's letters before an office: "FBI", "U.S.", "NYPD"."""
    w = word.rstrip(",")
    return re.fullmatch(ACRONYM, w) is not None or (w.isupper() and 1 < len(w) <= 6)


# Adjectives that stand before a name as epithets ("Poor Marilla", "Dear Jane", "Little Bill"): a first word of a
# name only where the document also capitalises it inside sentences.
EPITHETS = frozenset(_words("poor dear little old young good kind sweet pretty brave silly wicked bad great lovely "
                            "honest gentle foolish wise cruel wretched darling precious"))


def _epithet(words: list[str], case: WordCase) -> bool:
    """"Poor Marilla was only…": an epithet the document writes nowhere but at the start of a sentence, before a
    name, is how that sentence opens, not a first name (the document's own "Little John" is capitalised inside
    sentences too)."""
    low = words[0].lower().rstrip(".,")
    return len(words) > 1 and low in EPITHETS and not case.capital[low]


PRONOUN_I = frozenset(("I", "I'm", "I’m", "I'll", "I’ll", "I've", "I’ve", "I'd", "I’d"))
# "Fifteen-year-old Jo", "Good-natured Mr. Bhaer": a compound whose later parts are in lower case describes the
# person; names joined by hyphens capitalise each part ("Jean-Luc", "Lloyd-George").
DESCRIBED = re.compile(r"\w+(?:-[a-z][\w'’]*)+")


def _described(words: list[str]) -> bool:
    return len(words) > 1 and DESCRIBED.fullmatch(words[0]) is not None


def _after_possessive(words: list[str]) -> list[str]:
    """"Lost Love's Douville", "Coors's Animée": a name never runs across a possessive; what follows it is the
    owner's (a bar's owner, a brewer's beer), named on its own. "Where's Black Dog", "Let's": a contraction
    is no owner, and the run stays as it was."""
    owner = max((k + 1 for k, w in enumerate(words[:-1]) if POSSESSIVE.search(w.rstrip(",;:"))
                 and POSSESSIVE.sub("", w.rstrip(",;:")).lower() not in CONTRACTED), default=0)
    return words[owner:]


# Words whose "'s" is "is", "has" or "us" ("There's Dirk", "Let's"), never a possessive.
CONTRACTED = frozenset(_words("it that there here where what who how when why let he she this one everybody everyone "
                               "everything nobody nothing somebody someone something"))


def _unrepeated(words: list[str]) -> list[str]:
    """"called Scrooge Scrooge, and sometimes Marley": a word said twice over is the name once, not a person whose
    first and last names are the same."""
    out: list[str] = []
    for w in words:
        if not (out and w.rstrip(",;:").lower() == out[-1].rstrip(",;:").lower()):
            out.append(w)
    return out


def _before_title(words: list[str]) -> bool:
    """A people's adjective, an organisation in capitals or a place before a title ("Afghan Ambassador …", "NASA
    Administrator Charles Bolden", "US President Barack Obama", "Pennsylvania Senator Rick Santorum"): whose title
    it is, not part of the name."""
    w = words[0].rstrip(".")
    # Any word before a title with a full name after it: "Pennsylvania Senator Rick Santorum" is the senator.
    return len(words) > 2 and _is_title(words[1]) and (_people(w) or (w.isupper() and len(w) > 1)
                                                      or (len(words) > 3 and not _is_title(w)))


def _name_words(words: list[str], case: WordCase) -> bool:
    """Whether every word of a name (after its title) is a name's: in a run of several, a word the document
    capitalises mid-sentence at least as often as it writes it in lower case is, beside one that is a name
    word ("New Zealand Herald", "Sara Young", though the document writes "new" and "young")."""
    long = [w for w in words if len(w) > 2]  # initials and "Mr" are checked elsewhere
    named = [w for w in long if _name_word(w, case)]
    if len(named) == len(long):
        return True
    return len(words) > 1 and bool(named) and all(
        w in named or case.compound(w) or (k == 0 and len(words) > 1 and case.fixed(w, words[1].rstrip(".,")))
        for k, w in enumerate(words) if w in long)  # a fixed word is a first name ("Ben Rogers"), never a tail


def _opens_name(words: list[str], case: WordCase, spoken: bool = False) -> bool:
    """Whether a run's first word is part of the name: a name word, or a word the document writes capitalised
    in the middle of sentences before another name word ("the New Zealand Herald", though it writes "new")."""
    w = words[0].rstrip(".")
    if len(words) > 1 and spoken and case.unseen(w) and case.capital[POSSESSIVE.sub("", words[1]).lower()] > 1:
        # "“Loose Bessie's hand, child”": a word met only opening what people say, before a name the text uses
        # on its own, is an order's verb ("“Ruth Vane.”", a name given once, stays whole)
        return False
    return _name_word(w, case) or (len(words) > 1 and (case.compound(w) or case.fixed(w, words[1].rstrip(".,")))
                                   and any(_name_word(x.rstrip("."), case) for x in words[1:]))


# "Y-o-u-u", "S-s-sir": a word spelt out or stammered, letter by letter, is how someone says it, not a name.
SPELT_OUT = re.compile(r"(?:^|-)\w-\w(?:-|$)")


# "I’ve", "Isn’t", "We'll": a word with a verb worn down into it opens a sentence; no name ends that way.
WORN_DOWN = re.compile(r"['’](?:ve|t|ll|re|d|m)$")


def _name_word(word: str, case: WordCase) -> bool:
    if SPELT_OUT.search(word) or WORN_DOWN.search(word):
        return False
    if re.fullmatch(JOINED_PARTICLE, word):
        return True  # "al-Amr": the particle in lower case, the name after it capitalised, as only names are
    return case.name_word(word) or re.fullmatch(INITIAL, word) is not None or re.fullmatch(ACRONYM, word) is not None


def _people(word: str) -> bool:
    """A people's adjective or noun ("American", "Australians"): English capitalises them, other languages not."""
    low = word.lower()
    return low in speech.DEMONYMS or (low.endswith("s") and low[:-1] in speech.DEMONYMS)


def _is_title(word: str) -> bool:
    return word.lower().rstrip(".") in TITLES
