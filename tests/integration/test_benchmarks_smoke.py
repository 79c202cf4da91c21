"""Every script in benchmarks/ runs at a tiny size here, through its real code path, so none rots unnoticed (scale.py
went a round failing with a TypeError because nothing ran it). Each gets a tiny BEIR folder or corpus in place of
SciFact and prints the lines its figures are read from. The scripts with tests of their own:
attribution (test_attribution_sets), calibrate_clues, long_passages, real_questions, speakers (their *_bench
tests), scale (test_scale_bench), verify (its claim sets: test_verify_*)."""

from __future__ import annotations

import importlib.util
import json
import logging
import re
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
DOCS = [
    ("d1", "Vitamin D and bones", "Vitamin D deficiency weakens bones. It raises the risk of fractures in the elderly. "
     "Supplements help some people."),
    ("d2", "Coffee and sleep", "Drinking coffee late in the evening delays sleep onset. It shortens deep sleep. "
     "Decaffeinated coffee does not."),
    ("d3", "Exercise and mood", "Regular aerobic exercise reduces symptoms of depression in adults. Walking counts. "
     "The effect lasts for months."),
    ("d4", "Salt and blood pressure", "High salt intake raises blood pressure in salt-sensitive people. Potassium "
     "lowers it again. Diets differ widely."),
]
QUERIES = [("q1", "Lack of vitamin D causes fractures"), ("q2", "Caffeine in the evening disturbs sleep"),
           ("q3", "Running improves depression"), ("q4", "Salt and hypertension")]


def tiny_beir(root: Path, name: str = "tinyfact") -> Path:
    """A BEIR folder of four abstracts and four claims, each claim judged against its abstract, in both splits."""
    beir = root / name
    (beir / "qrels").mkdir(parents=True)
    (beir / "corpus.jsonl").write_text("".join(json.dumps({"_id": i, "title": t, "text": x}) + "\n"
                                               for i, t, x in DOCS))
    (beir / "queries.jsonl").write_text("".join(json.dumps({"_id": i, "text": t}) + "\n" for i, t in QUERIES))
    for split, judged in (("test", QUERIES[:2]), ("train", QUERIES[2:])):
        (beir / "qrels" / f"{split}.tsv").write_text("query-id\tcorpus-id\tscore\n"
                                                     + "".join(f"{q}\td{q[1:]}\t1\n" for q, _ in judged))
    return beir


def bench(name: str):
    """benchmarks/NAME.py loaded as a module (the folder on sys.path: some import attribution.py beside them)."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(f"{name}_bench", BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def leaves_logging_on():
    """A script run in-process must leave the suite's logging as it found it: languages.py once switched it off
    for every test after it, and their log assertions failed far from the cause."""
    yield
    assert logging.root.manager.disable == logging.NOTSET


@pytest.fixture(scope="module")
def beir(tmp_path_factory) -> Path:
    return tiny_beir(tmp_path_factory.mktemp("beir"))


def harbour(root: Path, n: int = 3) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i, topic in enumerate(["harbour wall", "ferry timetable", "lighthouse lamp"][:n]):
        (root / f"doc-{i}.txt").write_text(f"Report {i} on the {topic}\n\nby Writer {i}\n\nThe {topic} was rebuilt "
                                           "with granite from the quarry after the storms.\n")
    return root


def test_chat_export(capsys):
    assert bench("chat_export").main(["--sizes", "300"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^\s+300 messages \(0\.0 MB\):\s+[\d.]+ s,\s+[\d,]+ messages/s,\s+[1-9][\d,]* passages", out,
                     re.M), out


def test_long_line(capsys):
    assert bench("long_line").main(["--mb", "0.02"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"0\.0 MB on one line: +[\d.]+ s, [\d.]+ MB/s, [1-9][\d,]* passages, peak RSS \d+ MB", out), out


def test_encoders(beir, capsys):
    cache = __import__("os").environ["QUOTH_MODEL_CACHE"]
    assert bench("encoders").main(["--beir", str(beir), "--passages", "4", "--backends", "onnx-int8",
                                   "--cache", cache]) == 0
    out = capsys.readouterr().out
    assert out.startswith("4 SciFact passages") and re.search(r"onnx-int8 +[\d.]+ passages/s +one query p50", out), out


def test_latency(beir, tmp_path, capsys):
    assert bench("latency").main(["--index", "scifact", "--queries", "4", "--beir", str(beir),
                                  "--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^scifact: \d+ passages, 4 queries", out, re.M), out
    assert re.search(r"end to end  p50 [\d.]+ ms  p99 [\d.]+ ms", out), out


def test_build(beir, tmp_path, capsys):
    assert bench("build").main(["--beir", str(beir), "--work", str(tmp_path / "w")]) == 0
    out = capsys.readouterr().out
    assert "4 documents" in out and re.search(r"build / encode = [\d.]+", out), out
    assert re.search(r"1 doc changed .*\(1 changed, [1-9]\d* passages embedded\)", out), out


def test_calibrate_abstention(beir, tmp_path, capsys):
    assert bench("calibrate_abstention").main(["--beir", str(beir), "--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^2 answerable claims, \d+ unanswerable questions", out, re.M), out
    assert "current default gate" in out and "best gate" in out, out


def test_languages(capsys):
    assert bench("languages").main(["--only", "fr"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^fr +fr \(detected\) +\d+ +[\d.]+", out, re.M), out
    assert re.search(r"^fr +en \(forced\) +\d+ +[\d.]+", out, re.M), out


def test_peers_quoth_half(beir, tmp_path):
    """txtai needs a virtual environment of its own (see the script): Quoth's half runs, and without the
    environment the script says how to make it."""
    peers = bench("peers")
    q = peers.quoth(beir, tmp_path / "w")
    assert q["passages"] >= 4 and q["p50_ms"] > 0 and 0.5 <= q["ndcg@10"] <= 1.0, q
    with pytest.raises(SystemExit, match="txtai-venv"):
        peers.main(["--beir", str(beir), "--txtai-venv", str(tmp_path / "none"), "--work", str(tmp_path / "w")])


def test_startup(tmp_path, encoder, capsys):
    from quoth import Quoth, Settings

    corpus, data = harbour(tmp_path / "c"), tmp_path / "d"
    Quoth(Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(data)}), encoder=encoder).index()
    assert bench("startup").main(["--corpus", str(corpus), "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"start → ready: [\d.]+ s \(backend onnx-int8, existing index, resident memory \d+ MB\)", out), out


def test_tenants(tmp_path, capsys):
    assert bench("tenants").main(["--servers", "2", "--docs", "3", "--questions", "2", "--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^2 servers × 3 documents \(\d+ passages each\).*RSS \d+ MiB .* \d+ MiB with every", out, re.M)
    assert "while server A's full /reindex ran" in out and "all 2/2 acknowledged within 3 s" in out, out


def test_bot_load(tmp_path, capsys):
    assert bench("bot_load").main(["--questions", "3", "--docs", "12", "--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^3 questions at once during a full reindex \(\d+ passages\)", out, re.M), out
    assert "3/3 delivered" in out and re.search(r"heartbeats \(asked every 1 s\) during the load: \d+", out), out


def test_live_load(tmp_path, capsys):
    args = ["--rate", "5", "--seconds", "4", "--asks", "4", "--history", "20", "--probe-every", "2",
            "--batch-seconds", "0.5", "--data", str(tmp_path)]
    assert bench("live_load").main(args) == 0
    out = capsys.readouterr().out
    assert re.search(r"ack +p50 +\d+ ms +p95 +\d+ ms +max +\d+ ms +4/4 within 3 s", out), out
    assert "4/4 answered" in out and "0 of 2 answers in B and C quote A's channel" in out, out
    # Every message of the channel, the 20 backfilled and the 20 posted live, in the store once.
    assert "20 posted + 20 backfilled: lost 0, extra 0, duplicated 0" in out, out
    assert "1 deleted, 0 of them still rendered; 1 edited, 0 of them stale" in out, out
    assert re.search(r"\d of \d probes asked for quoted \(2 posted\)", out), out
    assert re.search(r"RSS +start \d+ MiB", out), out


def test_implicit_causes(capsys):
    assert bench("implicit_causes").main(["--only", "secret_adversary"]) == 0
    out = capsys.readouterr().out
    found = re.search(r"implicit quotations: (\d+), right (\d+), wrong (\d+), missed (\d+)", out)
    assert found and int(found[1]) > 0 and int(found[1]) == sum(map(int, found.groups()[1:])), out


def test_tag_misses(capsys):
    assert bench("tag_misses").main(["--only", "secret_adversary"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^\s+\d+  (explicit|anaphoric): ", out, re.M), out


def test_live_rebuild(tmp_path, capsys):
    assert bench("live_rebuild").main(["--messages", "60", "--new", "3", "--rounds", "1", "--queries", "4",
                                       "--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^sample corpus \+ 60 messages: \d+ documents, \d+ passages; full build [\d.]+ s", out, re.M), out
    assert re.search(r"rebuild for \+3 messages: median [\d.]+ s .*median [1-3] passages embedded", out), out
    assert re.search(r"search p50 with withholding [\d.]+ ms, without [\d.]+ ms", out), out


def test_web(tmp_path, capsys):
    """ask, verify and health through a real uvicorn in its own process and through the library: every request
    answered (the raised rate limit never refuses one), the same answers both ways, sane figures (not timed)."""
    assert bench("web").main(["--smoke", "--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^\d+ documents, [1-9]\d* passages; 12 questions, 24 claims", out, re.M), out
    rows = re.findall(r"^(library|http) +(\w+) +(\d+) +(\d+) +(\d+) +([\d.]+) +([\d.]+) +([\d.]+)$", out, re.M)
    endpoints = ("ask", "verify", "health")
    assert sorted((m, e, int(c)) for m, e, c, *_ in rows) == sorted(
        (m, e, c) for m in ("library", "http") for e in endpoints for c in (1, 2)), out
    for *_, n, errors, rps, p50, p99 in rows:
        assert (int(n), int(errors)) == (4, 0) and float(rps) > 0 and 0 < float(p50) <= float(p99), out
    overhead = r"^http overhead (\w+) c=[12]: p50 [+-][\d.]+ ms, p99 [+-][\d.]+ ms, rps [+-][\d.]+ %$"
    assert sorted(re.findall(overhead, out, re.M)) == sorted(endpoints * 2), out
    for endpoint, items in (("ask", 4), ("verify", 4), ("health", 1)):
        assert f"{endpoint}: http answers equal to the library's for {items}/{items} items" in out, out
