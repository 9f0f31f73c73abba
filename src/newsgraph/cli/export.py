"""`newsgraph export`: articles, entities, mentions, quotes, events or quantities as JSONL, CSV or Parquet."""

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
    "mentions",
    "quotes",
    "events",
    "quantities",
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
) -> None:
    """Export a table of the store, linked names resolved, in id order."""
    from newsgraph.store.db import open_store
    from newsgraph.store.export import export

    if kind not in KINDS:
        raise InputError(f"unknown export {kind!r}: choose one of {', '.join(KINDS)}")
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "parquet" and out is None:
        raise InputError("Parquet needs a file: add --out FILE")
    engine = open_store(db or Settings().db)
    try:
        with engine.connect() as conn:
            if out is None:
                count = export(conn, kind, fmt, sys.stdout.buffer)
                sys.stdout.flush()
            else:
                with out.open("wb") as handle:
                    count = export(conn, kind, fmt, handle)
    finally:
        engine.dispose()
    Console(stderr=True).print(f"exported {count:,} {kind}" + (f" to {out}" if out else ""))


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)
