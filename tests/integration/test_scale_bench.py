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
from tests.integration.test_benchmarks_smoke import tiny_beir
from tests.milvus import missing

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "scale.py"


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
    beir = tiny_beir(root)
    work = root / "work"
    settings = Quoth.for_beir(load_beir(beir), Settings().with_(data={"dir": str(work / "bench")})).settings
    Quoth(settings, encoder=encoder).index()
    return beir, work


@pytest.mark.parametrize(("backend", "engine"), [("embedded", None), ("milvus", "cpp"), ("milvus", "lite3")],
                         ids=["embedded", "milvus-cpp", "milvus-lite3"])
def test_the_scale_benchmark_builds_serves_and_times(source, backend, engine, capsys):
    if engine and (why := missing(engine)):
        pytest.skip(why)
    beir, work = source
    bench = _bench()
    args = ["--size", "40", "--type", "flat", "--queries", "4", "--claims", "6", "--encoder", "onnx-int8",
            "--backend", backend, "--beir", str(beir), "--work", str(work)]
    assert bench.main([*args, "--engine", engine] if engine else args) == 0
    out = capsys.readouterr().out
    # Milvus is measured beside the embedded backend, on the same questions and claims.
    for measured in ["embedded", backend]:
        line = re.search(rf"^\s+40 passages\s+{measured}\s+(FLAT|flat)\s+onnx-int8\s+p50 [\d.]+ ms\s+"
                         r"p99 [\d.]+ ms\s+\(4 queries\)", out, re.M)
        assert line, out
    assert re.search(r"quote verification: p50 [\d.]+ ms\s+p99 [\d.]+ ms\s+\(6 claims\)", out), out
    assert re.search(r"build [\d.]+ s, publish [\d.]+ s", out), out
    if backend == "milvus":  # recall of Milvus's index against exact search over the vectors the build wrote
        assert re.search(r"recall@10 vs exact 1\.000", out) and "Milvus server" in out, out
        assert f"({engine})" in out, out
        figures = json.loads(next(ln for ln in out.splitlines() if ln.strip().startswith("{\"passages\"")))
        assert figures["server_rss_mb"] > 0 and figures["engine"] == engine, figures
        if figures["question_traffic"] is not None:  # Milvus.traffic (issue 26's lean reader)
            assert figures["question_traffic"]["rpcs"] >= 1 and figures["question_traffic"]["received_kb"] > 0
