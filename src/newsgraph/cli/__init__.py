"""The `newsgraph` command line: a thin Typer layer over the library.

One module per command (`analyze.py`, `schema.py`, `evaluate.py`, …), each defining
`register(app)`; COMMANDS below lists them, in the order `newsgraph --help` shows them (a new
command module goes there too; `tests/test_registries.py` checks every module is listed).
Library errors (`NewsgraphError`) print one line and exit 1; `--debug` shows the traceback.
"""

from __future__ import annotations

import logging
import sys

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape

from newsgraph.cli import (
    analyze,
    batch,
    entities,
    evaluate,
    export,
    ingest,
    load,
    schema,
    search,
    serve,
    stories,
    watch,
)
from newsgraph.errors import NewsgraphError
from newsgraph.extras import missing_extra

app = typer.Typer(
    name="newsgraph",
    help="Turn news articles into structured, evidence-linked facts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

err_console = Console(stderr=True)
_STATE = {"debug": False}


@app.callback()
def _main(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks and debug logs."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only warnings and errors on stderr."),
) -> None:
    """newsgraph: who is mentioned, who said what, who did what to whom, how many, when and where."""
    _STATE["debug"] = debug
    level = logging.DEBUG if debug else logging.WARNING if quiet else logging.INFO
    logging.basicConfig(
        level=logging.WARNING,
        format="%(message)s",
        handlers=[RichHandler(console=err_console, show_path=False, show_time=False)],
        force=True,
    )
    logging.getLogger("newsgraph").setLevel(level)


COMMANDS = (analyze, batch, entities, evaluate, export, ingest, load, schema, search, serve, stories, watch)
"""The command modules, in the order of `newsgraph --help`."""

for _command in COMMANDS:
    _command.register(app)


def main() -> None:
    """Run the CLI; turn newsgraph errors into one line on stderr and exit code 1.

    A missing optional dependency is one of them: the line names the extra that installs it.
    """
    try:
        try:
            app()
        except ModuleNotFoundError as exc:
            extra = missing_extra(exc)
            if extra is None:
                raise
            raise extra from exc
    except NewsgraphError as exc:
        if _STATE["debug"]:
            raise
        err_console.print(f"[red]error:[/red] {escape(exc.message)}", highlight=False, soft_wrap=True)
        sys.exit(1)
