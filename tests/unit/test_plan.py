"""Planning a load is a pure function of the extract's facts and the graph's: no server."""

from __future__ import annotations

import datetime as dt

from lsg_graph.graph import Edge, Node
from lsg_graph.plan import EdgeGroup, content_hash, plan_load, stored_edge, stored_type

XI = Node("Person", "xi", {"name": "Xi Jinping"})
CFAC = Node("Body", "cfac", {"name": "Central Foreign Affairs Commission"})
CHAIRS = Edge("CHAIRS", "core:positions:xi|cfac", ("Person", "xi"), ("Body", "cfac"),
              {"start": dt.date(2018, 3, 1)})


def stored(node: Node, dataset: str = "core", *also: str) -> dict:
    """What the loader reads back of a node `dataset` loaded (and `also` joined)."""
    props = {**node.props, "id": node.id, "dataset": dataset}
    return {"hash": content_hash(props), "dataset": dataset, "datasets": [dataset, *also]}


OLD = content_hash({"anything": "once loaded"})


def stored_edge_of(edge: Edge, dataset: str = "core") -> int:
    """What the loader reads back of an edge `dataset` loaded."""
    return stored_edge(edge.type, content_hash({**edge.props, "key": edge.key,
                                                "dataset": dataset}))


def test_an_empty_graph_gets_everything_created():
    plan = plan_load("core", [XI, CFAC], [CHAIRS], {}, {}, replace=False)
    assert [row["id"] for row in plan.node_upserts["Person"]] == ["xi"]
    assert list(plan.edge_upserts) == [EdgeGroup("CHAIRS", "Person", "Body")]
    row = plan.edge_upserts[EdgeGroup("CHAIRS", "Person", "Body")][0]
    assert row["props"]["dataset"] == "core" and len(row["props"]["hash"]) == 20
    assert (plan.report.nodes.created, plan.report.edges.created, plan.size) == (2, 1, 3)


def test_what_the_graph_already_holds_is_left_alone():
    existing_nodes = {"Person": {"xi": stored(XI)}, "Body": {"cfac": stored(CFAC)}}
    existing_edges = {CHAIRS.key: stored_edge_of(CHAIRS)}
    plan = plan_load("core", [XI, CFAC], [CHAIRS], existing_nodes, existing_edges,
                     replace=True)
    assert plan.size == 0 and not plan.report.changed
    assert (plan.report.nodes.unchanged, plan.report.edges.unchanged) == (2, 1)


def test_a_changed_property_is_an_update():
    old = stored(Node("Person", "xi", {"name": "Xi Jin-ping"}))
    plan = plan_load("core", [XI], [], {"Person": {"xi": old}}, {}, replace=False)
    assert plan.report.nodes.updated == 1
    assert plan.node_upserts["Person"][0]["props"]["name"] == "Xi Jinping"
    moved = Edge("CHAIRS", CHAIRS.key, CHAIRS.source, CHAIRS.target,
                 {"start": dt.date(2018, 4, 1)})
    plan = plan_load("core", [], [moved], {}, {CHAIRS.key: stored_edge_of(CHAIRS)},
                     replace=False)
    assert plan.report.edges.updated == 1


def test_an_edge_is_kept_as_one_number_holding_its_type_and_hash():
    packed = stored_edge("MEMBER_OF", OLD)
    assert stored_type(packed) == "MEMBER_OF"
    assert packed != stored_edge("CHAIRS", OLD)  # same hash, other type
    assert packed != stored_edge("MEMBER_OF", content_hash({"anything": "else"}))
    assert stored_edge("REPORTS_TO", None) == 2  # no hash stored: never equal to a real one


def test_the_same_properties_give_the_same_hash_whatever_their_order():
    assert content_hash({"a": 1, "b": dt.date(2013, 3, 16)}) == content_hash(
        {"b": dt.date(2013, 3, 16), "a": 1})
    assert content_hash({"a": 1}) != content_hash({"a": 2})


def test_replace_removes_only_what_this_dataset_loaded():
    other = Node("Person", "hu", {"name": "Hu Jintao"})
    existing_nodes = {"Person": {"xi": stored(XI), "hu": stored(other, "other")}}
    existing_edges = {"core:old": stored_edge("MEMBER_OF", OLD)}
    plan = plan_load("core", [], [], existing_nodes, existing_edges, replace=True)
    assert plan.node_removals["Person"] == [{"id": "xi"}]
    assert plan.edge_removals["MEMBER_OF"] == [{"key": "core:old"}]
    assert plan.report.nodes.removed == 1


def test_joining_a_node_another_dataset_made_is_an_update_with_a_warning():
    existing = {"Person": {"xi": stored(Node("Person", "xi", {"name": "Xi"}), "other")}}
    plan = plan_load("core", [XI], [], existing, {}, replace=False)
    # The row carries this dataset's description; the write applies it only where this
    # dataset owns the node, and adds the membership under the node's lock.
    row = plan.node_upserts["Person"][0]
    assert {k: v for k, v in row["props"].items() if k != "hash"} == {
        "name": "Xi Jinping", "id": "xi", "dataset": "core"}
    assert plan.report.nodes.updated == 1
    assert plan.report.warnings == [
        "Person xi: kept the properties dataset 'other' gave it; 'core' describes it "
        "differently"]
    again = plan_load("core", [XI], [], {"Person": {"xi": {**existing["Person"]["xi"],
                                                           "datasets": ["other", "core"]}}},
                      {}, replace=False)
    assert again.report.nodes.unchanged == 1 and again.size == 0  # joined already


def test_without_replace_nothing_is_removed():
    plan = plan_load("core", [], [], {"Person": {"xi": stored(XI)}},
                     {"core:old": stored_edge("CHAIRS", OLD)}, replace=False)
    assert plan.size == 0
