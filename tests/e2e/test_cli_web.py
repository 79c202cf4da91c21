"""``quoth web`` as a person runs it: a real process over a tiny corpus, serving the API and the page on a free
port, stopped with Ctrl-C (exit 0 within seconds); and without the [web] extra, one line and exit 2."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time

import httpx

from tests.helpers import HARBOUR_AND_GARDEN, write_corpus

READY = re.compile(r"Quoth on (http://127\.0\.0\.1:\d+/) \(API: /api/v1, OpenAPI: /api/v1/openapi\.json\)")


def no_config(tmp_path) -> dict:
    """The environment of a fresh install: no config file (run in tmp_path), the data directory in tmp_path."""
    env = {k: v for k, v in os.environ.items() if k != "QUOTH_CONFIG"}
    return {**env, "QUOTH_DATA_DIR": str(tmp_path / "data")}


def lines_of(stream, into: queue.Queue) -> None:
    for line in stream:
        into.put(line)
    into.put(None)


def wait_for_ready(proc: subprocess.Popen, lines: queue.Queue, seen: list[str], within: float = 240.0) -> str:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        if line is None:
            break
        seen.append(line)
        if found := READY.search(line):
            return found.group(1)
    proc.kill()
    raise AssertionError("quoth web never said where it listens:\n" + "".join(seen[-30:]))


def test_quoth_web_serves_the_api_and_the_page_and_stops_on_ctrl_c(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", HARBOUR_AND_GARDEN)
    proc = subprocess.Popen([sys.executable, "-m", "quoth.bot.cli", "web", "--corpus", str(corpus), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=no_config(tmp_path),
                            cwd=tmp_path)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lines_of, args=(proc.stdout, lines), daemon=True).start()
    seen: list[str] = []
    try:
        base = wait_for_ready(proc, lines, seen)
        with httpx.Client(base_url=base, timeout=30) as http:
            health = http.get("/api/v1/health")
            assert health.status_code == 200 and health.json()["documents"] == len(HARBOUR_AND_GARDEN)
            page = http.get("/", params={"q": "What was the harbour wall rebuilt with?"})
            assert page.status_code == 200 and 'class="quote-card"' in page.text and "granite" in page.text
            assert page.headers["x-frame-options"] == "DENY" and "server" not in page.headers
        proc.send_signal(signal.SIGINT)
        stopped = time.monotonic()
        assert proc.wait(10) == 0, "".join(seen[-30:])
        assert time.monotonic() - stopped < 5
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    rest = []
    while (line := lines.get(timeout=5)) is not None:
        rest.append(line)
    assert "Traceback" not in "".join(seen + rest)


def test_without_the_web_extra_one_line_and_exit_2(tmp_path):
    # The extra is absent when its packages cannot be imported: block fastapi for this one process, as an
    # install without `quoth[web]` would be.
    run = ("import sys; sys.modules['fastapi'] = None; from quoth.bot.cli import main; sys.exit(main(['web']))")
    res = subprocess.run([sys.executable, "-c", run], capture_output=True, text=True, env=no_config(tmp_path),
                         cwd=tmp_path, timeout=120)
    assert res.returncode == 2
    assert res.stderr.strip() == "quoth web needs the web extra: pip install 'quoth[web]'"
    assert not (tmp_path / "data").exists()  # refused before any index or model work


def test_a_port_out_of_range_is_a_usage_error_before_any_work(tmp_path):
    # bind() raised OverflowError with a traceback (exit 1) after the index was built and the model loaded.
    corpus = write_corpus(tmp_path / "corpus", HARBOUR_AND_GARDEN)
    for port in ("70000", "-1"):
        res = subprocess.run([sys.executable, "-m", "quoth.bot.cli", "web", "--corpus", str(corpus), "--port", port],
                             capture_output=True, text=True, env=no_config(tmp_path), cwd=tmp_path, timeout=120)
        assert res.returncode == 2, res.stderr[-2000:]
        assert "Traceback" not in res.stderr
        assert res.stderr.strip().splitlines()[-1].endswith(f"argument --port: {port} is not a port: give 0 to 65535")
        assert not (tmp_path / "data").exists()  # refused before any index or model work
