"""The `lsg-graph` command: parses options and calls the library, nothing more."""

from __future__ import annotations

import dataclasses
import logging
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

import click

from .analyses import analyses
from .db import Database
from .errors import LsgGraphError
from .export import FORMATS as EXPORT_FORMATS
from .output import FORMATS, render, write_text
from .resources import bundled_dataset
from .runner import BATCH_SIZE
from .server import DEFAULT_BOLT_PORT, DEFAULT_HTTP_PORT, LocalServer, describe, memory_size
from .settings import Settings
from .synth import write_synthetic
from .validate import validate as validate_extract

PORT = click.IntRange(1, 65535)


class CommandError(click.ClickException):
    """An error shown as one line, `lsg-graph: error: ...`, with its own exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"lsg-graph: error: {self.format_message()}", err=True, file=file)


def _one_line(exc: click.UsageError) -> click.ClickException:
    """Click's usage error as one line naming the help to read (help itself stays help)."""
    if isinstance(exc, click.exceptions.NoArgsIsHelpError):
        return exc
    where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
    return CommandError(exc.format_message().rstrip(".") + where, exc.exit_code)


class LsgGroup(click.Group):
    """The root group: every error a user can cause becomes one line and its exit code (0 fine,
    1 failed, 2 bad usage, 3 server not running); `--debug` shows the traceback instead."""

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: Any) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            raise _one_line(exc) from exc

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise _one_line(exc) from exc
        except (LsgGraphError, OSError) as exc:
            if ctx.params.get("debug"):
                raise
            if isinstance(exc, LsgGraphError):
                raise CommandError(str(exc), exc.exit_code) from exc
            raise CommandError(_os_message(exc)) from exc


class DriverNotices(logging.Handler):
    """The driver's retry warnings ("Transaction failed and will be retried in ...") become one
    line of progress; the rest of its chatter is dropped (errors reach the user as one line)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.said = False

    def emit(self, record: logging.LogRecord) -> None:
        if "will be retried" in record.getMessage() and not self.said:
            self.said = True
            click.echo("lsg-graph: the connection to Neo4j dropped; retrying ...", err=True)


def _quiet_driver() -> None:
    logger = logging.getLogger("neo4j")
    logger.handlers[:] = [DriverNotices()]
    logger.propagate = False


def _os_message(exc: OSError) -> str:
    if exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc)


@click.group(cls=LsgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--uri", envvar="NEO4J_URI", help="bolt://, neo4j:// or their +s/+ssc forms "
              "[env NEO4J_URI; default: the local server]")
@click.option("--user", envvar="NEO4J_USERNAME", help="[env NEO4J_USERNAME; default neo4j]")
@click.option("--database", envvar="NEO4J_DATABASE", help="[env NEO4J_DATABASE; default neo4j]")
@click.option("--instance", default="default", show_default=True,
              help="which local server (lsg-graph server ...) to use when no URI is given")
@click.option("--debug", is_flag=True, help="show tracebacks instead of one-line errors")
@click.version_option(package_name="lsg-graph")
@click.pass_context
def cli(ctx: click.Context, uri, user, database, instance, debug) -> None:
    """China's Leading Small Groups and commissions as a Neo4j graph.

    The password comes from NEO4J_PASSWORD, else the local server's password file (for the
    local server only), else a prompt."""
    ctx.obj = {"uri": uri, "username": user, "database": database, "instance": instance}
    _quiet_driver()


def _db(ctx: click.Context) -> Database:
    settings = Settings.resolve(**ctx.obj)
    if not settings.password and sys.stdin.isatty():
        settings = dataclasses.replace(settings, password=click.prompt(
            f"Password for {settings.username} at {settings.uri}", hide_input=True,
            err=True))
    return ctx.with_resource(Database(settings))


# -- server ------------------------------------------------------------------------------

@cli.group()
def server() -> None:
    """Run a local Neo4j 5.26 LTS (fetched from Maven Central with mvn) on 127.0.0.1."""


def _server_options(f):
    f = click.option("--home", envvar="LSG_GRAPH_HOME", type=click.Path(file_okay=False),
                     help="cache folder [env LSG_GRAPH_HOME; default ~/.cache/lsg-graph]")(f)
    f = click.option("--bolt-port", default=DEFAULT_BOLT_PORT, show_default=True,
                     type=PORT)(f)
    f = click.option("--http-port", default=DEFAULT_HTTP_PORT, show_default=True,
                     type=PORT)(f)
    return f


class MemorySize(click.ParamType):
    """A JVM memory size: 512m, 4g."""

    name = "SIZE"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        try:
            return memory_size(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def _local(ctx: click.Context, home, bolt_port, http_port, heap=None,
           pagecache=None, browser_port=None) -> LocalServer:
    return LocalServer(ctx.obj["instance"], home, bolt_port, http_port, browser_port,
                       log=lambda m: click.echo(m, err=True), heap=heap, pagecache=pagecache)


@server.command()
@_server_options
@click.option("--heap", type=MemorySize(),
              help="Java heap, e.g. 4g [default: a sixth of this machine's memory, 1g-8g]")
@click.option("--pagecache", type=MemorySize(),
              help="page cache, e.g. 4g [default: a sixth of this machine's memory, 512m-8g]")
@click.option("--browser-port", type=PORT,
              help="where Neo4j Browser is served, with lsg-graph's style and guide "
                   "[default: the HTTP port + 1000]")
@click.pass_context
def start(ctx, home, bolt_port, http_port, heap, pagecache, browser_port) -> None:
    """Provision (once) and start the server and its Browser; wait until Bolt answers."""
    local = _local(ctx, home, bolt_port, http_port, heap, pagecache, browser_port)
    click.echo(describe(local.start(), local))


@server.command()
@_server_options
@click.pass_context
def stop(ctx, home, bolt_port, http_port) -> None:
    """Shut the server down cleanly."""
    stopped = _local(ctx, home, bolt_port, http_port).stop()
    click.echo("Neo4j stopped." if stopped else "Neo4j was not running.")


@server.command()
@_server_options
@click.pass_context
def status(ctx, home, bolt_port, http_port) -> None:
    """Version, pid, ports and whether Bolt answers."""
    local = _local(ctx, home, bolt_port, http_port)
    state = local.status()
    click.echo(describe(state, local))
    if not state.running:
        ctx.exit(3)


@cli.command()
@click.option("--home", envvar="LSG_GRAPH_HOME", type=click.Path(file_okay=False),
              help="cache folder [env LSG_GRAPH_HOME; default ~/.cache/lsg-graph]")
@click.option("--open", "open_it", is_flag=True, help="open it in the desktop's web browser")
@click.pass_context
def browser(ctx: click.Context, home, open_it: bool) -> None:
    """Print the address of Neo4j Browser on the local server (with lsg-graph's style and
    guide, and no outgoing connections); --open opens it."""
    state = _local(ctx, home, DEFAULT_BOLT_PORT, DEFAULT_HTTP_PORT).status()
    if not state.browser_url:
        raise CommandError(f"Neo4j Browser is not served for instance {ctx.obj['instance']!r}: "
                           "start it with lsg-graph server start", exit_code=3)
    click.echo(state.browser_url)
    click.echo(f"Connect to {state.bolt_uri} as neo4j; the style and the guide follow the "
               "login.", err=True)
    if open_it:
        click.launch(state.browser_url)


# -- data --------------------------------------------------------------------------------

@cli.command()
@click.pass_context
def init(ctx: click.Context) -> None:
    """Create the constraints and indexes (idempotent)."""
    click.echo(f"Applied {_db(ctx).init()} schema statements.")


@cli.command()
@click.argument("folder", required=False, type=click.Path(path_type=Path))
@click.pass_context
def validate(ctx: click.Context, folder: Path | None) -> None:
    """Check an extract (default: the bundled dataset); every problem, with file:line:column."""
    extract = validate_extract(folder or bundled_dataset())
    for problem in extract.problems:
        click.echo(str(problem), err=True)
    errors = [p for p in extract.problems if p.severity == "error"]
    labels = {"body_links": "body links", "disputes": "dispute claims"}
    counts = ", ".join(f"{len(v)} {labels.get(k, k)}" for k, v in extract.records.items())
    if errors:
        click.echo(f"{extract.path}: {len(errors)} error(s); nothing can be loaded.", err=True)
        ctx.exit(1)
    click.echo(f"{extract.path}: valid ({counts}).")


@cli.command()
@click.argument("folder", required=False, type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="print what would change; write nothing")
@click.option("--replace", is_flag=True,
              help="also remove facts an earlier load of this dataset made that it no longer has")
@click.option("--batch-size", default=BATCH_SIZE, show_default=True, type=click.IntRange(min=1),
              help="rows per write transaction")
@click.option("--verbose", "-v", is_flag=True, help="list every change")
@click.pass_context
def load(ctx: click.Context, folder, dry_run, replace, batch_size, verbose) -> None:
    """Validate, then load an extract (default: the bundled dataset)."""
    with ExitStack() as stack:
        bar = None

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if bar is None:
                bar = stack.enter_context(
                    click.progressbar(length=total, label="loading", file=sys.stderr))
            bar.update(done - bar.pos)

        show_bar = sys.stderr.isatty() and not dry_run and not verbose
        report = _db(ctx).load(folder, replace=replace, dry_run=dry_run, batch_size=batch_size,
                               progress=progress if show_bar else None,
                               on_change=click.echo if dry_run or verbose else None)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(report.summary())


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--positions", type=click.IntRange(min=1), required=True,
              help="how many positions to make")
@click.option("--seed", type=int, default=1, show_default=True,
              help="the same seed makes the same files")
def synth(folder: Path, positions: int, seed: int) -> None:
    """Write a synthetic extract of any size into FOLDER (for benchmarks and load tests)."""
    click.echo(f"wrote {write_synthetic(folder, positions, seed)}")


@cli.command()
@click.argument("dataset")
@click.option("--dry-run", is_flag=True, help="print what would be removed; write nothing")
@click.pass_context
def unload(ctx: click.Context, dataset: str, dry_run: bool) -> None:
    """Remove everything the dataset named DATASET (its manifest name) loaded."""
    report = _db(ctx).unload(dataset, dry_run=dry_run, on_change=click.echo if dry_run else None)
    click.echo(report.summary())


# -- analyses ----------------------------------------------------------------------------

@cli.command("analyses")
def list_analyses() -> None:
    """List the canned analyses with their parameters."""
    for analysis in analyses().values():
        click.echo(click.style(analysis.name, bold=True))
        click.echo(f"  {analysis.description}")
        for p in analysis.params:
            default = "required" if p.default is None and not p.optional else \
                f"default {p.default if p.default is not None else 'null'}"
            click.echo(f"  --param {p.name}=<{p.type}>  {p.doc} ({default})")
        click.echo(f"  file: {analysis.path}")
        click.echo(f"  in Neo4j Browser, first: {analysis.browser_params()}")


class KeyValue(click.ParamType):
    """`key=value`, as a (key, value) pair."""

    name = "KEY=VALUE"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> tuple[str, str]:
        if isinstance(value, tuple):
            return value
        key, sep, text = str(value).partition("=")
        if not sep or not key.strip():
            self.fail(f"{value!r}: write key=value", param, ctx)
        return key.strip(), text


_format = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
                       show_default=True)
_output = click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
                       help="write to this file instead of the terminal")
_param = click.option("--param", "-p", "pairs", multiple=True, type=KeyValue(),
                      help="a parameter of the query, repeatable")


@cli.command()
@click.argument("name")
@_param
@_format
@_output
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path),
              help="also save a PNG (timeline analyses)")
@click.pass_context
def analyze(ctx: click.Context, name, pairs, fmt, output, plot) -> None:
    """Run the canned analysis NAME."""
    db = _db(ctx)
    frame = db.analyze(name, **dict(pairs))
    _emit(render(frame, fmt), output)
    if plot:
        shown = ', '.join(f'{k}={v}' for k, v in pairs) or 'defaults'
        title = f"{name} ({shown}); general secretaries shaded"
        click.echo(f"plot: {db.plot_timeline(frame, plot, title)}", err=True)


@cli.command()
@click.argument("cypher")
@_param
@_format
@_output
@click.pass_context
def query(ctx: click.Context, cypher, pairs, fmt, output) -> None:
    """Run ad-hoc CYPHER in a read-only transaction (parameters as strings)."""
    _emit(render(_db(ctx).query(cypher, **dict(pairs)), fmt), output)


@cli.command("seed-table")
@click.option("--as-of", default="2019-06-01", show_default=True)
@_format
@_output
@click.pass_context
def seed_table(ctx: click.Context, as_of, fmt, output) -> None:
    """The seed article's Table 1 beside the same table built from the graph."""
    _emit(render(_db(ctx).seed_table(as_of), fmt), output)


@cli.command("export")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="graphml, gexf (Gephi, networkx, igraph), spells (one row per post; .csv, "
                   "or .parquet with pyarrow), json (nodes and links)")
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]),
              help="only what may have held that day, with its status")
@click.option("--dataset", help="only what this dataset loaded")
@click.pass_context
def export_graph(ctx: click.Context, out: Path, fmt: str, as_of, dataset) -> None:
    """Export the graph to OUT for other tools."""
    day = as_of.date().isoformat() if as_of else None
    click.echo(f"wrote {_db(ctx).export(fmt, out, as_of=day, dataset=dataset)}", err=True)


@cli.command()
@click.argument("target", type=click.Path(path_type=Path), default="report")
@click.option("--as-of", default="2019-06-01", show_default=True,
              help="the day for the seed-table comparison")
@click.pass_context
def report(ctx: click.Context, target: Path, as_of: str) -> None:
    """Write a report of the headline analyses: TARGET.html is one self-contained page (images
    embedded, nothing fetched); any other TARGET is a folder for report.md and its plot."""
    click.echo(f"wrote {_db(ctx).report(target, as_of)}")


def _emit(text: str, output: Path | None) -> None:
    if output:
        write_text(output, text + ("\n" if not text.endswith("\n") else ""))
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text.rstrip("\n"))


def main() -> None:
    """The `lsg-graph` entry point."""
    cli(prog_name="lsg-graph")
