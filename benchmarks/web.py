"""What the HTTP layer costs: requests/s and p50/p99 latency of ask and verify through `quoth web` (the command
itself, in its own process, on a loopback port: uvicorn as shipped) against calling the library directly, with
the same number of concurrent callers and the same questions and claims.

    python benchmarks/web.py [--requests 300] [--concurrency 1 4] [--corpus DIR] [--data DIR] [--smoke]

A third endpoint, health (the index's counts: next to no library work), shows what the HTTP layer costs by
itself: parsing, routing, the middleware (headers, limits), the hop to a worker thread, JSON, and loopback.

The questions are about the bundled sample corpus (the default corpus); the claims are tests/data/verify/
claims.jsonl's (sentences of the sample corpus, verbatim and altered: numbers, negations, one word, invented,
misattributed). Each caller thread keeps one HTTP/1.1 connection alive (http.client: the leanest client, so the
figures are the server's, not a client library's). The server runs with `[web]` settings as shipped, but for the
rate limit (raised so that the benchmark is never answered 429; it is still checked on every request) and
`workers` (as many as the most concurrent callers, like the library's threads). Prints one row per mode,
endpoint and concurrency, then the HTTP overhead: the p50 difference and the loss of requests/s.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from quoth import Quoth, Settings

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ROOT / "tests" / "data" / "verify" / "claims.jsonl"
# Questions a reader of the sample corpus (five pages by and about Jeremy Corbyn) would ask, worded as people do.
QUESTIONS = [
    "What does Corbyn say about the right to strike?", "Who gets blamed for the failures at Grenfell?",
    "What did he say after the no confidence motion?", "What kind of economy does he want?",
    "How much did the tax giveaways to banks cost?", "What does he think about the party machine?",
    "Why did he refuse to resign?", "What did he say about austerity?", "What about the NHS?",
    "Who should control the railways?", "What did he say about members of the Labour Party?",
    "What did he say about housing?",
]
# The claim classes sent to verify: a true sentence, and sentences altered in ways a person would not notice.
CLAIM_CLASSES = ("verbatim", "number", "negation", "one_word", "fabricated", "misattributed")
# health: the index's counts, next to no library work: what the HTTP layer costs by itself.
ENDPOINTS = ("ask", "verify", "health")


@dataclass
class Run:
    """One measured row: ``n`` calls by ``concurrency`` threads, their latencies, and the answers they got."""

    mode: str  # library | http
    endpoint: str
    concurrency: int
    latencies: list[float]  # seconds, one per call
    wall: float  # seconds from the first call to the last answer
    errors: int = 0
    answers: dict[int, list] = field(default_factory=dict)  # item index -> what identifies its answer

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.wall

    def ms(self, p: float) -> float:
        return pct(self.latencies, p) * 1000


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def claims(n: int = 24) -> list[dict]:
    """``n`` claims, the classes taken in turn (so a small run still has true and altered ones)."""
    rows = [json.loads(x) for x in CLAIMS.read_text().splitlines() if x.strip()]
    by_class = [[r for r in rows if r["class"] == c] for c in CLAIM_CLASSES]
    mixed = [r for group in itertools.zip_longest(*by_class) for r in group if r is not None]
    return mixed[:n]


def drive(concurrency: int, n: int, call: Callable[[int], list | None]) -> tuple[list[float], float, int, dict]:
    """``call(i)`` for i in 0..n-1 from ``concurrency`` threads, each taking the next i when free. Returns the
    latencies, the wall time, the failed calls (``call`` returned None) and the first answer to each i."""
    counter, lock = itertools.count(), threading.Lock()
    latencies: list[float] = []
    answers: dict[int, list] = {}
    errors = 0

    def worker() -> None:
        nonlocal errors
        while (i := next(counter)) < n:  # itertools.count is atomic under the GIL
            t = time.perf_counter()
            got = call(i)
            took = time.perf_counter() - t
            with lock:
                latencies.append(took)
                errors += got is None
                answers.setdefault(i, got)

    threads = [threading.Thread(target=worker, name=f"bench-{k}") for k in range(concurrency)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, time.perf_counter() - start, errors, answers


def library_calls(q: Quoth, endpoint: str, items: list) -> Callable[[int], list]:
    """What a program that imports quoth calls, and what identifies the answer (passage ids, verdicts, counts)."""
    if endpoint == "ask":
        return lambda i: [h.passage.id for h in q.ask(items[i % len(items)])]
    if endpoint == "verify":
        return lambda i: [str(v.verdict) for v in q.verify(items[i % len(items)]["text"],
                                                            items[i % len(items)].get("claimed_speaker"))]

    def health(i: int) -> list:  # what /api/v1/health asks the library: the HTTP layer's fixed cost, nearly alone
        docs = q.current().documents()
        return [len(docs), sum(d.passages for d in docs)]
    return health


def http_calls(port: int, endpoint: str, items: list) -> Callable[[int], list | None]:
    """The same over HTTP: one keep-alive connection per caller thread; None for an answer that is not a 200."""
    local = threading.local()

    def request(method: str, path: str, body: bytes | None = None) -> dict | None:
        conn = getattr(local, "conn", None) or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        local.conn = conn
        headers = {"Content-Type": "application/json"} if body is not None else {}
        conn.request(method, path, body=body, headers=headers)
        res = conn.getresponse()
        data = res.read()
        if res.getheader("Connection", "").lower() == "close":
            conn.close()
            local.conn = None
        return json.loads(data) if res.status == 200 else None

    def ask(i: int) -> list | None:
        got = request("GET", "/api/v1/ask?" + urllib.parse.urlencode({"q": items[i % len(items)]}))
        return None if got is None else [h["passage_id"] for h in got["results"]]

    def verify(i: int) -> list | None:
        c = items[i % len(items)]
        body = json.dumps({"text": c["text"], "speaker": c.get("claimed_speaker")}).encode()
        got = request("POST", "/api/v1/verify", body)
        return None if got is None else [v["verdict"] for v in got["verdicts"]]

    def health(i: int) -> list | None:
        got = request("GET", "/api/v1/health")
        return None if got is None else [got["documents"], got["passages"]]

    return {"ask": ask, "verify": verify, "health": health}[endpoint]


def measure(endpoint: str, concurrency: int, n: int, calls: dict[str, Callable[[int], list | None]]) -> list[Run]:
    """``n`` calls in each mode, the modes taking turns in blocks: the machine may be shared (CI, a laptop), and
    a neighbour's burst then weighs on both modes alike instead of on whichever ran at the time."""
    for call in calls.values():
        drive(concurrency, min(n, 2 * concurrency), call)  # warm-up: connections, lazy loads, first-call caches
    runs = {mode: Run(mode, endpoint, concurrency, [], 0.0) for mode in calls}
    block = max(10, 8 * concurrency)  # long enough that the ramp-up and the tail of each block weigh little
    for base in range(0, n, block):
        for mode, call in calls.items():
            latencies, wall, errors, answers = drive(concurrency, min(block, n - base),
                                                     lambda i, call=call, base=base: call(base + i))
            run = runs[mode]
            run.latencies += latencies
            run.wall += wall
            run.errors += errors
            run.answers.update({base + i: a for i, a in answers.items()})
    return list(runs.values())


def settings_for(corpus: Path | None, data: Path) -> Settings:
    changes: dict = {"data": {"dir": str(data)}}
    if corpus is not None:
        changes["corpus"] = {"path": str(corpus.resolve())}
    return Settings().with_(**changes)


@contextmanager
def server(corpus: Path | None, data: Path, workers: int) -> Iterator[int]:
    """`quoth web` itself, in a process of its own on a free loopback port, as deployed: yields its port once
    it answers /api/v1/health; SIGTERM after, as systemd and compose stop it. Its config is the shipped
    defaults but for the rate limit and ``workers`` (see the module's docstring)."""
    config = data / "web-bench.toml"
    config.write_text(f"[data]\ndir = {json.dumps(str(data))}\n"
                      + (f"[corpus]\npath = {json.dumps(str(corpus.resolve()))}\n" if corpus else "")
                      + f"[web]\nworkers = {workers}\nrate_per_minute = {10**9}\nrate_burst = {10**9}\n")
    argv = [sys.executable, "-m", "quoth.bot.cli", "web", "--config", str(config), "--host", "127.0.0.1",
            "--port", "0"]
    proc = subprocess.Popen(argv, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        port = announced_port(proc)
        # Its log from here on is drained (a full pipe would stall the server) and shown if it says anything.
        threading.Thread(target=lambda: [print(line, end="", file=sys.stderr) for line in proc.stderr],
                         daemon=True).start()
        wait_healthy(port, proc)
        yield port
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def announced_port(proc: subprocess.Popen) -> int:
    """The port in `quoth web`'s "Quoth on http://HOST:PORT/" line (it was started with --port 0)."""
    said = []
    for line in proc.stderr:
        said.append(line)
        if found := re.search(r"Quoth on http://[^/]+:(\d+)/", line):
            return int(found[1])
    raise SystemExit(f"quoth web did not start (exit {proc.wait(30)}):\n" + "".join(said[-20:]))


def wait_healthy(port: int, proc: subprocess.Popen, within: float = 60.0) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/v1/health")
            if conn.getresponse().status == 200:
                conn.close()
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit("quoth web did not answer /api/v1/health")


def report(runs: list[Run], agree: dict[str, tuple[int, int]]) -> None:
    print(f"{'mode':8} {'endpoint':8} {'conc':>4} {'requests':>8} {'errors':>6} {'rps':>8} {'p50 ms':>8} "
          f"{'p99 ms':>8}")
    for r in runs:
        print(f"{r.mode:8} {r.endpoint:8} {r.concurrency:>4} {len(r.latencies):>8} {r.errors:>6} {r.rps:>8.1f} "
              f"{r.ms(50):>8.2f} {r.ms(99):>8.2f}")
    print()
    pairs = {(r.endpoint, r.concurrency): {} for r in runs}
    for r in runs:
        pairs[(r.endpoint, r.concurrency)][r.mode] = r
    for (endpoint, c), m in pairs.items():
        lib, web = m["library"], m["http"]
        print(f"http overhead {endpoint} c={c}: p50 {web.ms(50) - lib.ms(50):+.2f} ms, "
              f"p99 {web.ms(99) - lib.ms(99):+.2f} ms, rps {100 * (web.rps / lib.rps - 1):+.1f} %")
    for endpoint, (same, n) in agree.items():
        print(f"{endpoint}: http answers equal to the library's for {same}/{n} items")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=300, help="per mode, endpoint and concurrency")
    ap.add_argument("--concurrency", type=int, nargs="+", default=[1, 4])
    ap.add_argument("--corpus", type=Path, help="default: the bundled sample corpus (the questions are about it)")
    ap.add_argument("--data", type=Path, help="the data directory (default: a new temporary one)")
    ap.add_argument("--smoke", action="store_true", help="a tiny run (4 requests, concurrency 1 and 2)")
    args = ap.parse_args(argv)
    if args.smoke:
        args.requests, args.concurrency = 4, [1, 2]
    if args.requests < 1 or min(args.concurrency) < 1:
        ap.error("--requests and --concurrency must be at least 1")
    data = args.data or Path(tempfile.mkdtemp(prefix="quoth-web-bench-"))
    try:
        return bench(args.corpus, data, args.requests, sorted(set(args.concurrency)))
    finally:
        if args.data is None:
            shutil.rmtree(data, ignore_errors=True)


def bench(corpus: Path | None, data: Path, n: int, concurrency: list[int]) -> int:
    q = Quoth(settings_for(corpus, data))
    q.ensure_index(show_progress=False)
    q.warm()
    items = {"ask": QUESTIONS, "verify": claims(), "health": [None]}
    meta = q.current().meta
    print(f"{meta.documents} documents, {meta.passages} passages; {len(QUESTIONS)} questions, "
          f"{len(items['verify'])} claims; {os.cpu_count()} CPUs; {n} requests per row")
    runs: list[Run] = []
    with server(corpus, data, max(concurrency)) as port:
        for c, endpoint in itertools.product(concurrency, ENDPOINTS):
            runs += measure(endpoint, c, n, {"library": library_calls(q, endpoint, items[endpoint]),
                                             "http": http_calls(port, endpoint, items[endpoint])})
    agree = {}
    for endpoint in ENDPOINTS:
        lib = {i % len(items[endpoint]): a for r in runs if (r.mode, r.endpoint) == ("library", endpoint)
               for i, a in r.answers.items()}
        web = {i % len(items[endpoint]): a for r in runs if (r.mode, r.endpoint) == ("http", endpoint)
               for i, a in r.answers.items()}
        agree[endpoint] = (sum(lib[i] == web.get(i) for i in lib), len(lib))
    report(runs, agree)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
