"""Speech tags: the words beside a quotation that say who speaks it.

After it: ``said Emma``, ``cried the gallant Mr. Elton``, ``Mr. Knightley replied``, ``said he``, ``her sister
said``. Before it: ``Emma said,``, ``Then said Emma,``, ``Priya Shah, who chairs the trust, said,``,
``Whitfield was blunt:``, ``…, adding that they would``, and reported speech around a partial quotation (``Doe
said the plan was “unfair”``). In fiction also any verb after a quotation broken by a comma (``Peter gulped``),
a habit (``Mr. Darling would cry``), an answer or a voice someone owns (``was my curt answer``, ``Marley's voice``),
a kin word the text uses as a name (``said Mother``) and a clause closing the lead behind an aside (``as Jo said
sadly,``). A tag refers to its speaker by name, by pronoun or by description; the sieve (prose.py) resolves the
last two.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from enum import StrEnum

from .. import speech
from .descriptions import ANAPHORS, BARE, ROLES
from .kin import KIN
from .names import NAME, POSSESSIVE, TITLES, office_alone

V = "|".join(sorted(speech.DIALOGUE_VERBS, key=len, reverse=True))
NEAR_V = "|".join(sorted(speech.VERBS, key=len, reverse=True))  # verbs that report speech from further off
PRONOUNS_AFTER = r"he|she|I|they|we|il|elle|er|sie|él|ella"
PRONOUNS_BEFORE = r"He|She|I|They|We|he|she|they|we|Il|Elle|Er|Sie|Él|Ella"
# "her sister", "the old man", "his friend": a description, its last word the noun.
# A word of a description may hold a hyphen ("well-known") but never a dash ("lady--and I").
_WORD = r"[a-z]\w*(?:-\w+)*"
DESC = rf"(?P<det>the|a|an|her|his|their|my|our|its|this|that)\s+(?:{_WORD}\s+){{0,3}}?(?P<noun>{_WORD})"
# …opening a sentence: "The old man said,", "Her mother said,".
DESC_CAP = DESC.replace("(?P<det>the|", "(?P<det>[Tt]he|[Aa]n?|[Oo]ur|[Hh]er|[Hh]is|[Tt]heir|[Mm]y|")
# "the gallant Mr. Elton", "shop steward Dana Whitfield": words before a name are not part of it.
_FUNCTION = r"(?:he|she|it|i|they|we|you|to|at|with|in|into|and|or|but|of|for|from|on|as|by|that|who|not)\b"
PRE_NAME = rf"(?:(?:the|a|an|her|his|their|our|my)\s+)?(?:(?!{_FUNCTION}){_WORD}\s+){{0,3}}"
ADVERB = r"(?:(?:[a-z]+ly|also|then|again|thus|now|here|still|only|soon|at\s+last|at\s+once|at\s+length)\s+)?"
# "By and by Jim says:", "Pretty soon the widow said,": words of time that open a narrative sentence.
OPENER = r"(?:(?:And|But|So|Yet|Then|Now|As|At\s+last|At\s+length|By\s+and\s+by|By-and-by|Pretty\s+soon|Presently|" \
         r"Directly|Soon|Finally|Next|After\s+a\s+while),?\s+)?"
APPOSITION = r"(?:,[^\"“”‘«»,]{1,120},)?"  # ’ is an apostrophe here: "the club’s treasurer"


class Ref(StrEnum):
    NAME = "name"
    PRONOUN = "pronoun"
    DESCRIPTION = "description"


@dataclass(frozen=True)
class Tag:
    ref: Ref
    words: str  # the name, pronoun or description as written
    verb: str | None
    after: bool  # the tag follows the quotation
    near: bool = True  # the tag stands right beside the quotation
    owner: str | None = None  # a description's possessive ("her" in "her mother"): whose kin it names
    definite: bool = False  # a description after "the" ("said the doctor"), not "a doctor" or "his doctor"
    phrase: str | None = None  # a definite description's words up to its noun ("tall soldier" of "the tall soldier")

    @property
    def noun_is_kin(self) -> bool:
        return self.ref is Ref.DESCRIPTION and self.owner is not None and self.words.lower() in KIN

    @property
    def first_person(self) -> bool:
        return self.ref is Ref.PRONOUN and self.words.lower() in ("i", "we")


# "reluctantly faltered forth the owner of that name": an adverb before the verb, a particle after it.
PARTICLE = r"(?:forth|out|back|up)"
_V_AFTER = "|".join((V, *speech.TRAILING_ONLY))  # „…“, so Keller
_AFTER_VERB_FIRST = re.compile(
    rf"^[\s,]*(?:[—–-]+\s*)?{ADVERB}(?P<verb>{_V_AFTER})\s+{ADVERB}(?:{PARTICLE}\s+)?"
    rf"(?:{PRE_NAME}(?P<name>{NAME})|(?P<pron>{PRONOUNS_AFTER})\b|{DESC})")
_AFTER_SUBJECT_FIRST = re.compile(
    rf"^[\s,]*(?:[—–-]+\s*)?(?:{PRE_NAME}(?P<name>{NAME})|(?P<pron>{PRONOUNS_AFTER})\b|{DESC}){APPOSITION}\s+{ADVERB}"
    rf"(?:had\s+|has\s+|would\s+)?(?P<verb>{V})\b")
# A conjunction opening a clause whose subject is no name ("When it was ended, she … said": "When" is nobody, and
# "she" the one who speaks; "When Deta saw them she cried": the conjunction, then a name).
_SUBORDINATE = r"(?:When|While|Whilst|If|As|Though|Although|Since|Until|Till|Because|Once|After|Before)\s+(?:[a-z]|I\b)"
_BEFORE_SUBJECT_FIRST = re.compile(
    rf"^\s*{OPENER}(?:(?:[A-Z][a-z'’]+\s+)?(?:(?!{_FUNCTION})[a-zà-ÿ][\w'’\-]*\s+){{1,3}})??"
    rf"(?:(?!(?:The|A|An|Our|Her|His|Their|My)\s+[a-z])(?!{_SUBORDINATE})(?P<name>{NAME})|(?P<pron>{PRONOUNS_BEFORE})\b|"
    rf"{DESC_CAP}){APPOSITION}"
    rf"(?P<between>(?:\s+[a-zà-ÿ][\w'’,\-]*){{0,8}}?)\s+{ADVERB}(?P<verb>{V})\b(?P<rest>[^\"“”«»„]{{0,140}})$")
# "Then said Emma," / "said she,": an inverted tag opens the lead; "told the Bugle," is an object, not a speaker.
_INVERTING = "|".join(v for v in V.split("|") if not v.startswith(("told", "tell", "ask")))
_BEFORE_VERB_FIRST = re.compile(rf"^\s*{OPENER}(?P<verb>{_INVERTING})\s+{ADVERB}(?:{PRE_NAME}(?P<name>{NAME})|"
                                rf"(?P<pron>{PRONOUNS_AFTER}))\s*[,:—–-]*\s*$")
# "La maire, Hélène Marchetti, a déclaré :": a description, then the name between commas, then the verb.
_BEFORE_APPOSED = re.compile(rf"^\s*{OPENER}[^\"“”«»,]{{1,80}}?,\s+(?P<name>{NAME}),\s+{ADVERB}(?P<verb>{V})\b"
                             rf"[^\"“”«»„]{{0,60}}$")
# "Morag Bain, the club's treasurer, said the appeal had…": a sentence of reported speech before a quotation.
REPORTED = re.compile(rf"^\s*{OPENER}(?:(?P<name>{NAME})|(?P<pron>{PRONOUNS_BEFORE})\b){APPOSITION}\s+{ADVERB}"
                      rf"(?P<verb>{NEAR_V})\b")
_BEFORE_COLON = re.compile(rf"^\s*{OPENER}(?P<name>{NAME})\s+[^\"“”«».!?:]{{1,40}}?\s?:\s*$")
_BEFORE_ADDING = re.compile(rf"^\s*{OPENER}(?:[^\"“”«»,]{{1,80}}?,\s+)?"
                            rf"(?:(?P<name>{NAME})|(?P<pron>{PRONOUNS_BEFORE})\b)"
                            r".*?,\s*(?:adding|saying|ajoutant|affirmant|estimant|añadiendo|afirmando|asegurando)\b",
                            re.S)
# "On Miss Lucas's persevering, however, she added,": a clause at the lead's end, its subject and verb.
# "…, and then she returned and asked anxiously,", "; so Dorothy said, with hesitation,": a short aside between
# the verb and the quotation ("with hesitation", "very gravely") leaves the clause a tag.
_BEFORE_CLAUSE = re.compile(rf"(?:^|[,;]\s+)(?:(?:and|but|so)\s+)?(?:then\s+)?(?:(?P<name>{NAME})|"
                            rf"(?P<pron>{PRONOUNS_BEFORE}))(?:\s+[\w'’]+){{0,6}}?\s+"
                            rf"(?:and\s+)?{ADVERB}(?P<verb>{V})\b(?P<rest>[^\"“”«»„.!?,;]{{0,40}})"
                            r"(?:,\s*(?:with\s+|in\s+|very\s+)?[a-z]+(?:\s+[a-z]+)?)?[,:—–-]\s*$")
# "…, but darkened again as Jo said sadly,", "As they sat down, Mrs. March said, with a happy face,": a clause after
# a conjunction or a comma, a name and its speech verb, an adverb or a short aside after it, ends the lead.
_BEFORE_CONJUNCT = re.compile(
    rf"(?:^|[,;]\s+|\b(?:for|as|till|until|when|while|whereupon|and|but|so|then)\s+)(?:then\s+)?"
    rf"(?:(?:the\s+)?(?P<name>{NAME})|(?P<pron>{PRONOUNS_BEFORE})\b)\s+{ADVERB}(?P<verb>{V})\b(?:\s+[a-z]+ly)?"
    r"(?:,\s+(?:with|in|to|[a-z]+ing)\b[^\"“”‘’«».!?;:,]{0,50})?\s*[,:]\s*$")
# "But Heidi, seizing his arm, shouted, full of indignation:", "the Dodo suddenly called out", "then Meg announced,
# as if the idea had struck her,": the last clause's subject, a speech verb, and an aside with no subject of its own.
_ASIDE = (r"(?:,?\s+(?:with|in|to|as|by|full|[a-z]+ing)\b"
          r"(?:(?!\b(?:he|she|they|we|I|and|but|then)\b)[a-z ,'’\-]){0,70})?")
# An aside between the name and its verb that is a clause of its own ("Sarah and Victoria, died in the crush,
# said:") makes the name that clause's subject: only a relative, a participle or a phrase opens an aside.
_ASIDE_OPENS = r"(?:who|whom|whose|which|with|in|to|as|by|at|on|[a-z]+ing|[a-z]+ly)\b"
_BEFORE_ASIDE = re.compile(
    rf"(?:^|[,;]\s+|\b(?i:and|but|so|then|when|while|as|till|until|for)\s+)(?:then\s+)?(?:the\s+)?"
    rf"(?!(?:And|But|So|Then|When|While|As|Till|Until|For)\s)(?P<name>{NAME})"
    rf"(?:,\s+{_ASIDE_OPENS}[^\"“”‘’«».!?;:,]{{0,100}},)?\s+{ADVERB}(?P<verb>{V})(?:\s+{PARTICLE})?\b(?:\s+[a-z]+ly)?"
    rf"{_ASIDE}\s*[,:—–-]*\s*$")
# "Rat was saying at intervals,", "the Mole kept muttering:": a name, and its speech going on as it is told.
_BEFORE_GOING_ON = re.compile(
    rf"(?:^|[,;]\s+|\b(?:and|but|so|then|when|while|as)\s+)(?:the\s+)?(?P<name>{NAME})\s+(?:was|were|kept)\s+"
    rf"{ADVERB}(?P<verb>saying|crying|asking|muttering|murmuring|whispering|repeating|remarking|exclaiming|calling\s+out)"
    r"\b(?:\s+(?:at|to|in|with|over|again)\b[a-z ,'’\-]{0,40})?\s*[,:]\s*$")
# "and Alice heard the Rabbit say,": the one heard speaking is the speaker.
_BEFORE_HEARD = re.compile(rf"\b(?:heard|hear|hears|hearing)\s+(?:the\s+)?(?P<name>{NAME})\s+"
                           r"(?P<verb>say|cry|call|whisper|mutter|add|remark|exclaim|shout|reply|answer)"
                           r"(?:\s+to\s+(?:itself|himself|herself))?\s*[,:]?\s*$")
# "when thus accosted by Miss Bingley:": the passive names the speaker after "by".
_BEFORE_PASSIVE = re.compile(rf"\b(?:accosted|addressed|interrupted|answered|asked|greeted|hailed|told)\s+by\s+"
                             rf"(?:{PRE_NAME})?(?P<name>{NAME})\s*[,:—–-]\s*$")
# "When they had driven around a corner Matthew said:", "…no sooner seated than she said,": a name or a
# pronoun and its verb close the lead.
_BEFORE_SAID_COLON = re.compile(rf"(?<![\w'’])(?:(?P<name>{NAME})|(?P<pron>{PRONOUNS_BEFORE}))\s+{ADVERB}"
                                rf"(?P<verb>{V})\s*[:,]\s*$")
# "Miss Watson would say,", "the widow she would say,": a habit of speech, the verb after a modal.
_BEFORE_MODAL = re.compile(rf"(?<![\w'’])(?:(?P<name>{NAME})|(?P<pron>{PRONOUNS_BEFORE}))(?:\s+(?:he|she))?\s+"
                           rf"{ADVERB}(?:would|will|used\s+to|did|could)\s+{ADVERB}(?P<verb>say|ask|cry|call\s+out|"
                           r"answer|reply|sing\s+out|holler|shout|whisper|tell\s+me|add)\s*[:,]\s*$")
_PRONOUN_WORDS = {p.lower() for p in PRONOUNS_BEFORE.split("|")}
# "He said Labour had lost support because “…”": the rest of the lead reports what they said.
_TAG_ENDS_LEAD = re.compile(r"[,:;—–-]\s*$")


# '"Redheaded snippet," croaked Ginger': any past-tense verb, then a name or "he"/"she", right after a
# quotation that does not end its sentence is a tag in fiction, though the verb is no common speech verb
# ('"Aye!" here interposed Sir Andrew': a word of place or time may come first).
_AFTER_ANY_VERB = re.compile(rf"^[\s,]*(?:[—–-]+\s*)?(?:(?:here|then)\s+)?(?P<verb>[a-z]{{2,}}ed)\s+{ADVERB}"
                             rf"(?:{PRE_NAME}(?P<name>{NAME})|"
                            r"(?P<pron>he|she)\b)")
# '"It doesn't matter," Peter gulped.', '"I am a mortal," Scrooge remonstrated, "and…"', '"That fiend!" Mr. Darling
# would cry': after a quotation that breaks off with a comma, a name or "he"/"she" and any verb in the past (or a
# habit of speech after a modal) is its tag, though the verb is no common speech verb.
_AFTER_SUBJECT_ANY_VERB = re.compile(
    rf"^[ \t]*(?:the\s+)?(?P<name>{NAME})\s+{ADVERB}"
    r"(?:(?:would|could|used\s+to)\s+(?P<habit>say|cry|ask|answer|reply|shout|whisper|exclaim|add)\b|"
    r"(?P<verb>[a-z]{2,}ed)\b(?!\s+(?:to|that|as|if|at|by|for|from|into|over|through|upon|on|in)\b))")
_NOT_SPEECH = frozenset({"used", "named", "signed", "marked", "printed", "painted", "entitled",
                         "labelled", "labeled", "headed", "titled"})  # '"Fury," named the Mouse' is no tag

# « … », a-t-elle ajouté / «…», añadió.: the speaker is the pronoun inside the verb, or no word at all.
_AFTER_INVERTED = re.compile(rf"^[\s,]*(?P<verb>{speech.FR_INVERTED})")
_AFTER_BARE_VERB = re.compile(rf"^[\s,]*(?P<verb>{V})\s*[.;]")


# "…”, according to the Sydney Morning Herald.": the source after the quotation.
_AFTER_ACCORDING = re.compile(rf"^[\s,]*(?:[—–-]+\s*)?(?P<verb>{'|'.join(a.lower() for a in speech.ACCORDING)})\s+"
                              rf"(?:the\s+)?(?P<name>{NAME})(?![\w'’])")


# '"They go to hell," was my ready answer.', '"Much!"--Marley's voice', '"Why?" The Station Master's voice was kinder':
# whose answer, cry or voice the words after a quotation say it is.
_SAYING = r"answer|reply|response|rejoinder|retort|cry|exclamation|explanation|conclusion|remark|comment|question"
_OWNER = rf"(?:(?P<poss>[Hh]is|[Hh]er|[Mm]y)|(?:the\s+)?(?P<name>{NAME})['’]s)"
_AFTER_OWNED = re.compile(rf"^[\s,;]*(?:[—–-]+\s*)?(?:(?:was|came)\s+{_OWNER}\s+(?:[a-z]+\s+){{0,3}}?"
                          rf"(?P<verb>{_SAYING})\b|{_OWNER.replace('poss', 'poss2').replace('name', 'name2')}"
                          r"\s+(?P<voice>voice)\b)")
_BEFORE_OWNED = re.compile(rf"(?:^|(?<=[\s,;(—–-])){_OWNER}\s+(?P<voice>voice)\b[^\"“”‘’«».!?]{{0,40}}?[,:—–-]+\s*$")
_POSSESSIVE_PRONOUN = {"his": "he", "her": "she", "my": "I"}


# "came the voice of Syme, still speaking in a peal of pitiless thunder--": whose voice leads into the quotation.
_BEFORE_VOICE_OF = re.compile(rf"\bvoice\s+of\s+(?P<name>{NAME})"
                              r"(?:,\s+(?:still\s+)?[a-z]+ing\b[^\"“”‘’«».!?;:]{0,60})?\s*[,:—–-]+\s*$")


def owned_tag(text: str, after: bool) -> Tag | None:
    """A tag naming the quotation as someone's answer, cry or voice ("was his answer", "Marley's voice", "the
    voice of Syme")."""
    if not after and (v := _BEFORE_VOICE_OF.search(text)) and not POSSESSIVE.search(v.group("name")):
        return Tag(Ref.NAME, v.group("name"), "voice", after)
    m = (_AFTER_OWNED.match if after else _BEFORE_OWNED.search)(text)
    if m is None:
        return None
    d = {k.rstrip("2"): v for k, v in m.groupdict().items() if v}
    verb = d.get("verb") or d["voice"]
    if "poss" in d:
        if "voice" in d:
            return None  # "Her voice sang:": a voice goes on in the narration of whoever spoke before, not a tag
        return Tag(Ref.PRONOUN, _POSSESSIVE_PRONOUN[d["poss"].lower()], verb, after)
    return Tag(Ref.NAME, d["name"], verb, after)


# '"…," cried the blind man, Pew.': a description, then the name it stands for after a comma.
_AFTER_DESCRIBED_NAME = re.compile(
    rf"^[\s,]*(?:[—–-]+\s*)?{ADVERB}(?P<verb>{V})\s+(?:the|an?)\s+(?:[a-z][\w\-]*\s+){{0,2}}[a-z][\w\-]*,\s+"
    rf"(?P<name>{NAME})(?![\w'’])\s*(?:[.;:!?]|,\s*[\"“‘]|$)")


# '"It is a shame," I heard Johnson growling', '"Stand clear!" we heard the mate's voice': the one the narrator
# hears speaking is the speaker (the narrator only hears); a speech verb, never any participle ("I heard Tom coming").
_HEARD_SPEAKING = (r"saying|crying|calling|shouting|muttering|murmuring|whispering|growling|grumbling|snarling|"
                   r"answering|replying|asking|exclaiming|remarking|roaring|bawling|yelling|protesting|say|cry|call|"
                   r"shout|mutter|whisper|growl|answer|reply|ask|exclaim|remark|roar|yell")
_AFTER_HEARD = re.compile(rf"^[\s,]*(?:[—–-]+\s*)?(?:I|we)\s+{ADVERB}(?:could\s+|had\s+)?(?:heard|hear)\s+"
                          rf"(?:the\s+)?(?P<name>{NAME})(?:\s+{ADVERB}(?P<verb>{_HEARD_SPEAKING})\b|['’]s\s+voice\b)")


# '"…," said one of the ladies': one of several, whom the tag does not name; the turn is tagged all the same,
# so the turn-taking never fills it with one of the two talking.
ONE_OF = "one of"
_AFTER_ONE_OF = re.compile(rf"^[\s,]*(?:[—–-]+\s*)?{ADVERB}(?P<verb>{V})\s+{ADVERB}one\s+of\b")


def tag_after(trail: str, broken: bool = False) -> Tag | None:
    """A tag opening ``trail``, the words after a quotation's closing mark; ``broken``: the quotation ends with a
    comma, its sentence going on in the tag."""
    if kin := kin_word_tag(trail, after=True):
        return kin
    if m := _AFTER_ONE_OF.match(trail):
        return Tag(Ref.DESCRIPTION, ONE_OF, m.group("verb"), True)
    if (m := _AFTER_DESCRIBED_NAME.match(trail)) and not POSSESSIVE.search(m.group("name")):
        return _tag(m, after=True)
    for rx in (_AFTER_HEARD, _AFTER_VERB_FIRST, _AFTER_SUBJECT_FIRST, _AFTER_ACCORDING):
        m = rx.match(trail)
        if m:
            return _tag(m, after=True)
    if (m := _AFTER_ANY_VERB.match(trail)) and m.group("verb").lower() not in _NOT_SPEECH:
        return _tag(m, after=True)
    if (broken or ((m := _AFTER_SUBJECT_ANY_VERB.match(trail)) and m.group("habit"))) \
            and (m := _AFTER_SUBJECT_ANY_VERB.match(trail)) and (m.group("verb") or "") not in _NOT_SPEECH \
            and not POSSESSIVE.search(m.group("name") or ""):
        t = _tag(m, after=True)
        return replace(t, verb=m.group("verb") or m.group("habit")) if t is not None else None
    if tag := owned_tag(trail, after=True):
        return tag
    if broken and (m := _AFTER_PARTICIPLE.match(trail)) and not POSSESSIVE.search(m.group("name")):
        return _tag(m, after=True)
    if m := _AFTER_INVERTED.match(trail):
        return Tag(Ref.PRONOUN, "elle" if "elle" in m.group("verb") else "il", m.group("verb"), True)
    if m := _AFTER_BARE_VERB.match(trail):
        return Tag(Ref.PRONOUN, "", m.group("verb"), True)
    return None


# "says pap", "pap he says:": a child's word for a parent, in lower case, as a tag's subject (descriptions.BARE).
_KIN_WORD = rf"(?P<noun>{'|'.join(sorted(BARE, key=len, reverse=True))})"
_KIN_AFTER = re.compile(rf"^[\s,]*(?:[—–-]+\s*)?(?:{ADVERB}(?P<verb>{V})\s+{_KIN_WORD}\b|"
                        rf"{_KIN_WORD.replace('noun', 'noun2')}\s+(?:he\s+|she\s+)?{ADVERB}(?P<verb2>{V})\b)")
_KIN_BEFORE = re.compile(rf"(?<![\w'’]){_KIN_WORD}\s+(?:he\s+|she\s+)?{ADVERB}(?:would\s+)?(?P<verb>{V}|say)"
                         r"\s*[:,]\s*$")


def kin_word_tag(text: str, after: bool, words: frozenset[str] = BARE) -> Tag | None:
    """A tag whose subject is a bare kin word ("says pap"), after or before a quotation; ``words``: the kin
    words to read so (a document's own, family_names below), the child's words for a parent by default."""
    if words is BARE:
        m = (_KIN_AFTER.match if after else _KIN_BEFORE.search)(text)
    else:
        m = _kin_patterns(words)[0 if after else 1]
        m = (m.match if after else m.search)(text)
    if m is None:
        return None
    d = m.groupdict()
    return Tag(Ref.DESCRIPTION, d.get("noun") or d["noun2"], d.get("verb") or d.get("verb2"), after, True, None, True)


@functools.lru_cache(maxsize=16)
def _kin_patterns(words: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The kin tags after and before a quotation for these words, in either case ("said Mother", "grandfather
    said:"); a kin word before a name ("Uncle Tom said") is a title, not the subject."""
    word = rf"(?P<noun>(?i:{'|'.join(sorted(words, key=len, reverse=True))}))(?!\s+[A-Z])"
    after = re.compile(rf"^[\s,]*(?:[—–-]+\s*)?(?:{ADVERB}(?P<verb>{V})\s+{word}\b|"
                       rf"{word.replace('noun', 'noun2')}\s+{ADVERB}(?P<verb2>{V})\b)")
    before = re.compile(rf"(?<![\w'’]){_NOT_OWNED}{word}\s+{ADVERB}(?:would\s+)?(?P<verb>{V}|say)\s*[:,]\s*$")
    return after, before


# "the Mother", "her father", "Heidi's grandfather": a kin word after a determiner or an owner is no name.
_NOT_OWNED = r"(?<!\b[Tt]he\s)(?<!\b[Aa]\s)(?<![Hh]is\s)(?<![Hh]er\s)(?<![Mm]y\s)(?<![Yy]our\s)(?<![Oo]ur\s)" \
             r"(?<!'s\s)(?<!’s\s)"
_OWNED_BEFORE = re.compile(r"(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Mm]y|[Yy]our|[Oo]ur|[Tt]heir)|\w['’]s)\s+$")
_VERB_BEFORE = re.compile(rf"\b(?:{V})\s+$")  # "said |Mother"
_VERB_AFTER = re.compile(rf"\s+{ADVERB}(?:{V})\b")  # "Mother| asked"
_NAME_AFTER = re.compile(r"\s+[A-Z]")  # "Uncle| Tom": a title before a name


@functools.lru_cache(maxsize=4)
def _kin_word_rx(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’\-])(?:{'|'.join(sorted(words, key=len, reverse=True))})(?![\w'’\-])", re.I)


def family_names(text: str, words: frozenset[str], least: int, capitalised: frozenset[str] = frozenset()
                 ) -> dict[str, list[tuple[int, int]]]:
    """Kin words ``text`` uses as a name: each one that stands bare, no determiner or owner before it, as a
    speech tag's subject (``said Mother``, ``grandfather said:``) ``least`` times or more, with every bare use of
    it (its mentions). A word the text writes so is one person of the family the story is told of. Words in
    ``capitalised`` count only where the text writes them so ("said Papa", not "said papa")."""
    tagged: dict[str, int] = {}
    uses: dict[str, list[tuple[int, int]]] = {}
    for m in _kin_word_rx(words).finditer(text):
        a, b = m.span()
        if _OWNED_BEFORE.search(text, max(0, a - 12), a) or _NAME_AFTER.match(text, b):
            continue
        word = m.group()
        uses.setdefault(word.lower(), []).append((a, b))
        said = _VERB_BEFORE.search(text, max(0, a - 24), a) or _VERB_AFTER.match(text, b, b + 40)
        if said and not (word.islower() and word in capitalised):
            tagged[word.lower()] = tagged.get(word.lower(), 0) + 1
    return {w: at for w, at in uses.items() if tagged.get(w, 0) >= least}


def tag_before(lead: str) -> Tag | None:
    """A tag in ``lead``, the words of the sentence before a quotation's opening mark."""
    if kin := kin_word_tag(lead, after=False):
        return kin
    for rx in (_BEFORE_VERB_FIRST, _BEFORE_APPOSED):
        m = rx.match(lead)
        if m and not (rx is _BEFORE_APPOSED and office_alone(m.group("name"))):
            # ("Matthew G. Olsen, Acting Assistant Attorney General for National Security, said": the office is
            # his apposition, he the subject)
            return _tag(m, after=False)
    m = _BEFORE_SUBJECT_FIRST.match(lead)
    if m and m.group("noun") and (clause := _BEFORE_CLAUSE.search(lead)) and clause.start() > m.start("noun"):
        m = None  # "But the little woman expected her to answer; so Dorothy said,": the clause's subject speaks
    if m:
        rest = m.group("rest")
        near_verb = re.fullmatch(rf"(?:{NEAR_V})", m.group("verb")) is not None
        # A dialogue verb ("cried") tags the quotation only when little stands between them; a reporting verb
        # ("said the plan was") may be further off, as news quotes partly.
        if len(rest.split()) <= 3 or (near_verb and len(rest.split()) <= 14):
            return _tag(m, after=False, near=len(rest.split()) <= 6 and not (m.group("between") or "").strip())
    for rx in (_BEFORE_CLAUSE, _BEFORE_PASSIVE, _BEFORE_SAID_COLON, _BEFORE_HEARD, _BEFORE_MODAL, _BEFORE_CONJUNCT,
               _BEFORE_ASIDE, _BEFORE_GOING_ON):
        m = rx.search(lead)
        if m:
            return _tag(m, after=False)
    for rx in (_BEFORE_COLON, _BEFORE_ADDING):
        m = rx.match(lead)
        if m:
            return _tag(m, after=False, near=False)
    if (m := _BEFORE_COMPOUND.search(lead)) and m.group("noun"):  # the noun as found: no phrase runs on after it
        return Tag(Ref.DESCRIPTION, m.group("noun"), m.group("verb"), False, False, None, True)
    if m:
        return _tag(m, after=False, near=False)
    if m := _BEFORE_CONJOINED.search(lead):
        return _tag(m, after=False, near=False)
    # "an old Crab took the opportunity of saying": one of a kind, not the character the text calls so.
    if (m := _BEFORE_PARTICIPLE.search(lead)) and not _INDEFINITE.search(lead[:m.start("name")]):
        return _tag(m, after=False, near=False)
    if m := _BEFORE_PRONOUN_PARTICIPLE.search(lead):
        return _tag(m, after=False, near=False)
    return _verb_last(lead) or owned_tag(lead, after=False)


# '"I'm the oldest," began Meg, but Jo cut in with a decided, "I'm the man…"': a clause joined to the sentence
# of another's tag, its subject a name and its verb in the past, leads into the quotation after it: the
# subject's words, whatever the verb ("cut in", "broke out", "turned to him").
# "Mr. Casaubon gravely smiled approval, and said to Mr. Brooke,", "Mr. Brooke read the letter, and then, nodding
# toward Dorothea, said,", "…, but the chairman rose like an automaton, and said in a colourless voice--": the
# clause's subject (a name, or "the" and a noun for a person), a predicate of its own, then "and said" with no new
# subject; a name after "to" or in the aside is whom it is said to ("and answered pleasantly:": an adverb may
# follow the verb).
# A role or a title ("the nurse", "the chairman"), never a word for anyone ("the woman"), of whom a scene holds two.
_PERSON = "|".join(sorted(ROLES | TITLES, key=len, reverse=True))
_FUNCTION_CAP = ("(?:The|A|An|This|That|These|Those|Before|After|When|While|As|If|But|And|So|Then|There|It|You|His|"
                 "Her|Its)")
_COMPOUND_SUBJECT = (rf"(?:^\s*{OPENER}|^\s*[A-Z][^\"“”«».!?;:,]{{0,60}},\s+|[,;]\s+(?:but\s+|and\s+|so\s+)?)"
                     rf"(?:(?!{_FUNCTION_CAP}\b)(?P<name>{NAME})|(?P<pron>[Hh]e|[Ss]he)\b|(?P<det>[Tt]he)\s+(?:[a-z][\w\-]*,?\s+){{0,3}}?(?P<noun>{_PERSON})\b"
                     r"(?:\s+with\s+the\s+[a-zA-Z ]{1,30}?)?)")
_BEFORE_COMPOUND = re.compile(
    rf"{_COMPOUND_SUBJECT}\s+(?!(?:who|which|that|and|but|he|she|they|it|we|I)\b)[a-z](?:(?!\b(?:he|she|they|I|we|who|which)\b)"
    rf"[^\"“”«».!?;:]){{0,100}}?,?\s+and\s+(?:then,?\s+)?(?:[a-z]+ing\b[^\"“”«».!?;:,]{{0,50}},\s+)?"
    rf"(?:was\s+)?{ADVERB}(?P<verb>{V}|repeating|saying)(?:\s+[a-z]+ly)?"
    rf"(?:\s+to\s+(?:{NAME.replace('(?P<', '(?P<x')}|the\s+[a-z]+|him|her|them|me|us))?"
    r"(?:\s+(?:in|with)\s+[^\"“”«».!?;:,]{1,40})?\s*[,:—–-]+\s*$")
_BEFORE_CONJOINED = re.compile(
    rf",\s+(?:and|but|while|when|so|then|till|until)\s+(?:then\s+)?(?P<name>{NAME})\s+(?P<verb>[a-z]+ed|cut|broke|put|"
    r"began|went|came|got|ran|struck|burst|spoke|turned|sprang|chimed|piped)\b[^\"“”‘’«».!?;:]{0,40},\s*$")


# "while the Dodo solemnly presented the thimble, saying", "an old Crab took the opportunity of saying to her
# daughter": a speech verb's participle ends the lead, the nearest name before it (no pronoun, no other name
# between) the one doing the saying.
_INDEFINITE = re.compile(r"\b(?:[Aa]n?|[Oo]ne)\s+(?:[a-z]+\s+)?$")
PARTICIPLES = r"saying|remarking|adding|muttering|exclaiming|whispering|observing|crying|calling\s+out|replying|" \
              r"repeating|answering|continuing"
# "she danced around the room shouting:": the same, its subject "he" or "she" opening the clause.
_BEFORE_PRONOUN_PARTICIPLE = re.compile(
    rf"(?:^|[.;,]\s+|\b(?:and|but|so|then|when|while|that|till|until)\s+)(?P<pron>[Hh]e|[Ss]he)"
    rf"(?P<between>(?:[\s,]+(?!(?:he|she|it|they|I|we|you|and|but)\b)[a-z][\w'’\-]*){{1,10}})"
    rf"[\s,]+(?P<verb>{PARTICIPLES}|shouting|laughing|sobbing)(?:\s+to\s+(?:himself|herself|her|him))?\s*[,:]?\s*$")
# '"…, Miss Brooke," Sir James presently took an opportunity of saying.': after a quotation broken off with a
# comma, a name whose clause ends in a speech verb's participle is its tag.
_AFTER_PARTICIPLE = re.compile(
    rf"^[ \t]*(?P<name>{NAME})(?P<between>(?:\s+(?!(?:he|she|it|they|I|we|you)\b)[a-z][\w'’\-]*){{1,8}})"
    rf"(?<!without)\s+(?P<verb>{PARTICIPLES})\b\s*[.;,:!?]")
_BEFORE_PARTICIPLE = re.compile(
    rf"(?<![\w'’])(?P<name>{NAME})(?P<between>(?:[\s,]+(?!(?:he|she|it|they|I|we|you)\b)[a-z][\w'’\-]*){{0,12}})"
    rf"[\s,]+(?P<verb>{PARTICIPLES})(?:\s+to\s+(?:itself|himself|herself|her|him|[a-z]+\s+[a-z]+))?"
    r"(?:\s+as\s+(?:it|he|she)\s+went)?\s*[,:]?\s*$")


# "After the match, Hernan Dario Gomez, Panama coach, said,", "Undersecretary for Education Mr. Toccafondi says":
# the lead ends with the speech verb, its subject the name before it (with a description between commas).
_BEFORE_VERB_LAST = re.compile(rf"(?:^|(?<=[\s,;(]))(?P<name>{NAME})(?:,[^\"“”«»„]{{1,160}}?,)?\s+{ADVERB}"
                               rf"(?P<verb>{NEAR_V})\s*[,:]?\s*$")


def _verb_last(lead: str) -> Tag | None:
    """The subject of a speech verb ending the lead; never a name after a preposition ("a letter seen by Sky
    News says": the letter says)."""
    m = _BEFORE_VERB_LAST.search(lead)
    if m is None or _OBJECT.search(lead[:m.start()]):
        return None
    return _tag(m, after=False)


def reported(sentence: str) -> Tag | None:
    """A sentence that reports what someone said, without quoting it."""
    m = REPORTED.match(sentence)
    return _tag(m, after=False, near=False) if m else None


# The name or pronoun right before a speech verb is its subject: "American academic and professor Marc Lamont
# Hill commented", "Allegedly, Thomas' sister pleaded with him …, but he replied".
_SUBJECT = re.compile(rf"(?:(?<![\w'’\-])(?P<name>{NAME})|\b(?P<pron>{PRONOUNS_BEFORE}))\s+{ADVERB}"
                      rf"(?:had\s+|has\s+|would\s+)?$")


_OBJECT = re.compile(r"\b(?:of|for|at|from|in|with|to|by|on|about)\s*$")  # "the Department of Agriculture notes"


# What a person or body writes, whose words it carries: "Cornyn's statement added".
# "said the Rabbit's voice", "broke in Lord Antony's jovial voice": the Rabbit speaks, Lord Antony too
_VOICE = re.compile(r"(?:\s+[a-z]+){0,2}?\s+voice\b")
_WRITTEN = re.compile(r"\s+(?:statement|letter|message|note|report|post|tweet|blog|website|release|announcement)"
                      r"\s+(?:also\s+)?\w+\s*[,:]?\s*$")


def _nearest_subject(m: re.Match[str], after: bool, near: bool) -> Tag | None:
    """A tag before a quotation whose matched name stands further from the verb than another subject does."""
    d = m.groupdict()
    if after or not d.get("name") or not d.get("verb") or m.start("verb") <= m.end("name"):
        return None
    between = m.string[m.end("name"):m.start("verb")]
    for k in range(len(between)):  # the shortest run of words ending at the verb: "Chris Gregoire", not "of …"
        sub = _SUBJECT.match(between, k)
        if sub and k and not between[k - 1].isalnum() and not _OBJECT.search(between[:k]):
            if sub.group("pron"):
                return Tag(Ref.PRONOUN, sub.group("pron"), d["verb"], after, near)
            if not POSSESSIVE.search(sub.group("name")):
                return Tag(Ref.NAME, sub.group("name"), d["verb"], after, near)
    return None


def _tag(m: re.Match[str], after: bool, near: bool = True) -> Tag | None:
    verb = m.groupdict().get("verb")
    if m.groupdict().get("name") and m.group("name").lower() in _PRONOUN_WORDS:
        return Tag(Ref.PRONOUN, m.group("name"), verb, after, near)  # "He said," read as a capitalised word
    if m.groupdict().get("name") and (d := _demonym_description(m, verb, after, near)
                                      or _modifier_description(m, verb, after, near)):
        return d
    if m.groupdict().get("name"):
        nearer = _nearest_subject(m, after, near)
        if POSSESSIVE.search(m.group("name")):
            # "On Miss Lucas's persevering, she added": a possessive is never the speaker, nor the antecedent of
            # the pronoun after it; "Tunisia's coach Nabil Maaloul said" names the speaker after it; "Cornyn's
            # statement added" is Cornyn's words, "said the Rabbit's voice" the Rabbit's.
            owned = _WRITTEN.match(m.string, m.end("name")) or (after and _VOICE.match(m.string, m.end("name")))
            if nearer is None and owned:
                return Tag(Ref.NAME, POSSESSIVE.sub("", m.group("name")), verb, after, near)
            return nearer if nearer is not None and nearer.ref is Ref.NAME else None
        return nearer or Tag(Ref.NAME, m.group("name"), verb, after, near)
    if m.groupdict().get("pron"):
        return Tag(Ref.PRONOUN, m.group("pron"), verb, after, near)
    det = (m.groupdict().get("det") or "").lower()  # "Her mother said," as "her mother said,"
    noun, end = _head_noun(m)
    if det == "the" and noun.lower() in ANAPHORS:
        # "retorted the other", "said the latter": one of two people just in play, whom the turn-taking tells
        return Tag(Ref.PRONOUN, f"the {noun.lower()}", verb, after, near)
    phrase = " ".join(m.string[m.end("det"):end].split()).lower() if det == "the" else None
    return Tag(Ref.DESCRIPTION, noun, verb, after, near, det if det in ("her", "his", "my") else None, det == "the",
               phrase)


def _demonym_description(m: re.Match[str], verb: str | None, after: bool, near: bool) -> Tag | None:
    """"said the Italian lady": a people's adjective after "the", before a noun, describes someone; it is no
    name."""
    *det, name = m.group("name").split()
    noun = re.match(r"[ \t]+([a-z][\w\-]*)", m.string[m.end("name"):])
    if name.lower() not in speech.DEMONYMS or det not in ([], ["The"]) or noun is None \
            or _NP_END.fullmatch(noun.group(1)):
        return None
    # Only after "the": "American academic Marc Lamont Hill" goes on to the name.
    if not det and re.search(r"\bthe\s+(?:[a-z][\w\-]*\s+){0,3}$", m.string[:m.start("name")]) is None:
        return None
    return Tag(Ref.DESCRIPTION, noun.group(1), verb, after, near, None, True)


def _modifier_description(m: re.Match[str], verb: str | None, after: bool, near: bool) -> Tag | None:
    """"shrilled the Amritzar girl", "said a young Dogra soldier", "cried a fat Hindu money-lender": after a
    tag's verb, a capitalised word between an article and a lower-case noun modifies the noun (a place, a caste, a
    people), as a person's name takes no article ("the tall Sikh craftsman", never "the tall Kim"); the speaker is
    the noun's, and the word is no name."""
    *det, name = m.group("name").split()
    noun = re.match(r"[ \t]+([a-z][\w\-]*)", m.string[m.end("name"):])
    verb_first = m.groupdict().get("verb") is not None and m.start("verb") < m.start("name")
    # Only after the verb: before it, the word after a name may be the subject's own verb ("The Captain growled").
    if det or noun is None or not verb_first or _NP_END.fullmatch(noun.group(1)) or noun.group(1) in _NOT_NOUNS \
            or name.lower().rstrip(".") in TITLES or POSSESSIVE.search(name):
        return None
    article = re.search(r"\b(?P<art>the|an?)\s+(?:[a-z][\w\-]*\s+){0,3}$", m.string[:m.start("name")])
    # "the Pentagon spokesman John Kirby": a role before a name is the name's.
    if article is None or _ROLE_BEFORE_NAME.match(m.string, m.end("name") + noun.end(1)):
        return None
    return Tag(Ref.DESCRIPTION, noun.group(1), verb, after, near, None, article.group("art") == "the")


_ROLE_BEFORE_NAME = re.compile(r",?[ \t\n]+[A-Z][a-z]")
# Lower-case words that follow a speaker's name in a tag without being a noun it modifies ("said the Colonel
# himself", "said the Mole rather pettishly", "asked the Scarecrow when he had stretched himself").
_NOT_NOUNS = frozenset(("himself", "herself", "themselves", "itself", "too", "now", "here", "there", "aloud",
                        "presently", "so", "yet", "also", "alone", "once", "first", "last", "next", "or", "nor",
                        "instead", "indeed", "again", "says", "said", "asked", "cried", "replied", "when", "while",
                        "whereupon", "where", "rather", "quite", "very", "just", "almost", "even", "only", "still",
                        "all", "both", "each", "if", "though", "although", "because", "till", "until"))


# What ends a description after a tag's verb: punctuation, a preposition or conjunction, an adverb, a participle.
# "said the chairman after a painful pause": a preposition or a determiner begins another phrase.
_NP_END = re.compile(r"(?:with|in|to|at|as|and|but|who|that|which|of|for|from|on|by|not|then|again|once|still|he|she|"
                     r"they|it|after|before|during|without|within|behind|beside|near|under|over|upon|about|into|"
                     r"through|across|among|between|against|toward|towards|like|than|a|an|the|his|her|their|its|my)$"
                     r"|\w+ly$|\w+ing$")


def _head_noun(m: re.Match[str]) -> tuple[str, int]:
    """The noun a description ends with, and where it ends: "replied the little old woman, with a laugh", "The
    little old woman said," are a woman, though the pattern stops at its first word."""
    noun, end = m.group("noun"), m.end("noun")
    verb_after = m.groupdict().get("verb") and m.start("verb") > m.end("noun")
    rest = m.string[m.end("noun"):m.start("verb") if verb_after else None]
    # (a description may run over a line break of the text's wrapping: "said the loud\nsoldier")
    gap = r"(?:[ \t]*\n[ \t]*|[ \t]+)"
    words = re.finditer(rf"{gap}({_WORD})", re.match(rf"(?:{gap}{_WORD}\b)*", rest).group())
    for w in list(words)[:3]:
        if _NP_END.fullmatch(w.group(1)):
            break
        noun, end = w.group(1), m.end("noun") + w.end(1)
    return noun, end


def titled_uses(text: str, titles: frozenset[str], det: str = "the") -> dict[str, list[int]]:
    """Where each title stands as a tag's subject after "the" ("said the captain", "the doctor replied"), or
    after ``det`` ("said my mother"): a title the text tags quotations with again and again is how it names
    someone."""
    words = "|".join(sorted(titles, key=len, reverse=True))
    rx = re.compile(rf"\b(?:{V})\s+{det}\s+(?P<a>{words})\b|\b(?i:{det})\s+(?P<b>{words})\s+{ADVERB}(?:{V})\b")
    out: dict[str, list[int]] = {}
    for m in rx.finditer(text):
        out.setdefault((m.group("a") or m.group("b")).lower(), []).append(m.start())
    return out


# "said the undertaker,": a tag whose subject is "the" and one lower-case word, the subject's end.
_ROLE_TAG = re.compile(rf"\b(?:{V})\s+the\s+(?P<noun>[a-z][a-z\-]+)(?=\s*[,.;:!?—–])")
ROLE_TAGS = 3  # tags naming someone "the" + a word this many times make that word a role of the story


def tagged_roles(text: str) -> frozenset[str]:
    """Words the tags use as a role again and again ("said the undertaker", "replied the beadle"), whatever the
    word: no word list holds every trade a story names its people by, but its tags show which it does."""
    counts: dict[str, int] = {}
    for m in _ROLE_TAG.finditer(text):
        counts[m.group("noun")] = counts.get(m.group("noun"), 0) + 1
    return frozenset(w for w, n in counts.items() if n >= ROLE_TAGS and w not in ANAPHORS)


def lead_is_tag(lead: str) -> bool:
    """Whether the words before a quotation end as a tag does (``…said,``, ``…replied:``)."""
    return _TAG_ENDS_LEAD.search(lead) is not None
