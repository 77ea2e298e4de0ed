"""Where the database is: explicit options, else NEO4J_* variables, else the local server."""

from __future__ import annotations

import os
from dataclasses import dataclass

from .errors import LsgGraphError, UsageError
from .server import LocalServer

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
        """Fill each setting from the argument, else its NEO4J_* variable, else the local server."""
        env = os.environ
        uri = uri or env.get("NEO4J_URI")
        local = LocalServer(instance)
        if not uri:
            state = local.read_state()
            if state is None and instance != "default":
                raise LsgGraphError(f"the local server {instance!r} is not running: start it "
                                    f"with `lsg-graph --instance {instance} server start`")
            uri = f"bolt://127.0.0.1:{state.bolt_port if state else 7687}"
        if uri.split("://", 1)[0] not in SCHEMES:
            raise UsageError(f"NEO4J_URI {uri!r}: the scheme must be one of {', '.join(SCHEMES)}")
        if password is None:
            password = env.get("NEO4J_PASSWORD")
        if password is None and local.password_file.exists():
            password = local.password_file.read_text().strip()
        return cls(
            uri=uri,
            username=username or env.get("NEO4J_USERNAME") or "neo4j",
            password=password or "",
            database=database or env.get("NEO4J_DATABASE") or "neo4j",
        )
