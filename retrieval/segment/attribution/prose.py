"""Prose read quotation by quotation: a sieve of ordered stages, each naming speakers with its own precision.

1. locate   — paragraphs, their quotations, the words before (lead) and after (trail) each;
2. tags     — a speech tag beside a quotation names its speaker, or a pronoun or description resolved by gender
              and salience ("said his wife": kin.py; "said I": the first-person narrator, narrator.py); a
              title, role or kin word the tags use again and again names a character ("said the captain",
              "says pap", "said my mother", "said Mother"); a pronoun the people about leave open, the one of
              its gender the reply just before calls by name; a
              statement introduced, "according to"; untagged, the one person the narration just before is
              about ("Anne sighed. '…'", or the sentence ending the paragraph before); a letter read out is
              its signatory's (letters.py); in news, the shapes a reporter writes (newstags.py: a name behind an
              office, partial quotations in a sentence reporting them, a colon above, a statement, a pull quote);
3. paragraph — a paragraph's untagged quotations are its tagged one's speaker's, across that one's tag or a
              short beat; an open quotation continues;
4. conversation — untagged replies in an exchange are the person whose turn it is, by strict alternation
              between a known pair (conversation.py: anchored by tags, vocatives, pronouns and a reply that says
              who its speaker is; split where two tags break the alternation), or on one side only where just
              one person is known; in a document whose quotations run on paragraph after paragraph in one voice
              (news), they stay with the speaker before;
5. units    — each quotation with its tags one unit, the narration around it the narrator's: no unit holds two
              speakers' words.

A quotation no stage places stays unattributed; every decision keeps its evidence (evidence.py).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ...records import Clue, Role
from .. import speech
from ..sentences import sentence_spans
from ..units import Unit
from .cast import APPOSITION, OBJECT_BEFORE, Cast, Character, Mention
from .confidence import CALIBRATED, STAGE_PARAGRAPHS, TAG_REACH, Chain, Instance, calibrated
from .conversation import Fill, Turn, take_turns
from .described import apposed_names, described_names, uses_of
from .descriptions import BARE, FAMILY, GENERIC, MY_TITLES, ROLES, SEX, SUBJECT_BEFORE, kept_on_stage, unnamed_rival
from .evidence import NOBODY, Decision
from .kin import kin_about, kin_in_scene, kin_of
from .letters import signed_by
from .names import NAME, POSSESSIVE, TITLES, split_title
from .narrator import across, addressed_unnarrated, narrator_of, sections, self_named
from .newstags import body_called, may_be_a_person, news_tag_after, news_tag_before, person_named, statement_by
from .quotations import Quotation, find_quotations, single_quoted
from .subjects import subject_chain
from .tags import (
    ONE_OF,
    Ref,
    Tag,
    V,
    family_names,
    kin_word_tag,
    lead_is_tag,
    reported,
    tag_after,
    tag_before,
    tagged_roles,
    titled_uses,
)
from .vocatives import (
    addressees,
    asks_name,
    introduced,
    only_child,
    own_words,
    parents_addressed,
    titled_kin_addressed,
)

CONTEXT_PARAGRAPHS = 4  # paragraphs back in which a pronoun's antecedent is looked for
# A pronoun that stands before a name in its sentence and is not that name ("he knew … as sick as Harrison").
_SUBJECT_PRONOUN = {"m": re.compile(r"\b[Hh]e\b"), "f": re.compile(r"\b[Ss]he\b")}
_PRONOUN_OF = {"m": "he", "f": "she"}
# "Sir Andrew was kindness itself": a name, then a verb of the third person (no comma between: "Andrew, was it
# you?" calls him).
_THIRD_PERSON_VERB = re.compile(r"[ \t]+(?:was|is|has|had|will|would|did|does|says|said|can|could|must|shall|should)\b")
# "his face", "she turned": a pronoun going on about someone.
_PRONOUN_FORMS = {"m": re.compile(r"\b(?:[Hh]e|[Hh]is|him|himself)\b"),
                  "f": re.compile(r"\b(?:[Ss]he|[Hh]er|hers|herself)\b")}
DOUBT = 0.6  # a pronoun's antecedent when someone else may be meant: below the bar
CHAIN_PARAGRAPHS = 2  # paragraphs of narration above a pronoun tag its chain of subjects walks
SUBJECTS = 0.95  # a doubted antecedent the chain of subjects confirms (right 48 times in 48, round 8)
KIN_PARAGRAPHS = 12  # …and a kin description's ("her father"), where those name no one of the kind
RECENT = 0.95  # a pronoun whose one fitting antecedent is among the last paragraphs (right 30 times in 41)
ONE_VOICE_PAIRS = 6  # tagged neighbours needed before the document's own habit overrides its layout's
PARENT_WINDOW = 12  # paragraphs back in which the child who calls someone "papa" is named
# "I laughed.", "I flew into a rage.": a sentence whose subject is the narrator, who then speaks; never one who
# only hears, sees or reads what follows.
MY_BEAT = re.compile(r"\s*I\s+(?:[a-z]+ly\s+)?(?!(?:heard|hear|saw|see|read|listened|overheard|caught|watched|"
                     r"noticed|found|was\s+told)\b)[a-z]")
THIRD_PERSON = re.compile(r"[^\w\s]*\s*(?:he|she)\s+[a-z]+(?:ed|s)?\b")
OTHER_SUBJECT = re.compile(r"\b(?:he|she|they|who)\b", re.I)
BEAT_LENGTH = 16  # words of a sentence short enough to be one beat of the narrator's
TAG_CHARS = 30  # characters after a quotation within which a tag stands
MY_LEAD = 0.9  # the narrator, where the sentence leading into an untagged quotation has "I" for its subject
BEAT_PRONOUN = re.compile(r"\s*(He|She)\s+[a-z][^\"“”‘’«».!?;]{0,80}[.:]\s*")  # one sentence, "He" or "She" its subject
ANCHOR = 0.8  # a decision this sure anchors turn-taking
# A speech verb after an untagged quotation: a tag the sieve could not read, never the last voice going on.
# A sentence whose subject (after an opening word and comma: "Unworried, ") says something in the reporter's words.
PARAPHRASED = re.compile(
    rf"\s*(?:[A-Z][a-z]+,\s+)?(?P<name>{NAME})(?:,[^,\"“”]{{1,80}},)?\s[^\"“”.!?;:]{{0,120}}?"
    r"\b(?P<verb>said|says|told|tells|explained|explains|stated|states|insisted|insists|argued|argues)\b"
    r"(?:\s+that)?\s[^\"“”]*$")
PARAPHRASE_SURE = 0.9  # (the subject of a speech verb, one sentence before the quotation, nobody else named there)
UNREAD_TAG = re.compile(r"\b(?:said|says|stated|states|added|adds|explained|told|asked|according)\b")
SURE_CONTEXT = 0.7  # a speaker named this surely is someone about, for a pronoun after
POSSESSIVE_AFTER = re.compile(r"['’]s\s+[a-z]")  # "the undertaker’s wife"
EPITHET_USES = 3  # a description tagging this many quotations…
EPITHET_SHARE = 0.8  # …this share of them guessed as one character tagged by name too, is that character's epithet
EPITHET = 0.95
# "said I", "I says": a story its narrator tells, where "pap" is the narrator's father.
FIRST_PERSON_TAG = re.compile(r"[,!?][\"”’]\s+(?:said|says|say|cried|asked|answered|replied)\s+I\b|"
                              r"[,!?][\"”’]\s+I\s+(?:said|says|say|cried|asked|answered|replied)\b")
CALLED = 0.95  # a pronoun tag's speaker, the one of its gender the reply before calls by name (right 20 times in 20)
TITLED = 0.95  # "said the doctor": a title or role the tags use again and again, or the one person named under it
# "said the painter": a role no word list holds, learnt from the tags alone. It may be someone the story names
# (Basil, the painter): it names its own quotations but anchors no turn-taking, where it would be a third voice.
LEARNT = 0.75
FOCAL_SHARE = 3  # mentions of a story's main character to those of anyone else, for an unanchored "he" to be theirs
FOCAL = 0.85
ANAPHOR_BEAT = re.compile(r"\s*The\s+(other|latter)\s+(?!of\b|one\b)[a-z]+")  # "The other sat down."
OTHER_OF_TWO = 0.9  # "retorted the other": the one of an exchange's two who did not speak just before
DESCRIBED = 0.9  # "said the tall soldier": a description with a word of its own the tags use again and again
STRETCH = 6000  # characters (a scene or two) within which "said the gentleman" again and again is one person
# "two portly gentlemen", "a little girl": someone the narration brings in without a name, before the tags.
NEWCOMERS = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]ome)\s+(?:[a-z][\w\-]*\s+){0,2}?(?:"
                       + "|".join(sorted(SEX, key=len, reverse=True)) + r"|gentlemen|men|women)s?\b")
# "while the young man …", "to which the ancestress …": a clause with a subject of its own begins.
_OTHER_SUBJECT = re.compile(r"\b(?:while|whereupon|which|whom|but)\s+(?:the|his|her|their|a|an)\s+[a-z]")
# "'Catherine Linton,' it replied": a verb of speech with a subject of its own right after an untagged quotation,
# one the tag reader takes for nobody (a thing, a voice): someone's turn, never lent a neighbour's name.
_OWN_SPEAKER = re.compile(rf"[\s,]*(?:it|(?:the|a|an)\s+[a-z]+)\s+(?:{'|'.join(speech.DIALOGUE_VERBS)})\b")
# "Very good, sir.", "Yes, madam": someone called by a word of respect, not by name.
_SIR = re.compile(r"(?:^|[,;!?]\s+)(?:sir|madam|ma['’]am)(?=\s*(?:[,!?.;:]|--|—|$))", re.I)
# '"They go to hell," was my ready and orthodox answer.': a reply the narrator tags as their own without "I".
# '"That will do," was all I could say.': the only words the narrator found, theirs as plainly.
MY_REPLY = re.compile(r"\s*(?:was|were)\s+(?:my\s+(?:[a-z]+\s+){0,3}?(?:answer|reply|response|rejoinder|retort|cry|"
                      r"exclamation|remark|question|words)|all\s+(?:that\s+)?I\s+(?:could\s+|would\s+|did\s+)?"
                      r"(?:say|said|answer|answered|reply|replied|ask|asked))\b")
# Turn-taking's stand-in for a first-person narrator the document never names (no name has a control character).
NARRATOR = "\x00narrator"
STEP_DECAY = 0.05  # confidence lost per reply away from the nearest tag (local turn-taking)
PAIR_DECAY = 0.02  # …and in strict alternation between a known pair, anchored on one side
LOCAL_REACH = 2  # turns from the nearest tag within which the local rule, tagged on both sides, stays sure
# The person a paragraph's last sentence is about speaks the reply after it: right 7 times in 8, kept under the
# anchor bar, as that sentence may be a turn of its own ("Mr. Darcy bowed.").
FINAL_MENTION = 0.95
NEWCOMER_SURE = 0.9  # news: a person brought in as a sentence's subject between two quotations of a paragraph
BODY_SURE = 0.9  # news: "the panel said" after one body named "… Panel" (the only such body, but a noun)
# The partner a tagged person's exchange is given by the scene or by whom they address, never tagged in it: their
# turns were right 55 times in 66 on one side, 17 in 20 between tags (round 3), against 0.96 for tagged people.
PARTNER = 0.9
BROKEN = ", before a new voice"  # said of a turn read on up to the tag that brings a third person in
# "observed to the Mole", "said to Ann", "snapped at the boy": the tag's words just before whom it tells.
TOLD = re.compile(r"\b(?:to|at)\s+(?:the\s+)?$")
# The verb of a sentence of narration that is itself someone's turn: what they answered, told as narration (a nod
# or a bow is not: it often comes before the nodder's own words, "Anne nodded." / "'Yes, I have two.'").
# The subject of a paragraph's last sentence has had a turn, told ("Lucy mumbled that …", "Tom began sullenly"), or
# has listened ("Ivan listened attentively."): the reply after it is another's.
ANSWERED = re.compile(r"\s+(?:\w+ly\s+)?(?:answered|replied|rejoined|returned|assented|explained|said|told|asked|"
                      r"inquired|enquired|mumbled|murmured|muttered|whispered|remarked|observed|protested|declared|"
                      r"listened|began(?!\s+to\b))\b")
BEAT_WORDS = 8  # narration between two quotations of a paragraph short enough to keep them one speaker's
LEAD_WORDS = 40  # narration before a paragraph's first quotation long enough to set a new scene
SCENE_GAP = 2  # narration paragraphs between two runs of dialogue that may still hold the same two people
REPLY_VERBS = "replied|replies|answered|answers|returned|returns|rejoined|retorted|responded"  # another's turn
GOES_ON_VERBS = "persisted|continued|resumed|pursued|insisted|repeated"  # the same speaker's turn, going on
HEADING_CHARS = 40  # a paragraph of one line this short may be a chapter's heading ("CHAPTER XII.")
IN_TURN = 0.9  # a pronoun whose verb says whose turn it is in a paragraph of run-together dialogue
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")  # "said the| Sikh"
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w'’\-]*")  # "the Witch| of the North"
_WRITING = re.compile(r"(?i)\b(?:letters?|notes?|telegrams?|newspapers?|read|reads|reading|wrote|written)\b")
# "…instructions about letters to Evelyn Howard, and her husband addressed me in his painstaking voice:": narration
# that ends by bringing in someone's voice introduces their words, whatever writing it spoke of before.
_TITLE_STOP = re.compile(rf"(?i)(?<![\w.])(?:{'|'.join(map(re.escape, TITLES))})\.$")  # "Mr.": no sentence's end
_VOICES = "|".join(v for v in speech.DIALOGUE_VERBS if not _WRITING.fullmatch(v) and not v.startswith("wr"))
_VOICE_INTRO = re.compile(rf"(?i)\b(?:voice|addressed|{_VOICES})\b[^.!?:]*:\s*$")
SCARE_WORDS = 4  # an untagged quotation this short inside a sentence is a scare quote or a title
NOUN_GENDER = {
    "m": "man gentleman boy father brother son husband uncle king lord sir fellow lad master nephew grandfather",
    "f": "woman lady girl mother sister daughter wife aunt queen miss niece grandmother mistress maid",
}
# "The man sprang from his chair.", "A tall woman came in.": narration opening on someone not named.
NEWCOMER = re.compile(r"(?:^|[.!?;]\s+)(?P<art>The|A|An)\s+(?:[a-z]+\s+){0,3}?(?P<noun>"
                      + "|".join(w for ws in NOUN_GENDER.values() for w in ws.split())
                      + r"|stranger|visitor|voice|child|person|figure|creature|officer|servant)\b")
# "of the type of", "like", "as proud as", "fatter than": the words before a name someone is compared to; "the
# portrait of": a name shown in a picture or stone, no one on stage either.
COMPARED = re.compile(r"\b(?:[Ll]ike|[Uu]nlike|than|as\s+[a-z]+\s+as|resembl\w+|(?:type|kind|sort|image|likeness|style|"
                      r"portrait|picture|painting|statue|bust|miniature|photograph|effigy)"
                      r"\s+of)\s+(?:(?:a|an|the)\s+)?$")
# "; but one little man, with a black beard … detached himself": someone unnamed, a clause's subject.
NEW_SUBJECT = re.compile(r"(?:^|[.!?;:]\s+|,\s+(?:and|but|when|then|while)\s+|\b(?:and|but|when|then|while)\s+)"
                         r"(?:[Aa]n?|[Oo]ne)\s+(?:[a-z][\w\-]*,?\s+){0,3}?(?P<noun>"
                         + "|".join(w for ws in NOUN_GENDER.values() for w in ws.split())
                         + r"|stranger|visitor|person|figure|officer|servant)\b")
GENDER_OF = {**{p: "m" for p in ("he", "il", "er", "él")}, **{p: "f" for p in ("she", "elle", "ella")},
             **{n: g for g, words in NOUN_GENDER.items() for n in words.split()}}
_STATEMENT = re.compile(
    rf"^(?P<who>{NAME})\s+(?:has\s+|have\s+)?(?:issued|released|made|gave|published|put out|sent)\s+"
    r"(?:the following|this|a|his|her|their)\s+(?:statement|message|letter)", re.IGNORECASE)
_ACCORDING = re.compile(rf"(?:{'|'.join(speech.ACCORDING)})\s+"
                        rf"(?:[a-zà-ÿ][\w'’\-]*\s+){{0,2}}(?P<who>{NAME})")
# "According to Yonhap news agency, quoting North Korea's main news agency Korean Central News Agency (KCNA),": the
# outlet passes on the words of the one it quotes, the last name of that clause.
_QUOTING = re.compile(r"[^,;.]*?,\s+(?:quoting|citing)\s+(?P<clause>[^,;.()]+)")


@dataclass
class Site:
    """One quotation in the document, with the words around it and what the sieve decided."""

    q: Quotation  # offsets within the paragraph
    lead: tuple[int, int]  # document offsets of the sentence part before it
    trail: tuple[int, int]  # …and of the tag after it (empty when none)
    tag: Tag | None = None
    speech: bool = True
    decision: Decision = NOBODY
    reported: bool = False  # the lead is a sentence of reported speech, the speaker's too
    above: tuple[int, int] | None = None  # where its tag stands when it ends the paragraph above
    may_be: frozenset[str] = frozenset()  # who its pronoun tag may stand for, as named just before it


@dataclass
class Paragraph:
    start: int
    end: int
    sites: list[Site] = field(default_factory=list)
    opens_with_quote: bool = False
    left_open: bool = False
    statement: str | None = None  # "X issued the following statement:" introduces X's words
    according: tuple[int, Decision] | None = None  # the offset from which the paragraph is the source's
    carried: bool = False  # its first quotation goes on from the paragraph before without reopening


class ProseReader:
    """Reads a body's paragraphs in order; ``news`` when quotations run on in one voice across paragraphs."""

    def __init__(self, text: str, narrator: Decision, role: Role, cast: Cast, news: bool,
                 publisher: Decision = NOBODY) -> None:
        self.text = text
        self.narrator = narrator
        self.publisher = publisher  # who introduces a statement: the site, not the statement's author
        self.role = role
        self.cast = cast
        self.news = news
        self._people: set[str] = set()  # who speaks or is spoken to, known once the tags are read (_conversation)

    def read(self, spans: list[tuple[int, int]]) -> list[Unit]:
        single = single_quoted(self.text[spans[0][0]:spans[-1][1]]) if spans else False
        paras = [self._locate(a, b, single) for a, b in spans]
        self.news = self.news or not _dialogue(paras)
        if self.news:
            self.cast.subject_genders(self.text, spans)
            paras = [self._carried_on(paras[k - 1], p, single) if k else p for k, p in enumerate(paras)]
        self.me, self.narrated = None, False
        self._tellers: list[tuple[int, int, Character]] = []  # chapters a frame story's other teller narrates
        self.self_named: Character | None = None
        self.told_by_me = False
        self._learnt: frozenset[str] = frozenset()  # roles learnt from the tags (_titles_as_names)
        self._titled_as = self._titles_as_names(spans[0][0], spans[-1][1]) if spans and not self.news else {}
        self._kin_words = self._kin_words_as_names(spans[0][0], spans[-1][1]) if spans and not self.news else {}
        self._described = self._descriptions_as_names(spans[0][0], spans[-1][1]) if spans and not self.news else {}
        self._main = self._main_character()
        self._kinds = self._kinds_of_people(spans[0][0], spans[-1][1]) if spans and not self.news else set()
        self.told_by_me = not self.news and _told_by_me(paras, self.text)
        for i in range(len(paras)):
            self._tags(paras, i)
        self._epithets(paras)
        if self._first_person(paras):
            for i, p in enumerate(paras):
                for s in p.sites:
                    if _said_i(s):
                        s.decision = self._resolve(s.tag, paras, i, s)
                    elif s.speech and s.decision.speaker is None and self._my_lead(p, s):
                        me = self._me_at(i) or self.self_named
                        s.decision = Decision.of(me.name, Clue.PRONOUN, "the narrator, the subject of the "
                                                 "sentence leading into it (\"I laughed. '…'\")", MY_LEAD)
        self._letters(paras)
        self._voiced: set[str | None] | None = None  # who a tag names outright somewhere (_calibrated)
        self._description_share = 0.0  # tags naming by description, of those naming anyone (_calibrated)
        self._calibrate(paras)
        self._within_paragraphs(paras)
        self.news = _one_voice(paras, self.news)
        self._conversation(paras)
        self._within_paragraphs(paras)
        return [u for p in paras for u in self._units(p)]

    # --- 1. locate ---------------------------------------------------------------------------------------
    def _carried_on(self, prev: Paragraph, p: Paragraph, single: bool) -> Paragraph:
        """'He said, "In the first half it felt good out there.' / 'We could've scored … early." After the
        match, …': news may carry a quotation into the next paragraph without reopening it; that paragraph's
        first mark then closes it, and the words before it are the quotation's."""
        body = self.text[p.start:p.end]
        m = re.search(r"\S[\"”]", body)
        if not prev.left_open or m is None or (p.sites and p.sites[0].q.start <= m.start() + 1):
            return p
        carried = self._locate(p.start, p.end, single, carried=m.end())
        carried.opens_with_quote = carried.carried = True
        return carried

    def _locate(self, a: int, b: int, single: bool, carried: int = 0) -> Paragraph:
        """The paragraph [a, b) and its quotations; ``carried``: where a quotation carried on from the paragraph
        before, with no opening mark here, closes."""
        body = self.text[a:b]
        p = Paragraph(a, b)
        quotes = find_quotations(body[carried:], single)
        if carried:
            quotes = [Quotation(0, carried, True), *(Quotation(q.start + carried, q.end + carried, q.closed)
                                                    for q in quotes)]
        prev_end = 0
        for k, q in enumerate(quotes):
            nxt = quotes[k + 1].start if k + 1 < len(quotes) else len(body)
            lead = a + _sentence_part(body, prev_end, q.start)
            trail_end = _trail_end(body, q.end, nxt)
            p.sites.append(Site(q, (lead, a + q.start), (a + q.end, a + trail_end)))
            prev_end = q.end
        p.opens_with_quote = bool(quotes) and quotes[0].start == 0
        p.left_open = bool(quotes) and not quotes[-1].closed
        if m := _STATEMENT.match(body):
            p.statement = m.group("who")
        return p

    # --- 2. tags -----------------------------------------------------------------------------------------
    def _tags(self, paras: list[Paragraph], i: int) -> None:
        p = paras[i]
        self._according(p)
        for s in p.sites:
            if p.carried and s is p.sites[0]:
                d = paras[i - 1].sites[-1].decision  # the one left open, the last of its paragraph
                s.decision = Decision.of(d.speaker, Clue.CONTINUATION, "the quotation left open before closes "
                                         "here", min(1.0, d.confidence)) if d.speaker else NOBODY
                continue
            lead, trail = self.text[s.lead[0]:s.lead[1]], self.text[s.trail[0]:s.trail[1]]
            inner = s.q.inner(self.text[p.start:p.end])
            s.tag = self._family_tag(inner, lead, trail, s) \
                or (tag_after(trail, inner.rstrip().endswith(",")) if s.q.closed and _may_tag_after(inner, trail)
                    else None) or tag_before(lead)
            if s.tag is None and s.q.start == 0 and i and s is p.sites[0]:
                s.tag, s.above = self._tag_above(paras[i - 1])
            if s.tag is not None and s.tag.ref is Ref.NAME and not s.tag.after and s is not p.sites[0] \
                    and not self.news and (c := self.cast.resolve(s.tag.words)) \
                    and self._second_voice(p, p.sites[p.sites.index(s) - 1], s, c.name):
                s.tag = None  # the tag before it is the quotation before's, and someone else answers
            s.speech = s.tag is not None or not _scare(inner, lead, s.q.start == 0)
            if s.tag is not None:
                s.decision = self._resolve(s.tag, paras, i, s)
                self._reported_before(p, s)
            elif s.speech and (d := self._untagged(paras, i, s)):
                s.decision = d
            if self.news and (s.decision.speaker is None or _described_tag(s)):
                self._news_site(paras, i, s, lead, trail)
            if self.news:
                self._gender_from(s)

    def _gender_from(self, s: Site) -> None:
        """News: "“…,” she said." surely resolved to someone of no known gender gives them hers: a reporter's
        pronouns, cut off from the name by a quotation or a place, are the only sign of it ("Jenny Flahaut, 33,
        who works at a children's home, …. “…,” she said")."""
        t = s.tag
        if t is None or t.ref is not Ref.PRONOUN or s.decision.confidence < SURE_CONTEXT:
            return
        gender = GENDER_OF.get(t.words.lower())
        if gender and (c := self.cast.resolve(s.decision.speaker or "")) and c.gender is None:
            c.gender = gender

    def _family_tag(self, inner: str, lead: str, trail: str, s: Site) -> Tag | None:
        """"grandfather said:", "said Mother": a kin word the text uses as a name (_family_names) as a tag's
        subject, in either case; read first, as "Then grandfather said:" would read "Then" as a name."""
        family = frozenset(self._kin_words) & FAMILY
        if not family:
            return None
        after = kin_word_tag(trail, True, family) if s.q.closed and _may_tag_after(inner, trail) else None
        return after or kin_word_tag(lead, False, family)

    def _news_site(self, paras: list[Paragraph], i: int, s: Site, lead: str, trail: str) -> None:
        """A quotation the tags above left unnamed, read as news writes its tags (newstags.py): a name behind a
        title, an office or a possessive; a partial quotation in a sentence reporting its subject's words; a
        tag ending the paragraph above with a colon; a pull quote's attribution after a dash."""
        p = paras[i]
        k = p.sites.index(s)
        tag = s.tag if s.tag is not None and s.tag.ref is Ref.NAME else \
            None if s.tag is not None and not _described_tag(s) else news_tag_before(lead) or news_tag_after(
                trail, s.q.inner(self.text[p.start:p.end]).rstrip()[-1:] in (",", "?", "!"))
        if tag is not None and (c := person_named(tag.words, self.cast)):
            s.tag, s.speech = tag, True
            said = f'"{tag.words} … {tag.verb}"' if tag.verb else f'"- {tag.words}"'
            s.decision = Decision.of(c.name, Clue.SPEECH_TAG, f"{said} (as news writes a tag)",
                                     1.0 if tag.near else 0.95)
        elif s.tag is None and (d := self._same_sentence(p, k) if k else self._colon_above(paras, i, s)
                                or self._statement_before(p, s)):
            s.speech, s.decision = True, d

    def _statement_before(self, p: Paragraph, s: Site) -> Decision | None:
        """'U.S. Senator John Cornyn, Republican from Texas, issued a statement regarding …. "Like many Texans,
        …"': a quotation opening the sentence after one saying who issued a statement is that statement."""
        spans = sentence_spans(self.text[p.start:p.start + s.q.start])
        who = statement_by(self.text[p.start + spans[-1][0]:p.start + spans[-1][1]]) if spans else None
        c = person_named(who, self.cast) if who else None
        return Decision.of(c.name, Clue.STATEMENT, f"{who} issued the statement, the sentence before says") \
            if c else None

    def _same_sentence(self, p: Paragraph, k: int) -> Decision | None:
        """'Cooper said her party has supported the idea "for months", and said it was "damning …"': a
        quotation in the same sentence as a named one, with no tag of its own, is the same speaker's."""
        t, s = p.sites[k - 1], p.sites[k]
        between = self.text[p.start + t.q.end:p.start + s.q.start]
        if not (t.speech and t.decision.speaker) or re.search(r"[.!?][\"”’)]*\s", between):
            return None
        return Decision.of(t.decision.speaker, Clue.PARAGRAPH, "a quotation in the same sentence as theirs",
                           min(1.0, t.decision.confidence / 0.95))

    def _colon_above(self, paras: list[Paragraph], i: int, s: Site) -> Decision | None:
        """'… Enver Solomon told Sky News any process "must be well thought out":' ending the paragraph above
        introduces the quotation opening this one: the speaker named in that sentence."""
        if not i or s.q.start != 0:
            return None
        prev = paras[i - 1]
        last = prev.sites[-1] if prev.sites else None
        if last is None or not self.text[prev.start:prev.end].rstrip().endswith(":") or prev.left_open:
            return None
        after = self.text[prev.start + last.q.end:prev.end]
        if not (last.speech and last.decision.speaker) or re.search(r"[.!?][\"”’)]*\s", after):
            return None
        return Decision.of(last.decision.speaker, Clue.SPEECH_TAG, "introduced by a colon ending the paragraph "
                           "before, whose sentence names them", min(1.0, last.decision.confidence / 0.95))

    def _epithets(self, paras: list[Paragraph]) -> None:
        """A description the tags use again and again of one character ("said the little girl" of Dorothy, who is
        tagged by name too): where most of its uses point to that character, each of those is that character's,
        as surely as a pronoun with one antecedent."""
        uses: dict[str, list[Site]] = {}
        for p in paras:
            for s in p.sites:
                if s.tag is not None and s.tag.ref is Ref.DESCRIPTION and not s.tag.noun_is_kin \
                        and s.tag.words.lower() not in self._kin_words:  # "said Mother" is a name's tag
                    uses.setdefault(s.tag.words.lower(), []).append(s)
        named = {s.decision.speaker for p in paras for s in p.sites
                 if s.tag is not None and s.tag.ref is Ref.NAME and s.decision.speaker}
        for noun, sites in uses.items():
            who = Counter(s.decision.speaker for s in sites if s.decision.speaker)
            top, n = who.most_common(1)[0] if who else (None, 0)
            if len(sites) < EPITHET_USES or n < EPITHET_SHARE * len(sites) or top not in named:
                continue
            for s in sites:
                if s.decision.speaker == top:
                    s.decision = Decision.of(top, Clue.PRONOUN, f'"the {noun}": {top}, whom the tags call so {n} '
                                             f"times in {len(sites)}", EPITHET)

    def _first_person(self, paras: list[Paragraph]) -> bool:
        """Whether the narrator says "I" in tags and is named by the replies beside those turns (narrator.py);
        ``self.me`` is then that character."""
        mine = [i for i, p in enumerate(paras) if (s := _first_speech(p)) and _said_i(s)]
        mine_set = set(mine)
        near = {j for run in _runs(paras, self.text) for j in across(run, mine_set)}
        near |= {j for i in mine for j in (i - 1, i + 1) if 0 <= j < len(paras) and j not in mine_set}
        beside = [self._addressed(paras[j]) for j in sorted(near) if paras[j].opens_with_quote]
        own, others = self._introductions(paras, mine_set)
        never = self._named_by_tags(paras) | others
        self.me = narrator_of(beside, [self._addressed(paras[i]) for i in mine], never) if mine else None
        if mine and self.me is None:
            self.me = addressed_unnarrated([self._addressed(p) for p in paras], self._narration_names(paras) | never)
        if mine and own is not None and own.name not in never:
            self.me = own  # "'I am Rudolf Rassendyll,' I answered": the surest word on the narrator's name
        elif mine and (own is not None or (self.me is not None and self.me.name in never)):
            self.me = None  # the evidence for the narrator's name conflicts: "I said" stays the unnamed narrator's
        self.narrated = bool(mine) and self.me is None  # a narrator the text names is anchored by name
        # A narrator who names themself in the narration names their own "said I" turns; no reply calls them so,
        # so the turn-taking keeps them as the stand-in of a narrator nobody names.
        self.self_named = self_named(self.text, self._narrated_mentions(paras)) if self.narrated else None
        self._tellers = self._chapter_tellers(paras) if self.me is not None else []
        return self.me is not None or self.self_named is not None

    def _chapter_tellers(self, paras: list[Paragraph]) -> list[tuple[int, int, Character]]:
        """A frame story hands the "I" on: the frame's narrator listens to another telling their own story
        ("'…,' I said" is then the teller's, whom the people in it call by name). Each chapter's replies beside
        its "said I" turns, the tagged ones in the same paragraph included, vote again (narrator.py); where they
        clearly name someone other than the book's narrator, that chapter's "I" is theirs."""
        out = []
        for a, b in sections([self.text[paras[k - 1].end if k else 0:p.end if _heading_like(self.text, p) else p.start]
                              for k, p in enumerate(paras)]):
            mine = [i for i in range(a, b) if any(_said_i(s) for s in paras[i].sites)]
            own = [self._sites_addressed(paras[i], [s for s in paras[i].sites if _said_i(s)]) for i in mine]
            beside = [self._sites_addressed(paras[i], [s for s in paras[i].sites if s.speech and s.tag is not None
                                                       and not _said_i(s)]) for i in mine]
            beside += [self._addressed(paras[j]) for i in mine for j in (i - 1, i + 1)
                       if a <= j < b and j not in mine and paras[j].opens_with_quote]
            c = narrator_of(beside, own) if mine else None
            # The one who tells a stretch is never named in its narration (a tag or a sentence about them would make
            # them a third person there, as Holmes is in Watson's story).
            if c is not None and c is not self.me and c.name not in self._narration_names(paras[a:b]):
                out.append((a, b, c))
        return out

    def _me_at(self, i: int) -> Character | None:
        """The first-person narrator of paragraph ``i``: its chapter's teller, else the book's."""
        return next((c for a, b, c in self._tellers if a <= i < b), self.me)

    def _sites_addressed(self, p: Paragraph, sites: list[Site]) -> list[Character]:
        """Whom these quotations of the paragraph speak to, by name or as "aunt"."""
        body = self.text[p.start:p.end]
        return [c for s in sites for c in (*addressees(self._own(s, body), self.cast),
                                           *titled_kin_addressed(self._own(s, body), self.cast))]

    def _named_by_tags(self, paras: list[Paragraph]) -> set[str]:
        """The characters a third-person tag names ("said Fritz"): a first-person narrator tags their own turns
        "said I", so none of these is the narrator."""
        return {s.decision.speaker for p in paras for s in p.sites
                if s.tag is not None and s.tag.ref is Ref.NAME and s.decision.speaker}

    def _introductions(self, paras: list[Paragraph], mine: set[int]) -> tuple[Character | None, set[str]]:
        """Who the quotations say their speakers are ("I am called Fritz von Tarlenheim"): the one name the
        narrator's own "said I" turns give (None where none or several), and the names given in anyone else's
        turns, which are never the narrator's: words inside a quotation name its speaker."""
        own: dict[str, Character] = {}
        others: set[str] = set()
        for i, p in enumerate(paras):
            for s in p.sites:
                c = introduced(s.q.inner(self.text[p.start:p.end]), False, self.cast) if s.speech else None
                if c is None:
                    continue
                if i in mine and s is _first_speech(p):
                    own[c.name] = c
                elif s.tag is not None and not s.tag.first_person and not _said_i(s):
                    others.add(c.name)  # only a turn its tag gives to someone else is surely not the narrator's
        return (next(iter(own.values())) if len(own) == 1 else None), others

    def _narration_names(self, paras: list[Paragraph]) -> set[str]:
        """The characters named anywhere outside quotations (in narration and tags)."""
        return {m.character.name for m in self._narrated_mentions(paras)}

    def _narrated_mentions(self, paras: list[Paragraph]) -> list[Mention]:
        """Every mention outside quotations (in narration and tags)."""
        out: list[Mention] = []
        for p in paras:
            spans = [(p.start + s.q.start, p.start + s.q.end) for s in p.sites]
            out += [m for m in self.cast.mentions_in(p.start, p.end) if not any(a <= m.start < b for a, b in spans)]
        return out

    def _tag_above(self, prev: Paragraph) -> tuple[Tag | None, tuple[int, int] | None]:
        """A tag ending the paragraph above with a colon or comma (``Mr. Bennet coolly observed:``), and the
        words it stands in."""
        body = self.text[prev.start:prev.end]
        if not lead_is_tag(body) or prev.left_open:
            return None, None
        after = prev.start + (prev.sites[-1].trail[1] - prev.start if prev.sites else 0)
        start = prev.start + _sentence_part(body, after - prev.start, len(body))
        tag = tag_before(self.text[start:prev.end])
        return (replace(tag, near=False), (start, prev.end)) if tag else (None, None)

    def _according(self, p: Paragraph) -> None:
        body = self.text[p.start:p.end]
        for a, b in sentence_spans(body):
            m = _ACCORDING.match(body, a)
            if m and (d := self._source(body, m, b)):
                p.according = (p.start + a, d)
                return

    def _source(self, body: str, m: re.Match[str], end: int) -> Decision | None:
        """Whose words follow "According to X,": X's, or, where X reports what a person said ("According to the
        Herald, Professor Burrows said …"), that person's; an outlet quoting another ("quoting KCNA"), the other's."""
        said = reported(body[m.end():end].lstrip(" ,"))
        if said is not None and said.ref is Ref.NAME and (c := self.cast.person(said.words)):
            return Decision.of(c.name, Clue.ACCORDING, f'"{m.group().strip()}, {said.words} … {said.verb}"')
        c = self.cast.person(_quoted_source(body, m) or m.group("who"))
        return Decision.of(c.name, Clue.ACCORDING, f'"{m.group().strip()}"') if c else None

    def _resolve(self, tag: Tag, paras: list[Paragraph], i: int, s: Site) -> Decision:
        where = "after" if tag.after else "before"
        said = f'"{tag.verb} {tag.words}"' if tag.after and tag.verb and not tag.words[:1].isupper() else \
            f'"{tag.words} … {tag.verb}"' if tag.verb else f'"{tag.words}"'
        if tag.ref is Ref.NAME:
            c = self._fuller(tag, s) or self.cast.person(tag.words, tagged=True, at=paras[i].start + s.q.start)
            if c is None or self._article_part(tag, s, c):
                return NOBODY
            return Decision.of(c.name, Clue.SPEECH_TAG, f"{said} {where} the quotation",
                               1.0 if tag.near else 0.92)
        if not self.news and (c := self._says_who(paras[i], s)):  # "'My name is Ann Lee,' said the girl"
            return Decision.of(c.name, Clue.INTRODUCTION, f"{said}: the quotation says its speaker is {c.name}")
        if self.me is not None and tag.words.lower() == "i":
            return Decision.of(self._me_at(i).name, Clue.PRONOUN, f"{said}: the narrator, whom the replies around "
                               "the narrator's turns address", 0.95)
        if self.self_named is not None and tag.words.lower() == "i":
            return Decision.of(self.self_named.name, Clue.PRONOUN, f"{said}: the narrator, who names themself in "
                               "the narration", 0.95)
        if tag.words.startswith("the ") and (d := self._one_of_two(tag.words, paras, i, s.q.start, said)):
            return d
        if tag.first_person or tag.words.lower() in ("they", "ils", "elles", ONE_OF) or tag.words.startswith("the "):
            # a narrator who says "I" is named nowhere a tag can see; "they" are several, "one of the ladies" one
            # of several; "the other" is one of the two the turn-taking knows, not whom a pronoun's search finds
            return NOBODY
        if tag.ref is Ref.DESCRIPTION and self._owner_of_speaker(tag, s):
            return NOBODY  # "said my brother's wife", "said the undertaker's wife": whose kin speaks, not who
        if tag.ref is Ref.DESCRIPTION and (tag.words in BARE or tag.owner == "my" or (
                tag.owner is None and tag.words.lower() in self._kin_words)):  # "said the grandmother": Grandmother
            c = self._kin_words.get(tag.words.lower() if tag.owner != "my" else f"my {tag.words.lower()}")
            return Decision.of(c.name, Clue.SPEECH_TAG, f'"{tag.words}": what the text calls {c.name}',
                               TITLED) if c else NOBODY
        if tag.ref is Ref.DESCRIPTION and tag.noun_is_kin:
            return self._kin(tag, paras, i, s)
        if tag.ref is Ref.DESCRIPTION and tag.definite and (c := self._described.get(tag.phrase or "")):
            return Decision.of(c.name, Clue.SPEECH_TAG, f'"the {tag.phrase}": {c.name}, whom the tags call so '
                               "again and again", DESCRIBED)
        if tag.ref is Ref.DESCRIPTION and tag.definite and (d := self._titled(tag, paras, i)):
            return d
        if self.news and tag.ref is Ref.DESCRIPTION and tag.definite and \
                (body := body_called(tag.words, self.text[:paras[i].start + s.q.start])):
            return Decision.of(body, Clue.SPEECH_TAG, f'{said}: the {body}, the one body so named before', BODY_SURE)
        gender = GENDER_OF.get(tag.words.lower())
        d = self._antecedent(gender, paras, i, s, said, tag.ref)
        if tag.ref is Ref.PRONOUN and not s.may_be:  # nobody who fits is named in its own paragraph before it
            d = self._called_before(gender, paras, i, s, said) or d
        if tag.ref is Ref.PRONOUN and gender and d.speaker:
            d = self._by_subjects(d, gender, paras, i, s, said)
        if tag.ref is Ref.PRONOUN and gender and not self.news:
            d = self._in_turn(d, gender, paras[i], s, said)
        return d

    def _in_turn(self, d: Decision, gender: str, p: Paragraph, s: Site, said: str) -> Decision:
        """Dialogue run together in one paragraph ("'…' he said. X cuffed him. '…,' he persisted … 'Off!' cried X.
        '…,' he replied"): the verb says whose turn it is, whoever the narration between names. "He persisted",
        "he went on" is the one of the pronoun's sex who spoke the tagged quotation before; "he replied" is
        never that one, but the one who spoke before them, where the two alternate."""
        k = p.sites.index(s)
        prev = next((t for t in reversed(p.sites[:k]) if t.speech and t.tag is not None), None)
        if prev is None or prev.decision.confidence < SURE_CONTEXT:
            return d
        if prev.tag.after and not s.tag.after and (prev.tag.words, prev.tag.verb) == (s.tag.words, s.tag.verb):
            return prev.decision  # "'…,' he replied, '…'": one tag for both halves
        turns = [self.cast.resolve(t.decision.speaker) for t in p.sites[:k]
                 if t.speech and t.tag is not None and t.decision.confidence >= SURE_CONTEXT]
        turns = [c for n, c in enumerate(turns) if c is not None and (not n or turns[n - 1] is not c)]
        last = turns[-1] if turns else None
        verb = (s.tag.verb or "").lower()
        if last is None or last.gender != gender:
            return d
        if re.fullmatch(GOES_ON_VERBS, verb):
            return Decision.of(last.name, Clue.PRONOUN, f"{said}: {last.name}, who spoke the quotation before it in "
                               "this paragraph, goes on", IN_TURN)
        if re.fullmatch(REPLY_VERBS, verb) and self.cast.resolve(d.speaker or "") is last:
            other = turns[-2] if len(turns) > 1 and turns[-2].gender == gender else None
            return Decision.of(other.name, Clue.PRONOUN, f"{said}: {other.name}, to whom {last.name} spoke in "
                               "this paragraph", IN_TURN) if other else NOBODY
        return d

    def _by_subjects(self, d: Decision, gender: str, paras: list[Paragraph], i: int, s: Site, said: str
                     ) -> Decision:
        """A pronoun's antecedent read again by the chain of sentence subjects before it (subjects.py). Doubted for
        a rival ("Marilla, though Mrs. Rachel also fits") where the chain leads back to the same person ("Marilla's
        lips twitched. She had expected Mrs. Rachel up; she had known …"), it is theirs: the rival is named only as
        an object. Found by nearness where the chain leads to another of its gender, it is doubted: two
        readings."""
        if self.news:
            return d
        c = subject_chain(self.text, self._chain_stretches(paras, i, s), self.cast, gender).character
        if c is None or c in self._addressed(paras[i]) + self._told(s):  # "The Rat found the Mole. 'O Rat!'"
            return d
        if d.confidence < SURE_CONTEXT and c.name == d.speaker:
            return Decision.of(d.speaker, Clue.PRONOUN, f"{said}: {d.speaker}, the subject the sentences before it "
                               "go on about", SUBJECTS)
        if d.confidence >= SURE_CONTEXT and c.name != d.speaker and c.gender == gender:
            return Decision.of(d.speaker, Clue.PRONOUN, f"{said}: {d.speaker}, though the sentences before it go "
                               f"on about {c.name}", DOUBT)
        return d

    def _chain_stretches(self, paras: list[Paragraph], i: int, s: Site) -> list[tuple[int, int]]:
        """The narration a pronoun tag's chain of subjects walks back through, latest first: its own paragraph's
        before the quotation, then the paragraphs of narration just above."""
        p = paras[i]
        out = list(_narration([p], p.start, p.start + s.q.start))[::-1]
        for j in range(i - 1, max(-1, i - 1 - CHAIN_PARAGRAPHS), -1):
            if paras[j].sites:
                break
            out.append((paras[j].start, paras[j].end))
        return out

    def _owner_of_speaker(self, tag: Tag, s: Site) -> bool:
        """"said the undertaker's wife": the description the tag reads is whose kin speaks, not who speaks."""
        a, b = s.trail if tag.after else s.lead
        text = self.text[a:b]
        k = text.find(tag.words)
        return k >= 0 and POSSESSIVE_AFTER.match(text, k + len(tag.words)) is not None

    def _article_part(self, tag: Tag, s: Site, c: Character) -> bool:
        """"said the Sikh": a word right after "the" is a kind of person or a name that takes the article itself
        ("the Rabbit" of "the White Rabbit"), never the first name of someone the text calls by a first and last
        name ("Sikh" of "Sikh Hindu"): no one writes "said the John" for John Smith."""
        a, b = s.trail if tag.after else s.lead
        text = self.text[a:b]
        k = text.find(tag.words)
        _, words = split_title(c.name)
        if k < 0 or len(words) < 2 or tag.words.lower() != words[0].lower() or not _THE_BEFORE.search(text, 0, k):
            return False
        return re.search(rf"\b[Tt]he\s+{re.escape(c.name)}\b", self.text) is None

    def _fuller(self, tag: Tag, s: Site) -> Character | None:
        """"explained the Witch of the North": the name the cast knows with its "of …" (a tag reads "Witch" alone,
        which several characters share)."""
        a, b = s.trail if tag.after else s.lead
        text = self.text[a:b]
        k = text.find(tag.words)
        m = _OF_NAME.match(text, k + len(tag.words)) if k >= 0 else None
        return self.cast.resolve(tag.words + m.group()) if m else None

    def _called_before(self, gender: str | None, paras: list[Paragraph], i: int, s: Site, said: str
                       ) -> Decision | None:
        """'"Good night, Nell," said Tom.' / '"Good night," she said.': a reply whose pronoun tag the people about
        leave open is the one person of its gender the quotation just before called by name (not its speaker,
        not whom this one calls)."""
        p = paras[i]
        if self.news or not i or not gender or not p.opens_with_quote:
            return None
        spoken_to = self._addressed(p) + self._told(s)
        j = i - 2 if self._narration_between(paras, i, s, gender) else i - 1
        called = {c.name for c in self._addressed(paras[j]) if c.gender == gender and c not in spoken_to}
        called.discard(_said(paras[j]).speaker)
        if len(called) != 1:
            return None
        name = called.pop()
        return Decision.of(name, Clue.PRONOUN, f"{said}: {name}, whom the quotation just before calls by "
                           "name", CALLED)

    def _narration_between(self, paras: list[Paragraph], i: int, s: Site, gender: str) -> bool:
        """"'…, Miss Gregory,' said Syme. / She was looking at him from under level brows. / '…?' she asked.": a
        paragraph of narration that names nobody, between a quotation whose speaker is of the other sex and a
        reply with a pronoun tag, leaves the reply to the one called (a "he" there may go on about a speaker of
        its own sex; a paragraph that leads into the reply is its tag)."""
        if i < 2 or paras[i - 1].sites or s.above or self.cast.named_in(paras[i - 1].start, paras[i - 1].end):
            return False
        before = _said(paras[i - 2])
        c = self.cast.resolve(before.speaker) if before.speaker and before.confidence >= SURE_CONTEXT else None
        return c is not None and c.gender is not None and c.gender != gender

    def _titles_as_names(self, start: int, end: int) -> dict[str, Character]:
        """Titles and roles the tags use again and again after "the" ("said the captain", "said the nephew"), each
        the character it names throughout: the one person named under it before the text first says "the
        captain" (Dr. Livesey, named, then "the doctor"); else, where nobody under it was named before, a
        character of its own ("the captain", whose name comes chapters later; a Captain Flint talked of later
        is someone else). A word for anyone ("the gentleman") only in one stretch, after the narration brings
        someone in unnamed ("two portly gentlemen"). Its uses in the narration are that character's mentions."""
        out: dict[str, Character] = {}
        epithets = self.cast.epithets.keys()  # what the narration sets after a name ("Mr. Bumble, the beadle")
        self._learnt = tagged_roles(self.text[start:end]) - TITLES - ROLES - GENERIC - epithets
        nouns = TITLES | ROLES | GENERIC | epithets | self._learnt
        for noun, tags in titled_uses(self.text[start:end], nouns).items():
            # A word for anyone ("the gentleman") names one person only within the stretch its tags stand in.
            # Anyone's, after its last tag: the captain dead, "the captain's chest" is no one about to speak.
            a, b = (start + tags[0], start + tags[-1]) if noun in GENERIC else (start, start + tags[-1])
            uses = [(m.start(), m.end()) for m in re.finditer(rf"\b[Tt]he\s+{noun}\b", self.text[:end])
                    if a <= m.start() <= b]
            if len(tags) < EPITHET_USES or not uses or (noun in GENERIC and not kept_on_stage(noun, uses) and (
                    b - a > STRETCH or not NEWCOMERS.search(self.text[max(start, a - STRETCH // 2):a]))):
                continue
            holders = self.cast.titled(noun)
            before = self._apposed(noun, uses) or [
                c for c in holders if (at := self.cast.first_mention(c)) is not None and at < uses[0][0]]
            if len(before) > 1 or (len(before) == 1 and len(holders) > 1):
                continue
            if not before and noun in self._learnt:  # maybe someone named: their mentions stay the name's
                self.cast.described(f"the {noun}", None)
            elif not before:  # its uses are the mentions of someone the text names in no other way
                self.cast.also_called(self.cast.described(f"the {noun}", SEX.get(noun)), uses, self.text)
            out[noun] = before[0] if before else self.cast.resolve(f"the {noun}")
        return out

    def _descriptions_as_names(self, start: int, end: int) -> dict[str, Character]:
        """Descriptions the tags use again and again as a name ("said the tall soldier", described.py), each a
        character of its own; the narration's uses of it are that character's mentions (a "he said" after "The
        tall soldier waved his hand" is his). Titles and roles alone ("the doctor") are _titles_as_names'."""
        most = max((c.mentions for c in self.cast.characters), default=0)
        out: dict[str, Character] = {}
        for phrase, d in described_names(self.text[start:end], most).items():
            if phrase in self._titled_as:
                continue
            # ("the loud soldier" is no form of "the tall soldier", though they share their last word)
            named = {c.name: c for n in apposed_names(self.text[start:end], phrase) if (c := self.cast.resolve(n))}
            c = out.get(d.phrase) or (next(iter(named.values())) if len(named) == 1
                                      else self.cast.described(d.name, d.gender))
            self.cast.also_called(c, uses_of(self.text, phrase, start, end), self.text)
            out[phrase] = c
        return out

    def _apposed(self, noun: str, uses: list[tuple[int, int]]) -> list[Character]:
        """"the beadle", tagged for pages before "Mr. Bumble, the beadle," names him: the one character the
        narration sets the noun after, whenever it does so; its uses are his mentions."""
        c = self.cast.epithets.get(noun)
        if c is None:
            return []
        self.cast.also_called(c, uses, self.text)
        return [c]

    def _kin_words_as_names(self, start: int, end: int) -> dict[str, Character]:
        """A child's word for a parent in lower case ("pap"), where a first-person narrator uses it again and
        again: the narrator's parent, a character the text names so (its uses are that character's mentions).
        In a story told of others, "papa" may be anyone's."""
        body = self.text[start:end]
        out = self._family_names(start, end)
        if len(FIRST_PERSON_TAG.findall(body)) < EPITHET_USES:
            return out
        # "said my mother" again and again: the narrator's mother, whom the narrator names no other way.
        mine = [f"my {noun}" for noun, at in titled_uses(body, MY_TITLES, "my").items() if len(at) >= EPITHET_USES]
        for word in (w for w in (*BARE, *mine) if w not in out):
            flags = re.IGNORECASE if word in mine else 0  # "My mother" opening a sentence; "Pap" is a name
            uses = [(start + m.start(), start + m.end()) for m in re.finditer(rf"\b{word}\b", body, flags)]
            if len(uses) >= EPITHET_USES:
                name = word if word in mine else word.capitalize()
                out[word] = self.cast.described(name, SEX[word.split()[-1]])
                self.cast.also_called(out[word], uses, self.text)
        return out

    def _family_names(self, start: int, end: int) -> dict[str, Character]:
        """Kin words the tags use as names again and again ("said Mother", "Father asked", "grandfather said:"),
        each one character of the family the story is told of, named so; every bare use of the word is its
        mention (a "she" after "Mother came in" is hers)."""
        out: dict[str, Character] = {}
        # A child's word in lower case ("papa") may be anybody's in a story told of others (_kin_words_as_names).
        for word, uses in family_names(self.text[start:end], FAMILY, EPITHET_USES, BARE).items():
            out[word] = self.cast.described(word.capitalize(), SEX.get(word))
            self.cast.also_called(out[word], [(start + a, start + b) for a, b in uses], self.text)
        return out

    def _titled(self, tag: Tag, paras: list[Paragraph], i: int) -> Decision | None:
        """"said the doctor": the character a title the tags use again and again names (above); a title used
        seldom, the one person the text names under it where the last paragraphs name them."""
        noun = tag.words.lower()
        if c := self._titled_as.get(noun):
            return Decision.of(c.name, Clue.SPEECH_TAG, f'"the {noun}": {c.name}, whom the tags call so',
                               LEARNT if noun in self._learnt else TITLED)
        holders = self.cast.titled(noun)
        p = paras[i]
        if len(holders) != 1 or holders[0] not in [*self._context(paras, i), *self.cast.named_in(p.start, p.end)]:
            return None
        return Decision.of(holders[0].name, Clue.SPEECH_TAG, f'"the {noun}": {holders[0].name}, whom the text '
                           "names under that title", TITLED)

    def _kin(self, tag: Tag, paras: list[Paragraph], i: int, s: Site) -> Decision:
        """"her mother", "his wife": the kin of someone the quotation addresses, the paragraph names or the
        last paragraphs hold."""
        p = paras[i]
        # "Another time, Lizzy," said her mother: the one spoken to is the one whose mother speaks.
        spoken_to = self._addressed(p)
        people = spoken_to or [*self._narrated(p.start, p.start + s.q.start, p), *self._context(paras, i)]
        c = kin_of(tag.words, tag.owner, people, self.cast)
        if c is None:
            # The people about, spoken to or not: the one married man or woman of a family among them.
            scene = [*spoken_to, *self._narrated(p.start, p.start + s.q.start, p), *self._context(paras, i)]
            c = kin_in_scene(tag.words, tag.owner, scene, self.cast)
            if c is None and not kin_about(tag.words, tag.owner, scene, self.cast):
                # Nobody of the kind in the last paragraphs: the one of a wider stretch of the scene.
                c = kin_in_scene(tag.words, tag.owner, self._context(paras, i, KIN_PARAGRAPHS), self.cast)
        if c is None or c in spoken_to:
            return NOBODY
        return Decision.of(c.name, Clue.PRONOUN, f'"{tag.owner} {tag.words}": {c.name}, of the family about', 0.95)

    def _addressed(self, p: Paragraph) -> list[Character]:
        """Whom the paragraph's quotations speak to, by name or as "aunt": never their speaker."""
        return self._sites_addressed(p, [s for s in p.sites if s.speech])

    def _own(self, s: Site, body: str) -> str:
        """A quotation's own words: in double marks, without the single-marked quotations it reports."""
        mark = body[s.q.start:s.q.start + 1]
        return own_words(s.q.inner(body), single=mark in "‘'") if mark in "“\"‘'" else s.q.inner(body)

    def _told(self, s: Site) -> list[Character]:
        """Whom the tag itself says the words are spoken to ("he observed to the Mole", "she said to Ann"):
        never their speaker."""
        if s.tag is None:
            return []
        a, b = s.trail if s.tag.after else s.lead
        return [m.character for m in self.cast.mentions_in(a, b)
                if TOLD.search(self.text[max(a, m.start - 40):m.start])]

    def _antecedent(self, gender: str | None, paras: list[Paragraph], i: int, s: Site, said: str,
                    ref: Ref) -> Decision:
        """Who a pronoun or description stands for: the one person of its gender named in this paragraph's
        narration before the quotation; else the one person of its gender among the last paragraphs' speakers
        and the people their narration names (in fiction, not the speaker of the paragraph just before: a new
        paragraph is a new speaker)."""
        p = paras[i]
        kind = 1.0 if ref is Ref.PRONOUN else 0.75
        spoken_to = self._addressed(p) + self._told(s)
        # "one of the Rabbit's gloves": a possessive names an owner, not someone a pronoun goes on about.
        # "…, for Mrs. Lynde was no sooner seated than she said," ending the paragraph above: its words count.
        a, b = s.above or (p.start, p.start + s.q.start)
        # An antecedent comes before its pronoun ("he continued, on seeing Bingley"): the tag's own, the last
        # before the quotation where the tag leads into it ("Mr. Dance stood there, as he said, '…'"; an earlier
        # "as fast as he could" is someone else's).
        found = [m.start() for m in re.finditer(rf"\b{re.escape(s.tag.words)}\b", self.text[a:b])] \
            if s.tag is not None else []
        if found:
            b = a + (found[-1] if not s.tag.after and not s.above else found[0])
        owners = self._only_possessive(a, b)
        named = self.cast.named_in(a, b) if s.above else self._narrated(a, b, p)
        if self.news:  # a reporter's "she" is a person, never an outlet or a product named nearby
            named = [c for c in named if may_be_a_person(c, self.speakers(paras))]
            # the subjects of the narration before it, never its objects ("the focus at Lockheed Martin")
            named = [c for c in named if not self._only_objects(c, a, b)]
        named = [c for c in named if c.name not in self.cast.places]  # "she had come from Norland": a place
        acted_on = self._acted_on(s.tag.words, a, b) if s.tag is not None and s.tag.ref is Ref.PRONOUN else set()
        here = [c for c in named if _agrees(c, gender) and c not in spoken_to and c.name not in owners | acted_on]
        # Within the pronoun's own clause ("Marilla promised; but … for Mrs. Lynde was no sooner seated than
        # she said,"), the one person named there.
        spans = sentence_spans(self.text[a:b])
        cut = max((m.end() for m in re.finditer(r"[;:]\s", self.text[a:b])), default=0)
        cut = max(cut, spans[-1][0] if spans else 0)
        clause = {m.character.name for m in self.cast.mentions_in(a + cut, b)}
        here = [c for c in here if c.name in clause] if sum(c.name in clause for c in here) == 1 else here
        s.may_be = frozenset(c.name for c in here)
        if here:
            c = here[-1]  # the nearest
            sure = 1.0 if gender is None or c.gender == gender else 0.9  # gender agrees, or unknown
            if rival := self._rival_since(c, paras, i, b, gender):
                return Decision.of(c.name, Clue.PRONOUN, f"{said}: {c.name}, though {rival} also fits", DOUBT)
            return Decision.of(c.name, Clue.PRONOUN, f"{said}: {c.name} is named just before",
                               kind * (sure if len(here) == 1 else 0.65))
        return self._antecedent_above(gender, paras, i, s, said, ref, spoken_to)

    def _acted_on(self, pronoun: str, a: int, b: int) -> set[str]:
        """'after he had told Joseph what to do, he turned to Hindley … and he said': whom a clause of the tag's own
        pronoun acts on, a few words after it, is someone else than the pronoun stands for (named only so)."""
        after = re.compile(rf"\b{re.escape(pronoun)}\s+(?:[a-z]+\s+){{1,3}}$", re.I)
        ms = self.cast.mentions_in(a, b)
        hit = [after.search(self.text, max(a, m.start - 40), m.start) is not None for m in ms]
        return {m.character.name for m, h in zip(ms, hit, strict=True) if h} - \
            {m.character.name for m, h in zip(ms, hit, strict=True) if not h}

    def _antecedent_above(self, gender: str | None, paras: list[Paragraph], i: int, s: Site, said: str, ref: Ref,
                          spoken_to: list[Character]) -> Decision:
        """A pronoun's antecedent in the paragraphs above: the speaker quoted just before (news), the subject of
        the narration just before, else the one recent person of its gender, doubted where someone else fits."""
        p = paras[i]
        kind = 1.0 if ref is Ref.PRONOUN else 0.75
        previous = _said(paras[i - 1]).speaker if i else None
        # A guess under the bar is no evidence of who spoke the paragraph before: it would pass its own error on.
        sure = i and _said(paras[i - 1]).confidence >= SURE_CONTEXT
        if self.news and previous and sure and (c := self.cast.resolve(previous)) and _agrees(c, gender):
            return Decision.of(c.name, Clue.PRONOUN, f"{said}: {c.name} is quoted in the paragraph before", kind)
        if self.news and (c := self._subject_above(paras, i, gender)) and c not in spoken_to:
            return Decision.of(c.name, Clue.PRONOUN, f"{said}: {c.name} is the subject of the paragraph before",
                               kind * RECENT)
        previous = previous if not self.news else None
        if previous and sure and (c := self._runs_on(paras, i, s, previous, gender, spoken_to)):
            return Decision.of(c.name, Clue.PRONOUN, f"{said}: {c.name}, whose quotation just before runs on",
                               kind * RECENT)
        previous = None if self._reopened(paras, i) else previous  # a guessed voice may go on: no new one due
        at = paras[i].start + s.q.start
        if not self.news and i and gender and (c := self._subject_before(paras[i - 1])) and c.gender == gender \
                and c.name != previous and c not in spoken_to:
            rival = self._rival_since(c, paras, i, at, gender)
            return Decision.of(c.name, Clue.PRONOUN, f"{said}: {c.name} is the subject of the narration just "
                               "before" + (f", though {rival} also fits" if rival else ""),
                               DOUBT if rival else kind * RECENT)
        context = self._context(paras, i)
        me = self._me_at(i) or self.self_named  # a first-person narrator is "I", never the "he" of a tag
        pool = [c for c in context if _agrees(c, gender) and c.name != previous and c not in spoken_to
                and (not self.news or may_be_a_person(c, self.speakers(paras))) and (gender is None or c is not me)]
        if not pool and ref is Ref.PRONOUN and self._goes_on(p, s) and not self._unknown_voice(paras, i, gender) \
                and (c := self._talking_on(previous, gender, context, spoken_to)):
            return self._still_talking(c, paras, i, at, gender, said)
        if not pool:
            return self._focal(paras, i, gender, said, ref, spoken_to)
        known = [c for c in pool if c.gender == gender] if gender else pool
        best = (known or pool)[0]
        # A rival is someone of the same gender, or a full name; a capitalised word of unknown gender
        # ("Opposition" in German) is too weak to doubt the antecedent.
        rivals = [c.name for c in (known or pool)[1:] if (c.gender == gender and gender) or c.first]
        if gender and known and not self.news:
            # Someone quoted, of unknown gender, named since ("Wendy", whose pronouns the text mixes with her
            # companion's) may as well be whom the pronoun stands for, unless most of them give the other gender.
            quoted = self.speakers(paras)
            rivals += [c.name for c in pool[:pool.index(best)]
                       if c.gender is None and c.leaning in (None, gender) and c.name in quoted]
        rivals += self._last_speaker_rival(paras, i, previous, best, gender)
        if not rivals and (stranger := self._stranger(paras, i, gender)):
            rivals = [f"the {stranger}"]  # "said the station-master" just before: he may be "he"
        if not self.news and (rival := self._rival_since(best, paras, i, at, gender)):
            rivals.insert(0, rival)
        if gender and (other := self._other_pronoun(best, paras, i, at, gender)):
            rivals.insert(0, other)
        weight = kind * (DOUBT if rivals else RECENT if best.gender or not gender else 0.8 * RECENT)
        return Decision.of(best.name, Clue.PRONOUN, f"{said}: {best.name} is the one recent person who fits"
                           if not rivals else f"{said}: {best.name}, though {rivals[0]} also fits", weight)

    def _focal(self, paras: list[Paragraph], i: int, gender: str | None, said: str, ref: Ref,
               spoken_to: list[Character]) -> Decision:
        """"He sprang from the bunk … '…,' he said aloud.": a pronoun with nobody about whom it fits, in a story
        told about one character the narration names far more often than anyone (FOCAL_SHARE), is that
        character, where nobody unnamed has come in (a rival) and the quotation does not speak to them."""
        c = self._main
        if ref is not Ref.PRONOUN or not gender or c is None or c.gender != gender or c in spoken_to or self.news:
            return NOBODY
        at = paras[i].start + (paras[i].sites[0].q.start if paras[i].sites else 0)
        if (first := self.cast.first_mention(c)) is None or first >= at or self._rival_since(c, paras, i, at, gender) \
                or self._unknown_voice(paras, i, gender):
            return NOBODY  # not yet come on stage, or someone unnamed has come in
        return Decision.of(c.name, Clue.PRONOUN, f"{said}: {c.name}, whom the story is told about, and nobody "
                           "else about fits", FOCAL)

    def _kinds_of_people(self, start: int, end: int) -> set[str]:
        """One-word "names" the text also writes in the plural and after an article, and never tags a quotation
        with ("the Jew was behind it", "Jews", "a little white-faced Jew"): a kind of people, a creed or a
        nation, talked of; no one on stage whom a pronoun may stand for ("the Otter", tagged, is someone)."""
        body = self.text[start:end]
        out = set()
        for c in self.cast.characters:
            w = re.escape(c.name)
            if " " in c.name or not re.search(rf"\b{w}s\b", body) \
                    or not re.search(rf"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z\-]+\s+)?{w}\b(?!['’]s)", body) \
                    or re.search(rf"\b(?:{V})\s+(?:the\s+)?{w}\b|\b{w}\s+(?:{V})\b", body):
                continue
            out.add(c.name)
        return out

    def _main_character(self) -> Character | None:
        """The character the narration names (by name or by the description it calls them by) FOCAL_SHARE times
        as often as anyone else: whom the story is told about."""
        counts = Counter(m.character.name for m in self.cast.mentions if m.character.name not in self.cast.places)
        top = counts.most_common(2)
        if not top or (len(top) > 1 and top[0][1] < FOCAL_SHARE * top[1][1]):
            return None
        return self.cast.resolve(top[0][0]) or next((c for c in self.cast.characters if c.name == top[0][0]), None)

    def _still_talking(self, c: Character, paras: list[Paragraph], i: int, at: int, gender: str | None, said: str
                       ) -> Decision:
        """The last speaker, the only one about whom the pronoun fits, goes on talking; doubted where someone came
        in unnamed since ("His comrade grunted. … Finally he said:": the comrade may be "he" as well)."""
        rival = self._rival_since(c, paras, i, at, gender)
        return Decision.of(c.name, Clue.PRONOUN, f"{said}: {c.name}, who spoke the paragraph before, is the only "
                           "one about it fits" + (f", though {rival} also fits" if rival else ""),
                           DOUBT if rival else RECENT * 0.9)

    def _only_objects(self, c: Character, a: int, b: int) -> bool:
        """News: whether every mention of ``c`` in [a, b) follows a preposition ("the focus at Lockheed Martin",
        "questioned on the Investment Partnership"): a place, a body or a topic, not whom "he said" goes on about."""
        mentions = self.cast.mentions_in(a, b)
        objects: set[int] = set()
        for k, m in enumerate(mentions):
            # "on the likes of Donald Trump and Bernie Sanders": a name joined to an object is one too
            joined = k and (k - 1) in objects and re.fullmatch(r",?\s+(?:and|or)\s+",
                                                               self.text[mentions[k - 1].end:m.start])
            if joined or OBJECT_BEFORE.search(self.text, max(a, m.start - 30), m.start):
                objects.add(k)
        at = [k for k, m in enumerate(mentions) if m.character is c]
        return bool(at) and all(k in objects for k in at)

    def _subject_above(self, paras: list[Paragraph], i: int, gender: str | None) -> Character | None:
        """News: the one person the paragraph before, quoting no one, is about ("Lloyd Jassin, a New York
        lawyer, told Time that …"), whom a reporter's "he said" opening the next quotation goes on about: of the
        pronoun's gender, or of none known where an apposition shows a person ("Lloyd Jassin, a …")."""
        if not i or paras[i - 1].sites:
            return None
        a, b = paras[i - 1].start, paras[i - 1].end
        found = [m for x, y in sentence_spans(self.text[a:b]) if (m := self.cast.subject(self.text, a + x, a + y))]
        if len({m.character.name for m in found}) != 1:
            return None
        c = found[0].character
        # "Lloyd Jassin, a New York lawyer,", "Sam Watt of Vyclone … said that": described or reported as a person.
        described = any(APPOSITION.match(self.text, m.end) or REPORTS.search(self.text, m.end, b) for m in found)
        return c if (c.gender == gender if c.gender and gender else described) else None

    def _rival_since(self, c: Character, paras: list[Paragraph], i: int, end: int, gender: str | None) -> str | None:
        """Someone the narration brings in without a name ("the captain", "the old man") between ``c``'s last
        mention (or turn) and ``end``, who may be whom the pronoun stands for as well as ``c``."""
        first = max(0, i - CONTEXT_PARAGRAPHS)
        since = paras[first].start
        for m in self.cast.mentions_in(since, end):
            since = m.end if m.character is c else since
        for p in paras[first:i + 1]:  # a turn guessed under the bar is no evidence they spoke
            since = max([since, *(p.start + s.q.end for s in p.sites if s.decision.speaker == c.name
                                  and s.decision.confidence >= SURE_CONTEXT and p.start + s.q.end <= end)])
        rival = unnamed_rival(" ".join(self.text[a:b] for a, b in _narration(paras[first:i + 1], since, end)), gender)
        return None if rival and rival.lower() in {f.lower() for f in c.forms} else rival  # "pap" is Pap

    @staticmethod
    def _reopened(paras: list[Paragraph], i: int) -> bool:
        """A paragraph that reopens the quotation the one before left open: one speech over two paragraphs."""
        return bool(i) and paras[i - 1].left_open and paras[i].opens_with_quote

    def _last_speaker_rival(self, paras: list[Paragraph], i: int, previous: str | None, best: Character,
                            gender: str | None) -> list[str]:
        """The speaker of the paragraph before, where they may still be the one a pronoun stands for."""
        c = self.cast.resolve(previous) if previous else None
        if c is None or c is best:
            return []
        if not paras[i].opens_with_quote and _said(paras[i - 1]).confidence >= SURE_CONTEXT and c.gender == gender:
            # Narration opening the paragraph may go on about the last speaker ("It was dreadful the way they
            # looked at him. '…,' he said"): a new paragraph is a new speaker only where it opens with the words.
            return [c.name]
        return [c.name] if gender and _agrees(c, gender) and self._kept_in_view(paras[i - 1], gender, c) else []

    def _kept_in_view(self, prev: Paragraph, gender: str, c: Character) -> bool:
        """'"…!" muttered Colonel Sapt; then a gleam flitted across his face.': narration after the last quotation
        of the paragraph before that goes on about its speaker ("his", naming no one else) keeps that speaker in
        view, so a "he" opening the next paragraph may be theirs as well as a new voice's."""
        if not prev.sites:
            return False
        last = prev.sites[-1]
        a = max(prev.start + last.q.end, last.trail[1])  # after its tag ("muttered Colonel Sapt")
        tail = self.text[a:prev.end]
        others = [m for m in self.cast.mentions_in(a, prev.end) if m.character is not c]
        return _PRONOUN_FORMS[gender].search(tail) is not None and not others

    def _runs_on(self, paras: list[Paragraph], i: int, s: Site, previous: str, gender: str | None,
                 spoken_to: list[Character]) -> Character | None:
        """'"… you'll be learning to walk.' / '"That's a paradox, isn't it?" he added.': a quotation left open at
        the end of the paragraph before runs on into this one, the same voice's; not a new speaker here."""
        p = paras[i]
        if not paras[i - 1].left_open or s is not p.sites[0] or not p.opens_with_quote:
            return None
        c = self.cast.resolve(previous)
        return c if c is not None and _agrees(c, gender) and c not in spoken_to else None

    def _other_pronoun(self, c: Character, paras: list[Paragraph], i: int, end: int, gender: str) -> str | None:
        """"I could see that he knew what had made me as sick as Harrison": a "he" earlier in the sentence of
        ``c``'s last mention in the narration is someone else (nobody is "he" and then named in their own
        clause), a person of the pronoun's gender about whom the narration names no one: a rival to ``c``. In
        stories told in the first person only: a third person's story calls its hero "he" and by name by turns."""
        if self.news or not self.told_by_me:
            return None
        first = max(0, i - CONTEXT_PARAGRAPHS)
        spans = list(_narration(paras[first:i + 1], paras[first].start, end))
        last = [m for m in self.cast.mentions_in(paras[first].start, end)
                if m.character is c and any(a <= m.start < b for a, b in spans)]
        if not last:
            return None
        a = next(a for a, b in spans if a <= last[-1].start < b)
        before = self.text[a:last[-1].start]
        opening = max((m.end() for m in re.finditer(r"[.!?;]\s", before)), default=0)
        he = _SUBJECT_PRONOUN[gender].search(before, opening)
        # "The Rat crept in, and there he found the Mole": a "he" after a name in its sentence is that one's.
        if he is None or self.cast.mentions_in(a + opening, a + he.start()):
            return None
        return f'the "{_PRONOUN_OF[gender]}" beside {c.name}'

    def _stranger(self, paras: list[Paragraph], i: int, gender: str | None) -> str | None:
        """Someone the last paragraphs' tags describe without naming ("said the station-master", "continued our
        strange visitor"), of a pronoun's gender or of none the noun tells: a rival to the one person named."""
        for j in range(i - 1, max(-1, i - 1 - CONTEXT_PARAGRAPHS), -1):
            p = paras[j]
            # "A man entered who could hardly have been less than six feet": a newcomer the narration brings in.
            if not p.sites and (m := NEWCOMER.search(self.text[p.start:p.end])) and m.group("art") != "The" \
                    and GENDER_OF.get(m.group("noun"), gender) == gender:
                return m.group("noun")
            # "; but one little man … bustled forward": brought in as a clause's subject, just before.
            if j == i - 1 and self._newcomer_above(paras, i, gender):
                return NEW_SUBJECT.search(self.text, p.start, p.end).group("noun")
            for s in p.sites:
                t = s.tag
                if t is not None and t.ref is Ref.DESCRIPTION and not t.noun_is_kin \
                        and s.decision.confidence < SURE_CONTEXT \
                        and GENDER_OF.get(t.words.lower(), gender) == gender:
                    return t.words
        return None

    def _unknown_voice(self, paras: list[Paragraph], i: int, gender: str | None) -> bool:
        """Whether the last paragraphs quote someone a tag brings in without a name or an article of their own
        ("shouted a young man in the crowd", "a voice cried"), of the pronoun's gender or of none the noun tells:
        a crowd is about, and "he cried" after the last speaker's turn may be any of it."""
        for p in paras[max(0, i - CONTEXT_PARAGRAPHS):i]:
            for s in p.sites:
                t = s.tag
                if t is not None and t.ref is Ref.DESCRIPTION and not t.definite and t.owner is None \
                        and s.decision.confidence < SURE_CONTEXT and GENDER_OF.get(t.words.lower(), gender) == gender:
                    return True
        return False

    def _goes_on(self, p: Paragraph, s: Site) -> bool:
        """Whether a pronoun tag may be the last speaker going on: not a reply ("she replied", unless to herself),
        and no one new brought in by the narration before it ("The man sprang from his chair. '…,' he cried")."""
        tag = self.text[s.trail[0]:s.trail[1]] if s.tag is not None and s.tag.after else self.text[s.lead[0]:s.lead[1]]
        if re.search(rf"\b(?:{REPLY_VERBS})\b", tag) and not re.search(r"\b(?:herself|himself)\b", tag):
            return False
        return NEWCOMER.search(self.text[p.start:p.start + s.q.start]) is None

    def _talking_on(self, previous: str | None, gender: str | None, context: list[Character],
                    spoken_to: list[Character]) -> Character | None:
        """A speaker who goes on in a paragraph of their own ("'…' she said to herself.") where nobody else about
        fits the pronoun: in dialogue a new paragraph is a new speaker, but only if someone is there to speak."""
        c = self.cast.resolve(previous) if previous else None
        if c is None or c.gender != gender or c in spoken_to:
            return None
        # Anyone else about who might be meant, of the gender or of none known, leaves it open.
        return c if not any(o is not c and o.gender in (gender, None) for o in context) else None

    def _only_possessive(self, start: int, end: int) -> set[str]:
        """The characters named in [start, end) only in the possessive ("the Rabbit's gloves")."""
        plain, owned = set(), set()
        for m in self.cast.mentions_in(start, end):
            (owned if self.text[m.end:m.end + 2] in ("'s", "’s") else plain).add(m.character.name)
        return owned - plain

    def _untagged(self, paras: list[Paragraph], i: int, s: Site) -> Decision | None:
        """An untagged quotation: the person the narration before it is about, in this paragraph or, for a
        reply opening its paragraph in dialogue, at the end of the paragraph before."""
        p = paras[i]
        if d := self._named_before(p, s):
            return d
        if s is p.sites[0] and not p.opens_with_quote and (d := self._anaphor_beat(paras, i, s)):
            return d
        if s is p.sites[0] and p.opens_with_quote and (d := self._introduction(paras, i, s)):
            return d
        if s is p.sites[0] and p.opens_with_quote and i and not self.news:
            if (g := self._beat_gender(p, s)) and (d := self._antecedent(g, paras, i, s, "a beat's pronoun",
                                                                         Ref.PRONOUN)).speaker:
                return d
            d = self._final_mention(paras[i - 1])
            # "…, Mr. Knightley," after a paragraph ending on Mr. Knightley: he is spoken to, not speaking.
            return None if d is None or any(c.name == d.speaker for c in self._addressed(p)) else d
        return None

    def _says_who(self, p: Paragraph, s: Site) -> Character | None:
        """The one a quotation says its speaker is ("My name is …", "I am …"), where it calls no one so."""
        c = introduced(s.q.inner(self.text[p.start:p.end]), False, self.cast)
        return c if c is not None and c not in self._addressed(p) else None

    def _introduction(self, paras: list[Paragraph], i: int, s: Site) -> Decision | None:
        """A reply in which its speaker says who they are ("My name is …"; "Becky Lane." after "What's your
        name?"), where it does not also call that person by name."""
        p = paras[i]
        before = _first_speech(paras[i - 1]) if i else None
        asked = before is not None and asks_name(self.text[paras[i - 1].start:paras[i - 1].end])
        c = introduced(s.q.inner(self.text[p.start:p.end]), asked, self.cast)
        if c is None or c in self._addressed(p):
            return None
        return Decision.of(c.name, Clue.INTRODUCTION, f"the reply says its speaker is {c.name}")

    def _beat_gender(self, p: Paragraph, s: Site) -> str | None:
        """'"Oh, yes." She looked at me. "Listen, …"': the one sentence between a paragraph's first two
        quotations has the speaker for its subject; the gender of its pronoun, if that is how it names them."""
        if len(p.sites) < 2 or p.sites[0] is not s:
            return None
        m = BEAT_PRONOUN.fullmatch(self.text[p.start + s.q.end:p.start + p.sites[1].q.start])
        return GENDER_OF.get(m.group(1).lower()) if m else None

    def _lead_gender(self, p: Paragraph, s: Site) -> str | None:
        """'He laughed at my bewildered expression. "There is …"': narration opening the paragraph, naming nobody,
        whose last sentence before the untagged first quotation has "He" or "She" for its subject: the gender of
        whoever speaks it (the one the beat is about goes on to speak)."""
        if p.opens_with_quote or p.sites[0] is not s or s.tag is not None:
            return None
        lead = self.text[p.start:p.start + s.q.start]
        spans = sentence_spans(lead)
        if not spans or not re.search(r"[.!?][\"”’»)]*\s*$", lead) or self.cast.named_in(p.start, p.start + s.q.start):
            return None
        m = re.match(r"\s*(He|She)\s+[a-z]", lead[spans[-1][0]:])
        return GENDER_OF[m.group(1).lower()] if m else None

    def _my_lead(self, p: Paragraph, s: Site) -> bool:
        """"I laughed. 'Oh, as to that, …'": narration opening the paragraph whose last sentence before its
        untagged first quotation has "I" for its subject, in a first-person story: the narrator goes on to speak
        (one who only hears or watches, "I heard him cry:", does not)."""
        if p.opens_with_quote or p.sites[0] is not s or s.tag is not None:
            return False
        lead = self.text[p.start:p.start + s.q.start]
        spans = sentence_spans(lead)
        if not spans or not re.search(r"[.!?:,][\"”’»)]*\s*$", lead):
            return False
        # "'It's easy speakin',' he moaned": a tag the quotation's own marks hid from the reading is someone else's
        after = self.text[p.start + s.q.end:p.start + s.q.end + TAG_CHARS]
        # one clause of the narrator's: someone else in it ("I pronounced his name: he took it, saying,") may speak
        last = lead[spans[-1][0]:]
        return MY_BEAT.match(last) is not None and not THIRD_PERSON.match(after) and len(last.split()) <= BEAT_LENGTH \
            and not OTHER_SUBJECT.search(last) and not self.cast.named_in(p.start + spans[-1][0], p.start + s.q.start)

    def _final_mention(self, p: Paragraph) -> Decision | None:
        """A reply after a paragraph whose narration ends with a sentence about one person, not that
        paragraph's speaker ("'…?' said Marilla sharply. Anne sighed." / "'I can't…'"): theirs."""
        last = p.sites[-1] if p.sites else None
        tagged_after = last is not None and last.tag is not None and last.tag.after
        after = p.start if last is None else max(p.start + last.q.end, last.trail[1] if tagged_after else 0)
        spans = sentence_spans(self.text[after:p.end])
        if not spans:
            return None
        start = after + spans[-1][0]
        m = re.match(rf"\s*(?P<who>{NAME})", self.text[start:p.end])
        named = self.cast.named_in(start, p.end)
        if m is None or POSSESSIVE.search(m.group("who")) or len(named) != 1:
            return None
        c = self.cast.resolve(m.group("who"))
        if c is not named[0] or c.name == _said(p).speaker or c.name in self.cast.places \
                or _turned_to_another(self.text[start:p.end], c):
            return None
        if ANSWERED.match(self.text[start + m.end():p.end]):
            return None  # "Tinker Bell answered insolently.": their turn, told; the reply after is another's
        return Decision.of(c.name, Clue.NARRATION, f"{c.name} is the subject of the sentence ending the paragraph "
                           "before", FINAL_MENTION)

    def _subject_before(self, p: Paragraph) -> Character | None:
        """The subject of a paragraph of narration's last sentence, where it opens with a name ("Mrs. Blewett
        darted her eyes over Anne."): whom a pronoun in the reply after it most likely means."""
        last = p.sites[-1] if p.sites else None
        # After a paragraph's last quotation and its tag, narration of a sentence or more ("'…,' said Tom. Daisy
        # laughed at him.") is read the same way.
        after = p.start if last is None else max(p.start + last.q.end, last.trail[1] if last.tag and last.tag.after
                                                 else 0)
        spans = sentence_spans(self.text[after:p.end])
        if not spans or (last is not None and not re.search(r"[.!?]\s*$", self.text[after:p.end])):
            return None
        m = re.match(rf"\s*(?P<who>{NAME})", self.text[after + spans[-1][0]:p.end])
        return self.cast.resolve(POSSESSIVE.sub("", m.group("who"))) if m else None

    def _context(self, paras: list[Paragraph], i: int, back: int = CONTEXT_PARAGRAPHS) -> list[Character]:
        """The people of the last paragraphs, the latest mentioned first: their speakers (where their
        quotations stand) and whom their narration names. Only names that look like people's: a full name, a
        title or a known gender, or someone quoted (a place or, in German, any noun is capitalised too)."""
        out: list[Character] = []
        quoted = self.speakers(paras)
        for j in range(i - 1, max(-1, i - 1 - back), -1):
            p = paras[j]
            # ("His face was round, like Mr Pickwick's": a likeness named, nobody on stage)
            items = [(m.start, m.character) for m in self.cast.mentions_in(p.start, p.end)
                     if not any(p.start + s.q.start <= m.start < p.start + s.q.end for s in p.sites)
                     and not self._compared(m.start)]
            # A guess under the bar is no evidence of who is about: it would pass its own error on.
            items += [(p.start + s.q.start, c) for s in p.sites if s.decision.speaker
                      and s.decision.confidence >= SURE_CONTEXT and (c := self.cast.resolve(s.decision.speaker))]
            for _, c in sorted(items, key=lambda x: -x[0]):
                if c not in out and c.name not in self._kinds and (
                        c.name in quoted or ((c.first or c.gender) and c.name not in self.cast.places)):
                    out.append(c)
        return out

    def speakers(self, paras: list[Paragraph]) -> set[str]:
        return {s.decision.speaker for p in paras for s in p.sites if s.decision.speaker}

    def _narrated(self, start: int, end: int, p: Paragraph) -> list[Character]:
        """Characters named in [start, end) outside quotation marks: a name inside a quotation is addressed or
        talked about, not the speaker."""
        out: list[Character] = []
        pos = start
        for s in p.sites:
            qa, qb = p.start + s.q.start, p.start + s.q.end
            if qa >= end:
                break
            out += self._on_stage(pos, min(qa, end), out)
            pos = max(pos, qb)
        if pos < end:
            out += self._on_stage(pos, end, out)
        return out

    def _anaphor_beat(self, paras: list[Paragraph], i: int, s: Site) -> Decision | None:
        """"The other sat down and lighted his pipe. '…'": narration opening the paragraph whose last sentence
        has "the other" or "the latter" for its subject, one of the two just in play (_one_of_two)."""
        lead = self.text[paras[i].start:paras[i].start + s.q.start]
        spans = sentence_spans(lead)
        m = ANAPHOR_BEAT.match(lead[spans[-1][0]:]) if spans and re.search(r"[.!?:][\"”’)]*\s*$", lead) else None
        return self._one_of_two(f"the {m.group(1).lower()}", paras, i, s.q.start, f'"{m.group().strip()}"') \
            if m else None

    def _one_of_two(self, words: str, paras: list[Paragraph], i: int, q_start: int, said: str) -> Decision | None:
        """"retorted the other", "The other sat down. '…'": the one of the two talking who did not speak the
        paragraph before; "said the latter", "The latter approached. '…'": the last person the narration named
        before it (this paragraph's narration, else the paragraph before's), whom the speaker there is not."""
        if words == "the other":
            c = self._exchange_other(paras, i, None)
            return Decision.of(c.name, Clue.PRONOUN, f"{said}: {c.name}, the one of the two talking who did not "
                               "speak the paragraph before", OTHER_OF_TWO) if c else None
        if words != "the latter" or not i:
            return None
        p, prev = paras[i], paras[i - 1]
        named = self._narrated(p.start, p.start + q_start, p) or self._narrated(prev.start, prev.end, prev)
        c = named[-1] if named else None
        if c is None or c.name == _said(p).speaker:
            return None
        return Decision.of(c.name, Clue.PRONOUN, f"{said}: {c.name}, the last the narration named", OTHER_OF_TWO)

    def _on_stage(self, start: int, end: int, known: list[Character]) -> list[Character]:
        """Characters named in [start, end), each once, but for those ``known`` and those only compared to."""
        out: list[Character] = []
        for m in self.cast.mentions_in(start, end):
            if m.character not in known and m.character not in out and not self._compared(m.start):
                out.append(m.character)
        return out

    def _compared(self, at: int) -> bool:
        """Whether the name at ``at`` is one someone is compared to ("a man of the type of Mr. Tim Healy", "as
        proud as Lucifer", "like Napoleon"): talked of, not on stage."""
        return COMPARED.search(self.text, max(0, at - 40), at) is not None

    def _exchange_other(self, paras: list[Paragraph], i: int, gender: str | None) -> Character | None:
        """In a two-person exchange, the person who did not speak the paragraph before."""
        # (a guess under the bar is no evidence of who talks: it would pass its own error on)
        prev = [d.speaker for d in (_said(paras[j]) for j in range(max(0, i - 3), i))
                if d.speaker and d.confidence >= SURE_CONTEXT]
        if len(set(prev[-2:])) != 2 or self.news:
            return None
        last = prev[-1]
        other = next(x for x in reversed(prev) if x != last)
        c = self.cast.resolve(other)
        return c if c is not None and _agrees(c, gender) and (gender is None or c.gender) else None

    def _reported_before(self, p: Paragraph, s: Site) -> None:
        """A sentence reporting the same speaker's words just before their quotation joins its unit."""
        if s is not p.sites[0] or s.q.start == 0 or not s.decision.speaker or s.lead[0] < p.start + s.q.start:
            return
        spans = sentence_spans(self.text[p.start:p.start + s.q.start])
        said = reported(self.text[p.start + spans[-1][0]:p.start + spans[-1][1]]) if spans else None
        c = self.cast.resolve(said.words) if said is not None and said.ref is Ref.NAME else None
        if c is not None and c.name == s.decision.speaker:
            s.lead = (p.start + spans[-1][0], s.lead[1])
            s.reported = True

    def _named_before(self, p: Paragraph, s: Site) -> Decision | None:
        """An untagged quotation after narration that names one person in this paragraph: ``Emma smiled. "…"``;
        after a sentence reporting what someone said, theirs (the unit then holds that sentence too)."""
        if s is not p.sites[0] and not self.news:
            return self._beat(p, s)
        if s is not p.sites[0] or s.q.start == 0:
            return None
        spans = sentence_spans(self.text[p.start:p.start + s.q.start])
        said = reported(self.text[p.start + spans[-1][0]:p.start + spans[-1][1]]) if spans else None
        if said is not None and said.ref is Ref.NAME and (c := self.cast.person(said.words)):
            s.lead, s.tag, s.reported = (p.start + spans[-1][0], s.lead[1]), said, True
            return Decision.of(c.name, Clue.SPEECH_TAG, f'"{said.words} … {said.verb}" reports them just before',
                               0.95)
        if said is not None and said.ref is Ref.NAME and self.news:
            return None  # "Wilkins also said Warhol was …", two Wilkinses known: hers, never the other one named
        if not self.news:
            return self._beat(p, s)
        if spans and (said_so := self._news_paraphrase(p.start + spans[-1][0], p.start + spans[-1][1])):
            return said_so
        named = self._narrated(p.start, p.start + s.q.start, p)
        if len(named) != 1:
            return None
        subject = re.match(rf"\s*(?:{NAME})", self.text[p.start:p.start + s.q.start]) is not None
        return Decision.of(named[0].name, Clue.NARRATION, f"{named[0].name} is the only person named in the "
                           "narration before it", 1.0 if subject else 0.85)

    def _news_paraphrase(self, a: int, b: int) -> Decision | None:
        """News: an untagged quotation after a sentence whose subject says something in the reporter's words
        ("Mel Mehmet, 23, had expected queues but said the atmosphere in Tesco scared her this time. “…”",
        "Unworried, Geoff Douville says that he's used to complaints. “…”"): the subject's, where no one else is
        named before the verb but as an object ("to Black Friday sales")."""
        m = PARAPHRASED.match(self.text, a, b)
        if m is None or (c := self.cast.person(m.group("name"))) is None or not self._person(c):
            return None
        for other in self.cast.mentions_in(m.end("name"), m.start("verb")):
            if other.character is not c and not OBJECT_BEFORE.search(self.text[max(a, other.start - 40):other.start]):
                return None
        return Decision.of(c.name, Clue.SPEECH_TAG, f'"{m.group("name")} … {m.group("verb")}" paraphrases them '
                           "just before", PARAPHRASE_SURE)

    def _beat(self, p: Paragraph, s: Site) -> Decision | None:
        """In dialogue the narration names whom a speaker watches or addresses as often as the speaker: only a
        sentence of its own just before the quotation, with the one person it names as its subject, names them
        ("Elizabeth smiled. '…'", "'…' Anne looked thoughtful. '…'")."""
        k = p.sites.index(s)
        prev = p.sites[k - 1] if k else None
        start = p.start if prev is None else p.start + prev.q.end if prev.tag is None or not prev.tag.after \
            else max(prev.trail[1], p.start + prev.q.end)
        end = p.start + s.q.start
        named = self._narrated(start, end, p)
        beat = self.text[start:end]
        spans = sentence_spans(beat)
        if len(named) != 1 or not spans or not re.search(r"[.!?][\"”’»)]*\s*$", beat):
            return None
        m = re.match(rf"\s*(?P<who>{NAME})", beat[spans[-1][0]:])
        if (m is None or self.cast.resolve(POSSESSIVE.sub("", m.group("who"))) is not named[0]) \
                and not self._described_subject(start + spans[-1][0], end, named[0]):
            return None
        return Decision.of(named[0].name, Clue.NARRATION, f"{named[0].name} is the subject of the sentence "
                           "just before it")

    def _described_subject(self, a: int, b: int, c: Character) -> bool:
        """Whether the sentence [a, b) opens with a description the text names ``c`` by ("The tall soldier
        faced about. '…'"), not its possessive ("The tall soldier's face …")."""
        if c not in self._described.values():
            return False
        lead = len(self.text[a:b]) - len(self.text[a:b].lstrip())
        first = next(iter(self.cast.mentions_in(a, b)), None)
        return first is not None and first.start == a + lead and first.character is c \
            and not POSSESSIVE_AFTER.match(self.text, first.end)

    def _letters(self, paras: list[Paragraph]) -> None:
        """A letter read out: paragraphs that go on with an open quotation, the last one its signature
        (letters.py); every paragraph of it is the writer's."""
        for i, p in enumerate(paras):
            if not (i and p.opens_with_quote and paras[i - 1].left_open and not p.left_open):
                continue
            name = signed_by(self.text[p.start:p.end])
            writer = self.cast.person(name, tagged=True) if name else None
            if writer is None:
                continue
            j = i
            while j and paras[j].opens_with_quote and paras[j - 1].left_open:
                j -= 1
            for k in range(j, i + 1):
                s = _first_speech(paras[k])
                if s is not None and s.decision.confidence < ANCHOR:
                    s.decision = Decision.of(writer.name, Clue.SIGNATURE, f"a letter signed {name!r}")

    # --- 3. within a paragraph ---------------------------------------------------------------------------
    def _within_paragraphs(self, paras: list[Paragraph]) -> None:
        pending: str | None = None
        for i, p in enumerate(paras):
            for s in p.sites:
                if self.news and s.decision.speaker is None and s.speech and (new := self._newcomer(p, s)):
                    if new[1]:  # a sentence of its own about them before the quotation: theirs
                        s.decision = Decision.of(new[0].name, Clue.NARRATION, f"{new[0].name} is the subject of the "
                                                 "sentence just before it", NEWCOMER_SURE)
                    continue  # their words, never lent the paragraph's first speaker's name
                if s.decision.speaker is None and s.speech and (lender := self._lender(p, s)):
                    s.decision = Decision.of(lender.speaker, Clue.PARAGRAPH,
                                             "another quotation of this paragraph is tagged",
                                             min(1.0, lender.confidence / 0.95))
            first = p.sites[0] if p.sites else None
            if first and first.decision.speaker is None and p.opens_with_quote and i and paras[i - 1].left_open:
                prev = _said(paras[i - 1])
                if prev.speaker:
                    # One speech over many paragraphs is as sure in its tenth as in its second: the doubt is
                    # whose it is, taken once from its first paragraph.
                    same = prev.evidence and prev.evidence[0].clue is Clue.CONTINUATION
                    first.decision = Decision(prev.speaker, prev.confidence, prev.evidence) if same else \
                        Decision.of(prev.speaker, Clue.CONTINUATION, "the quotation before was left open",
                                    min(1.0, prev.confidence))
            if p.statement:
                pending = c.name if (c := self.cast.person(p.statement)) else None
            elif pending and first and p.opens_with_quote and first.decision.speaker is None:
                first.decision = Decision.of(pending, Clue.STATEMENT, "introduced as a statement before")
            elif not p.opens_with_quote:
                pending = None

    def _newcomer(self, p: Paragraph, s: Site) -> tuple[Character, bool] | None:
        """News: someone other than the paragraph's tagged speaker whom the narration since the quotation before
        makes its subject ("… bargains.” But his mate Henry Fischer, a student, wasn't as successful. “Someone
        snatched my telly.”"), and whether a finished sentence of its own stands before the quotation (else the
        subject is the quotation's own sentence's: "South Wales Police also reported … “concerned …”")."""
        k = p.sites.index(s)
        if not k:
            return None
        prev = p.sites[k - 1]
        start = max(p.start + prev.q.end, prev.trail[1] if prev.tag is not None and prev.tag.after else 0)
        end = p.start + s.q.start
        spans = sentence_spans(self.text[start:end])
        if not spans:
            return None
        a, b = start + spans[-1][0], start + spans[-1][1]
        m = self.cast.subject(self.text, a, b)
        speakers = {t.decision.speaker for t in p.sites if t.decision.speaker}
        if m is None or m.character.name in speakers or not may_be_a_person(m.character, speakers):
            return None
        return m.character, re.search(r"[.!?]\s*$", self.text[a:end]) is not None

    def _news_lender(self, p: Paragraph, s: Site, tagged: list[Site]) -> Decision | None:
        """News: the first tagged quotation's decision; one after the untagged quotation only where the narration
        between names no one else ("“…?” she mused. It is a question Catholics will ask. In his first speech as
        Pope, Benedict said: “…”" names Benedict after Julia Rochester's question: no evidence for it)."""
        if not tagged:
            return None
        t = tagged[0]
        if t.q.start < s.q.start:
            return t.decision
        between = {c.name for c in self.cast.named_in(p.start + s.q.end, p.start + t.q.start)}
        return t.decision if between <= {t.decision.speaker} else None

    def _lender(self, p: Paragraph, s: Site) -> Decision | None:
        """The decision an untagged quotation takes from a tagged one of its paragraph. In news, the first
        tagged one's. In dialogue, the nearest one's, where only its tag or a short beat stands between them
        ("'…,' said Emma. She smiled. '…'"): a paragraph of narration may overhear several voices, and an aside
        in brackets ("('That's Bill,' thought Alice)") or a quotation with a tag of its own is someone else's."""
        tagged = [t for t in p.sites if t.decision.speaker and t.speech]
        if self.news:
            return self._news_lender(p, s, tagged)
        if s.tag is not None or _OWN_SPEAKER.match(self.text, p.start + s.q.end):
            return None
        body = self.text[p.start:p.end]
        near: list[tuple[int, Site]] = []
        for t in tagged:
            a, b = (t, s) if t.q.start < s.q.start else (s, t)
            # (an untagged quotation's trail is no tag: the beat after it is the gap)
            gap = self.text[max(a.trail[1] if a.tag is not None else 0, p.start + a.q.end):p.start + b.q.start]
            # Its tag stands between them ("'…,' said Emma, '…'"), or a beat follows its quotation; two
            # quotations with nothing between them are a change of voice ("'Ah!' 'Hold your tongue, Ma!'").
            between = t.tag is not None and (t.q.start < s.q.start) == t.tag.after
            if body[:t.q.start].rstrip().endswith("(") or len(gap.split()) > BEAT_WORDS or not (
                    between or (t is a and _words(gap))) or self._second_voice(p, a, b, t.decision.speaker):
                continue
            near.append((abs(t.q.start - s.q.start), t))
        return min(near, key=lambda x: x[0])[1].decision if near else None

    def _second_voice(self, p: Paragraph, a: Site, b: Site, speaker: str | None) -> bool:
        """'"…!" implored Heidi, but Peter, … answered: "…"': the words between two quotations name someone else
        than their tagged speaker, after the speaker, with a verb of speech after them: the second quotation may
        be that one's."""
        start, end = p.start + a.q.end, p.start + b.q.start
        mentions = self.cast.mentions_in(start, end)
        since = next((m.end for m in mentions if m.character.name == speaker), start)
        # '"Oh--" Mrs. Welland murmured, while the young man, smiling, replied: "…"': someone nobody names takes
        # up the words in a clause of their own, whose verb of speech leads into the second quotation.
        if _OTHER_SUBJECT.search(self.text[since:end]) and re.search(
                rf"\b(?:{'|'.join(speech.DIALOGUE_VERBS)})\s*[:,]?\s*$", self.text[since:end]):
            return True
        for m in mentions:
            if m.start >= since and m.character.name != speaker and self.text[m.end:m.end + 2] not in ("'s", "’s") \
                    and re.search(
                    rf"\b(?:{'|'.join(speech.DIALOGUE_VERBS)})\b", self.text[m.end:end]):
                return True
        return False

    # --- 4. conversation ---------------------------------------------------------------------------------
    def _conversation(self, paras: list[Paragraph]) -> None:
        self._people = self.speakers(paras) | {c.name for p in paras for c in self._addressed(p)}
        # Who surely speaks somewhere in the document, or is spoken to: a scene's people are among them (a name
        # the narration compares someone to, or a house, never talks).
        self._talking = {s.decision.speaker for p in paras for s in p.sites if s.decision.confidence >= ANCHOR}
        self._voices = self._talking | {c.name for p in paras for c in self._addressed(p)
                                        if c.name not in self.cast.places}
        before: list[int] | None = None
        for run in self._joined(paras, _runs(paras, self.text)):
            if self.news:
                for k in range(1, len(run)):
                    self._same_speaker(paras, run, k)
            else:
                self._alternation(paras, run, self._scene(paras, before, run))
            before = run

    def _joined(self, paras: list[Paragraph], runs: list[list[int]]) -> list[list[int]]:
        """A run nobody is tagged in goes on the run before it across one short paragraph of narration that
        names nobody but that run's two tagged people ("I saw Mr. Lloyd smile and frown at the same time."):
        the same two go on talking, by turns."""
        out: list[list[int]] = []
        for run in runs:
            if out and run[0] - out[-1][-1] == 2 and self._beat_between(paras, out[-1], run):
                out[-1] = out[-1] + run
            else:
                out.append(run)
        return out

    def _beat_between(self, paras: list[Paragraph], before: list[int], run: list[int]) -> bool:
        if any(s.decision.confidence >= ANCHOR or (s.tag is not None and s.tag.ref is not Ref.PRONOUN)
               for i in run for s in paras[i].sites):
            return False  # tagged, or a tag naming someone nobody knows ("said the carter"): a new voice
        last = [d.speaker for i in before[-2:] if (d := _said(paras[i])).speaker and d.confidence >= ANCHOR]
        if len(last) == 1 and len(before) > 1 and self.me is not None:
            last.append(self.me.name)  # a first-person narrator's untagged turn beside the other's tagged one
        two = set(last)
        p = paras[run[0] - 1]
        named = {c.name for c in self.cast.named_in(p.start, p.end)}
        return len(last) == 2 and len(two) == 2 and named and named <= two \
            and len(self.text[p.start:p.end].split()) <= LEAD_WORDS

    def _same_speaker(self, paras: list[Paragraph], run: list[int], k: int) -> None:
        s = _first_speech(paras[run[k]])
        if s is None or s.decision.speaker or not paras[run[k]].opens_with_quote or run[k - 1] != run[k] - 1:
            return
        if UNREAD_TAG.search(self.text[s.trail[0]:s.trail[1]]):
            return  # '"…," said acting U.S. Attorney for the District, Laurie Magid.': a tag not read, someone new
        prev = _said(paras[run[k - 1]])
        if prev.speaker:
            s.decision = Decision.of(prev.speaker, Clue.SAME_SPEAKER, "an untagged quotation after this speaker's "
                                     "own, as this document quotes one voice over several paragraphs",
                                     min(1.0, prev.confidence))

    def _alternation(self, paras: list[Paragraph], run: list[int], scene: frozenset[str]) -> None:
        """Turn-taking (conversation.py): an untagged reply is the person whose turn it is. Each step from a
        tag lowers the confidence; a run anchored on both sides is surer than one anchored on one."""
        genders = {c.name: c.gender for c in self.cast.characters}
        if self._read_out(paras, run[0]):
            run = run[1:]  # a writing read out, after narration that speaks of it: no turn of the exchange
        # A paragraph that goes on with a quotation left open is no new turn: one speaker's long speech.
        turns: list[list[int]] = []
        for i in run:
            if turns and paras[i].opens_with_quote and paras[i - 1].left_open and turns[-1][-1] == i - 1:
                turns[-1].append(i)
            else:
                turns.append([i])
        # The gender most pronouns give someone who talks (a pet spoken to never answers), where none is sure.
        leanings = {c.name: c.leaning for c in self.cast.characters if c.gender is None and c.name in self._talking}
        for k, f in take_turns([self._turn(paras, t) for t in turns], genders, scene, self.narrated,
                               self.me.name if self.me else None, leanings).items():
            if f.speaker == NARRATOR:
                continue  # the narrator's turn, and nobody has named the narrator
            s = _first_speech(paras[turns[k][0]])
            if self._third_person(s, f.speaker) or self._talks_of(paras, turns[k], f.speaker):
                continue  # "'Is the door locked?' he asked": whoever "he" is, not the one who says "I"
            side = "before and after" if f.both else "on one side"
            why = {Clue.VOCATIVE: f"the replies beside it call {f.speaker} by name" if f.lone else
                   f"the reply {f.steps} turns off addresses the other of the two",
                   Clue.PRONOUN: "the one of the exchange's two people its pronoun fits"}.get(
                f.clue, f"turn-taking with the tagged replies {side}")
            why = f"{f.reason}: {why}" if f.reason else why
            kind = 'lone' if f.lone else 'pair' if f.paired else 'local'
            why += f" ({kind}, {f.steps} steps{BROKEN if f.broken else ''})"
            exchange = "lone" if f.lone else "partner" if f.partner else "pair" if f.paired else "local"
            d = self._calibrated(Decision.of(f.speaker, f.clue, why, _turn_weight(f)), paras, turns[k][0], s,
                                 exchange, "both" if f.both else "one")
            if d.confidence > s.decision.confidence:
                s.decision = d

    def _talks_of(self, paras: list[Paragraph], turn: list[int], speaker: str) -> bool:
        """Whether the turn's own words make ``speaker`` the subject of a verb in the third person ("Ah, Sir Andrew
        was kindness itself"): one talks so of someone else, never of oneself."""
        for i in turn:
            p = paras[i]
            for s in p.sites:
                if s.speech and any(m.character.name == speaker and _THIRD_PERSON_VERB.match(self.text, m.end)
                                    for m in self.cast.mentions_in(p.start + s.q.start, p.start + s.q.end)):
                    return True
        return False

    def _third_person(self, s: Site, speaker: str) -> bool:
        """Whether ``speaker`` is the first-person narrator and ``s`` is tagged "he" or "she": never theirs."""
        me = self.me or self.self_named
        return me is not None and speaker == me.name and s.tag is not None and s.tag.ref is Ref.PRONOUN \
            and GENDER_OF.get(s.tag.words.lower()) is not None

    def _read_out(self, paras: list[Paragraph], i: int) -> bool:
        """Whether paragraph ``i``, untagged, opens a run right after narration that speaks of a letter, a note
        or what is read ("Very few letters were written in those hard times…"): its words are the writing's."""
        s = _first_speech(paras[i])
        if not i or s.tag is not None or s.decision.confidence >= ANCHOR or _first_speech(paras[i - 1]):
            return False
        before = self.text[paras[i - 1].start:paras[i - 1].end]
        return bool(_WRITING.search(before)) and not _VOICE_INTRO.search(before)

    def _turn(self, paras: list[Paragraph], turn: list[int]) -> Turn:
        p = paras[turn[0]]
        s = _first_speech(p)
        sure = s.decision.speaker if s.decision.confidence >= ANCHOR else None
        if _said_i(s) and (sure is None or self.self_named is not None):
            # "I answered": a turn of the narrator's, whom nothing names (or only the narrator, in the narration:
            # no reply calls them so, so no turn beside theirs is known to be with them), is still a turn
            sure = NARRATOR
        if sure is None and s.tag is None and MY_REPLY.match(self.text[s.trail[0]:s.trail[1]]):
            sure = self._narrators_reply(s)
        gender = GENDER_OF.get(s.tag.words.lower()) if s.tag is not None and s.tag.ref is Ref.PRONOUN else None
        if s.tag is None and not sure:
            gender = self._beat_gender(p, s) or self._lead_gender(p, s)
        # "said her mother", "cried a young Lucas", "we said": someone the turn-taking may not know.
        fillable = not sure and p.opens_with_quote and (s.tag is None or (
            s.tag.ref is Ref.PRONOUN and not s.tag.first_person))
        spoken_to = frozenset(c.name for i in turn for c in self._addressed(paras[i]))
        parents = self._parents_addressed(paras, turn[0])
        spoken_to |= parents
        if fillable and (kid := self._child_calling(parents, s)):
            sure, fillable = kid, False
        stranger = not sure and ((s.tag is not None and s.tag.ref is not Ref.PRONOUN)
                                 or self._newcomer_above(paras, turn[0], gender))
        mentioned = frozenset(c.name for i in turn for c in self._narrated(paras[i].start, paras[i].end, paras[i])
                              if self._person(c))
        weak = bool(sure and s.tag is not None and s.tag.ref is Ref.PRONOUN and not s.tag.first_person)
        guess = s.decision.speaker if not sure and s.decision.confidence >= SURE_CONTEXT else None
        return Turn(sure, spoken_to, gender, fillable, s.may_be, stranger, mentioned, weak,
                    self._spoken_of(paras, turn) - spoken_to, not p.opens_with_quote, spoken_to & self._talking,
                    self._asked(paras[turn[-1]]) & self._talking, self._sir(paras, turn), guess)

    def _newcomer_above(self, paras: list[Paragraph], i: int, gender: str | None) -> bool:
        """Whether the paragraph before, narration alone, brings someone in unnamed as a clause's subject ("but
        one little man, with a black beard, detached himself and bustled forward"), of the turn's pronoun's
        gender: the words after are likely theirs, a voice new to the exchange, not the next of its two."""
        if not i or paras[i - 1].sites:
            return False
        m = NEW_SUBJECT.search(self.text, paras[i - 1].start, paras[i - 1].end)
        return m is not None and GENDER_OF.get(m.group("noun"), gender) == gender

    def _sir(self, paras: list[Paragraph], turn: list[int]) -> bool:
        """Whether a turn's words call someone "sir" or "madam" ("Very good, sir.")."""
        return any(_SIR.search(self._own(s, self.text[paras[i].start:paras[i].end]))
                   for i in turn for s in paras[i].sites if s.speech)

    def _asked(self, p: Paragraph) -> frozenset[str]:
        """Whom a paragraph's last quotation ends by asking by name ("Don't you think so, Jeeves?"): the one
        expected to answer next."""
        said = [s for s in p.sites if s.speech]
        if not said:
            return frozenset()
        words = self._own(said[-1], self.text[p.start:p.end]).strip().strip("_").rstrip("-—– ")
        if not words.endswith("?"):
            return frozenset()
        return frozenset(c.name for c in addressees(_last_sentence(words), self.cast))

    def _spoken_of(self, paras: list[Paragraph], turn: list[int]) -> frozenset[str]:
        """The people a turn's quotations name (called by name or talked of: "You have given Miss Smith all that
        she required")."""
        return frozenset(m.character.name for i in turn for s in paras[i].sites if s.speech
                         for m in self.cast.mentions_in(paras[i].start + s.q.start, paras[i].start + s.q.end))

    def _narrators_reply(self, s: Site) -> str:
        """'"They go to hell," was my ready and orthodox answer.': the narrator's turn, theirs where the text
        names them (the site is decided so), else the stand-in that still counts as a turn."""
        if self.me is None:
            if self.self_named is not None:  # theirs, but still the stand-in to the turn-taking (_turn)
                s.decision = Decision.of(self.self_named.name, Clue.PRONOUN, '"was my answer": the narrator, who '
                                         "names themself in the narration", 0.95)
            return NARRATOR
        s.decision = Decision.of(self.me.name, Clue.PRONOUN, '"was my answer": the narrator, whom the replies '
                                 "around the narrator's turns address", 0.95)
        return self.me.name

    def _child_calling(self, parents: frozenset[str], s: Site) -> str | None:
        """A reply calling the one Mr. of a family with one child "papa" is that child's: the site is decided
        so, and the child's name returned to anchor the turn-taking."""
        kids = {k.name for n in parents if (c := self.cast.resolve(n)) and (k := only_child(c, self.cast))}
        if len(kids) != 1:
            return None
        [kid] = kids
        d = Decision.of(kid, Clue.VOCATIVE, f"calls {', '.join(sorted(parents))} by a parent's name: the family's "
                        "one child")
        if d.confidence <= s.decision.confidence:
            return None
        s.decision = d
        return kid

    def _parents_addressed(self, paras: list[Paragraph], i: int) -> frozenset[str]:
        """The parent a reply calls "papa" or "mamma", as the people of the last paragraphs tell (vocatives.py)."""
        p = paras[i]
        body = self.text[p.start:p.end]
        inner = [self._own(s, body) for s in p.sites if s.speech]
        if not any(re.search(r"(?i)\b(?:papa|mamm?a|father|mother)\b", x) for x in inner):
            return frozenset()
        # The child may be named well before a long exchange with a parent: the people of a wider window.
        people = [c for j in range(max(0, i - PARENT_WINDOW), i + 1)
                  for c in self.cast.named_in(paras[j].start, paras[j].end)]
        return frozenset(c.name for x in inner for c in parents_addressed(x, people, self.cast))

    def _scene(self, paras: list[Paragraph], before: list[int] | None, run: list[int]) -> frozenset[str]:
        """The people of the scene a run belongs to: those the narration just before it names, and those of
        the run before when only a little narration stands between."""
        start = before[-1] + 1 if before else max(0, run[0] - SCENE_GAP)
        gap = range(max(start, run[0] - SCENE_GAP), run[0])
        people = {c.name for j in gap for c in self.cast.named_in(paras[j].start, paras[j].end)
                  if self._person(c) and c.name in self._voices}
        if before and run[0] - before[-1] - 1 <= SCENE_GAP:
            people |= {d.speaker for i in before if (d := _said(paras[i])).speaker and d.confidence >= ANCHOR}
        if self.me is not None:
            people.add(self.me.name)  # a first-person narrator is in every scene they tell
        return frozenset(people)

    def _person(self, c: Character) -> bool:
        """A name that is surely a person's: titled, a full name, or someone who speaks or is spoken to
        (a place is capitalised too, and may even catch a pronoun's gender)."""
        return bool(split_title(c.name)[0] or (c.first and c.name not in self.cast.places)) or c.name in self._people

    # --- calibration: how sure this instance is (confidence.py) -------------------------------------------
    def _calibrate(self, paras: list[Paragraph]) -> None:
        """Each pronoun tag's guess, its confidence set by what a reader sees around it."""
        if self.news:
            return
        for i, p in enumerate(paras):
            for s in p.sites:
                if s.decision.speaker and s.decision.evidence and s.decision.evidence[0].clue is Clue.PRONOUN:
                    s.decision = self._calibrated(s.decision, paras, i, s)

    def _calibrated(self, d: Decision, paras: list[Paragraph], i: int, s: Site, exchange: str = "",
                    anchored: str = "") -> Decision:
        if not d.speaker or not d.evidence or d.evidence[0].clue not in CALIBRATED:
            return d
        if s.tag is not None and s.tag.ref is Ref.DESCRIPTION:
            return d  # "said her mother": the words say who, beyond what a bare "she" leaves open
        if self._voiced is None:
            # A first-person narrator, tagged "I" and never by name, is on stage in every scene they tell.
            self._voiced = {t.decision.speaker for p in paras for t in p.sites
                            if t.decision.evidence and t.decision.evidence[0].clue is Clue.SPEECH_TAG} | {
                c.name for c in (self.me, self.self_named) if c is not None}
            refs = Counter(t.tag.ref for p in paras for t in p.sites if t.tag is not None)
            self._description_share = refs[Ref.DESCRIPTION] / max(1, refs[Ref.DESCRIPTION] + refs[Ref.NAME])
        c = self.cast.resolve(d.speaker)
        said = GENDER_OF.get(s.tag.words.lower()) if s.tag is not None else None
        gender = (c.gender or c.leaning if c else None) or said
        chain = Chain.NONE
        if said and not self.news:
            found = subject_chain(self.text, self._chain_stretches(paras, i, s), self.cast, said).character
            chain = Chain.NONE if found is None else Chain.AGREES if found.name == d.speaker else Chain.OTHER
        at = paras[i].start + s.q.start
        return calibrated(d, Instance(d.evidence[0].clue, self._rivals(paras, i, at, d.speaker, gender), chain,
                                      self._tag_gap(paras, i, s, d.speaker), d.confidence >= SURE_CONTEXT,
                                      d.speaker in self._voiced or self._acted(paras, i, at, d.speaker)
                                      or self._called(paras, i, d.speaker),
                                      self._unnamed_on_stage(paras, i, at, gender),
                                      self._last_seen(paras, i, at, d.speaker), c.mentions if c else 0,
                                      self._description_share, exchange, anchored, self._tag_fits(s, c)))

    def _acted(self, paras: list[Paragraph], i: int, at: int, name: str) -> bool:
        """Whether the narration of the last paragraphs shows ``name`` acting, as a clause's subject ("Rolf Danner
        came in"): someone on stage, not a name in passing ("the verses of Tobias Grimble")."""
        first = max(0, i - TAG_REACH)
        return any(m.character.name == name and SUBJECT_BEFORE.search(self.text, max(a, m.start - 12), m.start)
                   for a, b in _narration(paras[first:i + 1], paras[first].start, at)
                   for m in self.cast.mentions_in(a, b))

    def _called(self, paras: list[Paragraph], i: int, name: str) -> bool:
        """Whether someone's words of the last paragraphs call ``name`` ("My dear Miss Hartley, …"): a person
        spoken to is on stage, as one seen acting is."""
        return any(c.name == name for p in paras[max(0, i - TAG_REACH):i] for c in self._addressed(p))

    def _tag_fits(self, s: Site, c: Character | None) -> bool:
        """Whether the quotation's own "he"/"she" tag may stand for ``c``: never for the first-person narrator,
        who is "I", nor for someone of the other gender."""
        said = GENDER_OF.get(s.tag.words.lower()) if s.tag is not None and s.tag.ref is Ref.PRONOUN else None
        if said is None or c is None:
            return True
        narrators = {n.name for n in (self.me, self.self_named) if n is not None}
        return c.name not in narrators and c.gender in (None, said)

    def _rivals(self, paras: list[Paragraph], i: int, at: int, name: str, gender: str | None) -> int:
        """Other people of ``gender`` on stage before ``at``: named in the narration of the last paragraphs, or
        surely speaking there. A name only spoken of, inside a quotation, is no one on stage."""
        first = max(0, i - STAGE_PARAGRAPHS)
        spans = _narration(paras[first:i + 1], paras[first].start, at)
        people = {m.character.name: m.character for a, b in spans for m in self.cast.mentions_in(a, b)}
        people |= {c.name: c for p in paras[first:i + 1] for t in p.sites if p.start + t.q.start < at
                   and t.decision.speaker and t.decision.confidence >= SURE_CONTEXT
                   and (c := self.cast.resolve(t.decision.speaker))}
        return sum(c.name != name and c.name not in self.cast.places and bool(c.first or c.gender or c.leaning)
                   and (gender is None or (c.gender or c.leaning) in (gender, None)) for c in people.values())

    def _unnamed_on_stage(self, paras: list[Paragraph], i: int, at: int, gender: str | None) -> bool:
        """Whether the narration on stage speaks of someone of ``gender`` without a name ("the innkeeper")."""
        first = max(0, i - STAGE_PARAGRAPHS)
        words = " ".join(self.text[a:b] for a, b in _narration(paras[first:i + 1], paras[first].start, at))
        return unnamed_rival(words, gender) is not None

    def _last_seen(self, paras: list[Paragraph], i: int, at: int, name: str) -> int | None:
        """Paragraphs back to where ``name`` was last named in the narration or surely spoke, before ``at``."""
        for j in range(i, max(-1, i - 1 - TAG_REACH), -1):
            p = paras[j]
            end = min(p.end, at)
            if any(m.character.name == name for a, b in _narration([p], p.start, end)
                   for m in self.cast.mentions_in(a, b)) or any(
                    p.start + t.q.start < end and t.decision.speaker == name and t.decision.confidence >= SURE_CONTEXT
                    for t in p.sites):
                return i - j
        return None

    def _tag_gap(self, paras: list[Paragraph], i: int, s: Site, name: str | None) -> int | None:
        """Paragraphs back to the last tag naming ``name`` outright (0: this paragraph, before ``s``)."""
        for j in range(i, max(-1, i - 1 - TAG_REACH), -1):
            sites = paras[j].sites[:paras[j].sites.index(s)] if j == i and s in paras[j].sites else paras[j].sites
            if any(t.decision.speaker == name and t.decision.evidence
                   and t.decision.evidence[0].clue is Clue.SPEECH_TAG for t in sites):
                return i - j
        return None

    # --- 5. units ----------------------------------------------------------------------------------------
    def _units(self, p: Paragraph) -> list[Unit]:
        pieces: list[tuple[int, int, Decision | None]] = []  # None: the narrator's
        for s in (s for s in p.sites if s.speech):
            a = s.lead[0] if s.reported or (s.tag is not None and not s.tag.after) or (lead_is_tag(
                self.text[s.lead[0]:s.lead[1]]) and s.decision.speaker) else p.start + s.q.start
            b = max(s.trail[1], p.start + s.q.end) if s.tag is not None or s.decision.speaker else p.start + s.q.end
            if self.news and _closes_before_new_sentence(self.text, p.start + s.q.end, s):
                b = p.start + s.q.end
            # One unit for one speaker's quotations with only their tags between; a tag both share (``"…,"
            # said his lady, "…"``) makes them one speaker's even when nobody knows whose.
            if pieces and pieces[-1][2] is not None and pieces[-1][2].speaker == s.decision.speaker \
                    and (s.decision.speaker or a < pieces[-1][1]) and not _words(self.text[pieces[-1][1]:a]):
                pieces[-1] = (pieces[-1][0], b, pieces[-1][2])
            else:
                pieces.append((max(a, pieces[-1][1] if pieces else a), b, s.decision))
        if p.according:
            pieces = _with_source(p, pieces, _reach(self.text, p))
        return self._fill(p, pieces)

    def _fill(self, p: Paragraph, pieces: list[tuple[int, int, Decision | None]]) -> list[Unit]:
        """The quotations' units and the narrator's words between them, every word in exactly one unit."""
        if p.statement and not pieces:
            d = self.publisher
            return [_trim(self.text, Unit(p.start, p.end, d.speaker, Role.NARRATION, None, d.confidence or None,
                                          d.evidence))]
        units: list[Unit] = []
        pos = p.start
        for a, b, d in pieces:
            if _words(self.text[pos:a]):
                units.append(self._narration(pos, a))
            units.append(Unit(a, b, d.speaker, Role.QUOTE, None, d.confidence or None, d.evidence))
            pos = b
        if _words(self.text[pos:p.end]):
            units.append(self._narration(pos, p.end))
        return [_trim(self.text, u) for u in units]

    def _narration(self, a: int, b: int) -> Unit:
        n = self.narrator
        return Unit(a, b, n.speaker, self.role, None, n.confidence or None, n.evidence)


def _quoted_source(body: str, m: re.Match[str]) -> str | None:
    """The name an "according to" source quotes (", quoting KCNA,"), if it quotes one."""
    q = _QUOTING.match(body, m.end())
    names = [n.group() for n in re.finditer(rf"(?<![\w'’\-]){NAME}(?![\w'’])", q.group("clause"))] if q else []
    return names[-1] if names and not POSSESSIVE.search(names[-1]) else None


def _reach(text: str, p: Paragraph) -> int:
    """Where the words of an "According to X," source end: at the paragraph's end, or at the first sentence
    after it that reports someone's words of its own ("Professor Burrows also said …", "…, Reed said.")."""
    at = p.according[0] - p.start
    for a, b in sentence_spans(text[p.start:p.end]):
        sentence = text[p.start + a:p.start + b]
        comma = sentence.rfind(",")
        if a > at and (reported(sentence) is not None or (comma > 0 and tag_after(sentence[comma:]) is not None)):
            return p.start + a
    return p.end


def _with_source(p: Paragraph, pieces: list[tuple[int, int, Decision | None]], reach: int
                 ) -> list[tuple[int, int, Decision | None]]:
    """After "According to X," the paragraph is X's up to ``reach``, except the quotations credited to someone of
    their own: an outlet that reports what a person said is not their speaker."""
    at, source = p.according
    out = [x for x in pieces if x[1] <= at]
    kept = [x for x in pieces if x[0] >= at and (x[0] >= reach or (x[2] is not None and x[2].speaker))]
    pos = at
    for a, b, d in kept:
        if pos < min(a, reach):
            out.append((pos, min(a, reach), source))
        out.append((a, b, d))
        pos = max(pos, b)
    if pos < reach:
        out.append((pos, reach, source))
    return out


def _sentence_part(body: str, prev_end: int, q_start: int) -> int:
    """Where the sentence that runs into a quotation starts (after the last sentence end before it)."""
    seg = body[prev_end:q_start]
    spans = sentence_spans(seg)
    if not spans:
        return q_start
    last_a, last_b = spans[-1]
    if re.search(r"[.!?…][\"”’»)]*$", seg[last_a:last_b]) and not lead_is_tag(seg):
        return q_start  # the quotation opens a sentence of its own
    return prev_end + last_a


def _closes_before_new_sentence(text: str, q_end: int, s: Site) -> bool:
    """News: a quotation that ends its sentence ("“Keep calm, people!”") before a new one that is no tag of
    its own ("South Wales Police also reported …"): what follows is the narration's or the next speaker's."""
    if s.tag is not None and s.tag.after:
        return False
    return re.search(r"[.!?…][\"”’»]*$", text[max(0, q_end - 3):q_end]) is not None \
        and re.match(r"\s+[A-Z“\"]", text[q_end:q_end + 3]) is not None


def _trail_end(body: str, q_end: int, nxt: int) -> int:
    """Where a tag after a quotation may end: the sentence's end, or the next quotation."""
    seg = body[q_end:nxt]
    spans = sentence_spans(seg)
    if not spans:
        return q_end
    first = seg[spans[0][0]:spans[0][1]]
    m = re.search(r"[;:](?=\s|$)", first)  # a tag ends at a semicolon or colon too
    return q_end + spans[0][0] + (m.end() if m else len(first))


def _may_tag_after(inner: str, trail: str) -> bool:
    """Only a quotation that does not end its sentence (``"…,"``, ``"…!"`` followed by lower case, ``"…",``
    with the comma outside the marks as news often writes it) is tagged by the words after it."""
    inner = inner.rstrip()
    return inner[-1:] in ",!?…—–-:;" or trail.lstrip(" \t\n,;")[:1].islower() or inner.endswith("--") \
        or trail.startswith(",")


def _scare(inner: str, lead: str, at_start: bool) -> bool:
    """A few quoted words inside a sentence, untagged: a scare quote, a title, a term — not speech."""
    if at_start:
        return False
    words = len(inner.split())
    mid_sentence = bool(lead.strip()) and not lead_is_tag(lead)
    # ...unless it is a cry or a question ('the call of "Clara!"'): a term or a title does not end so.
    cry = re.search(r"[!?]\W*$", inner) is not None
    return mid_sentence and ((words <= SCARE_WORDS and not cry) or not re.search(r"[.!?…,]\W*$", inner))


def _turn_weight(f: Fill) -> float:
    """How sure a turn-taking guess is. Measured on the annotated fiction: strict alternation between a known
    pair, anchored on both sides, is right whatever the distance; anchored on one side it weakens slowly; the
    local rule on one side is right only about two times in three, under the bar; the reply a vocative is in
    is the other's (0.94), the turns beyond it a little less (9 right in 10). One tagged person's own parity,
    their partner unknown, holds as a pair's does (54 in 57); the partner no tag names is less sure (PARTNER).
    The local rule between tags more than LOCAL_REACH turns away on both sides was right once in four (round 6):
    no surer than on one side."""
    if f.clue is Clue.VOCATIVE:
        return 1.0 if f.steps == 0 else 0.9
    if not f.paired:
        return 0.85 if f.both and f.steps <= LOCAL_REACH else 0.75 - STEP_DECAY * max(0, f.steps - 1)
    weight = 1.0 if f.both else max(0.85, 0.95 - PAIR_DECAY * max(0, f.steps - 1))
    return min(weight, PARTNER) if f.partner else weight


def _turned_to_another(sentence: str, c: Character) -> bool:
    """Whether a sentence about ``c`` has someone else in it whom the reply may come from: a pronoun of the
    other gender ("Mary took his book to hear him recite, and he tried…"), or one ``c`` looks or turns to
    ("Tom looked at him blankly.")."""
    # of a person whose gender nobody knows, any "he", "him" or "she" is someone else's as likely as theirs
    other = {"m": r"\b(?:she|her|hers)\b", "f": r"\b(?:he|him|his)\b"}.get(c.gender or "", r"\b(?:he|him|she)\b")
    return bool(re.search(r"(?i)\b(?:at|to|toward|towards|with)\s+(?:him|her|them)\b", sentence) or
                re.search(rf"(?i){other}", sentence))


def _narration(paras: list[Paragraph], start: int, end: int):
    """The stretches of [start, end) outside the paragraphs' quotations."""
    for p in paras:
        pos = max(start, p.start)
        for s in p.sites:
            a = p.start + s.q.start
            if a > pos and pos < end:
                yield pos, min(a, end)
            pos = max(pos, p.start + s.q.end)
        if pos < min(p.end, end):
            yield pos, min(p.end, end)


def _agrees(c: Character, gender: str | None) -> bool:
    return gender is None or c.gender is None or c.gender == gender


REPORTS = re.compile(rf"\b(?:{'|'.join(speech.VERBS)})\b")  # a verb that reports someone's words


def _described_tag(s: Site) -> bool:
    """A tag read as a description ("legacy … said" in "When asked about his legacy, Obama said he was proud …
    and said of the crisis: "…""), which news may name outright: the news shapes read it again."""
    return s.tag is not None and s.tag.ref is Ref.DESCRIPTION and not s.tag.after


def _last_sentence(words: str) -> str:
    """The last sentence of a quotation's words; a title's full stop ends none ("…, Mr. Hastings?")."""
    cuts = [m.end() for m in re.finditer(r"(?<=[.!?])\s+", words) if not _TITLE_STOP.search(words, 0, m.start())]
    return words[cuts[-1]:] if cuts else words


def _said(p: Paragraph) -> Decision:
    s = _first_speech(p)
    return s.decision if s is not None else NOBODY


def _told_by_me(paras: list[Paragraph], text: str) -> bool:
    """Whether the story is told in the first person: its narrator tags their own words ("I said", "said I") more
    than once, before any tag is resolved (a pronoun's antecedent is read before the narrator is named)."""
    mine = 0
    for p in paras:
        for s in p.sites:
            after = tag_after(text[s.trail[0]:s.trail[1]]) if s.q.closed else None
            t = after or tag_before(text[s.lead[0]:s.lead[1]])
            mine += t is not None and t.words.lower() == "i"
            if mine > 1:
                return True
    return False


def _heading_like(text: str, p: Paragraph) -> bool:
    """Whether the paragraph may be a heading standing among the paragraphs: one short line, no quotation."""
    return not p.sites and p.end - p.start <= HEADING_CHARS and "\n" not in text[p.start:p.end].strip()


def _said_i(s: Site) -> bool:
    """Whether the quotation is tagged "I said": the narrator's."""
    return s.tag is not None and s.tag.words.lower() == "i"


def _first_speech(p: Paragraph) -> Site | None:
    return next((s for s in p.sites if s.speech), None)


def _runs(paras: list[Paragraph], text: str) -> list[list[int]]:
    """Runs of paragraphs of dialogue; a paragraph without speech ends a run, and so does one whose
    quotation is followed by narration longer than a beat ("'…' We descended and started off once more for
    Briony Lodge."): the scene may move on, and new people with it. A paragraph whose quotation comes only
    after a long stretch of narration starts a run of its own for the same reason."""
    runs: list[list[int]] = [[]]
    for i, p in enumerate(paras):
        if _first_speech(p) is None:
            if runs[-1]:
                runs.append([])
            continue
        first = _first_speech(p)
        if runs[-1] and len(text[p.start:p.start + first.q.start].split()) > LEAD_WORDS:
            runs.append([])
        runs[-1].append(i)
        last = p.sites[-1]
        after = max(p.start + last.q.end, last.trail[1] if last.tag is not None and last.tag.after else 0)
        if len(text[after:p.end].split()) > BEAT_WORDS:
            runs.append([])
    return [r for r in runs if r]


def _dialogue(paras: list[Paragraph]) -> bool:
    """Whether the document is written as dialogue: replies paragraph after paragraph, as fiction and plays
    in prose are, unlike news, where quotations stand between paragraphs of narration."""
    opens = [p.opens_with_quote for p in paras]
    return sum(all(opens[k:k + 3]) for k in range(len(opens) - 2)) >= 2


def _one_voice(paras: list[Paragraph], default: bool) -> bool:
    """Whether this document quotes one voice over consecutive paragraphs (news) rather than alternating
    voices (dialogue): learnt from its consecutive tagged paragraphs, else the layout's habit."""
    same = change = 0
    for a, b in itertools.pairwise(paras):
        da, db = _said(a), _said(b)
        if da.speaker and db.speaker and da.evidence[0].clue is Clue.SPEECH_TAG is db.evidence[0].clue:
            same += da.speaker == db.speaker
            change += da.speaker != db.speaker
    if same + change < ONE_VOICE_PAIRS or same == change:
        return default
    return same > change


def _words(text: str) -> bool:
    return re.search(r"\w", text) is not None


def _trim(text: str, u: Unit) -> Unit:
    a, b = u.start, u.end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return replace(u, start=a, end=b)
