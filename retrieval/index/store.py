"""Documents and passages in SQLite: the ground truth that indexes point into by passage id."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import IndexDamaged
from ..ingest.base import content_hash
from ..records import Document, Kind, Passage, Role, SourceInfo, attribution_of, attribution_text
from .speakers import SpeakerName

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    author TEXT, site TEXT, kind TEXT, url TEXT, date TEXT,
    content_hash TEXT NOT NULL,
    doc_key TEXT NOT NULL DEFAULT '',  -- content hash + metadata + segmentation settings
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    search_text TEXT NOT NULL,
    speaker TEXT,
    role TEXT NOT NULL,
    reply_to TEXT,
    locator TEXT,
    attribution TEXT,  -- the speaker's confidence and evidence, JSON (records.attribution_text)
    digest TEXT  -- passage_digest of what a quote shows: checked before a passage is shown
);
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id, ord);
CREATE INDEX IF NOT EXISTS passages_speaker ON passages(speaker);
CREATE TABLE IF NOT EXISTS speaker_people (  -- each written speaker name's person (index/speakers.py)
    name TEXT PRIMARY KEY,
    person TEXT NOT NULL
);
"""

_P_COLS = 'p.id, p.start, p."end", p.text, p.search_text, p.speaker, p.role, p.reply_to, p.locator, p.attribution'
_D_COLS = "d.path, d.title, d.author, d.site, d.kind, d.url, d.date"
_SHOWN = f"{_P_COLS}, {_D_COLS}, p.digest"  # a shown passage's row: the digest last (row[17])
log = logging.getLogger("quoth.index")


def passage_digest(start: int, end: int, text: str, speaker: str | None) -> str:
    """What a quote shows (its words, where they are, who said them), hashed at build time: a store damaged in
    a way that still parses (a text edited in place) must not be quoted as the document's words. BLAKE2b
    (hashlib) is the fastest secure hash there for short inputs; 16 bytes are plenty to catch damage."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{start}:{end}:{speaker or ''}\x00".encode("utf-8", "surrogatepass"))
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


@contextlib.contextmanager
def damaged(path: Path) -> Iterator[None]:
    """Errors reading an index file become ``IndexDamaged`` naming it: a truncated or garbled file must end in
    a message that says how to repair it, never a traceback."""
    try:
        yield
    except IndexDamaged:
        raise
    except Exception as exc:  # numpy, FAISS, bm25s and SQLite raise anything at all on garbled bytes
        raise IndexDamaged(path, exc) from exc


def guarded(method):
    """A read of the store whose SQLite errors say which file is damaged."""
    @functools.wraps(method)
    def read(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise IndexDamaged(self.path, exc) from exc
    return read


@dataclass(frozen=True)
class StoredDocument:
    id: int
    source: SourceInfo
    content_hash: str
    passages: int


def _passage(row: sqlite3.Row | tuple, doc_path: str) -> Passage:
    pid, start, end, text, search_text, speaker, role, reply_to, locator, attribution = row[:10]
    confidence, evidence = attribution_of(attribution)
    return Passage(doc_path=doc_path, start=start, end=end, text=text, speaker=speaker, role=Role(role),
                   search_text=search_text, reply_to=reply_to, id=pid, locator=locator,
                   speaker_confidence=confidence, speaker_evidence=evidence)


def _source(row: tuple) -> SourceInfo:
    path, title, author, site, kind, url, date = row
    return SourceInfo(path=path, title=title, author=author, site=site, kind=Kind(kind) if kind else None, url=url,
                      date=date)


def _add_missing_columns(con: sqlite3.Connection) -> None:
    """A store written before a column existed gets it (an update then fills it for the documents it rereads)."""
    have = {row[1] for row in con.execute("PRAGMA table_info(passages)")}
    if "attribution" not in have:
        con.execute("ALTER TABLE passages ADD COLUMN attribution TEXT")
    if "digest" not in have:
        con.execute("ALTER TABLE passages ADD COLUMN digest TEXT")


class Store:
    """One SQLite file. Readers get a connection per thread; the loaded store is safe to share."""

    def __init__(self, path: Path, readonly: bool = False, unsynced: bool = False) -> None:
        """``unsynced``: for a build's new generation, which is discarded if the build fails and fsynced by
        ``sync()`` before it is switched in; per-document synced commits cost more than the rest of a build."""
        self.path = Path(path)
        self.readonly = readonly
        self.unsynced = unsynced
        self._local = threading.local()
        self.damaged_ids: set[int] = set()  # passages whose digest failed: never shown (see _check)
        self._reported = False
        self._hashed: set[str] = set()  # documents whose text matched its content hash (document_text)
        if not readonly:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.connect() as con:
                con.executescript(SCHEMA)
                _add_missing_columns(con)

    def connect(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            if self.readonly:
                con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            else:
                con = sqlite3.connect(self.path, check_same_thread=False)
            con.execute("PRAGMA foreign_keys = ON")
            if not self.readonly:
                # A build copies the previous store and replaces changed documents: without this, a removed
                # message's words would stay in the new generation's free pages (some SQLite builds default to it).
                con.execute("PRAGMA secure_delete = ON")
            if self.unsynced:
                con.execute("PRAGMA synchronous = OFF")
                con.execute("PRAGMA journal_mode = MEMORY")
            self._local.con = con
        return con

    def sync(self) -> None:
        """Close and flush the file to disk."""
        self.close()
        with open(self.path, "rb+") as fh:
            os.fsync(fh.fileno())

    def close(self) -> None:
        con = getattr(self._local, "con", None)
        if con is not None:
            con.close()
            self._local.con = None

    # --- writing -------------------------------------------------------------------------------------
    def put_document(self, doc: Document, source: SourceInfo, passages: Iterable[Passage], key: str = "") -> list[int]:
        """Insert or replace a document and its passages; returns the new passage ids in order."""
        con = self.connect()
        with con:
            con.execute("DELETE FROM documents WHERE path = ?", (doc.path,))
            cur = con.execute(
                "INSERT INTO documents (path, title, author, site, kind, url, date, content_hash, doc_key, text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.path, source.title, source.author, source.site, source.kind, source.url, source.date,
                 doc.content_hash, key, doc.text),
            )
            doc_id = cur.lastrowid
            ids = []
            for i, p in enumerate(passages):
                cur = con.execute(
                    'INSERT INTO passages (doc_id, ord, start, "end", text, search_text, speaker, role, reply_to,'
                    " locator, attribution, digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (doc_id, i, p.start, p.end, p.text, p.search_text, p.speaker, p.role, p.reply_to, p.locator,
                     attribution_text(p.speaker_confidence, p.speaker_evidence),
                     passage_digest(p.start, p.end, p.text, p.speaker)),
                )
                ids.append(cur.lastrowid)
        return ids

    def put_speaker_people(self, people: dict[str, str]) -> None:
        """The corpus's speaker directory, replacing the one an update copied from the previous generation."""
        con = self.connect()
        with con:
            con.execute("DELETE FROM speaker_people")
            con.executemany("INSERT INTO speaker_people (name, person) VALUES (?, ?)", sorted(people.items()))

    def remove_document(self, path: str) -> None:
        con = self.connect()
        with con:
            con.execute("DELETE FROM documents WHERE path = ?", (path,))

    # --- reading -------------------------------------------------------------------------------------
    @guarded
    def documents(self) -> list[StoredDocument]:
        rows = self.connect().execute(
            f"SELECT d.id, {_D_COLS}, d.content_hash, (SELECT COUNT(*) FROM passages p WHERE p.doc_id = d.id)"
            " FROM documents d ORDER BY d.path"
        ).fetchall()
        return [StoredDocument(r[0], _source(r[1:8]), r[8], r[9]) for r in rows]

    @guarded
    def document_keys(self) -> dict[str, str]:
        return dict(self.connect().execute("SELECT path, doc_key FROM documents").fetchall())

    def _rows_in(self, sql: str, keys: list) -> Iterator[tuple]:
        """The rows of ``sql`` (whose ``IN ({marks})`` takes the keys), read in chunks: SQLite's bound-parameter
        limit."""
        con = self.connect()
        for i in range(0, len(keys), 900):
            chunk = keys[i:i + 900]
            yield from con.execute(sql.format(marks=",".join("?" * len(chunk))), chunk)

    @guarded
    def search_texts_of(self, ids: list[int]) -> list[str]:
        out = dict(self._rows_in("SELECT id, search_text FROM passages WHERE id IN ({marks})", ids))
        return [out[i] for i in ids]

    @guarded
    def path_search_texts(self, ids: list[int]) -> dict[int, tuple[str, str]]:
        """Each passage id's (document path, search text)."""
        return {r[0]: (r[1], r[2]) for r in self._rows_in(
            "SELECT p.id, d.path, p.search_text FROM passages p JOIN documents d ON d.id = p.doc_id"
            " WHERE p.id IN ({marks})", ids)}

    @guarded
    def ids_by_search_text(self, paths: Iterable[str]) -> dict[tuple[str, str], int]:
        """(document path, search text) → a passage id, for the passages of ``paths``."""
        return {(r[1], r[2]): r[0] for r in self._rows_in(
            "SELECT p.id, d.path, p.search_text FROM passages p JOIN documents d ON d.id = p.doc_id"
            " WHERE d.path IN ({marks})", sorted(paths))}

    @guarded
    def passage_texts_of(self, ids: list[int]) -> list[tuple[str, str]]:
        """(search text, text) of each passage id, in that order."""
        out = {r[0]: (r[1], r[2]) for r in self._rows_in(
            "SELECT id, search_text, text FROM passages WHERE id IN ({marks})", ids)}
        return [out[i] for i in ids]

    @guarded
    def row_labels(self) -> tuple[list[str | None], list[str], list[str]]:
        """Speaker, document path and title of every passage, in id order (for filters)."""
        rows = self.connect().execute(
            "SELECT p.speaker, d.path, d.title FROM passages p JOIN documents d ON d.id = p.doc_id ORDER BY p.id"
        ).fetchall()
        return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]

    def backup_to(self, path: Path) -> None:
        dest = sqlite3.connect(path)
        with dest:
            self.connect().backup(dest)
        dest.close()

    @guarded
    def passage_ids(self) -> list[int]:
        return [r[0] for r in self.connect().execute("SELECT id FROM passages ORDER BY id")]

    @guarded
    def search_texts(self) -> tuple[list[int], list[str]]:
        rows = self.connect().execute("SELECT id, search_text FROM passages ORDER BY id").fetchall()
        return [r[0] for r in rows], [r[1] for r in rows]

    @guarded
    def get(self, ids: Iterable[int]) -> dict[int, tuple[Passage, SourceInfo]]:
        ids = list(ids)
        if not ids:
            return {}
        out: dict[int, tuple[Passage, SourceInfo]] = {}
        con = self.connect()
        for i in range(0, len(ids), 900):  # SQLite's bound-parameter limit
            chunk = ids[i:i + 900]
            marks = ",".join("?" * len(chunk))
            for r in con.execute(
                f"SELECT {_SHOWN} FROM passages p JOIN documents d ON d.id = p.doc_id"
                f" WHERE p.id IN ({marks})", chunk,
            ):
                self._check(r)
                src = _source(r[10:17])
                out[r[0]] = (_passage(r, src.path), src)
        return out

    def _check(self, row: tuple) -> None:
        """Note a passage whose digest (``row[17]``) is not that of its row: one ERROR per store, naming the
        file and the repair; the passage goes into ``damaged_ids``, which readers leave out of what they show.
        A row without a digest (a store from before digests) is taken as it is."""
        pid, start, end, text, speaker = row[0], row[1], row[2], row[3], row[5]
        if row[17] is None or row[17] == passage_digest(start, end, text, speaker) or pid in self.damaged_ids:
            return
        self._report(f"passage {pid} is not what the build wrote")
        self.damaged_ids.add(pid)

    def _report(self, what: str) -> None:
        """One ERROR per store for damage found while serving: the file, and `quoth index --full`."""
        if not self._reported:
            self._reported = True
            log.error("%s; what it changed is not shown until then", IndexDamaged(self.path, what))

    @guarded
    def neighbours(self, passage_id: int, before: int = 1, after: int = 1) -> list[tuple[Passage, SourceInfo]]:
        """The passage and those around it in its document, for 'show context'."""
        row = self.connect().execute("SELECT doc_id, ord FROM passages WHERE id = ?", (passage_id,)).fetchone()
        if row is None:
            return []
        doc_id, ord_ = row
        out = []
        for r in self.connect().execute(
            f"SELECT {_SHOWN} FROM passages p JOIN documents d ON d.id = p.doc_id"
            " WHERE p.doc_id = ? AND p.ord BETWEEN ? AND ? ORDER BY p.ord",
            (doc_id, ord_ - before, ord_ + after),
        ):
            self._check(r)
            if r[0] not in self.damaged_ids:
                src = _source(r[10:17])
                out.append((_passage(r, src.path), src))
        return out

    @guarded
    def passage_at(self, path: str, start: int, end: int) -> int | None:
        """The id of the passage of document ``path`` covering [start, end), if it still exists."""
        row = self.connect().execute(
            'SELECT p.id FROM passages p JOIN documents d ON d.id = p.doc_id WHERE d.path = ? AND p.start <= ?'
            ' AND p."end" >= ? ORDER BY p.start DESC LIMIT 1', (path, start, end)).fetchone()
        return row[0] if row else None

    @guarded
    def document_text(self, path: str) -> str | None:
        """A document's text, the one quotes are sliced from; None when it is not indexed, or when it is not
        the text the build hashed (``content_hash``: damage that still reads is never quoted as its words)."""
        row = self.connect().execute("SELECT text, content_hash FROM documents WHERE path = ?", (path,)).fetchone()
        if row is None:
            return None
        if path not in self._hashed:
            # Once per document and process: SHA-256 runs at ~240 MB/s on a small server (a book, ~4 ms), and
            # a generation's files are never rewritten once it serves.
            if content_hash(row[0]) != row[1]:
                self._report(f"the text of {path!r} is not what the build wrote")
                return None
            self._hashed.add(path)
        return row[0]

    @guarded
    def passages_within(self, path: str, start: int, end: int) -> list[tuple[Passage, SourceInfo]]:
        """The passages of document ``path`` that overlap [start, end), in order."""
        rows = self.connect().execute(
            f"SELECT {_SHOWN} FROM passages p JOIN documents d ON d.id = p.doc_id"
            ' WHERE d.path = ? AND p.start < ? AND p."end" > ? ORDER BY p.start', (path, end, start)).fetchall()
        for r in rows:
            self._check(r)
        return [(_passage(r, r[10]), _source(r[10:17])) for r in rows if r[0] not in self.damaged_ids]

    @guarded
    def check(self) -> None:
        """SQLite's own check of the file's structure (``IndexDamaged`` when it fails)."""
        found = self.connect().execute("PRAGMA quick_check").fetchone()[0]
        if found != "ok":
            raise IndexDamaged(self.path, f"SQLite quick_check: {found}")

    @guarded
    def passage_count(self) -> int:
        return self.connect().execute("SELECT COUNT(*) FROM passages").fetchone()[0]

    @guarded
    def speaker_entries(self) -> list[SpeakerName]:
        """Each written speaker name per document, with its passage count."""
        return [SpeakerName(*r) for r in self.connect().execute(
            "SELECT p.speaker, d.path, COUNT(*) FROM passages p JOIN documents d ON d.id = p.doc_id"
            " WHERE p.speaker IS NOT NULL GROUP BY p.speaker, d.path ORDER BY p.speaker, d.path")]

    @guarded
    def text_and_author(self, path: str) -> str:
        """A document's text with its author's name after it: every name the document gives (speakers.py)."""
        row = self.connect().execute("SELECT text, author FROM documents WHERE path = ?", (path,)).fetchone()
        return f"{row[0]}\n{row[1] or ''}" if row else ""

    @guarded
    def texts(self) -> Iterator[str]:
        """Every document's text, one at a time."""
        for (text,) in self.connect().execute("SELECT text FROM documents ORDER BY path"):
            yield text

    @guarded
    def speaker_people(self) -> dict[str, str] | None:
        """Each written speaker name's person as the build stored it; None for a store written before."""
        con = self.connect()
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'speaker_people'").fetchone():
            return None
        return dict(con.execute("SELECT name, person FROM speaker_people").fetchall())
