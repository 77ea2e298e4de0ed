"""A local Neo4j Community 5.26 LTS server, provisioned from Maven Central with `mvn`.

Layout under the cache folder (`LSG_GRAPH_HOME`, default `~/.cache/lsg-graph`):

    dist/<version>/lib, plugins     jars, resolved once by mvn and reused
    instances/<name>/conf, data, logs, run, password, server.json
    instances/<name>/browser        lsg-graph's Browser style and guide, served with Neo4j
                                    Browser by a loopback process (browser_kit.py) that starts
                                    and stops with Neo4j
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from . import browser_kit
from .errors import LsgGraphError

NEO4J_RANGE = "[5.26.0,5.27)"
APOC_RANGE = "[5.26.0,5.27)"
BROWSER_VERSION = "5.24.0"  # the newest org.neo4j.client:neo4j-browser on Maven Central
DEFAULT_BOLT_PORT = 7687
DEFAULT_HTTP_PORT = 7474
START_TIMEOUT_S = 180
# What the server may load beyond Neo4j's own procedures: APOC's side-effect-free functions
# and read procedures (no file, network, export or write procedure).
PROCEDURES_ALLOWED = ("db.*", "dbms.*", "tx.*", "apoc.version", "apoc.coll.*", "apoc.map.*",
                      "apoc.text.*", "apoc.date.*", "apoc.temporal.*", "apoc.math.*",
                      "apoc.number.*", "apoc.agg.*", "apoc.meta.*", "apoc.label.*",
                      "apoc.path.*")

JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
]


def cache_root(override: str | os.PathLike[str] | None = None) -> Path:
    """The cache folder: the argument, else $LSG_GRAPH_HOME, else the user's cache dir."""
    if override:
        return Path(override).expanduser()
    if os.environ.get("LSG_GRAPH_HOME"):
        return Path(os.environ["LSG_GRAPH_HOME"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "lsg-graph"


@dataclass
class ServerState:
    """What `server.json` records about a started instance."""

    pid: int
    version: str
    bolt_port: int
    http_port: int
    home: str
    started_at: float
    kit_pid: int | None = None  # the Browser kit server (browser_kit.py)
    kit_port: int | None = None


@dataclass
class Status:
    """What `status` reports."""

    instance: str
    running: bool
    bolt_answers: bool
    state: ServerState | None

    @property
    def bolt_uri(self) -> str | None:
        return f"bolt://127.0.0.1:{self.state.bolt_port}" if self.state else None

    @property
    def kit_urls(self) -> dict[str, str]:
        """Where Browser, its style and guide are served ({} when that server is not running).
        """
        state = self.state
        if state is None or not state.kit_port or not _pid_alive(state.kit_pid or 0):
            return {}
        return browser_kit.kit_urls(state.kit_port)

    @property
    def browser_url(self) -> str | None:
        return self.kit_urls.get("browser")


class LocalServer:
    """One named Neo4j instance under the cache folder."""

    def __init__(
        self,
        instance: str = "default",
        root: str | os.PathLike[str] | None = None,
        bolt_port: int = DEFAULT_BOLT_PORT,
        http_port: int = DEFAULT_HTTP_PORT,
        browser_port: int | None = None,
        log=print,
        heap: str | None = None,
        pagecache: str | None = None,
    ) -> None:
        if not re.fullmatch(r"[A-Za-z0-9_-]+", instance):
            raise LsgGraphError(f"instance name {instance!r}: use letters, digits, - and _ only")
        self.instance = instance
        self.root = cache_root(root)
        self.home = self.root / "instances" / instance
        self.bolt_port = bolt_port
        self.http_port = http_port
        self.browser_port = browser_port or http_port + browser_kit.PORT_OFFSET
        self.log = log
        self.heap = memory_size(heap) if heap else default_heap()
        self.pagecache = memory_size(pagecache) if pagecache else default_pagecache()

    # -- files ----------------------------------------------------------------------------
    @property
    def state_file(self) -> Path:
        return self.home / "server.json"

    @property
    def password_file(self) -> Path:
        return self.home / "password"

    @property
    def console_log(self) -> Path:
        return self.home / "logs" / "console.log"

    def read_state(self) -> ServerState | None:
        try:
            return ServerState(**json.loads(self.state_file.read_text()))
        except (OSError, ValueError, TypeError):
            return None

    def password(self) -> str:
        """NEO4J_PASSWORD if set, else the one kept in the instance folder (made on first use)."""
        if os.environ.get("NEO4J_PASSWORD"):
            return os.environ["NEO4J_PASSWORD"]
        if self.password_file.exists():
            return self.password_file.read_text().strip()
        self._make_home()
        secret = secrets.token_urlsafe(18)
        fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secret + "\n")
        return secret

    # -- lifecycle ------------------------------------------------------------------------
    def status(self) -> Status:
        state = self.read_state()
        running = state is not None and _pid_alive(state.pid)
        known = os.environ.get("NEO4J_PASSWORD") or self.password_file.exists()
        answers = running and bool(known) and _bolt_answers(state.bolt_port, self.password())
        return Status(self.instance, running, answers, state if running else None)

    def _make_home(self) -> None:
        """The instance folder, readable by its owner only (the password and data live there)."""
        self.home.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.home.chmod(0o700)

    @property
    def import_dir(self) -> Path:
        """The only folder LOAD CSV may read files from."""
        return self.home / "import"

    def start(self) -> Status:
        """Provision if needed, start, wait for Bolt; a no-op when already running."""
        current = self.status()
        if current.running:
            self.log(f"Neo4j ({self.instance}) is already running, pid {current.state.pid}.")
            state = current.state
            if state.kit_port and not _pid_alive(state.kit_pid or 0) and _port_free(
                    state.kit_port):  # the Browser server died: serve it again
                state.kit_pid = self._start_kit(self.distribution(), state)
                self.state_file.write_text(json.dumps(asdict(state)))
            return self.status()
        java = check_java()
        self._stop_kit()  # left behind by a Neo4j that died
        for port in (self.bolt_port, self.http_port, self.browser_port):
            if not _port_free(port):
                raise LsgGraphError(
                    f"port {port} on 127.0.0.1 is in use: stop what holds it, or pass "
                    "--bolt-port/--http-port/--browser-port"
                )
        dist = self.distribution() or self.provision()
        version = dist.name
        self._write_conf(dist)
        password = self.password()
        if not (self.home / "data" / "databases" / "system").exists():  # its first start
            _set_initial_password(java, dist, self.home, password)
        self.console_log.parent.mkdir(parents=True, exist_ok=True)
        cmd = [
            java,
            f"-Xms{self.heap}",
            f"-Xmx{self.heap}",
            *JVM_FLAGS,
            "-cp",
            f"{dist / 'plugins'}/*:{self.home / 'conf'}/*:{dist / 'lib'}/*",
            "org.neo4j.server.CommunityEntryPoint",
            f"--home-dir={self.home}",
            f"--config-dir={self.home / 'conf'}",
            "--console-mode",
        ]
        with open(self.console_log, "ab") as out:
            proc = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
                cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True, cwd=self.home,
            )
        state = ServerState(proc.pid, version, self.bolt_port, self.http_port, str(self.home),
                            time.time(), None, self.browser_port)
        state.kit_pid = self._start_kit(dist, state)
        self.state_file.write_text(json.dumps(asdict(state)))
        self.log(f"Starting Neo4j {version} ({self.instance}), pid {proc.pid} ...")
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                self.stop()  # the kit server, and the state file
                raise LsgGraphError(
                    f"Neo4j exited with code {proc.returncode} while starting; "
                    f"see {self.console_log}"
                )
            if _port_open(self.bolt_port):
                _await_bolt(self.bolt_port, password)
                return self.status()
            time.sleep(0.5)
        self.stop()
        raise LsgGraphError(f"Neo4j did not answer on Bolt within {START_TIMEOUT_S}s; "
                            f"see {self.console_log}")

    def stop(self, timeout: float = 60.0) -> bool:
        """Shut down cleanly (SIGTERM, then SIGKILL after `timeout`); False if not running.
        A pid that is no longer this instance's Neo4j (a reused pid) is never signalled."""
        state = self.read_state()
        self._stop_kit()
        if state is None or not _pid_alive(state.pid) or not self._is_ours(state.pid):
            self.state_file.unlink(missing_ok=True)
            return False
        os.kill(state.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _pid_alive(state.pid) and time.monotonic() < deadline:
            time.sleep(0.3)
        if _pid_alive(state.pid):
            os.kill(state.pid, signal.SIGKILL)
        self.state_file.unlink(missing_ok=True)
        return True

    def _is_ours(self, pid: int, kit: bool = False) -> bool:
        """Whether process `pid` is this instance's Neo4j (or its Browser kit server), by its
        command line."""
        try:
            argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            return False
        if kit:
            return browser_kit.MODULE.encode() in argv and str(self.kit_dir).encode() in argv
        return (b"org.neo4j.server.CommunityEntryPoint" in argv
                and f"--home-dir={self.home}".encode() in argv)

    def _stop_kit(self) -> None:
        """Stop this instance's Browser server, and any other one it left behind (each
        recognised by its command line, never by pid alone)."""
        pids = [int(entry.name) for entry in Path("/proc").glob("[0-9]*")]
        ours = [pid for pid in pids if _pid_alive(pid) and self._is_ours(pid, kit=True)]
        for pid in ours:
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        # a stopped process shows as a zombie before its threads have let go of the port
        while ours and (any(_pid_alive(pid) for pid in ours)
                        or not _port_free(self.browser_port)) and time.monotonic() < deadline:
            time.sleep(0.1)

    @property
    def kit_dir(self) -> Path:
        """Where the Browser style and guide are written for the kit server."""
        return self.home / "browser"

    def _start_kit(self, dist: Path, state: ServerState) -> int:
        """Serve Browser with lsg-graph's style and guide on 127.0.0.1 (browser_kit.py; the
        process writes the style and guide into kit_dir first); its pid."""
        (jar,) = (dist / "lib").glob("neo4j-browser-*.jar")
        cmd = [sys.executable, "-m", browser_kit.MODULE, "--folder", str(self.kit_dir),
               "--port", str(state.kit_port), "--browser-jar", str(jar),
               "--neo4j-http", f"http://127.0.0.1:{state.http_port}",
               "--bolt-port", str(state.bolt_port)]
        with open(self.home / "logs" / "browser-kit.log", "ab") as out:
            proc = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
                cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True, cwd=self.home)
        return proc.pid

    # -- provisioning -----------------------------------------------------------------------
    def distribution(self) -> Path | None:
        """The newest fully provisioned 5.26.x in the cache, if any."""
        dists = [p for p in (self.root / "dist").glob("5.26.*") if (p / ".complete").exists()]
        return max(dists, key=lambda p: _version_key(p.name)) if dists else None

    def provision(self) -> Path:
        """Resolve Neo4j, APOC core and Browser with mvn into dist/<version>."""
        mvn = shutil.which("mvn")
        if not mvn:
            raise LsgGraphError("Maven (mvn) is not on PATH: install it (e.g. apt-get install "
                                "maven) so that Neo4j can be fetched from Maven Central")
        (self.root / "dist").mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix="staging-", dir=self.root / "dist"))
        try:
            self.log("Provisioning Neo4j 5.26 LTS, APOC core and Browser from Maven Central "
                     "(once; later starts reuse the cache; about 10 minutes on an empty Maven "
                     "cache) ...")
            _mvn_copy(mvn, work, "lib", [("org.neo4j", "neo4j", NEO4J_RANGE)],
                      transitive=True, log=self.log)
            _mvn_copy(mvn, work, "lib", [("org.neo4j.client", "neo4j-browser", BROWSER_VERSION)],
                      transitive=False, log=self.log)
            _mvn_copy(mvn, work, "plugins",
                      [("org.neo4j.procedure", "apoc-core", APOC_RANGE),
                       ("org.neo4j.procedure", "apoc-common", APOC_RANGE)],
                      transitive=True, log=self.log)
            in_lib = {_artifact_name(p.name) for p in (work / "lib").glob("*.jar")}
            for jar in (work / "plugins").glob("*.jar"):
                if _artifact_name(jar.name) in in_lib:
                    jar.unlink()  # the server's own copy wins
            version = _resolved_version(work / "lib")
            (work / "pom.xml").unlink(missing_ok=True)
            (work / ".complete").write_text(version + "\n")
            target = self.root / "dist" / version
            if target.exists():
                shutil.rmtree(target)
            work.rename(target)
            self.log(f"Provisioned Neo4j {version} into {target}")
            return target
        finally:
            if work.exists():
                shutil.rmtree(work, ignore_errors=True)

    def _write_conf(self, dist: Path) -> None:
        self._make_home()
        for sub in ("conf", "data", "logs", "run", "import"):
            (self.home / sub).mkdir(parents=True, exist_ok=True, mode=0o700)
        settings = {
            "server.default_listen_address": "127.0.0.1",
            "server.default_advertised_address": "127.0.0.1",
            "server.bolt.listen_address": f"127.0.0.1:{self.bolt_port}",
            "server.bolt.advertised_address": f"127.0.0.1:{self.bolt_port}",
            "server.http.enabled": "true",
            # Browser is served by browser_kit.py, confined to loopback; not by Neo4j
            "server.http_enabled_modules": "TRANSACTIONAL_ENDPOINTS,UNMANAGED_EXTENSIONS,"
                                           "QUERY_API_ENDPOINTS",
            "server.http.listen_address": f"127.0.0.1:{self.http_port}",
            "server.http.advertised_address": f"127.0.0.1:{self.http_port}",
            "server.https.enabled": "false",
            "dbms.security.auth_enabled": "true",
            "dbms.usage_report.enabled": "false",
            # Neo4j Browser as served here collects no usage data and fetches nothing outside
            "client.allow_telemetry": "false",
            "browser.remote_content_hostname_whitelist": "localhost,127.0.0.1",
            # after login: lsg-graph's style, then its guide (served by browser_kit.py)
            "browser.post_connect_cmd": browser_kit.post_connect_command(self.browser_port),
            "server.directories.data": str(self.home / "data"),
            "server.directories.logs": str(self.home / "logs"),
            "server.directories.run": str(self.home / "run"),
            "server.directories.plugins": str(dist / "plugins"),
            # LOAD CSV reads files from the import folder only, and nothing from the network
            "server.directories.import": str(self.import_dir),
            "internal.dbms.cypher_ip_blocklist": "0.0.0.0/0,::/0",
            "server.memory.heap.initial_size": self.heap,
            "server.memory.heap.max_size": self.heap,
            "server.memory.pagecache.size": self.pagecache,
            # only APOC's pure functions and procedures load: no file, network or export access
            "dbms.security.procedures.allowlist": ",".join(PROCEDURES_ALLOWED),
        }
        text = "# Written by lsg-graph; edits are overwritten at the next start.\n"
        text += "".join(f"{k}={v}\n" for k, v in settings.items())
        (self.home / "conf" / "neo4j.conf").write_text(text)


def memory_size(text: str) -> str:
    """A JVM memory size such as 512m or 4g, checked; ValueError says what is wrong."""
    value = text.strip().lower()
    if not re.fullmatch(r"[1-9][0-9]*[mg]", value):
        raise ValueError(f"{text!r}: write a size such as 512m or 4g")
    return value


def machine_memory_mib() -> int:
    """This machine's memory in MiB (from /proc/meminfo; 4 GiB if it cannot be read)."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 4096


def default_heap() -> str:
    """A sixth of the machine's memory, between 1g and 8g: 4g on a 24 GiB machine."""
    return f"{min(8192, max(1024, machine_memory_mib() // 6))}m"


def default_pagecache() -> str:
    """A sixth of the machine's memory, between 512m and 8g: the store of a million
    positions fits in it with room to spare."""
    return f"{min(8192, max(512, machine_memory_mib() // 6))}m"


def describe(status: Status, local: LocalServer) -> str:
    """What `start` and `status` print: how to connect, or that nothing runs."""
    if not status.running or status.state is None:
        return f"Neo4j ({status.instance}) is not running. Start it with: lsg-graph server start"
    state = status.state
    secret = ("NEO4J_PASSWORD" if os.environ.get("NEO4J_PASSWORD")
              else f"the password in {local.password_file}")
    return "\n".join([
        f"Neo4j {state.version} ({status.instance}) running, pid {state.pid}",
        f"  Bolt:    {status.bolt_uri}  ({'answers' if status.bolt_answers else 'NOT answering'})",
        f"  Browser: {status.browser_url or 'not served (run lsg-graph server start again)'}"
        + ("  (lsg-graph's style and guide after login)" if status.browser_url else ""),
        f"  Login:   user neo4j, {secret}",
        f"  Home:    {state.home}",
    ])


def check_java() -> str:
    """The path of a Java 17+ runtime, or a clear error."""
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java or not Path(java).exists():
        raise LsgGraphError("Java 17 or newer is needed and none is on PATH: install a JDK "
                            "(e.g. apt-get install openjdk-17-jre-headless) or set JAVA_HOME")
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    major = int(match.group(1)) if match else 0
    if major == 1 and match and match.group(2):
        major = int(match.group(2))
    if major < 17:
        raise LsgGraphError(f"Neo4j 5.26 needs Java 17 or newer; {java} is Java {major or '?'}")
    return java


def _mvn_copy(mvn: str, work: Path, into: str, artifacts: list[tuple[str, str, str]],
              transitive: bool, log=print) -> None:
    """Resolve `artifacts` with mvn into work/into, reporting downloads as they go."""
    deps = "".join(
        f"<dependency><groupId>{g}</groupId><artifactId>{a}</artifactId>"
        f"<version>{v}</version></dependency>"
        for g, a, v in artifacts
    )
    (work / "pom.xml").write_text(
        '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
        "<groupId>lsg-graph</groupId><artifactId>neo4j-provision</artifactId>"
        f"<version>1</version><dependencies>{deps}</dependencies></project>"
    )
    cmd = [mvn, "-B", "-C", "-f", str(work / "pom.xml"),
           "dependency:copy-dependencies", "-DincludeScope=runtime",
           f"-DoutputDirectory={work / into}", f"-DexcludeTransitive={str(not transitive).lower()}"]
    names = ", ".join(a for _, a, _ in artifacts)
    for attempt in (1, 2):  # a second try repairs a download cut short
        output = _run_mvn(cmd, names, log)
        if output is None:
            return
        if attempt == 1:
            time.sleep(2)
    errors = [ln for ln in output if "ERROR" in ln][:1]
    detail = errors[0].replace("[ERROR]", "").strip() if errors else " ".join(output[-3:])
    raise LsgGraphError(f"mvn could not fetch {names} from Maven Central: {detail[:300]}")


def _run_mvn(cmd: list[str], names: str, log) -> list[str] | None:
    """Run mvn; None when it succeeds, else its output. Logs a line every 100 downloads."""
    output: list[str] = []
    downloads = 0
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          stdin=subprocess.DEVNULL) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            output.append(line.rstrip())
            if "Downloaded from" in line:
                downloads += 1
                if downloads % 100 == 0:
                    log(f"  {names}: {downloads} files downloaded so far ...")
    return None if proc.returncode == 0 else output


def _artifact_name(jar: str) -> str:
    return re.sub(r"-\d[\w.\-]*\.jar$", "", jar)


def _resolved_version(lib: Path) -> str:
    for jar in lib.glob("neo4j-5.26.*.jar"):
        return jar.name[len("neo4j-"):-len(".jar")]
    raise LsgGraphError(f"mvn ran but no neo4j-5.26.x jar arrived in {lib}")


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", version))


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie child of ours counts as dead
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _bolt_answers(port: int, password: str) -> bool:
    from neo4j import GraphDatabase

    try:
        with GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=("neo4j", password)) as drv:
            drv.verify_connectivity()
        return True
    except Exception:  # noqa: BLE001 - any failure means "does not answer"
        return False


def _set_initial_password(java: str, dist: Path, home: Path, password: str) -> None:
    """Write the password into a new instance's data folder before the server first listens,
    so that it never runs with the default neo4j/neo4j (Neo4j's own admin tool does this)."""
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    done = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [java, "-cp", f"{dist / 'lib'}/*", "org.neo4j.cli.AdminTool", "dbms",
         "set-initial-password", password], env=env, capture_output=True, text=True,
        stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise LsgGraphError(f"could not set the initial Neo4j password: {detail[0][:300]}")


def _await_bolt(port: int, password: str) -> None:
    """Wait until Bolt accepts `password`."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ServiceUnavailable

    uri = f"bolt://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with GraphDatabase.driver(uri, auth=("neo4j", password)) as drv:
                drv.verify_connectivity()
            return
        except AuthError as exc:
            raise LsgGraphError(
                "the local Neo4j rejects the password lsg-graph has for it: set NEO4J_PASSWORD to "
                "the one it was first started with"
            ) from exc
        except ServiceUnavailable:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
