"""lsg-graph's Neo4j Browser: Browser itself (read from its jar), lsg-graph's style and guide
(browser_guide.py), served together on 127.0.0.1 under a Content-Security-Policy that lets the
page talk to this server and the local Bolt port only.

Why a server of our own: Neo4j Community's Browser loads fonts, product analytics (Segment) and
a feedback widget (Canny) from the internet whatever `browser.allow_outgoing_connections`
says (that setting is honoured by Enterprise only), and Neo4j's HTTP server serves no other
files, so the style and guide could not sit beside it. `lsg-graph server start` therefore runs
`python -m lsg_graph.browser_guide` beside Neo4j (whose own Browser module it turns off) and
points Browser's `browser.post_connect_cmd` at the style and the guide.
"""

from __future__ import annotations

import mimetypes
import threading
import urllib.request
import zipfile
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

STYLE = "lsg-graph.grass"
GUIDE = "guide.html"
FILES = {STYLE: "text/plain; charset=utf-8", GUIDE: "text/html; charset=utf-8"}
MODULE = "lsg_graph.browser_guide"  # what server.py runs with `python -m`
PORT_OFFSET = 1000  # the default Browser port: Neo4j's HTTP port + this


def kit_urls(port: int) -> dict[str, str]:
    """Browser, the style and the guide, as this server serves them."""
    return {"browser": f"http://127.0.0.1:{port}/browser/",
            **{name: f"http://127.0.0.1:{port}/{name}" for name in FILES}}


def post_connect_command(port: int) -> str:
    """Browser's post-connect commands: apply the style, then open the guide."""
    urls = kit_urls(port)
    return f"style {urls[STYLE]}; play {urls[GUIDE]}"


def content_policy(bolt_port: int) -> str:
    """The page may load from this server and open Bolt to the local server, nothing else."""
    bolt = " ".join(f"{scheme}://{host}:{bolt_port}" for host in ("127.0.0.1", "localhost")
                    for scheme in ("ws", "http"))
    return ("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            f"font-src 'self' data:; worker-src 'self' blob:; connect-src 'self' {bolt}")


class BrowserFiles:
    """Neo4j Browser's static files, read from its jar (entries under `browser/`)."""

    def __init__(self, jar: Path) -> None:
        self._zip = zipfile.ZipFile(jar)
        self._lock = threading.Lock()

    def read(self, path: str) -> bytes | None:
        name = "browser/" + (path or "index.html")
        if name.endswith("/"):
            name += "index.html"
        with self._lock:
            try:
                return self._zip.read(name)
            except KeyError:
                return None


def handler_for(folder: Path, browser: BrowserFiles, neo4j_http: str,
                bolt_port: int) -> type[BaseHTTPRequestHandler]:
    """A request handler: `/browser/...` from the jar, the kit's two files from `folder`, and
    Neo4j's discovery document (`/`, which tells Browser where Bolt is) from `neo4j_http`."""
    policy = content_policy(bolt_port)

    class KitHandler(BaseHTTPRequestHandler):
        server_version = "lsg-graph-browser"

        def _send(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Security-Policy", policy)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            if path == "/browser":
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", "/browser/")
                self.end_headers()
                return
            if path.lstrip("/") in FILES:
                name = path.lstrip("/")
                self._send(HTTPStatus.OK, (folder / name).read_bytes(), FILES[name])
            elif path.startswith("/browser/") and ".." not in path:
                body = browser.read(path[len("/browser/"):])
                if body is None:
                    self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
                    return
                kind = mimetypes.guess_type(path if not path.endswith("/") else "i.html")[0]
                self._send(HTTPStatus.OK, body, kind or "application/octet-stream")
            elif path == "/":
                self._discovery()
            else:
                self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")

        do_HEAD = do_GET  # noqa: N815

        def _discovery(self) -> None:
            request = urllib.request.Request(neo4j_http + "/",
                                             headers={"Accept": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
                    self._send(HTTPStatus.OK, answer.read(), "application/json")
            except OSError:
                self._send(HTTPStatus.BAD_GATEWAY, b"Neo4j does not answer", "text/plain")

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # quiet: the log would repeat every file Browser loads

    return KitHandler


def serve(folder: Path, port: int, browser_jar: Path, neo4j_http: str, bolt_port: int) -> None:
    """Serve Browser, the style and the guide on 127.0.0.1:`port` until killed."""
    handler = handler_for(folder, BrowserFiles(browser_jar), neo4j_http, bolt_port)
    with ThreadingHTTPServer(("127.0.0.1", port), handler) as httpd:
        httpd.serve_forever()
