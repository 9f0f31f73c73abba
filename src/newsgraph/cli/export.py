"""`newsgraph export`: a table of the store (articles, entities, their facts) as JSONL, CSV or Parquet."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsgraph.errors import InputError
from newsgraph.settings import Settings

# the same as newsgraph.store.export.KINDS and FORMATS (a test checks), kept here so that the CLI
# starts without importing SQLAlchemy
KINDS: tuple[str, ...] = (
    "articles",
    "entities",
    "article_entities",
    "mentions",
    "quotes",
    "events",
    "quantities",
    "times",
    "places",
    "stories",
    "claims",
)
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")


def export_command(
    kind: Annotated[str, typer.Argument(help=f"What to export: {', '.join(KINDS)}.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")
    ] = "jsonl",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output file (default: standard output).")
    ] = None,
    db: Annotated[str | None, typer.Option(help="Database URL (default: NEWSGRAPH_DB).")] = None,
    since: Annotated[
        str | None,
        typer.Option(help="Only articles published on or after this day (YYYY, YYYY-MM or YYYY-MM-DD)."),
    ] = None,
    until: Annotated[str | None, typer.Option(help="Only articles published on or before this day.")] = None,
    source: Annotated[str | None, typer.Option(help="Only articles of this source (its name).")] = None,
) -> None:
    """Export a table of the store, linked names resolved, in id order (columns: docs/data-dictionary.md)."""
    from newsgraph.store.db import open_store
    from newsgraph.store.export import ExportFilters, iter_rows, write_rows

    if kind not in KINDS:
        raise InputError(f"unknown export {kind!r}: choose one of {', '.join(KINDS)}")
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "parquet" and out is None:
        raise InputError("Parquet needs a file: add --out FILE")
    filters = ExportFilters(since=since, until=until, source=source)
    engine = open_store(db or Settings().db)
    try:
        with engine.connect() as conn:
            chunks = iter_rows(conn, kind, filters)  # a bad filter fails here, before the file is made
            if out is None:
                count = write_rows(chunks, kind, fmt, sys.stdout.buffer)
                sys.stdout.flush()
            else:
                with out.open("wb") as handle:
                    count = write_rows(chunks, kind, fmt, handle)
    finally:
        engine.dispose()
    Console(stderr=True).print(f"exported {count:,} {kind}" + (f" to {out}" if out else ""))


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)
