"""`newsgraph ingest`: analyze files, directories, globs or archives and store them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from newsgraph.settings import Settings

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported when the command runs, not with the CLI
    from newsgraph.ingest import IngestReport

SHOWN_REJECTED = 20


class _RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        elapsed = task.finished_time if task.finished else task.elapsed
        speed = task.completed / elapsed if elapsed else 0.0
        return Text(f"{speed:,.1f} articles/s", style="progress.data.speed")


def ingest_command(
    paths: Annotated[
        list[str], typer.Argument(help="Files, directories or glob patterns: .txt .html .jsonl .warc(.gz).")
    ],
    db: Annotated[
        str | None, typer.Option(help="Database URL (default: NEWSGRAPH_DB or sqlite:///newsgraph.db).")
    ] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Analysis processes (default: NEWSGRAPH_WORKERS).")
    ] = None,
    commit_every: Annotated[int, typer.Option(min=1, help="Articles per database transaction.")] = 64,
    no_clean: Annotated[
        bool, typer.Option("--no-clean", help="Do not remove boilerplate from plain text.")
    ] = False,
) -> None:
    """Analyze articles and store them; rerunning adds nothing, and a killed run resumes where it stopped."""
    from newsgraph.ingest import count_inputs, ingest

    updates: dict[str, object] = {}
    if db:
        updates["db"] = db
    if no_clean:
        updates["clean"] = False
    settings = Settings().model_copy(update=updates) if updates else Settings()
    inputs = [Path(p) for p in paths]
    console = Console(stderr=True)
    total = count_inputs(inputs)
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    ) as progress:
        task = progress.add_task("ingesting", total=total)

        def update(report: IngestReport) -> None:
            progress.update(task, completed=report.read)

        report = ingest(inputs, settings, workers=workers, commit_every=commit_every, on_progress=update)
        progress.update(task, completed=report.read, total=report.read)
    print_summary(report, Console())


def print_summary(report: IngestReport, console: Console) -> None:
    """Print what an ingest did: stored, duplicates, skipped inputs with their reasons."""
    rate = report.read / report.seconds if report.seconds else 0.0
    console.print(
        f"[bold]{report.stored:,}[/bold] stored, [bold]{report.duplicates:,}[/bold] duplicates, "
        f"[bold]{len(report.rejected):,}[/bold] skipped — {report.read:,} inputs in {report.seconds:,.1f} s "
        f"({rate:,.1f}/s); {report.in_stories:,} new articles joined a story"
    )
    if report.rejected:
        for reason, count in report.reasons().most_common():
            console.print(f"  {count:>6,} × {escape(reason)}")
        for item in report.rejected[:SHOWN_REJECTED]:
            console.print(f"  skipped {escape(item.origin)}: {escape(item.reason)}")
        if len(report.rejected) > SHOWN_REJECTED:
            console.print(f"  … and {len(report.rejected) - SHOWN_REJECTED:,} more")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
