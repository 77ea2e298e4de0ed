"""Output people read: terminal tables that fit, with Chinese characters counted as wide."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd

from lsg_graph.output import display_width, render

FRAME = pd.DataFrame({
    "person": ["Xi Jinping", "Li Keqiang"],
    "person_zh": ["习近平", None],
    "bodies": [["Central Foreign Affairs Commission", "Central Military Commission"], []],
    "since": [dt.date(2012, 11, 15), None],
    "share": [0.5, float("nan")],
})


def test_chinese_characters_take_two_columns():
    assert display_width("习近平") == 6 and display_width("Xi") == 2


def test_table_columns_line_up_with_wide_characters():
    header, rule, first, second = render(FRAME, "table", width=200).splitlines()

    def column_start(line: str, text: str) -> int:
        return display_width(line[: line.index(text)])

    assert column_start(first, "Central") == column_start(header, "bodies")
    assert column_start(first, "2012-11-15") == column_start(header, "since")
    assert "习近平" in first and "Central Foreign Affairs Commission; Central Mili" in first
    assert second.startswith("Li Keqiang")


def test_table_is_clipped_to_the_width():
    text = render(FRAME, "table", width=50)
    assert all(display_width(line) <= 50 for line in text.splitlines())
    assert "…" in text


def test_json_keeps_lists_and_dates_and_nulls():
    rows = json.loads(render(FRAME, "json"))
    assert rows[0]["bodies"] == ["Central Foreign Affairs Commission",
                                 "Central Military Commission"]
    assert rows[0]["since"] == "2012-11-15"
    assert rows[1]["share"] is None and rows[1]["person_zh"] is None


def test_csv_joins_lists_with_semicolons():
    csv_text = render(FRAME, "csv")
    assert "Central Foreign Affairs Commission; Central Military Commission" in csv_text


def test_neo4j_values_become_plain_json():
    from neo4j.spatial import CartesianPoint
    from neo4j.time import Date, DateTime, Duration

    frame = pd.DataFrame({
        "day": [Date(2019, 6, 1)],
        "moment": [DateTime(2019, 6, 1, 12, 30, 0)],
        "span": [Duration(days=1, hours=2)],
        "spot": [CartesianPoint((1.5, 2.5))],
    })
    row = json.loads(render(frame, "json"))[0]
    assert row == {"day": "2019-06-01", "moment": "2019-06-01T12:30:00.000000000",
                   "span": "P1DT2H", "spot": {"srid": 7203, "x": 1.5, "y": 2.5}}
    assert render(frame, "csv").splitlines()[1].startswith("2019-06-01,2019-06-01T12:30:00")


def test_the_band_spans_what_the_open_seats_could_make_of_the_top_share():
    from lsg_graph.output import uncertainty_band

    frame = pd.DataFrame({"year": [2010, 2011], "chairmanships": [4, 0], "top_chairs": [2, None],
                          "undecided": [3, 0], "disputed": [1, 0]})
    (share_low, share_high), (count_low, count_high) = uncertainty_band(frame)
    assert list(share_low) == [0.25, 0.0] and list(share_high) == [0.75, 0.0]
    assert list(count_low) == [4, 0] and list(count_high) == [8, 0]
