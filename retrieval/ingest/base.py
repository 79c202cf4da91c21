"""What every format reader shares: the Reader protocol, the load report, and decoding bytes into text.

Bad files never abort a build: each problem becomes one warning line naming the file and the reason,
and the file is skipped (binary, empty, unreadable) or kept in part (too large, bad encoding).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol

from ..records import LayoutHints, Locator
from ..settings import CorpusSettings
from .encoding import bom_encoding, decode

if TYPE_CHECKING:
    from .sniff import Content

log = logging.getLogger("quoth.load")


@dataclass
class LoadReport:
    """What happened to each file that did not load cleanly."""

    warnings: list[str] = field(default_factory=list)

    def warn(self, path: str, reason: str) -> None:
        """Record a problem; it is told once, by whoever reads the report (``quoth index`` prints the new
        ones at the end), not logged here as well."""
        line = f"{path}: {reason}"
        self.warnings.append(line)
        log.debug(line)


@dataclass(frozen=True)
class Extracted:
    """One document's text as a reader found it, and the metadata the file itself gave."""

    rel: str  # the document's path in the corpus (``file.jsonl#id`` for a record)
    text: str
    found: dict[str, str | None] = field(default_factory=dict)  # title, author, site, url, date
    hints: LayoutHints | None = None  # what the format itself says of the layout (an email is an email)
    locators: tuple[Locator, ...] = ()  # cue times or pages the text itself leaves out


class Reader(Protocol):
    """Reads one file format. ``read`` yields nothing for a file it cannot use, after warning why."""

    suffixes: ClassVar[tuple[str, ...]]
    # What the reader reads by its content, for a file whose extension names no format (``sniff.Content``)
    content: ClassVar[Content | None]

    def __init__(self, settings: CorpusSettings) -> None: ...

    def read(self, data: bytes, rel: str, report: LoadReport) -> Iterator[Extracted]: ...


class SettingsReader:
    """A reader keeps the corpus settings it was made with (the JSON Lines field names, for one), and the folder
    being read (``root``), for formats whose files need a neighbour (a Slack export's users.json)."""

    root: Path | None = None
    content: ClassVar[Content | None] = None

    def __init__(self, settings: CorpusSettings) -> None:
        self.settings = settings


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def looks_binary(data: bytes) -> bool:
    if bom_encoding(data):  # UTF-16 and UTF-32 text is full of NUL bytes
        return False
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    # Control bytes other than whitespace are rare in text in any encoding.
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl / len(head) > 0.1


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_of(data: bytes, rel: str, report: LoadReport) -> str | None:
    """Decoded text with normalised newlines, or None (warned) for a binary file."""
    if looks_binary(data):
        report.warn(rel, "skipped: binary file")
        return None
    text, enc = decode(data)
    if enc:
        report.warn(rel, f"not valid UTF-8; decoded as {enc}")
    return normalise_newlines(text)
