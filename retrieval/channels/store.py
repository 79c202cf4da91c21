"""``MessageStore``: the live channels' messages in one private SQLite file per Quoth data directory.

Every write is one short transaction and idempotent (a replayed event or backfill page changes nothing twice),
and bumps ``version()`` when it changes what is indexed; a build records the version it read
(``built_version``), so ``pending()`` says whether a build is due. A backfill page and its channel's cursor are
written in one transaction: a kill loses or doubles no page. Deletes leave tombstones (ids only, no words), so a
late backfill page or a replayed create cannot bring a deleted message back.

Withholding: each rendering of a document records where each message stands in it, keyed by (path, content
hash), with the message's revision. A passage of a document the serving generation holds is withheld while a
message it covers has since been deleted, forgotten, pruned or edited: from the moment that is written here until
a build without it serves, including a build that read the messages before the change and published after it.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..private_sqlite import BUSY_MS, connect_private, erase_wal
from ..records import Document, Passage
from .records import ChatMessage, LiveChannel
from .render import ROOT, Rendered, render_all

SCHEMA = """
CREATE TABLE IF NOT EXISTS channels (
    channel_id INTEGER PRIMARY KEY, guild_id INTEGER NOT NULL, name TEXT NOT NULL, enabled INTEGER NOT NULL,
    backfill_before INTEGER, backfill_done INTEGER NOT NULL DEFAULT 0, added_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY, guild_id INTEGER NOT NULL, channel_id INTEGER NOT NULL, parent_id INTEGER,
    channel_name TEXT NOT NULL, author_id INTEGER NOT NULL, author_name TEXT NOT NULL, content TEXT NOT NULL,
    created_at REAL NOT NULL, edited_at REAL, reply_to INTEGER,
    rev INTEGER NOT NULL  -- the version that last changed its words: a rendering of another rev is stale
);
CREATE INDEX IF NOT EXISTS messages_channel ON messages(channel_id, id);
CREATE INDEX IF NOT EXISTS messages_parent ON messages(parent_id);
CREATE INDEX IF NOT EXISTS messages_author ON messages(author_id);
CREATE INDEX IF NOT EXISTS messages_created ON messages(created_at);
CREATE TABLE IF NOT EXISTS tombstones (id INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS opted_out (user_id INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS renders (
    id INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT NOT NULL, hash TEXT NOT NULL,
    seq INTEGER NOT NULL,  -- the last rendering that produced it
    UNIQUE (path, hash)
);
CREATE TABLE IF NOT EXISTS spans (
    render_id INTEGER NOT NULL REFERENCES renders(id) ON DELETE CASCADE,
    message_id INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, rev INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS spans_render ON spans(render_id, start);
"""
_M_COLS = ("id, guild_id, channel_id, parent_id, channel_name, author_id, author_name, content, created_at, "
           "edited_at, reply_to")
_C_COLS = "c.channel_id, c.guild_id, c.name, c.enabled"
# Writes that take words out: the next build is followed by dropping the generations that held them.
REMOVED = "removed"
BUSY_SECONDS = BUSY_MS / 1000
_REMOVED = 2  # what _put answers when it took stored words out (an edit)


@dataclass(frozen=True)
class Rendering:
    """What one build read: the store's version then, the rendering's number, and the documents."""

    version: int
    seq: int
    documents: tuple[Document, ...]


class MessageStore:
    """The file at ``path``, created on the first write (reads of a missing file find nothing). Thread-safe:
    writes share one connection, each call its own short transaction under a lock (other processes wait on
    SQLite's); reads use a connection per thread, so a search's withholding check never waits for a write (WAL)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._con: sqlite3.Connection | None = None
        self._readers = threading.local()

    # --- the file ------------------------------------------------------------------------------------
    def _connect(self, create: bool) -> sqlite3.Connection | None:
        if self._con is None:
            if not create and not self.path.exists():
                return None
            con = connect_private(self.path)
            con.execute("PRAGMA foreign_keys=ON")
            with con:
                con.executescript(SCHEMA)
            self._con = con
        return self._con

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction, begun IMMEDIATE: its reads and writes are never interleaved with another process's."""
        with self._lock:
            con = self._connect(create=True)
            con.execute("BEGIN IMMEDIATE")
            try:
                yield con
            except BaseException:
                con.rollback()
                raise
            con.commit()

    def _reader(self) -> sqlite3.Connection | None:
        """This thread's reading connection; None while the file does not exist."""
        con = getattr(self._readers, "con", None)
        if con is None:
            with self._lock:
                if self._connect(create=False) is None:  # the schema is in place before anything reads
                    return None
            con = self._readers.con = sqlite3.connect(self.path, timeout=BUSY_SECONDS)
        return con

    def _read(self, sql: str, args: tuple = ()) -> list[tuple]:
        con = self._reader()
        return con.execute(sql, args).fetchall() if con is not None else []

    def close(self) -> None:
        """Close the writing connection and this thread's reading one (others close with their threads)."""
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None
        if getattr(self._readers, "con", None) is not None:
            self._readers.con.close()
            self._readers.con = None

    @staticmethod
    def _state(con: sqlite3.Connection, key: str) -> int:
        row = con.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else 0

    @staticmethod
    def _set(con: sqlite3.Connection, key: str, value: int) -> None:
        con.execute("INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = ?",
                    (key, value, value))

    def _bump(self, con: sqlite3.Connection, changed: int, removed: bool = False) -> int:
        """Count a change to what is indexed (none when ``changed`` is 0); returns ``changed``."""
        if changed:
            version = self._state(con, "version") + 1
            self._set(con, "version", version)
            if removed:
                self._set(con, REMOVED, version)
        return changed

    def _erase(self) -> None:
        """After a delete has committed: the write-ahead log's copies of the deleted rows, erased (under the lock:
        the writing connection is shared)."""
        with self._lock:
            erase_wal(self._connect(create=True), self.path)

    # --- channels ------------------------------------------------------------------------------------
    def enable(self, channel_id: int, guild_id: int, name: str) -> LiveChannel:
        """Index ``channel_id`` (again, if it was disabled: its backfill starts over)."""
        with self._write() as con:
            con.execute("INSERT INTO channels (channel_id, guild_id, name, enabled, added_at) VALUES (?, ?, ?, 1, ?) "
                        "ON CONFLICT(channel_id) DO UPDATE SET name = excluded.name, enabled = 1, "
                        "guild_id = excluded.guild_id", (channel_id, guild_id, name, time.time()))
        return self.channel(channel_id)

    def disable(self, channel_id: int) -> int:
        """Stop indexing ``channel_id``; its messages and its threads' leave the store. Returns how many."""
        with self._write() as con:
            con.execute("UPDATE channels SET enabled = 0, backfill_before = NULL, backfill_done = 0 "
                        "WHERE channel_id = ?", (channel_id,))
            gone = self._bump(con, self._remove_channel(con, channel_id), removed=True)
        self._erase()
        return gone

    def delete_channel(self, channel_id: int) -> int:
        """A channel or thread deleted on Discord: its messages and its threads' leave the store, and a channel
        is no longer indexed. Returns how many messages left. They leave tombstones: a history page read before
        the deletion (a thread's mirror) cannot bring them back."""
        with self._write() as con:
            con.execute("DELETE FROM channels WHERE channel_id = ?", (channel_id,))
            con.execute("INSERT OR IGNORE INTO tombstones (id) SELECT id FROM messages WHERE channel_id = ? OR "
                        "parent_id = ?", (channel_id, channel_id))
            gone = self._bump(con, self._remove_channel(con, channel_id), removed=True)
        self._erase()
        return gone

    @staticmethod
    def _remove_channel(con: sqlite3.Connection, channel_id: int) -> int:
        return con.execute("DELETE FROM messages WHERE channel_id = ? OR parent_id = ?",
                           (channel_id, channel_id)).rowcount

    def channel(self, channel_id: int) -> LiveChannel | None:
        found = [c for c in self.channels() if c.channel_id == channel_id]
        return found[0] if found else None

    def channels(self, guild_id: int | None = None) -> list[LiveChannel]:
        """The channels ever enabled (disabled ones too), with their message counts and backfill progress."""
        rows = self._read(
            f"SELECT {_C_COLS}, (SELECT COUNT(*) FROM messages m WHERE m.channel_id = c.channel_id OR "
            "m.parent_id = c.channel_id), c.backfill_before, c.backfill_done, c.added_at FROM channels c "
            "WHERE ? IS NULL OR c.guild_id = ? ORDER BY c.guild_id, c.name", (guild_id, guild_id))
        return [LiveChannel(r[0], r[1], r[2], bool(r[3]), r[4], r[5], bool(r[6]), r[7]) for r in rows]

    def enabled(self, channel_id: int) -> bool:
        return bool(self._read("SELECT 1 FROM channels WHERE channel_id = ? AND enabled = 1", (channel_id,)))

    # --- messages ------------------------------------------------------------------------------------
    def upsert(self, messages: Iterable[ChatMessage], backfill: tuple[int, int | None, bool] | None = None) -> int:
        """Insert or update messages by id; returns how many changed. Left out: messages of channels not enabled,
        of opted-out authors, and deleted ones (tombstones). ``backfill=(channel_id, before_id, done)`` moves
        the channel's backfill cursor in the same transaction."""
        messages = list(messages)
        with self._write() as con:
            rev = self._state(con, "version") + 1
            put = [self._put(con, m, rev) for m in messages]
            changed, removed = sum(map(bool, put)), _REMOVED in put
            if backfill is not None:
                channel_id, before, done = backfill
                con.execute("UPDATE channels SET backfill_before = ?, backfill_done = ? WHERE channel_id = ? AND "
                            "enabled = 1", (before, int(done), channel_id))
            self._bump(con, changed, removed=removed)
        if removed:
            self._erase()
        return changed

    @staticmethod
    def _put(con: sqlite3.Connection, m: ChatMessage, rev: int) -> int:
        """Write one message (unless it is to be left out or is already as given); whether it changed
        (``_REMOVED``: its words changed, so old words left the store, or, for someone who opted out, the whole
        message did)."""
        if not con.execute("SELECT 1 FROM channels WHERE channel_id = ? AND enabled = 1", (m.indexed_channel,)
                           ).fetchone():
            return False
        if con.execute("SELECT 1 FROM tombstones WHERE id = ?", (m.id,)).fetchone():
            return False
        if con.execute("SELECT 1 FROM opted_out WHERE user_id = ?", (m.author_id,)).fetchone():
            # Their new words stay out; words an edit removed must not stay quoted either: the message goes.
            gone = con.execute("DELETE FROM messages WHERE id = ? AND content != ?", (m.id, m.content)).rowcount
            return _REMOVED if gone else False
        row = (m.guild_id, m.channel_id, m.parent_id, m.channel_name, m.author_id, m.author_name, m.content,
               m.created_at, m.edited_at, m.reply_to)
        old = con.execute(f"SELECT {_M_COLS}, rev FROM messages WHERE id = ?", (m.id,)).fetchone()
        if old is not None and tuple(old[1:11]) == row:
            return False
        if old is not None and old[9] is not None and (m.edited_at or 0) < old[9]:
            return False  # an older copy (a backfill page read before the edit): the newer words stay
        words_rev = old[11] if old is not None and old[7] == m.content else rev
        con.execute(f"INSERT OR REPLACE INTO messages ({_M_COLS}, rev) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (m.id, *row, words_rev))
        # Words edited away are removed like a deleted message's: the generations holding them go after the build.
        return _REMOVED if old is not None and old[7] != m.content else True

    def delete(self, ids: Iterable[int]) -> int:
        """Delete messages by id, leaving tombstones (ids alone) so that nothing brings them back; returns how
        many were stored."""
        ids = sorted(set(ids))
        with self._write() as con:
            gone = 0
            for i in range(0, len(ids), 900):
                chunk = ids[i:i + 900]
                marks = ",".join("?" * len(chunk))
                gone += con.execute(f"DELETE FROM messages WHERE id IN ({marks})", chunk).rowcount
            con.executemany("INSERT OR IGNORE INTO tombstones (id) VALUES (?)", [(i,) for i in ids])
            self._bump(con, gone, removed=True)
        if gone:
            self._erase()
        return gone

    def forget_user(self, user_id: int) -> int:
        """Delete every message ``user_id`` wrote (their future ones still come in unless they opt out). The
        deleted ones leave tombstones, as deletes do: they are still on Discord, and a backfill page, a restart's
        reconcile or a thread's mirror reading them again must not bring them back."""
        with self._write() as con:
            con.execute("INSERT OR IGNORE INTO tombstones (id) SELECT id FROM messages WHERE author_id = ?",
                        (user_id,))
            gone = self._bump(con, con.execute("DELETE FROM messages WHERE author_id = ?", (user_id,)).rowcount,
                              removed=True)
        self._erase()
        return gone

    def opt_out(self, user_id: int) -> None:
        """Keep ``user_id``'s future messages out (what is stored already stays: ``forget_user`` removes it)."""
        with self._write() as con:
            con.execute("INSERT OR IGNORE INTO opted_out (user_id) VALUES (?)", (user_id,))

    def opt_in(self, user_id: int) -> None:
        with self._write() as con:
            con.execute("DELETE FROM opted_out WHERE user_id = ?", (user_id,))

    def opted_out(self, user_id: int) -> bool:
        return bool(self._read("SELECT 1 FROM opted_out WHERE user_id = ?", (user_id,)))

    def opted_out_users(self) -> set[int]:
        """Everyone who opted out here (a server listed later learns them from the others' stores)."""
        return {r[0] for r in self._read("SELECT user_id FROM opted_out")}

    def prune(self, before: float) -> int:
        """Delete messages posted before ``before`` (unix seconds): retention."""
        with self._write() as con:
            gone = self._bump(con, con.execute("DELETE FROM messages WHERE created_at < ?", (before,)).rowcount,
                              removed=True)
        if gone:
            self._erase()
        return gone

    def newest_id(self, channel_id: int) -> int | None:
        """The newest stored message of the channel or thread (catching up after a restart starts after it)."""
        rows = self._read("SELECT MAX(id) FROM messages WHERE channel_id = ?", (channel_id,))
        return rows[0][0] if rows else None

    def threads(self, channel_id: int) -> set[int]:
        """The threads under ``channel_id`` that have stored messages."""
        return {r[0] for r in self._read("SELECT DISTINCT channel_id FROM messages WHERE parent_id = ?",
                                         (channel_id,))}

    def ids_between(self, channel_id: int, after: int, before: int) -> set[int]:
        """Stored message ids of the channel or thread strictly between ``after`` and ``before``."""
        return {r[0] for r in self._read("SELECT id FROM messages WHERE channel_id = ? AND id > ? AND id < ?",
                                         (channel_id, after, before))}

    def count(self, guild_id: int | None = None) -> int:
        rows = self._read("SELECT COUNT(*) FROM messages WHERE ? IS NULL OR guild_id = ?", (guild_id, guild_id))
        return rows[0][0] if rows else 0

    def version(self) -> int:
        rows = self._read("SELECT value FROM state WHERE key = 'version'")
        return rows[0][0] if rows else 0

    def built_version(self) -> int:
        rows = self._read("SELECT value FROM state WHERE key = 'built_version'")
        return rows[0][0] if rows else 0

    def pending(self) -> bool:
        """Whether messages changed since the last build read them."""
        return self.version() > self.built_version()

    # --- documents, builds and withholding -----------------------------------------------------------
    def documents(self) -> Iterator[Document]:
        """Every live document as it reads now (one per channel or thread per UTC day; see render.py)."""
        yield from self.render().documents

    def render(self) -> Rendering:
        """The messages as one read transaction saw them, with the version they are, rendered; each document's
        message spans recorded (before a build can publish it) for withholding."""
        con = self._reader()
        if con is None:
            return Rendering(0, 0, ())
        with con:  # one snapshot: the version and the messages agree
            con.execute("BEGIN")
            version = self._state(con, "version")
            names = dict(con.execute("SELECT channel_id, name FROM channels"))
            messages = [(ChatMessage(*r[:11]), r[11]) for r in con.execute(f"SELECT {_M_COLS}, rev FROM messages")]
        rendered = render_all(messages, names)
        with self._write() as con:
            seq = self._state(con, "render") + 1
            self._set(con, "render", seq)
            for r in rendered:
                self._record(con, r, seq)
        return Rendering(version, seq, tuple(r.document for r in rendered))

    @staticmethod
    def _record(con: sqlite3.Connection, r: Rendered, seq: int) -> None:
        doc = r.document
        con.execute("INSERT INTO renders (path, hash, seq) VALUES (?, ?, ?) ON CONFLICT(path, hash) DO UPDATE "
                    "SET seq = excluded.seq", (doc.path, doc.content_hash, seq))
        (render_id,) = con.execute("SELECT id FROM renders WHERE path = ? AND hash = ?",
                                   (doc.path, doc.content_hash)).fetchone()
        con.execute("DELETE FROM spans WHERE render_id = ?", (render_id,))
        con.executemany('INSERT INTO spans (render_id, message_id, start, "end", rev) VALUES (?, ?, ?, ?, ?)',
                        [(render_id, s.message_id, s.start, s.end, s.rev) for s in r.spans])

    def mark_built(self, rendering: Rendering) -> None:
        """A build of ``rendering`` now serves: what it read is built, and spans only renderings older than the
        generation it replaced knew are dropped (that one may still serve a reader for a moment)."""
        if self._reader() is None:  # no live messages, ever: nothing to record (and no file to make)
            return
        with self._write() as con:
            self._set(con, "built_version", max(rendering.version, self._state(con, "built_version")))
            before = self._state(con, "built_render")
            con.execute("DELETE FROM renders WHERE seq < ?", (before,))
            self._set(con, "built_render", max(rendering.seq, before))

    def purge_due(self) -> bool:
        """Whether a build that left out removed messages serves while older generations may still hold them."""
        rows = dict(self._read("SELECT key, value FROM state WHERE key IN (?, 'built_version', 'purged')",
                               (REMOVED,)))
        return rows.get("purged", 0) < rows.get(REMOVED, 0) <= rows.get("built_version", 0)

    def mark_purged(self) -> None:
        """The generations older than the serving one are gone: nothing removed is left in any."""
        with self._write() as con:
            self._set(con, "purged", self._state(con, "built_version"))

    def withheld_spans(self, path: str, content_hash: str) -> list[tuple[int, int]]:
        """The [start, end) ranges of the document ``path`` as rendered with ``content_hash`` whose message has
        been deleted, forgotten, pruned or edited since."""
        if not path.startswith(f"{ROOT}/"):
            return []
        return self._read(
            'SELECT s.start, s."end" FROM renders r JOIN spans s ON s.render_id = r.id LEFT JOIN messages m '
            "ON m.id = s.message_id WHERE r.path = ? AND r.hash = ? AND (m.id IS NULL OR m.rev != s.rev) "
            "ORDER BY s.start", (path, content_hash))

    def withheld(self, passage: Passage, content_hash: str) -> bool:
        """Whether ``passage`` (of the document rendered with ``content_hash``) covers a message that is no longer
        as it was rendered: never shown."""
        return any(a < passage.end and passage.start < b for a, b in self.withheld_spans(passage.doc_path,
                                                                                          content_hash))
