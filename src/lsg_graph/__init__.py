"""lsg-graph: China's Leading Small Groups and commissions as a Neo4j graph.

    >>> from lsg_graph import analyze, analyses
    >>> analyze("chair-count", as_of="2019-06-01")      # a pandas DataFrame
    >>> sorted(analyses())                              # what exists

The connection comes from NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE, else the
local server started with `lsg-graph server start`. For several calls, open one `Database`.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .analyses import Analysis
from .analyses import analyses as _analyses
from .db import Database
from .settings import Settings
from .validate import validate

__version__ = "0.1.0"
__all__ = ["Analysis", "Database", "Settings", "analyses", "analyze", "validate"]


def analyses() -> dict[str, Analysis]:
    """Every canned analysis by name: its description, parameters and query file."""
    return _analyses()


def analyze(name: str, *, db: Database | None = None, **params: Any) -> pd.DataFrame:
    """Run one canned analysis and return its rows as a DataFrame."""
    if db is not None:
        return db.analyze(name, **params)
    with Database() as own:
        return own.analyze(name, **params)
