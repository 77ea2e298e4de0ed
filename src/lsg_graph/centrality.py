"""Betweenness centrality, computed client-side with igraph from the person-body projection a
canned query returns (Graph Data Science is not on Maven Central, and all-pairs shortest
paths in Cypher do not scale).

Exact up to EXACT_LIMIT nodes; above it, estimated from SAMPLE randomly chosen source nodes
(Brandes' estimator, scaled by n / k): the `betweenness_method` column says which, and the
relative error of a sampled value is of the order of 1 / sqrt(SAMPLE).
"""

from __future__ import annotations

import random

import igraph
import pandas as pd

EXACT_LIMIT = 20_000
SAMPLE = 2_000


def add_betweenness(frame: pd.DataFrame, seed: int = 1) -> pd.DataFrame:
    """Add `betweenness` and `betweenness_norm` to rows of (person_id, bodies): the number of
    shortest paths between other nodes (people and bodies) through each person, each pair's
    paths sharing one unit, and that divided by the number of pairs of other nodes."""
    people = list(frame["person_id"])
    bodies = sorted({b for row in frame["bodies"] for b in row})
    index = {f"p:{p}": i for i, p in enumerate(people)}
    index.update({f"b:{b}": len(people) + i for i, b in enumerate(bodies)})
    edges = [(index[f"p:{p}"], index[f"b:{b}"])
             for p, row in zip(people, frame["bodies"], strict=True) for b in row]
    graph = igraph.Graph(n=len(index), edges=edges, directed=False)
    n = graph.vcount()
    if n <= EXACT_LIMIT:
        scores, method = graph.betweenness(vertices=range(len(people)), directed=False), "exact"
    else:
        sources = random.Random(seed).sample(range(n), SAMPLE)
        raw = graph.betweenness(vertices=range(len(people)), directed=False, sources=sources)
        scores = [s * n / SAMPLE for s in raw]
        method = f"estimated from {SAMPLE} of {n} source nodes"
    pairs = (n - 1) * (n - 2) / 2 if n > 2 else 0
    out = frame.copy()
    out["betweenness"] = [float(s) for s in scores]
    out["betweenness_norm"] = [s / pairs if pairs else 0.0 for s in out["betweenness"]]
    out["betweenness_method"] = method
    return out.sort_values(["betweenness", "degree", "person"],
                           ascending=[False, False, True]).reset_index(drop=True)


COMPUTE = {"betweenness": add_betweenness}
