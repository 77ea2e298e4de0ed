"""`Database`: the friendly facade over the library, one object for several calls.

It opens one `QueryRunner` and hands it to the modules that do the work (`load`, `analyses`,
`seed`, `report`); none of them imports this module.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import neo4j
import pandas as pd

from . import analyses, export, load, report, seed
from .plan import LoadReport
from .resources import bundled_dataset
from .runner import BATCH_SIZE, QueryRunner
from .settings import Settings


class Database:
    """A connection to one Neo4j database; use as a context manager."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.runner = QueryRunner(settings or Settings.resolve())
        self.settings = self.runner.settings

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.runner.close()

    def analyze(self, name: str, **params: Any) -> pd.DataFrame:
        """Run the canned analysis `name` (see `lsg_graph.analyses()`) with READ routing."""
        return analyses.run(self.runner, name, **params)

    def query(self, cypher: str, **params: Any) -> pd.DataFrame:
        """Run ad-hoc Cypher in a READ transaction, so that the server refuses any write."""
        return self.runner.read_only(cypher, **params)

    def load(self, path: str | Path | None = None, *, replace: bool = False,
             dry_run: bool = False, batch_size: int = BATCH_SIZE,
             progress: Callable[[int, int], None] | None = None,
             on_change: Callable[[str], None] | None = None) -> LoadReport:
        """Validate and load an extract (default: the bundled dataset); see `load.load`."""
        return load.load(self.runner, path or bundled_dataset(), replace=replace,
                         dry_run=dry_run, batch_size=batch_size, progress=progress,
                         on_change=on_change)

    def unload(self, dataset: str, dry_run: bool = False,
               on_change: Callable[[str], None] | None = None) -> LoadReport:
        """Remove what the named dataset loaded; nodes other datasets use stay."""
        return load.unload(self.runner, dataset, dry_run=dry_run, on_change=on_change)

    def init(self) -> int:
        """Create the constraints and indexes; how many statements ran."""
        return load.apply_schema(self.runner)

    def seed_table(self, as_of: str = "2019-06-01") -> pd.DataFrame:
        """The seed article's Table 1 beside the graph's `portfolio-table` for foreign affairs."""
        return seed.seed_table(self.runner, as_of)

    def report(self, target: str | Path, as_of: str = "2019-06-01") -> Path:
        """Write a report of the headline analyses: `target` ending in .html is one
        self-contained page, anything else a folder for report.md and its plot."""
        return report.write_report(self.runner, target, as_of)

    def export(self, fmt: str, out: str | Path, *, as_of: str | None = None,
               dataset: str | None = None) -> Path:
        """Write the graph as graphml, gexf, spells (.csv or .parquet) or json; see export.py."""
        return export.export(self.runner, fmt, out, as_of=as_of, dataset=dataset)

    def general_secretaries(self) -> list[dict[str, Any]]:
        """Each general secretary's tenure, once per person (the first recorded claim)."""
        return analyses.general_secretaries(self.runner)

    def plot_timeline(self, frame: pd.DataFrame, path: str | Path, title: str) -> Path:
        """Save a per-year result as a PNG with the general secretaries' tenures shaded."""
        return report.plot_with_tenures(self.runner, frame, path, title)

    def read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """Run a read query; rows as dicts."""
        return self.runner.read(query, **params)

    def write(self, query: str, **params: Any) -> neo4j.SummaryCounters:
        """Run one write query in its own managed transaction."""
        return self.runner.write(query, **params)
