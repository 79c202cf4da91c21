"""A file name that is not UTF-8 (``badname_\\xff.txt``) through a whole build on both backends, and a real watcher
that meets it: indexed under its escaped name, every other file with it, and the watcher keeps watching."""

from __future__ import annotations

import asyncio
import logging
import os
import queue
import threading
import time
from pathlib import Path

from quoth import Quoth, Settings
from quoth.watch import corpus_changes_async
from tests.helpers import HARBOUR_AND_GARDEN, write_corpus

BAD = b"badname_\xff.txt"
SHOWN = "badname_\\xff.txt"
MILL = "Mill diary\n\nby Cara Stone\n\nThe water mill ground oats every Tuesday until the millpond froze in January.\n"


def write_bad(corpus: Path, text: str = MILL) -> None:
    with open(os.path.join(os.fsencode(corpus), BAD), "wb") as fh:
        fh.write(text.encode())


def built_with_a_bad_name(q: Quoth, corpus: Path) -> None:
    write_bad(corpus)
    report = q.index()
    assert report.documents == 3 and any(SHOWN in w for w in report.warnings)
    [hit, *_] = q.ask("When did the millpond freeze?")
    assert hit.source.path == SHOWN and hit.passage.speaker == "Cara Stone"
    assert "millpond froze" in hit.text
    assert {d.source.path for d in q.sources()} == {SHOWN, "harbour.txt", "garden.txt"}
    again = q.index()  # nothing changed: the escaped name is the same name each time
    assert (again.unchanged, again.added, again.removed) == (3, 0, 0)


def test_a_name_that_is_not_utf8_is_indexed_by_the_embedded_store(tmp_path, encoder):
    corpus = write_corpus(tmp_path / "corpus", HARBOUR_AND_GARDEN)
    q = Quoth(Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(tmp_path / "data")}), encoder=encoder)
    built_with_a_bad_name(q, corpus)


def test_a_name_that_is_not_utf8_is_indexed_by_milvus(milvus_server, tmp_path, encoder):
    from tests.integration.test_milvus import milvus_settings

    corpus = write_corpus(tmp_path / "corpus", HARBOUR_AND_GARDEN)
    q = Quoth(milvus_settings(milvus_server, "bad-name", corpus, tmp_path / "data"), encoder=encoder)
    built_with_a_bad_name(q, corpus)


def test_the_watcher_survives_a_name_that_is_not_utf8(tmp_path, encoder, caplog):
    caplog.set_level(logging.WARNING, logger="quoth")
    corpus = write_corpus(tmp_path / "corpus", HARBOUR_AND_GARDEN)
    q = Quoth(Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(tmp_path / "data")}), encoder=encoder)
    q.index()
    reports: queue.Queue = queue.Queue()
    stop = threading.Event()
    died: list[BaseException] = []

    def run() -> None:
        try:
            for _, report in q.watch(stop, 0.5):
                reports.put(report)
        except BaseException as exc:  # what the test looks for: a watcher that dies
            died.append(exc)
            reports.put(None)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    time.sleep(0.5)
    try:
        write_bad(corpus)
        report = reports.get(timeout=60)
        assert report is not None, f"the watcher died: {died!r}"
        assert report.added == 1 and SHOWN in {d.source.path for d in q.sources()}
        said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        assert any("watching" in m and "\\xff" in m.lower() for m in said), said
        (corpus / "note.txt").write_text("Note\n\nThe tide table was posted on the harbour office door.\n")
        deadline = time.monotonic() + 90
        while "note.txt" not in {d.source.path for d in q.sources()}:  # still watching after it
            got = reports.get(timeout=max(0.1, deadline - time.monotonic()))
            assert got is not None, f"the watcher died: {died!r}"
    finally:
        stop.set()
        t.join(30)
    assert not died


def test_the_async_watcher_survives_a_name_that_is_not_utf8(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="quoth")
    corpus = tmp_path / "corpus"
    corpus.mkdir()

    async def follow() -> list[set]:
        stop = asyncio.Event()
        groups: list[set] = []

        async def writer() -> None:
            await asyncio.sleep(0.5)
            write_bad(corpus)
            await asyncio.sleep(1.5)
            (corpus / "good.txt").write_text("Good words.")

        async def watcher() -> None:
            async for changes in corpus_changes_async(corpus, 0.3, stop):
                groups.append(changes)
                if any(p.endswith("good.txt") for _, p in changes):
                    stop.set()

        task = asyncio.create_task(writer())
        await asyncio.wait_for(watcher(), timeout=60)
        await task
        return groups

    groups = asyncio.run(follow())
    assert len(groups) >= 2  # one for the file it cannot name, then the next change: still watching
    assert any("\\xff" in r.getMessage().lower() for r in caplog.records if r.levelno >= logging.WARNING)


def test_a_corpus_folder_whose_own_name_is_not_utf8_is_indexed(tmp_path, encoder):
    corpus = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"caf\xe9")))
    write_corpus(corpus, HARBOUR_AND_GARDEN)
    q = Quoth(Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(tmp_path / "data")}), encoder=encoder)
    assert q.index().documents == 2
    assert q.ask("What was the harbour wall rebuilt with?")[0].source.path == "harbour.txt"
