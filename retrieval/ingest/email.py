"""Email: ``.eml`` (one message) and ``.mbox`` (a mailbox, one document per message, ``file.mbox#N``).

A message's document is its plain-text body (an HTML-only body is read as text); the sender's display name is
its author, the subject its title, the date its date, all from the headers. The ``email`` layout then keeps
quoted replies, signatures and list footers out of the sender's words.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime

from ..records import Kind, LayoutHints
from .base import Extracted, LoadReport, SettingsReader, decode, normalise_newlines

MBOX_FROM = re.compile(rb"^From \S+.*$", re.MULTILINE)


class EmailReader(SettingsReader):
    suffixes = (".eml", ".mbox")

    def read(self, data: bytes, rel: str, report: LoadReport) -> Iterator[Extracted]:
        if rel.lower().endswith(".mbox"):
            parts = [p for p in _mbox_messages(data) if p.strip()]
            for n, part in enumerate(parts, 1):
                try:
                    got = list(_message(part, f"{rel}#{n}", report))
                except Exception as exc:  # as the loader does per file: one odd message must not lose the box
                    report.warn(f"{rel}#{n}", f"skipped: could not be read ({type(exc).__name__}: {exc})")
                    continue
                yield from got
        else:
            yield from _message(data, rel, report)


def _mbox_messages(data: bytes) -> list[bytes]:
    """A mailbox split at its ``From `` separator lines (mboxo/mboxrd: ``>From`` in bodies is quoted)."""
    starts = [m.start() for m in MBOX_FROM.finditer(data)]
    if not starts:
        return [data]
    out = []
    for a, b in zip(starts, [*starts[1:], len(data)], strict=True):
        eol = data.find(b"\n", a)
        body = data[eol + 1:b] if -1 < eol < b else b""
        out.append(re.sub(rb"^>(>*From )", rb"\1", body, flags=re.MULTILINE))
    return out


def _message(raw: bytes, rel: str, report: LoadReport) -> Iterator[Extracted]:
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        body = _body(msg)
    except (ValueError, LookupError, AttributeError) as exc:
        report.warn(rel, f"skipped: unreadable message ({exc})")
        return
    name, address = parseaddr(str(msg.get("From", "")))
    found = {"title": str(msg.get("Subject", "")).strip() or None,
             "author": given_first(name.strip()) or address or None, "date": _date(str(msg.get("Date", "")))}
    yield Extracted(rel, normalise_newlines(body).strip("\n"), found, LayoutHints(kind=Kind.EMAIL))


def given_first(name: str) -> str:
    """A mail directory's ``Surname, Given`` (Outlook's display names) as people write it: ``Given Surname``."""
    parts = [p.strip() for p in name.split(",")]
    return f"{parts[1]} {parts[0]}" if len(parts) == 2 and all(parts) and len(name.split()) <= 4 else name


def _body(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        text = part.get_content()
    except LookupError:  # an unknown charset: decode the bytes as any text file
        text = decode(part.get_payload(decode=True) or b"")[0]
    if part.get_content_subtype() == "html":
        text = html_text(text)
    return text


BLOCKS = ("p", "div", "li", "pre", "h1", "h2", "h3", "h4", "h5", "h6")


def html_text(markup: str) -> str:
    """An HTML body as paragraphs of text, one per innermost block. A paragraph inside ``<blockquote>`` (a mail
    client's quotation: Gmail's ``gmail_quote``, Outlook's, Apple Mail's ``type="cite"``) is written as quoted
    mail is, one ``> `` per level, so the email layout reads it as the quoted person's words, not the sender's."""
    from lxml import html as lxml_html
    from lxml.etree import ParserError

    try:
        tree = lxml_html.fromstring(markup)
    except ParserError:  # an empty body, or one of only comments: no words, which the loader names
        return ""
    paragraphs = []
    for el in tree.iter(*BLOCKS, "blockquote"):
        words = " ".join(_own_text(el).split())
        if words:
            level = sum(1 for _ in el.iterancestors("blockquote")) + (el.tag == "blockquote")
            paragraphs.append("> " * level + words)
    return "\n\n".join(paragraphs)


def _own_text(el) -> str:
    """A block's words outside the blocks inside it (each of those is a paragraph of its own)."""
    parts = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str):  # a comment or processing instruction: only its tail is text
            parts.append(child.tail or "")
        elif child.tag in (*BLOCKS, "blockquote", "br"):
            parts += ["\n", child.tail or ""]
        else:
            parts += [_own_text(child), child.tail or ""]
    return "".join(parts)


def _date(value: str) -> str | None:
    try:
        return parsedate_to_datetime(value).date().isoformat() if value else None
    except (TypeError, ValueError, IndexError):
        return None
