"""`newsgraph load`: store a `newsgraph batch` output in SQLite or PostgreSQL."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, TextColumn, TimeElapsedColumn

from newsgraph.extras import require
from newsgraph.settings import Settings


def load(
    out: Annotated[str, typer.Argument(help="A `newsgraph batch` output directory (local or a URI).")],
    db: Annotated[
        str | None, typer.Option(help="Database URL (default: NEWSGRAPH_DB or sqlite:///newsgraph.db).")
    ] = None,
    commit_every: Annotated[int, typer.Option(min=1, help="Articles per database transaction.")] = 1024,
) -> None:
    """Load a batch output's analyses into the store, with the same entity identity and dedup as ingest."""
    require("parquet", "`newsgraph load`")
    from newsgraph.batch.load import load_output
    from newsgraph.store.db import open_store

    settings = Settings().model_copy(update={"db": db}) if db else Settings()
    console = Console(stderr=True)
    engine = open_store(settings.db)
    try:
        with Progress(
            TextColumn("loading"),
            TextColumn("{task.completed} rows"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        ) as progress:
            task = progress.add_task("load", total=None)
            report = load_output(
                out, engine, batch_size=commit_every, progress=lambda n: progress.update(task, advance=n)
            )
    finally:
        engine.dispose()
    console.print(
        f"loaded {report.read} analyses from {out}: {report.stored} stored, {report.duplicates} duplicates, "
        f"{report.in_stories} joined a story, in {report.seconds:.1f} s ({report.rate:.1f}/s)",
        highlight=False,
        soft_wrap=True,
    )


def register(app: typer.Typer) -> None:
    app.command("load")(load)
