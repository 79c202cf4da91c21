"""A corpus folder into Documents: one reader per file format, chosen by suffix from ``READERS``; a file whose
suffix names no format goes to the reader that claims what its first bytes are (``Reader.content``, ``sniff``).

The manifest is looked up once per file; its metadata fills the document's source and its layout hints
travel with the document (``Document.hints``) to segmentation. Adding a format is one reader module and one
line in ``READERS``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from ..errors import CorpusError
from ..records import Document, LayoutHints, SourceInfo
from ..settings import CorpusSettings
from ..timed_pattern import PatternStalls, check_lines
from .base import Extracted, LoadReport, Reader, content_hash
from .chat_json import ChatJsonReader
from .docx import DocxReader
from .email import EmailReader
from .epub import EpubReader
from .html import HtmlReader
from .jsonl import JsonlReader
from .manifest import MANIFEST_NAMES, Manifest, SourceEntry, find_manifest, load_manifest
from .mapped_json import MappedJsonReader
from .pdf import PdfReader
from .sniff import SNIFF_BYTES, sniff
from .speech_xml import SpeechXmlReader
from .subtitles import SubtitlesReader
from .text import TextReader
from .walk import Listed, Refused, corpus_name, listing, read_inside, said, walk

READERS: tuple[type[Reader], ...] = (TextReader, HtmlReader, PdfReader, JsonlReader, EmailReader, ChatJsonReader,
                                     SubtitlesReader, DocxReader, EpubReader, SpeechXmlReader)

__all__ = ["READERS", "LoadReport", "Reader", "check_corpus_dir", "content_hash", "discover", "load_folder",
           "supported_suffixes"]


def supported_suffixes() -> set[str]:
    return {s for r in READERS for s in r.suffixes}


def check_corpus_dir(root: Path) -> Path:
    root = root.expanduser()
    if not root.exists():
        raise CorpusError(f"corpus folder {root} does not exist")
    if not root.is_dir():
        raise CorpusError(f"corpus path {root} is not a folder")
    return root.resolve()


def discover(root: Path, report: LoadReport | None = None) -> list[Listed]:
    """Files under ``root`` that look like documents, in a stable order; hidden files and the manifest excluded.

    Nothing outside the folder is ever read: a link that leads out of it, and any linked folder, is skipped
    (once, with a warning): a link to /etc/passwd in a shared folder must not become quotable text. Pipes,
    sockets and devices are skipped without being opened, so they cannot block a build. The walk (walk.py)
    refuses links again when it opens each file, so a swap after this listing is refused too.
    """
    report = report if report is not None else LoadReport()
    return walk(root.resolve(), _not_looked_at, report)


def _not_looked_at(parts: tuple[str, ...]) -> bool:
    return parts[-1].startswith(".") or (len(parts) == 1 and parts[0] in MANIFEST_NAMES)


def _read_inside(root: Path, item: Listed, max_bytes: int, report: LoadReport) -> tuple[bytes, int] | None:
    """(up to ``max_bytes`` of the file, its size) through the walk's opening, so a link swapped in is never
    followed; None, after one warning naming it, when it is refused or cannot be read."""
    try:
        return read_inside(root, item, max_bytes)
    except Refused as exc:
        report.warn(said(item.name), f"skipped: {exc.strerror}")
    except OSError as exc:
        report.warn(said(item.name), f"skipped: cannot read ({exc.strerror or exc})")
    return None


def _read_bytes(root: Path, item: Listed, max_bytes: int, report: LoadReport) -> bytes | None:
    rel = said(item.name)
    if (got := _read_inside(root, item, max_bytes, report)) is None:
        return None
    data, size = got
    if size > max_bytes:
        report.warn(rel, f"truncated: {size:,} bytes is over the {max_bytes:,}-byte limit")
        data = data[:max_bytes]
    return data


@cache
def _scratch() -> tuple[re.Pattern[str], ...]:
    """The names of editors' backup and swap files and downloads in progress, as the watcher ignores them (one
    list); imported on the first file that needs it, since watchfiles takes a tenth of a second to import."""
    from ..watch import CorpusFilter

    return tuple(map(re.compile, CorpusFilter.ignore_entity_patterns))


def _document(got: Extracted, entry: SourceEntry | None) -> Document:
    """Manifest values win; what the file itself says fills the gaps. The layout kind is segmentation's to
    say: the manifest's travels as a hint."""
    e = entry or SourceEntry(file=got.rel)
    f = got.found
    source = SourceInfo(path=got.rel, title=e.title or f.get("title") or "", author=e.author or f.get("author"),
                        site=e.site or f.get("site"), url=e.url or f.get("url"),
                        date=e.date or f.get("date"))
    hints = e.hints
    if got.hints is not None:  # the manifest's word wins over the format's
        hints = LayoutHints(e.hints.kind or got.hints.kind, e.hints.comments if e.hints.comments is not None
                            else got.hints.comments, e.hints.speaker_pattern or got.hints.speaker_pattern,
                            got.hints.turns)
    return Document(source, got.text, content_hash(got.text), hints, got.locators)


def _timed(entry: SourceEntry | None, got: Extracted, root: Path, report: LoadReport) -> SourceEntry | None:
    """The manifest's entry, without its speaker pattern when that pattern stalls on this document's lines
    (catastrophic backtracking): the document is read as if the manifest gave none, and the warning says so."""
    if entry is None or not entry.speaker_pattern:
        return entry
    try:
        check_lines(entry.speaker_pattern, [line.strip() for line in got.text.split("\n")])
    except PatternStalls as exc:
        where = find_manifest(root)
        report.warn(got.rel, f"{where.name if where else 'the manifest'}: speaker_pattern {entry.speaker_pattern!r} "
                             f"refused: {exc}; read without it")
        return entry.model_copy(update={"speaker_pattern": None})
    return entry


class FolderLoader:
    """Reads a corpus folder with one reader instance per format."""

    def __init__(self, settings: CorpusSettings) -> None:
        self.settings = settings
        self.readers = {suffix: cls(settings) for cls in READERS for suffix in cls.suffixes}
        self.by_content = {cls.content: self.readers[cls.suffixes[0]] for cls in READERS if cls.content}

    def load_file(self, path: Path, root: Path, manifest: Manifest, report: LoadReport,
                  listed: Listed | None = None) -> Iterator[Document]:
        """Every Document in one file (a .jsonl file holds many); nothing when it cannot be used. ``listed`` is
        the file as the folder's walk found it (by default, ``path`` as it is now)."""
        root = root.resolve()
        if listed is None and not path.resolve().is_relative_to(root):
            report.warn(said(corpus_name((path.name,))), "skipped: a link to a file outside the corpus folder")
            return
        item = listed or listing(root, path.resolve().relative_to(root).parts)
        rel = item.name
        reader = self.reader_for(path, rel, manifest, report, root, item)
        if reader is None:
            return
        reader.root = root
        data = _read_bytes(root, item, self.settings.max_file_bytes, report)
        if data is None:
            return
        entry = manifest.entry_for(rel)
        try:
            found = list(reader.read(data, rel, report))
        except Exception as exc:  # a reader's failure on one odd file must not stop the build
            report.warn(rel, f"skipped: could not be read ({type(exc).__name__}: {exc})")
            return
        for got in found:
            if not got.text.strip():  # named as the record it is (``box.mbox#2``), not its whole file
                report.warn(got.rel, "skipped: no text")
                continue
            yield _document(got, _timed(entry, got, root, report))

    def reader_for(self, path: Path, rel: str, manifest: Manifest, report: LoadReport, root: Path,
                   item: Listed) -> Reader | None:
        """The manifest's ``[[json]]`` mapping for the file (it wins over the format's own reading), else the
        reader its suffix names, else the one for what its first bytes are."""
        mapping = manifest.json_for(rel)
        if mapping is not None:
            return MappedJsonReader(self.settings, mapping)
        return self.readers.get(path.suffix.lower()) or self.by_content_of(path, rel, report, root, item)

    def by_content_of(self, path: Path, rel: str, report: LoadReport, root: Path, item: Listed) -> Reader | None:
        """The reader for what a file is by its first bytes, when its suffix names no format (``debate1``,
        ``example.com``); None, after one warning, for a binary file or what no reader reads."""
        suffix = path.suffix.lower()
        if any(p.search(path.name) for p in _scratch()):  # notes.txt~, draft.md.bak: a copy, never a document
            report.warn(rel, f"skipped: unsupported file type '{suffix or '(none)'}' (an editor's backup or "
                             "temporary file)")
            return None
        if (head := _read_inside(root, item, SNIFF_BYTES, report)) is None:
            return None
        content = sniff(head[0])
        reader = self.by_content.get(content)
        if reader is None:
            report.warn(rel, f"skipped: unsupported file type '{suffix or '(none)'}' ({content} by its content)")
        return reader

    def load(self, root: Path, report: LoadReport | None = None) -> Iterator[Document]:
        root = check_corpus_dir(root)
        manifest = load_manifest(root)
        report = report if report is not None else LoadReport()
        for item in discover(root, report):
            yield from self.load_file(root.joinpath(*item.parts), root, manifest, report, item)


def load_folder(root: Path, settings: CorpusSettings | None = None,
                report: LoadReport | None = None) -> Iterator[Document]:
    """Every document of a corpus folder, in a stable order."""
    return FolderLoader(settings or CorpusSettings()).load(root, report)
