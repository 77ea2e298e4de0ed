"""Planning a load: what to create, update and remove, as a pure function of the facts an
extract describes and what the graph already holds. No database here; `load.py` reads the
graph, calls `plan_load` and writes the plan.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .graph import EDGE_TYPES, NODE_LABELS, Edge, Node


@dataclass(frozen=True)
class EdgeGroup:
    """Edges written by one statement: one relationship type between two labels."""

    type: str
    source_label: str
    target_label: str


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
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # Told each change as it is planned (a million-edge load is not kept as a list of lines).
    on_change: Callable[[str], None] | None = field(default=None, repr=False, compare=False)

    def change(self, text: str) -> None:
        if self.on_change:
            self.on_change(text)

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


Rows = list[dict[str, Any]]


@dataclass
class Plan:
    """The writes a load needs: rows to upsert and to remove, grouped by statement."""

    report: LoadReport
    node_upserts: dict[str, Rows] = field(default_factory=lambda: defaultdict(list))
    node_removals: dict[str, Rows] = field(default_factory=lambda: defaultdict(list))
    edge_upserts: dict[EdgeGroup, Rows] = field(default_factory=lambda: defaultdict(list))
    edge_removals: dict[str, Rows] = field(default_factory=lambda: defaultdict(list))

    @property
    def size(self) -> int:
        """How many rows the plan writes."""
        groups = (self.node_upserts, self.node_removals, self.edge_upserts, self.edge_removals)
        return sum(len(rows) for g in groups for rows in g.values())


# What the loader reads of the graph: per label, id -> {hash, dataset, datasets}; per edge
# key, its type and hash packed by `stored_edge`. Content hashes stand for the properties, so
# that a reload compares short values instead of reading every property back.
ExistingNodes = dict[str, dict[str, dict[str, Any]]]
ExistingEdges = dict[str, int]
assert len(EDGE_TYPES) <= 4  # stored_edge keeps the type's index in two bits


def short_hash(digest: str | None) -> int:
    """A content hash's first 64 bits (0 for none), for keeping a million of them as
    numbers: two different contents share a prefix with odds of 1 in 2**64."""
    return int(digest[:16], 16) if digest else 0


def stored_edge(rel: str, digest: str | None) -> int:
    """What the loader keeps of an edge already in the graph: its type and content hash
    in one number (a tuple of their texts took about three times the memory)."""
    return short_hash(digest) << 2 | EDGE_TYPES.index(rel)


def stored_type(stored: int) -> str:
    """The relationship type a `stored_edge` number holds."""
    return EDGE_TYPES[stored & 3]


def content_hash(props: dict[str, Any]) -> str:
    """A stable digest of a node's or edge's loaded properties (dates as ISO text)."""
    text = json.dumps(props, sort_keys=True, ensure_ascii=False, default=_iso)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


# Where planned edge upserts go: by default into the plan; a loader may write them as they come.
EdgeSink = Callable[[EdgeGroup, dict[str, Any]], None]


def plan_load(dataset: str, nodes: list[Node], edges: Iterable[Edge],
              existing_nodes: ExistingNodes, existing_edges: ExistingEdges, *, replace: bool,
              dry_run: bool = False, on_change: Callable[[str], None] | None = None) -> Plan:
    """What to write so that the graph holds `nodes` and `edges` for `dataset`; with
    `replace`, also what this dataset loaded before and no longer has. `on_change` is told
    each change."""
    plan = Plan(LoadReport(dataset, dry_run, on_change=on_change))
    plan_nodes(plan, dataset, nodes, existing_nodes, replace)
    plan_edges(plan, dataset, edges, existing_edges, replace)
    return plan


def plan_nodes(plan: Plan, dataset: str, nodes: list[Node], existing: ExistingNodes,
               replace: bool) -> None:
    report = plan.report
    wanted = {(n.label, n.id) for n in nodes}
    for n in nodes:
        old = existing.get(n.label, {}).get(n.id)
        props = {**n.props, "id": n.id, "dataset": dataset}
        digest = content_hash(props)
        # The write applies `props` only where this dataset owns the node, and adds the
        # dataset to `datasets` under the node's lock (see load.py): concurrent loads of other
        # datasets keep their memberships.
        row = {"id": n.id, "props": {**props, "hash": digest}}
        if old is None:
            report.nodes.created += 1
            report.change(f"create {n.label} {n.id}")
            plan.node_upserts[n.label].append(row)
            continue
        owner = old.get("dataset") or dataset
        joined = dataset in (old.get("datasets") or [])
        if owner != dataset and old.get("hash") != _as_owned(props, owner):
            report.warnings.append(
                f"{n.label} {n.id}: kept the properties dataset {owner!r} gave it; "
                f"{dataset!r} describes it differently")
        if joined and (owner != dataset or old.get("hash") == digest):
            report.nodes.unchanged += 1
        else:
            report.nodes.updated += 1
            report.change(f"update {n.label} {n.id}")
            plan.node_upserts[n.label].append(row)
    if not replace:
        return
    for label in NODE_LABELS:
        for node_id, old in existing.get(label, {}).items():
            if (label, node_id) not in wanted and dataset in (old.get("datasets") or []):
                report.nodes.removed += 1
                report.change(f"remove {label} {node_id}")
                plan.node_removals[label].append({"id": node_id})


def _as_owned(props: dict[str, Any], owner: str) -> str:
    """The hash the node would have if `owner` had given it these properties."""
    return content_hash({**props, "dataset": owner})


def plan_edges(plan: Plan, dataset: str, edges: Iterable[Edge], existing: ExistingEdges,
               replace: bool, sink: EdgeSink | None = None) -> None:
    """Plan the edges as they come; upserts go to `sink` (default: the plan). `existing` is
    consumed: what is left of it is what the extract no longer has."""
    report = plan.report
    sink = sink or (lambda group, row: plan.edge_upserts[group].append(row))
    for e in edges:
        props = {**e.props, "key": e.key, "dataset": dataset}
        digest = content_hash(props)
        row = {"key": e.key, "source": e.source[1], "target": e.target[1],
               "props": {**props, "hash": digest}}
        old = existing.pop(e.key, None)
        group = EdgeGroup(e.type, e.source[0], e.target[0])
        if old is None:
            report.edges.created += 1
            report.change(f"create {e.type} {e.key}")
            sink(group, row)
        elif old != stored_edge(e.type, digest):
            report.edges.updated += 1
            report.change(f"update {e.type} {e.key}")
            sink(group, row)
        else:
            report.edges.unchanged += 1
    if replace:
        for key, old in existing.items():
            report.edges.removed += 1
            rel = stored_type(old)
            report.change(f"remove {rel} {key}")
            plan.edge_removals[rel].append({"key": key})


def _iso(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot hash a {type(value).__name__}")
