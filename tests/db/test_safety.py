"""Safe by default: queries read the graph and nothing else, the local server is locked down,
and every fault a user can meet is one line with nothing half-written."""

from __future__ import annotations

import signal
import stat
import subprocess
import threading
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError
from proxy import DroppingProxy

from conftest import HAND, fingerprint, invoke, wipe
from lsg_graph import Database, Settings
from lsg_graph.server import LocalServer
from lsg_graph.synth import write_synthetic


def one_line_error(result) -> str:
    assert result.code == 1, result.out + result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("lsg-graph: error: "), result.err
    assert "Traceback" not in result.err
    return lines[0]


# -- what queries may read ------------------------------------------------------------------

@pytest.mark.parametrize("url", ["file:/etc/passwd", "file:///etc/passwd",
                                 "file:///../../../../etc/passwd"])
def test_a_read_only_query_reads_no_file_outside_the_import_folder(local, lsg, url):
    result = lsg("query", f"LOAD CSV FROM '{url}' AS r RETURN r[0] AS line")
    message = one_line_error(result)
    assert "root:" not in result.out + result.err
    assert "queries may read only the graph" in message


def test_a_query_reaches_no_network_address(local, lsg):
    result = lsg("query", "LOAD CSV FROM 'http://127.0.0.1:7475/browser/' AS r RETURN r")
    one_line_error(result)


def test_the_import_folder_is_the_one_place_load_csv_reads(local, lsg):
    (local.import_dir / "probe.csv").write_text("a,b\n1,2\n")
    try:
        result = lsg("query", "LOAD CSV WITH HEADERS FROM 'file:///probe.csv' AS r "
                              "RETURN r.b AS b", "--format", "csv")
        assert result.code == 0, result.err
        assert result.out.splitlines() == ["b", "2"]
    finally:
        (local.import_dir / "probe.csv").unlink()


def test_apoc_offers_no_file_network_or_export_procedure(local, session_db):
    names = [r["name"] for kind in ("PROCEDURES", "FUNCTIONS") for r in session_db.read(
        f"SHOW {kind} YIELD name WHERE name STARTS WITH 'apoc' RETURN name")]
    assert "apoc.version" in names
    assert [n for n in names if n.split(".")[1] in ("load", "export", "import", "cypher",
                                                    "periodic", "systemdb", "trigger",
                                                    "create", "merge", "refactor", "nodes",
                                                    "convert", "lock", "graph")] == []
    modes = session_db.read("SHOW PROCEDURES YIELD name, mode WHERE name STARTS WITH 'apoc' "
                            "AND mode IN ['WRITE', 'SCHEMA', 'DBMS'] RETURN name")
    assert modes == []
    conf = (local.home / "conf" / "neo4j.conf").read_text()
    assert "procedures.unrestricted" not in conf


# -- secrets and files ----------------------------------------------------------------------

def test_the_local_password_goes_to_the_local_server_only(tmp_path, monkeypatch):
    monkeypatch.setenv("LSG_GRAPH_HOME", str(tmp_path))
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    local = LocalServer("default")
    local.password()  # made on first use
    monkeypatch.setenv("NEO4J_URI", "neo4j+s://elsewhere.example.org:7687")
    assert Settings.resolve().password == ""
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:7687")
    assert Settings.resolve().password == local.password()
    monkeypatch.delenv("NEO4J_URI")
    assert Settings.resolve().password == local.password()


def test_the_instance_folder_and_password_are_the_owners_only(local):
    assert stat.S_IMODE(local.home.stat().st_mode) == 0o700
    assert stat.S_IMODE(local.password_file.stat().st_mode) == 0o600


def test_stop_never_signals_a_process_that_is_not_this_neo4j(tmp_path):
    bystander = subprocess.Popen(["sleep", "60"])
    try:
        impostor = LocalServer("reused", root=tmp_path)
        impostor.home.mkdir(parents=True)
        impostor.state_file.write_text(
            f'{{"pid": {bystander.pid}, "version": "5.26.0", "bolt_port": 7690, '
            f'"http_port": 7691, "home": "{impostor.home}", "started_at": 0}}')
        assert impostor.stop() is False
        assert bystander.poll() is None  # still alive
    finally:
        bystander.kill()
        bystander.wait()


@pytest.mark.slow
def test_a_new_server_never_listens_with_the_default_password(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    fresh = LocalServer("firststart", bolt_port=7696, http_port=7697, log=lambda _: None)
    try:
        fresh.start()
        with pytest.raises(AuthError), GraphDatabase.driver(
                "bolt://127.0.0.1:7696", auth=("neo4j", "neo4j")) as driver:
            driver.verify_connectivity()
        with GraphDatabase.driver("bolt://127.0.0.1:7696",
                                  auth=("neo4j", fresh.password())) as driver:
            driver.verify_connectivity()
    finally:
        fresh.stop()
        import shutil

        shutil.rmtree(fresh.home, ignore_errors=True)


# -- concurrent loads -----------------------------------------------------------------------

def renamed_copy(tmp_path, name: str):
    folder = tmp_path / name
    import shutil

    shutil.copytree(HAND, folder)
    manifest = (folder / "manifest.json").read_text().replace('"name": "hand"',
                                                             f'"name": "{name}"')
    (folder / "manifest.json").write_text(manifest)
    return folder


def load_at_once(settings: Settings, folders: list) -> None:
    errors: list[BaseException] = []

    def work(folder) -> None:
        try:
            with Database(settings) as own:
                own.load(folder)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(f,)) for f in folders]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_two_datasets_sharing_nodes_loaded_at_once_keep_both_memberships(db, settings,
                                                                        tmp_path):
    a, b = renamed_copy(tmp_path, "first"), renamed_copy(tmp_path, "second")
    for _ in range(5):
        wipe(db)
        load_at_once(settings, [a, b])
        memberships = {r["id"]: sorted(r["datasets"]) for r in db.read(
            "MATCH (n) WHERE NOT n:LsgGraph RETURN n.id AS id, n.datasets AS datasets")}
        assert len(memberships) == 16  # every node of the hand extract, each shared
        assert all(m == ["first", "second"] for m in memberships.values()), memberships
        db.unload("first")
        assert db.read("MATCH (n:Person) RETURN count(n) AS n")[0]["n"] == 4
        assert db.read("MATCH ()-[r]->() WHERE r.dataset = 'first' RETURN count(r) AS n"
                       )[0]["n"] == 0
        db.unload("second")
        assert db.read("MATCH (n) RETURN count(n) AS n")[0]["n"] == 0


def test_four_loads_of_one_dataset_at_once_equal_one_load(db, settings):
    db.load(HAND)
    once = fingerprint(db)
    wipe(db)
    load_at_once(settings, [HAND] * 4)
    assert fingerprint(db) == once


# -- faults ---------------------------------------------------------------------------------

def test_a_wrong_password_is_one_line(bundled_db, lsg, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    assert "rejected user 'neo4j'" in one_line_error(lsg("analyze", "chair-count"))


def test_a_wrong_database_name_is_one_line(bundled_db, lsg):
    message = one_line_error(lsg("--database", "nosuch", "analyze", "chair-count"))
    assert "has no database 'nosuch'" in message


@pytest.mark.parametrize(("target", "reason"), [
    ("/dev/full", "No space left on device"),
    ("/sys/lsg-graph-out.csv", "Permission denied"),
])
def test_a_full_disk_or_an_unwritable_folder_is_one_line(bundled_db, lsg, target, reason):
    message = one_line_error(lsg("analyze", "general-secretaries", "--output", target))
    assert message == f"lsg-graph: error: cannot write {target}: {reason}"


BIG_ANSWER = "UNWIND range(1, 300000) AS x RETURN x, 'row ' + toString(x) AS label"


def test_a_dropped_connection_is_retried_with_one_line_of_progress(bundled_db, lsg,
                                                                   monkeypatch, settings):
    proxy = DroppingProxy(int(settings.uri.rsplit(":", 1)[1]))
    try:
        monkeypatch.setenv("NEO4J_URI", proxy.uri)
        expected = invoke("query", BIG_ANSWER, "--format", "csv")
        proxy.drop_after(100_000)  # mid-answer: the answer is a few megabytes
        result = lsg("query", BIG_ANSWER, "--format", "csv")
        assert result.code == 0, result.err
        assert result.out == expected.out
        assert proxy.drops >= 1
        assert result.err.strip().splitlines() == [
            "lsg-graph: the connection to Neo4j dropped; retrying ..."]
    finally:
        proxy.close()


@pytest.mark.slow
def test_a_connection_lost_for_good_mid_analysis_is_one_line(bundled_db, lsg, monkeypatch,
                                                             settings):
    proxy = DroppingProxy(int(settings.uri.rsplit(":", 1)[1]))
    try:
        monkeypatch.setenv("NEO4J_URI", proxy.uri)
        invoke("analyze", "general-secretaries")  # connected
        proxy.drop_after(100_000, then_refuse=True)
        result = lsg("query", BIG_ANSWER)
        *progress, last = result.err.strip().splitlines()
        assert result.code == 1 and "lost the connection to Neo4j" in last, result.err
        assert progress in ([], ["lsg-graph: the connection to Neo4j dropped; retrying ..."])
        assert "will be retried" not in result.err
    finally:
        proxy.close()


def test_a_load_cut_short_by_a_dropped_connection_completes(db, lsg, monkeypatch, settings):
    proxy = DroppingProxy(int(settings.uri.rsplit(":", 1)[1]))
    try:
        monkeypatch.setenv("NEO4J_URI", proxy.uri)
        invoke("init")
        proxy.drop_after(20_000)
        result = lsg("load", HAND, "--batch-size", "2")
        assert result.code == 0, result.err
        assert "Transaction failed" not in result.err
        again = lsg("load", HAND)
        assert "nothing changed" in again.out, again.out
    finally:
        proxy.close()
    with Database(Settings.resolve(uri=settings.uri, password=settings.password)) as fresh:
        fresh.write("MATCH (n) DETACH DELETE n")
        fresh.load(HAND)
        clean = fingerprint(fresh)
    wipe(db)
    db.load(HAND)
    assert fingerprint(db) == clean


@pytest.mark.slow
def test_a_server_killed_mid_load_is_one_line_and_a_rerun_completes(local, db, lsg, settings,
                                                                    tmp_path):
    extract = write_synthetic(tmp_path / "big", positions=20_000)
    db.load(HAND)  # another dataset, which must come through untouched
    before_hand = fingerprint(db)
    loader = subprocess.Popen(
        [".venv/bin/lsg-graph", "load", str(extract), "--batch-size", "200"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={"NEO4J_URI": settings.uri, "NEO4J_PASSWORD": settings.password,
             "PATH": "/usr/bin:/bin"})
    import time

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and db.read(
            "MATCH ()-[r]->() WHERE r.dataset = 'synthetic' RETURN count(r) AS n")[0]["n"] < 2000:
        time.sleep(0.2)
    local_state = local.read_state()
    import os

    os.kill(local_state.pid, signal.SIGKILL)
    out, err = loader.communicate(timeout=120)
    assert loader.returncode == 1
    *progress, last = err.strip().splitlines()
    assert last.startswith("lsg-graph: error: ") and "Transaction failed" not in err, err
    assert progress in ([], ["lsg-graph: the connection to Neo4j dropped; retrying ..."]), err
    local.start()
    session = Database(settings)
    try:
        session.load(extract)
        counts = session.read("MATCH ()-[r:CHAIRS|MEMBER_OF]->() WHERE r.dataset = 'synthetic' "
                              "RETURN count(r) AS n, count(DISTINCT r.key) AS keys")[0]
        assert counts["n"] == counts["keys"] == 20_000
        assert [x for x in fingerprint(session) if "'hand'" in x] == [
            x for x in before_hand if "'hand'" in x]
    finally:
        session.close()


def listening_addresses(port: int) -> set[str]:
    """The local addresses a TCP port listens on, from /proc/net/tcp and tcp6."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


LOOPBACK = {"0100007F",  # 127.0.0.1
            "0000000000000000FFFF00000100007F",  # ::ffff:127.0.0.1
            "00000000000000000000000001000000"}  # ::1


def test_the_server_listens_on_loopback_only(local):
    state = local.read_state()
    for port in (state.bolt_port, state.http_port, state.kit_port):
        addresses = listening_addresses(port)
        assert addresses and addresses <= LOOPBACK, addresses


def test_browser_collects_no_usage_data_and_fetches_nothing_outside(local, session_db):
    config = {r["name"]: r["value"] for r in session_db.read(
        "CALL dbms.clientConfig() YIELD name, value RETURN name, value")}
    assert config["client.allow_telemetry"] == "false"
    assert config["browser.remote_content_hostname_whitelist"] == "localhost,127.0.0.1"
    assert config["browser.post_connect_cmd"] == (
        f"style http://127.0.0.1:{local.browser_port}/lsg-graph.grass; "
        f"play http://127.0.0.1:{local.browser_port}/guide.html")
