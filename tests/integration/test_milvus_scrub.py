"""Scrubbing a local Milvus Lite file (scrub.py) on the C++ engine: VACUUM runs while this process keeps writing
through other connections (their writes wait at the gate: one meeting VACUUM's lock would kill the server), and
a file that stays busy is said and scrubbed after the next drop."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from quoth.index.milvus import scrub
from quoth.index.milvus.connection import Milvus


@pytest.fixture
def lite_uri(tmp_path):
    from tests.milvus import lite_file

    with lite_file(tmp_path / "milvus.db") as uri:
        yield uri


def test_scrubs_while_another_connection_writes_lose_nothing_and_the_server_keeps_answering(lite_uri):
    m = Milvus(lite_uri)
    m.create_collection("gone", dimension=4, id_type="string", max_length=32, auto_id=False)
    m.insert("gone", [{"id": f"g{i}", "vector": [0.1, 0.2, 0.3, 0.4], "t": "quokka-topaz-5521"} for i in range(50)])
    m.drop_collection("gone")
    path = scrub.local_file(lite_uri)
    assert b"quokka-topaz-5521" in path.read_bytes()  # a dropped collection's bytes stay in freed pages
    errors, written, stop = [], [], threading.Event()

    def write() -> None:
        w = Milvus(lite_uri)
        w.create_collection("kept", dimension=4, id_type="string", max_length=32, auto_id=False)
        while not stop.is_set():
            try:
                n = len(written)
                w.insert("kept", [{"id": f"k{n}", "vector": [0.4, 0.3, 0.2, 0.1], "t": "kept"}])
                w.delete("kept", ids=[f"k{n - 1}"]) if n % 2 else None
                written.append(n)
            except Exception as exc:  # the test's point: none may happen
                errors.append(exc)

    t = threading.Thread(target=write)
    t.start()
    try:
        for _ in range(600):  # the writer's first insert, then scrubs among its writes
            if written or errors:
                break
            time.sleep(0.05)
        done = []
        for _ in range(8):
            done.append(scrub.scrub(path))
            time.sleep(0.05)
        during = len(written)
    finally:
        stop.set()
        t.join(60)
    assert done == [True] * 8 and errors == [] and during > 8
    assert b"quokka-topaz-5521" not in path.read_bytes()
    kept = {r["id"] for r in m.query("kept", filter="", output_fields=["id"], limit=16384)}
    assert kept == {f"k{n}" for n in written if not (n + 1 < len(written) and (n + 1) % 2)}
    m.insert("kept", [{"id": "after", "vector": [0.1, 0.1, 0.1, 0.1], "t": "after"}])
    assert m.search("kept", data=[[0.1, 0.1, 0.1, 0.1]], limit=1)[0][0]["id"] == "after"


def test_a_busy_file_is_said_and_scrubbed_after_the_next_drop(tmp_path, monkeypatch, caplog):
    path = tmp_path / "milvus.db"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA secure_delete = OFF")  # as the server writes (this Python's SQLite has it on)
        db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB)")
        db.execute("INSERT INTO t (data) VALUES (?)", (b"emu-onyx-7710" * 200,))
        db.execute("DELETE FROM t")
    assert b"emu-onyx-7710" in path.read_bytes()
    monkeypatch.setattr(scrub, "BUSY_WAIT", 0.1)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another writer holds the file
    assert scrub.after_drop(str(path), 1) is False
    assert "retried after the next drop" in caplog.text
    holder.execute("ROLLBACK")
    holder.close()
    assert scrub.after_drop(str(path), 0) is True  # a drop of nothing retries the failed scrub
    assert b"emu-onyx-7710" not in path.read_bytes()
    assert scrub.after_drop(str(path), 0) is None  # nothing pending, nothing dropped: nothing to do
    assert scrub.after_drop("http://127.0.0.1:19530", 3) is None  # a Milvus by address is its operator's
    (tmp_path / "lite3.db").mkdir()
    assert scrub.after_drop(str(tmp_path / "lite3.db"), 3) is None  # milvus-lite 3's folder: its files go
