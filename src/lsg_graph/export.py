"""Exports other tools read: GraphML and GEXF (Gephi, networkx, igraph), a spells table (R,
Stata: one row per person-body-role interval), and JSON nodes and links (web visualisation).

Every node and edge attribute is kept, dates as ISO text, lists as `;`-joined text in the XML
formats (where an edge's identity `key` is called `fact_key`, as readers keep `key` for their
own). With `as_of`, only the posts and links that may have held that day, each with its
`status` that day (yes, disputed or unknown). Files are written as the rows arrive.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from .errors import LsgGraphError
from .output import plain
from .runner import QueryRunner

FORMATS = ("graphml", "gexf", "spells", "json")
NODES = """
MATCH (n) WHERE (n:Person OR n:Body OR n:Party OR n:State)
  AND ($dataset IS NULL OR $dataset IN n.datasets)
RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS props ORDER BY id
"""
EDGES = """
MATCH (a)-[r:CHAIRS|MEMBER_OF|REPORTS_TO|REPLACED_BY]->(b)
WHERE ($dataset IS NULL OR r.dataset = $dataset)
  AND ($as_of IS NULL OR r.possible_from <= date($as_of) < r.possible_until)
RETURN a.id AS source, b.id AS target, type(r) AS type, properties(r) AS props,
       CASE WHEN $as_of IS NULL THEN null
            WHEN r.certain_from <= date($as_of) < r.certain_until THEN 'yes'
            ELSE r.doubt END AS status
ORDER BY r.key
"""
SPELL_COLUMNS = ("person_id", "person", "body_id", "body", "role", "title", "stated",
                 "start_earliest", "start_latest", "end_earliest", "end_latest", "still_held",
                 "confidence", "dispute", "sources", "key")
SPELLS = """
MATCH (p:Person)-[r:CHAIRS|MEMBER_OF]->(b)
WHERE ($dataset IS NULL OR r.dataset = $dataset)
  AND ($as_of IS NULL OR r.possible_from <= date($as_of) < r.possible_until)
RETURN p.id AS person_id, p.name AS person, b.id AS body_id, b.name AS body,
       coalesce(r.role, 'chair') AS role, r.title AS title, r.period AS stated,
       r.start_bounds AS start_bounds, r.end_bounds AS end_bounds,
       r.confidence AS confidence, r.dispute AS dispute, r.sources AS sources, r.key AS key
ORDER BY person_id, r.possible_from, key
"""


def export(runner: QueryRunner, fmt: str, out: str | Path, *, as_of: str | None = None,
           dataset: str | None = None) -> Path:
    """Write the graph (or one dataset of it, or what held on one day) as `fmt` to `out`."""
    if fmt not in FORMATS:
        raise LsgGraphError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    path = Path(out)
    params = {"as_of": as_of, "dataset": dataset}
    if fmt == "spells" and path.suffix == ".parquet":
        return _spells_parquet(runner, path, params)
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            if fmt == "spells":
                _spells(runner, handle, params)
                return path
            nodes = runner.read(NODES, dataset=dataset)
            edges = runner.read(EDGES, **params)
            if fmt == "json":
                json.dump({"nodes": [_flat_node(n) for n in nodes],
                           "links": [_flat_edge(e) for e in edges]}, handle,
                          ensure_ascii=False, indent=1)
            else:
                writer = _graphml if fmt == "graphml" else _gexf
                for chunk in writer(nodes, edges):
                    handle.write(chunk)
    except OSError as exc:
        raise LsgGraphError(f"cannot write {path}: {exc.strerror}") from exc
    return path


def _text(value: Any) -> str:
    value = plain(value)
    if isinstance(value, list):
        return ";".join(_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else str(value)


def _flat_node(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "label": row["label"],
            **{k: plain(v) for k, v in row["props"].items() if k != "id"}}


def _flat_edge(row: dict[str, Any]) -> dict[str, Any]:
    flat = {"source": row["source"], "target": row["target"], "type": row["type"],
            **{k: plain(v) for k, v in row["props"].items()}}
    if row["status"] is not None:
        flat["status"] = row["status"]
    return flat


def _xml_edge(row: dict[str, Any]) -> dict[str, Any]:
    """An edge's attributes for GraphML and GEXF: its identity as `fact_key`, since readers
    such as networkx keep `key` for their own edge keys."""
    flat = _flat_edge(row)
    flat["fact_key"] = flat.pop("key", None)
    return flat


def _keys(rows: list[dict[str, Any]], flatten) -> list[str]:
    return sorted({k for row in rows for k in flatten(row)} - {"id", "source", "target"})


def _graphml(nodes: list[dict], edges: list[dict]) -> Iterator[str]:
    node_keys, edge_keys = _keys(nodes, _flat_node), _keys(edges, _xml_edge)
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for i, key in enumerate(node_keys):
        yield f'  <key id="n{i}" for="node" attr.name={quoteattr(key)} attr.type="string"/>\n'
    for i, key in enumerate(edge_keys):
        yield f'  <key id="e{i}" for="edge" attr.name={quoteattr(key)} attr.type="string"/>\n'
    yield '  <graph edgedefault="directed">\n'
    for row in nodes:
        flat = _flat_node(row)
        yield f"    <node id={quoteattr(row['id'])}>"
        yield "".join(f'<data key="n{i}">{escape(_text(flat[k]))}</data>'
                      for i, k in enumerate(node_keys) if k in flat)
        yield "</node>\n"
    for j, row in enumerate(edges):
        flat = _xml_edge(row)
        yield (f'    <edge id="e{j}" source={quoteattr(row["source"])} '
               f'target={quoteattr(row["target"])}>')
        yield "".join(f'<data key="e{i}">{escape(_text(flat[k]))}</data>'
                      for i, k in enumerate(edge_keys) if k in flat)
        yield "</edge>\n"
    yield "  </graph>\n</graphml>\n"


def _gexf(nodes: list[dict], edges: list[dict]) -> Iterator[str]:
    node_keys, edge_keys = _keys(nodes, _flat_node), _keys(edges, _xml_edge)
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<gexf xmlns="http://gexf.net/1.3" version="1.3">\n'
           f'  <meta lastmodifieddate="{dt.date.today().isoformat()}">'
           "<creator>lsg-graph</creator></meta>\n"
           '  <graph defaultedgetype="directed" mode="static">\n'
           '    <attributes class="node">\n')
    for i, key in enumerate(node_keys):
        yield f'      <attribute id="{i}" title={quoteattr(key)} type="string"/>\n'
    yield '    </attributes>\n    <attributes class="edge">\n'
    for i, key in enumerate(edge_keys):
        yield f'      <attribute id="{i}" title={quoteattr(key)} type="string"/>\n'
    yield "    </attributes>\n    <nodes>\n"
    for row in nodes:
        flat = _flat_node(row)
        label = _text(flat.get("name") or row["id"])
        yield f"      <node id={quoteattr(row['id'])} label={quoteattr(label)}><attvalues>"
        yield "".join(f'<attvalue for="{i}" value={quoteattr(_text(flat[k]))}/>'
                      for i, k in enumerate(node_keys) if k in flat)
        yield "</attvalues></node>\n"
    yield "    </nodes>\n    <edges>\n"
    for j, row in enumerate(edges):
        flat = _xml_edge(row)
        yield (f'      <edge id="{j}" source={quoteattr(row["source"])} '
               f'target={quoteattr(row["target"])} label={quoteattr(row["type"])}><attvalues>')
        yield "".join(f'<attvalue for="{i}" value={quoteattr(_text(flat[k]))}/>'
                      for i, k in enumerate(edge_keys) if k in flat)
        yield "</attvalues></edge>\n"
    yield "    </edges>\n  </graph>\n</gexf>\n"


def _spells(runner: QueryRunner, handle, params: dict[str, Any]) -> None:
    """One row per person-body-role interval with its bounds, confidence and sources."""
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(SPELL_COLUMNS)
    for row in runner.read(SPELLS, **params):
        start = _bounds(row["start_bounds"])
        still = row["end_bounds"] == "present"
        end = ("", "") if still else _bounds(row["end_bounds"])
        writer.writerow([row["person_id"], row["person"], row["body_id"], row["body"],
                         row["role"], row["title"] or "", row["stated"], *start, *end,
                         "yes" if still else "no", row["confidence"], row["dispute"] or "",
                         ";".join(row["sources"] or []), row["key"]])


def _bounds(text: str | None) -> tuple[str, str]:
    """`2013-06-01..2013-07-08` -> (earliest, latest); a day is both; unknown is neither."""
    if not text or text == "unknown":
        return "", ""
    if ".." in text:
        first, _, last = text.partition("..")
        return first, last
    return text, text


def _spells_parquet(runner: QueryRunner, path: Path, params: dict[str, Any]) -> Path:
    """The spells table as Parquet, if pandas has a Parquet engine (pyarrow)."""
    import io

    import pandas as pd

    buffer = io.StringIO()
    _spells(runner, buffer, params)
    buffer.seek(0)
    frame = pd.read_csv(buffer, dtype=str, keep_default_na=False)
    try:
        frame.to_parquet(path, index=False)
    except ImportError as exc:
        raise LsgGraphError("Parquet needs pyarrow: pip install pyarrow (or write .csv)") from exc
    except OSError as exc:
        raise LsgGraphError(f"cannot write {path}: {exc.strerror}") from exc
    return path
