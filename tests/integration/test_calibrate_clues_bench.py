"""benchmarks/calibrate_clues.py runs, at a tiny size (two works), so it cannot rot: it reads each guess's instance
cell from the evidence, fits leaving each work out, and prints the clue's precision before and after per work."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "calibrate_clues.py"


def test_the_calibration_benchmark_reads_cells_and_reports_each_work(capsys):
    spec = importlib.util.spec_from_file_location("calibrate_clues_bench", BENCH)
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench
    spec.loader.exec_module(bench)
    from quoth.segment.attribution import confidence
    table, contradicted = dict(confidence.TABLE), confidence.CONTRADICTED
    try:
        gs = bench.guesses(("emma", "sea_wolf"))
        assert {g.work for g in gs} == {"emma", "sea_wolf"} and all(g.cell.startswith(g.clue) for g in gs)
        assert sum(g.right for g in gs) > 0.8 * len(gs)
        bench.report(bench.held_out(gs))
    finally:  # guesses() empties the table and lifts the rule for the fit: give them back to the other tests
        confidence.TABLE.clear()
        confidence.TABLE.update(table)
        confidence.CONTRADICTED = contradicted
    out = capsys.readouterr().out
    assert re.search(r"^\s+emma\s", out, re.M) and re.search(r"^\s+sea_wolf\s", out, re.M), out
