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
from . import speech
from .sentences import sentence_spans

VERBS = "|".join(sorted(speech.VERBS, key=len, reverse=True))  # longest first: "a déclaré" before "a"
_W = rf"[{speech.CAPITALS}][\w'’\-]*\.?"
# Particles ("von der", "de la") only between two capitalised words: "Ortega durante" is no name.
_PARTICLE = r"(?:de|van|von|der|bin|al|da|du|le|la|del|dos|das|zu|ten|ter)\b"
NAME = rf"{_W}(?:(?:\s+{_PARTICLE})*\s+{_W})" + "{0,3}"
PRONOUN = "|".join(speech.PRONOUNS)
_PRONOUNS = {p.lower() for p in speech.PRONOUNS}
OPEN = speech.OPENING
_OPEN_CLASS = f"[{speech.OPENING}]"
_CLOSE_CLASS = f"[{speech.CLOSING}]"
_NOT_MARK = f"[^{speech.MARKS}]"

NOT_NAMES = speech.NOT_NAMES
TITLES = speech.TITLES

# A job or role before a name: "Club captain Finn Albright", "The harbour master Li Wei", "la maire Anne Roux".
DESCRIPTOR = r"(?:(?:[A-Z][a-z'’]+\s+)?(?:[a-zà-ÿ][\w'’\-]*\s+){1,3})"
LEAD_RE = re.compile(
    rf"(?:(?:As|And|But|So|Yet|Then|Now)\s+)?{DESCRIPTOR}?(?P<who>{NAME}|{PRONOUN})(?:,{_NOT_MARK}{{1,120}}?,)?"
    rf"\s+(?:also\s+|then\s+|later\s+|aussi\s+|auch\s+|también\s+)?(?:{VERBS})\b"
    rf"(?P<mid>{_NOT_MARK}{{0,160}}?)\s*[,:]?\s*{_OPEN_CLASS}"
)
# Punctuation inside the closing mark (“…,” X said) or a comma after it (« … », a dit X; „…“, sagte er).
_AFTER_QUOTE = rf"(?:[,?!…]\s*{_CLOSE_CLASS}|\s*{_CLOSE_CLASS}\s*,)\s*"
TRAIL_RE = re.compile(
    # “…,” X said / “…,” council leader X said / “…,” said X / “…,” said shop steward X / „…“, so Keller
    rf"{_AFTER_QUOTE}(?:(?:[a-z][\w\-]*\s+){{0,4}}(?P<who1>{NAME}|he|she|they)\s+(?:{VERBS})\b"
    rf"|(?:{VERBS}|{'|'.join(speech.TRAILING_ONLY)})\s+(?:[a-zà-ÿ][\w'’\-]*\s+){{0,3}}(?P<who2>{NAME})"
    # „…“, sagte er / « … », a-t-elle ajouté / «…», dijo. — the last named speaker
    rf"|(?:{VERBS})\s+(?P<who3>er|sie|he|she)\b|(?P<who4>{speech.FR_INVERTED})|(?P<who5>{VERBS})\s*[.;]"
    r")"
)
# "Whitfield was blunt: “…”": a name, a few words, a colon, a quotation.
COLON_RE = re.compile(rf"(?P<who>{NAME})\s+[^{speech.MARKS}.!?:]{{1,40}}?\s?:\s*{_OPEN_CLASS}")
# "According to the union, …" / "Selon Anne Roux, …": the rest of the sentence is theirs.
ACCORDING_RE = re.compile(rf"(?:{'|'.join(speech.ACCORDING)})\s+(?:[a-zà-ÿ][\w'’\-]*\s+){{0,2}}(?P<who>{NAME})")
# "The operator's chief executive, Tomasz Nowak, said …": a descriptor, then the name in commas.
APPOSITION_RE = re.compile(rf"[^{speech.MARKS}.!?]{{1,80}}?,\s+(?P<who>{NAME}),\s+(?:also\s+|then\s+|later\s+)?"
                           rf"(?:{VERBS}|[a-z]+ed\b{_NOT_MARK}{{0,120}}?,\s*(?:adding|saying))\b")
# "X backed the plan, saying it would “…”": a partial quotation after saying/adding.
ADDING_RE = re.compile(rf"(?P<who>{NAME}|{PRONOUN})\b.*?,\s*(?:adding|saying|ajoutant|affirmant|estimant|"
                       rf"añadiendo|afirmando|asegurando)\b{_NOT_MARK}{{0,80}}?{_OPEN_CLASS}", re.S)
STATEMENT_RE = re.compile(
    rf"^(?P<who>{NAME})\s+(?:has\s+|have\s+)?(?:issued|released|made|gave|published|put out|sent)\s+"
    r"(?:the following|this|a|his|her|their)\s+(?:statement|message|letter)",
    re.IGNORECASE,
)
_MENTION_RE = re.compile(rf"(?<![\w'’-]){_W}(?:(?:\s+{_PARTICLE})*\s+{_W})" + "{1,3}")
REPORTED_RE = re.compile(rf"(?:{PRONOUN})\s+(?:{VERBS})\b")
SUBJECT_RE = re.compile(rf"(?:^|[.!?]\s+)(?P<who>{NAME})\s+(?:[a-z]+ed|[a-z]+s|spoke|said|told|was|is|{VERBS})\b")


# A paragraph that names its speaker with a speech verb is theirs when it quotes them at all (a partial quote,
# reported speech around a quotation); a scare-quoted word or two in narration is not.
QUOTED_WITH_SPEAKER = 0.1


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    role: Role  # narration, quote or body


_QUOTE_MARK = re.compile(f"[{speech.MARKS}]")


def _quoted(text: str, already_open: bool) -> tuple[int, bool]:
    """Characters inside quotation marks (an unclosed quote runs to the end), and whether one is still open at
    the end. Each opening mark waits for its own closers (speech.PAIRS): „…“ is German, not two openings."""
    inside = 0
    closers = speech.CLOSING if already_open else None
    start = 0
    for m in _QUOTE_MARK.finditer(text):  # only the quote marks, not every character
        ch, i = m.group(), m.start()
        if closers is not None and ch in closers:
            inside += i - start
            closers = None
        elif closers is None and ch in speech.PAIRS:
            start, closers = i, speech.PAIRS[ch]
    if closers is not None:
        inside += len(text) - start
    return inside, closers is not None


def quoted_fraction(text: str) -> float:
    """Share of the paragraph's characters inside quotation marks (an unclosed quote runs to the end)."""
    return _quoted(text, False)[0] / max(len(text), 1)


def quote_left_open(text: str, already_open: bool) -> bool:
    """Whether a quotation is still open at the end of the paragraph (multi-paragraph quotes)."""
    return _quoted(text, already_open)[1]


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
        # Full names (two words or more) in the paragraphs read so far, each once, the latest last.
        self.mentioned: dict[str, None] = {}

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
        # A short name is the fuller one of a speaker, else of anyone named so far ("Villalba" after "the
        # skipper, Andrés Villalba, was cautious"), the latest first.
        for p in [*self.people, *reversed(self.mentioned)]:
            pt = p.lower().split()
            if len(tokens) < len(pt) and (pt[: len(tokens)] == tokens or pt[-len(tokens):] == tokens):
                return p
        # "Bürgermeisterin Anna Keller" is Anna Keller; "Mr Albright" alone keeps his title.
        return " ".join(words) if len(words) > 1 else name

    def _remember(self, name: str) -> str:
        name = self.canonical(name)
        if name not in self.people:
            self.people.append(name)
        self.last_speaker = name
        return name

    def _pronoun(self, text: str, upto: int) -> str | None:
        """Who a pronoun (or a verb without a subject) stands for: the nearest named subject before it in this
        paragraph, else the last speaker."""
        subjects = [m.group("who") for m in SUBJECT_RE.finditer(text[:upto])
                    if m.group("who").split()[0].lower() not in NOT_NAMES]
        if subjects:
            return self._remember(subjects[-1])
        return self.last_speaker

    def _resolve(self, who: str, text: str, upto: int) -> str | None:
        if who.lower() in _PRONOUNS:
            return self._pronoun(text, upto)
        words = who.split()
        # "Die Bürgermeisterin Anna Keller": German capitalises the article's noun, so the name match
        # starts at the article. An article before a title is dropped; any other sentence opener is no name.
        while len(words) > 2 and words[0].lower() in NOT_NAMES and words[1].lower().rstrip(".") in TITLES:
            words = words[1:]
        if words[0].lower() in NOT_NAMES:
            return None
        return self._remember(" ".join(words))

    def attribute(self, text: str) -> Attribution:
        result = self._attribute(text)
        self.prev_was_quote = result.role is Role.QUOTE
        return result

    def _mention(self, text: str) -> None:
        for m in _MENTION_RE.finditer(text):
            words = m.group().split()
            while len(words) > 2 and (words[0].lower() in NOT_NAMES or words[0].lower().rstrip(".") in TITLES):
                words = words[1:]
            if words[0].lower() not in NOT_NAMES and words[0].lower().rstrip(".") not in TITLES:
                name = " ".join(words)
                self.mentioned.pop(name, None)
                self.mentioned[name] = None

    def _attribute(self, text: str) -> Attribution:
        self._mention(text)
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
                who = self._resolve(raw, stripped, m.start()) if raw else self._pronoun(stripped, m.start())
        # "He said Labour had lost support because “…”": reported speech quoting the last speaker.
        if who is None and quoted_fraction(text) > 0.3 and REPORTED_RE.match(stripped):
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
