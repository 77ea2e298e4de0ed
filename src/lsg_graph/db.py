"""The database: one driver, reads with READ routing, writes with WRITE, errors made plain."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import neo4j
import pandas as pd
from neo4j import GraphDatabase, RoutingControl
from neo4j.exceptions import AuthError, ClientError, Neo4jError, ServiceUnavailable

from .errors import LsgGraphError
from .settings import Settings

if TYPE_CHECKING:
    from .load import LoadReport


class Database:
    """A connection to one Neo4j database; use as a context manager."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.resolve()
        self.driver = GraphDatabase.driver(
            self.settings.uri,
            auth=(self.settings.username, self.settings.password),
            notifications_min_severity="OFF",
        )
        self._verified = False

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.driver.close()

    # -- what analysts call ----------------------------------------------------------------------
    def analyze(self, name: str, **params: Any) -> pd.DataFrame:
        """Run the canned analysis `name` (see `lsg_graph.analyses()`) with READ routing."""
        from .analyses import run

        return run(self, name, **params)

    def query(self, cypher: str, **params: Any) -> pd.DataFrame:
        """Run ad-hoc Cypher in a READ transaction, so that the server refuses any write."""
        def work(tx: neo4j.ManagedTransaction) -> pd.DataFrame:
            return tx.run(cypher, params).to_df()

        with self._plain_errors(), self.driver.session(
            database=self.settings.database, default_access_mode=neo4j.READ_ACCESS
        ) as session:
            return session.execute_read(work)

    def load(self, path: str | Path | None = None, **options: Any) -> LoadReport:
        """Validate and load an extract (default: the bundled dataset); see `load.load`."""
        from .load import load
        from .resources import bundled_dataset

        return load(self, path or bundled_dataset(), **options)

    def unload(self, dataset: str, dry_run: bool = False) -> LoadReport:
        """Remove what the named dataset loaded; nodes other datasets use stay."""
        from .load import unload

        return unload(self, dataset, dry_run=dry_run)

    def init(self) -> int:
        """Create the constraints and indexes; how many statements ran."""
        from .load import apply_schema

        return apply_schema(self)

    def seed_table(self, as_of: str = "2019-06-01") -> pd.DataFrame:
        """The seed article's Table 1 beside the graph's `portfolio-table` for foreign affairs."""
        from .seed import seed_table

        return seed_table(self, as_of)

    def report(self, folder: str | Path, as_of: str = "2019-06-01") -> Path:
        """Write a Markdown report of the headline analyses (with a plot) into `folder`."""
        from .report import write_report

        return write_report(self, folder, as_of)

    def general_secretaries(self) -> list[dict[str, Any]]:
        """Each general secretary's tenure, once per person (the first recorded claim)."""
        tenures: dict[str, dict[str, Any]] = {}
        for row in self.analyze("general-secretaries").to_dict("records"):
            tenures.setdefault(row["person_id"], row)
        return list(tenures.values())

    def plot_timeline(self, frame: pd.DataFrame, path: str | Path, title: str) -> Path:
        """Save a per-year result as a PNG with the general secretaries' tenures shaded."""
        from .output import plot_timeline

        tenures = [(t["person"], t["start"], t["end"]) for t in self.general_secretaries()]
        return plot_timeline(frame, path, title, tenures)

    # -- plumbing -----------------------------------------------------------------------------
    def read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """Run a read query; rows as dicts."""
        with self._plain_errors():
            records, _, _ = self.driver.execute_query(
                query, params, routing_=RoutingControl.READ, database_=self.settings.database
            )
        return [r.data() for r in records]

    def read_frame(self, query: str, **params: Any) -> pd.DataFrame:
        """Run a read query; a DataFrame whose columns keep the query's order."""
        with self._plain_errors():
            return self.driver.execute_query(
                query, params, routing_=RoutingControl.READ, database_=self.settings.database,
                result_transformer_=neo4j.Result.to_df,
            )

    def write(self, query: str, **params: Any) -> neo4j.SummaryCounters:
        """Run one write query in its own managed transaction."""
        with self._plain_errors():
            _, summary, _ = self.driver.execute_query(
                query, params, routing_=RoutingControl.WRITE, database_=self.settings.database
            )
        return summary.counters

    def write_batches(
        self,
        query: str,
        rows: Sequence[dict[str, Any]],
        batch_size: int = 500,
        on_batch: Callable[[int], None] | None = None,
        **params: Any,
    ) -> None:
        """Run `query` once per batch with `$rows` bound to the batch, each batch a transaction."""
        for batch in _chunks(rows, batch_size):
            self.write(query, rows=batch, **params)
            if on_batch:
                on_batch(len(batch))

    @contextmanager
    def _plain_errors(self) -> Iterator[None]:
        uri = self.settings.uri
        try:
            if not self._verified:  # fail fast instead of retrying an absent server for 30s
                self.driver.verify_connectivity()
                self._verified = True
            yield
        except ServiceUnavailable as exc:
            raise LsgGraphError(
                f"cannot reach Neo4j at {uri}: start it with `lsg-graph server start`, "
                "or set NEO4J_URI"
            ) from exc
        except AuthError as exc:
            raise LsgGraphError(
                f"Neo4j at {uri} rejected user {self.settings.username!r}: check NEO4J_USERNAME "
                "and NEO4J_PASSWORD"
            ) from exc
        except ClientError as exc:
            if exc.code and "AccessMode" in exc.code or "read access mode" in str(exc.message):
                raise LsgGraphError(
                    "the server refused a write: queries run read-only here "
                    "(use `lsg-graph load` to change the graph)"
                ) from exc
            raise LsgGraphError(f"Neo4j: {exc.message} ({exc.code})") from exc
        except Neo4jError as exc:
            raise LsgGraphError(f"Neo4j: {exc.message} ({exc.code})") from exc


def _chunks(rows: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]
