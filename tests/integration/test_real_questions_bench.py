"""benchmarks/real_questions.py runs: two PEPs indexed with the real model, their questions asked."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "real_questions.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("real_questions", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_indexes_and_scores_per_family(tmp_path, encoder):
    bench = load_bench()
    sets = bench.find_sets(list(bench.SETS), ["pep_0020", "pep_0498"])
    assert {s.document.name for s in sets} == {"pep_0020.rst", "pep_0498.rst"}
    results = bench.measure(bench.index(sets, tmp_path, encoder), sets)
    assert set(results) == {"pep", "all"}
    assert results["all"]["questions"] == sum(len(s.questions) for s in sets)
    # The Zen of Python and the f-string PEP's sections are found: once neither was in any passage's text.
    assert results["pep"]["hit@3"] >= 0.6
