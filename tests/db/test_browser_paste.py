"""Every query file runs unchanged in Neo4j Browser: the file's whole text (header comments
included) is sent as it is, with the parameters Browser's `:params` line would set."""

from __future__ import annotations

import re

import pytest

from lsg_graph import analyses

ALL = sorted(analyses().values(), key=lambda a: a.name)


def browser_params(db, analysis) -> dict:
    """The parameters Browser sets from the `:params {...}` line. Browser takes the map's
    values as literals (a call such as date('...') would stay a string), so the line must hold
    only plain literals; those read the same as a Cypher map literal."""
    line = analysis.browser_params()
    assert line.startswith(":params {") and line.endswith("}")
    literal = line[len(":params "):]
    assert not re.search(r"\w\(", literal), f"{line}: Browser would not evaluate a call"
    return db.read(f"RETURN {literal} AS params")[0]["params"]


def test_every_analysis_in_the_contract_exists():
    assert {a.name for a in ALL} >= {
        "chair-count", "positions-of", "concentration-timeline", "era-compare", "lineage",
        "reporting-chain", "interlocks", "portfolio-table", "centrality", "chair-transfers",
        "coverage", "body-history", "general-secretaries"}


@pytest.mark.parametrize("analysis", ALL, ids=[a.name for a in ALL])
def test_the_file_text_runs_as_browser_sends_it(bundled_db, analysis):
    params = browser_params(bundled_db, analysis)
    assert set(params) == {p.name for p in analysis.params}
    with bundled_db.runner.driver.session(database=bundled_db.settings.database) as session:
        raw = session.run(analysis.path.read_text(encoding="utf-8"), params).data()
    through_python = bundled_db.analyze(analysis.name)
    assert len(raw) == len(through_python)
    if raw:  # what lsg-graph computes from the result (centrality) comes after its columns
        assert list(through_python.columns)[:len(raw[0])] == list(raw[0])
