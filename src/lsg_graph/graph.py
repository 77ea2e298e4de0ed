"""From an extract's records to graph facts: typed nodes and dated edges, nothing written.

Labels and relationship types come from this module's constants, never from the extract.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .dates import parse_date
from .extract import Extract, Record, split_list
from .infer import from_extract
from .schema import TABLES

NODE_LABELS = ("Source", "Person", "Body", "Party", "State", "Dispute")
EDGE_TYPES = ("CHAIRS", "MEMBER_OF", "REPORTS_TO", "REPLACED_BY")
BODY_LABEL = {"party": "Party", "state": "State"}


@dataclass(slots=True)
class Node:
    """A node to write: its label, id and properties."""

    label: str
    id: str
    props: dict[str, Any]


@dataclass(slots=True)
class Edge:
    """An edge to write, identified by `key` (dataset, table and key fields of its row)."""

    type: str
    key: str
    source: tuple[str, str]  # (label, id)
    target: tuple[str, str]
    props: dict[str, Any]


def to_graph(extract: Extract) -> tuple[list[Node], Iterator[Edge]]:
    """The nodes and edges an extract describes (values typed, dates as Neo4j-ready dates).
    The edges come one at a time, as they are consumed: an extract may hold millions."""
    labels = {r.text("id"): BODY_LABEL.get(r.text("kind"), "Body")
              for r in extract.records["bodies"]}
    nodes = [Node("Source", r.text("id"), _props(r)) for r in extract.records["sources"]]
    nodes += [Node("Person", r.text("id"), _props(r)) for r in extract.records["persons"]]
    nodes += [Node(labels[r.text("id")], r.text("id"), _props(r))
              for r in extract.records["bodies"]]
    nodes += _disputes(extract.records["disputes"])
    attested = extract.attested
    if attested is None:  # not validated here: match the attestations now
        attested = from_extract(extract)[1].attested
    return nodes, _edges(extract, labels, attested)


def _edges(extract: Extract, labels: dict[str, str],
           attested: dict[str, list[Any]]) -> Iterator[Edge]:
    for r in extract.records["positions"]:
        role = r.text("role")
        props = _props(r, skip=("person_id", "body_id"))
        if role == "chair":
            props.pop("role")
        shown = attested.get(str(r.origin), [])
        if shown:
            props["attested"] = [a.date.text for a in shown]
            props["attested_sources"] = [a.sources for a in shown]
        yield Edge("CHAIRS" if role == "chair" else "MEMBER_OF", edge_key(extract.name, r),
                   ("Person", r.text("person_id")),
                   (labels[r.text("body_id")], r.text("body_id")), props)
    for r in extract.records["body_links"]:
        props = _props(r, skip=("from_id", "to_id", "type"))
        if r.text("type") == "REPLACED_BY":
            if "start" in props:
                props["date"] = props["start"]
            props["date_precision"] = props["start_precision"]
        yield Edge(r.text("type"), edge_key(extract.name, r),
                   (labels[r.text("from_id")], r.text("from_id")),
                   (labels[r.text("to_id")], r.text("to_id")), props)


def edge_key(dataset: str, record: Record) -> str:
    """A fact's identity: its dataset, table and key fields."""
    fields = "|".join(record.text(k) for k in TABLES[record.table].key)
    return f"{dataset}:{record.table}:{fields}"


def _props(record: Record, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for f in TABLES[record.table].fields:
        text = record.text(f.name)
        if f.name in skip:
            continue
        if f.kind in ("list", "refs"):
            props[f.name] = split_list(text)
        elif f.kind == "date":
            props.update(_date_props(f.name, text))
        elif text:
            props[f.name] = text
    if record.table in ("positions", "body_links"):
        props["period"] = f"{record.text('start')} to {record.text('end') or 'present'}"
    if record.table == "bodies" and "membership_disclosed" not in props:
        props["membership_disclosed"] = "unknown"
    return props


def _date_props(name: str, text: str) -> dict[str, Any]:
    """`name` (the earliest day), `name_latest` and `name_precision`; unbounded sides absent."""
    if not text:
        return {}
    value = parse_date(text)
    props: dict[str, Any] = {f"{name}_precision": value.precision}
    if value.earliest:
        props[name] = value.earliest
    if value.latest:
        props[f"{name}_latest"] = value.latest
    return props


def _disputes(records: list[Record]) -> list[Node]:
    grouped: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        grouped[r.text("id")].append(r)
    return [
        Node("Dispute", dispute_id, {
            "id": dispute_id,
            "topic": rows[0].text("topic"),
            "claims": [r.text("claim") for r in rows],
            "claim_sources": [r.text("sources") for r in rows],
            "sources": list(dict.fromkeys(s for r in rows for s in split_list(r.text("sources")))),
        })
        for dispute_id, rows in grouped.items()
    ]
