"""``quoth serve`` as a process, against the fake Discord: one logging setup, each line once, no colour codes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.helpers import HARBOUR_AND_GARDEN, write_corpus

ROOT = Path(__file__).resolve().parents[2]


def serve(*args, **kwargs) -> subprocess.CompletedProcess:
    """``subprocess.run``, whose timeout fails the test with what the process had logged so far (where it hung)."""
    try:
        return subprocess.run(*args, **kwargs)
    except subprocess.TimeoutExpired as exc:
        said = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else str(exc.stderr or "")
        pytest.fail(f"quoth serve ran past {kwargs.get('timeout')} s; its last log lines:\n{said[-4000:]}")

SERVE = textwrap.dedent("""
    import asyncio, os, signal, sys, threading, time
    # Ctrl-C as in a terminal: a test run started in the background by a script (`cmd &`, no job control) hands
    # its children SIGINT *ignored*, which Python keeps, and the interrupt below would then never stop the bot.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    import yarl
    from discord.gateway import DiscordWebSocket
    from discord.http import Route
    from quoth.bot.cli import main
    from tests.e2e.fake_discord import FakeDiscord

    loop = asyncio.new_event_loop()
    fake = FakeDiscord()
    threading.Thread(target=loop.run_forever, daemon=True).start()
    asyncio.run_coroutine_threadsafe(fake.start(), loop).result(30)
    Route.BASE = fake.api_base
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    # Ctrl-C a few seconds after the bot connected (at the latest after argv[1] seconds): a start slowed by a
    # loaded machine is not interrupted half-way, which is not what these tests are about.
    def interrupt():
        deadline = time.monotonic() + float(sys.argv[1])
        while not fake.identifies and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(min(3.0, max(0.0, deadline - time.monotonic())))
        os.kill(os.getpid(), signal.SIGINT)
    threading.Thread(target=interrupt, daemon=True).start()
    sys.exit(main(["serve", "--corpus", sys.argv[2]]))
""")


def test_serve_logs_each_line_once_without_colour(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", HARBOUR_AND_GARDEN)
    env = {**os.environ, "DISCORD_TOKEN": "fake-token", "QUOTH_DATA_DIR": str(tmp_path / "data")}
    res = serve([sys.executable, "-c", SERVE, "60", str(corpus)], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=180)
    lines = res.stderr.splitlines()
    ready = [ln for ln in lines if "ready as Quoth" in ln]
    assert len(ready) == 1, res.stderr[-3000:]
    assert "\x1b[" not in res.stderr
    logged = [ln for ln in lines if ln.startswith(("INFO ", "WARNING ", "ERROR "))]
    assert len(logged) == len(set(logged)), "a log line printed twice"
    assert res.returncode == 130 and "quoth: interrupted" in res.stderr


SECRET = "MTIzNDU2Nzg5MDEyMzQ1Njc4.QUOTH.recognisable-fake-token-for-tests"


def _files_hold(folder: Path, needle: bytes) -> list[str]:
    return [str(p) for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_the_token_never_shows_in_logs_errors_or_files(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", HARBOUR_AND_GARDEN)
    data = tmp_path / "data"
    env = {**os.environ, "DISCORD_TOKEN": SECRET, "QUOTH_DATA_DIR": str(data)}
    ran = serve([sys.executable, "-c", SERVE.replace('main(["serve"', 'main(["-v", "serve"'), "60",
                          str(corpus)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert "ready as Quoth" in ran.stderr, ran.stderr[-2000:]
    # Login against an address where nothing listens: the failure is reported, the token is not.
    unreachable = SERVE.replace("Route.BASE = fake.api_base", "Route.BASE = 'http://127.0.0.1:9/api/v10'")
    failed = serve([sys.executable, "-c", unreachable, "20", str(corpus)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert failed.returncode != 0
    for out in (ran.stdout, ran.stderr, failed.stdout, failed.stderr):
        assert SECRET not in out and SECRET.split(".")[-1] not in out
    assert _files_hold(data, SECRET.encode()) == []
