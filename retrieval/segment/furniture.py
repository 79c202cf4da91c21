"""Lines that belong to the site, not to anyone's words: comment forms, share prompts, image lines.

Patterns are general shapes of web chrome, never line numbers of particular files. Users add their own
(regular expressions, matched against the stripped line, case-insensitive) through ``corpus.boilerplate``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from .code import drop_code
from .page import Page

DEFAULT_PATTERNS: tuple[str, ...] = (
    # comment forms (WordPress and the like)
    r"^leave a (reply|comment)\b",
    r"^(post|add|write) a comment\b",
    r"^fill in your details below",
    r"^you are commenting using\b",
    r"\blog out\s*/\s*change\b",
    r"^(google|twitter|facebook|wordpress(\.com)?|gravatar|tweet|profile|user|avatar)\s+(photo|picture|image)$",
    r"^connecting to %s$",
    r"^this site uses akismet\b",
    r"learn how your comment data is processed",
    r"^notify me of (new|follow-up)\b",
    r"^(cancel reply|reply|report|report comment|share|share this:?|like this:?|like|related|print|email)$",
    r"^((reply|share|report|flag|like|upvote|downvote|edit|permalink)\s*[•·|›»]?\s*){2,}$",
    r"^(facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|tumblr|telegram|pocket|mastodon|bluesky|threads|"
    r"copy link|more)$",
    r"^your email address will not be published\b",
    r"\brequired fields are marked\b",
    r"^comments are (now )?closed\.?$",
    r"^(\d+\s+)?(comments?|responses?|replies)(\s*\(\d+\))?:?$",
    r"^\d+\s+(thoughts|responses|comments|replies) (on|to)\b",
    r"^(you must be )?logged in to post a comment",
    # login boxes: a field or button alone on its line is the site's, never a byline or anyone's words
    r"^(user ?name|password|e-?mail address|log ?in|log ?out|sign ?in|sign ?out|remember me|"
    r"forgot (your )?password\??|(create|register) an account)$",
    # subscription, app and newsletter prompts
    r"^click here to (subscribe|sign up|download|read)\b",
    r"^(subscribe|sign up)( now)?( to| for| and)\b",
    r"\bto your home ?screen\b",
    r"^mobile users!",
    r"^(download|get) (our|the) app\b",
    r"^(follow|like) us on\b",
    r"^(read more|continue reading|see more|show more|load more)\b.{0,40}$",
    r"^(advertisement|sponsored( content)?|cookie (policy|settings))$",
    r"^we use cookies\b",
    # social-network chrome (the profile header itself is read by the masthead before it is dropped)
    r"^[\d.,]+\s*[km]?\s+followers?\b",
    r"^[\d.,]+\s*[km]?\s+(following|follow)\s*•",
    r"^(retweet(ed)?|quote tweet|show this thread|pinned tweet)$",
    # captions and picture credits
    r"\((pic|pics|photo|photos|picture|image|credit)s?\s*:[^)]*\)\s*$",
    r"\b(photo|pic|picture|image)\s*:\s*[^.!?]{1,60}$",
    # print-edition metadata
    r"^issue (no\.?|number)\s*\d+$",
    # rulers and heading underlines: never words
    r"^[=\-_*~#.·•]{3,}$",
    # a link alone on a line, attachment and reaction markers of chat exports
    r"^<?https?://\S+>?$",
    r"^\{(attachments|reactions|embed|embeds|stickers|components)\}$",
    r"^(\S{1,8}\s*\(\d+\)\s*)+$",
    r"^exported \d+ message",
    # forum chrome: breadcrumbs, who is online, pagination, votes, member blocks, navigation
    r"^[^.!?]{1,60}(\s[›‹»>]\s[^.!?]{1,60}){2,}$",
    r"^board index\b",
    r"^who is online\b",
    r"\busers browsing this (forum|thread|topic)\b",
    r"^display posts from previous\b",
    r"^page \d+ of \d+$",
    r"^[\d.,]+k?\s+(points?|upvotes?|downvotes?|votes?)$",
    r"^join(ed)? date:",
    r"^posts:\s*[\d,]+$",
    r"^(junior|senior|new|regular|registered|super|elite|veteran|banned)\s+member$",
    r"^((register|faq|calendar|members list|today's posts|new posts|search|log ?in|log ?out|help|home|forums?)"
    r"\s*){3,}$",
    # mail: list footers, disclaimers, phone sign-offs
    r"\bmailing list$",
    r"^to unsubscribe\b",
    r"/(listinfo|mailman)/",
    r"^you (are receiving|received) this (message|email|e-mail) because\b",
    r"^this (e-?mail|message)\b.{0,40}\b(is|are|may be) (confidential|intended (only )?for)\b",
    r"^sent from my (iphone|ipad|android|phone|mobile|blackberry)\b",
    # press releases: release lines, contact lines (a short line that is a phone number or an address)
    r"^for immediate release\b",
    r"^(media|press) (contact|enquiries|office)\b",
    r"^((tel|phone|mobile|mob|fax|e-?mail|[tme])\.?:?\s*)?(\+?\(?\d[\d ()]{7,}\d|[\w.+\-]+@[\w\-]+\.[\w.\-]+)$",
    # podcast outros
    r"^thanks for listening\b",
    r"\bwherever you get your podcasts\b",
)


# Project Gutenberg wraps every e-book in a header above its start marker and a licence below its end marker:
# the transcriber's and the Foundation's words, never the author's. Files of the 1990s put the "small print"
# licence at the top, its end marker ("*END*THE SMALL PRINT!") opening the text; their last line is "End of
# (this|the Project Gutenberg) Etext".
GUTENBERG_START = re.compile(r"^(?:\*{3}\s*start of (?:the|this) project gutenberg\b|\*+\s*end\*?\s*the small print)",
                             re.IGNORECASE)
GUTENBERG_END = re.compile(r"^(?:\*{3}\s*end of (?:the|this) project gutenberg\b"
                           r"|end of (?:the )?project gutenberg(?:'s)?\b.{0,200}$|end of this (?:e-?text|e-?book)\b)",
                           re.IGNORECASE)


# The volunteers' credit right under the start marker ("Produced by …", "Special thanks are due to … for extensive
# proofreading and correction of this etext."): theirs, not the author's.
CREDITS_RE = re.compile(r"\b(?:produced by|proof-?read\w*|e-?text|e-?book|transcrib\w+|digiti[sz]ed|scanned|"
                        r"prepared by|html version)\b", re.IGNORECASE)
CREDITS_MAX_LINES = 6


def drop_gutenberg(page: Page) -> None:
    """A Project Gutenberg e-book's header (up to its last start marker, with the credit under it) and licence
    (from its end marker on)."""
    end = next((ln.index for ln in page.lines if GUTENBERG_END.match(ln.text)), None)
    starts = [ln.index for ln in page.lines[:end] if GUTENBERG_START.match(ln.text)]
    start = starts[-1] if starts else None
    if start is None and end is None:
        return
    if start is not None:
        start = _credits_end(page, start, len(page.lines) if end is None else end)
    for ln in page.lines:
        if (start is not None and ln.index <= start) or (end is not None and ln.index >= end):
            page.drop(ln)


def _credits_end(page: Page, start: int, end: int) -> int:
    """The start marker's line, or the last line of the credit paragraph under it."""
    block = []
    for ln in page.lines[start + 1:end]:
        if ln.blank and block:
            break
        if not ln.blank:
            block.append(ln)
    short = block and len(block) <= CREDITS_MAX_LINES
    return block[-1].index if short and CREDITS_RE.search(" ".join(ln.text for ln in block)) else start


# Everything after one of these lines is a press release's background or contacts, nobody's words.
TAIL_RE = re.compile(r"^(?:-*\s*ends\s*-*|#{3}|notes? (?:to|for) editors?:?|editors?'? notes?:?)$", re.IGNORECASE)


class Boilerplate:
    """A compiled set of patterns; ``matches(line)`` says whether a line is site chrome."""

    def __init__(self, extra: Iterable[str] = ()) -> None:
        # One pattern at a time: joined into one alternation they ran at half the speed (benchmarks/chat_export.py).
        self.patterns = [re.compile(p, re.IGNORECASE) for p in (*DEFAULT_PATTERNS, *extra)]

    def matches(self, line: str) -> bool:
        s = " ".join(line.split())
        return bool(s) and any(p.search(s) for p in self.patterns)

    def clear(self, page: Page) -> None:
        """Drop every furniture line from the page, and a press release's tail after its end marker."""
        drop_gutenberg(page)
        tail = False
        for ln in page.lines:
            tail = tail or bool(TAIL_RE.match(" ".join(ln.text.split())))
            if tail or self.matches(ln.text):
                page.drop(ln)
        drop_code(page)
        drop_alt_text(page)


def drop_alt_text(page: Page) -> None:
    """An image's alt text followed by the same words as a caption: both are picture furniture."""
    for a, b in itertools.pairwise(page.content()):
        if a.words >= 3 and b.text != a.text and b.text.startswith(a.text):
            page.drop(a)
            page.drop(b)
