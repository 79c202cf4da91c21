"""Builds killed with SIGKILL at random moments and at each commit step, a full disk, two builds at once, and
questions asked all through a rebuild: the previous generation serves whole, the next build completes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

import quoth
from quoth.index.generation import IndexFolder
from quoth.index.live import LoadedIndex

ROOT = Path(__file__).resolve().parents[2]
TOPICS = ["harbour wall", "ferry timetable", "fish market", "lighthouse lamp", "tide tables", "lifeboat crew",
          "net mending", "salt trade", "gull colony", "pier lights"]
QUESTIONS = ["Who repaired the lighthouse lamp?", "When does the ferry leave?", "What happened at the fish market?"]
KILLS = 20
# Kills are spread over the build's own duration, so a loaded machine makes each one longer: past this budget (and
# at least MIN_KILLS in) the loop stops, inside pytest's timeout, rather than fail a CI run for being slow.
KILL_BUDGET_S = 120
MIN_KILLS = 5


def write_docs(folder: Path, n: int, tag: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(n)
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        paras = [f"Report {i}{tag} on the {topic}.", f"by Writer {i % 7}"]
        paras += [f"The {topic} was discussed again on day {rng.randint(1, 28)}, and the council agreed to look at "
                  f"the {rng.choice(TOPICS)} before the {rng.choice(TOPICS)} next season." for _ in range(4)]
        (folder / f"doc-{i:03d}.txt").write_text("\n\n".join(paras) + "\n")


def cli(corpus: Path, data: Path, *args: str, prelude: str = "") -> subprocess.Popen:
    code = textwrap.dedent(prelude) + "\nimport sys\nfrom quoth.bot.cli import main\nsys.exit(main(sys.argv[1:]))"
    env = {**os.environ, "QUOTH_DATA_DIR": str(data)}
    return subprocess.Popen([sys.executable, "-c", code, *args, "--corpus", str(corpus)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def answers(corpus: Path, data: Path) -> list[list[tuple[str, int, int]]]:
    q = quoth.Quoth.open(corpus=corpus, data_dir=data)
    return [[(h.source.path, h.start, h.end) for h in q.ask(x)] for x in QUESTIONS]


def serving(corpus: Path, data: Path) -> tuple[str, int]:
    q = quoth.Quoth.open(corpus=corpus, data_dir=data)
    gen = q.folder.current()
    return gen.name, len(LoadedIndex(gen))  # every file opens and agrees


@pytest.fixture
def site(tmp_path):
    corpus, data = tmp_path / "corpus", tmp_path / "data"
    write_docs(corpus, 40)
    t = time.perf_counter()
    assert cli(corpus, data, "index").wait(300) == 0
    return corpus, data, time.perf_counter() - t


def test_random_kills_never_break_the_serving_index(site):
    corpus, data, took = site
    rng = random.Random(7)
    before = answers(corpus, data)
    started = time.monotonic()
    for n in range(KILLS):
        if n >= MIN_KILLS and time.monotonic() - started > KILL_BUDGET_S:
            break
        write_docs(corpus, 40, tag=f"-{n}")  # every document changes: a whole rebuild to interrupt
        name, _ = serving(corpus, data)
        proc = cli(corpus, data, "index")
        time.sleep(rng.uniform(0.2, took * 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        now, rows = serving(corpus, data)
        assert rows > 0
        if now == name:
            assert answers(corpus, data) == before, f"kill {n}: the old generation answers differently"
        before = answers(corpus, data)
    assert cli(corpus, data, "index").wait(300) == 0
    folder = IndexFolder(quoth.Quoth.open(corpus=corpus, data_dir=data).folder.path)
    left = [p.name for p in folder.path.glob("gen-*")]
    assert not [x for x in left if x.endswith(".tmp")] and len(left) <= 2, left


@pytest.mark.parametrize("step", [1, 2, 3])
def test_a_kill_at_each_commit_step_leaves_one_whole_generation_serving(site, step):
    corpus, data, _ = site
    name, _ = serving(corpus, data)
    before = answers(corpus, data)
    write_docs(corpus, 41, tag="-changed")
    # os.replace commits: meta.json into place, the generation folder into place, then CURRENT.
    prelude = f"""
        import os, signal
        real, calls = os.replace, [0]
        def replace(a, b, *args, **kw):
            calls[0] += 1
            if calls[0] == {step}:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(a, b, *args, **kw)
        os.replace = replace
    """
    assert cli(corpus, data, "index", prelude=prelude).wait(300) == -signal.SIGKILL
    now, _ = serving(corpus, data)
    assert now == name and answers(corpus, data) == before  # CURRENT never moved: the old one serves whole
    assert cli(corpus, data, "index").wait(300) == 0
    assert serving(corpus, data)[0] != name
    assert not list(IndexFolder(quoth.Quoth.open(corpus=corpus, data_dir=data).folder.path).path.glob("*.tmp"))


def test_a_full_disk_is_said_plainly_and_the_old_index_serves(site):
    corpus, data, _ = site
    name, _ = serving(corpus, data)
    before = answers(corpus, data)
    write_docs(corpus, 42, tag="-more")
    prelude = """
        import errno, numpy
        def save(*a, **kw):
            raise OSError(errno.ENOSPC, "No space left on device")
        numpy.save = save
    """
    proc = cli(corpus, data, "index", prelude=prelude)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 2 and "the disk is full" in err and "Traceback" not in err
    assert serving(corpus, data)[0] == name and answers(corpus, data) == before
    assert not list(IndexFolder(quoth.Quoth.open(corpus=corpus, data_dir=data).folder.path).path.glob("*.tmp"))


def test_two_builds_at_once_one_refuses_and_questions_are_answered_throughout(site):
    corpus, data, _ = site
    write_docs(corpus, 40, tag="-again")
    slow = """
        import time
        from quoth.index.build import IndexBuilder
        write = IndexBuilder._write
        def slow_write(self, *a, **kw):
            time.sleep(6)  # holds the build lock long enough for the second build to meet it
            return write(self, *a, **kw)
        IndexBuilder._write = slow_write
    """
    first = cli(corpus, data, "index", "--full", prelude=slow)
    time.sleep(1.0)
    second = cli(corpus, data, "index")
    _, err = second.communicate(timeout=300)
    got: list = []
    stop = threading.Event()

    def ask_loop():
        q = quoth.Quoth.open(corpus=corpus, data_dir=data)
        while not stop.is_set() and len(got) < 500:
            got.append(len(q.ask(QUESTIONS[len(got) % 3]).hits))

    asker = threading.Thread(target=ask_loop)
    asker.start()
    assert first.wait(300) == 0
    stop.set()
    asker.join(60)
    assert second.returncode == 2 and "another build" in err
    assert got and all(n > 0 for n in got)


def test_a_killed_builds_tmp_folder_goes_with_the_next_build_even_a_no_op(tmp_path, encoder):
    from tests.helpers import HARBOUR_AND_GARDEN, write_corpus

    corpus = write_corpus(tmp_path / "corpus", HARBOUR_AND_GARDEN)
    q = quoth.Quoth(quoth.Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(tmp_path / "data")}),
                    encoder=encoder)
    q.index()
    folder = IndexFolder(q.folder.path)
    with folder.lock():
        left = folder.start()  # what a build killed after its start leaves: a half-written gen-N.tmp
    (left.path / "store.sqlite").write_bytes(b"half written" * 1000)
    report = q.index()  # no document changed
    assert report.unchanged == 2 and report.added == 0
    assert not left.path.exists() and not list(folder.path.glob("*.tmp"))
