"""Helpers shared by the routers: the server's limits, CSV downloads, the JSON response class."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import fields, is_dataclass
from typing import Any

import orjson
from fastapi.responses import JSONResponse, Response

from newsgraph.errors import InvalidParameter
from newsgraph.settings import Settings
from newsgraph.store.search import Snippet


def check_page(settings: Settings, limit: int) -> int:
    """Return `limit` when within the configured page size, else raise InvalidParameter (422)."""
    if not 1 <= limit <= settings.api_max_page:
        raise InvalidParameter("limit", f"must be between 1 and {settings.api_max_page}, got {limit}")
    return limit


def check_query(settings: Settings, query: str | None, name: str = "q") -> str | None:
    """Return the query stripped (None when blank); raise InvalidParameter (422) when too long."""
    if query is None:
        return None
    if len(query) > settings.api_max_query:
        raise InvalidParameter(name, f"{len(query)} characters long; the limit is {settings.api_max_query}")
    return query.strip() or None


def _flat(value: Any) -> Any:
    if isinstance(value, Snippet):
        return value.text
    if isinstance(value, list):
        parts = []
        for item in value:
            if is_dataclass(item) and hasattr(item, "name"):
                role = getattr(item, "role", None)
                parts.append(f"{item.name} ({role})" if role else str(item.name))
            else:
                parts.append(str(item))
        return "; ".join(parts)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def csv_response(items: Iterable[Any], filename: str) -> Response:
    """Render dataclass items as CSV (one column per field; lists joined with '; ')."""
    rows = list(items)
    out = io.StringIO()
    if rows and is_dataclass(rows[0]):
        names = [f.name for f in fields(rows[0])]
        writer = csv.writer(out)
        writer.writerow(names)
        for row in rows:
            writer.writerow([_csv_safe(_flat(getattr(row, n))) for n in names])
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _csv_safe(value: Any) -> Any:
    """Defuse spreadsheet formulas in scraped text ('=HYPERLINK(…)' and friends)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


class JSONBytes(JSONResponse):
    """A JSON response serialized with orjson (dataclasses, datetimes and non-str keys handled).

    A JSONResponse, so OpenAPI shows each route's `response_model` as its JSON schema; routes with
    a model are written by pydantic (FastAPI's fast path), this class writes the errors.
    """

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)
