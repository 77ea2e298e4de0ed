"""The one seam to the database: a query runner that owns the driver.

Reads go out with READ routing, writes with WRITE, ad-hoc Cypher in a READ transaction, and
every driver error comes back as a one-line `LsgGraphError`. Everything that talks to Neo4j
(`load`, `analyses`, `seed`, `report`) takes a `QueryRunner`; nothing else opens a driver.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import neo4j
import pandas as pd
from neo4j import GraphDatabase, RoutingControl
from neo4j.exceptions import (
    AuthError,
    ClientError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from .errors import LsgGraphError
from .settings import Settings

# Rows per write transaction. Measured on 100,000 synthetic positions (benchmarks/scale.py's
# extract): 500 rows took 48.8 s to write, 5,000 rows 25.0 s.
BATCH_SIZE = 5000


class QueryRunner:
    """Runs Cypher against one Neo4j database; use as a context manager or call `close`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.driver = GraphDatabase.driver(
            settings.uri,
            auth=(settings.username, settings.password),
            notifications_min_severity="OFF",
        )
        self._verified = False

    def __enter__(self) -> QueryRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.driver.close()

    def read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """Run a read query; rows as dicts."""
        with self.plain_errors():
            records, _, _ = self.driver.execute_query(
                query, params, routing_=RoutingControl.READ, database_=self.settings.database
            )
        return [r.data() for r in records]

    def stream(self, query: str, **params: Any) -> Iterator[dict[str, Any]]:
        """Run a read query and yield its rows one at a time, as the server sends them (for
        reads of the whole graph: nothing is held but the row in hand). Values come as the
        driver decodes them; use it for queries that return values, not nodes."""
        with self.plain_errors(), self.driver.session(
            database=self.settings.database, default_access_mode=neo4j.READ_ACCESS
        ) as session:
            result = session.run(query, params)
            keys = result.keys()
            for record in result:
                yield dict(zip(keys, record, strict=True))

    def read_frame(self, query: str, **params: Any) -> pd.DataFrame:
        """Run a read query; a DataFrame whose columns keep the query's order."""
        with self.plain_errors():
            return self.driver.execute_query(
                query, params, routing_=RoutingControl.READ, database_=self.settings.database,
                result_transformer_=neo4j.Result.to_df,
            )

    def read_only(self, query: str, **params: Any) -> pd.DataFrame:
        """Run any Cypher in a READ transaction, so that the server refuses a write."""
        def work(tx: neo4j.ManagedTransaction) -> pd.DataFrame:
            return tx.run(query, params).to_df()

        with self.plain_errors(), self.driver.session(
            database=self.settings.database, default_access_mode=neo4j.READ_ACCESS
        ) as session:
            return session.execute_read(work)

    def write(self, query: str, **params: Any) -> neo4j.SummaryCounters:
        """Run one write query in its own managed transaction."""
        with self.plain_errors():
            _, summary, _ = self.driver.execute_query(
                query, params, routing_=RoutingControl.WRITE, database_=self.settings.database
            )
        return summary.counters

    def write_batches(
        self,
        query: str,
        rows: Sequence[dict[str, Any]],
        batch_size: int = BATCH_SIZE,
        on_batch: Callable[[int], None] | None = None,
        **params: Any,
    ) -> None:
        """Run `query` once per batch with `$rows` bound to the batch, each batch a transaction."""
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        for batch in _chunks(rows, batch_size):
            self.write(query, rows=batch, **params)
            if on_batch:
                on_batch(len(batch))

    @contextmanager
    def plain_errors(self) -> Iterator[None]:
        """Turn the driver's exceptions into one-line LsgGraphErrors."""
        uri = self.settings.uri
        try:
            if not self._verified:  # fail fast instead of retrying an absent server for 30s
                self.driver.verify_connectivity()
                self._verified = True
            yield
        except (ServiceUnavailable, SessionExpired) as exc:
            if not self._verified:
                raise LsgGraphError(
                    f"cannot reach Neo4j at {uri}: start it with `lsg-graph server start`, "
                    "or set NEO4J_URI"
                ) from exc
            raise LsgGraphError(
                f"lost the connection to Neo4j at {uri}: what was not committed was rolled "
                "back; run the command again (a load carries on where it stopped)"
            ) from exc
        except AuthError as exc:
            raise LsgGraphError(
                f"Neo4j at {uri} rejected user {self.settings.username!r}: check NEO4J_USERNAME "
                "and NEO4J_PASSWORD"
            ) from exc
        except ClientError as exc:
            if exc.code == "Neo.ClientError.Database.DatabaseNotFound":
                raise LsgGraphError(
                    f"Neo4j at {uri} has no database {self.settings.database!r}: check "
                    "NEO4J_DATABASE (--database)"
                ) from exc
            if exc.code == "Neo.ClientError.Statement.ExternalResourceFailed":
                raise LsgGraphError(
                    "queries may read only the graph (and LOAD CSV only files in the server's "
                    f"import folder): {exc.message}"
                ) from exc
            if exc.code and "AccessMode" in exc.code or "read access mode" in str(exc.message):
                raise LsgGraphError(
                    "the server refused a write: queries run read-only here "
                    "(use `lsg-graph load` to change the graph)"
                ) from exc
            raise LsgGraphError(f"Neo4j: {exc.message} ({exc.code})") from exc
        except Neo4jError as exc:
            raise LsgGraphError(f"Neo4j: {exc.message} ({exc.code})") from exc


class WriteQueue:
    """Rows queued per statement and sent a batch (one transaction) at a time, so that a
    stream of rows is never held whole. `send(query, rows)` writes one batch."""

    def __init__(self, send: Callable[[str, list[dict[str, Any]]], None],
                 batch_size: int = BATCH_SIZE) -> None:
        self.send, self.batch_size = send, batch_size
        self.pending: dict[str, list[dict[str, Any]]] = defaultdict(list)

    def add(self, query: str, row: dict[str, Any]) -> None:
        batch = self.pending[query]
        batch.append(row)
        if len(batch) >= self.batch_size:
            self.send(query, self.pending.pop(query))

    def flush(self) -> None:
        """Send what is queued."""
        for query in list(self.pending):
            self.send(query, self.pending.pop(query))


def _chunks(rows: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]
