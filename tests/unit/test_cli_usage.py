"""Usage the command line refuses before it touches a database: one line, exit 2."""

from __future__ import annotations

import pytest

from conftest import invoke


@pytest.mark.parametrize(("args", "message"), [
    (("load", "--batch-size", "0"), "Invalid value for '--batch-size': 0 is not in the range"),
    (("load", "--batch-size", "-1"), "Invalid value for '--batch-size'"),
    (("server", "start", "--bolt-port", "70000"), "Invalid value for '--bolt-port'"),
    (("server", "start", "--heap", "4x"), "'4x': write a size such as 512m or 4g"),
    (("synth", "out", "--positions", "0"), "Invalid value for '--positions'"),
    (("analyze", "chair-count", "-p", "as_of"), "'as_of': write key=value"),
    (("analyze", "chair-count", "--format", "xml"), "Invalid value for '--format'"),
    (("--password", "secret", "analyses"), "No such option '--password'"),
    (("no-such-command",), "No such command 'no-such-command'"),
])
def test_bad_usage_is_one_line_and_exit_2(args, message):
    result = invoke(*args)
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("lsg-graph: error: ") and message in lines[0]


def test_help_is_still_help():
    result = invoke("load", "--help")
    assert result.code == 0 and "--batch-size INTEGER RANGE" in result.out


def test_analyses_lists_names_parameters_and_the_browser_line():
    result = invoke("analyses")
    assert result.code == 0
    assert "chair-count" in result.out and "--param as_of=<date>" in result.out
    assert (":params {as_of: '2019-06-01', portfolio: null, lineage: false, "
            "min_confidence: 'medium'}") in result.out


def test_browser_without_a_running_server_says_how_to_start_it(tmp_path):
    result = invoke("--instance", "nowhere", "browser", "--home", tmp_path)
    assert result.code == 3
    assert result.err.strip().splitlines() == [
        "lsg-graph: error: Neo4j Browser is not served for instance 'nowhere': start it with "
        "lsg-graph server start"]
    assert not (tmp_path / "instances" / "nowhere").exists()  # asking creates nothing
