"""Turning result DataFrames into what people read: terminal tables, CSV, JSON, Markdown, PNG."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import neo4j.graph
import neo4j.time
import pandas as pd
from neo4j.spatial import Point

from .errors import LsgGraphError

FORMATS = ("table", "csv", "json", "markdown")
MIN_WIDTH = 4  # the narrowest a table column is clipped to


def render(frame: pd.DataFrame, fmt: str = "table", width: int | None = None) -> str:
    """The frame as text in one of FORMATS; every Neo4j value type prints (see `plain`)."""
    if fmt == "json":
        rows = [{str(k): plain(v) for k, v in row.items()} for row in frame.to_dict("records")]
        return json.dumps(rows, ensure_ascii=False, indent=2)
    flat = frame.map(cell_text) if len(frame) else frame
    if fmt == "csv":
        return flat.to_csv(index=False)
    if fmt == "markdown":
        return _markdown(flat)
    if fmt == "table":
        return _table(flat, width or shutil.get_terminal_size((120, 24)).columns)
    raise LsgGraphError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")


def plain(value: Any) -> Any:
    """A value as JSON-ready Python: temporal values and durations as ISO 8601 text, points as
    {srid, x, y[, z]}, nodes, relationships and paths as maps of their parts."""
    if value is None or (isinstance(value, float) and value != value):  # None, NaN
        return None
    if isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return neo4j.time.Duration(seconds=value.total_seconds()).iso_format()
    if hasattr(value, "iso_format"):  # neo4j.time Date, Time, DateTime, Duration
        return value.iso_format()
    if isinstance(value, Point):
        point = {"srid": value.srid, "x": value[0], "y": value[1]}
        if len(value) > 2:
            point["z"] = value[2]
        return point
    if isinstance(value, neo4j.graph.Node):
        return {"element_id": value.element_id, "labels": sorted(value.labels),
                "properties": plain(dict(value))}
    if isinstance(value, neo4j.graph.Relationship):
        return {"element_id": value.element_id, "type": value.type,
                "start": value.start_node.element_id if value.start_node else None,
                "end": value.end_node.element_id if value.end_node else None,
                "properties": plain(dict(value))}
    if isinstance(value, neo4j.graph.Path):
        return {"nodes": [plain(n) for n in value.nodes],
                "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [plain(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    if hasattr(value, "item"):  # numpy scalars
        return plain(value.item())
    return str(value)


def cell_text(value: Any) -> str:
    """One value as the text of a table, CSV or Markdown cell."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(cell_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    return str(value)


def display_width(text: str) -> int:
    """Columns a string takes on a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _clip(text: str, width: int) -> str:
    if display_width(text) <= width:
        return text + " " * (width - display_width(text))
    out, used = "", 0
    for char in text:
        w = display_width(char)
        if used + w > width - 1:
            break
        out, used = out + char, used + w
    return out + "…" + " " * (width - used - 1)


def _table(frame: pd.DataFrame, width: int) -> str:
    if frame.empty:
        return "(no rows)"
    headers = [str(c) for c in frame.columns]
    rows = [[str(v) for v in row] for row in frame.itertuples(index=False)]
    widths = [max(display_width(h), *(display_width(r[i]) for r in rows))
              for i, h in enumerate(headers)]
    budget = width - 2 * (len(widths) - 1)
    while sum(widths) > budget and max(widths) > MIN_WIDTH:  # shrink the widest first
        widest = widths.index(max(widths))
        widths[widest] -= 1
    lines = ["  ".join(_clip(h, w) for h, w in zip(headers, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_clip(c, w) for c, w in zip(row, widths, strict=True)).rstrip()
              for row in rows]
    return "\n".join(lines)


def _markdown(frame: pd.DataFrame) -> str:
    def esc(text: Any) -> str:
        return str(text).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(esc(c) for c in frame.columns) + " |",
             "|" + "|".join("---" for _ in frame.columns) + "|"]
    lines += ["| " + " | ".join(esc(v) for v in row) + " |"
              for row in frame.itertuples(index=False)]
    return "\n".join(lines)


def write_text(path: str | Path, text: str) -> Path:
    """Write a UTF-8 file, or fail with one line saying why."""
    out = Path(path)
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise LsgGraphError(f"cannot write {out}: {exc.strerror}") from exc
    return out


def plot_timeline(frame: pd.DataFrame, path: str | Path, title: str,
                  tenures: list[tuple[str, dt.date, dt.date | None]] | None = None) -> Path:
    """A PNG of a per-year frame (column `year` plus numeric columns), tenures (name, start,
    end or None for today) shaded."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise LsgGraphError("plots need matplotlib: pip install 'lsg-graph[plot]'") from exc
    if "year" not in frame.columns or frame.empty:
        raise LsgGraphError("this result has no 'year' column to plot")
    shares = [c for c in ("hhi", "top_share") if c in frame.columns]
    counts = [c for c in ("chairmanships", "effective_number", "distinct_chairs")
              if c in frame.columns]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 7), sharex=True)
    years = frame["year"]
    for column in shares:
        top.plot(years, frame[column].astype(float), marker="o", label=column)
    band = uncertainty_band(frame)
    if band is not None:
        (share_low, share_high), (count_low, count_high) = band
        top.fill_between(years, share_low, share_high, color="#1f77b4", alpha=0.15,
                         label="top_share if the undecided and disputed seats settled")
        bottom.fill_between(years, count_low, count_high, color="#2ca02c", alpha=0.15,
                            label="chairmanships + undecided + disputed")
    top.set_ylabel("share / index (0-1)")
    top.set_ylim(0, 1.05)
    top.legend(loc="upper left", bbox_to_anchor=(0, 0.92), fontsize=8)  # under the names
    for column in counts:
        bottom.plot(years, frame[column].astype(float), marker="s", label=column)
    bottom.set_ylabel("count")
    bottom.set_xlabel("year (as of 1 July)")
    bottom.legend(loc="upper left", fontsize=8)
    colours = ["#dbe9f6", "#fde0c5", "#e2f0d9", "#eee"]
    left, right = frame["year"].min() - 0.5, frame["year"].max() + 0.5
    for i, (leader, first, last) in enumerate(tenures or []):
        start, end = max(_year(first), left), min(_year(last or dt.date.today()), right)
        if start >= end:
            continue  # a tenure outside the plotted years
        for axis in (top, bottom):
            axis.axvspan(start, end, color=colours[i % len(colours)], zorder=0)
        top.text((start + end) / 2, 1.0, leader, ha="center", va="top", fontsize=9)
    top.set_xlim(left, right)
    fig.suptitle(title)
    fig.tight_layout()
    out = Path(path)
    try:
        fig.savefig(out, dpi=120)
    except OSError as exc:
        raise LsgGraphError(f"cannot write {out}: {exc.strerror}") from exc
    finally:
        plt.close(fig)
    return out


def uncertainty_band(frame: pd.DataFrame) -> tuple[tuple[Any, Any], tuple[Any, Any]] | None:
    """How far the seats without a certain chair could move a timeline: the top person's share
    if every such seat went to others (low) or to the top person (high), and the count of
    chairmanships from the certain ones alone to all of them; None without those columns."""
    needed = {"chairmanships", "top_chairs", "undecided", "disputed"}
    if not needed <= set(frame.columns):
        return None
    certain = frame["chairmanships"].astype(float)
    top = frame["top_chairs"].astype(float).fillna(0)
    open_seats = frame["undecided"].astype(float) + frame["disputed"].astype(float)
    possible = (certain + open_seats).where(certain + open_seats > 0)
    return ((top / possible).fillna(0), ((top + open_seats) / possible).fillna(0)), (
        certain, certain + open_seats)


def _year(day: dt.date) -> float:
    """A date as a fractional year, for the x axis."""
    return day.year + (day.timetuple().tm_yday - 1) / 365.25
