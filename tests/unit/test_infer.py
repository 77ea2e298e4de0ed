"""The inference rules as a pure function: they narrow stated bounds, never override them,
and say where each bound came from."""

from __future__ import annotations

import datetime as dt

from conftest import EXTRACTS, invoke
from lsg_graph.dates import parse_date
from lsg_graph.infer import BodyEvent, Post, infer


def chair(ref: str, person: str, start: str, end: str | None, **extra) -> Post:
    return Post(ref, person, "g", extra.pop("role", "chair"), extra.pop("title", ""),
                parse_date(start), parse_date(end) if end else None, **extra)


def test_an_inferred_bound_narrows_an_unknown_end():
    result = infer([chair("p1", "ann", "2005", "unknown")],
                   {"ann": (parse_date("2015-06-10"), "persons.csv:2")}, [], [])
    bounds = result.bounds["p1"]
    assert bounds.end_latest == dt.date(2015, 6, 11) and result.findings == []
    assert bounds.reasons() == ["end <= 2015-06-11: death (ann died 2015-06-10, persons.csv:2)"]


def test_a_stated_date_is_never_overridden_and_the_conflict_is_said_once():
    result = infer([chair("p1", "ann", "2005", "2017")], {},
                   [BodyEvent("bodies.csv:3", "g", parse_date("2014"), "abolished")], [])
    assert result.bounds["p1"].end_latest == dt.date(2017, 12, 31)
    assert [(f.severity, f.ref) for f in result.findings] == [("warning", "p1")]


def test_a_post_still_held_by_the_dead_is_a_conflict():
    result = infer([chair("p1", "ann", "2005", None)],
                   {"ann": (parse_date("2015-06-10"), "persons.csv:2")}, [], [])
    assert result.bounds["p1"].open_end
    assert "stated as still held" in result.findings[0].message


def test_succession_leaves_competing_claims_alone():
    claims = [chair("p1", "ann", "2001", "unknown", dispute="d"),
              chair("p2", "ben", "2005", None, dispute="d")]
    result = infer(claims, {}, [], [])
    assert result.bounds["p1"].end_latest is None


def test_the_bounds_extract_is_valid_with_one_warning_naming_both_rows():
    result = invoke("validate", EXTRACTS / "bounds")
    assert result.code == 0
    assert result.err.splitlines() == [
        "positions.csv:14: warning: stated end 2017 is after 2014-12-31, the latest end by "
        "body end (k1 abolished 2014, bodies.csv:6)"]
