"""`newsgraph batch`: analyze a corpus into Parquet datasets, on local processes or on Ray."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from newsgraph.extras import require
from newsgraph.settings import Settings

if TYPE_CHECKING:  # pyarrow is imported when the command runs, not with the CLI
    from newsgraph.batch.job import RunSummary

DEFAULT_ROWS_PER_PART = 5000
"""The same as newsgraph.batch.job.DEFAULT_ROWS_PER_PART (a test checks), kept here so that the CLI
starts without importing pyarrow."""


def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Input files, directories or globs: .jsonl, .warc(.gz), .html, .txt; local or s3://… URIs."
        ),
    ],
    out: Annotated[str, typer.Option("--out", "-o", help="Output directory (local or a URI).")],
    engine: Annotated[
        str, typer.Option(help="`local` (processes on this machine) or `ray` (a Ray cluster).")
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(help="With --engine ray: the cluster to join, e.g. `auto` or ray://host:10001."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1, help="Analyzer processes (local: default NEWSGRAPH_WORKERS; ray: one per cluster CPU)."
        ),
    ] = None,
    partition_by: Annotated[
        str, typer.Option("--partition-by", help="`none`, or `month` for Hive partitions month=YYYY-MM.")
    ] = "none",
    rows_per_part: Annotated[
        int, typer.Option(min=1, help="Articles per output part (one Parquet file per table).")
    ] = DEFAULT_ROWS_PER_PART,
    overwrite: Annotated[bool, typer.Option(help="Replace the contents of a non-empty --out.")] = False,
) -> None:
    """Analyze many articles into Parquet: analyses, fact tables and errors under --out."""
    require("parquet", "`newsgraph batch`")
    if engine == "ray":
        require("ray", "`newsgraph batch --engine ray`")
    if engine not in {"local", "ray"}:
        raise typer.BadParameter("--engine must be `local` or `ray`")
    if partition_by not in {"none", "month"}:
        raise typer.BadParameter("--partition-by must be `none` or `month`")
    if address and engine != "ray":
        raise typer.BadParameter("--address needs --engine ray")
    partitioning: Literal["none", "month"] = "month" if partition_by == "month" else "none"
    settings = Settings()
    console = Console(stderr=True)
    if engine == "ray":
        from newsgraph.batch.ray_job import run_ray

        summary = run_ray(
            inputs,
            out,
            settings,
            address=address,
            workers=workers,
            partitioning=partitioning,
            rows_per_part=rows_per_part,
            overwrite=overwrite,
        )
    else:
        summary = _run_local(
            inputs,
            out,
            settings,
            console,
            workers=workers,
            partitioning=partitioning,
            rows_per_part=rows_per_part,
            overwrite=overwrite,
        )
    print_summary(summary, out, console)


def _run_local(
    inputs: list[str],
    out: str,
    settings: Settings,
    console: Console,
    *,
    workers: int | None,
    partitioning: Literal["none", "month"],
    rows_per_part: int,
    overwrite: bool,
) -> RunSummary:
    """Run the local engine with a progress line (articles analyzed, failed) on a terminal."""
    from newsgraph.batch.job import run_local

    progress = Progress(
        TextColumn("analyzing"),
        BarColumn(),
        TextColumn("{task.completed} analyzed, {task.fields[failed]} failed"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    with progress:
        task = progress.add_task("batch", total=None, failed=0)
        failed = 0

        def advance(analyzed: int, failures: int) -> None:
            nonlocal failed
            failed += failures
            progress.update(task, advance=analyzed, failed=failed)

        return run_local(
            inputs,
            out,
            settings,
            workers=workers or settings.workers,
            partitioning=partitioning,
            rows_per_part=rows_per_part,
            overwrite=overwrite,
            progress=advance,
        )


def print_summary(summary: RunSummary, out: str, console: Console) -> None:
    """Print the run summary: articles, failures by reason, rows per table, rate."""
    from newsgraph.batch.parquet import TABLES

    console.print(
        f"analyzed {summary.analyzed} articles, {summary.failed} failed, from {summary.inputs} file(s) "
        f"in {summary.seconds:.1f} s ({summary.rate:.1f} articles/s, {summary.engine}, "
        f"{summary.workers} worker(s))",
        highlight=False,
        soft_wrap=True,
    )
    for reason, count in summary.reasons.most_common():
        console.print(f"  {count} × {reason}", highlight=False, soft_wrap=True)
    rows = ", ".join(f"{name} {summary.rows.get(name, 0)}" for name in TABLES)
    console.print(f"wrote {out}: {rows}", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("batch")(batch)
