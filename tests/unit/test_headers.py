"""Query files: every header parses, and its declared parameters are exactly the ones its
body uses (as aiosql checks its SQL files)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lsg_graph.analyses import analyses, parse_header

ALL = sorted(analyses().values(), key=lambda a: a.name)


def used_parameters(text: str) -> set[str]:
    body = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("//"))
    return set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", body))


@pytest.mark.parametrize("analysis", ALL, ids=[a.name for a in ALL])
def test_declared_parameters_are_the_used_ones(analysis):
    assert {p.name for p in analysis.params} == used_parameters(analysis.text)


def test_a_malformed_param_line_names_its_line(tmp_path: Path):
    bad = tmp_path / "bad.cypher"
    bad.write_text("// name: bad\n// description: d\n// param: as_of datetime -- a day\n"
                   "RETURN 1")
    with pytest.raises(ValueError, match=r"bad.cypher:3: a param line reads"):
        parse_header(bad)


def test_defaults_are_typed():
    chair_count = {p.name: p for p in analyses()["chair-count"].params}
    assert str(chair_count["as_of"].default) == "2019-06-01"
    assert chair_count["portfolio"].optional and chair_count["portfolio"].default is None
    assert chair_count["lineage"].default is False


@pytest.mark.parametrize("analysis", ALL, ids=[a.name for a in ALL])
def test_no_analysis_reads_or_writes_outside_the_graph(analysis):
    body = "\n".join(ln for ln in analysis.text.splitlines() if not ln.startswith("//"))
    forbidden = re.compile(r"(?i)\bLOAD\s+CSV\b|apoc\.(load|import|export|periodic|cypher)|"
                           r"\b(CREATE|MERGE|DELETE|SET|REMOVE)\b|file:|https?:")
    assert not forbidden.search(body)
