"""The shapes a speaker label may take at the head of a line, each a pattern with the label (``name``, or the
``alt``/``bare`` alternatives) and, when the words follow on the same line, where they start (``rest``).

A shape is only a candidate: ``induce`` accepts it for a document when a small set of its labels recurs down the
page. Lines that are nobody's words in any labelled document (cues, system lines of a chat, headings) are
recognised here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from ....timed_pattern import TimedPattern
from ...speech import CAPITALS, PARTICLE


class Family(StrEnum):
    """Which conversation layout reads a shape: a chat log (one message a line) or a spoken record."""

    CHAT = "chat"
    SPEECH = "speech"


@dataclass(frozen=True)
class Shape:
    name: str
    pattern: re.Pattern[str] | TimedPattern
    family: Family
    below: bool = False  # the label stands alone; the words are on the lines below it
    once_is_heading: bool = False  # a label of this shape seen once is a heading or a direction, not a speaker
    voices: int = 2  # labels that must recur for the shape to be the document's own
    recurs: bool = True  # False: the label's own structure is the evidence (a mail header block), not recurrence
    stamped: bool = True  # a time stamp may stand before the label (not in the manifest's own pattern)
    timed: bool = False  # a time stamp must stand before the label: without one, the line is a table's row
    proper: bool = False  # its labels look like sentence starts (``Lane.  I didn't…``): each must be a proper noun
    anywhere: bool = False  # a log pasted into a page: its lines need not run down the page nor close it


# A time stamp before the label: [22:01:22], 23:05:28, 2024-03-14T10:00:00Z, [1/2/2024 9:15 AM]; nobody's words.
_DAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?"
_WORDED_DATE = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})"  # Jan 5 2023
STAMP_RE = re.compile(
    rf"^[\[(]?\s*(?:{_DAY}(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|{_WORDED_DATE}),?[T ]?\s*)?"
    r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?\s*[\])]?\s+(?:[-–—|]\s+)?")
_UP = rf"[{CAPITALS}]"
_WORD = r"[^\W\d_][\w'’.\-]*"
_HONORIFIC = r"(?:(?:MR|MRS|MS|DR|ST|MME|MLLE|Mr|Mrs|Ms|Dr|St)\.?\s+)"
# A person's label: a handle or a name of up to five words, later words capitalised (``Dan said`` is no label).
_NAME = rf"@?{_WORD}(?:\s+(?:{_UP}[\w'’.\-]*|{PARTICLE})){{0,4}}"
_CAPS_NAME = rf"{_HONORIFIC}?[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’.\-]*){{0,3}}"
_TITLE = r"(?:,\s+[A-Z][A-Z0-9 .'’&\-]{1,40})"  # JAKE TAPPER, CNN MODERATOR
_SPAN_STAMP = r"(?:\s*[\(\[]\s*\d{1,2}(?::\d{2}){1,2}\s*[\)\]])"  # Name (00:14:03):
_EXTENSION = r"(?:\s*[\(\[][^\)\]\n]{1,40}[\)\]])"  # NAME (V.O.), Name [laughing]

ANGLE = Shape("<nick>", re.compile(r"^<[@+%&~!]?\s?(?P<name>[^\s<>/][^\s<>]{0,31})>:?(?:\s+(?P<rest>\S.*))?$"),
              Family.CHAT)
# WeeChat's and some bridges' logs: the nick, a tab, the message (``2023-01-01 12:00:00\t@alice\thello``). Untimed,
# ``north<TAB>120 units`` is a tab-separated table, its first column no one's name.
TABBED = Shape("nick<TAB>", re.compile(r"^(?P<name>[@+%&~]?[^\s<>*\-][^\s<>]{0,31})\t+(?P<rest>\S.*)$"), Family.CHAT,
               timed=True)
# A video call's saved chat: ``18:56:12 From Lucas Czech to Everyone : words`` (``From Ann : words`` in older
# versions, ``to Bob(Direct Message)`` for a private one). The wording and the stamp are the shape's evidence, not
# recurrence: a sender seen once is a sender; and the log may be pasted anywhere (each line is a whole message, so
# nothing after it becomes its sender's).
CALL_CHAT = Shape("From Name to Everyone :", re.compile(
    r"^From\s+(?P<name>\S[^:\n]{0,60}?)(?:\s+to\s+\S[^:\n]{0,60}?)?\s+:\s+(?P<rest>\S.*)$"), Family.CHAT,
    recurs=False, timed=True, anywhere=True)
# Its newer export: the header alone, often a list item (``- 07:58:13 From  Ann Lee  to  Everyone:``), the message
# indented on the next line.
CALL_CHAT_ALONE = Shape("From Name to Everyone:", re.compile(
    r"^(?:[-*•]\s+)?\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+From\s+(?P<name>\S[^:\n]{0,60}?)(?:\s+to\s+\S[^:\n]{0,60}?)?\s*:$"),
    Family.SPEECH, below=True, recurs=False, stamped=False, anywhere=True)
ACTION = Shape("* nick", re.compile(r"^\*\s+(?P<name>[^\s*]{1,32})\s+(?P<rest>\S.*)$"), Family.CHAT, voices=1)
BOLD = Shape("**Name**:", re.compile(
    r"^(?:[*\-•+]\s+)?(?:\*\*|__)(?P<name>[^*_\n]{1,60}?)\s*:?(?:\*\*|__)\s*:?\s+(?P<rest>\S.*)$"), Family.SPEECH)
# Chinese and Japanese write the full-width colon, with no space after it (``张伟：你好``).
COLON = Shape("Name:", re.compile(
    rf"^(?P<name>(?:{_CAPS_NAME}{_EXTENSION}?{_TITLE})|{_NAME}{_EXTENSION}?){_SPAN_STAMP}?\s?(?::\s+|：\s*)"
    r"(?P<rest>\S.*)$"), Family.SPEECH)
# ``NAME. words``, ``NAME — words``, ``NAME [aside] words``: the direction is nobody's, the words start after it.
# An official record writes the office with its article, the name in capitals (``The PRESIDING OFFICER.``,
# ``The SPEAKER pro tempore.``).
_OFFICE = r"(?:The\s+[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-]*){0,3}(?:\s+pro\s+tempore)?)"
# A member who shares a surname is named with the place (``Mr. MILLER of Florida.``, ``Mr. SMITH of New Jersey.``).
_OF_PLACE = r"(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
# (After a bracket with no stop or dash, the words open with a capital: "KIK (Virginia) operated a facility" is a
# company's sentence, no label.)
CAPS_DOT = Shape("NAME.", re.compile(
    rf"^(?P<name>{_CAPS_NAME}{_OF_PLACE}?|{_OFFICE})(?:{_EXTENSION}(?:\.|\s[—–]|(?=\s+[^\sa-z]))|\.|\s[—–])\s+"
    r"(?P<rest>\S.*)$"), Family.SPEECH)
# The official record's own typography: a title or an office in ordinary case before a name in capitals (``Mr.
# WARNER.``, ``The PRESIDING OFFICER.``). Labels all so written are a record's, however long its speeches run.
RECORD_LABEL_RE = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|The)\.?\s+[A-Z][A-Z'’\-]+\b")
# A digest's or archive's message header: ``From: Ann Lee <ann@example.org>`` among Date/To/Subject lines.
FROM = Shape("From: Name <address>", re.compile(
    r"^From:\s+(?:\"?(?P<name>[^<>\"@\n]{1,60}?)\"?\s+<[^<>\s]+@[^<>\s]+>|[^\s@]+@\S+\s+\((?P<bare>[^()]{1,60})\))\s*$"),
    Family.SPEECH, below=True, recurs=False)
MAIL_HEADER_RE = re.compile(r"^(?:Date|To|Cc|Subject|Sent|Message-ID|Reply-To|In-Reply-To):|^Message:\s*\d+$",
                            re.IGNORECASE)
# The line that introduces a quotation in a message (``On Fri, Oct 20, 2023, Ann wrote:``): nobody's words.
ATTRIBUTION_RE = re.compile(r"^(?:On\s.{4,200}\swrote:|.{2,80}\s(?:wrote|schrieb|a écrit)\s?:)$")
# Several people at once (``alex, wseltzer: we will too``, ``mnot/wseltzer: …``): a boundary, no one name.
JOINT = Shape("Name, Name:", re.compile(
    rf"^(?P<name>{_NAME}(?:\s*(?:/|,|&|\band\b)\s*{_NAME})+)\s?:\s+(?P<rest>\S.*)$"), Family.SPEECH)
# Title case before a full stop is also how sentences start ("Yes.  I…"): read only when the labels are names.
NAME_DOT = Shape("Name.", re.compile(
    rf"^(?P<name>{_UP}[\w'’\-]+(?:\s+{_UP}[\w'’\-]+){{0,2}})(?:{_EXTENSION}\.?|\.)\s+(?P<rest>\S.*)$"),
    Family.SPEECH, once_is_heading=True, proper=True)
# Old plays number their unnamed speakers (``1. When shall we three meet againe?``): a boundary, no name.
NUMBERED = Shape("1.", re.compile(r"^(?P<name>\d{1,2})\.\s+(?P<rest>\S.*)$"), Family.SPEECH, voices=1)
CAPS_ALONE = Shape("NAME", re.compile(rf"^(?P<name>{_CAPS_NAME}){_EXTENSION}?\s*[.:]?$"), Family.SPEECH,
                   below=True, once_is_heading=True)
BOLD_ALONE = Shape("**NAME**", re.compile(r"^(?:\*\*|__)(?P<name>[^*_\n]{1,60}?)\s*:?(?:\*\*|__):?\s*$"), Family.SPEECH,
                   below=True, once_is_heading=True)
# A transcription service's label with the time it starts (and ends), alone on its line, the words below: Otter's
# ``Speaker 1  0:03``, ``Sean Hannity 00:00:05-00:00:14 (9 sec)``, ``Jane Doe [00:01:02]``.
_CLOCK = r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?[\])]?"
# Edited into Markdown, the name is often bold (``**Emma**  0:24``); re-published, every line of the export may carry
# the same time before it (``0:00 Michael Kennedy  00:00``), read as any stamp before a label.
STAMPED_ALONE = Shape("Name 0:00", re.compile(
    rf"^(?:\*\*|__)?(?P<name>{_NAME}(?:\s+\d{{1,2}})?)(?:\*\*|__)?\s+{_CLOCK}(?:\s*[-–]\s*{_CLOCK})?"
    r"(?:\s*\([^()\n]{1,20}\))?\s*:?$"),
    Family.SPEECH, below=True, stamped=True)
NAME_ALONE = Shape("Name:", re.compile(rf"^(?P<name>{_UP}[\w'’.\-]*(?:\s+{_UP}[\w'’.\-]*){{0,3}}){_EXTENSION}?:$"),
                   Family.SPEECH, below=True, once_is_heading=True)
# A post's header: "[user](…) commented at …:", "**user** opened this issue", "@user replied".
HEADER = Shape("user commented", re.compile(
    r"^(?:#{1,6}\s*)?(?:<img[^>]*>\s*)?(?:\[(?P<name>[^\]\n]{1,40})\]\([^)\s]+\)|\*\*(?P<alt>[^*\n]{1,40})\*\*|"
    r"(?P<bare>@?[\w.\-]{2,40}))\s+(?:commented|opened|posted|answered|reviewed|replied)\b(?:.{0,160}[^.!?])?$"),
    Family.SPEECH, below=True)
# A blog comment's header as its page scrapes to Markdown: the permalink's date on one line, the commenter's name
# alone under it (``[July 15, 2009 at 6:04 am](…#comment-49452)`` over ``**rea**`` or ``**[SEK](…)**``). The date
# over the name is the evidence (``induce.dated_header``), not the name's recurrence: most commenters write once.
DATED = Shape("date over Name", re.compile(
    r"^(?:\*\*|__)?(?:\[(?P<name>[^\]\n]{1,40})\]\([^)\s]+\)|(?P<alt>[^*_\[\]\s.!?:•“”\"][^*_\[\]\n.!?:•]{0,39}))"
    r"(?:\*\*|__)?$"), Family.SPEECH, below=True, recurs=False)
QA = Shape("Q / A", re.compile(
    r"^(?:\*\*|__)?(?P<name>[QA])(?:(?:\*\*|__)?[.:](?:\*\*|__)?\s*|\s{2,}|\t\s*|(?<=Q)\s+(?=[A-Z\"“]))(?P<rest>\S.*)$"),
    Family.SPEECH, voices=1)

# A label with its time alone on a line is tried before the inline shapes: ``**Emma**  0:24`` is no bold label
# whose words are a clock.
SHAPES: tuple[Shape, ...] = (ANGLE, TABBED, CALL_CHAT, CALL_CHAT_ALONE, ACTION, HEADER, FROM, DATED, QA, STAMPED_ALONE,
                             BOLD, COLON, JOINT, CAPS_DOT, NAME_DOT, NUMBERED, CAPS_ALONE, BOLD_ALONE, NAME_ALONE)

# Chat lines that are the server's, not a person's: joins, quits, topic and mode changes.
SYSTEM_RE = re.compile(
    r"^(?:-->|<--|---|-!-|\*\*\*|<==|==>)\s|^\*\s+\S+\s+(?:has\s+(?:joined|quit|left)|is now known as|sets mode|"
    r"changes topic|has changed the topic|was kicked)\b|^\S+\s+(?:has\s+(?:joined|quit|left)\s|is now known as\s)")
# A whole line in brackets, parentheses or emphasis: a cue, a stage direction, nobody's words. Emphasis inside
# brackets or parentheses (``[_By which I mean: …_]``, ``(_[x-posted](…)._)``) is an editor's or a blogger's
# interpolation, however long, links and all: written in the speaker's voice at times, never the speaker's words.
# A record's page marker in double brackets (``[[Page S8537]]``, in the middle of a speech) is one too.
CUE_RE = re.compile(r"^(?:\[[^\]]{1,200}\]|\([^)]{1,200}\)|\*[^*]{1,160}\*|_[^_]{1,160}_|"
                    r"\[([_*])\S.{0,800}\1\]|\(([_*])\S.{0,800}\2\)|\[\[[^\[\]\n]{1,60}\]\])[.!]?$")
# A direction at the head of a speech (``Algernon.  [Takes one.]  Oh!``): the words start after it.
LEAD_CUE_RE = re.compile(r"^(?:\[[^\]]{1,200}\]|\([^)]{1,200}\))\s*")
# A direction inside a speech: a bracketed sentence (``[Reading.]``), or a bracketed cue in one case
# (``[laughs]``, ``[CROSSTALK]``); not a link's text (``[the draft](…)``) nor a reference (``[1]``, ``[Eagle][32]``),
# nor brackets just inside a quotation mark (``“[Not-white people get screwed.]”``): words quoted, not a cue.
INLINE_CUE_RE = re.compile(r"(?<![“\"‘])\[(?:[A-Z][^\]\n]{0,200}[.!?]|[a-z][a-z ]{1,30}|[A-Z][A-Z ]{1,30})\](?![\[(])")
# A direction opened on one line and closed on a later one.
CUE_OPEN_RE = re.compile(r"^(?:\[[^\]]*|\([^)]*)$")
CUE_CLOSE_RE = re.compile(r"[\])][.!]?$")
# A line of nothing but HTML tags or links without text (``</details>``, ``[](https://…/about-these-ads/)``); a
# ``<summary>Chat</summary>`` has words and is no such line.
MARKUP_LINE_RE = re.compile(r"^\s*(?:</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>\s*|\[\]\([^()\s]*\)\s*)+$")
# A line that introduces what is read or quoted next (``The assistant legislative clerk read as follows:``, ``The
# Chairman … testified before our committee the following:``): what follows is not the last speaker's own words.
READING_RE = re.compile(r"\b(?:as\s+follows|the\s+following)\s*:\s*$", re.IGNORECASE)
# A quoted line (``> …``): the quoted person's words, already in their own turn; never the quoter's.
QUOTED_RE = re.compile(r"^>")
# Where a turn ends with nobody's words after it: a heading, a rule (``---- Original Message ----`` too), an
# emphasised field (``*Topic*: …``).
# A screenplay's scene heading (``INT. KITCHEN - NIGHT``) and transition (``CUT TO:``, ``FADE OUT.``) too.
# A heading or a rule: where a section of a page ends (a post's comments start after ``### Comments``).
_SECTION = r"#{1,6}\s|[-=_*~]{3,}\s*$|(?:[-*_]\s+){2,}[-*_]\s*$"
SECTION_RE = re.compile(rf"^(?:{_SECTION})")
BREAK_RE = re.compile(rf"^(?:{_SECTION}|-{{2,}}\s*[\w ]{{3,40}}?\s*-{{2,}}$|"
                      r"\*{1,2}[^*\n]{1,30}\*{1,2}:?\s*:|(?:INT|EXT|I/E|INT\./EXT)[.\s]|"
                      r"[A-Z][A-Z ]{1,30}\b(?:TO:|IN\.|OUT\.)$|THE END\.?$)")
# Keys that head fields, not speeches (``Photo: Reuters``, ``Date: …``): never a speaker, however often seen.
_FIELD_WORDS = """
note notes photo photos image images picture source sources credit credits caption date time from to cc bcc subject
re fw fwd update updated edit edited tags tag topic topics agenda action actions resolution resolved summary present
regrets absent chair chairs scribe scribes minutes attendees location venue place title author authors by price cost
email e-mail phone tel fax mobile address website web url link links example examples warning warnings tip tips step
steps status type category categories version name description result results reason ps p.s nb translation
translated contact contacts see also related read more warning caution important disclaimer copyright license
published posted modified size color colour weight ingredients method serves yield prep cook total difficulty
duration length format language languages isbn publisher pages rating ratings score question answer questions
answers objective objectives goal goals outcome purpose references reference notice attention
added fixed changed removed deprecated security new improved breaking pros cons pro con input inputs output outputs
returns return args arguments parameters params raises yields usage problem problems solution solutions issue issues
fix cause symptom symptoms workaround before after yes no true false advantages disadvantages strengths weaknesses
why what how when where who verdict conclusion conclusions recommendation recommendations background context details
detail overview requirements prerequisites installation features feature benefits risks risk impact owner assignee
due priority severity expected actual environment platform todo done next previous subtotal tax discount quantity
qty amount balance account hint hints key keys value values definition meaning synonym synonyms pronunciation
etymology origin plural comment comments response reply
"""
# With a screenplay's transitions, and abbreviations that end with a full stop.
FIELD_KEYS = frozenset(_FIELD_WORDS.split()) | {
    "cut to", "fade in", "fade out", "fade to black", "dissolve to", "smash cut to", "match cut to", "intercut",
    "back to scene", "continued", "cont'd", "more", "the end", "end", "int", "ext", "mr", "mrs", "ms", "dr", "st",
    "no", "nos", "vol", "fig", "jr", "sr", "ch", "pp", "ed", "eds", "etc", "inc", "ltd", "co", "corp", "vs", "act",
    "scene", "chapter", "part", "book", "section", "article", "appendix", "table"}


# A transcription service's label for a voice it could not tell (``Unknown Speaker``, ``Unidentified Male``,
# ``Multiple Speakers``): a turn boundary, no one's name; it stands for different people in one document. A numbered
# voice (``Speaker 2``) is one voice throughout, and stays its label.
PLACEHOLDER_RE = re.compile(
    r"^(?:(?:unknown|unidentified|unnamed|unrecognized|unrecognised)(?:\s+(?:speaker|voice|male|female|man|woman|"
    r"person|participant|caller|member))?|(?:multiple|several|various|other)\s+(?:speakers|voices)|crosstalk|"
    r"inaudible|unintelligible)$", re.IGNORECASE)


def given(pattern: str) -> Shape:
    """The manifest's speaker pattern (groups ``name`` and, optionally, ``text``) as the document's one shape."""
    # Timed: a pattern that backtracks without end gives up on a line instead of stalling the build (ingest has
    # already refused one that stalls on the document's own lines).
    rx = TimedPattern(pattern.replace("(?P<text>", "(?P<rest>"))
    return Shape("manifest's pattern", rx, Family.SPEECH, voices=1, stamped=False)


def unstamped(text: str) -> tuple[int, str]:
    """The line without a leading time stamp, and how many characters the stamp took."""
    m = STAMP_RE.match(text)
    return (m.end(), text[m.end():]) if m else (0, text)


def label_of(m: re.Match[str]) -> str:
    return next(g for g in (m.groupdict().get(k) for k in ("name", "alt", "bare")) if g)
