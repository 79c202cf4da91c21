"""Milvus faults, round two: a build killed just before its switch is finished by ``--publish``; a lost and
restarted server is one clear line, then answers, with none of pymilvus's or gRPC's tracebacks; credentials
written into the URI are never printed."""

from __future__ import annotations

import logging
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quoth import Quoth, Settings
from quoth.errors import IndexUnavailable
from tests.integration.test_milvus import milvus_settings
from tests.milvus import MilvusServer, cli, config_file, finished, free_port, milvus_lite

PASSWORD = "Xyzzy-Fake-Passw0rd"


def test_credentials_in_the_uri_are_never_printed(tmp_path, caplog):
    port = free_port()  # nothing listens there: the refusal names the URI
    s = Settings().with_(data={"dir": str(tmp_path / "d")}, index={
        "backend": "milvus", "milvus_uri": f"http://zorkuser:{PASSWORD}@127.0.0.1:{port}", "milvus_timeout": 2})
    for verbose in ((), ("-v",)):  # -v: pymilvus's and gRPC's debug lines as well
        proc = cli(config_file(tmp_path / "c.toml", s), "ask", *verbose, "What about strikes?")
        assert finished(proc, 120) == 2
        out = proc.stdout.read() + proc.stderr.read()
        assert f"cannot reach Milvus at http://***@127.0.0.1:{port}" in out, out
        assert PASSWORD not in out and "zorkuser" not in out, out
    caplog.set_level(logging.DEBUG)
    q = Quoth(s)
    try:
        q.ask("What about strikes?")
        raise AssertionError("an unreachable Milvus answered")
    except IndexUnavailable as exc:
        said = str(exc)
    assert str(port) in said and PASSWORD not in said, said
    assert PASSWORD not in q.backend.where() and PASSWORD not in caplog.text


# Publishing writes the generation's meta, flushes it, then switches the alias (build.py, publish): killed at the
# switch, the process dies with the generation complete and no reader on it.
KILL_AT_SWITCH = """
    import os, signal
    from quoth.index.milvus.build import MilvusBuilder
    def switch(self, gen):
        os.kill(os.getpid(), signal.SIGKILL)
    MilvusBuilder._switch = switch
"""


def small_corpus(root: Path, tag: str = "") -> Path:
    root.mkdir(exist_ok=True)
    for i, topic in enumerate(["harbour wall", "ferry timetable", "lighthouse lamp", "fish market"]):
        (root / f"doc-{i}.txt").write_text(f"Report {i} on the {topic}\n\nby Writer {i}\n\nThe {topic} was discussed "
                                           f"again{tag}, and the council agreed to look at it before next season.\n")
    return root


def test_a_publish_killed_before_its_switch_is_finished_by_the_next_publish(milvus_server, tmp_path, encoder):
    corpus = small_corpus(tmp_path / "corpus")
    s = milvus_settings(milvus_server, "killed-switch", corpus, tmp_path / "d")
    q = Quoth(s, encoder=encoder)
    old = q.index().generation
    small_corpus(corpus, tag=" at the spring meeting")
    new = {q.index(shard=(i, 2)).generation for i in (0, 1)}
    assert len(new) == 1 and old not in new
    config = config_file(tmp_path / "c.toml", s)
    killed = cli(config, "index", "--publish", prelude=KILL_AT_SWITCH)
    assert finished(killed, 120) == -signal.SIGKILL, killed.stderr.read()
    assert Quoth(s, encoder=encoder).backend.live.serving().name == old  # the old generation still serves
    published = cli(config, "index", "--publish")
    assert finished(published, 120) == 0, published.stderr.read()
    out = published.stdout.read()
    assert f"Published generation {new.pop()}" in out and "4 documents" in out, out
    q = Quoth(s, encoder=encoder)
    assert q.backend.live.serving().name != old
    [hit, *_] = q.ask("When was the ferry timetable discussed?")
    assert "at the spring meeting" in hit.text and hit.source.path == "doc-1.txt"


# A running Quoth as the front ends hold one: the CLI's logging set-up, one question per line of stdin, a failure
# said as the CLI says it (one line on stderr), each outcome then one line on stdout for the test to wait on.
RUNNING = """
import sys
from quoth import Quoth, Settings
from quoth.bot.cli import setup_logging
from quoth.errors import QuothError
setup_logging(False)
q = Quoth(Settings.load(sys.argv[1]))
for question in sys.stdin:
    try:
        hits = q.ask(question.strip())
        print("answer", hits[0].source.path if hits else "-", flush=True)
    except QuothError as exc:
        print(f"quoth: error: {exc}", file=sys.stderr, flush=True)
        print("failed", flush=True)
"""
QUESTION = "When was the ferry timetable discussed?\n"
# What pymilvus's and gRPC's own loggers print on a lost server (their tracebacks, their RPC error lines).
NOISE = ("Traceback", "pymilvus", "RPC error", "grpc", "_InactiveRpcError", "MilvusException", "ERROR", "WARNING")


def outcome(proc: subprocess.Popen, timeout: float = 60) -> str:
    """The next line ``proc`` prints on stdout, within ``timeout`` seconds."""
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, "the running Quoth did not answer in time"
    return proc.stdout.readline().strip()


def test_a_lost_milvus_is_one_line_and_a_restarted_one_answers_without_noise(tmp_path, encoder):
    if not milvus_lite():
        pytest.skip("milvus-lite is not installed (pip install 'quoth[milvus]')")
    server = MilvusServer(tmp_path / "milvus")
    server.start()
    try:
        s = milvus_settings(server, "lost-server", small_corpus(tmp_path / "corpus"), tmp_path / "d")
        Quoth(s, encoder=encoder).index()
        proc = subprocess.Popen([sys.executable, "-c", RUNNING, str(config_file(tmp_path / "c.toml", s))],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            proc.stdin.write(QUESTION)
            proc.stdin.flush()
            assert outcome(proc) == "answer doc-1.txt"
            server.proc.kill()  # SIGKILL: the server vanishes mid-connection, as a crashed Milvus does
            server.proc.wait()
            proc.stdin.write(QUESTION)
            proc.stdin.flush()
            assert outcome(proc) == "failed"
            server.start()
            answered, deadline = "", time.monotonic() + 60
            while answered != "answer doc-1.txt" and time.monotonic() < deadline:
                proc.stdin.write(QUESTION)
                proc.stdin.flush()
                answered = outcome(proc)
            assert answered == "answer doc-1.txt"
            proc.stdin.close()
            assert finished(proc, 60) == 0
            err = proc.stderr.read()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        lines = [line for line in err.splitlines() if line.strip() and not line.startswith("INFO quoth.")]
        assert len(lines) == 1 and f"cannot reach Milvus at {server.uri}" in lines[0], err
        assert not [n for n in NOISE if n in err.replace(lines[0], "")], err
        if getattr(server, "line", "cpp") == "lite3":  # the C++ engine loads its collections again itself
            assert "was released" in err  # the restarted server had released the collection: loaded, quietly
        # A fresh process on the restarted server (its collections released): an answer, and nothing else said.
        server.stop()
        server.start()
        asked = cli(config_file(tmp_path / "c.toml", s), "ask", QUESTION.strip())
        assert finished(asked, 120) == 0
        out, err = asked.stdout.read(), asked.stderr.read()
        assert "ferry timetable" in out, out
        assert not [line for line in err.splitlines() if line.strip() and not line.startswith("INFO quoth.")], err
    finally:
        server.stop()
