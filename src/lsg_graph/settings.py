"""Where the database is: explicit options, else NEO4J_* variables, else the local server."""

from __future__ import annotations

import os
from dataclasses import dataclass

from .errors import LsgGraphError, UsageError
from .server import DEFAULT_BOLT_PORT, LocalServer

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


@dataclass(frozen=True)
class Settings:
    """Connection settings for one Neo4j database."""

    uri: str
    username: str
    password: str
    database: str

    @classmethod
    def resolve(
        cls,
        uri: str | None = None,
        username: str | None = None,
        password: str | None = None,
        database: str | None = None,
        instance: str = "default",
    ) -> Settings:
        """Fill each setting from the argument, else its NEO4J_* variable, else the local server.
        The local server's password file is read only when the URI is the local server's."""
        env = os.environ
        uri = uri or env.get("NEO4J_URI")
        local = LocalServer(instance)
        state = local.read_state()
        local_uri = f"bolt://127.0.0.1:{state.bolt_port if state else DEFAULT_BOLT_PORT}"
        if not uri:
            if state is None and instance != "default":
                raise LsgGraphError(f"the local server {instance!r} is not running: start it "
                                    f"with `lsg-graph --instance {instance} server start`")
            uri = local_uri
        is_local = uri.replace("localhost", "127.0.0.1").rstrip("/") == local_uri
        if uri.split("://", 1)[0] not in SCHEMES:
            raise UsageError(f"NEO4J_URI {uri!r}: the scheme must be one of {', '.join(SCHEMES)}")
        if password is None:
            password = env.get("NEO4J_PASSWORD")
        if password is None and is_local and local.password_file.exists():
            # the local server's password goes to the local server only
            password = local.password_file.read_text().strip()
        return cls(
            uri=uri,
            username=username or env.get("NEO4J_USERNAME") or "neo4j",
            password=password or "",
            database=database or env.get("NEO4J_DATABASE") or "neo4j",
        )
