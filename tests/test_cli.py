"""The command line, as an analyst uses it: formats, files, plots and plain errors."""

from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="module")
def data(bundled_db):
    return bundled_db


def test_analyses_lists_names_parameters_and_the_browser_line(lsg):
    result = lsg("analyses")
    assert result.code == 0
    assert "chair-count" in result.out and "--param as_of=<date>" in result.out
    assert ":params {as_of: '2019-06-01', portfolio: null, lineage: false}" in result.out


def test_json_is_an_array_of_objects_keyed_by_column(data, lsg):
    result = lsg("analyze", "chair-count", "--param", "as_of=2019-06-01", "--format", "json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert isinstance(rows, list) and rows[0]["person_id"] == "xi-jinping"
    assert set(rows[0]) == {"person_id", "person", "person_zh", "chairs", "bodies",
                            "undecided", "undecided_bodies"}
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
    (("analyze", "chair-count", "-p", "as_of"), "write key=value"),
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
