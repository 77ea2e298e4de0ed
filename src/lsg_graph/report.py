"""A Markdown report of the headline analyses: who chaired most under each general secretary,
concentration over time (with a plot), the seed article's table beside the graph, and what the
data does not know."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from .output import render

if TYPE_CHECKING:
    from .db import Database


def write_report(db: Database, folder: str | Path, as_of: str = "2019-06-01") -> Path:
    """Write `report.md` (and `concentration.png`) into `folder`; return the report's path."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    sections = [
        "# lsg-graph report",
        f"Made {dt.date.today().isoformat()} from the graph at {db.settings.uri} "
        f"(database {db.settings.database}).",
        "## Chairs held at the midpoint of each general secretary's tenure (from 1998)",
        "Only posts certainly in force that day count as `chairs`; `undecided` are posts the "
        "recorded dates cannot settle.",
    ]
    for leader in db.general_secretaries():
        day = _midpoint(leader["start"], leader["end"])
        top = db.analyze("chair-count", as_of=day).head(5)
        sections += [f"### {leader['person']}, as of {day.isoformat()}",
                     render(top[["person", "chairs", "undecided", "bodies"]], "markdown")]
    timeline = db.analyze("concentration-timeline")
    db.plot_timeline(timeline, out / "concentration.png",
                     "Concentration of chairmanships (1 July each year)")
    sections += ["## Concentration of chairmanships over time",
                 "![concentration](concentration.png)",
                 render(timeline, "markdown"),
                 f"## The seed article's Table 1 beside the graph ({as_of})",
                 render(db.seed_table(as_of), "markdown"),
                 "## What the data does not know"]
    coverage = db.analyze("coverage")
    counts = coverage.groupby("gap").size().rename("facts").reset_index()
    sections += [render(counts, "markdown"),
                 "Run `lsg-graph analyze coverage` for every item."]
    path = out / "report.md"
    path.write_text("\n\n".join(sections) + "\n", encoding="utf-8")
    return path


COVERAGE_START = dt.date(1998, 1, 1)  # the bundled dataset records posts from 1997 on


def _midpoint(start: dt.date, end: dt.date | None) -> dt.date:
    """The middle of the part of a tenure the dataset covers."""
    start, end = max(start, COVERAGE_START), end or dt.date.today()
    return start + (end - start) / 2
