"""`newsgraph evaluate TASK GOLD`: predictions in ../shared/eval's format, scored by its scorer."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.errors import NewsgraphError
from newsgraph.settings import Settings


def evaluate(
    task: Annotated[
        str,
        typer.Argument(
            help="Task: cleaning, extract_page, extract, ner, quotes, events, times, places, quantities."
        ),
    ],
    gold: Annotated[Path, typer.Argument(help="Gold JSONL file (e.g. ../shared/data/ner/dev.jsonl).")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Where to write the predictions.")] = None,
    scorer: Annotated[
        Path | None, typer.Option(help="The scorer script (default: eval/<task>/score.py above GOLD).")
    ] = None,
) -> None:
    """Run the pipeline over a gold file's texts, write predictions and print the scorer's figures."""
    from newsgraph.evaluate import run_task

    if not gold.is_file():
        raise NewsgraphError(f"{gold}: no such file")
    target = out or Path(tempfile.mkstemp(prefix=f"newsgraph-{task}-", suffix=".jsonl")[1])
    code, output = run_task(task, gold, target, Settings(), scorer)
    typer.echo(output.rstrip())
    typer.echo(f"predictions: {target}", err=True)
    if code != 0:
        raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command("evaluate")(evaluate)
