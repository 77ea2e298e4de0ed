"""The `lsg-graph` command: parses options and calls the library, nothing more."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path

import click

from .analyses import analyses
from .db import Database
from .errors import LsgGraphError, UsageError
from .output import FORMATS, render
from .resources import bundled_dataset
from .server import DEFAULT_BOLT_PORT, DEFAULT_HTTP_PORT, LocalServer, describe
from .settings import Settings
from .validate import validate as validate_extract


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--uri", envvar="NEO4J_URI", help="bolt://, neo4j:// or their +s/+ssc forms "
              "[env NEO4J_URI; default: the local server]")
@click.option("--user", envvar="NEO4J_USERNAME", help="[env NEO4J_USERNAME; default neo4j]")
@click.option("--password", envvar="NEO4J_PASSWORD", help="[env NEO4J_PASSWORD]")
@click.option("--database", envvar="NEO4J_DATABASE", help="[env NEO4J_DATABASE; default neo4j]")
@click.option("--instance", default="default", show_default=True,
              help="which local server (lsg-graph server ...) to use when no URI is given")
@click.option("--debug", is_flag=True, help="show tracebacks instead of one-line errors")
@click.version_option(package_name="lsg-graph")
@click.pass_context
def cli(ctx: click.Context, uri, user, password, database, instance, debug) -> None:
    """China's Leading Small Groups and commissions as a Neo4j graph."""
    ctx.obj = {"uri": uri, "username": user, "password": password, "database": database,
               "instance": instance}


def _db(ctx: click.Context) -> Database:
    return ctx.with_resource(Database(Settings.resolve(**ctx.obj)))


# -- server ------------------------------------------------------------------------------

@cli.group()
def server() -> None:
    """Run a local Neo4j 5.26 LTS (fetched from Maven Central with mvn) on 127.0.0.1."""


def _server_options(f):
    f = click.option("--home", envvar="LSG_GRAPH_HOME", type=click.Path(file_okay=False),
                     help="cache folder [env LSG_GRAPH_HOME; default ~/.cache/lsg-graph]")(f)
    f = click.option("--bolt-port", default=DEFAULT_BOLT_PORT, show_default=True)(f)
    f = click.option("--http-port", default=DEFAULT_HTTP_PORT, show_default=True)(f)
    return f


def _local(ctx: click.Context, home, bolt_port, http_port) -> LocalServer:
    return LocalServer(ctx.obj["instance"], home, bolt_port, http_port,
                       log=lambda m: click.echo(m, err=True))


@server.command()
@_server_options
@click.pass_context
def start(ctx, home, bolt_port, http_port) -> None:
    """Provision (once) and start the server; wait until Bolt answers."""
    local = _local(ctx, home, bolt_port, http_port)
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


# -- data --------------------------------------------------------------------------------

@cli.command()
@click.pass_context
def init(ctx: click.Context) -> None:
    """Create the constraints and indexes (idempotent)."""
    click.echo(f"Applied {_db(ctx).init()} schema statements.")


@cli.command()
@click.argument("folder", required=False, type=click.Path(path_type=Path))
def validate(folder: Path | None) -> None:
    """Check an extract (default: the bundled dataset); every problem, with file:line:column."""
    extract = validate_extract(folder or bundled_dataset())
    for problem in extract.problems:
        click.echo(str(problem), err=True)
    errors = [p for p in extract.problems if p.severity == "error"]
    labels = {"body_links": "body links", "disputes": "dispute claims"}
    counts = ", ".join(f"{len(v)} {labels.get(k, k)}" for k, v in extract.records.items())
    if errors:
        click.echo(f"{extract.path}: {len(errors)} error(s); nothing can be loaded.", err=True)
        sys.exit(1)
    click.echo(f"{extract.path}: valid ({counts}).")


@cli.command()
@click.argument("folder", required=False, type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="print what would change; write nothing")
@click.option("--replace", is_flag=True,
              help="also remove facts an earlier load of this dataset made that it no longer has")
@click.option("--batch-size", default=500, show_default=True)
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

        show_bar = sys.stderr.isatty() and not dry_run
        report = _db(ctx).load(folder, replace=replace, dry_run=dry_run, batch_size=batch_size,
                               progress=progress if show_bar else None)
    if dry_run or verbose:
        for change in report.changes:
            click.echo(change)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(report.summary())


@cli.command()
@click.argument("dataset")
@click.option("--dry-run", is_flag=True, help="print what would be removed; write nothing")
@click.pass_context
def unload(ctx: click.Context, dataset: str, dry_run: bool) -> None:
    """Remove everything the dataset named DATASET (its manifest name) loaded."""
    report = _db(ctx).unload(dataset, dry_run=dry_run)
    if dry_run:
        for change in report.changes:
            click.echo(change)
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


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"--param {pair!r}: write key=value")
        values[key.strip()] = value
    return values


_format = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
                       show_default=True)
_output = click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
                       help="write to this file instead of the terminal")
_param = click.option("--param", "-p", "pairs", multiple=True, metavar="KEY=VALUE")


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
    frame = db.analyze(name, **_params(pairs))
    _emit(render(frame, fmt), output)
    if plot:
        title = f"{name} ({', '.join(pairs) or 'defaults'}); general secretaries shaded"
        click.echo(f"plot: {db.plot_timeline(frame, plot, title)}", err=True)


@cli.command()
@click.argument("cypher")
@_param
@_format
@_output
@click.pass_context
def query(ctx: click.Context, cypher, pairs, fmt, output) -> None:
    """Run ad-hoc CYPHER in a read-only transaction (parameters as strings)."""
    _emit(render(_db(ctx).query(cypher, **_params(pairs)), fmt), output)


@cli.command("seed-table")
@click.option("--as-of", default="2019-06-01", show_default=True)
@_format
@_output
@click.pass_context
def seed_table(ctx: click.Context, as_of, fmt, output) -> None:
    """The seed article's Table 1 beside the same table built from the graph."""
    _emit(render(_db(ctx).seed_table(as_of), fmt), output)


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default="report")
@click.option("--as-of", default="2019-06-01", show_default=True,
              help="the day for the seed-table comparison")
@click.pass_context
def report(ctx: click.Context, folder: Path, as_of: str) -> None:
    """Write a Markdown report of the headline analyses, with a plot, into FOLDER."""
    click.echo(f"wrote {_db(ctx).report(folder, as_of)}")


def _emit(text: str, output: Path | None) -> None:
    if output:
        output.write_text(text + ("\n" if not text.endswith("\n") else ""), encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text)


def run(args: list[str]) -> int:
    """Run the command line `args`; errors as one line on stderr (a traceback only with
    --debug); the exit code: 0 fine, 1 failed, 2 bad usage, 3 server not running."""
    try:
        code = cli.main(args=args, prog_name="lsg-graph", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 130
    except LsgGraphError as exc:
        if "--debug" in args:
            raise
        click.echo(f"lsg-graph: error: {exc}", err=True)
        return exc.exit_code
    return code if isinstance(code, int) else 0


def main() -> None:
    """The `lsg-graph` entry point."""
    sys.exit(run(sys.argv[1:]))
