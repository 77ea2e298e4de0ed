"""A TCP proxy on 127.0.0.1 for fault tests: it forwards to a real server and, on command,
drops every connection it carries (and, if asked, refuses new ones)."""

from __future__ import annotations

import contextlib
import socket
import threading


class DroppingProxy:
    """Forward 127.0.0.1:<port> to 127.0.0.1:<target>; `drop_after(n)` cuts every connection
    once the server has sent n bytes through it."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.sent = 0
        self.limit: int | None = None
        self.refuse = False
        self.refuse_after = False
        self.drops = 0
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def drop_after(self, n_bytes: int, then_refuse: bool = False) -> None:
        """Cut all connections once n more bytes came back; with then_refuse, stay down."""
        with self._lock:
            self.sent, self.limit, self.refuse_after = 0, n_bytes, then_refuse

    def close(self) -> None:
        self.listener.close()
        self._cut()

    def _cut(self) -> None:
        with self._lock:
            for s in self._sockets:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
            self._sockets.clear()
            self.drops += 1

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.refuse:
                client.close()
                continue
            server = socket.create_connection(("127.0.0.1", self.target_port))
            with self._lock:
                self._sockets += [client, server]
            threading.Thread(target=self._pipe, args=(client, server, False), daemon=True).start()
            threading.Thread(target=self._pipe, args=(server, client, True), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, counted: bool) -> None:
        while True:
            try:
                data = source.recv(65536)
                if not data:
                    break
                sink.sendall(data)
            except OSError:
                break
            if counted and self.limit is not None:
                with self._lock:
                    self.sent += len(data)
                    due = self.sent >= self.limit
                if due:
                    self.limit = None
                    self.refuse = self.refuse_after
                    self._cut()
                    break
        for s in (source, sink):
            with contextlib.suppress(OSError):
                s.close()
