"""The local Neo4j: 5.26 LTS with APOC and Browser, password on, clean stop and restart, and
plain errors when something is missing."""

from __future__ import annotations

import socket
import stat
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import TEST_INSTANCE
from lsg_graph.errors import LsgGraphError
from lsg_graph.server import LocalServer


def test_status_shows_a_running_5_26_with_bolt_answering(local):
    status = local.status()
    assert status.running and status.bolt_answers
    assert status.state.version.startswith("5.26.")
    assert status.bolt_uri == "bolt://127.0.0.1:7688"


def test_browser_is_served_by_lsg_graph_not_by_neo4j(local):
    """Browser, with lsg-graph's style and guide, comes from the loopback server that confines
    it (browser_kit.py); Neo4j's own copy, which fetches from the internet, is turned off."""
    urls = local.status().kit_urls
    with urllib.request.urlopen(urls["browser"], timeout=10) as response:
        assert response.status == 200
        assert "Neo4j Browser" in response.read().decode("utf-8", "replace")
        assert "connect-src 'self' ws://127.0.0.1:7688" in response.headers[
            "Content-Security-Policy"]
    with urllib.request.urlopen(urls["guide.html"], timeout=10) as response:
        assert "chair-count" in response.read().decode()
    with urllib.request.urlopen(urls["lsg-graph.grass"], timeout=10) as response:
        assert "node.Person" in response.read().decode()
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen("http://127.0.0.1:7475/browser/", timeout=10)
    assert refused.value.code == 404
    with pytest.raises(urllib.error.HTTPError) as outside:  # nothing but its own files
        urllib.request.urlopen(urls["browser"] + "../password", timeout=10)
    assert outside.value.code == 404


def test_apoc_answers(session_db):
    version = session_db.read("RETURN apoc.version() AS v")[0]["v"]
    assert version.startswith("5.26.")


def test_the_password_file_is_private(local):
    mode = stat.S_IMODE(local.password_file.stat().st_mode)
    assert mode == 0o600


def test_starting_a_running_server_is_a_no_op_that_says_so(local, lsg):
    pid = local.status().state.pid
    result = lsg("--instance", "test", "server", "start", "--bolt-port", "7688",
                 "--http-port", "7475")
    assert result.code == 0
    assert "already running" in result.err
    assert local.status().state.pid == pid


def test_stop_then_start_again(local, session_db):
    assert local.stop() is True
    assert not local.status().running
    assert local.stop() is False  # stopping a stopped server says so
    local.start()
    assert local.status().bolt_answers
    assert session_db.read("RETURN 1 AS one") == [{"one": 1}]


def test_a_port_in_use_is_a_one_line_error(lsg, tmp_path):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = lsg("--instance", "porttest", "server", "start", "--home", tmp_path,
                     "--bolt-port", port, "--http-port", port + 1)
    assert result.code == 1
    assert result.err.strip().splitlines() == [
        f"lsg-graph: error: port {port} on 127.0.0.1 is in use: stop what holds it, or pass "
        "--bolt-port/--http-port/--browser-port"]


def test_debug_shows_the_traceback(lsg, tmp_path):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        with pytest.raises(LsgGraphError, match="is in use"):
            lsg("--debug", "--instance", "porttest", "server", "start", "--home", tmp_path,
                "--bolt-port", port)


def test_missing_java_says_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "no-jdk"))
    server = LocalServer("nojava", root=tmp_path, bolt_port=7698, http_port=7699)
    with pytest.raises(LsgGraphError, match="Java 17 or newer is needed"):
        server.start()


def test_missing_maven_says_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    server = LocalServer("nomaven", root=tmp_path)
    with pytest.raises(LsgGraphError, match=r"Maven \(mvn\) is not on PATH"):
        server.provision()


def test_status_of_a_stopped_instance(lsg, tmp_path):
    result = lsg("--instance", "never", "server", "status", "--home", tmp_path)
    assert result.code == 3
    assert "is not running" in result.out


def test_ci_and_the_makefile_start_the_instance_the_tests_use():
    top = Path(__file__).parent.parent.parent
    ports = f"--bolt-port {TEST_INSTANCE['bolt_port']} --http-port {TEST_INSTANCE['http_port']}"
    ci = (top / ".ci" / "run").read_text()
    assert f"--instance {TEST_INSTANCE['instance']}" in ci and ports in ci
    assert ports in (top / "Makefile").read_text()


def test_a_failed_download_says_what_failed(tmp_path):
    from lsg_graph.server import _mvn_copy

    with pytest.raises(LsgGraphError, match="mvn could not fetch no-such-artifact from Maven"):
        _mvn_copy("mvn", tmp_path, "lib", [("org.neo4j", "no-such-artifact", "0.0.1")],
                  transitive=False, log=lambda _: None)
