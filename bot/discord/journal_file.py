"""Opening the bot's journal file: checked first, and set aside when damaged so the bot keeps answering.

A journal damaged on disk (a full disk, a bad sector, a copy cut short) used to stop every command that
opens it, and the bot itself, with SQLite's own traceback. It holds what people asked and their votes, which
the bot can live without: the damaged file (and its ``-journal``/``-wal``/``-shm`` companions) is renamed
to ``<name>.damaged-<time>`` for whoever wants to rescue it, and a fresh journal starts, with one warning.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from pathlib import Path

from quoth.private_sqlite import create_private

log = logging.getLogger("quoth.bot")

# SQLite's own words for a file that is not (or no longer) a database; other errors (locked, read-only,
# no space) are about the moment, not the file, and are raised as they are.
DAMAGED_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
SIDE_FILES = ("-journal", "-wal", "-shm")


def open_journal(path: Path, schema: str) -> sqlite3.Connection:
    """A connection to the journal at ``path`` with ``schema`` in place: the file as it is when SQLite finds
    it sound, else a fresh one, the damaged one moved aside."""
    path.parent.mkdir(parents=True, exist_ok=True)
    create_private(path)
    try:
        return _checked(path, schema)
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
        return start_fresh(path, schema, exc)


def is_damage(exc: sqlite3.DatabaseError) -> bool:
    return getattr(exc, "sqlite_errorcode", None) in DAMAGED_CODES


def start_fresh(path: Path, schema: str, why: sqlite3.DatabaseError) -> sqlite3.Connection:
    """The damaged journal at ``path`` set aside, with one warning, and a fresh one in its place."""
    aside = set_aside(path)
    log.warning("the bot journal %s is damaged (%s): moved aside to %s; starting a fresh journal (past "
                "answers' buttons and the counts so far stay in the damaged file)", path, why, aside.name)
    create_private(path)
    return _checked(path, schema)


def _checked(path: Path, schema: str) -> sqlite3.Connection:
    con = sqlite3.connect(path, check_same_thread=False)
    # Zeroes what a DELETE frees (rows, free pages, the WAL's copies of them): forgetting must not depend on how
    # this machine's SQLite was built. Set here, so a fresh journal after damage has it too.
    con.execute("PRAGMA secure_delete=ON")
    try:
        # quick_check reads every page of every table (not the indexes' order): damage inside the file that the
        # first statements would not touch is found now, not at the first question that reaches it.
        problems = [row[0] for row in con.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            err = sqlite3.DatabaseError("; ".join(problems[:3]))
            err.sqlite_errorcode = sqlite3.SQLITE_CORRUPT
            raise err
        with con:
            con.executescript(schema)
    except BaseException:
        con.close()
        raise
    return con


def set_aside(path: Path) -> Path:
    """Rename ``path`` and its side files to ``<name>.damaged-<UTC time>[-journal|-wal|-shm]``."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while aside.exists():  # two in one second
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}.{n}")
    os.replace(path, aside)
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    return aside
