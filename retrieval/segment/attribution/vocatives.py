"""Vocatives: the people a quotation speaks to ("Harriet, do you…", "…, Mr. Knightley?", "my dear Jane").

Whoever a quotation addresses is not its speaker; in a two-person exchange, it is the other one's turn.
"""

from __future__ import annotations

import re

from .cast import Cast, Character
from .descriptions import SEX
from .kin import KIN
from .names import NAME, TITLES, split_title

# A name opening the quotation before a comma ("Harriet, do you…"; "Pshaw!" is no name), or after a comma,
# "dear" or "Oh" and before punctuation or the end ("…, Mr. Knightley?").
# A name opening a sentence after "!" or "?" is addressed only before a comma, as at the start ("Pooh! Forgery."
# names nothing).
_VOCATIVE = re.compile(rf"(?:(?:^|(?<=[!?])\s+)(?P<first>{NAME})(?=\s*,)|(?:[,;]\s+|\b[Dd]ear\s+|\b(?:Oh|O|Ah),?\s+)"
                       rf"(?P<name>{NAME})(?=\s*(?:[,!?.;:]|--|—|$)))")

# "I remember her aunt very well, Biddy Henshawe; she married …": a name the next clause goes on about is talked
# about, not called.
# ("…, Mr. Holmes, he was honestly convinced" calls him: after a comma the pronoun may be anyone.)
_TALKED_ABOUT = re.compile(r"\s*(?:[;:]|--|—)\s*(?:she|he)\b")

# "Mr. Lockwood, your new tenant, sir", "And that young lady, Mrs. Heathcliff, is his widow?": a name with a
# description of its bearer beside it between commas is someone spoken of (or the speaker, saying who they are),
# not someone called; "Harry, my boy" calls, and "Holmes, the man is here" goes on past the noun.
_PERSON = "|".join(sorted(SEX, key=len, reverse=True))
_APPOSED_AFTER = re.compile(rf"\s*,\s+(?:your|his|her|their|the|that|this)\s+(?:[a-z]+\s+){{0,2}}(?:{_PERSON})"
                            r"(?=\s*(?:[,!?.;:]|--|—|$))")
_APPOSED_BEFORE = re.compile(rf"\b(?:your|his|her|their|the|that|this)\s+(?:[a-z]+\s+){{0,2}}(?:{_PERSON})\s*,\s*$")

# "Unsuitable, sir.", "Perfect, madam.": an untitled word before a call of respect is the answer, not a second call
# (nobody calls one by a bare name and "sir" in one breath), however the cast came to hold it as a name; a titled
# one is called so ("Mr. Holmes, sir, …").
_RESPECT = re.compile(r"\s*,\s*(?:sir|madam|ma['’]am|my\s+lord|my\s+lady|your\s+(?:lordship|ladyship|honou?r|majesty))"
                      r"(?=\s*(?:[,!?.;:]|--|—|$))", re.IGNORECASE)

# "No'm, I ain't hungry.", "Yes'm.": an answer with "ma'am" worn down to its last letter, which no name ends with.
_MAAM = re.compile(r"\w['’]m$")


# A quotation within a quotation: ‘…’ inside “…” (or '…' inside "…"), opened where a word could start and closed
# where no letter follows (an apostrophe, "don’t", "o’clock", is inside a word).
_NESTED = re.compile(r"(?<![\w])[‘'](?=\S)[^‘’'\"“”]*?(?<=\S)[’'](?![A-Za-z])")


# A double quotation within a single one ('…"Run, Tom, run!" she whispered…'), as editions that quote dialogue in
# single marks nest; an unclosed one runs to the end.
_NESTED_DOUBLE = re.compile(r"[“\"][^“”\"]*(?:[”\"]|$)")


def own_words(inner: str, single: bool = False) -> str:
    """A quotation's words without the quotations it reports (“…Michael said to me, ‘How did you know me,
    mother?’”; ``single``: a single-marked one, '…"Run, Tom, run!" she whispered…'): whom those call is someone
    the reported speaker spoke to, not whom the speaker speaks to."""
    return _NESTED_DOUBLE.sub(" ", inner) if single else _NESTED.sub(" ", inner)


# "Jeeves! There's something in there…": a name cried out alone to open the quotation calls its bearer…
_CRY = re.compile(rf"^(?P<name>{NAME})\s*!")


def addressees(inner: str, cast: Cast) -> list[Character]:
    """The cast's people that ``inner`` (a quotation's words, without its marks) addresses, in order."""
    text = inner.strip().strip("_")
    out = _cried(text, cast)
    found = list(_VOCATIVE.finditer(text))
    for m in found:
        name = m.group("first") or m.group("name")
        if not split_title(name)[1] or name.rstrip(".").lower() in TITLES or _MAAM.search(name):
            continue  # a bare title, "Mr." of "Mr. and Mrs. Thomas"; "No'm", "Yes'm": "no, ma'am"
        if m.group("name") and _TALKED_ABOUT.match(text, m.end()):
            continue
        at = m.start("first") if m.group("first") else m.start("name")
        if _APPOSED_AFTER.match(text, m.end()) or _APPOSED_BEFORE.search(text, 0, at):
            continue
        if not split_title(name)[0] and _RESPECT.match(text, m.end()):
            continue
        if _mentioned(text, name) > sum((v.group("first") or v.group("name")) == name for v in found):
            continue  # "Goshen, child?  This ain't Goshen.": a word echoed and talked about, not someone called
        c = cast.resolve(name)
        if c is not None and c not in out:
            out.append(c)
    return out


def _cried(text: str, cast: Cast) -> list[Character]:
    """…where the cast knows the bearer's gender, as it knows a person's ("Pshaw!", "Nonsense!" are cried too,
    and a cast learnt from the text may hold them: no pronoun or title ever gives them one)."""
    m = _CRY.match(text)
    c = cast.resolve(m.group("name")) if m and split_title(m.group("name"))[1] else None
    return [c] if c is not None and c.gender and _mentioned(text, m.group("name")) == 1 else []


def _mentioned(text: str, name: str) -> int:
    return len(re.findall(rf"(?<![\w'’]){re.escape(name)}(?![\w])", text))


# "I cannot agree with you, papa": a parent addressed by the word for them, which no cast holds as a name.
PARENT_WORDS = {"papa": "father", "father": "father", "mamma": "mother", "mama": "mother", "mother": "mother"}
_PARENT = re.compile(r"(?:^|[,;!?]\s+|\b(?:[Dd]ear|[Oo]h|[Mm]y)\s+)(?P<word>[Pp]apa|[Mm]amm?a|[Ff]ather|[Mm]other)"
                     r"(?=\s*(?:[,!?.;:]|--|—|$))")


def parents_addressed(inner: str, people: list[Character], cast: Cast) -> list[Character]:
    """The parent ``inner`` addresses as "papa" or "mamma": the one character of that title whose surname
    one of ``people`` (the scene's) shares, as kin.py reads "her father"; nobody where two could be. The child
    goes by a first name or "Miss": "Mrs. Weston" is no child of Mr. Weston's."""
    out: list[Character] = []
    for m in _PARENT.finditer(inner.strip().strip("_")):
        gender, titles = KIN[PARENT_WORDS[m.group("word").lower()]]
        fit = [c for c in cast.characters if split_title(c.name)[0] in titles and c.gender in (None, gender)
               and any(o is not c and o.last.lower() == c.last.lower() and _child(o) for o in people)]
        if len(fit) == 1 and fit[0] not in out:
            out.append(fit[0])
    return out


def _child(c: Character) -> bool:
    return bool(c.first) or split_title(c.name)[0] in ("miss", "master")


def only_child(parent: Character, cast: Cast) -> Character | None:
    """The one child of ``parent``'s family in the whole cast: a first-named or "Miss" character of the
    surname. None where there are several ("Elizabeth Bennet" beside "Miss Bennet") or none."""
    kids = [c for c in cast.characters if c is not parent and c.last.lower() == parent.last.lower() and _child(c)]
    return kids[0] if len(kids) == 1 else None


# "I don't know, aunt.": an aunt or uncle called by the word, which the cast holds as a title ("Aunt Polly").
_KIN_TITLE = re.compile(r"(?:^|[,;!?]\s+|\b(?:[Dd]ear|[Oo]h|[Mm]y)\s+)(?P<word>[Aa]unt(?:ie|y)?|[Uu]ncle)"
                        r"(?=\s*(?:[,!?.;:]|--|—|$))")


def titled_kin_addressed(inner: str, cast: Cast) -> list[Character]:
    """The aunt or uncle ``inner`` calls "aunt" or "uncle": the cast's one character of that title; nobody
    where the cast has two aunts."""
    out: list[Character] = []
    for m in _KIN_TITLE.finditer(inner.strip().strip("_")):
        title = "uncle" if m.group("word").lower() == "uncle" else "aunt"
        fit = [c for c in cast.characters if split_title(c.name)[0] == title]
        if len(fit) == 1 and fit[0] not in out:
            out.append(fit[0])
    return out


# "My name is Ann Lee.", "I'm Tom when I'm good", "Ann Lee. What's yours?" after "What's your name?": a speaker
# who says who they are.
_INTRODUCTION = re.compile(rf"^(?:(?:[Mm]y name(?:'s|’s| is)|I am|I'm|I’m|[Cc]all me|[Tt]hey call me)\s+)"
                           rf"(?P<name>{NAME})(?=\s*(?:[,!.;:]|--|—|$|\s+when\b))")
_ASKS_NAME = re.compile(r"(?i)\b(?:what(?:'s|’s| is) your name|who are you|what are you called|your name\?)")


def asks_name(text: str) -> bool:
    """Whether ``text`` asks someone's name ("What's your name?", "Who are you?")."""
    return _ASKS_NAME.search(text) is not None


def introduced(inner: str, asked: bool, cast: Cast) -> Character | None:
    """The person a quotation says its speaker is: "My name is …", "I am …", or, answering a question after a
    name (``asked``), a name standing alone at its start ("Ann Lee. What's yours?")."""
    text = inner.strip().strip("_")
    m = _INTRODUCTION.match(text)
    if m is None and asked:
        m = re.match(rf"(?P<name>{NAME})(?=\s*[.!])", text)
    if m is None or not split_title(m.group("name"))[1] or m.group("name").rstrip(".").lower() in TITLES \
            or re.match(r"\.?\s+[A-Z][\w.]*['’]s\b", text[m.end():]):
        return None  # "I'm Mrs. Medlock's servant": a title before someone else's name, not a name of one's own
    return cast.resolve(m.group("name"))
