"""What a file is by its first bytes, for files whose extension names no format Quoth reads: a transcript
saved as ``debate1``, a page saved as ``example.com``.

Hand-written, and small, because no library here does this part: libmagic (python-magic) is a system library
that is not installed everywhere, and ``filetype``/``puremagic`` know binary magic numbers, not "this is text".
The HTML rule is the WHATWG MIME Sniffing standard's ("identifying a resource with an unknown MIME type": after
leading whitespace, one of its tags followed by a space or ``>``), plus XHTML: an XML prolog whose root element is
``html``. Text is what has no NUL byte and either decodes as UTF-8 (or starts with a byte-order mark) or is
almost all ASCII (a Windows-1252 or Latin-1 transcript); anything else is binary and stays skipped.
"""

from __future__ import annotations

import codecs
import re
from enum import StrEnum

from .base import looks_binary
from .encoding import bom_encoding

SNIFF_BYTES = 8192  # as much as looks_binary judges
MIN_ASCII = 0.9  # of the bytes, for text that is not UTF-8; Western text in a legacy code page runs ~98 %


class Content(StrEnum):
    """What a file's first bytes say it is; a reader claims the ones it reads (``Reader.content``)."""

    TEXT = "text"
    HTML = "HTML"
    XML = "XML"
    PDF = "PDF"
    RTF = "RTF"  # text bytes, but markup Quoth does not read: never indexed as if it were prose
    BINARY = "binary"


# WHATWG MIME Sniffing, 7.1 step "HTML": each pattern followed by a tag-terminating byte (space or ">").
_HTML = re.compile(r"<(?:!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--)"
                   r"[\s>]", re.IGNORECASE)
# An XML prolog (declaration, comments, processing instructions, a DOCTYPE) and the root element's name.
# Each item possessive, as speech_xml's prolog: a page of comments with no root tag is not re-split.
_XML_ROOT = re.compile(r"(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>)*+<(?P<tag>[\w.:-]+)", re.S)
_MAGIC = ((b"%PDF-", Content.PDF), (b"{\\rtf", Content.RTF))


def sniff(head: bytes) -> Content:
    """What these first bytes of a file are."""
    for magic, content in _MAGIC:
        if head.startswith(magic):
            return content
    if looks_binary(head) or not _text_bytes(head):
        return Content.BINARY
    markup = head.decode(bom_encoding(head) or "latin-1", "ignore").lstrip("\ufeff \t\n\r\f")
    if markup.startswith("<?xml"):
        root = _XML_ROOT.match(markup)
        return Content.HTML if root and root.group("tag").rsplit(":", 1)[-1].lower() == "html" else Content.XML
    return Content.HTML if _HTML.match(markup) else Content.TEXT


def _text_bytes(head: bytes) -> bool:
    if bom_encoding(head):
        return True
    try:  # final=False: a character cut at the end of the sniffed bytes is not an error
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return True
    except UnicodeDecodeError:
        return bool(head) and sum(1 for b in head if b < 128) / len(head) >= MIN_ASCII
