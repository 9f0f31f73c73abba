"""Open a store: make the engine for a URL, tune SQLite, run the Alembic migrations.

    engine = open_store("sqlite:///newsgraph.db")          # created and migrated on first use
    engine = open_store("postgresql+psycopg://u:p@host/db")

SQLite is opened in WAL mode (readers never block the writer) with a busy timeout, foreign keys
on, and transactions that SQLAlchemy controls (the `sqlite3` module's own implicit transactions
are switched off, as the SQLAlchemy documentation recommends). A write transaction on SQLite
starts with `BEGIN IMMEDIATE`, so two writers queue on the lock instead of failing mid-way;
on PostgreSQL it takes a transaction-level advisory lock (`write_lock`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from newsgraph.errors import ConfigError
from newsgraph.extras import require

LOGGER = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 30_000
WRITE_LOCK_KEY = 0x6E657773  # "news": the advisory lock writers take on PostgreSQL


def normalize_url(url: str) -> str:
    """Return the URL with the driver newsgraph uses (`postgresql://` → `postgresql+psycopg://`)."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine for a SQLite or PostgreSQL URL, without touching the schema.

    Raises:
        ConfigError: the URL is malformed or names another kind of database.
    """
    url = normalize_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"invalid database URL {url!r}: {exc}") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)
        _tune_sqlite(engine)
        return engine
    if backend == "postgresql":
        require("postgres", "a PostgreSQL store")
        engine = create_engine(url, pool_pre_ping=True, **kwargs)
        event.listen(engine, "before_cursor_execute", _replace_nul, retval=True)
        return engine
    raise ConfigError(f"unsupported database {backend!r}: use sqlite:///FILE or postgresql+psycopg://…")


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA cache_size = -65536")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())


def without_nul(value: Any) -> Any:
    """Return a value (a string, or a dict, list or tuple of them) with NUL characters replaced by
    U+FFFD, one for one (offsets hold): PostgreSQL text and jsonb cannot hold NUL."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    if isinstance(value, dict):
        return {k: without_nul(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(without_nul(v) for v in value)
    return value


def _replace_nul(
    conn: Connection, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool
) -> tuple[str, Any]:
    """PostgreSQL text cannot hold NUL: store U+FFFD instead (one character for one, offsets hold)."""
    return statement, without_nul(parameters)


def write_connection(engine: Engine) -> Connection:
    """Return a connection whose transactions take the write lock first (SQLite: BEGIN IMMEDIATE)."""
    conn = engine.connect()
    if engine.dialect.name == "sqlite":
        conn = conn.execution_options(sqlite_begin="IMMEDIATE")
    return conn


def write_lock(conn: Connection) -> None:
    """Serialize writers for the rest of this transaction (PostgreSQL advisory lock; SQLite has one)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})


def bump_version(conn: Connection) -> None:
    """Advance the data version inside the current write transaction (see `data_version`)."""
    conn.execute(text("UPDATE store_state SET version = version + 1 WHERE id = 1"))


def data_version(conn: Connection) -> int:
    """Return the data version: it changes with every committed write, so anything built from the
    data (a cached page) is current while the version it was built at still is."""
    return int(conn.execute(text("SELECT version FROM store_state WHERE id = 1")).scalar() or 0)


def alembic_config(connection: Connection | None = None) -> Any:
    """Build the Alembic configuration in code (no alembic.ini)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to `revision` (default: the newest), creating it when empty."""
    from alembic import command

    with engine.begin() as conn:
        write_lock(conn)
        command.upgrade(alembic_config(conn), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Downgrade the database to `revision` (`base` drops every table)."""
    from alembic import command

    with engine.begin() as conn:
        write_lock(conn)
        command.downgrade(alembic_config(conn), revision)


def current_revision(engine: Engine) -> str | None:
    """Return the database's Alembic revision, or None when it has none."""
    from alembic.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    """Return the newest revision the package ships."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def open_store(url: str, *, migrate_schema: bool = True) -> Engine:
    """Return an engine on the store at `url`, migrated to the newest schema.

    Raises:
        ConfigError: the URL is invalid or the database cannot be reached.
    """
    engine = make_engine(url)
    if not migrate_schema:
        return engine
    try:
        if current_revision(engine) != head_revision():
            migrate(engine)
    except OperationalError as exc:
        engine.dispose()
        raise ConfigError(f"cannot open database {_redact(url)}: {exc.orig}") from exc
    except SQLAlchemyError as exc:
        engine.dispose()
        raise ConfigError(f"cannot migrate database {_redact(url)}: {exc}") from exc
    return engine


def _redact(url: str) -> str:
    try:
        return make_url(normalize_url(url)).render_as_string(hide_password=True)
    except ArgumentError:
        return url
