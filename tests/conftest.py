"""Fixtures: a real Neo4j for every database test (tests/db), none for the unit tier
(tests/unit, `pytest -m unit`).

The session uses the server named by NEO4J_URI when it is set (it is wiped: point it at a
scratch database), otherwise it starts the local `test` instance (Bolt 7688, HTTP 7475) and
stops it at the end if it started it. A database that cannot be reached fails the run; no
test is ever skipped for it.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from lsg_graph import Database, Settings
from lsg_graph.cli import cli
from lsg_graph.errors import LsgGraphError
from lsg_graph.server import LocalServer

EXTRACTS = Path(__file__).parent / "extracts"
HAND = EXTRACTS / "hand"
MALFORMED = Path(__file__).parent / "malformed"
MALFORMED_CASES = sorted(p for p in MALFORMED.iterdir() if p.is_dir())
TEST_INSTANCE = dict(instance="test", bolt_port=7688, http_port=7475)


@pytest.fixture(scope="session")
def test_server() -> Iterator[LocalServer | None]:
    """The local test server, started if needed (None when NEO4J_URI names another)."""
    if os.environ.get("NEO4J_URI"):
        yield None
        return
    server = LocalServer(**TEST_INSTANCE)
    was_running = server.status().running
    try:
        server.start()
    except LsgGraphError as exc:
        pytest.fail(f"cannot start the test Neo4j: {exc}", pytrace=False)
    yield server
    if not was_running:
        server.stop()


@pytest.fixture
def local(test_server: LocalServer | None) -> LocalServer:
    """The local test server, for tests that check the server itself."""
    if test_server is None:
        pytest.fail("these tests check the local server; unset NEO4J_URI to run them",
                    pytrace=False)
    return test_server


@pytest.fixture(scope="session")
def settings(test_server: LocalServer | None) -> Settings:
    if test_server is None:
        return Settings.resolve()
    return Settings.resolve(instance="test")


@pytest.fixture(scope="session")
def session_db(settings: Settings) -> Iterator[Database]:
    db = Database(settings)
    try:
        db.read("RETURN 1 AS ok")
    except LsgGraphError as exc:
        pytest.fail(f"Neo4j is not reachable: {exc}", pytrace=False)
    yield db
    db.close()


def assemble(case: Path, into: Path) -> tuple[Path, dict]:
    """A malformed extract: the hand extract with the case's files laid over it (and its
    deletions made); with the case's metadata (`errors`: the exact problems expected)."""
    folder = into / case.name
    shutil.copytree(HAND, folder)
    meta = json.loads((case / "case.json").read_text())
    for file in case.iterdir():
        if file.name != "case.json":
            shutil.copy(file, folder / file.name)
    for name in meta.get("delete", []):
        (folder / name).unlink()
    return folder, meta


def wipe(db: Database) -> None:
    db.write("MATCH (n) DETACH DELETE n")


@pytest.fixture
def db(session_db: Database) -> Database:
    """A clean database for one test."""
    wipe(session_db)
    return session_db


@pytest.fixture(scope="module")
def hand_db(session_db: Database) -> Database:
    """The hand-built extract, loaded once for a module of read-only tests."""
    wipe(session_db)
    session_db.load(HAND)
    return session_db


@pytest.fixture(scope="module")
def bundled_db(session_db: Database) -> Database:
    """The bundled dataset, loaded once for a module of read-only tests."""
    wipe(session_db)
    session_db.load()
    return session_db


def fingerprint(db: Database) -> list:
    """Every node and edge with its properties: equal fingerprints mean an unchanged graph."""
    nodes = db.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props "
                    "ORDER BY n.id")
    edges = db.read("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, "
                    "properties(r) AS props ORDER BY r.key")
    return [repr(sorted(x.items())) for x in nodes + edges]


@dataclass
class CliResult:
    """What one `lsg-graph` run printed and returned."""

    code: int
    out: str
    err: str


def invoke(*args: object, catch: bool = True) -> CliResult:
    """Run `lsg-graph ARGS...` in-process with click's CliRunner (no terminal, no stdin)."""
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=catch,
                                prog_name="lsg-graph")
    if catch and result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return CliResult(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def lsg(settings: Settings, monkeypatch: pytest.MonkeyPatch):
    """Run `lsg-graph ARGS...` in-process against the test database."""
    monkeypatch.setenv("NEO4J_URI", settings.uri)
    monkeypatch.setenv("NEO4J_USERNAME", settings.username)
    monkeypatch.setenv("NEO4J_PASSWORD", settings.password)
    monkeypatch.setenv("NEO4J_DATABASE", settings.database)
    return invoke


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests under tests/unit run without a server (marker `unit`); the rest need one (`db`)."""
    for item in items:
        tier = "unit" if "unit" in item.path.parent.parts[-1:] else "db"
        item.add_marker(getattr(pytest.mark, tier))
