"""Loading: idempotent, diffed, --replace removes exactly what was dropped, --dry-run writes
nothing, other datasets are left alone, partial dates are stored as partial."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import HAND, fingerprint

EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "career-table"


def drop_line(path: Path, needle: str) -> None:
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(ln for ln in lines if needle not in ln))


def test_loading_twice_changes_nothing_the_second_time(db):
    first = db.load(HAND)
    assert (first.nodes.created, first.edges.created) == (16, 21)
    after_first = fingerprint(db)
    second = db.load(HAND)
    assert not second.changed
    assert (second.nodes.unchanged, second.edges.unchanged) == (16, 21)
    assert "nothing changed" in second.summary()
    assert fingerprint(db) == after_first


def test_an_unchanged_reload_reads_no_extract_but_a_damaged_graph_is_repaired(db, tmp_path):
    copy = tmp_path / "hand"
    shutil.copytree(HAND, copy)
    db.load(copy)
    complete = fingerprint(db)
    second = db.load(copy)  # the very files loaded last: not read again
    assert not second.changed and "not read again" in second.warnings[0]
    assert (second.nodes.unchanged, second.edges.unchanged) == (16, 21)

    db.write("MATCH ()-[r:MEMBER_OF]->() WITH r LIMIT 1 DELETE r")  # the graph lost a fact
    repaired = db.load(copy)
    assert repaired.edges.created == 1 and fingerprint(db) == complete

    (copy / "persons.csv").write_text((copy / "persons.csv").read_text() + "\n")
    reread = db.load(copy)  # other bytes: read, validated and compared again
    assert not reread.changed and not reread.warnings


def test_a_cut_load_leaves_no_record_of_the_earlier_complete_one(db, tmp_path):
    copy = tmp_path / "hand"
    shutil.copytree(HAND, copy)
    db.load(copy)
    assert db.read("MATCH (m:LsgGraph {id: 'loaded:hand'}) RETURN count(m) AS n") == [{"n": 1}]
    edited = (copy / "persons.csv").read_text().replace("Alice", "Alicia")
    (copy / "persons.csv").write_text(edited)

    class Cut(Exception):
        pass

    def cut(done: int, total: int) -> None:
        raise Cut

    with pytest.raises(Cut):
        db.load(copy, batch_size=1, progress=cut)
    assert db.read("MATCH (m:LsgGraph {id: 'loaded:hand'}) RETURN count(m) AS n") == [{"n": 0}]


def test_replace_removes_exactly_the_dropped_facts(db, tmp_path):
    db.load(HAND)
    before = {r["key"] for r in db.read("MATCH ()-[r]->() RETURN r.key AS key")}
    v2 = tmp_path / "hand-v2"
    shutil.copytree(HAND, v2)
    drop_line(v2 / "positions.csv", "dave,g1,member")

    kept = db.load(v2)  # without --replace the dropped fact stays
    assert not kept.changed
    report = db.load(v2, replace=True)
    assert (report.edges.removed, report.nodes.removed) == (1, 0)
    after = {r["key"] for r in db.read("MATCH ()-[r]->() RETURN r.key AS key")}
    assert before - after == {"hand:positions:dave|g1|member||2011-05-01|2018-03"}
    assert after < before


def test_dry_run_writes_nothing_and_says_what_it_would_do(db):
    said: list[str] = []
    report = db.load(HAND, dry_run=True, on_change=said.append)
    assert report.nodes.created == 16 and report.dry_run
    assert "create Person alice" in said
    assert "would change" in report.summary()
    assert db.read("MATCH (n) RETURN count(n) AS n") == [{"n": 0}]


def test_other_datasets_are_untouched(db, tmp_path):
    db.load(EXAMPLE)
    example_edges = fingerprint(db)
    shared = tmp_path / "hand"
    shutil.copytree(HAND, shared)
    db.load(shared)
    db.unload("hand")
    assert fingerprint(db) == example_edges


def test_shared_nodes_keep_their_first_description(db):
    db.load(HAND)
    report = db.load(EXAMPLE)  # names the State Council too
    council = db.read("MATCH (b:Body {id: 'state-council'}) RETURN b.name AS name, "
                      "b.dataset AS owner, b.datasets AS datasets")
    assert council == [{"name": "State Council", "owner": "hand",
                        "datasets": ["hand", "career-example"]}]  # in the order they joined
    assert ("Body state-council: kept the properties dataset 'hand' gave it; "
            "'career-example' describes it differently") in report.warnings
    db.unload("hand")
    assert db.read("MATCH (b:Body {id: 'state-council'}) RETURN b.dataset AS owner") == [
        {"owner": "career-example"}]


def test_partial_dates_are_stored_with_their_precision(db):
    db.load(HAND)
    edge = db.read("MATCH (:Person {id: 'bob'})-[r:CHAIRS]->(:Body {id: 'g3'}) "
                   "RETURN r.start AS start, r.start_latest AS latest, "
                   "r.start_precision AS precision, r.period AS period")[0]
    assert (edge["start"].to_native(), edge["latest"].to_native()) == (
        dt.date(2012, 1, 1), dt.date(2012, 12, 31))
    assert (edge["precision"], edge["period"]) == ("year", "2012 to present")
    unknown = db.read("MATCH (:Person {id: 'dave'})-[r:CHAIRS]->(:Body {id: 'g4'}) "
                      "RETURN r.end AS end, r.end_precision AS precision")[0]
    assert unknown == {"end": None, "precision": "unknown"}


def test_text_that_looks_like_cypher_is_only_ever_a_value(db, tmp_path):
    odd = tmp_path / "odd"
    shutil.copytree(HAND, odd)
    persons = odd / "persons.csv"
    persons.write_text(persons.read_text().replace(
        "Dave Dunn", '"Dave`}) DETACH DELETE n //\'s ""quoted"""'))
    db.load(odd)
    assert db.read("MATCH (p:Person {id: 'dave'}) RETURN p.name AS name") == [
        {"name": "Dave`}) DETACH DELETE n //'s \"quoted\""}]
    assert db.read("MATCH (n) WHERE NOT n:LsgGraph RETURN count(n) AS n") == [{"n": 16}]


def test_the_second_format_derives_persons_bodies_and_sources(db):
    report = db.load(EXAMPLE)
    assert (report.nodes.created, report.edges.created) == (7, 4)
    row = db.read("MATCH (p:Person {id: 'wang-yi'})-[r:MEMBER_OF]->(b:Body) "
                  "WHERE r.role = 'office_director' "
                  "RETURN p.name_zh AS zh, b.id AS body, r.title AS title, r.sources AS src")[0]
    assert row["zh"] == "王毅" and row["body"] == "central-foreign-affairs-commission"
    assert row["src"][0].startswith("src-")


def test_progress_is_reported_per_batch(db):
    seen: list[tuple[int, int]] = []
    db.load(HAND, batch_size=5, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] == 37
    assert len(seen) > 5


def test_a_load_cut_short_is_completed_by_running_it_again(db):
    db.load(HAND)
    complete = fingerprint(db)
    db.write("MATCH (n) DETACH DELETE n")

    class Cut(Exception):
        pass

    def cut_after_two_batches(done: int, total: int) -> None:
        if done >= 10:
            raise Cut

    with pytest.raises(Cut):
        db.load(HAND, batch_size=5, progress=cut_after_two_batches)
    assert fingerprint(db) != complete  # half written
    report = db.load(HAND)
    assert report.changed
    assert fingerprint(db) == complete
