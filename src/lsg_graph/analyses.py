"""Canned analyses: the `.cypher` files in cypher/analyses/, discovered and run as they are.

Each file starts with a header of `//` comments (in the spirit of aiosql's `-- name:`):

    // name: chair-count
    // description: Who chairs how many bodies on a date, most first. ...
    // param: as_of date = 2019-06-01 -- the day to look at
    // param: portfolio string = null -- only bodies with this portfolio (null: all)

The rest of the file is the query, which pastes into Neo4j Browser after `:params`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .centrality import COMPUTE
from .dates import parse_as_of
from .errors import UsageError
from .resources import resource_dir
from .runner import QueryRunner

TYPES = ("date", "int", "float", "string", "bool", "confidence")
CONFIDENCE = ("low", "medium", "high")
_PARAM = re.compile(
    r"^(?P<name>[a-z_][a-z0-9_]*)\s+(?P<type>\w+)\s*(?:=\s*(?P<default>.*?))?\s*--\s*(?P<doc>.+)$"
)


@dataclass(frozen=True)
class Param:
    """A declared parameter: name, type, default (None: required unless `optional`) and meaning."""

    name: str
    type: str
    default: Any
    optional: bool
    doc: str


@dataclass(frozen=True)
class Analysis:
    """One query file; `compute` names a step lsg-graph runs on its result (centrality.py)."""

    name: str
    description: str
    params: tuple[Param, ...]
    path: Path
    compute: str = ""

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def browser_params(self, values: dict[str, Any] | None = None) -> str:
        """A `:params` line for Neo4j Browser with these values (defaults for the rest)."""
        bound = self.bind(values or {}, fill_required=True)
        inner = ", ".join(f"{k}: {_cypher_literal(v)}" for k, v in bound.items())
        return f":params {{{inner}}}"

    def bind(self, values: dict[str, Any], fill_required: bool = False) -> dict[str, Any]:
        """Check `values` against the header and convert them; unknown or bad values raise
        UsageError. Every declared parameter gets a value (its default, or null)."""
        known = {p.name for p in self.params}
        for name in values:
            if name not in known:
                raise UsageError(f"{self.name}: unknown parameter {name!r}; it takes "
                                 f"{', '.join(sorted(known)) or 'no parameters'}")
        bound: dict[str, Any] = {}
        for p in self.params:
            if p.name in values and values[p.name] is not None:
                bound[p.name] = convert(p, values[p.name], self.name)
            elif p.default is not None or p.optional:
                bound[p.name] = p.default
            elif fill_required:
                bound[p.name] = None
            else:
                raise UsageError(f"{self.name}: parameter {p.name!r} ({p.type}) is required: "
                                 f"{p.doc}")
        return bound


def convert(param: Param, value: Any, analysis: str = "") -> Any:
    """`value` as the parameter's type (strings from the command line included)."""
    try:
        if param.type == "date":
            return parse_as_of(value if isinstance(value, dt.date) else str(value))
        if param.type == "int":
            if isinstance(value, bool):
                raise ValueError("a boolean is not a number")
            return int(value)
        if param.type == "float":
            return float(value)
        if param.type == "confidence":
            if str(value) not in CONFIDENCE:
                raise ValueError("write low, medium or high")
            return str(value)
        if param.type == "bool":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("true", "yes", "1"):
                return True
            if text in ("false", "no", "0"):
                return False
            raise ValueError("write true or false")
        return str(value)
    except ValueError as exc:
        raise UsageError(f"{analysis}: parameter {param.name!r} wants a {param.type}, "
                         f"got {value!r} ({exc})") from exc


def parse_header(path: Path) -> Analysis:
    """Read a query file's `//` header; a malformed header raises ValueError naming the line."""
    name = description = compute = ""
    params: list[Param] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.startswith("//"):
            break
        body = line[2:].strip()
        key, _, rest = body.partition(":")
        rest = rest.strip()
        if key == "name":
            name = rest
        elif key == "description":
            description = rest
        elif key == "param":
            match = _PARAM.match(rest)
            if not match or match["type"] not in TYPES:
                raise ValueError(f"{path}:{number}: a param line reads "
                                 "'// param: NAME TYPE [= DEFAULT] -- meaning', TYPE one of "
                                 + ", ".join(TYPES))
            raw = (match["default"] or "").strip()
            optional = raw == "null"
            stub = Param(match["name"], match["type"], None, optional, match["doc"].strip())
            default = None if raw in ("", "null") else convert(stub, raw, name)
            params.append(Param(stub.name, stub.type, default, optional, stub.doc))
        elif key == "compute":
            compute = rest.split("--")[0].strip()
            if compute not in COMPUTE:
                raise ValueError(f"{path}:{number}: no computation named {compute!r}; known: "
                                 + ", ".join(sorted(COMPUTE)))
        elif description:  # the description goes on over further comment lines
            description += " " + body
    if not name or not description:
        raise ValueError(f"{path}: the header needs '// name:' and '// description:' lines")
    return Analysis(name, description, tuple(params), path, compute)


def analyses() -> dict[str, Analysis]:
    """Every canned analysis, by name."""
    found = {}
    for path in sorted((resource_dir("cypher") / "analyses").glob("*.cypher")):
        analysis = parse_header(path)
        found[analysis.name] = analysis
    return found


def get(name: str) -> Analysis:
    """One analysis by name; UsageError lists the known ones."""
    known = analyses()
    if name not in known:
        raise UsageError(f"no analysis named {name!r}; known: {', '.join(sorted(known))}")
    return known[name]


def run(runner: QueryRunner, name: str, **values: Any) -> pd.DataFrame:
    """Run analysis `name` with READ routing; a DataFrame with the query's columns."""
    analysis = get(name)
    frame = runner.read_frame(analysis.text, **analysis.bind(values))
    if analysis.compute:
        frame = COMPUTE[analysis.compute](frame)
    for column in frame.columns:
        if not pd.api.types.is_numeric_dtype(frame[column]):  # None for missing, not NaN
            frame[column] = pd.Series([None if _missing(v) else _plain(v) for v in frame[column]],
                                      index=frame.index, dtype=object)
    return frame


def general_secretaries(runner: QueryRunner) -> list[dict[str, Any]]:
    """Each general secretary's tenure, once per person (the first recorded claim)."""
    tenures: dict[str, dict[str, Any]] = {}
    for row in run(runner, "general-secretaries").to_dict("records"):
        tenures.setdefault(row["person_id"], row)
    return list(tenures.values())


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _plain(value: Any) -> Any:
    """Neo4j temporal values as Python ones, so DataFrames print and export cleanly."""
    return value.to_native() if hasattr(value, "to_native") else value


def _cypher_literal(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):  # Browser keeps `date(...)` in :params as text, so
        value = value.isoformat()    # pass the day as a string: the queries call date($x)
    escaped = str(value).replace("\\", "\\\\").replace("'", "\\'")
    return f"'{escaped}'"
