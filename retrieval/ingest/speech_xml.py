"""Debates and plays published as XML whose speakers are markup, not text: UK ParlParse (TheyWorkForYou,
PublicWhip) ``<speech speakername=…>``, Akoma Ntoso ``<speech by="#id">`` and TEI ``<sp who=…>`` / ``<u who=…>``.

The document Quoth stores is the record rendered as text, one block per heading, procedural line or speech:

    Death Penalty (Global Abolition)

    Chris Bryant (The Minister for Europe):
    Come over here!

so passages are exact slices of it. The speakers travel beside the text (``LayoutHints.turns``, at offsets of
that text), read from the markup and never from the header lines' shape: a speech paragraph that looks like a
header cannot start a turn. Headings, ``nospeaker`` lines and stage directions are nobody's words.

Parsing is guarded: no network, no DTD loaded, no external entity resolved (a ``SYSTEM`` entity stays empty),
only the internal subset's character entities (``&mdash;``) read, libxml2's size limits kept. A file that is
not well-formed is skipped with the parser's reason; one cut off before its end is read as far as it goes.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..records import Kind, LayoutHints, MarkedTurn
from .base import Extracted, LoadReport, SettingsReader
from .sniff import Content
from .speech_markup import READERS, Block, Markup, markup_of

if TYPE_CHECKING:
    from lxml import etree

# The prolog before the root element: XML declaration, comments, processing instructions, a DOCTYPE with its
# internal subset (ParlParse's runs to 2 kB of entity declarations).
# One space at a time, and each item possessive (``*+``): a comment or instruction ends at its first closer, and
# when no root tag follows (a page of comments, then text) the items are not re-split, which took 2^n steps.
_PROLOG = re.compile(r"(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>)*+<(?P<tag>[\w.:-]+)", re.S)
SNIFF_BYTES = 65536
TRUNCATED = "ERR_TAG_NOT_FINISHED"  # libxml2: the data ended inside an open element
MAX_ENTITY_CHARS = 8  # a character entity (``&mdash;``) expands to a character or two; anything longer is text
KINDS = {Markup.PARLPARSE: Kind.PROCEEDINGS, Markup.AKOMA_NTOSO: Kind.PROCEEDINGS, Markup.TEI: Kind.TRANSCRIPT}


def speech_markup(data: bytes) -> Markup | None:
    """The speech markup a file's root element names, from its first bytes (cheap: no parse)."""
    head = data[:SNIFF_BYTES]
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            head = head[len(bom):].decode(enc, "ignore").encode("latin-1", "ignore")
    m = _PROLOG.match(head.removeprefix(codecs.BOM_UTF8).decode("latin-1"))
    return markup_of(m.group("tag").rsplit(":", 1)[-1]) if m else None


class SpeechXmlReader(SettingsReader):
    suffixes = (".xml",)
    content = Content.XML

    def read(self, data: bytes, rel: str, report: LoadReport) -> Iterator[Extracted]:
        markup = speech_markup(data)
        if markup is None:
            report.warn(rel, "skipped: an XML file that is not speech markup (ParlParse, Akoma Ntoso, TEI)")
            return
        root = parse(data, rel, report)
        if root is None:
            return
        blocks, found = READERS[markup](root, entities(root))
        text, turns = render(blocks)
        spoken = any(t.speaker for t in turns)
        # Without a single speaker (a TEI novel) the text is read like any other: its layout is detected.
        hints = LayoutHints(kind=KINDS[markup], turns=turns) if spoken else None
        yield Extracted(rel, text, found, hints)


def _parser(recover: bool) -> etree.XMLParser:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True, recover=recover)


def parse(data: bytes, rel: str, report: LoadReport) -> etree._Element | None:
    """The root element, parsed from the bytes (so the file's own encoding declaration is honoured), or None."""
    from lxml import etree

    strict = _parser(recover=False)
    try:
        return etree.fromstring(data, strict)
    except etree.XMLSyntaxError as exc:
        # The parser's own log: the exception's may hold other files' errors, told earlier in this thread.
        if not all(e.type_name == TRUNCATED for e in strict.error_log):  # only unclosed elements: cut off
            report.warn(rel, f"skipped: not well-formed XML ({exc})")
            return None
    # Cut off before its closing tags (a published excerpt, or the loader's size limit): what came is whole.
    root = etree.fromstring(data, _parser(recover=True))
    if root is not None:
        report.warn(rel, "the XML ends early (cut off?): read as far as it goes")
    return root


def entities(root: etree._Element) -> dict[str, str]:
    """The internal subset's character entities (``&mdash;`` → "—"); external ones are never read."""
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is None:
        return {}
    return {e.name: e.content for e in dtd.iterentities()
            if e.system_url is None and e.content is not None and len(e.content) <= MAX_ENTITY_CHARS}


def render(blocks: list[Block]) -> tuple[str, tuple[MarkedTurn, ...]]:
    """The blocks as text (a blank line between blocks; a speech's header line above its words) and the turns
    at their offsets: one per speech, one per run of nobody's blocks."""
    parts: list[str] = []
    turns: list[MarkedTurn] = []
    pos = 0
    for block in blocks:
        lines = [ln for ln in block.lines if ln]
        if not lines:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        start = pos
        if block.header:
            parts.append(block.header + "\n")
            pos += len(block.header) + 1
        if block.speaker is not None or not turns or turns[-1].speaker is not None:
            # Nobody's blocks in a row (a heading, the procedure under it) are one stretch, not a passage each.
            turns.append(MarkedTurn(start, pos, block.speaker))
        body = "\n".join(lines)
        parts.append(body)
        pos += len(body)
    return "".join(parts) + ("\n" if parts else ""), tuple(turns)
