"""Keyset pagination: opaque cursors and pages.

A cursor encodes the sort key of the last row of a page (for example `[published_day, id]`);
the next page asks for rows strictly after it. Unlike OFFSET, this costs the same on page 1,000
as on page 1 and never skips or repeats rows when new ones are stored meanwhile.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import orjson
from sqlalchemy import Connection, and_, func, or_

from newsgraph.errors import InputError, InvalidCursor

T = TypeVar("T")
R = TypeVar("R")

MAX_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of results and the cursor of the next one (None on the last page)."""

    items: list[T] = field(default_factory=list)
    next_cursor: str | None = None


def encode_cursor(key: list[Any]) -> str:
    """Return the opaque cursor for a sort key."""
    return base64.urlsafe_b64encode(orjson.dumps(key)).decode().rstrip("=")


def decode_cursor(cursor: str | None, size: int) -> list[Any] | None:
    """Return the sort key of a cursor (None for the first page).

    Raises:
        InvalidCursor: the cursor is malformed or of another query.
    """
    if not cursor:
        return None
    try:
        key = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, orjson.JSONDecodeError) as exc:
        raise InvalidCursor(f"invalid cursor {cursor!r}") from exc
    if not isinstance(key, list) or len(key) != size:
        raise InvalidCursor(f"invalid cursor {cursor!r}")
    return key


def check_limit(limit: int) -> int:
    """Return `limit` if it is between 1 and MAX_LIMIT.

    Raises:
        InputError: it is not.
    """
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    return limit


def keyset_page(
    rows: Sequence[R], limit: int, make: Callable[[R], T], key: Callable[[R], list[Any]]
) -> Page[T]:
    """Turn the `limit + 1` rows a keyset query fetched into a page of `limit` items.

    The extra row only says whether another page follows; the cursor is the sort key of the last
    row kept.
    """
    kept = rows[:limit]
    cursor = encode_cursor(key(kept[-1])) if len(rows) > limit and kept else None
    return Page([make(r) for r in kept], cursor)


def newest_first(conn: Connection, day_col: Any, id_col: Any) -> tuple[Any, Any]:
    """ORDER BY newest first, undated rows last, for `stmt.order_by(*newest_first(...))`.

    The order is that of `coalesce(day, '') DESC, id DESC` (keyset cursors compare that). On
    SQLite NULL sorts below every string, so the plain columns give the same order and an index
    on (…, published_day, id) serves it, stopping after one page instead of sorting every row
    of a busy entity; PostgreSQL puts NULLs first in a descending order, so it keeps coalesce.
    """
    if conn.dialect.name == "sqlite":
        return day_col.desc(), id_col.desc()
    return func.coalesce(day_col, "").desc(), id_col.desc()


def newest_keyset(day_col: Any, id_col: Any, key: list[Any] | None) -> Any:
    """The condition of the rows after `key` (`[day, id]`) in the `newest_first` order, or None."""
    day = func.coalesce(day_col, "")
    if key is None:
        return None
    return or_(day < key[0], and_(day == key[0], id_col < key[1]))
