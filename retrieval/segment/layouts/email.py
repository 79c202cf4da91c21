"""An email message (the email reader marks it): the sender's words, and apart from them what they quote.

Quoted lines (``> …`` under ``On Tue, 5 Mar 2024, Ann Lee wrote:``) and a quoted original under its header block
(``-----Original Message-----``, ``From: Ann Lee``) are their writer's words: each stretch is a passage of its own,
credited to the person the message says wrote it, else to nobody, never to the sender (``quoted_mail``).
Attributions, header blocks, signatures (``-- `` on) and elision marks are nobody's words, and are dropped.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby

from ...records import Kind, Role
from ..meta import Block
from ..page import Page
from ..turns import QUOTE_MARKS
from ..units import Unit
from .base import Layout, Reading
from .quoted_mail import MailQuotes, read_quoted_mail

MEMO = "quoted mail"


class Email(Layout):
    kind = Kind.EMAIL
    threads = ()

    def clear(self, page: Page) -> None:
        quotes = read_quoted_mail(page)
        for index in sorted(quotes.drop):
            page.drop(page.lines[index])
        page.memo[MEMO] = quotes

    def split(self, blocks: list[Block]) -> tuple[list[Block], list[Block]]:
        """A quoted block is someone's words however short (``> See you at ten``), never a heading."""
        headings, body = super().split(blocks)
        quoted = [b for b in headings if any(ln.text.startswith(">") for ln in b)]
        return [b for b in headings if b not in quoted], sorted(body + quoted, key=lambda b: b[0].index)

    def read(self, r: Reading) -> list[Unit]:
        """The sender's paragraphs read as prose; each quoted stretch a unit of its writer's, or of nobody named."""
        quotes: MailQuotes = r.page.memo.get(MEMO) or MailQuotes()
        own: list[Block] = []
        units: list[Unit] = []
        for block in r.body:
            for writer, run in groupby(block, key=lambda ln: quotes.writers.get(ln.index)):
                lines = list(run)
                if writer is None:
                    own.append(lines)
                    continue
                lead = QUOTE_MARKS.match(lines[0].text).end()
                units.append(Unit(lines[0].start + lead, lines[-1].end, writer.speaker, Role.QUOTE, None,
                                  writer.confidence if writer.speaker else None, writer.evidence))
        units += super().read(replace(r, body=own)) if own else []
        return sorted(units, key=lambda u: u.start)
