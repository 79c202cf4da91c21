"""benchmarks/scale.py runs at a tiny size on both backends, so it cannot rot: a source index of a small BEIR
folder, a few dozen synthetic passages made from it, built, served from a fresh process and timed."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from quoth import Quoth, Settings
from quoth.evaluate import load_beir
from tests.milvus import milvus_lite

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "scale.py"
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


def _bench():
    spec = importlib.util.spec_from_file_location("scale_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def source(tmp_path_factory, encoder) -> tuple[Path, Path]:
    """(a BEIR folder, a working folder holding the index `quoth eval --beir` builds of it under bench/)."""
    root = tmp_path_factory.mktemp("scale")
    beir = root / "tinyfact"
    (beir / "qrels").mkdir(parents=True)
    (beir / "corpus.jsonl").write_text("".join(json.dumps({"_id": i, "title": t, "text": x}) + "\n"
                                               for i, t, x in DOCS))
    (beir / "queries.jsonl").write_text("".join(json.dumps({"_id": i, "text": t}) + "\n" for i, t in QUERIES))
    (beir / "qrels" / "test.tsv").write_text("".join(f"{q}\td{q[1:]}\t1\n" for q, _ in QUERIES))
    work = root / "work"
    settings = Quoth.for_beir(load_beir(beir), Settings().with_(data={"dir": str(work / "bench")})).settings
    Quoth(settings, encoder=encoder).index()
    return beir, work


@pytest.mark.parametrize("backend", ["embedded", "milvus"])
def test_the_scale_benchmark_builds_serves_and_times(source, backend, capsys):
    if backend == "milvus" and not milvus_lite():
        pytest.skip("milvus-lite is not installed (pip install 'quoth[milvus]')")
    beir, work = source
    bench = _bench()
    assert bench.main(["--size", "40", "--type", "flat", "--queries", "4", "--claims", "6", "--encoder", "onnx-int8",
                       "--backend", backend, "--beir", str(beir), "--work", str(work)]) == 0
    out = capsys.readouterr().out
    line = re.search(rf"^\s+40 passages\s+{backend}\s+flat\s+onnx-int8\s+p50 [\d.]+ ms\s+p99 [\d.]+ ms\s+"
                     r"\(4 queries\)", out, re.M)
    assert line, out
    assert re.search(r"quote verification: p50 [\d.]+ ms", out), out
    if backend == "milvus":  # recall of Milvus's index against exact search over the vectors the build wrote
        assert re.search(r"recall@10 vs exact 1\.000", out) and "Milvus server" in out, out
