"""Read the files of a corpus folder into Documents, one loader per format.

Bad files never abort a build: each problem becomes one warning line naming the file and the reason,
and the file is skipped (binary, empty, unreadable) or kept in part (too large, bad encoding).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .manifest import MANIFEST_NAMES, Manifest, SourceEntry
from .records import Document, SourceInfo

log = logging.getLogger("quoth.load")

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".jsonl"}
# Tried in order after UTF-8: cp1252 covers most mis-saved Western text, latin-1 never fails.
FALLBACK_ENCODINGS = ("cp1252", "latin-1")


@dataclass(frozen=True)
class LoadOptions:
    max_bytes: int = 20_000_000
    jsonl_text_field: str = "text"
    jsonl_title_field: str = "title"
    jsonl_id_field: str = "_id"


@dataclass
class LoadReport:
    """What happened to each file that did not load cleanly."""

    warnings: list[str]

    def warn(self, path: str, reason: str) -> None:
        line = f"{path}: {reason}"
        self.warnings.append(line)
        log.warning(line)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def discover(root: Path) -> list[Path]:
    """Files under ``root`` that look like documents, in a stable order; hidden files and the manifest excluded."""
    files = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not p.is_file():
            continue
        if rel.as_posix() in MANIFEST_NAMES:
            continue
        files.append(p)
    return files


def decode(data: bytes) -> tuple[str, str | None]:
    """Text of ``data`` and, when UTF-8 failed, the name of the fallback encoding used."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    for enc in FALLBACK_ENCODINGS:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")


def looks_binary(data: bytes) -> bool:
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


def _read_bytes(path: Path, rel: str, opts: LoadOptions, report: LoadReport) -> bytes | None:
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            data = fh.read(opts.max_bytes + 1)
    except OSError as exc:
        report.warn(rel, f"skipped: cannot read ({exc.strerror or exc})")
        return None
    if size > opts.max_bytes:
        report.warn(rel, f"truncated: {size:,} bytes is over the {opts.max_bytes:,}-byte limit")
        data = data[: opts.max_bytes]
    return data


def _source(rel: str, entry: SourceEntry | None, **found: str | None) -> SourceInfo:
    """Manifest values win; what the file itself says fills the gaps."""
    e = entry or SourceEntry(file=rel)
    return SourceInfo(
        path=rel,
        title=e.title or found.get("title") or "",
        author=e.author or found.get("author"),
        site=e.site or found.get("site"),
        kind=e.kind,
        url=e.url or found.get("url"),
        date=e.date or found.get("date"),
    )


def _text_file(data: bytes, rel: str, report: LoadReport) -> str | None:
    if looks_binary(data):
        report.warn(rel, "skipped: binary file")
        return None
    text, enc = decode(data)
    if enc:
        report.warn(rel, f"not valid UTF-8; decoded as {enc}")
    return normalise_newlines(text)


def _html(data: bytes, rel: str, report: LoadReport) -> tuple[str, dict] | None:
    import trafilatura

    raw = _text_file(data, rel, report)
    if raw is None:
        return None
    text = trafilatura.extract(raw, include_comments=True, include_tables=True, favor_recall=True,
                               output_format="txt")
    meta = trafilatura.extract_metadata(raw)
    found = {}
    if meta is not None:
        found = {"title": meta.title, "author": meta.author, "site": meta.sitename, "date": meta.date,
                 "url": meta.url}
    return normalise_newlines(text or ""), found


def _pdf(path: Path, data: bytes, rel: str, report: LoadReport) -> tuple[str, dict] | None:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        report.warn(rel, f"skipped: unreadable PDF ({exc})")
        return None
    found = {}
    if meta is not None:
        found = {"title": meta.title, "author": meta.author}
    return normalise_newlines("\n\n".join(p.strip("\n") for p in pages)), found


def _jsonl(data: bytes, rel: str, entry: SourceEntry | None, opts: LoadOptions,
           report: LoadReport) -> Iterator[Document]:
    raw = _text_file(data, rel, report)
    if raw is None:
        return
    bad = 0
    for lineno, line in enumerate(raw.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            bad += 1
            continue
        text = rec.get(opts.jsonl_text_field) if isinstance(rec, dict) else None
        if not isinstance(text, str) or not text.strip():
            bad += 1
            continue
        rid = rec.get(opts.jsonl_id_field, rec.get("id", lineno))
        doc_rel = f"{rel}#{rid}"
        found = {k: (str(rec[k]) if rec.get(k) not in (None, "") else None)
                 for k in ("author", "site", "url", "date")}
        found["title"] = rec.get(opts.jsonl_title_field) or None
        text = normalise_newlines(text)
        yield Document(_source(doc_rel, entry, **found), text, content_hash(text))
    if bad:
        report.warn(rel, f"{bad} line(s) skipped: not JSON objects with a non-empty '{opts.jsonl_text_field}'")


def load_file(path: Path, root: Path, manifest: Manifest, opts: LoadOptions,
              report: LoadReport) -> Iterator[Document]:
    """Every Document in one file (a .jsonl file holds many); nothing when it cannot be used."""
    rel = path.relative_to(root).as_posix()
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        report.warn(rel, f"skipped: unsupported file type '{suffix or '(none)'}'")
        return
    data = _read_bytes(path, rel, opts, report)
    if data is None:
        return
    entry = manifest.entry_for(rel)
    if suffix == ".jsonl":
        yield from _jsonl(data, rel, entry, opts, report)
        return
    found: dict = {}
    if suffix in TEXT_SUFFIXES:
        text = _text_file(data, rel, report)
    elif suffix in HTML_SUFFIXES:
        got = _html(data, rel, report)
        text, found = got if got else (None, {})
    else:
        got = _pdf(path, data, rel, report)
        text, found = got if got else (None, {})
    if text is None:
        return
    if not text.strip():
        report.warn(rel, "skipped: no text")
        return
    yield Document(_source(rel, entry, **found), text, content_hash(text))


def load_corpus(root: Path, manifest: Manifest, opts: LoadOptions | None = None,
                report: LoadReport | None = None) -> Iterator[Document]:
    opts = opts or LoadOptions()
    report = report if report is not None else LoadReport([])
    for path in discover(root):
        yield from load_file(path, root, manifest, opts, report)
