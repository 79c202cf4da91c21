"""POST/GET /api/v1/reindex: the admin token (off when unset, constant-time, never logged), one job at a time,
its progress while it runs, and questions answered from the old generation until the switch — on a real
uvicorn server on loopback, with asks fired from several threads while the build runs."""

from __future__ import annotations

import fcntl
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from pydantic import TypeAdapter
from starlette.testclient import TestClient

from quoth.bot.config import WEB_ADMIN_TOKEN_ENV, WebSettings
from quoth.bot.web import WebService, create_app, schemas
from tests.helpers import HARBOUR_AND_GARDEN, write_corpus
from tests.web import serving

TOKEN = "s3cret-admin-tökén-Zq9"  # non-ASCII on purpose: compared as bytes, never a 500
AUTH = {"Authorization": b"Bearer " + TOKEN.encode()}  # as a client sends it: UTF-8 bytes
NEW_DOC = {"lighthouse.txt": "Lighthouse log\n\nby Cara Finch\n\nThe zeppelin mooring mast beside the lighthouse "
                             "was painted vermilion by the keeper's apprentice last Tuesday.\n"}
NEW_WORDS = "Who painted the zeppelin mooring mast vermilion?"
UNLIMITED = WebSettings(rate_per_minute=1_000_000, rate_burst=1_000_000, workers=4)


@pytest.fixture
def tiny(tmp_path, encoder):
    """A freshly indexed tiny corpus (its own: the tests change it) and its folder."""
    from quoth import Quoth, Settings

    corpus = write_corpus(tmp_path / "corpus", HARBOUR_AND_GARDEN)
    quoth = Quoth(Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(tmp_path / "data")}),
                  encoder=encoder)
    quoth.index()
    return quoth, corpus


def job_of(resp) -> dict:
    TypeAdapter(schemas.JobStatus).validate_python(resp.json())
    return resp.json()["job"]


def wait_done(get, seconds: float = 60) -> dict:
    """Poll GET /reindex until its job is no longer running (bounded)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = job_of(get())
        if job["state"] != "running":
            return job
        time.sleep(0.05)
    raise AssertionError("the reindex did not finish in time")


def test_reindex_is_off_without_a_token(tiny, monkeypatch):
    monkeypatch.delenv(WEB_ADMIN_TOKEN_ENV, raising=False)
    service = WebService(tiny[0], UNLIMITED)
    with TestClient(create_app(service)) as client:
        for resp in (client.post("/api/v1/reindex", headers=AUTH), client.get("/api/v1/reindex"),
                     client.post("/api/v1/reindex", headers={"Authorization": "Bearer "})):
            assert resp.status_code == 403
            assert resp.json()["error"]["message"] == f"reindex is off: set {WEB_ADMIN_TOKEN_ENV}"
    assert service.reindexer.job() is None
    service.close()


def test_the_token_comes_from_the_environment(tiny, monkeypatch):
    monkeypatch.setenv(WEB_ADMIN_TOKEN_ENV, "from-the-env")
    service = WebService(tiny[0], UNLIMITED)
    with TestClient(create_app(service)) as client:
        assert client.get("/api/v1/reindex", headers={"Authorization": "Bearer from-the-env"}).json() == {"job": None}
        assert client.get("/api/v1/reindex", headers=AUTH).status_code == 401
    service.close()


BAD = [{}, {"Authorization": "Bearer"}, {"Authorization": "Bearer wrong"},
       {"Authorization": b"Basic " + TOKEN.encode()}, {"Authorization": "Bearer s3cret-admin-t"},
       {"Authorization": b"Bearer x" + TOKEN.encode()},
       {"Authorization": b"Bearer " + TOKEN.encode() + b"x"}, {"Authorization": "Bearer " + "x" * 5000}]


def test_wrong_or_missing_tokens_get_401_and_no_token_is_logged(tiny, caplog):
    caplog.set_level(logging.DEBUG)
    service = WebService(tiny[0], UNLIMITED, admin_token=TOKEN)
    with TestClient(create_app(service), raise_server_exceptions=False) as client:
        for headers in BAD:
            for resp in (client.post("/api/v1/reindex", headers=headers), client.get("/api/v1/reindex",
                                                                                      headers=headers)):
                assert resp.status_code == 401, headers
                assert resp.headers["www-authenticate"] == "Bearer"
                assert "tökén" not in resp.text and TOKEN not in resp.text
        assert service.reindexer.job() is None  # nothing started
        job = job_of(client.post("/api/v1/reindex", headers=AUTH, json={"full": True}))
        assert job["state"] == "running" and job["full"] is True
        done = wait_done(lambda: client.get("/api/v1/reindex", headers=AUTH))
        assert done["state"] == "done" and done["id"] == job["id"] and "2 documents" in done["summary"]
    service.close()
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert "reindex" in logged and TOKEN not in logged and "s3cret" not in logged


def test_a_failed_build_is_reported_and_the_old_index_still_serves(tiny):
    quoth, corpus = tiny
    service = WebService(quoth, UNLIMITED, admin_token=TOKEN)
    write_corpus(corpus, NEW_DOC)
    # Another process's build holds the index folder's lock (a real flock): this one must fail, saying so.
    with TestClient(create_app(service)) as client, open(quoth.folder.path / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert client.post("/api/v1/reindex", headers=AUTH).status_code == 202
        job = wait_done(lambda: client.get("/api/v1/reindex", headers=AUTH))
        assert job["state"] == "failed" and "another build" in job["error"] and job["finished"] >= job["started"]
        assert client.get("/api/v1/ask", params={"q": "harbour wall granite"}).json()["results"]
        fcntl.flock(lock, fcntl.LOCK_UN)
        # The next try works: a failed job does not block the reindexer.
        assert client.post("/api/v1/reindex", headers=AUTH).status_code == 202
        assert wait_done(lambda: client.get("/api/v1/reindex", headers=AUTH))["state"] == "done"
    service.close()


def found_new(base: str, client: httpx.Client) -> bool:
    resp = client.get(f"{base}/api/v1/ask", params={"q": NEW_WORDS, "k": 3})
    assert resp.status_code == 200, resp.text
    return any(h["source"]["path"] == "lighthouse.txt" for h in resp.json()["results"])


def ask_while(base: str, stop: threading.Event, out: list, rounds: int = 400) -> None:
    """Ask in a bounded loop until ``stop``, appending (started, ended, found the new document) per ask to ``out``
    (shared by the threads: list.append is atomic)."""
    with httpx.Client(timeout=30) as client:
        for _ in range(rounds):
            if stop.is_set():
                break
            t0 = time.monotonic()
            new = found_new(base, client)
            out.append((t0, time.monotonic(), new))


def wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_asks_during_a_reindex_come_from_the_old_generation_until_the_switch(tiny, caplog):
    caplog.set_level(logging.INFO)
    quoth, corpus = tiny
    service = WebService(quoth, UNLIMITED, admin_token=TOKEN)
    # The build is held (in its own thread) once it reaches "embedding", before the new generation is published,
    # until the asks below have run: a listener of the reindexer, as the server log is.
    at_embedding, release = threading.Event(), threading.Event()

    def hold(job) -> None:
        if job.stage == "embedding" and not release.is_set():
            at_embedding.set()
            assert release.wait(60)

    service.reindexer.listeners.append(hold)
    write_corpus(corpus, NEW_DOC)
    try:
        with serving(service) as base, httpx.Client(timeout=30, headers=AUTH) as admin:
            assert not found_new(base, admin)
            before = admin.get(f"{base}/api/v1/health").json()
            # Two POSTs at once: one starts the job (202), the other finds it running (409, with that job).
            with ThreadPoolExecutor(2) as pool:
                posted = list(pool.map(lambda _: admin.post(f"{base}/api/v1/reindex"), range(2)))
            assert sorted(r.status_code for r in posted) == [202, 409]
            started = next(r for r in posted if r.status_code == 202).json()["job"]
            conflict = next(r for r in posted if r.status_code == 409).json()
            TypeAdapter(schemas.Conflict).validate_python(conflict)
            assert conflict["job"]["id"] == started["id"] and "a reindex is running" in conflict["error"]["message"]
            assert at_embedding.wait(60)
            running = job_of(admin.get(f"{base}/api/v1/reindex"))
            assert running["state"] == "running" and running["stage"] == "embedding" and running["total"] >= 1
            assert running["done"] <= running["total"]
            # While it runs, questions from several threads are answered (200) from the old generation.
            stop, during = threading.Event(), []
            with ThreadPoolExecutor(4) as pool:
                for f in [pool.submit(ask_while, base, stop, during, 15) for _ in range(4)]:
                    f.result()
            assert len(during) == 60 and not any(new for _, _, new in during)
            assert admin.get(f"{base}/api/v1/health").json()["generation"] == before["generation"]
            assert admin.post(f"{base}/api/v1/reindex").status_code == 409
            # Released: asks keep running through the switch; once one sees the new document, none after it the old.
            through: list = []
            with ThreadPoolExecutor(3) as pool:
                futures = [pool.submit(ask_while, base, stop, through) for _ in range(3)]
                release.set()
                done = wait_done(lambda: admin.get(f"{base}/api/v1/reindex"))
                done_seen = time.monotonic()
                wait_for(lambda: sum(t0 > done_seen for t0, _, _ in list(through)) >= 3)  # asked after "done"
                stop.set()
                for f in futures:
                    f.result()
            through.sort()
            assert done["state"] == "done" and done["id"] == started["id"] and "1 added" in done["summary"]
            first_new = min((end for _, end, new in through if new), default=None)
            assert first_new is not None, "no ask saw the new document after the switch"
            assert not [a for a in through if a[0] > first_new and not a[2]], "an old answer after a new one"
            assert all(new for t0, _, new in through if t0 > done_seen)
            assert found_new(base, admin)
            assert admin.get(f"{base}/api/v1/health").json()["generation"] != before["generation"]
    finally:
        release.set()  # a failed assertion must not leave the build held
    service.close()
    assert TOKEN not in caplog.text and f"reindex {started['id']} done" in caplog.text
