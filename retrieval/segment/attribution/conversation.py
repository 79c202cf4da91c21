"""Turn-taking in an exchange: who speaks the untagged replies of a run of dialogue paragraphs.

Two people who talk take turns: once a run's tagged replies show which two they are, and every tag agrees
with strict alternation (one person on the even turns, the other on the odd), each untagged reply is the
person of its turn. The pair is known from two tagged speakers, or from one tagged speaker and the one other
person the scene names, their turns address, or the other turns' pronoun tags fit. A reply that addresses
one of the pair is the other's, and a pronoun tag names the one of the pair of its gender: both anchor the
turn-taking where no tag does. An untagged reply that addresses the person of its turn, or whose pronoun tag
is not theirs, or that calls a third person of the scene, shows the exchange is not a strict two-person one:
nothing is then filled by parity, and only the local rule (the speaker of two turns back, where the two turns
before are two different people's) applies. Two tags in a row that alternation cannot join split the run into
parts read on their own; the turns before a tag that brings in a new voice stay with the two before it.

Where no pair is known, one side may still be: the one tagged person's own parity (their partner unnamed, or
a first-person narrator who never tags a reply), or the person one parity's replies keep calling by name.

Where the calls or pronouns of a long run stop agreeing with one alternation (someone spoke twice, after a beat),
the run is read in stretches, each up to its own anchors, the break put at the one turn between that opens with
narration, else the turns between left open. A third-person pronoun ("he said", "He smiled. '…'") is never the
first-person narrator's turn; a side that calls both one of the scene's two and someone else is neither's.

Who answers (round 8): a turn left open right after one that ends by asking someone by name is the one asked's,
and that answer anchors the turns around it where nobody else is about; where one side is known, the other is a
named first-person narrator who calls that person by name (nobody else about), or the one person the sieve's
guesses on that side name short of an anchor.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

from ...records import Clue

BY_TURNS = 4  # replies addressing two people by turns that make them the pair whoever the scene names
CALLS = 2  # replies calling the same person, all on one parity, before that person takes the other parity
# The evidence of round 8's mechanisms, each named so that its precision can be measured on its own.
ASKED = "answers the question the turn before asks them by name"
AFTER_ASKED = "turn-taking anchored by the answer to a question asked by name"
NARRATOR_CALLS = "the narrator, who calls by name the one answering"
GUESSED = "the one the other side's guesses name"


@dataclass(frozen=True)
class Turn:
    """One dialogue paragraph of a run, as turn-taking sees it."""

    anchor: str | None  # the speaker a tag names surely enough to anchor the turn-taking
    addressed: frozenset[str]  # the people its quotations speak to
    gender: str | None  # the gender of its pronoun tag, where that tag named nobody surely
    open: bool  # nobody named surely yet, and no tag naming someone the exchange may not hold
    may_be: frozenset[str] = frozenset()  # the people its pronoun tag may stand for, when narration names them
    stranger: bool = False  # its tag names someone nobody could resolve ("said our strange visitor")
    mentioned: frozenset[str] = frozenset()  # the people its narration names, outside its quotations
    weak: bool = False  # its anchor is a third-person pronoun tag's antecedent, a guess the replies may overrule
    spoken_of: frozenset[str] = frozenset()  # the people its quotations talk of, not to
    led: bool = False  # its paragraph opens with narration, not with the quotation
    # Of ``addressed``, those tags name surely elsewhere: voices of the story, not a nickname the cast cannot tie
    # to anyone ("Harry" for Lord Henry), who may answer when called.
    called: frozenset[str] = frozenset()
    asked: frozenset[str] = frozenset()  # of ``called``, whom its closing question calls ("What do you think, Jeeves?")
    sir: bool = False  # its words call someone "sir" or "madam", as a servant or a stranger does, never by name
    guess: str | None = None  # whom the sieve names for it short of an anchor (a beat's subject, a pronoun)


@dataclass(frozen=True)
class Fill:
    speaker: str
    steps: int  # turns from the nearest anchor
    both: bool  # anchored before and after
    clue: Clue  # ALTERNATION; VOCATIVE where the nearest anchor is an addressee; PRONOUN for "said she"
    paired: bool = True  # by strict alternation between a known pair, not by the local rule
    broken: bool = False  # between the last anchor and a new voice's tag that breaks the alternation
    lone: bool = False  # by the parity of the one tagged person, whose partner nobody names
    partner: bool = False  # the one of the pair no tag of the exchange names (the scene's, or the one addressed)
    reason: str = ""  # the mechanism, where one of its own names the turn (for the evidence and its measure)


def take_turns(turns: list[Turn], genders: dict[str, str | None], scene: frozenset[str] = frozenset(),
               narrated: bool = False, narrator: str | None = None,
               leanings: dict[str, str | None] | None = None) -> dict[int, Fill]:
    """Who speaks each open turn, by strict alternation between the run's two people; ``scene``: the people
    the narration around the run names; ``narrated``: told by a first-person narrator, who may be one of the
    two without being named or tagged, so only two tagged people make a pair, or, where the text names the
    narrator (``narrator``), the narrator and the one other person the run's tags and the scene name.
    ``leanings``: for people of no known gender, the gender most pronouns after their name give, if any.

    Two tags in a row that strict alternation cannot join (the same person on both parities: someone spoke
    twice, or turned to a third person) split the run: each part is read on its own, and the turns between
    those two tags, where the pattern changed nobody knows how, stay open — unless the second tag brings in a
    voice new to the exchange: authors tag whoever comes in, so the turns before it are read on from the part
    before (14 right in 14 on the annotated fiction)."""
    turns = _overruled(turns, genders)
    out = _parts(turns, genders, scene, narrated, narrator, leanings or {})
    asked = _asked_answer(turns, out, genders)
    known = {t.anchor for t in turns} | {f.speaker for f in (out | asked).values()}
    if not asked or (scene | {x for t in turns for x in t.mentioned}) - known:
        return out | asked
    # The answer anchors the turn-taking around it as a tag would: the turns it leaves open before, read again.
    again = [replace(t, anchor=asked[k].speaker, open=False, weak=True) if k in asked else t
             for k, t in enumerate(turns)]
    more = _parts(again, genders, scene, narrated, narrator, leanings or {})
    return out | asked | {k: replace(f, reason=f.reason or AFTER_ASKED) for k, f in more.items()
                          if k not in out and k not in asked}


def _parts(turns: list[Turn], genders: dict[str, str | None], scene: frozenset[str], narrated: bool,
           narrator: str | None, leanings: dict[str, str | None]) -> dict[int, Fill]:
    """Each part of a run between two tags strict alternation cannot join, read on its own (take_turns)."""
    anchors = [k for k, t in enumerate(turns) if t.anchor]
    out: dict[int, Fill] = {}
    lo = 0
    for a, b in itertools.pairwise(anchors):
        if (turns[a].anchor == turns[b].anchor) != ((b - a) % 2 == 0):
            # A voice new to the exchange breaks it: an author tags the one who comes in, so the turns up to
            # that tag are most likely still the two before it.
            new = turns[b].anchor not in {t.anchor for t in turns[lo:a + 1]}
            # …and so does a tag of someone nobody names ("said the butler"): the first such tag between them.
            stranger = next((k for k in range(a + 1, b) if turns[k].stranger), None)
            # …or, where one turn between opens with narration, one speaker went on there (see _stretches).
            led = [k for k in range(a + 1, b + 1) if turns[k].led]
            end = b if new else stranger or (led[0] if len(led) == 1 else a + 1)
            part = _take(turns[lo:end], genders, scene if lo == 0 else frozenset(), narrated, narrator, leanings)
            out |= {lo + k: replace(f, broken=lo + k > a) for k, f in part.items()}
            lo = led[0] if not new and stranger is None and len(led) == 1 else b
    part = _take(turns[lo:], genders, scene if lo == 0 else frozenset(), narrated, narrator, leanings)
    return out | {lo + k: f for k, f in part.items()}


def _asked_answer(turns: list[Turn], filled: dict[int, Fill], genders: dict[str, str | None]) -> dict[int, Fill]:
    """The one asked answers: an open turn the turn-taking left to nobody, right after a reply that ends by
    asking one voice of the story a question by name ("And you will return there, Mr. Hastings?" / "Perhaps."),
    is theirs, where its own words, tag and pronoun allow them and the one asking is not they (a speaker
    calling their own name quotes someone)."""
    out: dict[int, Fill] = {}
    for k in range(1, len(turns)):
        t, before = turns[k], turns[k - 1]
        if k in filled or not t.open or t.anchor or len(before.asked) != 1:
            continue
        [x] = before.asked
        asker = before.anchor or (filled[k - 1].speaker if k - 1 in filled else None)
        if x == asker or x in t.addressed or (t.may_be and x not in t.may_be) or (
                t.gender and genders.get(x) not in (None, t.gender)):
            continue
        out[k] = Fill(x, 1, False, Clue.VOCATIVE, paired=False, reason=ASKED)
    return out


def _overruled(turns: list[Turn], genders: dict[str, str | None]) -> list[Turn]:
    """Replies that call two people by turns again and again (BY_TURNS) make them the two talking: a pronoun
    tag read as someone else ("he says", taken for a man named in the narration before) was a wrong guess, and
    its turn is opened to the turn-taking, with the pronoun's gender."""
    spoken_to = {x for t in turns for x in t.addressed}
    if len(spoken_to) != 2 or not _addressed_in_turn(turns, spoken_to, BY_TURNS):
        return turns
    return [replace(t, anchor=None, open=True, gender=genders.get(t.anchor), weak=False)
            if t.weak and t.anchor not in spoken_to else t for t in turns]


def _take(turns: list[Turn], genders: dict[str, str | None], scene: frozenset[str],
          narrated: bool = False, narrator: str | None = None,
          leanings: dict[str, str | None] | None = None) -> dict[int, Fill]:
    """Strict alternation within a part of a run whose tags agree with it."""
    anchors = {k: (t.anchor, Clue.ALTERNATION) for k, t in enumerate(turns) if t.anchor}
    people = {a for a, _ in anchors.values()}
    pair = frozenset(people) if len(people) == 2 else None if narrated else _pair(turns, people, scene, genders,
                                                                                      leanings or {}, narrator)
    if pair is None:
        side = _one_side(turns, genders, people) or _lone(turns, genders, people) \
            or _called(turns, genders, people) or _sir_side(turns, genders, people)
        if side:
            return side | (_narrators_answers(turns, side, narrator, scene) or _guessed_partner(turns, side, genders))
        return _narrators_side(turns, narrator, people, scene) or _caller(turns, genders, people, scene) \
            or local_chain(turns, genders)
    for k, t in enumerate(turns):  # a reply that addresses one of the two is the other's
        if k not in anchors and len(t.addressed & pair) == 1:
            anchors[k] = (next(iter(pair - t.addressed)), Clue.VOCATIVE)
        elif k not in anchors and t.gender and (by := [p for p in pair if genders.get(p) == t.gender]) \
                and len(by) == 1 and all(genders.get(p) for p in pair):
            anchors[k] = (by[0], Clue.PRONOUN)
        elif k not in anchors and t.gender and not t.open and narrator in pair:
            # "He laughed at my bewildered expression. '…'": "he" or "she" is never the one who says "I" (a
            # pronoun tag of a reply opening its paragraph may be someone new: "'…,' says he", a stranger)
            anchors[k] = (next(iter(pair - {narrator})), Clue.PRONOUN)
    # A reply calling someone of the scene outside the two: a third person takes part ("My dear Mr. Bennet, …"
    # between Mrs. Bennet and Lydia).
    if any(not t.anchor and (t.addressed & scene) - pair for t in turns):
        return local_chain(turns, genders)
    out: dict[int, Fill] | None = None
    stretches = _stretches(anchors, len(turns), turns)
    for lo, hi in stretches:
        part = {k: a for k, a in anchors.items() if lo <= k < hi}
        if len(stretches) > 1 and len(part) < 2:
            continue  # where the alternation breaks, one anchor alone does not show which way it goes
        parity = _parity(part, pair)
        if parity is not None and _consistent(turns, parity, genders, range(lo, hi), narrator):
            out = (out or {}) | _by_parity(turns, range(lo, hi), parity, part, genders, people)
    return local_chain(turns, genders) if out is None else out


def _stretches(anchors: dict[int, tuple[str, Clue]], n: int, turns: list[Turn]) -> list[tuple[int, int]]:
    """The stretches of a run of ``n`` turns over which its anchors agree with strict alternation: where a reply
    addressing one of the two, or a pronoun, puts someone on the other parity from the anchors before (one of
    them spoke twice, after a beat), the run is read in two stretches, each up to its own anchors. The turns
    between the last anchor before the break and the first after stay open: the break may be anywhere there."""
    groups: list[list[int]] = []
    sides: dict[int, set[str]] = {}
    for k in sorted(anchors):
        who, side = anchors[k][0], k % 2
        if groups and sides[side] <= {who} and who not in sides[1 - side]:
            groups[-1].append(k)
        else:
            groups.append([k])
            sides = {0: set(), 1: set()}
        sides[side].add(who)
    spans = [(0 if g == 0 else ks[0], n if g == len(groups) - 1 else ks[-1] + 1) for g, ks in enumerate(groups)]
    for g in range(len(spans) - 1):
        # One speaker going on after narration ("He unrolled one section and held it over his knee. '…'") is
        # where the alternation most often breaks: where one turn between opens with narration, the break is there.
        led = [j for j in range(groups[g][-1] + 1, groups[g + 1][0] + 1) if turns[j].led]
        if len(led) == 1:
            spans[g], spans[g + 1] = (spans[g][0], led[0]), (led[0], spans[g + 1][1])
    return spans or [(0, n)]


def _by_parity(turns: list[Turn], span: range, parity: tuple[str, str], anchors: dict[int, tuple[str, Clue]],
               genders: dict[str, str | None], people: set[str]) -> dict[int, Fill]:
    """Each open turn of ``span`` the person of its parity, as far from the anchors as it stands."""
    out: dict[int, Fill] = {}
    for k in span:
        t, who = turns[k], parity[k % 2]
        if not t.open or (t.may_be and who not in t.may_be) or (t.gender and genders.get(who) != t.gender):
            # "…for Mrs. Lynde was seated than she said,": not one of the two; "she urged" is no one whose
            # gender nobody knows (a first-person narrator's)
            continue
        if _calls_another(turns, k, parity):
            if x := _answer_of(turns, k, parity, genders):
                out[k] = Fill(x, 1, False, Clue.VOCATIVE, paired=False)
            continue
        if k in anchors and anchors[k][1] is not Clue.ALTERNATION:
            out[k] = Fill(who, 0, True, anchors[k][1])
            continue
        before = [j for j in anchors if j < k]
        after = [j for j in anchors if j > k]
        nearest = min((*before, *after), key=lambda j: abs(j - k))
        clue = Clue.VOCATIVE if anchors[nearest][1] is Clue.VOCATIVE else Clue.ALTERNATION
        out[k] = Fill(who, abs(nearest - k), bool(before and after), clue, partner=who not in people)
    return out


def _one_side(turns: list[Turn], genders: dict[str, str | None], people: set[str]) -> dict[int, Fill]:
    """One tagged person talking with someone the cast cannot name ("the child", "she"): when every pronoun
    tag of the exchange is the other gender's and stands on the other parity, the tagged person's turns are
    theirs; the other turns stay open."""
    if len(people) != 1:
        return {}
    [a] = people
    mine = next(k for k, t in enumerate(turns) if t.anchor == a) % 2
    others = [k for k, t in enumerate(turns) if t.gender and not t.anchor]
    if not genders.get(a) or not others or any(
            k % 2 == mine or turns[k].gender == genders[a] for k in others) or any(
            a in t.addressed for k, t in enumerate(turns) if k % 2 == mine):
        return {}
    anchors = [k for k, t in enumerate(turns) if t.anchor] + others
    out: dict[int, Fill] = {}
    for k, t in enumerate(turns):
        if t.open and k % 2 == mine and not t.gender:
            before, after = [j for j in anchors if j < k], [j for j in anchors if j > k]
            out[k] = Fill(a, min(abs(j - k) for j in anchors), bool(before and after), Clue.ALTERNATION)
    return out


def _lone(turns: list[Turn], genders: dict[str, str | None], people: set[str]) -> dict[int, Fill]:
    """One tagged person talking with someone nobody names ("a stranger", "the other boy"), or with a
    first-person narrator who does not tag their replies: where no reply addresses anyone else and every sign
    agrees with the tagged person speaking on one parity (their tags, replies addressing them on the other, no
    pronoun of the wrong gender, no stranger's tag on theirs), their untagged turns are theirs. The partner's
    stay open: whoever answers them may be someone the narration names, or the narrator, or a third voice. The
    scene is not asked: on one parity a second voice shows itself by a tag or a name it is called by, and
    measured on the annotated fiction the tagged person's parity held 54 times in 57 whether or not the
    narration around named others."""
    if len(people) != 1:
        return {}
    [a] = people
    anchors = [k for k, t in enumerate(turns) if t.anchor]
    mine = anchors[0] % 2
    for k, t in enumerate(turns):
        ours = k % 2 == mine
        if (t.anchor and not ours) or t.addressed - {a} or (ours and (a in t.addressed or t.stranger)) or (
                ours and t.gender and genders.get(a) and t.gender != genders[a]):
            return {}
    return _parity_of(turns, a, mine, anchors)


def _parity_of(turns: list[Turn], who: str, mine: int, anchors: list[int]) -> dict[int, Fill]:
    """``who``'s untagged open turns on parity ``mine`` (where no pronoun says they may be someone else), each
    as far from the exchange's anchors as it stands."""
    out: dict[int, Fill] = {}
    for k, t in enumerate(turns):
        if t.open and k % 2 == mine and not t.anchor and not (t.may_be and who not in t.may_be):
            before, after = [j for j in anchors if j < k], [j for j in anchors if j > k]
            out[k] = Fill(who, min(abs(j - k) for j in anchors), bool(before and after), Clue.ALTERNATION,
                          lone=True)
    return out


def _narrators_side(turns: list[Turn], narrator: str | None, people: set[str], scene: frozenset[str]
                    ) -> dict[int, Fill]:
    """A first-person narrator the text names, talking with someone their tags call "he" or "she" ("He
    looked at me, and says: '…'"): a pronoun of the third person is never the narrator, so where every
    pronoun tag stands on one parity and the narrator's own "said I" turns, if any, on the other, the other
    parity's untagged turns are the narrator's — unless one of them calls the narrator by name, or has a tag
    naming someone nobody could resolve, or a second person besides the narrator is about. The partner's
    turns stay open: the pronoun may be anyone's."""
    # Anyone else the scene or the run's narration names may be the one answering ("he cried, grasping Holmes
    # by the shoulder", where the narrator only watches).
    if narrator is None or people - {narrator} or len((scene | {x for t in turns for x in t.mentioned}) - {
            narrator}) > 1:
        return {}
    theirs = {k % 2 for k, t in enumerate(turns) if t.gender and not t.anchor}
    if len(theirs) != 1 or any(t.anchor and k % 2 in theirs for k, t in enumerate(turns)):
        return {}
    mine = 1 - theirs.pop()
    if any(k % 2 == mine and (narrator in t.addressed or t.stranger) for k, t in enumerate(turns)):
        return {}
    anchors = [k for k, t in enumerate(turns) if t.anchor or t.gender]
    return _parity_of(turns, narrator, mine, anchors)


def _narrators_answers(turns: list[Turn], side: dict[int, Fill], narrator: str | None, scene: frozenset[str]
                       ) -> dict[int, Fill]:
    """One side of the exchange known (``side``: one person's turns on one parity, "Too ornate, sir." answering
    "…, Jeeves"), told by a first-person narrator the text names, where neither the scene nor the run's narration
    names anyone else: the narrator is the one talking to them, on the other parity, where nothing there says
    otherwise (a third-person pronoun, a tag of someone else or of a stranger, a call to the narrator or to
    anyone but that person), and where that side calls the person by name at least once. The narrator is in
    every scene they tell; nobody else is about to answer."""
    who = {f.speaker for f in side.values()}
    theirs = {k % 2 for k in side}
    if narrator not in scene or len(who) != 1 or narrator in who or len(theirs) != 1:
        return {}  # (a part of a run after a break is read without its scene: who else is about is unknown)
    [x], mine = who, 1 - theirs.pop()
    # Someone only the narration describes ("his wife, who moved close to Tom") may be the one answering, while
    # the narrator watches: the narrator's side must call that person by name, as one talking to them does.
    if (scene | {y for t in turns for y in t.mentioned}) - {narrator, x} or not any(
            x in t.addressed for t in turns[mine::2]):
        return {}
    if any(t.stranger or t.gender or (t.anchor and t.anchor != narrator) or t.addressed - {x}
           for t in turns[mine::2]) or any(t.anchor and t.anchor != x for t in turns[1 - mine::2]):
        return {}
    anchors = [k for k, t in enumerate(turns) if t.anchor or k in side]
    fills = _parity_of(turns, narrator, mine, anchors)
    return {k: replace(f, partner=True, reason=NARRATOR_CALLS) for k, f in fills.items()}


def _guessed_partner(turns: list[Turn], side: dict[int, Fill], genders: dict[str, str | None]) -> dict[int, Fill]:
    """One side of the exchange known (``side``), and every guess the sieve made short of an anchor on the other
    side naming one other person ("Tuppence is the subject of the sentence before" on one turn of it): that person
    is the partner, their open turns theirs, where nothing on that side says otherwise (a call to them, a
    pronoun of the other gender, a stranger's tag) and no guess on the known side names anyone but its person."""
    who = {f.speaker for f in side.values()}
    theirs = {k % 2 for k in side}
    if len(who) != 1 or len(theirs) != 1:
        return {}
    [x], mine = who, 1 - theirs.pop()
    guesses = {t.guess for t in turns[mine::2] if t.guess}
    if len(guesses) != 1 or x in guesses or any(t.guess and t.guess != x for t in turns[1 - mine::2]):
        return {}
    [y] = guesses
    if any(y in t.addressed or t.stranger or (t.anchor and t.anchor != y) or (
            t.gender and genders.get(y) and t.gender != genders[y]) for t in turns[mine::2]):
        return {}
    anchors = [k for k, t in enumerate(turns) if t.anchor or k in side or (k % 2 == mine and t.guess)]
    return {k: replace(f, partner=True, reason=GUESSED) for k, f in _parity_of(turns, y, mine, anchors).items()}


def _caller(turns: list[Turn], genders: dict[str, str | None], people: set[str], scene: frozenset[str]
            ) -> dict[int, Fill]:
    """One side of the exchange calls by name one of the scene's two and someone else besides ("Now, tell me,
    Dr. Mortimer" and "…, Watson, …" where the scene names Holmes and the narrator Watson): whoever speaks
    there is neither, so the scene's other one, where nothing on that side says otherwise (a tag of someone
    else, a call to them, a pronoun of the other gender, a stranger's tag). Who answers stays open."""
    for side in (0, 1):
        called = {x for k, t in enumerate(turns) if k % 2 == side and not t.anchor for x in t.addressed}
        rest = scene - called
        if not (called & scene and called - scene) or len(rest) != 1 or people - rest:
            continue
        [a] = rest
        if any(t.stranger or (t.anchor and t.anchor != a) or (t.gender and genders.get(a) and t.gender != genders[a])
               for k, t in enumerate(turns) if k % 2 == side) or any(a in t.addressed for t in turns[side::2]):
            continue
        anchors = [k for k, t in enumerate(turns) if k % 2 == side and (t.addressed or t.anchor)]
        return _parity_of(turns, a, side, anchors)
    return {}


def _called(turns: list[Turn], genders: dict[str, str | None], people: set[str]) -> dict[int, Fill]:
    """Nobody tagged, but the replies of one parity keep calling one person by name ("…, Mr. Grey?" two turns
    apart) and nobody else: that person answers them, on the other parity, where no tag, no pronoun of the
    other gender and no stranger's tag says otherwise. Their partner stays open."""
    calls = [k for k, t in enumerate(turns) if t.addressed]
    names = {x for k in calls for x in turns[k].addressed}
    if people or len(names) != 1 or len(calls) < CALLS or len({k % 2 for k in calls}) != 1:
        return {}
    [x] = names
    theirs = 1 - calls[0] % 2
    if any(t.stranger or (t.gender and genders.get(x) and t.gender != genders[x])
           for k, t in enumerate(turns) if k % 2 == theirs):
        return {}
    out: dict[int, Fill] = {}
    for k, t in enumerate(turns):
        if t.open and k % 2 == theirs and not (t.may_be and x not in t.may_be):
            near = min(abs(j - k) for j in calls)
            out[k] = Fill(x, near, any(j < k for j in calls) and any(j > k for j in calls), Clue.VOCATIVE,
                          lone=True)
    return out


def _sir_side(turns: list[Turn], genders: dict[str, str | None], people: set[str]) -> dict[int, Fill]:
    """One side calls one person by name ("Sit down, Jeeves.") and the other answers "sir" ("Thank you, sir.")
    again and again, neither the other's way: the one called is the one saying "sir". Whoever may be talked
    of or tagged besides on the calling side (the narrator's "I said"), the answering side calls nobody by name,
    and no tag, pronoun of the other gender or stranger's tag there says otherwise. The caller stays open."""
    for side in (0, 1):
        callers, answers = turns[1 - side::2], turns[side::2]
        names = {x for t in callers for x in t.addressed}
        called = list(names)
        if len(called) != 1 or any(t.sir or t.anchor in called for t in callers) \
                or sum(t.sir for t in answers) < CALLS:
            continue
        [x] = called
        if any(t.addressed or t.stranger or (t.anchor and t.anchor != x) or (
                t.gender and genders.get(x) and t.gender != genders[x]) for t in answers):
            continue
        anchors = [k for k, t in enumerate(turns) if (k % 2 == side and t.sir) or x in t.addressed]
        return _parity_of(turns, x, side, anchors)
    return {}


def _pair(turns: list[Turn], people: set[str], scene: frozenset[str], genders: dict[str, str | None],
          leanings: dict[str, str | None], narrator: str | None = None) -> frozenset[str] | None:
    """The exchange's two people: its two tagged speakers; or, beside its one tagged speaker, the one other
    person their turns address (whoever else the scene names: "…, if you will excuse me, Mr. Grey"); or the
    scene's two; or the one person of the scene whom the pronoun tags of the other turns fit ("When Jane and
    Elizabeth were alone…", "said she" where Elizabeth replies)."""
    if len(people) == 2:
        return frozenset(people)
    if len(people) > 2:
        return None
    spoken_to = {x for t in turns for x in t.addressed}
    if not people and spoken_to and len(scene | spoken_to) == 2 and _addressed_in_turn(turns, spoken_to):
        return frozenset(scene | spoken_to)  # nobody tagged, but the replies address the two by turns
    if not people and len(spoken_to) == 2 and _addressed_in_turn(turns, spoken_to, BY_TURNS):
        return frozenset(spoken_to)  # …so often that whoever else the narration names is not talking
    if len(people) == 1 and (x := _addressed_by_one(turns, next(iter(people)))):
        return frozenset({*people, x})  # the one person the tagged speaker's turns keep addressing
    if len(people) == 1 and (x := _pronoun_partner(turns, next(iter(people)), genders)):
        return frozenset({*people, x})
    if len(people) == 1:
        [a] = people
        k0 = next(k for k, t in enumerate(turns) if t.anchor == a)
        spoken_to = {x for k, t in enumerate(turns) if k % 2 == k0 % 2 for x in t.addressed} - {a}
        theirs = {x for k, t in enumerate(turns) if k % 2 != k0 % 2 for x in t.addressed}
        if len(spoken_to) == 1 and not theirs - {a}:
            return frozenset({a, *spoken_to})  # whom the tagged speaker talks to, before whoever the scene names
    if len(scene) == 2 and people <= scene and not any(t.stranger for t in turns) and not _outsider(turns, scene):
        return scene  # unless a tag names someone else there ("said our visitor")
    if len(people) == 1:
        [a] = people
        k0 = next(k for k, t in enumerate(turns) if t.anchor == a)
        spoken_to = {x for k, t in enumerate(turns) if k % 2 == k0 % 2 for x in t.addressed} - {a}
        theirs = {t.gender for k, t in enumerate(turns) if k % 2 != k0 % 2 and t.gender}
        # "he said" is never the one who says "I": the narrator is no partner a pronoun tag fits
        fit = [x for x in scene - {a, narrator} if len(theirs) == 1 and genders.get(x) in theirs]
        # Someone of the scene whose gender is unsure, though most pronouns after their name give the same
        # gender, may be the one the pronoun stands for as well.
        unknown = [x for x in scene - {a, narrator} if genders.get(x) is None and leanings.get(x) in theirs]
        if len(fit) == 1 and not spoken_to and not unknown:
            return frozenset({a, fit[0]})
    return _talked_of(turns, people, scene, genders)


def _talked_of(turns: list[Turn], people: set[str], scene: frozenset[str], genders: dict[str, str | None]
               ) -> frozenset[str] | None:
    """Beside the one tagged speaker, the one person of the scene left when those both sides talk of are taken
    out ("You have given Miss Smith all that she required" / "…but Harriet only wanted drawing out", Miss Smith
    being Harriet): whom two people talk of in the third person is not the one they talk to. Nobody where a
    reply calls someone else, a stranger's tag is about, or a pronoun on the partner's side is not theirs."""
    if len(people) != 1 or any(t.stranger for t in turns):
        return None
    [a] = people
    k0 = next(k for k, t in enumerate(turns) if t.anchor == a) % 2
    sides = [{x for k, t in enumerate(turns) if k % 2 == side for x in t.spoken_of} for side in (0, 1)]
    rest = scene - {a} - sides[0] - sides[1]
    if len(rest) != 1 or len(scene - {a}) < 2:
        return None
    [x] = rest
    called = {y for t in turns for y in t.addressed}
    theirs = {t.gender for k, t in enumerate(turns) if k % 2 != k0 and t.gender and not t.anchor}
    if called - {a, x} or (theirs and theirs != {genders.get(x)}):
        return None
    return frozenset({a, x})


def _outsider(turns: list[Turn], scene: frozenset[str]) -> bool:
    """Whether the replies of one parity call both one of the scene's two and someone else by name ("Now, tell
    me, Dr. Mortimer" and "This is a colleague, Watson, after our own heart" where the scene names Holmes and
    the narrator, Watson): the one speaking there talks to two people, and which of them answers nobody knows."""
    for side in (0, 1):
        called = {x for k, t in enumerate(turns) if k % 2 == side and not t.anchor for x in t.addressed}
        if called & scene and called - scene:
            return True
    return False


def _pronoun_partner(turns: list[Turn], a: str, genders: dict[str, str | None]) -> str | None:
    """The one person the pronoun tags of the other side from ``a``'s may all stand for ("This flattered Wendy
    immensely. '…,' she said" where Peter is tagged by name), where nothing on that side says otherwise: a call
    to them, a pronoun of the other gender, a stranger's tag."""
    k0 = next(k for k, t in enumerate(turns) if t.anchor == a) % 2
    theirs = [t for k, t in enumerate(turns) if k % 2 != k0]
    fits = [t.may_be - {a} for t in theirs if t.may_be and t.gender]
    common = frozenset.intersection(*fits) if fits else frozenset()
    if len(common) != 1:
        return None
    [x] = common
    if any(x in t.addressed or t.stranger or (t.gender and genders.get(x) and t.gender != genders[x])
           for t in theirs):
        return None
    return x


def _addressed_by_one(turns: list[Turn], a: str) -> str | None:
    """The one person ``a``'s turns address, more than once, where the turns of the other parity address
    nobody but ``a``."""
    k0 = next(k for k, t in enumerate(turns) if t.anchor == a) % 2
    mine = [x for k, t in enumerate(turns) if k % 2 == k0 for x in t.addressed if x != a]
    theirs = {x for k, t in enumerate(turns) if k % 2 != k0 for x in t.addressed}
    # The other parity is that person's: where it calls someone besides ``a``, they are not the two talking.
    return mine[0] if len(mine) >= 2 and len(set(mine)) == 1 and not theirs - {a} else None


def _addressed_in_turn(turns: list[Turn], pair: set[str], least: int = 2) -> bool:
    """Whether the replies address the people of ``pair`` at least twice, each always on one parity and no two
    on the same (the reply to "Harriet" is Emma's; the one to "Miss Woodhouse" a turn on or off is Harriet's)."""
    sides: dict[str, set[int]] = {x: set() for x in pair}
    n = 0
    for k, t in enumerate(turns):
        for x in t.addressed:
            sides[x].add(k % 2)
            n += 1
    return n >= least and all(len(v) == 1 for v in sides.values()) and len(set().union(*sides.values())) == len(pair)


def _parity(anchors: dict[int, tuple[str, Clue]], pair: frozenset[str]) -> tuple[str, str] | None:
    """(even turns' speaker, odd turns' speaker), when every anchor agrees with strict alternation."""
    sides: dict[int, set[str]] = {0: set(), 1: set()}
    for k, (who, _) in anchors.items():
        sides[k % 2].add(who)
    if not anchors or any(len(v) > 1 for v in sides.values()) or sides[0] & sides[1]:
        return None
    a, b = sorted(pair)
    even = next(iter(sides[0])) if sides[0] else (b if a in sides[1] else a)
    return even, next(iter(pair - {even}))


def _consistent(turns: list[Turn], parity: tuple[str, str], genders: dict[str, str | None], span: range,
                narrator: str | None = None) -> bool:
    """No untagged turn of ``span`` addresses the person of its turn, and no pronoun tag is the other gender's
    (a tagged turn may address its own speaker: "Oh, you foolish Alice!" she answered herself), or stands on
    the narrator's turns ("he said" is never the one who says "I")."""
    for k in span:
        t, who = turns[k], parity[k % 2]
        if t.gender and not t.anchor and who == narrator:
            return False
        if (who in t.addressed and not t.anchor) or (t.gender and genders.get(who) and genders[who] != t.gender):
            return False
    return True


def local_chain(turns: list[Turn], genders: dict[str, str | None]) -> dict[int, Fill]:
    """Where no pair is sure: the speaker of two turns back when the two turns before are two people's, read
    forwards and backwards; the two readings must agree, and the reply may not address or mis-gender them."""
    anchors = [t.anchor for t in turns]
    ahead, back = _chain(anchors), _chain(anchors[::-1])[::-1]
    out: dict[int, Fill] = {}
    for k, t in enumerate(turns):
        guesses = {g[0] for g in (ahead[k], back[k]) if g}
        if not t.open or t.anchor or len(guesses) != 1:
            continue
        who = guesses.pop()
        if who in t.addressed or (t.gender and genders.get(who) and genders[who] != t.gender):
            continue
        if _calls_another(turns, k, (who,)):
            if x := _answer_of(turns, k, (who,), genders):
                out[k] = Fill(x, 1, False, Clue.VOCATIVE, paired=False)
            continue
        steps = min(g[1] for g in (ahead[k], back[k]) if g)
        out[k] = Fill(who, steps, bool(ahead[k] and back[k]), Clue.ALTERNATION, paired=False)
    return out


def _calls_another(turns: list[Turn], k: int, pair: tuple[str, ...]) -> bool:
    """Whether the turn before ``k`` calls someone outside ``pair`` ("What do you think, Jeeves?" between two
    others): the one called may answer as likely as the turn-taking's speaker, so turn ``k`` is nobody's by it."""
    return k > 0 and bool(turns[k - 1].called - set(pair))


def _answer_of(turns: list[Turn], k: int, pair: tuple[str, ...], genders: dict[str, str | None]) -> str | None:
    """The one voice outside ``pair`` whom the turn before ``k`` ends by asking by name: the one asked answers
    ("What do you think, Jeeves?" / "I doubt it, sir."), where turn ``k``'s tag and words allow them."""
    t, asked = turns[k], turns[k - 1].asked - set(pair)
    if len(asked) != 1:
        return None
    [x] = asked
    if x in t.addressed or (t.may_be and x not in t.may_be) or (t.gender and genders.get(x) not in (None, t.gender)):
        return None
    return x


def _chain(anchors: list[str | None]) -> list[tuple[str, int] | None]:
    """For each position, (speaker, steps from a tag) by turn-taking from the two positions before it."""
    known: list[tuple[str, int] | None] = [(a, 0) if a else None for a in anchors]
    out: list[tuple[str, int] | None] = [None] * len(anchors)
    for k in range(2, len(anchors)):
        if known[k] is None and known[k - 1] and known[k - 2] and known[k - 1][0] != known[k - 2][0]:
            out[k] = known[k] = (known[k - 2][0], max(known[k - 1][1], known[k - 2][1]) + 1)
    return out
