"""Files that ship with the package: query files, loader specs and the bundled dataset.

In a wheel they sit inside the package; in a source checkout they are at the top level.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent
CHECKOUT = PACKAGE.parent.parent


def resource_dir(name: str) -> Path:
    """`cypher`, `loaders` or `browser`, wherever this installation keeps it."""
    for base in (PACKAGE, CHECKOUT):
        if (base / name).is_dir():
            return base / name
    raise FileNotFoundError(f"lsg-graph is installed without its {name}/ folder")


def bundled_dataset() -> Path:
    """The folder of the dataset that ships with lsg-graph."""
    return PACKAGE / "data" / "lsg-core"


@cache
def loader_specs() -> dict[str, dict[str, Any]]:
    """Every extract format spec in loaders/, by its `format` name."""
    specs = {}
    for path in sorted(resource_dir("loaders").glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        specs[spec["format"]] = spec
    return specs
