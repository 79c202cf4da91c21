"""Who speaks in each paragraph of a body: the narrator, or the person a quotation is attributed to.

Handles the common news patterns: ``X said, “…”``, ``X, a student, told Y, “…”``, ``X added, “…”``,
``“…,” X said``, ``“…,” said X``, ``He said …“…”`` (the pronoun resolved to the last named speaker),
``…, adding, “…”``, and statements introduced by ``X issued the following statement``. A paragraph
that continues an open quotation, or opens a new one without any attribution, keeps the speaker before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Role
from .sentences import sentence_spans

VERBS = (
    "said|says|told|tells|added|adds|explained|explains|continued|continues|argued|argues|insisted|insists|"
    "warned|warns|wrote|writes|asked|asks|declared|declares|stated|states|noted|notes|replied|replies|"
    "urged|urges|claimed|claims|recalled|recalls|admitted|admits|stressed|stresses|commented|comments|"
    "acknowledged|acknowledges|announced|announces|suggested|suggests|pointed out|points out"
)
_W = r"[A-Z][\w'’\-]*\.?"
NAME = rf"{_W}(?:\s+(?:{_W}|de|van|von|der|bin|al|da|du|le|la))" + "{0,3}"
PRONOUN = r"He|She|They"
OPEN = "“\""
_OPEN_CLASS = "[“\"]"

# Words that start sentences but are never a speaker's name.
NOT_NAMES = {
    "the", "this", "that", "these", "those", "it", "its", "but", "and", "or", "so", "in", "on", "at", "as",
    "a", "an", "if", "when", "while", "after", "before", "many", "some", "most", "all", "thousands",
    "hundreds", "huge", "there", "here", "what", "why", "how", "who", "we", "i", "you", "our", "my", "his",
    "her", "their", "one", "last", "yesterday", "today", "tomorrow", "meanwhile", "however", "also",
    "critics", "supporters", "officials", "people", "members", "labour", "government", "police",
}

TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "councillor", "cllr",
    "president", "minister", "senator", "governor", "mayor", "judge", "rev", "reverend", "father", "sister",
    "deputy", "leader", "chancellor", "secretary", "chair", "chairman", "chairwoman", "general", "captain",
}

# A job or role before a name: "Club captain Finn Albright", "The harbour master Li Wei", "shop steward …".
DESCRIPTOR = r"(?:(?:[A-Z][a-z'’]+\s+)?(?:[a-z][\w'’\-]*\s+){1,3})"
LEAD_RE = re.compile(
    rf"(?:(?:As|And|But|So|Yet|Then|Now)\s+)?{DESCRIPTOR}?(?P<who>{NAME}|{PRONOUN})(?:,[^“”\"]{{1,120}}?,)?\s+(?:also\s+|then\s+|later\s+)?(?:{VERBS})\b"
    rf"(?P<mid>[^“”\"]{{0,160}}?)[,:]?\s*{_OPEN_CLASS}"
)
TRAIL_RE = re.compile(
    # “…,” X said / “…,” council leader X said / “…,” said X / “…,” said shop steward X
    rf"[,?!…]\s*[”\"]\s*(?:(?:[a-z][\w\-]*\s+){{0,4}}(?P<who1>{NAME}|he|she|they)\s+(?:{VERBS})\b"
    rf"|(?:{VERBS})\s+(?:[a-z][\w'’\-]*\s+){{0,3}}(?P<who2>{NAME}))"
)
# "Whitfield was blunt: “…”": a name, a few words, a colon, a quotation.
COLON_RE = re.compile(rf"(?P<who>{NAME})\s+[^“”\".!?:]{{1,40}}?:\s*{_OPEN_CLASS}")
# "According to the union, …": the rest of the sentence is theirs.
ACCORDING_RE = re.compile(rf"According to (?P<who>{NAME})")
# "The operator's chief executive, Tomasz Nowak, said …": a descriptor, then the name in commas.
APPOSITION_RE = re.compile(rf"[^“”\".!?]{{1,80}}?,\s+(?P<who>{NAME}),\s+(?:also\s+|then\s+|later\s+)?"
                           rf"(?:{VERBS}|[a-z]+ed\b[^“”\"]{{0,120}}?,\s*(?:adding|saying))\b")
# "X backed the plan, saying it would “…”": a partial quotation after saying/adding.
ADDING_RE = re.compile(rf"(?P<who>{NAME}|{PRONOUN})\b.*?,\s*(?:adding|saying)\b[^“”\"]{{0,80}}?{_OPEN_CLASS}", re.S)
STATEMENT_RE = re.compile(
    rf"^(?P<who>{NAME})\s+(?:has\s+|have\s+)?(?:issued|released|made|gave|published|put out|sent)\s+"
    r"(?:the following|this|a|his|her|their)\s+(?:statement|message|letter)",
    re.IGNORECASE,
)
SUBJECT_RE = re.compile(rf"(?:^|[.!?]\s+)(?P<who>{NAME})\s+(?:[a-z]+ed|[a-z]+s|spoke|said|told|was|is)\b")


# A paragraph that names its speaker with a speech verb is theirs when it quotes them at all (a partial quote,
# reported speech around a quotation); a scare-quoted word or two in narration is not.
QUOTED_WITH_SPEAKER = 0.1


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    role: Role  # narration, quote or body


_QUOTE_MARK = re.compile('[“”"]')


def quoted_fraction(text: str) -> float:
    """Share of the paragraph's characters inside quotation marks (an unclosed quote runs to the end)."""
    inside = 0
    depth_start: int | None = None
    for m in _QUOTE_MARK.finditer(text):  # only the quote marks, not every character
        ch, i = m.group(), m.start()
        if ch == "“" or (ch == '"' and depth_start is None):
            depth_start = i if depth_start is None else depth_start
        elif depth_start is not None:
            inside += i - depth_start
            depth_start = None
    if depth_start is not None:
        inside += len(text) - depth_start
    return inside / max(len(text), 1)


def quote_left_open(text: str, already_open: bool) -> bool:
    """Whether a quotation is still open at the end of the paragraph (multi-paragraph quotes)."""
    state = already_open
    for ch in text:
        if ch == "“":
            state = True
        elif ch == "”":
            state = False
    if text.count('"') % 2 == 1:
        state = not state
    return state


class QuoteAttributor:
    """Attributes paragraphs in document order; remembers speakers to resolve pronouns and short names."""

    def __init__(self, narrator: str | None, known_people: list[str], body_role: Role = Role.NARRATION,
                 publisher: str | None = None) -> None:
        self.narrator = narrator
        self.publisher = publisher
        self.body_role = body_role
        self.people: list[str] = [p for p in known_people if p]
        self.last_speaker: str | None = None
        self.pending: str | None = None  # introduced by "X issued the following statement:"
        self.open_quote = False
        self.prev_was_quote = False

    def canonical(self, name: str) -> str:
        """Resolve 'Corbyn', 'jeremy corbyn' or 'Jay' to the fuller name already seen, if any."""
        name = " ".join(name.split()).rstrip(".")
        words = name.split()
        # "Councillor Baker" and "Mr Baker" are Tom Baker once he has been named in full.
        while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
            words = words[1:]
        low = " ".join(words).lower()
        for p in self.people:
            if p.lower() == low:
                return p
        tokens = low.split()
        for p in self.people:
            pt = p.lower().split()
            if len(tokens) < len(pt) and (pt[: len(tokens)] == tokens or pt[-len(tokens):] == tokens):
                return p
        return name

    def _remember(self, name: str) -> str:
        name = self.canonical(name)
        if name not in self.people:
            self.people.append(name)
        self.last_speaker = name
        return name

    def _resolve(self, who: str, text: str, upto: int) -> str | None:
        if who.lower() in ("he", "she", "they"):
            # The nearest named subject before the pronoun in this paragraph, else the last speaker.
            subjects = [m.group("who") for m in SUBJECT_RE.finditer(text[:upto])
                        if m.group("who").split()[0].lower() not in NOT_NAMES]
            if subjects:
                return self._remember(subjects[-1])
            return self.last_speaker
        if who.split()[0].lower() in NOT_NAMES:
            return None
        return self._remember(who)

    def attribute(self, text: str) -> Attribution:
        result = self._attribute(text)
        self.prev_was_quote = result.role is Role.QUOTE
        return result

    def _attribute(self, text: str) -> Attribution:
        was_open = self.open_quote
        self.open_quote = quote_left_open(text, was_open)
        stripped = text.lstrip()

        m = STATEMENT_RE.match(stripped)
        if m and m.group("who").split()[0].lower() not in NOT_NAMES:
            self.pending = self._remember(m.group("who"))
            # The words introducing a statement are the publisher's, not the speaker's.
            return Attribution(self.publisher, Role.NARRATION)

        m = ACCORDING_RE.match(stripped)
        if m and (who := self._resolve(m.group("who"), stripped, 0)):
            self.pending = None
            return Attribution(who, Role.QUOTE)  # the paragraph reports what the named source says

        who = None
        # Attribution usually opens the paragraph but may open any sentence of it.
        for start in [0] + [a for a, _ in sentence_spans(stripped)[1:]]:
            for rx in (LEAD_RE, ADDING_RE, APPOSITION_RE, COLON_RE):
                m = rx.match(stripped, start)
                if m:
                    who = self._resolve(m.group("who"), stripped, start)
                    if who:
                        break
            if who:
                break
        if who is None:
            m = TRAIL_RE.search(stripped)
            if m:
                raw = m.group("who1") or m.group("who2")
                who = self._resolve(raw, stripped, m.start())
        # "He said Labour had lost support because “…”": reported speech quoting the last speaker.
        if who is None and quoted_fraction(text) > 0.3 and re.match(rf"^(?:{PRONOUN})\s+(?:{VERBS})\b", stripped):
            who = self.last_speaker

        if who and quoted_fraction(text) >= QUOTED_WITH_SPEAKER:
            self.pending = None
            return Attribution(who, Role.QUOTE)
        if stripped[:1] in OPEN or (was_open and self.pending):
            # An unattributed quotation continues the quotation before it, or the one just introduced. A
            # quotation running on into the next paragraph opens it with a quote mark; only an introduced
            # statement ("X issued the following statement:") runs on without one. Otherwise a paragraph
            # without a mark is not the quotation's, whatever stray quote characters (code, footnotes) came
            # before it.
            speaker = self.pending or (self.last_speaker if self.prev_was_quote or was_open else None)
            if speaker:
                return Attribution(speaker, Role.QUOTE)
        self.pending = None
        return Attribution(self.narrator, self.body_role)
