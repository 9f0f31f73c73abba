"""Column types whose storage differs between the back ends, with one Python value on both.

    Timestamp   PostgreSQL `timestamptz`; SQLite text. Python: the ISO 8601 text `rows.published_text` gives.
    Instant     PostgreSQL `timestamptz`; SQLite text. Python: `instant_text`, `2026-12-04T11:23:05Z`.
    Json        PostgreSQL `jsonb`; SQLite text (JSON). Python: the decoded value (a list, a dict).

Read through SQLAlchemy (a Core `select` of the column, or a `text()` query typed with
`.columns(...)`), both back ends give the same values, so a page, an export or a test comparing
two stores never sees which one it came from. The writer's bulk path bypasses SQLAlchemy; it
turns values into what the driver takes with `published_value` and `json_value`.

A publication date and an instant the store records (when a watch was made, a fact matched, a
correction applied) are two types: a publication date may be a day alone (`2021-07-18`), an
instant is always a time to the second, so its text sorts and compares as time on SQLite.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, overload

import orjson
from sqlalchemy import Dialect, String, Text, TypeDecorator
from sqlalchemy.dialects.postgresql import JSONB, TIMESTAMP
from sqlalchemy.types import TypeEngine

from newsgraph.rows import published_instant, published_text


def published_value(value: str | None, dialect: str) -> datetime | str | None:
    """Return what the driver stores for a publication date: a datetime (PostgreSQL), text (SQLite)."""
    if dialect == "postgresql":
        return published_instant(value)
    return published_text(value)


INSTANT_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
"""The text of an instant: sorts as time, the same on both back ends."""


@overload
def instant_text(value: datetime | str) -> str: ...
@overload
def instant_text(value: datetime | str | None) -> str | None: ...
def instant_text(value: datetime | str | None) -> str | None:
    """Return the one text form of an instant: ISO 8601 in UTC to the second (`2026-12-04T11:23:05Z`).

    Raises:
        ValueError: text that names no instant (a time the store records is never dropped to NULL).
    """
    instant = published_instant(value) if isinstance(value, str) else value
    if instant is None:
        if value is not None:
            raise ValueError(f"not an ISO 8601 time: {value!r}")
        return None
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(UTC).strftime(INSTANT_FORMAT)


def now_text() -> str:
    """Return the current instant as the store records it (`instant_text`)."""
    return datetime.now(UTC).strftime(INSTANT_FORMAT)


def instant_value(value: datetime | str | None, dialect: str) -> datetime | str | None:
    """Return what the driver stores for an instant: a datetime (PostgreSQL), its text (SQLite).

    Raises:
        ValueError: text that names no instant (`instant_text`).
    """
    text = instant_text(value)
    if dialect == "postgresql":
        return published_instant(text)
    return text


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

    @property
    def python_type(self) -> type[str]:
        """The Python value is the ISO 8601 text on both back ends."""
        return str


class Instant(Timestamp):
    """An instant the store records: `timestamptz` on PostgreSQL, text on SQLite; `instant_text` in Python."""

    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return instant_value(value, dialect.name)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        text: str | None = instant_text(value)
        return text


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
