"""The seed article's Table 1 ("Leading Small Groups related to Foreign Policy") beside the same
table built from the graph by the `portfolio-table` analysis for 'foreign affairs'.

The article's rows are in data/seed-table-1.csv as printed (its column text kept as is), each
mapped to the body ids it describes (a group and the commission it became share a row).
"""

from __future__ import annotations

import pandas as pd

from .analyses import run
from .resources import PACKAGE
from .runner import QueryRunner

SEED_TABLE = PACKAGE / "data" / "seed-table-1.csv"


def seed_table(runner: QueryRunner, as_of: str = "2019-06-01") -> pd.DataFrame:
    """One row per Table 1 group (and per other foreign-affairs body in the graph): the
    article's chair and members beside the graph's on `as_of`; `chair_office_match` says
    whether an office the article names as chair is the office of a chair in the graph."""
    seed = pd.read_csv(SEED_TABLE, dtype=str).fillna("")
    graph = run(runner, "portfolio-table", portfolio="foreign affairs", as_of=as_of)
    graph_rows = graph.to_dict("records")
    used: set[str] = set()
    rows = []
    for entry in seed.to_dict("records"):
        ids = entry["body_ids"].split(";")
        matches = [g for g in graph_rows if g["body_id"] in ids]
        used.update(g["body_id"] for g in matches)
        for g in matches or [None]:
            rows.append(_row(entry, g))
    rows += [_row(None, g) for g in graph_rows if g["body_id"] not in used]
    return pd.DataFrame(rows)


def _row(entry: dict | None, graph: dict | None) -> dict:
    seed_chair = entry["seed_chaired_by"] if entry else ""
    graph_chair = (graph or {}).get("chaired_by") or ""
    offices = [o.strip().lower() for o in seed_chair.split("/") if o.strip()]
    return {
        "seed_group": entry["seed_group"] if entry else "",
        "seed_chaired_by": seed_chair,
        "seed_members": entry["seed_members"] if entry else "",
        "body": (graph or {}).get("body", "(not in the graph on that date)"),
        "graph_chaired_by": graph_chair,
        "graph_members": (graph or {}).get("members") or "",
        "membership_disclosed": (graph or {}).get("membership_disclosed") or "",
        "chair_office_match": bool(graph_chair) and any(
            f"({o})" in graph_chair.lower() for o in offices),
    }
