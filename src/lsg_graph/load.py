"""Loading a validated extract: read what the graph holds, plan the difference, write it in
batched, idempotent transactions.

The loader compares what the extract says with what the graph holds for the same dataset and
writes only what differs, so a second load of the same data changes nothing. With `replace`,
facts an earlier load of this dataset put there and the new version lacks are removed; facts of
other datasets are never touched.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from .derive import DERIVED_MARKER, derive
from .errors import LsgGraphError
from .extract import MANIFEST
from .graph import EDGE_TYPES, NODE_LABELS, Edge, Node, to_graph
from .plan import (
    EdgeGroup,
    ExistingEdges,
    ExistingNodes,
    LoadReport,
    Plan,
    plan_edges,
    plan_load,
    plan_nodes,
    stored_edge,
)
from .resources import resource_dir
from .runner import BATCH_SIZE, QueryRunner, WriteQueue
from .validate import errors, validate

Progress = Callable[[int, int], None]


def apply_schema(runner: QueryRunner) -> int:
    """Create the constraints and indexes in cypher/schema (idempotent); how many statements."""
    statements = []
    for path in sorted((resource_dir("cypher") / "schema").glob("*.cypher")):
        text = "\n".join(ln for ln in path.read_text().splitlines()
                         if not ln.strip().startswith("//"))
        statements += [s.strip() for s in text.split(";") if s.strip()]
    for statement in statements:
        runner.write(statement)
    return len(statements)


def load(
    runner: QueryRunner,
    path: str | Path,
    *,
    replace: bool = False,
    dry_run: bool = False,
    batch_size: int = BATCH_SIZE,
    progress: Progress | None = None,
    on_change: Callable[[str], None] | None = None,
) -> LoadReport:
    """Validate, then load the extract at `path`; raises LsgGraphError and writes nothing if
    validation finds errors. `progress(done, total)` is called after each batch;
    `on_change(line)` is told each change (create, update, remove) as it is planned."""
    if batch_size < 1:
        raise LsgGraphError(f"batch size must be at least 1, not {batch_size}")
    began = time.monotonic()
    files = files_fingerprint(path)
    same = _unchanged_since_last_load(runner, path, files, replace)
    if same is not None:  # the very files last loaded, and the graph still holds what they did
        same.dry_run = dry_run
        same.seconds = time.monotonic() - began
        return same
    extract = validate(path)
    problems = errors(extract)
    if problems:
        shown = "\n".join(str(p) for p in problems[:20])
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise LsgGraphError(f"{len(problems)} problem(s) in {path}; nothing was written:\n"
                            f"{shown}{more}")
    nodes, edges = to_graph(extract)
    dataset = extract.name
    total = len(nodes) + sum(len(extract.records[t]) for t in ("positions", "body_links"))
    del extract  # `edges` holds the records until it has been read through
    if not dry_run:
        apply_schema(runner)
    plan = Plan(LoadReport(dataset, dry_run, on_change=on_change))
    plan_nodes(plan, dataset, nodes, _existing_nodes(runner, dataset, nodes), replace)
    existing_edges = _existing_edges(runner, dataset)
    if dry_run:
        plan_edges(plan, dataset, edges, existing_edges, replace, sink=lambda group, row: None)
    else:
        # a load cut short must not leave the record of an earlier, complete one
        runner.write("MATCH (m:LsgGraph {id: $id}) DELETE m", id=_MARKER + dataset)
        writes = _Writes(runner, dataset, batch_size, progress, total)
        writes.node_upserts(plan)
        # edges are planned and written as the extract yields them: never all held at once
        plan_edges(plan, dataset, writes.counted(edges), existing_edges, replace,
                   sink=writes.edge_upsert)
        writes.flush()
        writes.removals(plan)
    report = plan.report
    del nodes, edges, plan, existing_edges
    if not dry_run:
        derive(runner)
        nodes_now, edges_now = _dataset_counts(runner, dataset)
        runner.write("MERGE (m:LsgGraph {id: $id}) SET m.files = $files, m.replaced = $replace, "
                     "m.nodes = $nodes, m.edges = $edges", id=_MARKER + dataset, files=files,
                     replace=replace, nodes=nodes_now, edges=edges_now)
    report.seconds = time.monotonic() - began
    return report


_MARKER = "loaded:"  # (:LsgGraph {id: 'loaded:<dataset>'}): what the last load of it read


def files_fingerprint(path: str | Path) -> str:
    """A digest of every file in the extract's folder (names and bytes, read in chunks) and of
    lsg-graph's own code and loader specs, whose checks and derivations the last load applied
    (so a new release reads every extract again)."""
    digest = hashlib.sha256()
    folder = Path(path)
    code = sorted(Path(__file__).parent.glob("*.py")) + sorted(
        resource_dir("loaders").glob("*.json"))
    extract = sorted(folder.iterdir()) if folder.is_dir() else []
    for file in code + extract:
        if file.is_file():
            digest.update(b"\0" + file.name.encode() + b"\0")
            with open(file, "rb") as handle:
                for chunk in iter(lambda h=handle: h.read(1 << 20), b""):
                    digest.update(chunk)
    return digest.hexdigest()


def _unchanged_since_last_load(runner: QueryRunner, path: str | Path, files: str,
                               replace: bool) -> LoadReport | None:
    """A nothing-changed report when `path` holds the very files the last load of its dataset
    read (validated then) and the graph still holds as many of its nodes and edges as that
    load left; None when the extract must be read and compared."""
    try:
        dataset = str(json.loads((Path(path) / MANIFEST).read_text(encoding="utf-8"))["name"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # validation will say what is wrong
    rows = runner.read("MATCH (m:LsgGraph {id: $id}) RETURN m.files AS files, "
                       "m.replaced AS replaced, m.nodes AS nodes, m.edges AS edges",
                       id=_MARKER + dataset)
    if not rows or rows[0]["files"] != files or (replace and not rows[0]["replaced"]):
        return None
    nodes, edges = _dataset_counts(runner, dataset)
    if (nodes, edges) != (rows[0]["nodes"], rows[0]["edges"]):
        return None
    report = LoadReport(dataset, dry_run=False)
    report.nodes.unchanged, report.edges.unchanged = nodes, edges
    report.warnings.append("the extract's files are those its last load read and validated: "
                           "not read again (lsg-graph validate checks them anew)")
    return report


def _dataset_counts(runner: QueryRunner, dataset: str) -> tuple[int, int]:
    """How many nodes and edges the graph holds for `dataset`."""
    (row,) = runner.read(
        "CALL () { MATCH (n) WHERE $dataset IN n.datasets RETURN count(n) AS nodes } "
        "CALL () { MATCH ()-[r]->() WHERE r.dataset = $dataset RETURN count(r) AS edges } "
        "RETURN nodes, edges", dataset=dataset)
    return row["nodes"], row["edges"]


def unload(runner: QueryRunner, dataset: str, *, dry_run: bool = False,
           on_change: Callable[[str], None] | None = None) -> LoadReport:
    """Remove every fact the named dataset put in the graph (nodes others use stay);
    `on_change(line)` is told each removal."""
    began = time.monotonic()
    plan = plan_load(dataset, [], [], _existing_nodes(runner, dataset, []),
                     _existing_edges(runner, dataset), replace=True, dry_run=dry_run,
                     on_change=on_change)
    if not plan.report.changed:
        raise LsgGraphError(f"no dataset named {dataset!r} is loaded")
    if not dry_run:
        writes = _Writes(runner, dataset, BATCH_SIZE, None, plan.size)
        writes.removals(plan)
        runner.write("MATCH (m:LsgGraph {id: $id}) DELETE m", id=_MARKER + dataset)
        derive(runner)
    plan.report.seconds = time.monotonic() - began
    return plan.report


def _existing_nodes(runner: QueryRunner, dataset: str, nodes: list[Node]) -> ExistingNodes:
    """The properties of the nodes the extract names or the dataset loaded, per label."""
    existing: ExistingNodes = {}
    for label in NODE_LABELS:
        ids = [n.id for n in nodes if n.label == label]
        existing[label] = {
            row["id"]: row for row in runner.read(
                f"MATCH (n:{label}) WHERE n.id IN $ids OR $dataset IN n.datasets "
                "RETURN n.id AS id, n.hash AS hash, n.dataset AS dataset, "
                "n.datasets AS datasets", ids=ids, dataset=dataset)
        }
    return existing


def _existing_edges(runner: QueryRunner, dataset: str) -> ExistingEdges:
    """Key, type and hash of the dataset's edges, streamed into one compact entry each."""
    return {
        row["key"]: stored_edge(row["type"], row["hash"]) for row in runner.stream(
            "MATCH ()-[r]->() WHERE r.dataset = $dataset "
            "RETURN r.key AS key, type(r) AS type, r.hash AS hash", dataset=dataset)
    }


@cache  # one statement per group, made once, not once per edge
def _edge_upsert(group: EdgeGroup) -> str:
    assert group.type in EDGE_TYPES
    assert {group.source_label, group.target_label} <= set(NODE_LABELS)
    source, target = group.source_label, group.target_label  # seeks: see derive._SET_DERIVED
    return (f"UNWIND $rows AS row MATCH (a:{source} {{id: row.source}}) "
            f"USING INDEX SEEK a:{source}(id) "
            f"MATCH (b:{target} {{id: row.target}}) USING INDEX SEEK b:{target}(id) "
            f"MERGE (a)-[r:{group.type} {{key: row.key}}]->(b) SET r = row.props")


class _Writes:
    """The writes of one load, in batched transactions: node upserts, then edge upserts as
    they are planned, then removals. Labels and types come from graph.py's constants, never
    from the extract."""

    def __init__(self, runner: QueryRunner, dataset: str, batch_size: int,
                 progress: Progress | None, total: int) -> None:
        self.runner, self.dataset, self.batch_size = runner, dataset, batch_size
        self.progress, self.total, self.done = progress, total, 0
        self.edges = WriteQueue(self._run, batch_size)
        self.started = False

    def tick(self, n: int) -> None:
        self.done += n
        if self.progress:
            self.progress(self.done, self.total)

    def counted(self, edges: Iterable[Edge]) -> Iterator[Edge]:
        """`edges`, ticking the progress a batch at a time as they are considered."""
        count = 0
        for edge in edges:
            yield edge
            count += 1
            if count % self.batch_size == 0:
                self.tick(self.batch_size)
        self.tick(count % self.batch_size)

    def _run(self, query: str, rows: list[dict[str, Any]], **params: Any) -> None:
        if not rows:
            return
        if not self.started:  # facts are written: derive everything anew, even where the
            # digest of the facts comes back to one already derived (a fact deleted by hand
            # and loaded again)
            self.runner.write(f"MATCH (m:LsgGraph {{id: '{DERIVED_MARKER}'}}) DELETE m")
            self.started = True
        self.runner.write_batches(query, rows, self.batch_size, **params)

    def node_upserts(self, plan: Plan) -> None:
        # Membership of shared nodes is read and written under the node's write lock (taken
        # by setting a property first), so that loads of other datasets running at once keep
        # theirs.
        for label in NODE_LABELS:
            rows = plan.node_upserts.pop(label, [])
            self._run(
                f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) "
                "ON CREATE SET n.dataset = $dataset "
                "SET n._lock = true "
                "WITH n, row, coalesce(n.datasets, []) AS datasets "
                "FOREACH (_ IN CASE WHEN n.dataset = $dataset THEN [1] ELSE [] END | "
                "  SET n = row.props) "
                "SET n.datasets = CASE WHEN $dataset IN datasets THEN datasets "
                "                 ELSE datasets + $dataset END "
                "REMOVE n._lock",
                rows, dataset=self.dataset)
            self.tick(len(rows))

    def edge_upsert(self, group: EdgeGroup, row: dict[str, Any]) -> None:
        self.edges.add(_edge_upsert(group), row)

    def flush(self) -> None:
        self.edges.flush()

    def removals(self, plan: Plan) -> None:
        for rel in EDGE_TYPES:
            rows = plan.edge_removals.get(rel, [])
            self._run(f"UNWIND $rows AS row MATCH ()-[r:{rel} {{key: row.key}}]->() "
                      f"USING INDEX SEEK r:{rel}(key) "
                      "WHERE r.dataset = $dataset DELETE r", rows, dataset=self.dataset)
            self.tick(len(rows))
        for label in NODE_LABELS:
            rows = plan.node_removals.get(label, [])
            self._run(
                f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) "
                f"USING INDEX SEEK n:{label}(id) "
                "SET n._lock = true "
                "WITH n, [d IN coalesce(n.datasets, []) WHERE d <> $dataset] AS rest "
                "SET n.datasets = rest, "
                "    n.dataset = CASE WHEN n.dataset = $dataset THEN head(rest) ELSE n.dataset END "
                "REMOVE n._lock "
                "WITH n, rest WHERE size(rest) = 0 DETACH DELETE n",
                rows, dataset=self.dataset)
            self.tick(len(rows))
