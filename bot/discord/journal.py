"""What the bot has answered, in SQLite: questions with the quotes shown, feedback votes, answer threads.

Buttons carry only a question id in their ``custom_id`` (Discord allows 100 characters), and look the
rest up here, so they keep working after a restart.

Privacy: the file is readable by its owner only (0600). A question (its text, the asker's user, server and
channel ids) and the votes on it are kept ``keep_days`` days (``bot.journal_days``), then deleted; only daily
counts remain (questions, answered, abstained, 👍, 👎). With 0 days a question is kept only for the hour its
buttons need it. ``forget(user_id)`` deletes one person's questions and votes (``/forget-me``, ``quoth forget``).

Deleting is erasing: every connection sets ``secure_delete`` (SQLite's upstream default leaves deleted rows'
bytes in the file until the page is reused; some builds, not all, turn it on), ``forget`` truncates the WAL if
the file is in WAL mode, and a file written before this (``user_version`` 0) is vacuumed once when opened, which
drops whatever an older Quoth left in free pages.
"""

from __future__ import annotations

import functools
import json
import logging
import secrets
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from quoth.private_sqlite import erase_wal
from quoth.records import Hit

from .journal_file import is_damage, open_journal, start_fresh

log = logging.getLogger("quoth.bot")
# An answer's id is drawn at random below this (not numbered in order): it is in every button's custom id, seen by
# whoever sees the answer, and ids in order would tell a member of one server how many questions were asked in the
# others between two answers (and which forged ids exist).
QID_SPACE = 1 << 53

SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    question TEXT NOT NULL,
    k INTEGER NOT NULL,
    source TEXT, speaker TEXT,
    user_id INTEGER, guild_id INTEGER, channel_id INTEGER,
    hits TEXT NOT NULL DEFAULT '[]',
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    question_id INTEGER NOT NULL REFERENCES questions(id),
    user_id INTEGER NOT NULL,
    vote INTEGER NOT NULL,
    question TEXT NOT NULL,
    hits TEXT NOT NULL,
    created REAL NOT NULL,
    UNIQUE (question_id, user_id)
);
CREATE TABLE IF NOT EXISTS threads (
    thread_id INTEGER PRIMARY KEY,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS daily (
    day TEXT PRIMARY KEY,
    questions INTEGER NOT NULL DEFAULT 0,
    answered INTEGER NOT NULL DEFAULT 0,
    abstained INTEGER NOT NULL DEFAULT 0,
    up INTEGER NOT NULL DEFAULT 0,
    down INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS posted (
    passage_id INTEGER NOT NULL,
    posted REAL NOT NULL,
    tenant TEXT NOT NULL DEFAULT 'default'
);
CREATE TABLE IF NOT EXISTS guild_daily (
    guild_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    questions INTEGER NOT NULL DEFAULT 0,
    answered INTEGER NOT NULL DEFAULT 0,
    abstained INTEGER NOT NULL DEFAULT 0,
    up INTEGER NOT NULL DEFAULT 0,
    down INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (guild_id, day)
);
CREATE INDEX IF NOT EXISTS questions_created ON questions(created);
CREATE INDEX IF NOT EXISTS questions_user ON questions(user_id);
"""
BUTTON_SECONDS = 3600  # how long a question is kept when nothing is to be kept: its buttons still work
PRUNE_EVERY = 600.0  # seconds between retention passes while the bot runs
SCRUBBED = 1  # PRAGMA user_version of a journal whose free space has been vacuumed since deletes erase
# Counts and lists per server: ANYWHERE is every server and DMs together (the operator's CLI); None is DMs alone;
# DM_ROW is the guild_id the per-server daily counts give DMs (a primary key cannot hold NULL).
ANYWHERE = -1
DM_ROW = 0
COUNTS = ("questions", "answered", "abstained", "up", "down")


@dataclass(frozen=True)
class Asked:
    id: int
    question: str
    k: int
    source: str | None
    speaker: str | None
    hits: list[dict]
    guild_id: int | None = None  # where it was asked: a button is honoured only there (a DM: its channel)
    channel_id: int | None = None

    def asked_in(self, guild_id: int | None, channel_id: int | None) -> bool:
        """Whether a click in ``guild_id``/``channel_id`` is where this was asked: the same server, or in a DM (or
        user-installed context) the same channel."""
        if self.guild_id is not None:
            return guild_id == self.guild_id
        return guild_id is None and channel_id == self.channel_id


def hit_record(h: Hit) -> dict:
    p = h.passage
    return {"path": p.doc_path, "start": p.start, "end": p.end, "passage_id": p.id, "speaker": p.speaker,
            "score": round(h.score, 5)}


def _day(ts: float) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(ts))


def _fresh_on_damage(method):
    """``method``, tried once more on a fresh journal when the file turns out damaged while the bot runs (a
    file damaged before is found by open_journal): a question must not fail on the journal's account."""
    @functools.wraps(method)
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc):
                raise
            self._start_fresh(exc)
            return method(self, *args, **kwargs)
    return call


def _every_public_method(wrap):
    """A class decorator applying ``wrap`` to each public method: every way into the file, none forgotten."""
    def decorate(cls):
        for name, value in list(vars(cls).items()):
            if not name.startswith("_") and callable(value):
                setattr(cls, name, wrap(value))
        return cls
    return decorate


@_every_public_method(_fresh_on_damage)
class Journal:
    def __init__(self, path: Path, keep_days: int = 90) -> None:
        self.path = path
        self.keep_days = keep_days
        self._con = open_journal(path, SCHEMA)  # private (0600); a damaged file is set aside, with a warning
        self._lock = threading.Lock()
        self._pruned = 0.0
        self._scrub()
        self._add_tenant_column()
        self.prune()

    def _add_tenant_column(self) -> None:
        """A journal written before servers had corpora of their own: its posted quotes were the default corpus's."""
        with self._lock, self._con:
            columns = {r[1] for r in self._con.execute("PRAGMA table_info(posted)")}
            if "tenant" not in columns:
                self._con.execute("ALTER TABLE posted ADD COLUMN tenant TEXT NOT NULL DEFAULT 'default'")

    def _scrub(self) -> None:
        """Once per file: vacuum away what deletes made before ``secure_delete`` was set (an older Quoth)."""
        with self._lock:
            if self._con.execute("PRAGMA user_version").fetchone()[0] >= SCRUBBED:
                return
            self._con.execute("VACUUM")
            self._con.execute(f"PRAGMA user_version={SCRUBBED}")
            self._erase_wal()

    def _erase_wal(self) -> None:
        """In WAL mode the log still holds the pages as they were before a delete: checkpoint it and truncate it
        to nothing (a no-op in the default rollback-journal mode, whose journal is deleted at commit)."""
        erase_wal(self._con, self.path)  # another process reading it: its next checkpoint finishes

    def _start_fresh(self, why: sqlite3.DatabaseError) -> None:
        with self._lock:
            self._con.close()
            self._con = start_fresh(self.path, SCHEMA, why)

    def record_question(self, question: str, k: int, source: str | None, speaker: str | None, user_id: int | None,
                        guild_id: int | None, channel_id: int | None, hits: list[Hit]) -> int:
        now = time.time()
        with self._lock, self._con:
            while True:
                qid = secrets.randbelow(QID_SPACE - 1) + 1
                if self._con.execute("SELECT 1 FROM questions WHERE id = ?", (qid,)).fetchone() is None:
                    break
            self._con.execute(
                "INSERT INTO questions (id, question, k, source, speaker, user_id, guild_id, channel_id, hits, "
                "created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (qid, question, k, source, speaker, user_id, guild_id, channel_id,
                 json.dumps([hit_record(h) for h in hits]), now))
            self._count(now, guild_id, questions=1, answered=int(bool(hits)), abstained=int(not hits))
        if now - self._pruned > PRUNE_EVERY:
            self.prune(now)
        return qid

    def _count(self, ts: float, guild_id: int | None, **add: int) -> None:
        """Add to the day's counts, everywhere's and the server's (called with the lock held, in a transaction)."""
        self._con.execute("INSERT OR IGNORE INTO daily (day) VALUES (?)", (_day(ts),))
        sets = ", ".join(f"{k} = {k} + ?" for k in add)
        self._con.execute(f"UPDATE daily SET {sets} WHERE day = ?", (*add.values(), _day(ts)))
        row = DM_ROW if guild_id is None else guild_id
        self._con.execute("INSERT OR IGNORE INTO guild_daily (guild_id, day) VALUES (?, ?)", (row, _day(ts)))
        self._con.execute(f"UPDATE guild_daily SET {sets} WHERE guild_id = ? AND day = ?",
                          (*add.values(), row, _day(ts)))

    def prune(self, now: float | None = None) -> int:
        """Delete questions and votes older than the retention; returns how many questions went."""
        now = time.time() if now is None else now
        cutoff = now - (self.keep_days * 86400 if self.keep_days > 0 else BUTTON_SECONDS)
        with self._lock, self._con:
            self._con.execute("DELETE FROM feedback WHERE question_id IN (SELECT id FROM questions WHERE created < ?)"
                              " OR created < ?", (cutoff, cutoff))
            gone = self._con.execute("DELETE FROM questions WHERE created < ?", (cutoff,)).rowcount
        if gone:
            with self._lock:
                self._erase_wal()
        self._pruned = now
        return gone

    def forget(self, user_id: int) -> tuple[int, int]:
        """Delete everything one person asked and every vote they gave: (questions, votes) deleted."""
        with self._lock, self._con:
            votes = self._con.execute("DELETE FROM feedback WHERE user_id = ?", (user_id,)).rowcount
            self._con.execute("DELETE FROM feedback WHERE question_id IN (SELECT id FROM questions WHERE user_id = ?)",
                              (user_id,))
            asked = self._con.execute("DELETE FROM questions WHERE user_id = ?", (user_id,)).rowcount
        with self._lock:
            self._erase_wal()
        return asked, votes

    def counts(self, since_day: str = "", guild_id: int | None = ANYWHERE) -> dict[str, int]:
        """The daily counts summed from ``since_day`` (YYYY-MM-DD) on: everywhere, or one server's (None: DMs)."""
        sums = ", ".join(f"COALESCE(SUM({c}), 0)" for c in COUNTS)
        with self._lock:
            if guild_id == ANYWHERE:
                row = self._con.execute(f"SELECT {sums} FROM daily WHERE day >= ?", (since_day,)).fetchone()
            else:
                row = self._con.execute(f"SELECT {sums} FROM guild_daily WHERE day >= ? AND guild_id = ?",
                                        (since_day, DM_ROW if guild_id is None else guild_id)).fetchone()
        return dict(zip(COUNTS, row, strict=True))

    def add_hits(self, qid: int, hits: list[Hit]) -> None:
        asked = self.get(qid)
        if asked is None:
            return
        with self._lock, self._con:
            self._con.execute("UPDATE questions SET hits = ? WHERE id = ?",
                              (json.dumps(asked.hits + [hit_record(h) for h in hits]), qid))

    def get(self, qid: int) -> Asked | None:
        with self._lock:
            row = self._con.execute("SELECT id, question, k, source, speaker, hits, guild_id, channel_id FROM "
                                    "questions WHERE id = ?", (qid,)).fetchone()
        if row is None:
            return None
        return Asked(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]), row[6], row[7])

    def vote(self, qid: int, user_id: int, vote: int) -> bool:
        """Record (or change) a user's vote on an answer; False when the question is unknown."""
        asked = self.get(qid)
        if asked is None:
            return False
        now = time.time()
        with self._lock, self._con:
            old = self._con.execute("SELECT vote FROM feedback WHERE question_id = ? AND user_id = ?",
                                    (qid, user_id)).fetchone()
            self._con.execute(
                "INSERT INTO feedback (question_id, user_id, vote, question, hits, created) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (question_id, user_id) DO UPDATE SET vote = excluded.vote, created = excluded.created",
                (qid, user_id, vote, asked.question, json.dumps(asked.hits), now))
            if old is None or old[0] != vote:
                change = {"up": int(vote > 0), "down": int(vote < 0)}
                if old is not None:
                    change["up"] -= int(old[0] > 0)
                    change["down"] -= int(old[0] < 0)
                self._count(now, asked.guild_id, **change)
        return True

    def feedback(self) -> list[dict]:
        with self._lock:
            rows = self._con.execute(
                "SELECT question_id, user_id, vote, question, hits FROM feedback ORDER BY id").fetchall()
        return [{"question_id": r[0], "user_id": r[1], "vote": r[2], "question": r[3], "hits": json.loads(r[4])}
                for r in rows]

    def unanswered(self, since: float = 0.0, limit: int = 50, guild_id: int | None = ANYWHERE) -> list[dict]:
        """Questions that got "Nothing relevant found.", most asked first (one question in any letter case is
        one entry), everywhere or in one server (None: DMs). Checked quotes (/verify) that found nothing are not
        questions and are left out."""
        where, args = _in_guild("", guild_id)
        with self._lock:
            rows = self._con.execute(
                "SELECT MAX(question), COUNT(*), MAX(created) FROM questions WHERE hits = '[]' AND k >= 1 AND "
                f"created >= ?{where} GROUP BY lower(trim(question)) ORDER BY COUNT(*) DESC, MAX(created) DESC "
                "LIMIT ?", (since, *args, limit)).fetchall()
        return [{"question": r[0], "asked": r[1], "last": r[2]} for r in rows]

    def downvoted(self, since: float = 0.0, limit: int = 50, guild_id: int | None = ANYWHERE) -> list[dict]:
        """Answers with at least one 👎, most downvoted first: the question, the quotes shown, the votes; everywhere
        or in one server (None: DMs)."""
        where, args = _in_guild("question_id IN (SELECT id FROM questions WHERE ", guild_id)
        with self._lock:
            rows = self._con.execute(
                "SELECT question_id, MAX(question), MAX(hits), SUM(vote > 0), SUM(vote < 0), MAX(created) "
                f"FROM feedback WHERE created >= ?{where} GROUP BY question_id HAVING SUM(vote < 0) > 0 "
                "ORDER BY SUM(vote < 0) DESC, SUM(vote > 0), MAX(created) DESC LIMIT ?",
                (since, *args, limit)).fetchall()
        return [{"question_id": r[0], "question": r[1], "hits": json.loads(r[2]), "up": r[3], "down": r[4],
                 "last": r[5]} for r in rows]

    def posted_since(self, since: float, tenant: str = "default") -> set[int]:
        """Passages of ``tenant``'s corpus posted as the quote of the day since ``since`` (a timestamp): passage
        ids are each index's own, so another server's say nothing about this one's."""
        with self._lock:
            return {r[0] for r in self._con.execute("SELECT passage_id FROM posted WHERE posted >= ? AND tenant = ?",
                                                    (since, tenant))}

    def add_posted(self, passage_id: int, tenant: str = "default") -> None:
        with self._lock, self._con:
            self._con.execute("INSERT INTO posted (passage_id, posted, tenant) VALUES (?, ?, ?)",
                              (passage_id, time.time(), tenant))

    def add_thread(self, thread_id: int) -> None:
        with self._lock, self._con:
            self._con.execute("INSERT OR IGNORE INTO threads (thread_id, created) VALUES (?, ?)",
                              (thread_id, time.time()))

    def is_answer_thread(self, thread_id: int) -> bool:
        with self._lock:
            return self._con.execute("SELECT 1 FROM threads WHERE thread_id = ?", (thread_id,)).fetchone() is not None


def _in_guild(opening: str, guild_id: int | None) -> tuple[str, tuple]:
    """The SQL condition (after ``AND``) keeping one server's questions (None: DMs'); nothing for ANYWHERE.
    ``opening`` reaches the questions table from another (closed by one parenthesis)."""
    if guild_id == ANYWHERE:
        return "", ()
    close = ")" if opening else ""
    if guild_id is None:
        return f" AND {opening}guild_id IS NULL{close}", ()
    return f" AND {opening}guild_id = ?{close}", (guild_id,)
