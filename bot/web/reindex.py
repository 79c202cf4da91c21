"""The admin's reindex: one build at a time, in a thread of its own (never a request worker), so that questions
keep being answered from the serving generation until the library switches to the new one."""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from quoth import Quoth
from quoth.errors import QuothError

log = logging.getLogger("quoth.web")
State = Literal["running", "done", "failed"]


@dataclass
class ReindexJob:
    """One reindex: what it does, how far it is (``stage``, ``done`` of ``total``, as the build reports them) and
    how it ended (``summary``: ``BuildReport.summary()``; ``error``: the library's message)."""

    id: str
    state: State
    full: bool
    started: float
    finished: float | None = None
    stage: str | None = None
    done: int = 0
    total: int = 0
    summary: str | None = None
    error: str | None = None

    def to_json(self) -> dict:
        return dataclasses.asdict(self)


Listener = Callable[[ReindexJob], None]


class Reindexer:
    """Runs ``quoth.index`` for the API, one job at a time. ``job()`` is a snapshot of the latest job (a copy
    taken under the lock: a reader never sees a stage from one moment and a count from another).
    ``listeners`` are told of each change of the job (a copy), in the build's thread."""

    def __init__(self, quoth: Quoth) -> None:
        self.quoth = quoth
        self.listeners: list[Listener] = []
        self._lock = threading.Lock()
        self._job: ReindexJob | None = None
        self._thread: threading.Thread | None = None

    def job(self) -> ReindexJob | None:
        with self._lock:
            return dataclasses.replace(self._job) if self._job is not None else None

    def start(self, full: bool = False) -> tuple[ReindexJob, bool]:
        """A new job started in its own thread, and True; or the one still running, and False."""
        with self._lock:
            if self._job is not None and self._job.state == "running":
                return dataclasses.replace(self._job), False
            self._job = ReindexJob(id=uuid.uuid4().hex[:12], state="running", full=full, started=time.time())
            job = dataclasses.replace(self._job)
            self._thread = threading.Thread(target=self._run, args=(job.id, full), name="quoth-reindex",
                                            daemon=True)
            self._thread.start()
        log.info("reindex %s started (%s)", job.id, "full" if full else "changed documents")
        return job, True

    def _update(self, job_id: str, **changes: object) -> None:
        with self._lock:
            if self._job is None or self._job.id != job_id:
                return
            stage = self._job.stage
            for name, value in changes.items():
                setattr(self._job, name, value)
            snapshot = dataclasses.replace(self._job)
        if snapshot.stage != stage and snapshot.state == "running":  # the server log shows how far it is
            log.info("reindex %s: %s (%d)", job_id, snapshot.stage, snapshot.total)
        for listener in list(self.listeners):
            listener(snapshot)

    def _run(self, job_id: str, full: bool) -> None:
        def progress(stage: str, done: int, total: int) -> None:
            self._update(job_id, stage=stage, done=done, total=total)

        try:
            report = self.quoth.index(full=full, progress=progress)
        except QuothError as exc:  # an emptied corpus, a full disk, another build: said; the old index serves
            log.error("reindex %s failed: %s; the previous index still serves", job_id, exc)
            self._update(job_id, state="failed", error=str(exc), finished=time.time())
            return
        except Exception as exc:  # a bug: the traceback goes to the server log, the job says where to look
            log.exception("reindex %s failed", job_id)
            self._update(job_id, state="failed", error=f"internal error ({type(exc).__name__}), logged as "
                                                       f"reindex {job_id}", finished=time.time())
            return
        log.info("reindex %s done: %s", job_id, report.summary())
        self._update(job_id, state="done", summary=report.summary(), finished=time.time())

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the running job's thread (if any); whether none is left running."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return thread is None or not thread.is_alive()
