"""A Markdown report of the headline analyses: who chaired most under each general secretary,
concentration over time (with a plot), the seed article's table beside the graph, and what the
data does not know."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from .analyses import general_secretaries, run
from .errors import LsgGraphError
from .output import plot_timeline, render, write_text
from .runner import QueryRunner
from .seed import seed_table


def write_report(runner: QueryRunner, folder: str | Path, as_of: str = "2019-06-01") -> Path:
    """Write `report.md` (and `concentration.png`) into `folder`; return the report's path."""
    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LsgGraphError(f"cannot create the report folder {out}: {exc.strerror}") from exc
    settings = runner.settings
    sections = [
        "# lsg-graph report",
        f"Made {dt.date.today().isoformat()} from the graph at {settings.uri} "
        f"(database {settings.database}).",
        "## Chairs held at the midpoint of each general secretary's tenure (from 1998)",
        "Only posts certainly held that day count as `chairs`; `disputed` are seats whose "
        "competing claims disagree, `undecided` posts the dates cannot settle.",
    ]
    leaders = general_secretaries(runner)
    for leader in leaders:
        day = _midpoint(leader["start"], leader["end"])
        top = run(runner, "chair-count", as_of=day).head(5)
        sections += [f"### {leader['person']}, as of {day.isoformat()}",
                     render(top[["person", "chairs", "disputed", "undecided", "bodies"]],
                            "markdown")]
    timeline = run(runner, "concentration-timeline")
    plot_with_tenures(runner, timeline, out / "concentration.png",
                      "Concentration of chairmanships (1 July each year)", leaders)
    sections += ["## Concentration of chairmanships over time",
                 "![concentration](concentration.png)",
                 render(timeline, "markdown"),
                 f"## The seed article's Table 1 beside the graph ({as_of})",
                 render(seed_table(runner, as_of), "markdown"),
                 "## What the data does not know"]
    coverage = run(runner, "coverage")
    counts = coverage.groupby("gap").size().rename("facts").reset_index()
    sections += [render(counts, "markdown"),
                 "Run `lsg-graph analyze coverage` for every item."]
    path = out / "report.md"
    write_text(path, "\n\n".join(sections) + "\n")
    return path


def plot_with_tenures(runner: QueryRunner, frame: pd.DataFrame, path: str | Path, title: str,
                      leaders: list[dict] | None = None) -> Path:
    """Save a per-year result as a PNG with the general secretaries' tenures shaded."""
    leaders = general_secretaries(runner) if leaders is None else leaders
    tenures = [(t["person"], t["start"], t["end"]) for t in leaders]
    return plot_timeline(frame, path, title, tenures)


COVERAGE_START = dt.date(1998, 1, 1)  # the bundled dataset records posts from 1997 on


def _midpoint(start: dt.date, end: dt.date | None) -> dt.date:
    """The middle of the part of a tenure the dataset covers."""
    start, end = max(start, COVERAGE_START), end or dt.date.today()
    return start + (end - start) / 2
