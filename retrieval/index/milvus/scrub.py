"""Scrubbing a Milvus Lite file after generations are dropped: the words of forgotten messages leave the disk.

milvus-lite 2.5 (the C++ engine) keeps every collection in one SQLite file (the local-file URI, e.g.
``/srv/quoth/milvus.db``); dropping a collection frees its pages but leaves their bytes in the file. ``VACUUM``
through Python's sqlite3 rewrites the file without them. Measured on 2.5.1: with no RPC in flight it succeeds
while the server runs, and the server goes on answering, inserting, deleting and restarting with every row
intact (its tables key rows by INTEGER PRIMARY KEY, which VACUUM keeps); but a server write that meets the
VACUUM's lock fails ("internal error") and the server then dies; searches and queries during VACUUMs were all
answered (1,900 of 1,900: a loaded collection is read from memory). So every other call this process makes on the
file passes a gate that the scrub closes while it runs (questions go on): pymilvus starts one server per file per
process and locks the file against other processes, so this process's calls are all the calls there are.

A Milvus reached by address (any real Milvus, or Lite started by hand) is not scrubbed here: its operator's
part is in the README's privacy section."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger("quoth.index")

# pymilvus methods that only read a loaded collection: they pass while a scrub runs (measured above).
READS = frozenset({"search", "query", "get", "query_iterator", "next", "list_collections", "has_collection",
                   "describe_collection", "list_indexes", "describe_index", "get_load_state"})
BUSY_WAIT = 5.0  # seconds the VACUUM waits for a lock held by the server before it is retried after the next drop


class Gate:
    """Many calls at once, or one scrub alone; a waiting scrub holds back new calls so a busy bot cannot starve it.
    (threading has no readers-writer lock, and no library here offers one.)"""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._calls = 0
        self._scrubbing = False
        self._waiting = 0

    @contextlib.contextmanager
    def call(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._scrubbing and not self._waiting)
            self._calls += 1
        try:
            yield
        finally:
            with self._cond:
                self._calls -= 1
                self._cond.notify_all()

    @contextlib.contextmanager
    def scrub(self) -> Iterator[None]:
        with self._cond:
            self._waiting += 1
            self._cond.wait_for(lambda: not self._scrubbing and not self._calls)
            self._waiting -= 1
            self._scrubbing = True
        try:
            yield
        finally:
            with self._cond:
                self._scrubbing = False
                self._cond.notify_all()


_gates: dict[Path, Gate] = {}
_pending: set[Path] = set()  # files whose last scrub failed: retried after the next drop, even of nothing
_lock = threading.Lock()


def local_file(uri: str) -> Path | None:
    """The Milvus Lite file of ``uri`` when pymilvus runs a server on it for this process (its rule: a URI
    ending in ``.db``), else None."""
    return Path(uri).expanduser().resolve() if uri.endswith(".db") else None


def gate(uri: str) -> Gate | None:
    """The one gate of ``uri``'s file, shared by every connection of this process; None for a Milvus by address."""
    path = local_file(uri)
    if path is None:
        return None
    with _lock:
        return _gates.setdefault(path, Gate())


def after_drop(uri: str, dropped: int) -> bool | None:
    """After ``dropped`` generations were dropped on ``uri``: scrub its file (or retry a failed scrub). Whether
    the file is clean; None where there is nothing Quoth can scrub (a Milvus by address, nothing dropped)."""
    path = local_file(uri)
    # milvus-lite 3 (Windows' extra) makes the ``.db`` path a folder and deletes a dropped collection's files
    if path is None or not path.is_file() or not (dropped or path in _pending):
        return None
    return scrub(path)


def scrub(path: Path) -> bool:
    """VACUUM ``path`` with every call of this process held back; a failure (busy, unreadable) is logged and
    left for the next drop to retry, never raised: a build or a question must not fail for it."""
    with _lock:
        g = _gates.setdefault(path, Gate())
    before = path.stat().st_size if path.exists() else 0
    try:
        # mode=rw: a file gone is an error, not a new empty database
        with g.scrub(), contextlib.closing(sqlite3.connect(path.as_uri() + "?mode=rw", uri=True,
                                                           timeout=BUSY_WAIT)) as db:
            db.execute("VACUUM")
    except (sqlite3.Error, OSError) as exc:
        _pending.add(path)
        log.warning("Milvus Lite file %s still holds the bytes of dropped collections (VACUUM failed: %s); "
                    "retried after the next drop", path, exc)
        return False
    _pending.discard(path)
    log.info("scrubbed Milvus Lite file %s: dropped collections' bytes overwritten (%d -> %d bytes)", path, before,
             path.stat().st_size)
    return True
