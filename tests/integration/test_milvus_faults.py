"""Milvus faults, round two: a build killed just before its switch is finished by ``--publish``; a lost and
restarted server is one clear line, then answers, with none of pymilvus's or gRPC's tracebacks; credentials
written into the URI are never printed."""

from __future__ import annotations

import logging

from quoth import Quoth, Settings
from quoth.errors import IndexUnavailable
from tests.milvus import cli, config_file, finished, free_port

PASSWORD = "Xyzzy-Fake-Passw0rd"


def test_credentials_in_the_uri_are_never_printed(tmp_path, caplog):
    port = free_port()  # nothing listens there: the refusal names the URI
    s = Settings().with_(data={"dir": str(tmp_path / "d")}, index={
        "backend": "milvus", "milvus_uri": f"http://zorkuser:{PASSWORD}@127.0.0.1:{port}", "milvus_timeout": 2})
    proc = cli(config_file(tmp_path / "c.toml", s), "ask", "What about strikes?")
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
