"""The command line, as an analyst uses it: formats, files, plots and plain errors."""

from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="module")
def data(bundled_db):
    return bundled_db


def test_json_is_an_array_of_objects_keyed_by_column(data, lsg):
    result = lsg("analyze", "chair-count", "--param", "as_of=2019-06-01", "--format", "json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert isinstance(rows, list) and rows[0]["person_id"] == "xi-jinping"
    assert set(rows[0]) == {"person_id", "person", "person_zh", "chairs", "bodies", "disputed",
                            "disputed_bodies", "undecided", "undecided_bodies"}
    assert rows[0]["person_zh"] == "习近平"


def test_csv_markdown_and_output_file(data, lsg, tmp_path):
    out = tmp_path / "fa.csv"
    result = lsg("analyze", "lineage", "-p", "body=Central Foreign Affairs Commission",
                 "--format", "csv", "--output", out)
    assert result.code == 0 and f"wrote {out}" in result.err
    header, *lines = out.read_text(encoding="utf-8").splitlines()
    assert header.startswith("asked,from_id,from_body,change,date")
    assert any("central-foreign-affairs-lsg" in ln and "upgraded" in ln for ln in lines)
    md = lsg("analyze", "general-secretaries", "--format", "markdown")
    assert md.out.startswith("| person_id | person |")


def test_table_output_fits_the_terminal_and_prints_chinese(data, lsg, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = lsg("analyze", "chair-count", "-p", "as_of=2019-06-01")
    from lsg_graph.output import display_width

    assert all(display_width(line) <= 80 for line in result.out.splitlines())
    assert "习近平" in result.out


def test_plot_is_written(data, lsg, tmp_path):
    png = tmp_path / "timeline.png"
    result = lsg("analyze", "concentration-timeline", "--plot", png)
    assert result.code == 0, result.err
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(("args", "message"), [
    (("analyze", "no-such"), "no analysis named 'no-such'"),
    (("analyze", "chair-count", "-p", "when=2019-06-01"), "unknown parameter 'when'"),
    (("analyze", "chair-count", "-p", "as_of=June 2019"), "wants a date"),
    (("analyze", "chair-count", "-p", "as_of=2019"), "give a full date YYYY-MM-DD"),
    (("analyze", "interlocks", "-p", "min_bodies=three"), "wants a int"),
    (("analyze", "chair-count", "-p", "lineage=maybe"), "write true or false"),
])
def test_bad_usage_is_one_line_and_exit_2(lsg, args, message):
    result = lsg(*args)
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.err


def test_ad_hoc_query_reads(data, lsg):
    result = lsg("query", "MATCH (b:Body {id: $id}) RETURN b.name_zh AS zh", "-p",
                 "id=central-foreign-affairs-commission", "--format", "json")
    assert json.loads(result.out) == [{"zh": "中央外事工作委员会"}]


def test_ad_hoc_write_is_refused_by_the_server(data, lsg):
    result = lsg("query", "CREATE (:Person {id: 'intruder'})")
    assert result.code == 1
    assert "refused a write" in result.err
    assert data.read("MATCH (p:Person {id: 'intruder'}) RETURN p") == []


def test_a_server_that_is_not_there_is_a_one_line_error(lsg, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    result = lsg("analyze", "chair-count")
    assert result.code == 1
    assert result.err.strip() == ("lsg-graph: error: cannot reach Neo4j at bolt://127.0.0.1:9: "
                                  "start it with `lsg-graph server start`, or set NEO4J_URI")


def test_load_dry_run_lists_changes(data, lsg):
    result = lsg("load", "--dry-run")
    assert result.code == 0
    assert "lsg-core: nothing changed" in result.out


def test_report_writes_markdown_and_a_plot(data, lsg, tmp_path):
    result = lsg("report", tmp_path / "report")
    assert result.code == 0, result.err
    text = (tmp_path / "report" / "report.md").read_text(encoding="utf-8")
    assert "### Xi Jinping, as of" in text and "### Hu Jintao, as of" in text
    assert "| Foreign Affairs CLGS |" in text and "## What the data does not know" in text
    assert (tmp_path / "report" / "concentration.png").read_bytes()[:4] == b"\x89PNG"


def test_a_named_local_server_that_never_ran_is_not_mistaken_for_another(lsg, monkeypatch,
                                                                          tmp_path):
    monkeypatch.delenv("NEO4J_URI")
    monkeypatch.setenv("LSG_GRAPH_HOME", str(tmp_path))
    result = lsg("--instance", "elsewhere", "analyze", "chair-count")
    assert result.code == 1
    assert "the local server 'elsewhere' is not running" in result.err


EVERY_TYPE = (
    "RETURN date('2019-06-01') AS day, datetime('2019-06-01T12:30:00Z') AS moment, "
    "localtime('08:15') AS clock, duration('P1DT2H') AS span, "
    "point({x: 1.5, y: 2.5}) AS spot, point({longitude: 116.4, latitude: 39.9}) AS place, "
    "[1, 'two', date('2020-01-01')] AS list, {a: 1, b: [true]} AS map, n AS node, r AS rel, "
    "path AS path"
)
EVERY_TYPE_QUERY = (
    "MATCH path = (n:Person {id: 'xi-jinping'})-[r:CHAIRS]->(:Body "
    "{id: 'central-foreign-affairs-commission'}) " + EVERY_TYPE
)


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "table"])
def test_every_neo4j_value_type_prints_in_every_format(data, lsg, fmt, monkeypatch):
    monkeypatch.setenv("COLUMNS", "1000")  # a table is clipped to the terminal otherwise
    result = lsg("query", EVERY_TYPE_QUERY, "--format", fmt)
    assert result.code == 0, result.err
    assert "2019-06-01" in result.out and "P1DT2H" in result.out
    if fmt == "json":
        row = json.loads(result.out)[0]
        assert row["day"] == "2019-06-01" and row["moment"].startswith("2019-06-01T12:30:00")
        assert row["clock"].startswith("08:15:00") and row["span"] == "P1DT2H"
        assert row["spot"] == {"srid": 7203, "x": 1.5, "y": 2.5}
        assert row["place"]["srid"] == 4326 and row["place"]["x"] == pytest.approx(116.4)
        assert row["list"] == [1, "two", "2020-01-01"] and row["map"] == {"a": 1, "b": [True]}
        assert row["node"]["labels"] == ["Person"]
        assert row["node"]["properties"]["name"] == "Xi Jinping"
        assert row["rel"]["type"] == "CHAIRS" and row["rel"]["start"] == \
            row["node"]["element_id"]
        assert [n["properties"]["id"] for n in row["path"]["nodes"]] == [
            "xi-jinping", "central-foreign-affairs-commission"]


def test_an_output_file_that_cannot_be_written_is_one_line(data, lsg, tmp_path):
    target = tmp_path / "no-such-folder" / "out.csv"
    result = lsg("analyze", "general-secretaries", "--output", target)
    assert result.code == 1
    assert result.err.strip().splitlines() == [
        f"lsg-graph: error: cannot write {target}: No such file or directory"]


def test_a_plot_that_cannot_be_written_is_one_line(data, lsg, tmp_path):
    result = lsg("analyze", "concentration-timeline", "--plot", tmp_path / "no" / "t.png")
    assert result.code == 1 and len(result.err.strip().splitlines()) == 1
    assert "cannot write" in result.err


def test_a_report_folder_that_cannot_be_made_is_one_line(data, lsg, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = lsg("report", blocker / "report")
    assert result.code == 1
    assert result.err.strip().splitlines() == [
        f"lsg-graph: error: cannot create the report folder {blocker / 'report'}: "
        "Not a directory"]


def test_the_html_report_is_one_self_contained_page(data, lsg, tmp_path):
    import re

    page = tmp_path / "report.html"
    result = lsg("report", page)
    assert result.code == 0, result.err
    html = page.read_text(encoding="utf-8")
    for heading in ("Who chairs what now", "Chairs held at the midpoint",
                    "Concentration of chairmanships from Jiang to Hu to Xi",
                    "The 2018 upgrades and their lineage", "What the data does not know",
                    "Sources cited"):
        assert f"{heading}" in html, heading
    images = re.findall(r'<img [^>]*src="([^"]+)"', html)
    assert images and all(src.startswith("data:image/png;base64,") for src in images)
    assert "<script" not in html and "<link" not in html and "@import" not in html
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    assert external and all(re.search(r'<li><code>[^<]+</code> <a href="' + re.escape(url),
                                      html) for url in external[:20])
    assert "Central Foreign Affairs Leading Small Group" in html  # the 2018 upgrade
