"""Alembic environment: runs the migrations on the connection `newsgraph.store.db.migrate` passes.

There is no `alembic.ini`; the configuration is built in code (`newsgraph.store.db.alembic_config`).
To run Alembic's own commands by hand, pass `-x url=...`::

    python -m alembic -c /dev/null -x url=sqlite:///newsgraph.db upgrade head
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from newsgraph.store.schema import metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run the migrations on the given connection, or on one opened from `-x url=`."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no database: pass -x url=... or set sqlalchemy.url")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) mode is not supported; run against a database")
run_migrations_online()
