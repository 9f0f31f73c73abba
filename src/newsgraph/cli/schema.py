"""`newsgraph schema`: print the JSON Schema of the Analysis."""

from __future__ import annotations

import orjson
import typer

from newsgraph.models import json_schema


def schema() -> None:
    """Print the JSON Schema of the Analysis format (newsgraph.analysis/1)."""
    typer.echo(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2).decode())


def register(app: typer.Typer) -> None:
    app.command("schema")(schema)
