"""Column types whose storage differs between the back ends, with one Python value on both.

    Timestamp   PostgreSQL `timestamptz`; SQLite text. Python: the ISO 8601 string `published_text` gives.
    Json        PostgreSQL `jsonb`; SQLite text (JSON). Python: the decoded value (a list, a dict).

Read through SQLAlchemy (a Core `select` of the column, or a `text()` query typed with
`.columns(...)`), both back ends give the same values, so a page, an export or a test comparing
two stores never sees which one it came from. The writer's bulk path bypasses SQLAlchemy; it
turns values into what the driver takes with `published_value` and `json_value`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import orjson
from sqlalchemy import Dialect, String, Text, TypeDecorator
from sqlalchemy.dialects.postgresql import JSONB, TIMESTAMP
from sqlalchemy.types import TypeEngine


def published_instant(value: str | None) -> datetime | None:
    """Return the instant an ISO 8601 date or date-time names, in UTC, or None when it names none.

    A date alone is its midnight in UTC; a date-time without a zone is taken as UTC.
    """
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def published_text(value: datetime | str | None) -> str | None:
    """Return the one text form of a publication instant: `YYYY-MM-DD` at midnight UTC, else the
    ISO 8601 date-time in UTC (`2021-07-18T08:30:00+00:00`); None for no or an unreadable date."""
    instant = published_instant(value) if isinstance(value, str) else value
    if instant is None:
        return None
    instant = instant.astimezone(UTC)
    if instant.time() == datetime.min.time():
        return date(instant.year, instant.month, instant.day).isoformat()
    return instant.isoformat()


def published_value(value: str | None, dialect: str) -> datetime | str | None:
    """Return what the driver stores for a publication date: a datetime (PostgreSQL), text (SQLite)."""
    if dialect == "postgresql":
        return published_instant(value)
    return published_text(value)


def json_value(value: Any) -> str | None:
    """Return the JSON text the drivers store for a list or dict (None for none or an empty one)."""
    if value is None or value == [] or value == {}:
        return None
    return orjson.dumps(value).decode()


class Timestamp(TypeDecorator[str]):
    """A publication date: `timestamptz` on PostgreSQL, text on SQLite; ISO 8601 text in Python."""

    impl = String(40)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(TIMESTAMP(timezone=True))
        return dialect.type_descriptor(String(40))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return published_value(value, dialect.name) if isinstance(value, str) else value

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return published_text(value)


class Json(TypeDecorator[Any]):
    """A JSON value: `jsonb` on PostgreSQL, text on SQLite; the decoded value in Python."""

    impl = Text
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(JSONB())
        return dialect.type_descriptor(Text())

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if dialect.name == "postgresql" or value is None:
            return value
        return orjson.dumps(value).decode()

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return orjson.loads(value) if isinstance(value, str | bytes) else value
