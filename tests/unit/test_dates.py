"""Dates are intervals: a year is a year, not its first day; bounded forms say no earlier,
no later, or between."""

from __future__ import annotations

import datetime as dt

import pytest

from lsg_graph.dates import parse_as_of, parse_date


@pytest.mark.parametrize(("text", "precision", "earliest", "latest"), [
    ("2013", "year", dt.date(2013, 1, 1), dt.date(2013, 12, 31)),
    ("2016-02", "month", dt.date(2016, 2, 1), dt.date(2016, 2, 29)),
    ("2018-03-17", "day", dt.date(2018, 3, 17), dt.date(2018, 3, 17)),
    ("unknown", "unknown", None, None),
    ("2018-03..2018-05-15", "range", dt.date(2018, 3, 1), dt.date(2018, 5, 15)),
    ("..2018-05", "range", None, dt.date(2018, 5, 31)),
    ("2013..", "range", dt.date(2013, 1, 1), None),
    ("2018..2019", "range", dt.date(2018, 1, 1), dt.date(2019, 12, 31)),
])
def test_a_partial_date_is_an_interval(text, precision, earliest, latest):
    value = parse_date(text)
    assert (value.precision, value.earliest, value.latest) == (precision, earliest, latest)


@pytest.mark.parametrize(("text", "message"), [
    ("2013/05/01", "is not a date"),
    ("2013-5", "is not a date"),
    ("2013-00", "no month 0"),
    ("2013-02-29", "has no day 29"),
    ("0999", "out of range"),
    ("", "is not a date"),
    ("..", "a range needs at least one side"),
    ("2019..2018-05", "the earliest day comes after the latest"),
    ("2018-13..", "no month 13"),
    ("2018-03...2018-04", "is not a date"),
])
def test_bad_dates_say_what_is_wrong(text, message):
    with pytest.raises(ValueError, match=message):
        parse_date(text)


def test_as_of_needs_a_whole_day():
    assert parse_as_of("2019-06-01") == dt.date(2019, 6, 1)
    with pytest.raises(ValueError, match="full date"):
        parse_as_of("2019-06")


@pytest.mark.parametrize("text", ["2013", "2016-02", "2018-03-17", "2018-03-01..2018-05-15",
                                  "..2018-05-31", "2013-01-01..", "unknown"])
def test_what_the_graph_stores_gives_the_same_bounds_back(text):
    from lsg_graph.dates import from_stored

    value = parse_date(text)
    again = from_stored(value.earliest, value.latest, value.precision)
    assert (again.earliest, again.latest, again.precision) == (
        value.earliest, value.latest, value.precision)
