"""Who asks and who answers in an interview. ``Q`` / ``A`` and role labels (``Interviewer:``, ``Respondent:``)
name nobody themselves; the document ties them to people: a header field (``Interviewer: Ann Lee``), the author
(the byline asks), an introduction naming the one person interviewed ("an interview with X", "I spoke with X",
"Meet X"). A role is named only when one person is tied to it unambiguously; a briefing's ``Q`` (reporters
from the floor, beside named officials) is no interview and stays unnamed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...masthead import BYLINE_RE
from ...page import Page
from ...speech import CAPITALS
from .names import Named
from .shapes import FIELD_KEYS

# Label keys (as ``induce.key`` counts them) that are a role in an interview, not a name.
ASK_ROLES = frozenset({"q", "interviewer", "int"})
ANSWER_ROLES = frozenset({"a", "interviewee", "respondent", "resp"})
# Header fields that name the people in those roles.
ASK_FIELDS = ("interviewer", "host", "presenter", "moderator", "q", "question", "questions")
ANSWER_FIELDS = ("interviewee", "guest", "speaker", "a", "answer", "answers")
AUTHOR_FIELDS = ("author", "by", "written by")

_NAME = rf"[{CAPITALS}][\w'’\-]+(?:\s+(?:(?:de|da|van|von|der|al|el|bin|ibn)\s+)?[{CAPITALS}][\w'’\-]+){{1,3}}"
# A metadata line naming the author, in a front matter or a link-reference comment
# (``[#]: author: (Chris Hermansen https://…)``): one name, maybe an address after it.
AUTHOR_LINE_RE = re.compile(
    rf"^(?:\[[^\]]{{0,20}}\]:\s*)?(?i:author|written by|interviewer)\s*:\s*[(\[\"']?\s*(?P<name>{_NAME})"
    r"\s*(?:<[^>\s]*>|\(?https?://\S*)?\s*[)\]\"']?\s*$")
# A role written between the cue and the name ("an interview with PipeWire creator Wim Taymans").
ROLE_NOUNS = ("creator", "co-founder", "cofounder", "founder", "maintainer", "author", "developer", "inventor",
              "designer", "ceo", "cto")
# What an introduction says when it names the person interviewed: "an interview with X", "talks to X",
# "I contacted X", "we asked X", a heading "Meet X". The verb is the interviewer's, so X is the answerer.
INTRO_CUE_RE = re.compile(
    r"(?:\b(?i:interview|conversation|chat|q\s?&\s?a|talks?|talked|spoke|speaks|speaking|chatted|sat\s+down|"
    r"caught\s+up|catches\s+up)\s+(?i:with|to)\s+(?:(?:[\w.\-]+\s+)?(?i:" + "|".join(ROLE_NOUNS) + r")\s+)?"
    r"|\b(?:I|[Ww]e)\s+(?:recently\s+|also\s+|first\s+)?(?i:interviewed|asked|contacted|reached\s+out\s+to)\s+"
    r"|^(?:#{1,6}\s+|\*\*|__)?(?i:meet|introducing)\s+)"
    rf"\[?(?P<name>{_NAME})")
# A second person joined to the first in the same sentence ("… X, maintainer of Y] and [Z W"): no one answerer.
SECOND_PERSON_RE = re.compile(rf"^[^.!?]*?(?:\band\b|&)\s+\[?{_NAME}")
NOT_NAMES = frozenset({"the", "this", "that", "our", "my", "his", "her", "their", "its", "a", "an"})
# Words a title-cased heading capitalises after a name ("An Interview With Jane Doe On Open Source"): the name ends.
AFTER_NAME = frozenset({"on", "about", "in", "at", "of", "for", "and", "the", "from", "to", "with", "who", "how",
                        "why", "what", "part", "episode"})


UNNAMED = Named("")


@dataclass(frozen=True)
class Roles:
    """The interview's asker and answerer, each a name with how the document ties it, or unnamed."""

    asker: Named = UNNAMED
    answerer: Named = UNNAMED

    def of(self, k: str) -> Named | None:
        """The person a role label stands for; None for a label that is no role."""
        return self.asker if k in ASK_ROLES else self.answerer if k in ANSWER_ROLES else None


def is_interview(keys: set[str]) -> bool:
    """Only role labels, a question among them: the page may be an interview (answers labelled or not), not a
    briefing with questions from the floor beside named officials. ``interview_roles`` decides whether it is."""
    return bool(keys) and keys <= ASK_ROLES | ANSWER_ROLES and bool(keys & ASK_ROLES)


def unlabelled_answers(keys: set[str]) -> bool:
    """Only questions are labelled (``**Q: …**`` then the answer's paragraphs): the answers are the answerer's."""
    return bool(keys) and keys <= ASK_ROLES


def interview_roles(page: Page, first: int) -> Roles:
    """Who asks and who answers, from the page above its first label (``first``, a line index)."""
    asker = _field(page.fields, ASK_FIELDS, "the header's interviewer field") or _author(page, first)
    answerer = _field(page.fields, ANSWER_FIELDS, "the header's interviewee field") or _introduced(page, first)
    if answerer is None or (asker and asker.speaker.casefold() == answerer.speaker.casefold()):
        # No one interviewed: a FAQ's author writes both sides, so a byline is no asker. One person on both
        # sides: the reading is wrong somewhere.
        return Roles()
    return Roles(asker or UNNAMED, answerer)


def _one(value: str) -> str | None:
    """The one person a field's value names (``Ann Lee (Acme)``, ``Ann Lee <ann@x.org>``); None for several."""
    value = re.sub(r"<[^>]*>|\([^)]*\)|https?://\S+", "", value).strip(" \"'")
    if re.search(r",|;|&|\band\b", value):
        return None
    return value if re.fullmatch(_NAME, value) else None


def _field(fields: dict[str, str], keys: tuple[str, ...], how: str) -> Named | None:
    found = {n for k in keys if k in fields and (n := _one(fields[k]))}
    return Named(found.pop(), 1.0, how) if len(found) == 1 else None


def _author(page: Page, first: int) -> Named | None:
    """The one author: a header field, a byline or a metadata line above the first label (the author asks)."""
    named = _field(page.fields, AUTHOR_FIELDS, "the author asks (the header's author field)")
    if named:
        return named
    found: set[str] = set()
    for ln in page.lines[:first]:
        text = ln.text.strip()
        m = AUTHOR_LINE_RE.match(text) or BYLINE_RE.match(text.strip("*_ "))
        if m and (name := _one(m.group("name"))):
            found.add(name)
    return Named(found.pop(), 1.0, "the author asks (the byline)") if len(found) == 1 else None


def _introduced(page: Page, first: int) -> Named | None:
    """The person the introduction's last cue names, nearest the first question: earlier cues may recall other
    interviews ("Previously I interviewed X and Y"); a cue naming two people names no one answerer."""
    for ln in reversed(page.lines[:first]):
        cues = list(INTRO_CUE_RE.finditer(ln.text))
        if not cues:
            continue
        m = cues[-1]
        words = m.group("name").split()
        cut = next((i for i, w in enumerate(words) if w.casefold() in AFTER_NAME), len(words))
        name = " ".join(words[:cut])
        if cut < 2 or words[0].casefold() in NOT_NAMES or name.casefold() in FIELD_KEYS or \
                SECOND_PERSON_RE.match(ln.text[m.end():]):
            return None
        return Named(name, 1.0, f"the introduction names the person interviewed ({m.group().strip(' [#*_')!r})")
    return None
