"""Whether the person a claim names and the person whose words they are could be one person (issue 22 §3).

People type the names they know ("Clinton", "Christine Blasey Ford", "Mr. Darcy") where a document and the
index keep another form ("Ford", "Fitzwilliam Darcy", an IRC handle "mnot" for Mark Nottingham). An
accusation of misattribution needs two *different people*, so any reading that lets the names be one person
counts as the same: the speaker directory's own (aliases, first name or surname of a full name), a name word
they share, a first name that is the start of the other ("Dan", "Daniel"), or a login made of the starts of the
name's parts in order ("mnot": Mark NOTtingham; "tbl": Tim Berners-Lee).
"""

from __future__ import annotations

import re

from ..index.speakers import SpeakerDirectory

# Words of address that are not part of who someone is.
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "senator", "sen", "rep", "president", "judge",
          "justice", "prof", "professor", "rev", "hon", "mp", "minister", "secretary", "governor", "chairman"}
PREFIX_MIN = 3  # letters a shortened first name keeps ("Dan", "Sam"): fewer would match too many names


def name_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[^\W_]+", name.casefold()) if w not in TITLES]  # "#7" tells people apart


def _login_of(login: str, parts: list[str]) -> bool:
    """Whether ``login`` is the starts of ``parts`` in order, each at least one letter ("mnot", "tbl")."""
    if not login or not parts:
        return not login
    part = parts[0]
    return any(login[:n] == part[:n] and _login_of(login[n:], parts[1:]) for n in range(1, len(part) + 1)) \
        or _login_of(login, parts[1:])


# English pet names and the names they stand for ("Kitty" is Catherine Bennet): a person called by either may be
# the one a claim names by the other. Only the forms that share no start with their name (those that do are
# caught by PREFIX_MIN: "Lizzy"/"Elizabeth" are not, "Dan"/"Daniel" are).
PET_NAMES = {"kitty": ("catherine", "katherine", "kathryn"), "kate": ("catherine", "katherine"),
             "bill": ("william",), "will": ("william",), "bob": ("robert",), "rob": ("robert",),
             "dick": ("richard",), "rick": ("richard",), "jack": ("john",), "johnny": ("john",),
             "peggy": ("margaret",), "maggie": ("margaret",), "meg": ("margaret",), "polly": ("mary",),
             "molly": ("mary",), "lizzy": ("elizabeth",), "lizzie": ("elizabeth",), "liz": ("elizabeth",),
             "beth": ("elizabeth",), "betsy": ("elizabeth",), "ted": ("edward", "theodore"),
             "ned": ("edward",), "harry": ("henry", "harold"), "hal": ("henry",), "jim": ("james",),
             "jimmy": ("james",), "peg": ("margaret",), "sally": ("sarah",), "patsy": ("patricia", "martha"),
             "tony": ("anthony",), "chuck": ("charles",), "charlie": ("charles",), "nancy": ("ann", "anne"),
             "jenny": ("jane", "jennifer"), "sandy": ("alexander", "sandra"), "hank": ("henry",)}


def _pet_of(a: str, b: str) -> bool:
    return b in PET_NAMES.get(a, ()) or a in PET_NAMES.get(b, ())


SEVERAL_RE = re.compile(r"\s+and\s+|\s*[,&;]\s*")  # between the names of a speaker that is several people
GENDERED = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f", "lord": "m"}


SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"}  # after a comma, still one person ("King, Jr.")


def several(speaker: str) -> bool:
    """Whether a speaker is several people ("Chris Angelico, Tim Peters, Guido van Rossum": a PEP's authors), not
    one with a suffix or a party ("Martin Luther King, Jr.", "Lincoln Chafee, D-RI")."""
    people = [n for n in SEVERAL_RE.split(speaker)
              if any(len(w) >= 3 and w not in SUFFIXES for w in name_words(n))]
    return len(people) > 1


def _gender(name: str) -> str | None:
    first = name.split()[0].casefold().rstrip(".") if name.split() else ""
    return GENDERED.get(first)


def known(directory: SpeakerDirectory, claimed: str) -> bool:
    """Whether ``claimed`` names someone the corpus knows as a speaker (under any of their names)."""
    if directory.resolve(claimed) or directory.person(claimed):
        return True
    words = name_words(claimed)
    return bool(words) and any(_alike(words, name_words(a)) for p in directory.people() for a in p.aliases
                               if name_words(a))


def could_be_same(directory: SpeakerDirectory, claimed: str, speaker: str) -> bool:
    """Whether ``claimed`` and ``speaker`` may name one person (True when unsure: never accuse on a spelling)."""
    if directory.could_be(claimed, speaker) or directory.could_be(speaker, claimed) \
            or any(directory.could_be(speaker, p) for p in directory.resolve(claimed)):
        return True
    if (owner := _possessor(speaker)) and could_be_same(directory, claimed, owner):
        return True  # "Marley's Ghost" may be Jacob Marley: no grounds to accuse
    if None not in (_gender(claimed), _gender(speaker)) and _gender(claimed) != _gender(speaker):
        return False  # Mrs. Bennet is not Mr. Bennet
    if not name_words(speaker) or not name_words(claimed):
        return True  # a bare title ("Lady.", a play's label for Lady Macbeth) names nobody in particular
    several = [n for n in SEVERAL_RE.split(speaker) if n.strip()]
    if len(several) > 1:  # "Guido van Rossum and Barry Warsaw": words of each of them
        return any(could_be_same(directory, claimed, n) for n in several)
    # The claimed name's people as the directory resolves them ("Nottingham": Mark Nottingham), with their
    # aliases: a login of the speaker's may be made of those ("mnot").
    theirs = {claimed} | directory.resolve(claimed)
    names = {speaker} | theirs
    for n in (speaker, *theirs):
        person = directory.person(n)
        names |= set(person.aliases) if person else set()
    a_names = [name_words(n) for n in names if directory.could_be(n, speaker) or n == speaker]
    b_names = [name_words(n) for n in names if n in theirs or directory.could_be(n, claimed)
               or any(directory.could_be(n, t) for t in theirs)]
    return any(_alike(a, b) for a in a_names for b in b_names if a and b)


POSSESSED = re.compile(r"^(?P<owner>.+?)['’]s?\s+\w")  # "Marley's Ghost", "the Lord's anointed"


def _possessor(speaker: str) -> str | None:
    """The one a speaker is named after ("Marley" in "Marley's Ghost"): a person named by another's name may be
    that person (a ghost, a spirit) or someone else (a wife, a son); either way, not surely someone else."""
    m = POSSESSED.match(speaker.strip())
    return m.group("owner") if m and name_words(m.group("owner")) else None


def _alike(a: list[str], b: list[str]) -> bool:
    """Two names' words (titles gone) that may be one person's. Two full names must agree on the surname and the
    first name (or its start): Mary Bennet is not Lydia Bennet."""
    if len(a) >= 2 and len(b) >= 2:
        return a[-1] == b[-1] and (a[0].startswith(b[0]) or b[0].startswith(a[0]))
    short, full = (a, b) if len(a) == 1 else (b, a)
    word = short[0]
    if len(full) == 1 and (_pet_of(word, full[0]) or _spelt_alike(word, full[0])):
        return True
    return word in full or (len(word) >= PREFIX_MIN and full[0].startswith(word)) \
        or (len(word) >= 2 and len(full) >= 2 and _login_of(word, full))


# A handle's digits for letters ("jrand0m" is jrandom), as people type it either way.
LEET = str.maketrans("0134578@$", "oleastbas")
SPELLING_MIN = 5  # letters a name needs before one letter more or less is a spelling, not another name


def _spelt_alike(a: str, b: str) -> bool:
    """One name spelt two ways: a handle's digits, an old spelling or an abbreviated label ("Rosse" and "Ross",
    "Macb" and "Mac", "jrand0m" and "jrandom"). Never enough to accuse: a false accusation is worse than none."""
    a, b = a.translate(LEET), b.translate(LEET)
    if a == b or (min(len(a), len(b)) >= PREFIX_MIN and (a.startswith(b) or b.startswith(a))):
        return True
    return min(len(a), len(b)) >= SPELLING_MIN and _one_edit(a, b)


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


# Quotation marks that open and close a quotation inside a passage; the passage's speaker is then quoting someone.
DOUBLE = (re.compile(r"[“«„]|``|(?<![\w.,;:!?])\""), re.compile(r"[”»]|''|\"(?!\w)"))
# Single marks: a quotation inside a quotation (‘Oh! the eldest Miss Bennet’ repeated by Charlotte), or a card read
# out in a play. A straight one opens only before a letter and after none, so "don't" and "students'" do not.
# A word cut at its start ("'tis", "'twas", "'em", "'gainst") begins with an apostrophe, not a quotation.
ELIDED = r"(?!(?:tis|twas|twere|twill|twould|twixt|em|til|gainst|mongst|cause|bout|neath|n)\b)"
SINGLE = (re.compile(rf"‘{ELIDED}|(?<![\w'])'{ELIDED}(?=[^\W\d_]|$)", re.IGNORECASE),
          re.compile(r"’(?!\w)|(?<=[\w.,;:!?])'(?![\w'])"))
QUOTER_WORDS = 4  # words of the passage's own before a quotation that make it a quoter's, not a speech's mark


def quoted_within(text: str, passage_start: int, start: int, end: int,
                  marks: tuple[re.Pattern, re.Pattern] = DOUBLE) -> bool:
    """Whether ``text[start:end]`` sits inside quotation ``marks`` that the passage opens after words of its own
    (a senator reading a letter out, a minister quoting Sheridan): then whose words they are is not sure."""
    opening, closing = marks
    before = text[passage_start:start]
    opens = list(opening.finditer(before))
    if not opens:
        return False
    last = opens[-1]
    if closing.search(before[last.end():]):
        return False
    return len(re.findall(r"\w+", before[:last.start()])) >= QUOTER_WORDS


# A quotation that opens with a quotation inside it (“‘They aren’t straight,’” answered the other): the speaker
# tells what someone else said, and the words are that other person's.
NESTED_OPEN_RE = re.compile(r"(?:[“«„]|``|\")\s*(?:‘|')\s*$")


def nested_quote(text: str, start: int) -> bool:
    """Whether the words at ``start`` open a quotation within a quotation, both marks right before them."""
    return NESTED_OPEN_RE.search(text[max(0, start - 6):start]) is not None
