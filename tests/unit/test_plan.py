"""Planning a load is a pure function of the extract's facts and the graph's: no server."""

from __future__ import annotations

import datetime as dt

from lsg_graph.graph import Edge, Node
from lsg_graph.plan import EdgeGroup, plan_load

XI = Node("Person", "xi", {"name": "Xi Jinping"})
CFAC = Node("Body", "cfac", {"name": "Central Foreign Affairs Commission"})
CHAIRS = Edge("CHAIRS", "core:positions:xi|cfac", ("Person", "xi"), ("Body", "cfac"),
              {"start": dt.date(2018, 3, 1)})


def stored(node: Node, dataset: str = "core", *also: str) -> dict:
    return {**node.props, "id": node.id, "dataset": dataset,
            "datasets": sorted({dataset, *also})}


def test_an_empty_graph_gets_everything_created():
    plan = plan_load("core", [XI, CFAC], [CHAIRS], {}, {}, replace=False)
    assert [row["id"] for row in plan.node_upserts["Person"]] == ["xi"]
    assert list(plan.edge_upserts) == [EdgeGroup("CHAIRS", "Person", "Body")]
    assert plan.edge_upserts[EdgeGroup("CHAIRS", "Person", "Body")][0]["props"]["dataset"] == \
        "core"
    assert (plan.report.nodes.created, plan.report.edges.created, plan.size) == (2, 1, 3)


def test_what_the_graph_already_holds_is_left_alone():
    existing_nodes = {"Person": {"xi": stored(XI)}, "Body": {"cfac": stored(CFAC)}}
    existing_edges = {CHAIRS.key: {"type": "CHAIRS", "props": {
        "start": dt.date(2018, 3, 1), "key": CHAIRS.key, "dataset": "core"}}}
    plan = plan_load("core", [XI, CFAC], [CHAIRS], existing_nodes, existing_edges,
                     replace=True)
    assert plan.size == 0 and not plan.report.changed
    assert (plan.report.nodes.unchanged, plan.report.edges.unchanged) == (2, 1)


def test_a_changed_property_is_an_update():
    old = {**stored(XI), "name": "Xi Jin-ping"}
    plan = plan_load("core", [XI], [], {"Person": {"xi": old}}, {}, replace=False)
    assert plan.report.nodes.updated == 1
    assert plan.node_upserts["Person"][0]["props"]["name"] == "Xi Jinping"


def test_replace_removes_only_what_this_dataset_loaded():
    other = Node("Person", "hu", {"name": "Hu Jintao"})
    existing_nodes = {"Person": {"xi": stored(XI), "hu": stored(other, "other")}}
    existing_edges = {"core:old": {"type": "MEMBER_OF", "props": {}}}
    plan = plan_load("core", [], [], existing_nodes, existing_edges, replace=True)
    assert plan.node_removals["Person"] == [{"id": "xi"}]
    assert plan.edge_removals["MEMBER_OF"] == [{"key": "core:old"}]
    assert plan.report.nodes.removed == 1


def test_joining_a_node_another_dataset_made_is_an_update_with_a_warning():
    existing = {"Person": {"xi": {**stored(XI, "other"), "name": "Xi"}}}
    plan = plan_load("core", [XI], [], existing, {}, replace=False)
    # The row carries this dataset's description; the write applies it only where this
    # dataset owns the node, and adds the membership under the node's lock.
    row = plan.node_upserts["Person"][0]
    assert row["props"] == {"name": "Xi Jinping", "id": "xi", "dataset": "core"}
    assert plan.report.nodes.updated == 1
    assert plan.report.warnings == [
        "Person xi: kept the properties dataset 'other' gave it; 'core' describes it "
        "differently"]


def test_without_replace_nothing_is_removed():
    plan = plan_load("core", [], [], {"Person": {"xi": stored(XI)}},
                     {"core:old": {"type": "CHAIRS", "props": {}}}, replace=False)
    assert plan.size == 0
