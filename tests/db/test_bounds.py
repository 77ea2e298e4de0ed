"""Bounded dates, attestations, the inference rules, disputes counted once and min_confidence,
on the fictional extract tests/extracts/bounds, against answers worked out by hand.

Ann Arden died on 2015-06-10. The Harbour Group h1 was upgraded into the Harbour Commission
h2 in March 2016; the Canal Group k1 was abolished in 2014. Eve Eng was premier from
2008-03-16 to 2013-03-16 and chairs the Water Group w1 ex officio, on dates nobody gives. The
Salt Group s1 has one chair (Ann from 2001-03-01, then Cal from 2006-07-01) and one office
director (Dan 2001 to 2004-05, then Eve from some day in 2003-2005). Two claims (dispute dd)
say Ben or Cal chairs the Delta Group d1 from 2010; two (de) date Ann's start at the Echo
Group e1 differently. Dan's chair of the Fog Group f1 is a low-confidence rumour.
"""

from __future__ import annotations

import pytest

from conftest import EXTRACTS, wipe

BOUNDS = EXTRACTS / "bounds"


@pytest.fixture(scope="module")
def bounds_db(session_db):
    wipe(session_db)
    session_db.load(BOUNDS)
    return session_db


def rows(db, name, **params) -> list[dict]:
    return db.analyze(name, **params).to_dict("records")


def post(db, person: str, body: str) -> dict:
    (found,) = [r for r in rows(db, "positions-of", person=person) if r["body_id"] == body]
    return found


def test_bounded_forms_are_stored_as_given(bounds_db):
    harbour = post(bounds_db, "ann", "h1")
    assert (harbour["start"], harbour["end"]) == ("2003-01-01..2004-06-30", "..2009-12-31")
    assert harbour["stated"] == "2003..2004-06 to ..2009" and harbour["inferred"] == []


def test_an_attestation_narrows_both_ends(bounds_db):
    deputy = post(bounds_db, "cal", "h1")
    assert (deputy["start"], deputy["end"]) == ("2000-01-01..2010-05-05",
                                                "2010-05-06..2016-03-31")
    assert deputy["inferred"][:2] == [
        "start <= 2010-05-05: attested 2010-05-05 [s2] (attestations.csv of bounds)",
        "end >= 2010-05-06: attested 2010-05-05 [s2] (attestations.csv of bounds)"]
    on_the_day = rows(bounds_db, "positions-of", person="cal", as_of="2010-05-05")
    assert {r["body_id"]: r["status"] for r in on_the_day}["h1"] == "yes"


def test_death_bounds_every_post(bounds_db):
    council = post(bounds_db, "ann", "council")
    assert council["end"] == "..2015-06-11"
    assert council["inferred"] == [
        "end <= 2015-06-11: death (ann died 2015-06-10, person ann)"]


def test_abolition_and_replacement_end_the_posts_on_a_body(bounds_db):
    canal = post(bounds_db, "ann", "k1")
    assert canal["end"] == "..2014-12-31"
    assert canal["inferred"][-1] == (
        "end <= 2014-12-31: body end (k1 abolished 2014, body k1)")
    harbour = post(bounds_db, "ben", "h1")
    assert harbour["end"] == "2015-07-02..2016-03-31"
    assert "end <= 2016-03-31: body end (h1 upgraded into h2 2016-03, body h1)" in \
        harbour["inferred"]


def test_no_post_begins_before_its_body(bounds_db):
    deputy = post(bounds_db, "cal", "h1")
    assert deputy["inferred"][-2:] == [
        "start >= 2000-01-01: body start (h1 established 2000, body h1)",
        "end <= 2016-03-31: body end (h1 upgraded into h2 2016-03, body h1)"]


def test_succession_bounds_the_predecessors_end_and_the_successors_start(bounds_db):
    assert post(bounds_db, "ann", "s1")["end"] == "..2006-07-01"
    director = post(bounds_db, "eve", "s1")
    assert director["start"] == "2004-05-01..2005-12-31"
    assert director["inferred"][0].startswith(
        "start >= 2004-05-01: succession (dan office_director s1 2001 to 2004-05")


def test_an_ex_officio_post_lies_within_the_office(bounds_db):
    water = post(bounds_db, "eve", "w1")
    assert (water["start"], water["end"]) == ("2008-03-16..", "..2013-03-16")
    assert [line.split(":")[0] for line in water["inferred"]] == [
        "start >= 2008-01-01", "start >= 2008-03-16", "end <= 2013-03-16"]
    assert water["inferred"][0] == "start >= 2008-01-01: body start (w1 established 2008, body w1)"


def test_chair_count_counts_a_disputed_seat_as_disputed(bounds_db):
    result = rows(bounds_db, "chair-count", as_of="2019-06-01")
    assert [(r["person"], r["chairs"], r["disputed"], r["undecided"]) for r in result] == [
        ("Ben Bell", 1, 1, 0), ("Cal Cobb", 1, 1, 0)]  # nobody else: the rest ended
    assert result[0]["bodies"] == ["Harbour Commission"]
    assert result[0]["disputed_bodies"] == ["Delta Group"]


def test_two_claims_of_one_seat_count_once(bounds_db):
    # On 2005-07-01 one claim has Ann at the Echo Group already, the other cannot say.
    (ann,) = rows(bounds_db, "chair-count", as_of="2005-07-01")
    assert (ann["chairs"], ann["disputed"], ann["undecided"]) == (0, 1, 3)
    # On 2006-07-01 both claims have her in the chair: one certain chair, not two.
    ann = rows(bounds_db, "chair-count", as_of="2006-07-01")[0]
    assert (ann["person"], ann["chairs"], ann["disputed"]) == ("Ann Arden", 1, 0)


def test_the_timeline_counts_seats_once_each(bounds_db):
    (y2012,) = rows(bounds_db, "concentration-timeline", from_year=2012, to_year=2012)
    # Ben chairs h1 and Cal s1; d1 is disputed; k1 (Ann) and w1 (Eve) cannot be settled.
    assert (y2012["chairmanships"], y2012["disputed"], y2012["undecided"]) == (2, 1, 2)
    assert (y2012["bodies"], y2012["top_person"], y2012["hhi"]) == (2, "Ben Bell", 0.5)


def test_min_confidence_decides_what_counts(bounds_db):
    low = rows(bounds_db, "chair-count", as_of="2019-06-01", min_confidence="low")
    assert [(r["person"], r["chairs"]) for r in low] == [
        ("Ben Bell", 1), ("Cal Cobb", 1), ("Dan Dale", 1)]
    (y2012,) = rows(bounds_db, "concentration-timeline", from_year=2012, to_year=2012,
                    min_confidence="low")
    assert y2012["chairmanships"] == 3 and y2012["hhi"] == pytest.approx(1 / 3)
    high = rows(bounds_db, "chair-count", as_of="2019-06-01", min_confidence="high")
    assert [(r["person"], r["chairs"], r["disputed"]) for r in high] == [
        ("Ben Bell", 1, 0), ("Cal Cobb", 1, 0)]
    left_out = [r["subject"] for r in rows(bounds_db, "coverage")
                if r["gap"] == "below medium confidence"]
    assert left_out == ["Dan Dale CHAIRS Fog Group"]


def test_nobody_holds_a_post_after_death_or_the_bodys_end(bounds_db):
    assert bounds_db.read(
        "MATCH (p:Person {id: 'ann'})-[r:CHAIRS|MEMBER_OF]->() "
        "WHERE r.possible_until > date('2015-06-11') RETURN r.key") == []
    assert bounds_db.read(
        "MATCH ()-[r:CHAIRS|MEMBER_OF]->(:Body {id: 'h1'}) "
        "WHERE r.possible_until > date('2016-03-31') RETURN r.key") == []
