"""SQLite files that hold what people wrote (the bot's journal, live channel messages): private, and erased
when deleted.

Private: created for the owner alone (0600) before SQLite first opens it, and tightened if an older Quoth left it
readable; SQLite gives its ``-wal`` and ``-shm`` files the main file's mode. Erased: every connection sets
``secure_delete`` (SQLite's upstream default leaves deleted rows' bytes in the file until the page is reused; some
builds, not all, turn it on), and after a delete ``erase_wal`` checkpoints the write-ahead log and truncates it,
since the log still holds the pages as they were before the delete.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

log = logging.getLogger("quoth")
BUSY_MS = 10_000  # how long a writer waits for another process's transaction (the bot and `quoth forget`)


def create_private(path: Path) -> None:
    """The file, created for its owner alone, and tightened if an older Quoth left it readable by everyone."""
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    os.chmod(path, 0o600)


def connect_private(path: Path, wal: bool = True) -> sqlite3.Connection:
    """A connection to the private file at ``path`` (created, with its folder, if missing) that erases what it
    deletes; in WAL mode when ``wal``, so readers never wait for a writer."""
    path.parent.mkdir(parents=True, exist_ok=True)
    create_private(path)
    con = sqlite3.connect(path, check_same_thread=False, timeout=BUSY_MS / 1000)
    con.execute("PRAGMA secure_delete=ON")
    if wal:
        con.execute("PRAGMA journal_mode=WAL")
    return con


def erase_wal(con: sqlite3.Connection, path: Path) -> bool:
    """Checkpoint the write-ahead log into the file and truncate it to nothing (a no-op outside WAL mode);
    False, with a warning, when another connection was reading it: its next checkpoint finishes the job."""
    busy = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    if busy:
        log.warning("%s-wal could not be truncated now (another connection is reading it); what was deleted "
                    "leaves it at the next checkpoint", path)
    return not busy
