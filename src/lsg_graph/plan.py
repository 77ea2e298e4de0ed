"""Planning a load: what to create, update and remove, as a pure function of the facts an
extract describes and what the graph already holds. No database here; `load.py` reads the
graph, calls `plan_load` and writes the plan.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .graph import DERIVED_EDGE_PROPS, DERIVED_NODE_PROPS, NODE_LABELS, Edge, Node


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


ExistingNodes = dict[str, dict[str, dict[str, Any]]]  # label -> id -> properties
ExistingEdges = dict[str, dict[str, Any]]  # key -> {"type": ..., "props": {...}}


def plan_load(dataset: str, nodes: list[Node], edges: list[Edge], existing_nodes: ExistingNodes,
              existing_edges: ExistingEdges, *, replace: bool, dry_run: bool = False) -> Plan:
    """What to write so that the graph holds `nodes` and `edges` for `dataset`; with
    `replace`, also what this dataset loaded before and no longer has."""
    plan = Plan(LoadReport(dataset, dry_run))
    _plan_nodes(plan, dataset, nodes, existing_nodes, replace)
    _plan_edges(plan, dataset, edges, existing_edges, replace)
    return plan


def _plan_nodes(plan: Plan, dataset: str, nodes: list[Node], existing: ExistingNodes,
                replace: bool) -> None:
    report = plan.report
    wanted = {(n.label, n.id) for n in nodes}
    for n in nodes:
        old_props = existing.get(n.label, {}).get(n.id)
        props = old_props or {}
        datasets = list(dict.fromkeys([*(props.get("datasets") or []), dataset]))  # join order
        owner = props.get("dataset") or dataset
        # The write applies `props` only where this dataset owns the node, and adds the
        # dataset to `datasets` under the node's lock (see load.py): concurrent loads of other
        # datasets keep their memberships.
        row = {"id": n.id, "props": {**n.props, "id": n.id, "dataset": dataset}}
        if owner != dataset:
            # Another dataset made this node: its properties stay; this one only joins.
            after = {**props, "datasets": datasets}
            if not _same(props, {**n.props, "id": n.id},
                         ("dataset", "datasets", *DERIVED_NODE_PROPS)):
                report.warnings.append(
                    f"{n.label} {n.id}: kept the properties dataset {owner!r} gave it; "
                    f"{dataset!r} describes it differently")
        else:
            after = {**row["props"], "datasets": datasets}
        if old_props is None:
            report.nodes.created += 1
            report.changes.append(f"create {n.label} {n.id}")
            plan.node_upserts[n.label].append(row)
        elif not _same(old_props, after, DERIVED_NODE_PROPS):
            report.nodes.updated += 1
            report.changes.append(f"update {n.label} {n.id}")
            plan.node_upserts[n.label].append(row)
        else:
            report.nodes.unchanged += 1
    if not replace:
        return
    for label in NODE_LABELS:
        for node_id, props in existing.get(label, {}).items():
            if (label, node_id) not in wanted and dataset in (props.get("datasets") or []):
                report.nodes.removed += 1
                report.changes.append(f"remove {label} {node_id}")
                plan.node_removals[label].append({"id": node_id})


def _plan_edges(plan: Plan, dataset: str, edges: list[Edge], existing: ExistingEdges,
                replace: bool) -> None:
    report = plan.report
    wanted = set()
    for e in edges:
        wanted.add(e.key)
        props = {**e.props, "key": e.key, "dataset": dataset}
        row = {"key": e.key, "source": e.source[1], "target": e.target[1], "props": props}
        old = existing.get(e.key)
        group = EdgeGroup(e.type, e.source[0], e.target[0])
        if old is None:
            report.edges.created += 1
            report.changes.append(f"create {e.type} {e.key}")
            plan.edge_upserts[group].append(row)
        elif old["type"] != e.type or not _same(old["props"], props, DERIVED_EDGE_PROPS):
            report.edges.updated += 1
            report.changes.append(f"update {e.type} {e.key}")
            plan.edge_upserts[group].append(row)
        else:
            report.edges.unchanged += 1
    if replace:
        for key, old in existing.items():
            if key not in wanted:
                report.edges.removed += 1
                report.changes.append(f"remove {old['type']} {key}")
                plan.edge_removals[old["type"]].append({"key": key})


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
