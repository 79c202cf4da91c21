"""benchmarks/speakers.py runs, at a tiny size, so it cannot rot: the annotated casts' merges and a timed scale."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "speakers.py"


def _bench():
    spec = importlib.util.spec_from_file_location("speakers_bench", BENCH)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def test_the_speakers_benchmark_prints_merge_precision_and_times_a_small_corpus(capsys):
    bench = _bench()
    bench.main(["--show", "2"])
    out = capsys.readouterr().out
    precision = re.search(r"precision (\d\.\d+)", out)
    assert precision and float(precision.group(1)) >= 0.95, out
    bench.main(["--scale", "60"])
    assert re.search(r"60 names -> \d+ people: grouped in", capsys.readouterr().out)
