"""Keep the documentation's example outputs true: each is regenerated from a real run.

In README.md and docs/*.md, a block of output follows a marker naming the command that
prints it, with the terminal width and, optionally, how many lines to show:

    <!-- output: lsg-graph analyze chair-count -p as_of=2019-06-01 | columns=100 | lines=5 -->
    ```text
    ...
    ```

`python tools/docs_outputs.py --write` runs each command against the database the usual
settings name (NEO4J_URI ..., else the local server) and rewrites the blocks; without
`--write` it lists the blocks that differ and exits 1. The test suite does the same check
against its own database with the bundled dataset loaded.
"""

from __future__ import annotations

import re
import shlex
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
DOCUMENTS = [TOP / "README.md", *sorted((TOP / "docs").glob("*.md"))]
MARKER = re.compile(
    r"<!-- output: (?P<command>.+?)(?: \| columns=(?P<columns>\d+))?(?: \| lines=(?P<lines>\d+))?"
    r" -->\n(?P<fence>```\w*)\n(?P<body>.*?)```", re.S)


@dataclass(frozen=True)
class Example:
    """One output block: the command, its terminal width, how many lines it shows."""

    document: Path
    command: str
    columns: int
    lines: int | None
    shown: str
    span: tuple[int, int]  # where the body sits in the document


def examples(document: Path) -> list[Example]:
    text = document.read_text(encoding="utf-8")
    return [Example(document, m["command"], int(m["columns"] or 100),
                    int(m["lines"]) if m["lines"] else None, m["body"], m.span("body"))
            for m in MARKER.finditer(text)]


Runner = Callable[[list[str], int], str]  # (arguments after `lsg-graph`, columns) -> stdout


def expected(example: Example, run: Runner) -> str:
    """What the block should hold: the command's output, cut to `lines` lines."""
    words = shlex.split(example.command)
    if words[0] != "lsg-graph":
        raise ValueError(f"{example.document.name}: an output marker runs lsg-graph only")
    out = run(words[1:], example.columns).rstrip("\n").splitlines()
    if example.lines is not None:
        out = out[: example.lines]
    return "\n".join(line.rstrip() for line in out) + "\n"


def stale(run: Runner) -> list[tuple[Example, str]]:
    """Every example whose block differs from a fresh run, with what it should say."""
    found = []
    for document in DOCUMENTS:
        for example in examples(document):
            fresh = expected(example, run)
            if fresh != example.shown:
                found.append((example, fresh))
    return found


def rewrite(run: Runner) -> int:
    """Rewrite every stale block in place; how many were rewritten."""
    changed = stale(run)
    for document in {e.document for e, _ in changed}:
        text = document.read_text(encoding="utf-8")
        for example, fresh in sorted(((e, f) for e, f in changed if e.document == document),
                                     key=lambda pair: pair[0].span, reverse=True):
            start, end = example.span
            text = text[:start] + fresh + text[end:]
        document.write_text(text, encoding="utf-8")
    return len(changed)


def cli_runner(env: dict[str, str] | None = None) -> Runner:
    """Run lsg-graph in-process with click's test runner at a given terminal width."""
    from click.testing import CliRunner

    from lsg_graph.cli import cli

    def run(args: list[str], columns: int) -> str:
        result = CliRunner().invoke(cli, args, env={**(env or {}), "COLUMNS": str(columns)},
                                    prog_name="lsg-graph", catch_exceptions=False)
        if result.exit_code != 0:
            raise RuntimeError(f"lsg-graph {shlex.join(args)} failed: {result.stderr}")
        return result.stdout

    return run


if __name__ == "__main__":
    if "--write" in sys.argv[1:]:
        print(f"rewrote {rewrite(cli_runner())} output block(s)")
    else:
        differing = stale(cli_runner())
        for example, _ in differing:
            print(f"{example.document.name}: stale output of `{example.command}`")
        sys.exit(1 if differing else 0)
