"""benchmarks/long_passages.py runs at a tiny size, so it cannot rot: two PEPs indexed with the real model, their
long passages matched by their windows as well, the questions scored each way."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_long_passages_are_counted_and_matched_by_their_windows(tmp_path, encoder, capsys):
    sys.path.insert(0, str(BENCHMARKS))
    rq = _load("real_questions")
    bench = _load("long_passages")
    slugs = ["pep_0020", "pep_0498"]
    rq.index(rq.find_sets(list(rq.SETS), slugs), tmp_path, encoder)
    assert bench.main(["--work", str(tmp_path), "--window", "64", "--only", *slugs], encoder=encoder) == 0
    out = capsys.readouterr().out
    share = re.search(r"over 64: (\d\.\d+)", out)
    assert share and 0 < float(share.group(1)) < 1, out
    for mode in ("none", "mean", "mean_all", "max"):
        assert re.search(rf"^{mode}\s+\| dev hit@1/hit@3 \d\.\d+/\d\.\d+", out, re.M), out
