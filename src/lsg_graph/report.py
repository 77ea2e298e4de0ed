"""A report of the headline analyses, as Markdown (with a PNG beside it) or as one
self-contained HTML file: who chairs what now, who chaired most under each general secretary,
concentration over time with its uncertainty, the 2018 upgrades and their lineage, the seed
article's table beside the graph, what the data does not know, and the sources cited."""

from __future__ import annotations

import base64
import datetime as dt
import tempfile
from html import escape
from pathlib import Path

import pandas as pd

from .analyses import general_secretaries, run
from .errors import LsgGraphError
from .output import cell_text, plot_timeline, render, write_text
from .runner import QueryRunner
from .seed import seed_table

Block = tuple[str, object]  # (kind, content): h1 h2 h3 p table image sources


def report_blocks(runner: QueryRunner, image: Path, as_of: str) -> list[Block]:
    """The report's content, in order, for either format; the plot is saved to `image`."""
    settings = runner.settings
    today = dt.date.today()
    blocks: list[Block] = [
        ("h1", "lsg-graph report"),
        ("p", f"Made {today.isoformat()} from the graph at {settings.uri} "
              f"(database {settings.database}). Only posts certainly held on a day count as "
              "chairs; disputed seats (competing claims disagree) and undecided ones (the "
              "dates cannot settle the day) are shown beside them, never counted as certain."),
        ("h2", f"Who chairs what now ({today.isoformat()})"),
        ("table", run(runner, "chair-count", as_of=today).head(10)[
            ["person", "chairs", "bodies", "disputed", "undecided"]]),
        ("h2", "Chairs held at the midpoint of each general secretary's tenure (from 1998)"),
    ]
    leaders = general_secretaries(runner)
    for leader in leaders:
        day = _midpoint(leader["start"], leader["end"])
        top = run(runner, "chair-count", as_of=day).head(5)
        blocks += [("h3", f"{leader['person']}, as of {day.isoformat()}"),
                   ("table", top[["person", "chairs", "disputed", "undecided", "bodies"]])]
    timeline = run(runner, "concentration-timeline")
    plot_with_tenures(runner, timeline, image,
                      "Concentration of chairmanships (1 July each year)", leaders)
    blocks += [
        ("h2", "Concentration of chairmanships from Jiang to Hu to Xi"),
        ("p", "The lines count certain chairmanships; the bands show how far the undecided and "
              "disputed seats could move them if every one of them were settled."),
        ("image", image),
        ("table", timeline[["year", "chairmanships", "disputed", "undecided", "top_person",
                            "top_chairs", "top_share", "hhi"]]),
        ("h2", "The 2018 upgrades and their lineage"),
        ("table", run(runner, "body-changes", from_year=2018, to_year=2018)),
        ("h2", f"The seed article's Table 1 beside the graph ({as_of})"),
        ("table", seed_table(runner, as_of)),
        ("h2", "What the data does not know"),
    ]
    coverage = run(runner, "coverage")
    blocks += [("table", coverage.groupby("gap").size().rename("facts").reset_index()),
               ("p", "Run `lsg-graph analyze coverage` for every item."),
               ("h2", "Sources cited"),
               ("sources", runner.read(SOURCES))]
    return blocks


SOURCES = """
MATCH (s:Source)
WHERE EXISTS { MATCH ()-[r]->() WHERE s.id IN r.sources }
RETURN s.id AS id, s.title AS title, s.url AS url, s.publisher AS publisher ORDER BY id
"""


def write_report(runner: QueryRunner, target: str | Path, as_of: str = "2019-06-01") -> Path:
    """Write the report: `target` ending in .html is one self-contained HTML file (images
    embedded, nothing fetched); otherwise a folder with `report.md` and `concentration.png`.
    Returns the report's path."""
    target = Path(target)
    html = target.suffix.lower() == ".html"
    folder = target.parent if html else target
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LsgGraphError(f"cannot create the report folder {folder}: {exc.strerror}") from exc
    if html:
        with tempfile.TemporaryDirectory() as scratch:
            blocks = report_blocks(runner, Path(scratch) / "concentration.png", as_of)
            write_text(target, to_html(blocks))
        return target
    blocks = report_blocks(runner, folder / "concentration.png", as_of)
    path = folder / "report.md"
    write_text(path, to_markdown(blocks))
    return path


def to_markdown(blocks: list[Block]) -> str:
    parts = []
    for kind, content in blocks:
        if kind in ("h1", "h2", "h3"):
            parts.append("#" * int(kind[1]) + f" {content}")
        elif kind == "p":
            parts.append(str(content))
        elif kind == "table":
            parts.append(render(content, "markdown"))
        elif kind == "image":
            parts.append(f"![concentration]({Path(str(content)).name})")
        elif kind == "sources":
            parts.append("\n".join(f"- `{s['id']}` {s['title']}"
                                   + (f" <{s['url']}>" if s["url"] else "") for s in content))
    return "\n\n".join(parts) + "\n"


STYLE = """
body { font: 15px/1.45 Georgia, serif; max-width: 60em; margin: 2em auto; padding: 0 1em;
       color: #222; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 12px; }
th, td { border: 1px solid #bbb; padding: 2px 6px; text-align: left; vertical-align: top; }
th { background: #eee; }
img { max-width: 100%; }
ol.sources { font-size: 12px; }
@media print { body { max-width: none; margin: 0; } h2 { page-break-before: auto; }
               table, img { page-break-inside: avoid; } a { color: #222; } }
"""


def to_html(blocks: list[Block]) -> str:
    """One self-contained page: styles inline, images as data URIs, links only to sources."""
    parts = ['<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
             "<title>lsg-graph report</title>", f"<style>{STYLE}</style></head><body>"]
    for kind, content in blocks:
        if kind in ("h1", "h2", "h3"):
            parts.append(f"<{kind}>{escape(str(content))}</{kind}>")
        elif kind == "p":
            parts.append(f"<p>{escape(str(content))}</p>")
        elif kind == "table":
            parts.append(content.map(cell_text).to_html(index=False, escape=True, border=0))
        elif kind == "image":
            data = base64.b64encode(Path(str(content)).read_bytes()).decode("ascii")
            parts.append(f'<img alt="concentration" src="data:image/png;base64,{data}">')
        elif kind == "sources":
            items = []
            for s in content:
                title = escape(s["title"] or s["id"])
                link = (f'<a href="{escape(s["url"], quote=True)}">{title}</a>' if s["url"]
                        else title)
                publisher = f" ({escape(s['publisher'])})" if s["publisher"] else ""
                items.append(f"<li><code>{escape(s['id'])}</code> {link}{publisher}</li>")
            parts.append('<ol class="sources">' + "".join(items) + "</ol>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


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
