"""What the bot has answered, in SQLite: questions with the quotes shown, feedback votes, answer threads.

Buttons carry only a question id in their ``custom_id`` (Discord allows 100 characters), and look the
rest up here, so they keep working after a restart.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from quoth.records import Hit

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
"""


@dataclass(frozen=True)
class Asked:
    id: int
    question: str
    k: int
    source: str | None
    speaker: str | None
    hits: list[dict]


def hit_record(h: Hit) -> dict:
    p = h.passage
    return {"path": p.doc_path, "start": p.start, "end": p.end, "passage_id": p.id, "speaker": p.speaker,
            "score": round(h.score, 5)}


class Journal:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._con = sqlite3.connect(path, check_same_thread=False)
        self._lock = threading.Lock()
        with self._lock, self._con:
            self._con.executescript(SCHEMA)

    def record_question(self, question: str, k: int, source: str | None, speaker: str | None, user_id: int | None,
                        guild_id: int | None, channel_id: int | None, hits: list[Hit]) -> int:
        with self._lock, self._con:
            cur = self._con.execute(
                "INSERT INTO questions (question, k, source, speaker, user_id, guild_id, channel_id, hits, created)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (question, k, source, speaker, user_id, guild_id, channel_id,
                 json.dumps([hit_record(h) for h in hits]), time.time()))
            return int(cur.lastrowid)

    def add_hits(self, qid: int, hits: list[Hit]) -> None:
        asked = self.get(qid)
        if asked is None:
            return
        with self._lock, self._con:
            self._con.execute("UPDATE questions SET hits = ? WHERE id = ?",
                              (json.dumps(asked.hits + [hit_record(h) for h in hits]), qid))

    def get(self, qid: int) -> Asked | None:
        with self._lock:
            row = self._con.execute("SELECT id, question, k, source, speaker, hits FROM questions WHERE id = ?",
                                    (qid,)).fetchone()
        if row is None:
            return None
        return Asked(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]))

    def vote(self, qid: int, user_id: int, vote: int) -> bool:
        """Record (or change) a user's vote on an answer; False when the question is unknown."""
        asked = self.get(qid)
        if asked is None:
            return False
        with self._lock, self._con:
            self._con.execute(
                "INSERT INTO feedback (question_id, user_id, vote, question, hits, created) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (question_id, user_id) DO UPDATE SET vote = excluded.vote, created = excluded.created",
                (qid, user_id, vote, asked.question, json.dumps(asked.hits), time.time()))
        return True

    def feedback(self) -> list[dict]:
        with self._lock:
            rows = self._con.execute(
                "SELECT question_id, user_id, vote, question, hits FROM feedback ORDER BY id").fetchall()
        return [{"question_id": r[0], "user_id": r[1], "vote": r[2], "question": r[3], "hits": json.loads(r[4])}
                for r in rows]

    def add_thread(self, thread_id: int) -> None:
        with self._lock, self._con:
            self._con.execute("INSERT OR IGNORE INTO threads (thread_id, created) VALUES (?, ?)",
                              (thread_id, time.time()))

    def is_answer_thread(self, thread_id: int) -> bool:
        with self._lock:
            return self._con.execute("SELECT 1 FROM threads WHERE thread_id = ?", (thread_id,)).fetchone() is not None
