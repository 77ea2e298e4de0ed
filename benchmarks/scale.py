"""Scale: lsg-graph against the baselines a Cypher user has, on the same data, in one run.

    python benchmarks/scale.py --sizes 10000 100000 [--repeat 3] [--write docs/benchmarks.md]

For each size it makes a synthetic extract (`lsg-graph synth`, seed 1) and, on a local
instance of its own (`bench`, Bolt 7692, HTTP 7477; wiped between steps):

1. loads it with `lsg-graph load` (a subprocess: wall time and peak RSS);
2. loads the same CSV files with `LOAD CSV ... CALL {...} IN TRANSACTIONS`
   (`benchmarks/load_csv.cypher`, same constraints);
3. loads a sample of positions row by row, one MERGE transaction per row, as py2neo-era
   scripts do, and extrapolates to the whole extract;
4. reloads the unchanged extract with `lsg-graph load`;
5. validates it with `lsg-graph validate`;
6. runs every canned analysis warm (one run, then `--repeat` timed runs) and keeps the median.

Before the first size, the same steps run once, unreported, on 2,000 positions: a server just
started compiles its query plans and code on first use, which the first size would pay for.

It prints one Markdown table per size, with rows per second, ratios against the baselines
and the loader's peak RSS; `--write` also puts them into the file between the markers
`<!-- scale:begin -->` and `<!-- scale:end -->`.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lsg_graph import Database, Settings
from lsg_graph.analyses import analyses
from lsg_graph.load import apply_schema
from lsg_graph.server import LocalServer
from lsg_graph.synth import write_synthetic

HERE = Path(__file__).resolve().parent
LSG = [sys.executable, "-m", "lsg_graph"]
INSTANCE = {"instance": "bench", "bolt_port": 7692, "http_port": 7477}
ROW_BY_ROW_SAMPLE = 2_000
WARM_UP = 2_000  # positions measured once, unreported, before the sizes asked for
MERGE_ONE_ROW = (
    "MERGE (p:Person {id: $person}) MERGE (b:Body {id: $body}) "
    "MERGE (p)-[r:MEMBER_OF {key: $key}]->(b) "
    "SET r.role = $role, r.start = $start, r.end = $end, r.sources = $sources"
)


def run_measured(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run a command; its wall time in seconds and peak RSS in MB."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: warnings can be long
        began = time.perf_counter()
        proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - began
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(args)} failed: {errors.read().decode()[-500:]}")
    return seconds, usage.ru_maxrss / 1024


def change_one_position(folder: Path) -> None:
    """Edit one fact, as an analyst correcting a row does: the first position's confidence."""
    path = folder / "positions.csv"
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        first = next(reader)
        rest = handle.read()
    column = header.index("confidence")
    first[column] = "low" if first[column] != "low" else "high"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, first])
        handle.write(rest)


def wipe(db: Database) -> None:
    with db.runner.driver.session(database=db.settings.database) as session:
        # relationships first, then nodes: a body with many edges detached at once exceeded
        # the server's transaction memory at 1M positions
        session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS")
        session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS")


def load_csv(db: Database, server: LocalServer, folder: Path) -> float:
    for csv_file in folder.glob("*.csv"):
        shutil.copy(csv_file, server.import_dir / csv_file.name)
    text = (HERE / "load_csv.cypher").read_text()
    body = "\n".join(ln for ln in text.splitlines() if not ln.startswith("//"))
    statements = [s.strip() for s in re.split(r";\s*$", body, flags=re.M) if s.strip()]
    began = time.perf_counter()
    with db.runner.driver.session(database=db.settings.database) as session:
        for statement in statements:
            session.run(statement).consume()
    seconds = time.perf_counter() - began
    for csv_file in folder.glob("*.csv"):
        (server.import_dir / csv_file.name).unlink()
    return seconds


def row_by_row(db: Database, folder: Path, total: int) -> float:
    """Seconds for `total` rows, extrapolated from a sample loaded one transaction per row."""
    with open(folder / "positions.csv", newline="", encoding="utf-8") as handle:
        rows = [row for _, row in zip(range(ROW_BY_ROW_SAMPLE), csv.DictReader(handle),
                                      strict=False)]
    began = time.perf_counter()
    with db.runner.driver.session(database=db.settings.database) as session:
        for row in rows:
            key = "|".join(row[k] for k in ("person_id", "body_id", "role", "title", "start",
                                            "end"))
            session.execute_write(lambda tx, r=row, k=key: tx.run(
                MERGE_ONE_ROW, person=r["person_id"], body=r["body_id"], key=k,
                role=r["role"], start=r["start"], end=r["end"],
                sources=r["sources"].split(";")).consume())
    return (time.perf_counter() - began) * total / len(rows)


def analyses_median(db: Database, repeat: int) -> dict[str, float]:
    medians = {}
    for name in sorted(analyses()):
        db.analyze(name)  # warm
        times = []
        for _ in range(repeat):
            began = time.perf_counter()
            db.analyze(name)
            times.append(time.perf_counter() - began)
        medians[name] = statistics.median(times)
    return medians


def measure(size: int, repeat: int, server: LocalServer, settings: Settings) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"lsg-bench-{size}-"))
    folder = write_synthetic(work / "extract", positions=size, seed=1)
    env = {**os.environ, "NEO4J_URI": settings.uri, "NEO4J_PASSWORD": settings.password}
    result: dict = {"size": size}
    with Database(settings) as db:
        wipe(db)
        result["load"], result["load_rss"] = run_measured([*LSG, "load", str(folder)], env)
        result["reload"], result["reload_rss"] = run_measured([*LSG, "load", str(folder)], env)
        change_one_position(folder)
        result["edit"], result["edit_rss"] = run_measured([*LSG, "load", str(folder)], env)
        result["validate"], result["validate_rss"] = run_measured(
            [*LSG, "validate", str(folder)], env)
        result["analyses"] = analyses_median(db, repeat)
        result["profiles"] = profiles(db)
        wipe(db)
        apply_schema(db.runner)
        result["load_csv"] = load_csv(db, server, folder)
        wipe(db)
        apply_schema(db.runner)
        result["row_by_row"] = row_by_row(db, folder, size)
        wipe(db)
    shutil.rmtree(work, ignore_errors=True)
    return result


SCANS = ("AllNodesScan", "NodeByLabelScan", "UndirectedRelationshipTypeScan",
         "DirectedRelationshipTypeScan", "UndirectedAllRelationshipsScan",
         "DirectedAllRelationshipsScan")


def profiles(db: Database) -> dict[str, tuple[int, list[str]]]:
    """Each analysis under PROFILE (its default parameters): total database hits, and the
    operators that scan a whole label or relationship type, with the rows they produced."""
    found = {}
    with db.runner.driver.session(database=db.settings.database) as session:
        for name, analysis in sorted(analyses().items()):
            result = session.run("PROFILE\n" + analysis.text, analysis.bind({}))
            list(result)  # the profile comes with the last record
            summary = result.consume()
            hits, scans, stack = 0, [], [summary.profile]
            while stack:
                op = stack.pop()
                hits += op.get("dbHits", 0)
                kind = op["operatorType"].split("@")[0]
                if kind in SCANS:
                    scans.append(f"{kind} ({op.get('rows', 0):,} rows)")
                stack += op.get("children", [])
            found[name] = (hits, scans)
    return found


def table(r: dict) -> str:
    size = r["size"]
    lines = [
        f"#### {size:,} positions",
        "",
        "| step | seconds | positions/s | ratio | peak RSS |",
        "|---|---|---|---|---|",
        f"| `lsg-graph load` (first) | {r['load']:.1f} | {size / r['load']:,.0f} | "
        f"{r['load_csv'] / r['load']:.2f}x LOAD CSV, {r['row_by_row'] / r['load']:.1f}x "
        f"row-by-row MERGE | {r['load_rss']:.0f} MB |",
        f"| LOAD CSV ... IN TRANSACTIONS | {r['load_csv']:.1f} | {size / r['load_csv']:,.0f} "
        "| baseline | (server) |",
        f"| row by row, one MERGE per transaction (from {ROW_BY_ROW_SAMPLE:,} rows) | "
        f"{r['row_by_row']:.1f} | {size / r['row_by_row']:,.0f} | baseline | (server) |",
        f"| `lsg-graph load`, unchanged | {r['reload']:.1f} | {size / r['reload']:,.0f} | "
        f"{r['load'] / r['reload']:.1f}x faster than the first | {r['reload_rss']:.0f} MB |",
        f"| `lsg-graph load`, one position edited | {r['edit']:.1f} | {size / r['edit']:,.0f} | "
        f"{r['load'] / r['edit']:.1f}x faster than the first | {r['edit_rss']:.0f} MB |",
        f"| `lsg-graph validate` | {r['validate']:.1f} | {size / r['validate']:,.0f} | "
        f"{r['validate'] / r['load']:.2f} of the load | {r['validate_rss']:.0f} MB |",
        "",
        "| analysis (warm, median) | seconds | db hits (PROFILE) | whole-label or -type scans |",
        "|---|---|---|---|",
    ]
    for name, seconds in r["analyses"].items():
        hits, scans = r["profiles"][name]
        lines.append(f"| `{name}` | {seconds:.2f} | {hits:,} | {'; '.join(scans) or 'none'} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--heap")
    parser.add_argument("--pagecache")
    parser.add_argument("--write", type=Path, help="a Markdown file with the scale markers")
    args = parser.parse_args()
    server = LocalServer(**INSTANCE, heap=args.heap, pagecache=args.pagecache,
                         log=lambda m: print(m, file=sys.stderr))
    server.start()
    settings = Settings.resolve(instance="bench")
    print("warming the server up ...", file=sys.stderr)
    measure(WARM_UP, 1, server, settings)  # the first size must not pay for a cold JVM
    tables = []
    for size in args.sizes:
        print(f"measuring {size:,} positions ...", file=sys.stderr)
        tables.append(table(measure(size, args.repeat, server, settings)))
        print(tables[-1], flush=True)
    if args.write:
        text = args.write.read_text()
        begin, end = "<!-- scale:begin -->", "<!-- scale:end -->"
        head, _, rest = text.partition(begin)
        _, _, tail = rest.partition(end)
        args.write.write_text(f"{head}{begin}\n{chr(10).join(tables)}\n{end}{tail}")


if __name__ == "__main__":
    main()
