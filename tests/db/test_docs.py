"""Docs that run: every Cypher example in the README and docs/ runs on the bundled dataset and
returns rows, and every example output is what the command prints today."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

TOP = Path(__file__).parent.parent.parent
SPEC = importlib.util.spec_from_file_location("docs_outputs", TOP / "tools" / "docs_outputs.py")
docs_outputs = importlib.util.module_from_spec(SPEC)
sys.modules["docs_outputs"] = docs_outputs
SPEC.loader.exec_module(docs_outputs)

CYPHER = [
    (document.name, i, block)
    for document in docs_outputs.DOCUMENTS
    for i, block in enumerate(re.findall(r"```cypher\n(.*?)```", document.read_text(), re.S))
]
EXAMPLES = [e for document in docs_outputs.DOCUMENTS for e in docs_outputs.examples(document)]


def test_the_docs_have_examples_to_check():
    assert len(CYPHER) >= 5 and len(EXAMPLES) >= 3


@pytest.mark.parametrize(("document", "index", "cypher"), CYPHER,
                         ids=[f"{d}-{i}" for d, i, _ in CYPHER])
def test_cypher_example_runs_and_returns_rows(bundled_db, document, index, cypher):
    assert len(bundled_db.query(cypher)) > 0, f"{document} example {index} returned no rows"


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.command for e in EXAMPLES])
def test_example_output_is_what_the_command_prints(bundled_db, settings, example):
    env = {"NEO4J_URI": settings.uri, "NEO4J_USERNAME": settings.username,
           "NEO4J_PASSWORD": settings.password, "NEO4J_DATABASE": settings.database}
    fresh = docs_outputs.expected(example, docs_outputs.cli_runner(env))
    assert example.shown == fresh, (
        f"{example.document.name} shows stale output of `{example.command}`: run "
        "`python tools/docs_outputs.py --write` against a database with the bundled dataset")
