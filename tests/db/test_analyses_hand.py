"""Every canned analysis on the hand-built extract, against answers worked out on paper.

The fictional state (tests/extracts/hand): Alice is general secretary 2000-2010, Bob from 2010;
Carol is premier 2000 to 2010-03, Dave after her. The Foreign Affairs Group g1 (chaired by the
general secretary) is upgraded into the Commission g2 in 2018-03; the Maritime Group g5 is
merged into it. The Economy Group g3 passes from Carol (as premier) to Bob in 2012 (known to
the year only). Two competing claims (dispute d1) say who chairs the Energy Group g4 from 2013.
"""

from __future__ import annotations

import datetime as dt

import pytest

from lsg_graph import Database


def rows(db: Database, name: str, **params) -> list[dict]:
    return db.analyze(name, **params).to_dict("records")


def test_chair_count_counts_certain_chairs_and_flags_disputed_ones(hand_db):
    result = rows(hand_db, "chair-count", as_of="2019-06-01")
    assert [(r["person"], r["chairs"]) for r in result] == [("Bob Birch", 2)]  # g2, g3
    assert sorted(result[0]["bodies"]) == ["Economy Group", "Foreign Affairs Commission"]
    # the two low-confidence claims on g4 (dispute d1) count only with min_confidence low
    every = rows(hand_db, "chair-count", as_of="2019-06-01", min_confidence="low")
    assert [(r["person"], r["chairs"], r["disputed"], r["undecided"]) for r in every] == [
        ("Bob Birch", 2, 0, 0), ("Carol Cole", 0, 1, 0), ("Dave Dunn", 0, 1, 0)]


def test_chair_count_does_not_place_a_year_on_the_first_of_january(hand_db):
    # Bob took g3 "in 2012" and Carol left it "in 2012": on 2012-06-01 neither is settled.
    result = {r["person"]: r for r in rows(hand_db, "chair-count", as_of="2012-06-01")}
    assert (result["Bob Birch"]["chairs"], result["Bob Birch"]["undecided"]) == (1, 1)
    assert result["Bob Birch"]["undecided_bodies"] == ["Economy Group"]
    assert (result["Carol Cole"]["chairs"], result["Carol Cole"]["undecided"]) == (0, 1)


def test_chair_count_by_portfolio(hand_db):
    result = rows(hand_db, "chair-count", as_of="2011-01-01", portfolio="foreign affairs")
    assert [(r["person"], r["chairs"]) for r in result] == [("Bob Birch", 1)]


def test_positions_of_a_person_by_name_with_and_without_a_date(hand_db):
    every = rows(hand_db, "positions-of", person="Bob Birch")
    assert [(r["body_id"], r["role"]) for r in every] == [
        ("central-committee", "member"), ("g1", "chair"), ("g3", "chair"), ("g2", "chair")]
    assert every[0]["title"] == "General Secretary" and every[0]["sources"] == ["s1"]
    on_day = rows(hand_db, "positions-of", person="bob", as_of="2011-01-01")
    assert [(r["body_id"], r["status"]) for r in on_day] == [("central-committee", "yes"),
                                                          ("g1", "yes")]


def test_concentration_timeline_by_hand(hand_db):
    result = {r["year"]: r for r in rows(hand_db, "concentration-timeline",
                                         from_year=2011, to_year=2019)}
    assert len(result) == 9
    y2011 = result[2011]  # on 2011-07-01: Bob chairs g1, Carol chairs g3
    assert (y2011["bodies"], y2011["distinct_chairs"], y2011["top_person"]) == (2, 2, "Bob Birch")
    assert y2011["top_share"] == pytest.approx(0.5)
    assert y2011["hhi"] == pytest.approx(0.5)
    assert y2011["effective_number"] == pytest.approx(2.0)
    y2019 = result[2019]  # Bob chairs g2 and g3; the g4 claims are low confidence
    assert (y2019["bodies"], y2019["distinct_chairs"], y2019["top_chairs"]) == (2, 1, 2)
    assert y2019["hhi"] == pytest.approx(1.0)
    assert (y2019["chairmanships"], y2019["disputed"], y2019["undecided"]) == (2, 0, 0)
    low = rows(hand_db, "concentration-timeline", from_year=2019, to_year=2019,
               min_confidence="low")
    assert (low[0]["chairmanships"], low[0]["disputed"], low[0]["undecided"]) == (2, 1, 0)


def test_era_compare_with_and_without_lineage(hand_db):
    plain = rows(hand_db, "era-compare", leader_a="alice", leader_b="Bob Birch")
    alice = [r for r in plain if r["leader"] == "Alice Ash"]
    bob = {r["body"]: r for r in plain if r["leader"] == "Bob Birch"}
    assert [(r["body"], r["bodies_chaired"], r["predecessor"]) for r in alice] == [
        ("Foreign Affairs Group", 1, None)]
    assert set(bob) == {"Foreign Affairs Group", "Foreign Affairs Commission", "Economy Group"}
    assert {r["bodies_chaired"] for r in bob.values()} == {3}
    assert (bob["Economy Group"]["predecessor"],
            bob["Economy Group"]["predecessor_office"]) == ("Carol Cole", "Premier")
    assert bob["Foreign Affairs Commission"]["predecessor"] == "Alice Ash"
    seats = rows(hand_db, "era-compare", leader_a="alice", leader_b="bob", lineage=True)
    assert {r["bodies_chaired"] for r in seats if r["leader"] == "Bob Birch"} == {2}


def test_lineage_both_ways(hand_db):
    result = rows(hand_db, "lineage", body="Foreign Affairs Commission")
    assert sorted((r["from_id"], r["change"], r["to_id"]) for r in result) == [
        ("g1", "upgraded", "g2"), ("g5", "merged", "g2")]
    from_the_merged_group = rows(hand_db, "lineage", body="g5")
    assert sorted((r["from_id"], r["change"], r["to_id"]) for r in from_the_merged_group) == [
        ("g1", "upgraded", "g2"), ("g5", "merged", "g2")]
    assert result[0]["date"] == dt.date(2018, 3, 1) and result[0]["precision"] == "month"


def test_reporting_chain_up_to_the_party(hand_db):
    ever = rows(hand_db, "reporting-chain", body="g1")
    assert [(r["chain"], r["status"]) for r in ever] == [
        ("Foreign Affairs Group -> Central Committee -> The Party", None)]
    assert rows(hand_db, "reporting-chain", body="g1", as_of="2019-06-01") == []
    then = rows(hand_db, "reporting-chain", body="g1", as_of="2015-01-01")
    assert [r["status"] for r in then] == ["unknown"]  # cc -> party has an unknown start


def test_interlocks_people_and_pairs(hand_db):
    result = rows(hand_db, "interlocks", as_of="2015-01-01", min_bodies=2, min_confidence="low")
    people = [(r["a"], r["count"]) for r in result if r["kind"] == "person"]
    pairs = sorted((r["a"], r["b"], r["shared"][0]) for r in result if r["kind"] == "pair")
    assert people == [("Bob Birch", 3), ("Dave Dunn", 2)]
    assert pairs == [
        ("Central Committee", "Economy Group", "Bob Birch"),
        ("Central Committee", "Foreign Affairs Group", "Bob Birch"),
        ("Economy Group", "Foreign Affairs Group", "Bob Birch"),
        ("Foreign Affairs Group", "State Council", "Dave Dunn"),
    ]


def test_portfolio_table_names_the_chairs_office(hand_db):
    result = rows(hand_db, "portfolio-table", portfolio="foreign affairs", as_of="2019-06-01")
    assert result == [{
        "body_id": "g2", "body": "Foreign Affairs Commission",
        "chaired_by": "Bob Birch (General Secretary)",
        "members": "Dave Dunn (Premier) - deputy",
        "membership_disclosed": "partial",
    }]


def test_centrality_on_a_tree(hand_db):
    # On 2015-01-01 the network is the tree cc - Bob - g1 - Dave - council, plus Bob - g3
    # (Dave's seat on g1 is low confidence).
    result = rows(hand_db, "centrality", as_of="2015-01-01", min_confidence="low")
    assert [(r["person"], r["degree"]) for r in result] == [("Bob Birch", 3), ("Dave Dunn", 2)]
    assert result[0]["betweenness"] == pytest.approx(7.0)
    assert result[1]["betweenness"] == pytest.approx(4.0)
    assert result[0]["betweenness_norm"] == pytest.approx(0.7)


def test_chair_transfers_from_premier_to_general_secretary(hand_db):
    result = rows(hand_db, "chair-transfers", from_year=1998, to_year=2026)
    assert [(r["body"], r["from_person"], r["from_office"], r["to_person"], r["to_office"],
             r["precision"]) for r in result] == [
        ("Economy Group", "Carol Cole", "Premier", "Bob Birch", "General Secretary", "year")]
    assert rows(hand_db, "chair-transfers", from_year=2013, to_year=2026) == []


def test_coverage_lists_what_is_unknown(hand_db):
    result = rows(hand_db, "coverage")
    by_gap: dict[str, list] = {}
    for r in result:
        by_gap.setdefault(r["gap"], []).append(r["subject"])
    assert by_gap["membership none"] == ["Energy Group"]
    assert by_gap["disputed"] == ["Who chairs the Energy Group"]
    assert by_gap["no Chinese name"] == ["Dave Dunn"]
    assert sorted(by_gap["unknown dates"]) == ["Carol Cole CHAIRS Energy Group",
                                               "Dave Dunn CHAIRS Energy Group"]
    assert len(by_gap["single source"]) == 18  # 21 facts, 3 of them with two sources


def test_general_secretaries(hand_db):
    result = rows(hand_db, "general-secretaries")
    assert [(r["person"], r["start"], r["end"]) for r in result] == [
        ("Alice Ash", dt.date(2000, 1, 1), dt.date(2010, 1, 1)),
        ("Bob Birch", dt.date(2010, 1, 1), None)]


def test_body_history_puts_competing_claims_side_by_side(hand_db):
    result = rows(hand_db, "body-history", body="Energy Group")
    assert [(r["role"], r["person"], r["held_as"], r["dispute"]) for r in result] == [
        ("chair", "Carol Cole", "Vice Premier", "d1"), ("chair", "Dave Dunn", "Premier", "d1")]
    chairs = rows(hand_db, "body-history", body="g1", role="chair")
    assert [(r["person"], r["period"]) for r in chairs] == [
        ("Alice Ash", "2000-01-01 to 2010-01-01"), ("Bob Birch", "2010-01-01 to 2018-03")]
    everyone = rows(hand_db, "body-history", body="g1")
    assert [r["role"] for r in everyone] == ["chair", "chair", "deputy", "member"]
