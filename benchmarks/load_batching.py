"""How much batching buys when loading the bundled dataset: the time of a full load with
batch size 1 (one transaction per row: the baseline) against larger batches, and of a
reload that changes nothing, each as a ratio to the baseline measured in the same run.

    python benchmarks/load_batching.py [--repeat 3]

It uses NEO4J_URI when set, else the local `test` instance (started if needed), and wipes
that database.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from lsg_graph import Database, Settings
from lsg_graph.server import LocalServer


def timed_load(db: Database, batch_size: int, wipe: bool = True) -> float:
    if wipe:
        db.write("MATCH (n) DETACH DELETE n")
    began = time.perf_counter()
    db.load(batch_size=batch_size)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not os.environ.get("NEO4J_URI"):
        LocalServer("test", bolt_port=7688, http_port=7475).start()
        settings = Settings.resolve(instance="test")
    else:
        settings = Settings.resolve()
    with Database(settings) as db:
        timed_load(db, 500)  # warm up the server's query caches
        cases = {"batch 1 (baseline)": 1, "batch 50": 50, "batch 500": 500}
        results = {name: statistics.median(timed_load(db, size) for _ in range(args.repeat))
                   for name, size in cases.items()}
        results["reload, nothing changed"] = statistics.median(
            timed_load(db, 500, wipe=False) for _ in range(args.repeat))
    baseline = results["batch 1 (baseline)"]
    print(f"{'case':<26}{'median s':>10}{'vs baseline':>14}")
    for name, seconds in results.items():
        print(f"{name:<26}{seconds:>10.2f}{baseline / seconds:>13.1f}x")


if __name__ == "__main__":
    main()
