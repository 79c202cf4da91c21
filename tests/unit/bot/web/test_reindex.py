"""``Reindexer``: one job at a time in its own thread, its progress as the build reports it, a snapshot that is
a copy, and a failure said in the job (the old index still serving)."""

from __future__ import annotations

import shutil
import threading

import pytest

from quoth.bot.web.reindex import Reindexer, ReindexJob
from tests.helpers import HARBOUR_AND_GARDEN, write_corpus


@pytest.fixture
def quoth(tmp_path, encoder):
    from quoth import Quoth, Settings

    corpus = write_corpus(tmp_path / "corpus", HARBOUR_AND_GARDEN)
    q = Quoth(Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(tmp_path / "data")}), encoder=encoder)
    q.index()
    return q


def test_one_job_at_a_time_in_its_own_thread_with_its_stages(quoth):
    reindexer = Reindexer(quoth)
    assert reindexer.job() is None
    seen: list[ReindexJob] = []
    go = threading.Event()

    def listen(job: ReindexJob) -> None:
        seen.append(job)
        assert threading.current_thread().name == "quoth-reindex"
        go.wait(30)  # held at its first stage until the second start has been refused

    reindexer.listeners.append(listen)
    job, started = reindexer.start(full=True)
    assert started and job.state == "running" and job.full and job.finished is None
    again, started_again = reindexer.start()
    assert not started_again and again.id == job.id
    go.set()
    assert reindexer.wait(60)
    done = reindexer.job()
    assert done.state == "done" and done.id == job.id and done.finished >= done.started
    assert done.summary.startswith("2 added") and done.error is None
    stages = [j.stage for j in seen]
    assert stages[0] == "reading documents" and stages[-1] == "done" and seen[-1].state == "done"
    assert {"segmenting", "embedding", "indexing"} <= set(stages)
    assert done.stage == "done" and done.done == done.total > 0
    # A new job may start once the last is done.
    nxt, started = reindexer.start()
    assert started and nxt.id != job.id
    assert reindexer.wait(60) and reindexer.job().summary.startswith("0 added")


def test_the_snapshot_is_a_copy(quoth):
    reindexer = Reindexer(quoth)
    reindexer.start()
    assert reindexer.wait(60)
    snap = reindexer.job()
    snap.state = "failed"
    assert reindexer.job().state == "done"
    assert set(snap.to_json()) == {"id", "state", "full", "started", "finished", "stage", "done", "total",
                                   "summary", "error"}


def test_a_failed_build_is_said_in_the_job_and_the_old_index_serves(quoth):
    before = quoth.current().generation
    shutil.rmtree(quoth.corpus_dir)
    quoth.corpus_dir.mkdir()  # an emptied corpus: the library refuses to build an empty index
    reindexer = Reindexer(quoth)
    reindexer.start()
    assert reindexer.wait(60)
    job = reindexer.job()
    assert job.state == "failed" and job.error and job.summary is None and job.finished is not None
    assert quoth.current().generation == before
    assert quoth.ask("harbour wall granite").hits
