"""Loading a validated extract: nodes and dated edges, batched, idempotent, diffed first.

The loader compares what the extract says with what the graph holds for the same dataset and
writes only what differs, so a second load of the same data changes nothing. With `replace`,
facts an earlier load of this dataset put there and the new version lacks are removed; facts of
other datasets are never touched.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .dates import parse_partial_date
from .errors import LsgGraphError
from .extract import Extract, Record, split_list
from .resources import resource_dir
from .schema import TABLES
from .validate import errors, validate

if TYPE_CHECKING:
    from .db import Database

NODE_LABELS = ("Source", "Person", "Body", "Party", "State", "Dispute")
EDGE_TYPES = ("CHAIRS", "MEMBER_OF", "REPORTS_TO", "REPLACED_BY")
BODY_LABEL = {"party": "Party", "state": "State"}


@dataclass
class Node:
    label: str
    id: str
    props: dict[str, Any]


@dataclass
class Edge:
    type: str
    key: str
    source: tuple[str, str]  # (label, id)
    target: tuple[str, str]
    props: dict[str, Any]


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0


@dataclass
class LoadReport:
    """What a load changed (or, in a dry run, would change)."""

    dataset: str
    dry_run: bool
    nodes: Counts = field(default_factory=Counts)
    edges: Counts = field(default_factory=Counts)
    changes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return any(c.created or c.updated or c.removed for c in (self.nodes, self.edges))

    def summary(self) -> str:
        verb = "would change" if self.dry_run else "changed"
        if not self.changed:
            return (f"{self.dataset}: nothing changed ({self.nodes.unchanged} nodes, "
                    f"{self.edges.unchanged} edges already as loaded) in {self.seconds:.1f}s")
        parts = []
        for what, c in (("nodes", self.nodes), ("edges", self.edges)):
            parts.append(f"{what}: {c.created} created, {c.updated} updated, "
                         f"{c.unchanged} unchanged, {c.removed} removed")
        return f"{self.dataset} {verb} - " + "; ".join(parts) + f" in {self.seconds:.1f}s"


def apply_schema(db: Database) -> int:
    """Create the constraints and indexes in cypher/schema (idempotent); how many statements."""
    statements = []
    for path in sorted((resource_dir("cypher") / "schema").glob("*.cypher")):
        text = "\n".join(ln for ln in path.read_text().splitlines()
                         if not ln.strip().startswith("//"))
        statements += [s.strip() for s in text.split(";") if s.strip()]
    for statement in statements:
        db.write(statement)
    return len(statements)


def load(
    db: Database,
    path: str | Path,
    *,
    replace: bool = False,
    dry_run: bool = False,
    batch_size: int = 500,
    progress: Callable[[int, int], None] | None = None,
) -> LoadReport:
    """Validate, then load the extract at `path`; raises LsgGraphError and writes nothing if
    validation finds errors. `progress(done, total)` is called after each batch."""
    began = time.monotonic()
    extract = validate(path)
    problems = errors(extract)
    if problems:
        shown = "\n".join(str(p) for p in problems[:20])
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise LsgGraphError(f"{len(problems)} problem(s) in {path}; nothing was written:\n"
                            f"{shown}{more}")
    nodes, edges = to_graph(extract)
    dataset = extract.name
    report = LoadReport(dataset, dry_run)
    if not dry_run:
        apply_schema(db)
    node_plan = _plan_nodes(db, dataset, nodes, replace, report)
    edge_plan = _plan_edges(db, dataset, edges, replace, report)
    if not dry_run:
        total = sum(len(v) for v in node_plan.values()) + sum(len(v) for v in edge_plan.values())
        done = 0

        def tick(n: int) -> None:
            nonlocal done
            done += n
            if progress:
                progress(done, total)

        _write(db, dataset, node_plan, edge_plan, batch_size, tick)
    report.seconds = time.monotonic() - began
    return report


def unload(db: Database, dataset: str, *, dry_run: bool = False) -> LoadReport:
    """Remove every fact the named dataset put in the graph (nodes others use stay)."""
    began = time.monotonic()
    report = LoadReport(dataset, dry_run)
    node_plan = _plan_nodes(db, dataset, [], True, report)
    edge_plan = _plan_edges(db, dataset, [], True, report)
    if not report.changed:
        raise LsgGraphError(f"no dataset named {dataset!r} is loaded")
    if not dry_run:
        _write(db, dataset, node_plan, edge_plan, 500, lambda n: None)
    report.seconds = time.monotonic() - began
    return report


# -- from records to graph --------------------------------------------------------------------

def to_graph(extract: Extract) -> tuple[list[Node], list[Edge]]:
    """The nodes and edges an extract describes (values typed, dates as Neo4j-ready dates)."""
    labels = {r.text("id"): BODY_LABEL.get(r.text("kind"), "Body")
              for r in extract.records["bodies"]}
    nodes = [Node("Source", r.text("id"), _props(r)) for r in extract.records["sources"]]
    nodes += [Node("Person", r.text("id"), _props(r)) for r in extract.records["persons"]]
    nodes += [Node(labels[r.text("id")], r.text("id"), _props(r))
              for r in extract.records["bodies"]]
    nodes += _disputes(extract.records["disputes"])
    edges = []
    for r in extract.records["positions"]:
        role = r.text("role")
        props = _props(r, skip=("person_id", "body_id"))
        if role == "chair":
            props.pop("role")
        edges.append(Edge("CHAIRS" if role == "chair" else "MEMBER_OF", _edge_key(extract.name, r),
                          ("Person", r.text("person_id")),
                          (labels[r.text("body_id")], r.text("body_id")), props))
    for r in extract.records["body_links"]:
        props = _props(r, skip=("from_id", "to_id", "type"))
        if r.text("type") == "REPLACED_BY":
            props["date"] = props["start"]
            props["date_precision"] = props["start_precision"]
        edges.append(Edge(r.text("type"), _edge_key(extract.name, r),
                          (labels[r.text("from_id")], r.text("from_id")),
                          (labels[r.text("to_id")], r.text("to_id")), props))
    return nodes, edges


def _edge_key(dataset: str, record: Record) -> str:
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
            props.update(_date_props(f.name, text, with_latest=f.name in ("start", "end")))
        elif text:
            props[f.name] = text
    if record.table in ("positions", "body_links"):
        props["period"] = f"{record.text('start')} to {record.text('end') or 'present'}"
    if record.table == "bodies" and "membership_disclosed" not in props:
        props["membership_disclosed"] = "unknown"
    return props


def _date_props(name: str, text: str, with_latest: bool) -> dict[str, Any]:
    if not text:
        return {}
    value = parse_partial_date(text)
    props: dict[str, Any] = {f"{name}_precision": value.precision}
    if value.known:
        props[name] = value.earliest
        if with_latest:
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


# -- diff against the graph ---------------------------------------------------------------------

def _comparable(value: Any) -> Any:
    if hasattr(value, "to_native"):
        value = value.to_native()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_comparable(v) for v in value]
    return value


def _same(old: dict[str, Any], new: dict[str, Any], ignore: tuple[str, ...] = ()) -> bool:
    a = {k: _comparable(v) for k, v in old.items() if k not in ignore}
    b = {k: _comparable(v) for k, v in new.items() if k not in ignore}
    return a == b


def _plan_nodes(db: Database, dataset: str, nodes: list[Node], replace: bool,
                report: LoadReport) -> dict[str, list[dict[str, Any]]]:
    plan: dict[str, list[dict[str, Any]]] = defaultdict(list)
    wanted = {(n.label, n.id) for n in nodes}
    by_label: dict[str, list[Node]] = defaultdict(list)
    for n in nodes:
        by_label[n.label].append(n)
    for label in NODE_LABELS:
        existing = {
            row["id"]: row for row in db.read(
                f"MATCH (n:{label}) WHERE n.id IN $ids OR $dataset IN n.datasets "
                "RETURN n.id AS id, properties(n) AS props",
                ids=[n.id for n in by_label[label]], dataset=dataset)
        }
        for n in by_label[label]:
            old = existing.get(n.id)
            old_props = (old or {}).get("props", {})
            datasets = sorted(set(old_props.get("datasets") or []) | {dataset})
            owner = old_props.get("dataset") or dataset
            if owner != dataset:
                # Another dataset made this node: its properties stay; this one only joins.
                row = {"id": n.id, "props": {**old_props, "datasets": datasets}}
                if not _same(old_props, {**n.props, "id": n.id}, ("dataset", "datasets")):
                    report.warnings.append(
                        f"{label} {n.id}: kept the properties dataset {owner!r} gave it; "
                        f"{dataset!r} describes it differently")
            else:
                row = {"id": n.id, "props": {**n.props, "id": n.id, "dataset": dataset,
                                             "datasets": datasets}}
            if old is None:
                report.nodes.created += 1
                report.changes.append(f"create {label} {n.id}")
                plan[f"upsert:{label}"].append(row)
            elif not _same(old["props"], row["props"]):
                report.nodes.updated += 1
                report.changes.append(f"update {label} {n.id}")
                plan[f"upsert:{label}"].append(row)
            else:
                report.nodes.unchanged += 1
        if replace:
            for node_id, old in existing.items():
                if (label, node_id) not in wanted and dataset in (old["props"].get("datasets")
                                                                  or []):
                    report.nodes.removed += 1
                    report.changes.append(f"remove {label} {node_id}")
                    plan[f"remove:{label}"].append({"id": node_id})
    return plan


def _plan_edges(db: Database, dataset: str, edges: list[Edge], replace: bool,
                report: LoadReport) -> dict[str, list[dict[str, Any]]]:
    plan: dict[str, list[dict[str, Any]]] = defaultdict(list)
    existing = {
        row["key"]: row for row in db.read(
            "MATCH (a)-[r]->(b) WHERE r.dataset = $dataset "
            "RETURN r.key AS key, type(r) AS type, a.id AS source, b.id AS target, "
            "properties(r) AS props", dataset=dataset)
    }
    wanted = set()
    for e in edges:
        wanted.add(e.key)
        props = {**e.props, "key": e.key, "dataset": dataset}
        row = {"key": e.key, "source": e.source[1], "target": e.target[1], "props": props}
        old = existing.get(e.key)
        group = f"upsert:{e.type}:{e.source[0]}:{e.target[0]}"
        if old is None:
            report.edges.created += 1
            report.changes.append(f"create {e.type} {e.key}")
            plan[group].append(row)
        elif old["type"] != e.type or not _same(old["props"], props):
            report.edges.updated += 1
            report.changes.append(f"update {e.type} {e.key}")
            plan[group].append(row)
        else:
            report.edges.unchanged += 1
    if replace:
        for key, old in existing.items():
            if key not in wanted:
                report.edges.removed += 1
                report.changes.append(f"remove {old['type']} {key}")
                plan[f"remove:{old['type']}"].append({"key": key})
    return plan


# -- writing --------------------------------------------------------------------------------------

def _write(db: Database, dataset: str, node_plan: dict[str, list[dict[str, Any]]],
           edge_plan: dict[str, list[dict[str, Any]]], batch_size: int,
           tick: Callable[[int], None]) -> None:
    # Labels and types below come from this module's constants, never from the extract.
    for label in NODE_LABELS:
        rows = node_plan.get(f"upsert:{label}", [])
        db.write_batches(f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) "
                         "SET n = row.props", rows, batch_size, tick)
    for group, rows in edge_plan.items():
        action, *rest = group.split(":")
        if action != "upsert":
            continue
        rel, source_label, target_label = rest
        assert rel in EDGE_TYPES and {source_label, target_label} <= set(NODE_LABELS)
        db.write_batches(
            f"UNWIND $rows AS row MATCH (a:{source_label} {{id: row.source}}) "
            f"MATCH (b:{target_label} {{id: row.target}}) "
            f"MERGE (a)-[r:{rel} {{key: row.key}}]->(b) SET r = row.props",
            rows, batch_size, tick)
    for rel in EDGE_TYPES:
        rows = edge_plan.get(f"remove:{rel}", [])
        db.write_batches(f"UNWIND $rows AS row MATCH ()-[r:{rel} {{key: row.key}}]->() "
                         "WHERE r.dataset = $dataset DELETE r", rows, batch_size, tick,
                         dataset=dataset)
    for label in NODE_LABELS:
        rows = node_plan.get(f"remove:{label}", [])
        db.write_batches(
            f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) "
            "SET n.datasets = [d IN n.datasets WHERE d <> $dataset] "
            "SET n.dataset = CASE WHEN n.dataset = $dataset THEN head(n.datasets) "
            "ELSE n.dataset END "
            "WITH n WHERE size(n.datasets) = 0 DETACH DELETE n",
            rows, batch_size, tick, dataset=dataset)
