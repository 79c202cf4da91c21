"""Who wrote each line of one mail message: the sender, or the person it quotes.

A mail quotes others in three shapes, and each quoted stretch is its writer's words, never the sender's:

- ``>`` lines under an attribution (``On Mon, 4 Mar 2024, Ann Lee <ann@x.org> wrote:``), ``> >`` lines under
  the attribution inside the quotation (read by ``threads.labels.quotes.Quoting``, as in a mail digest);
- an Outlook-style original under its header block (``-----Original Message-----``, ``From: Ann Lee``,
  ``Sent:``, ``Subject:``), and a forwarded message under its own (``Begin forwarded message:``);
- nothing else: a quotation whose writer the message does not name (an address only, no attribution) is
  someone else's words, kept and named for nobody.

Attributions, header blocks, signatures (``-- `` and what follows it) and elision marks are nobody's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...ingest.email import given_first
from ...records import Clue
from ..attribution.evidence import NOBODY, Decision
from ..page import Line, Page
from ..threads.labels.quotes import Quoting, author, depth, has_words

# A quoted original's or a forward's header block opens with one of these lines.
ORIGINAL_RE = re.compile(r"^(?:-{2,}\s*(?:Original|Forwarded) Message\s*-{2,}|Begin forwarded message:)$",
                         re.IGNORECASE)
FIELD_RE = re.compile(r"^(?P<key>From|Sent|Date|To|Cc|Bcc|Subject|Reply-To|Importance)\s?:\s*(?P<value>.*)$",
                      re.IGNORECASE)
ADDRESS_RE = re.compile(r"^(?P<name>.*?)\s*<[^<>]*>$")  # Ann Lee <ann@x.org>
MAILTO_RE = re.compile(r"\[mailto:[^\]]*\]", re.IGNORECASE)
SIGNATURE = "--"  # the "-- " delimiter, stripped
HEADER_WEIGHT = 1.0  # a header block's From names the original's writer as surely as an attribution


@dataclass
class MailQuotes:
    """A message read line by line: lines that are nobody's words, and lines someone other than the sender wrote
    (each with the decision naming its writer, or nobody when the message does not say who)."""

    drop: set[int] = field(default_factory=set)
    writers: dict[int, Decision] = field(default_factory=dict)


def header_author(value: str) -> str | None:
    """The person a header block's ``From:`` names (``Ann Lee [mailto:ann@x.org]``, ``"Lee, Ann" <ann@x.org>``,
    ``Lee, Ann <ann@x.org>`` → Ann Lee), or None for an address alone."""
    value = MAILTO_RE.sub("", value).strip()
    m = ADDRESS_RE.match(value)
    name = (m.group("name") if m else value).strip(" \"'")
    if "@" in name:
        return None
    return author(given_first(name))


def _header(page: Page, ln: Line) -> tuple[list[int], Decision] | None:
    """An original's header block at this line: its lines, and the writer its From names."""
    opens = ORIGINAL_RE.match(ln.text) is not None
    if not opens and not (FIELD_RE.match(ln.text) and FIELD_RE.match(ln.text)["key"].lower() == "from"):
        return None
    lines = [ln.index]
    who: str | None = None
    for nxt in page.lines[ln.index + 1 if opens else ln.index:]:
        if nxt.blank and opens and len(lines) == 1:
            continue  # a blank line under the opening rule
        m = FIELD_RE.match(nxt.text)
        if m is None:
            break
        lines.append(nxt.index)
        if m["key"].lower() == "from" and who is None:
            who = header_author(m["value"]) or ""
    lines = sorted(set(lines))
    if who is None or (not opens and len(lines) < 2):  # a lone "From: …" line in prose is no header block
        return None
    if not who:
        return lines, NOBODY
    detail = f"the quoted original's header names its writer ({page.lines[ln.index].text!r})"
    return lines, Decision.of(who, Clue.THREAD, detail, HEADER_WEIGHT)


def read_quoted_mail(page: Page) -> MailQuotes:
    """Each line's writer, when not the sender's, and the lines that are nobody's words."""
    out = MailQuotes()
    quoting = Quoting()
    owner: Decision | None = None  # whose unmarked lines are: None, the sender's; else an original's writer
    current = NOBODY  # the open quotation's writer
    in_signature = False
    quoted_signature = 0  # the depth of a quoted "-- " delimiter: what it quotes below it is a signature
    header_end = -1
    for ln in page.lines:
        if ln.index <= header_end or ln.blank:
            continue
        # A header block opens a quoted original; a bare "From:" block at the very top is the message's own.
        if not depth(ln.text)[0] and (found := _header(page, ln)) is not None and (
                ORIGINAL_RE.match(ln.text) or any(not x.blank for x in page.lines[:ln.index])):
            lines, who = found
            out.drop |= set(lines)
            header_end, owner, in_signature = lines[-1], who, False
            quoting.reset()
            continue
        d, text = depth(ln.text)
        if quoted_signature and d < quoted_signature:
            quoted_signature = 0
        if quoting.attribution(page, ln):
            out.drop.add(ln.index)
            in_signature = False
        elif d:
            in_signature = False  # a quotation after the sender's signature ends it
            if text == SIGNATURE or quoted_signature:
                quoted_signature = quoted_signature or d
                out.drop.add(ln.index)
                continue
            keep, opened = quoting.quoted(ln, tail=False)
            if opened is not None:
                current = Decision(opened.speaker, opened.confidence or 0.0, opened.evidence)
            if not has_words(ln.text):
                out.drop.add(ln.index)
            else:
                out.writers[ln.index] = current if keep else NOBODY
        elif in_signature or ln.text == SIGNATURE:
            in_signature = True
            out.drop.add(ln.index)
        else:
            quoting.resume(ln)
            if owner is not None:
                out.writers[ln.index] = owner
    return out
