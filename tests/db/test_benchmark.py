"""The scale benchmark (benchmarks/scale.py) runs end to end at a tiny size: a smoke test of
every step it measures, never a timed test."""

from __future__ import annotations

import sys
from pathlib import Path

from lsg_graph.analyses import analyses

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
import scale  # noqa: E402


def test_the_scale_benchmark_runs_every_step_at_a_small_size(db, local, settings):
    result = scale.measure(300, 1, local, settings)
    text = scale.table(result)
    assert text.startswith("#### 300 positions")
    for step in ("`lsg-graph load` (first)", "LOAD CSV ... IN TRANSACTIONS",
                 "row by row, one MERGE per transaction", "`lsg-graph load`, unchanged",
                 "`lsg-graph load`, one position edited", "`lsg-graph validate`"):
        assert step in text
    assert set(result["analyses"]) == set(analyses())
    assert all(result[k] > 0 for k in ("load", "load_csv", "row_by_row", "reload", "validate"))
    assert result["load_rss"] > 0
