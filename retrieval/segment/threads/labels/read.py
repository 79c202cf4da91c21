"""Reading a page turn by turn under its accepted label shapes: lines under a label are its speaker's until the
next label; cues, quoted lines, chat system lines, a message's header block and headings are nobody's words."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ....records import Clue, LayoutHints
from ...attribution.evidence import Decision
from ...page import Line, Page
from ...roster import read_roster
from ...turns import Turn, names_in
from .induce import Hit, Tally, accepted_shapes, dated_header, key, relabelled
from .names import (
    Named,
    chat_name,
    field_names,
    first_named,
    is_formal,
    listed_names,
    qa_speaker,
    speech_names,
    spelled_names,
)
from .quotes import Quoting, has_words
from .roles import interview_roles, is_interview, unlabelled_answers
from .shapes import (
    ATTRIBUTION_RE,
    BREAK_RE,
    COLON,
    CUE_CLOSE_RE,
    CUE_OPEN_RE,
    CUE_RE,
    DATED,
    FROM,
    MAIL_HEADER_RE,
    MARKUP_LINE_RE,
    QA,
    QUOTED_RE,
    READING_RE,
    SYSTEM_RE,
    Family,
    unstamped,
)
from .ties import TIE_WEIGHT, attendance, renames, tie_key

NO_HINTS = LayoutHints()
ONCE_WEIGHT = 0.92  # a label seen once, in a shape the document repeats: likely a speaker, less sure
CUE_MAX_LINES = 12  # how far a direction's closing mark is looked for
RIDER_MIN = 3  # a short line under labels alone on their lines, the same this often in that place…
RIDER_SHARE = 0.8  # …where such lines stand under nearly every label…
RIDER_WORDS = 4  # …and are this short, is the labels' own furniture (a meter's reading), nobody's words
ANSWER_WEIGHT = 0.95  # an answer read from its place under a question, not from a label of its own
READER_WEIGHT = 0.95  # a reading named by the line that introduces it, not by a label of its own
# An officer who reads a text into the record (``The assistant legislative clerk read as follows:``, ``The Clerk
# read the following:``): the reading is the officer's turn; a text that reads (``The bill reads:``) is no reader.
READER_RE = re.compile(r"^The\s+(?P<who>(?:[A-Za-z]+\s+){0,3}(?:clerk|secretary|reader|chairman|chairwoman|chair))"
                       r"\s+(?:read|reads|will\s+read)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    """The document read under its own label shapes."""

    family: Family
    shapes: tuple[Tally, ...]
    turns: tuple[Turn, ...]
    skip: tuple[int, ...]  # nobody's lines inside turns: cues, attributions, empty quoted lines, header blocks
    others: tuple[int, ...] = ()  # quoted lines whose writer the document does not name: kept, unnamed


def read_labels(page: Page, hints: LayoutHints = NO_HINTS) -> Reading | None:
    """The page's turns under its induced label shapes, or None when it has none (memoised per page version)."""
    memo = ("labels", page.version, hints.speaker_pattern, hints.kind)
    if memo not in page.memo:
        page.memo[memo] = _read(page, hints)
    return page.memo[memo]


def _furniture(page: Page, ln, text: str, attribution: bool, shapes: list[Tally]) -> bool:
    """An attribution line of quoted mail ("On … X wrote:"), a digest's header line (those around each From), a
    line of nothing but markup (``</details>`` closing a pasted log): nobody's words."""
    mail = MAIL_HEADER_RE.match(text) is not None and any(t.shape is FROM for t in shapes)
    return attribution or ATTRIBUTION_RE.match(text) is not None or mail \
        or MARKUP_LINE_RE.match(ln.text) is not None


def _read(page: Page, hints: LayoutHints) -> Reading | None:
    if not (shapes := accepted_shapes(page, hints)):
        return None
    family, hits = shapes[0].shape.family, {h.line: h for t in shapes for h in t.hits}
    seen = {line: n for t in shapes for line, n in t.seen().items()}
    short = {h.line for t in shapes if t.short for h in t.hits}
    names = _names(page, shapes, family)
    first = _first(hits, seen)
    turns: list[Turn] = []
    skip: list[int] = []  # nobody's lines; and quoted lines whose writer is not named, kept (``others``)
    others: list[int] = []
    in_cue = in_header = asked = reading = False  # in a cue; in a mail's header; an answer, a reading comes next
    quoted: set[int] = set()  # lines read as quoted, for a quotation's wrapped tail
    quoting = Quoting()  # who wrote each quoted depth of a message, read from its attribution lines
    stamped, export, answers = _log_stamped(page, hits), _export_stamped(page, hits), _answers(page, shapes)
    riders = _riders(page, [h for h in hits.values() if h.start is None]) | _dated(page, hits)
    foreign = relabelled(page, shapes)  # another speaker's label pasted into a turn: their words quoted
    for ln in page.content(first):
        h = hits.get(ln.index)
        text = unstamped(ln.text)[1]
        introduced, reading = reading, family is Family.SPEECH and READING_RE.search(ln.text) is not None and ln
        in_header = in_header and not page.lines[ln.index - 1].blank
        if in_header or ln.index in riders or _furniture(page, ln, text, h is None and quoting.attribution(page, ln),
                                                          shapes):
            skip.append(ln.index)
            continue
        in_cue = in_cue and h is None  # a label ends a direction left open: ``[inaudible`` hid every turn after it
        if in_cue or (h is None and family is Family.SPEECH and CUE_OPEN_RE.match(text) and _direction(page, ln)):
            skip.append(ln.index)
            in_cue = not CUE_CLOSE_RE.search(text)
            continue
        in_header = h is not None and h.shape is FROM
        if h is not None and not h.system:
            turns.append(_label_turn(page, h, names[h.label], seen[h.line], h.line in short, skip, export))
            quoting.reset(turns[-1])  # a new speaker's turn: no attribution of another's holds across it
            asked = answers is not None
        elif h is not None or (family is Family.CHAT and SYSTEM_RE.match(text)) or (stamped and text != ln.text):
            turns.append(Turn(ln.index, None, keep=False))  # a system line: a stamped line without a label too
        elif BREAK_RE.match(ln.text):  # a heading or a rule: it ends the turn; what follows it is nobody's named
            turns.append(Turn(ln.index, None))
            quoting.reset()
        elif introduced:  # after ``… read as follows:``: what is read is not the speaker's own words
            turns.append(_reader(introduced, ln))
        elif ln.index in foreign:
            others.append(ln.index)
        elif QUOTED_RE.match(ln.text) or _quote_tail(page, ln, quoted):
            quoted.add(ln.index)
            keep, opened = quoting.quoted(ln, tail=not QUOTED_RE.match(ln.text))
            if not keep:  # a quotation nobody is named for is still someone's words: kept, unnamed
                (others if has_words(ln.text) else skip).append(ln.index)
            turns += [opened] if opened is not None else []
        elif CUE_RE.match(text):
            skip.append(ln.index)
        elif asked and page.lines[ln.index - 1].blank:  # the question's paragraph has ended: the answer starts
            turns.append(replace(answers, line=ln.index, start=ln.start))
            asked = False
        elif (resumed := quoting.resume(ln)) is not None:
            turns.append(resumed)
    return Reading(family, tuple(shapes), tuple(turns), tuple(skip), tuple(others))


def _reader(intro: Line, ln: Line) -> Turn:
    """A reading's turn: the officer the introducing line names as reading it (``The assistant legislative clerk
    read as follows:``), else nobody named (``The amendment is as follows:``, ``…testified the following:``)."""
    m = READER_RE.match(intro.text)
    if m is None:
        return Turn(ln.index, None, ln.start)
    d = Decision.of(m["who"], Clue.TURN_LABEL, f"the record says who reads: {intro.text!r}", READER_WEIGHT)
    return Turn(ln.index, d.speaker, ln.start, confidence=d.confidence, evidence=d.evidence)


def _first(hits: dict[int, Hit], seen: dict[int, int]) -> int:
    """Where the turns start: front matter (``title: …`` fields) stays above the first label that recurs, when one
    does."""
    return min((line for line, h in hits.items() if seen[line] > 1 or not h.shape.recurs), default=min(hits))


def _dated(page: Page, hits: dict[int, Hit]) -> set[int]:
    """A comment's permalink date over its commenter's name: the header's, nobody's words."""
    return {d for h in hits.values() if h.shape is DATED and (d := dated_header(page, page.lines[h.line])) is not None}


def _log_stamped(page: Page, hits: dict[int, Hit]) -> bool:
    """A log's lines, where a stamped line without a label is the server's: most labels stamped, their words on
    their line. Where the labels stand alone with the words below (``0:00 Ann  00:10`` over ``0:00 Hello``), every
    line carries the export's stamp, the words' too."""
    return 2 * sum(unstamped(page.lines[line].text)[0] > 0 for line in hits) > len(hits) and \
        any(h.start is not None for h in hits.values())


def _label_turn(page: Page, h: Hit, named: Named, seen: int, short: bool, skip: list[int], export: bool) -> Turn:
    """A label's turn. A label seen once in a shape that is often a heading names nobody; words after it are still
    words. In an export that stamps every line, the turn starts after its words' stamp, and the label's line is
    skipped."""
    turn = Turn(h.line, None, h.start) if seen == 1 and h.shape.once_is_heading and not short else \
        _turn(h, named, seen)
    if export and (words := _stamped_words(page, h)) is not None:
        skip.append(h.line)
        turn = replace(turn, line=words[0], start=words[1])
    return turn


def _export_stamped(page: Page, hits: dict[int, Hit]) -> bool:
    """An export that stamps every line (``0:00 Hello…``): the words under most labels alone open with a stamp.
    Under one label only, "10:30 is when we start" is a speech that starts with a time."""
    below = [w for h in hits.values() if (w := _first_words(page, h)) is not None]
    return 2 * sum(unstamped(w.text)[0] > 0 for w in below) > len(below)


def _stamped_words(page: Page, h: Hit) -> tuple[int, int] | None:
    """Under a label alone on its line, the first line of words when it opens with a time stamp: that line, and
    where its words start after the stamp, which is nobody's."""
    first = _first_words(page, h)
    skip = unstamped(first.text)[0] if first is not None else 0
    return (first.index, first.start + skip) if skip and skip < len(first.text) else None


def _first_words(page: Page, h: Hit) -> Line | None:
    """The first line under a label alone (a blank line between at most), or None."""
    if h.start is not None:
        return None
    return next((x for x in page.lines[h.line + 1:h.line + 3] if not x.blank), None)


def _riders(page: Page, below: list[Hit]) -> set[int]:
    """Lines a transcription service writes under every label, numbers aside (``No Signal (0.531)``, ``Speaker
    confidence 87%``): short, alike, under nearly every label. A speaker's words are never that regular."""
    firsts = {h.line: next((x for x in page.lines[h.line + 1:h.line + 3] if not x.blank), None) for h in below}
    short = [x for x in firsts.values() if x is not None and len(x.text.split()) <= RIDER_WORDS]
    shapes = Counter(_rider_shape(x.text) for x in short)
    common = {k for k, n in shapes.items() if n >= RIDER_MIN}
    if sum(shapes[k] for k in common) < RIDER_SHARE * len(below):
        return set()  # a reply that recurs ("Yes.") under some labels is the speaker's
    return {x.index for x in short if _rider_shape(x.text) in common}


def _rider_shape(text: str) -> str:
    return re.sub(r"\d+(?:[.,]\d+)?", "#", " ".join(text.split()))


def _direction(page: Page, ln: Line) -> bool:
    """Whether a bracket left open at a line's start is a direction over several lines: its closing mark ends a
    line, or the next label ends it (``[inaudible``). Closed inside a line with words after it (``Doe swarme vpon
    him) from the Westerne Isles``), it is a parenthesis in someone's speech, and its lines are their words."""
    close = "]" if unstamped(ln.text)[1].startswith("[") else ")"
    for nxt in page.lines[ln.index + 1:ln.index + 1 + CUE_MAX_LINES]:
        if close in nxt.text:
            return bool(CUE_CLOSE_RE.search(nxt.text)) and nxt.text.index(close) >= len(nxt.text) - 2
    return True


def _answers(page: Page, shapes: list[Tally]) -> Turn | None:
    """The answerer's turn, for an interview that labels only its questions and names the person interviewed."""
    keys = {key(h.label) for t in shapes for h in t.hits}
    if not unlabelled_answers(keys):
        return None
    who = interview_roles(page, min(h.line for t in shapes for h in t.hits)).answerer
    if not who.speaker:
        return None
    d = Decision.of(who.speaker, Clue.TURN_LABEL, f"the unlabelled answer under a question; {who.how}", ANSWER_WEIGHT)
    return Turn(0, d.speaker, confidence=d.confidence, evidence=d.evidence)


def _quote_tail(page: Page, ln: Line, quoted: set[int]) -> bool:
    """A line right under a quoted one, no blank line between, is the quotation's wrapped tail (as Markdown reads
    a blockquote's lazy continuation, and as mail clients wrap): the quoted person's words, not the quoter's."""
    return ln.index - 1 in quoted


def _names(page: Page, shapes: list[Tally], family: Family) -> dict[str, Named]:
    labels = list(dict.fromkeys(h.label for t in shapes for h in sorted(t.hits, key=lambda h: h.line)))
    if family is Family.CHAT:
        return _tied(page, shapes, {label: chat_name(label) for label in labels})
    # A label alone on its line is no running text: ``From  JHM  to  Everyone:`` is no full name "From JHM".
    alone = {h.line for t in shapes for h in t.hits if h.start is None}
    content = [ln for ln in page.content() if ln.index not in alone]
    phrases = [*page.fields.values(), *field_names(page.fields), *names_in(content), *first_named(page.text, labels)]
    listed = listed_names(read_roster(page).entries)
    spelled = spelled_names(page.text, phrases, [ln.text for ln in content]) + listed
    names = speech_names(labels, spelled, listed)
    names = _tied(page, shapes, names)
    keys = {key(label) for label in labels}
    if is_interview(keys):  # only Q and A, or Interviewer and Respondent: the document ties each role to a person
        roles = interview_roles(page, min(h.line for t in shapes for h in t.hits))
        return {label: roles.of(key(label)) or names[label] for label in labels}
    for letter in ("Q", "A"):  # Q and A beside named speakers (a briefing's floor): the header's people, else nobody
        if any(t.shape is QA for t in shapes) and letter in names:
            who = qa_speaker(letter, page.fields)
            names[letter] = Named(who, 1.0, f"the header names the {letter} speaker") if who else Named("")
    return names


def _tied(page: Page, shapes: list[Tally], names: dict[str, Named]) -> dict[str, Named]:
    """Labels the document ties to another name (ties.py): a one-word label not yet tied to a full name becomes
    the person its list of those present, or a chat's rename line, says it is."""
    lines = [ln.text for ln in page.lines]
    present = attendance(lines)
    turns = Counter(names[h.label].speaker for t in shapes for h in t.hits)
    renamed = renames((t for ln in lines if SYSTEM_RE.match(t := unstamped(ln)[1])), turns)
    out = dict(names)
    for label, named in names.items():
        if named.how or not named.speaker or len(named.speaker.split()) != 1:
            continue
        tie = present.get(tie_key(named.speaker)) or renamed.get(named.speaker)
        if tie is not None:
            out[label] = Named(tie.name, TIE_WEIGHT, tie.how)
    return out


def _turn(h: Hit, named: Named, seen: int) -> Turn:
    # A bare ``Name:`` seen once names someone only when written formally or tied to a full name: once,
    # ``Brainstorming:`` or ``HTTP Workshop:`` is a note's heading as often as a speaker.
    once = seen == 1 and h.shape is COLON and not (is_formal(h.label) or named.how)
    if not named.speaker or h.nameless or once:
        return Turn(h.line, None, h.start)
    weight = named.weight * (1.0 if seen > 1 else ONCE_WEIGHT)
    detail = f"{h.label!r} labels {seen} turn{'s' * (seen > 1)} in this document's {h.shape.name} shape"
    if h.relayed:
        detail += ", relayed in another's line"
    if named.how:
        detail += f"; {named.how}"
    d = Decision.of(named.speaker, Clue.TURN_LABEL, detail, weight)
    return Turn(h.line, d.speaker, h.start, confidence=d.confidence, evidence=d.evidence)
