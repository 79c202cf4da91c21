"""Watching the corpus folder: real files, real edits, a real watcher (inotify here)."""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from pathlib import Path

import pytest

from quoth import Quoth, Settings
from tests.helpers import HARBOUR_AND_GARDEN, write_corpus


def watching(q: Quoth, quiet: float):
    """(reports queue, stop event, thread) of ``q.watch`` running in the background."""
    reports: queue.Queue = queue.Queue()
    stop = threading.Event()

    def run() -> None:
        for changes, report in q.watch(stop, quiet):
            reports.put((changes, report))

    t = threading.Thread(target=run, daemon=True)
    t.start()
    time.sleep(0.5)  # the watcher is set up
    return reports, stop, t


@pytest.fixture
def indexed(tmp_path, encoder) -> tuple[Quoth, Path]:
    corpus = write_corpus(tmp_path / "corpus", HARBOUR_AND_GARDEN)
    q = Quoth(Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(tmp_path / "data")}), encoder=encoder)
    q.index()
    return q, corpus


def test_an_edit_is_indexed_after_the_folder_falls_quiet(indexed):
    q, corpus = indexed
    reports, stop, t = watching(q, quiet=0.5)
    try:
        (corpus / ".mill.txt.swp").write_bytes(b"\x00vim swap")  # an editor's scratch file: no change
        (corpus / "mill.txt").write_text("Mill diary\n\nby Cara Stone\n\nThe water mill ground oats every Tuesday "
                                         "until the millpond froze solid in January.\n")
        changes, report = reports.get(timeout=60)
        assert {p.rsplit("/", 1)[-1] for _, p in changes} == {"mill.txt"}
        assert (report.added, report.embedded) == (1, 1)
        assert q.ask("When did the millpond freeze?")[0].passage.speaker == "Cara Stone"
        (corpus / "harbour.txt").unlink()
        _, report = reports.get(timeout=60)
        assert report.removed == 1 and "harbour.txt" not in {d.source.path for d in q.sources()}
    finally:
        stop.set()
        t.join(30)


def test_a_burst_of_writes_is_one_or_two_builds(indexed):
    q, corpus = indexed
    reports, stop, t = watching(q, quiet=1.0)
    try:
        for i in range(500):  # a sync or an unzip: 500 writes in a row, some files written twice
            (corpus / f"note-{i % 250:03d}.txt").write_text(f"Note {i}\n\nThe tide table for day {i} was posted.\n")
        builds = [reports.get(timeout=120)]
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            with contextlib.suppress(queue.Empty):
                builds.append(reports.get(timeout=0.5))
        assert 1 <= len(builds) <= 2, [r.summary() for _, r in builds]
        assert sum(r.added for _, r in builds) == 250
        assert len(q.sources()) == 252
    finally:
        stop.set()
        t.join(30)


def test_a_corpus_folder_removed_and_made_again_is_followed_again(indexed, caplog):
    """inotify watches the folder's inode: once the folder is removed, a watcher that goes on waiting hears
    nothing of the new folder made in its place. The watcher says so and watches the folder again."""
    import logging
    import shutil

    caplog.set_level(logging.WARNING, logger="quoth")
    q, corpus = indexed
    reports, stop, t = watching(q, quiet=0.3)
    try:
        shutil.rmtree(corpus)
        time.sleep(1.0)
        corpus.mkdir()
        deadline = time.monotonic() + 60
        n = 0
        while "mill.txt" not in {d.source.path for d in q.sources()}:
            assert time.monotonic() < deadline, "the new folder's document was never indexed"
            n += 1
            (corpus / "mill.txt").write_text(f"Mill diary\n\nThe water mill ground oats {n} times a week.\n")
            with contextlib.suppress(queue.Empty):
                reports.get(timeout=2)
        said = [r.getMessage() for r in caplog.records if r.name == "quoth.watch"]
        assert any("removed" in m for m in said), said
    finally:
        stop.set()
        t.join(30)
