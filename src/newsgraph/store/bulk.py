"""Insert many rows fast: values the driver takes as they are, executemany, or COPY on PostgreSQL.

    insert_rows(conn, schema.quotes, rows)     # rows: dicts of column values, as Python values

SQLAlchemy's per-row parameter work costs more than the insert itself, so the writer's rows go
to the driver directly. On the way each value becomes what the driver stores for its column:
strings cut to their VARCHAR length (`fit`), JSON columns as JSON text (`store.types.Json`; a
`str` is taken as JSON text already), publication dates as a datetime (PostgreSQL) or their text
form (SQLite), and on PostgreSQL, where a batch holds NUL characters, those replaced by U+FFFD.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import orjson
from sqlalchemy import Connection, String, Table, Text
from sqlalchemy.exc import DataError, DBAPIError

from newsgraph.store.db import without_nul
from newsgraph.store.types import Json, Timestamp, json_value, published_value

LOGGER = logging.getLogger(__name__)

COPY_MIN_ROWS = 64
"""PostgreSQL rows go through COPY from this many rows on (see `copy_rows`).

Measured on a local server (rows of `times`, one transaction, best of two), executemany against
COPY inside its savepoint: 30 rows 0.52 ms / 0.67 ms, 100 rows 1.40 / 1.19, 1,000 rows 15.5 / 7.0,
5,000 rows 75 / 31. COPY alone wins from about 10 rows, but the savepoint that lets a rejected
COPY fall back to INSERT costs two round trips, so the two break even between 30 and 100 rows.
A load's batches hold thousands of rows per table and always take COPY; small ingest batches
keep the INSERT where it is as fast.
"""


@functools.cache
def limits(table: Table) -> dict[str, int]:
    """Return the VARCHAR lengths of a table's string columns, by column name."""
    return {
        c.name: c.type.length
        for c in table.columns
        if isinstance(c.type, String) and not isinstance(c.type, Text) and c.type.length
    }


def fit(table: Table, row: dict[str, Any], lengths: dict[str, int] | None = None) -> dict[str, Any]:
    """Return the row with strings cut to their column's length (PostgreSQL rejects longer ones).

    The full values stay in the stored Analysis JSON.
    """
    lengths = limits(table) if lengths is None else lengths
    over = {k: v[:n] for k, n in lengths.items() if isinstance(v := row.get(k), str) and len(v) > n}
    return {**row, **over} if over else row


Convert = Callable[[Any], Any]


def _json_text(nul: bool) -> Convert:
    """JSON text of a value for a Json column (without NUL characters when `nul`)."""

    def convert(value: Any) -> Any:
        if isinstance(value, str):
            return orjson.dumps(without_nul(orjson.loads(value))).decode() if nul else value
        return json_value(without_nul(value) if nul else value)

    return convert


def _converters(table: Table, dialect: str, nul: bool) -> list[tuple[str, Convert]]:
    """The columns whose Python values the driver does not store as they are, with their conversion."""
    out: list[tuple[str, Convert]] = []
    for column in table.columns:
        if isinstance(column.type, Json):
            out.append((column.name, _json_text(nul and dialect == "postgresql")))
        elif isinstance(column.type, Timestamp):
            out.append((column.name, functools.partial(published_value, dialect=dialect)))
    return out


def insert_rows(
    conn: Connection,
    table: Table,
    rows: list[dict[str, Any]],
    *,
    nul: bool = False,
    unless: Sequence[str] = (),
) -> None:
    """Insert rows (dicts of Python values, the columns of the first row) into `table`.

    PostgreSQL: `COPY … FROM STDIN` when there are at least `COPY_MIN_ROWS` rows, else the
    driver's executemany, which SQLite always uses. `nul`: some value may hold a NUL character.
    `unless`: the columns of a unique key; a row whose key is stored already is left out
    (`ON CONFLICT DO NOTHING`, never COPY).
    """
    dialect = conn.dialect.name
    columns = [c.name for c in table.columns if c.name in rows[0]]
    lengths = limits(table)
    if lengths:
        rows = [fit(table, row, lengths) for row in rows]
    for name, convert in _converters(table, dialect, nul):
        if name in rows[0]:
            for row in rows:  # the caller's rows: they are written once
                row[name] = convert(row[name])
    values = [tuple(row.get(c) for c in columns) for row in rows]
    if dialect == "postgresql" and len(values) >= COPY_MIN_ROWS and not unless:
        if nul:  # as `db.make_engine` does for INSERTs (COPY bypasses its hook)
            values = [without_nul(row) for row in values]
        savepoint = conn.begin_nested()
        try:
            copy_rows(conn, table, columns, values)
        except DataError as exc:
            # A value COPY's text input rejects but an INSERT casts (2.0 for an integer
            # column): redo this table's rows with INSERT; a real error raises there.
            savepoint.rollback()
            LOGGER.warning("COPY into %s failed (%s); inserting instead", table.name, exc.orig)
        else:
            savepoint.commit()
            return
    prep = conn.dialect.identifier_preparer
    mark = "?" if conn.dialect.paramstyle in ("qmark", "numeric") else "%s"
    sql = (
        f"INSERT INTO {prep.format_table(table)} ({', '.join(prep.quote(c) for c in columns)}) "
        f"VALUES ({', '.join([mark] * len(columns))})"
    )
    if unless:
        sql += f" ON CONFLICT ({', '.join(prep.quote(c) for c in unless)}) DO NOTHING"
    conn.exec_driver_sql(sql, values)


def copy_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Write rows into a PostgreSQL table with `COPY … FROM STDIN`, in the connection's transaction.

    Text format: psycopg turns each Python value into COPY's text form (tabs, newlines and
    backslashes escaped, None as NULL, bytes as bytea), so values land exactly as an INSERT
    stores them. Strings must be free of NUL, which PostgreSQL text cannot hold (COPY bypasses
    the hook of `db.make_engine` that replaces it in INSERTs). Triggers fire and generated
    columns (the `tsv` search columns) are computed as for an INSERT.

    Raises:
        sqlalchemy.exc.DBAPIError: as for an INSERT, the driver's error wrapped by SQLAlchemy
            (`DataError` for a value the column's text input rejects).
    """
    import psycopg

    prep = conn.dialect.identifier_preparer
    sql = f"COPY {prep.format_table(table)} ({', '.join(prep.quote(c) for c in columns)}) FROM STDIN"
    driver = conn.connection.driver_connection
    assert driver is not None
    try:
        with driver.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
    except psycopg.Error as exc:
        raise DBAPIError.instance(sql, None, exc, psycopg.Error) from exc
