"""Exports that other tools read back: networkx reads the GraphML and GEXF files with the
graph's node and edge counts, the spells table has one row per position, the JSON has every
node and link."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest


@pytest.fixture(scope="module")
def counts(bundled_db):
    return bundled_db.read(
        "RETURN COUNT { (n) WHERE n:Person OR n:Body OR n:Party OR n:State } AS nodes, "
        "COUNT { ()-[:CHAIRS|MEMBER_OF|REPORTS_TO|REPLACED_BY]->() } AS edges, "
        "COUNT { ()-[:CHAIRS|MEMBER_OF]->() } AS positions")[0]


@pytest.mark.parametrize(("fmt", "reader"), [("graphml", nx.read_graphml),
                                             ("gexf", nx.read_gexf)])
def test_networkx_reads_the_whole_graph_back(bundled_db, counts, lsg, tmp_path, fmt, reader):
    out = tmp_path / f"graph.{fmt}"
    result = lsg("export", "--format", fmt, out)
    assert result.code == 0, result.err
    graph = reader(out)
    assert graph.number_of_nodes() == counts["nodes"]
    assert graph.number_of_edges() == counts["edges"]
    xi = graph.nodes["xi-jinping"]
    assert xi["name"] == "Xi Jinping" and xi["name_zh"] == "习近平"
    chairs = [d for _, target, d in graph.out_edges("xi-jinping", data=True)
              if target == "central-foreign-affairs-commission"]
    assert chairs and chairs[0]["start"] == "2018-03-01" and chairs[0]["sources"]


def test_the_spells_table_has_one_row_per_position(bundled_db, counts, lsg, tmp_path):
    out = tmp_path / "spells.csv"
    assert lsg("export", "--format", "spells", out).code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == counts["positions"]
    assert len({r["key"] for r in rows}) == len(rows)
    northeast = next(r for r in rows if r["person_id"] == "li-keqiang"
                     and r["body_id"] == "state-council-northeast-revitalisation-lg")
    assert (northeast["start_earliest"], northeast["start_latest"]) == ("2013-06-01",
                                                                       "2013-07-08")
    assert northeast["end_latest"] == "2023-03-11" and northeast["still_held"] == "no"


def test_json_has_nodes_and_links_and_as_of_keeps_what_held(bundled_db, counts, lsg,
                                                           tmp_path):
    out = tmp_path / "graph.json"
    assert lsg("export", "--format", "json", out).code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == counts["nodes"] and len(data["links"]) == counts["edges"]
    day = tmp_path / "2019.json"
    assert lsg("export", "--format", "json", day, "--as-of", "2019-06-01").code == 0
    links = json.loads(day.read_text(encoding="utf-8"))["links"]
    assert 0 < len(links) < counts["edges"]
    assert {link["status"] for link in links} <= {"yes", "unknown", "disputed"}
    assert any(link["source"] == "xi-jinping" and link["type"] == "CHAIRS"
               and link["status"] == "yes" for link in links)


def test_a_bad_export_is_one_line(bundled_db, lsg, tmp_path):
    result = lsg("export", "--format", "graphml", tmp_path / "no" / "graph.graphml")
    assert result.code == 1 and len(result.err.strip().splitlines()) == 1
    assert lsg("export", "--format", "pdf", tmp_path / "x").code == 2
