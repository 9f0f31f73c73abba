"""Native PostgreSQL types for the instants and JSON of the corrections, watches and stories
tables: `timestamptz` for when a correction, a watch, a match, a delivery or a pause happened
and for a story's first and last publication dates; `jsonb` for a correction rule's data, an
audit entry's detail, a watch's query and an article's story features. SQLite keeps text; its
instants are rewritten in the one form the store now records (`2026-12-04T11:23:05Z`).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

INSTANTS = (
    ("entity_rules", "created"),
    ("entity_audit", "at"),
    ("watches", "created"),
    ("watches", "paused"),
    ("watch_matches", "matched"),
    ("watch_deliveries", "sent"),
)
PUBLISHED = (("stories", "first_published"), ("stories", "last_published"))
JSON = (
    ("entity_rules", "data"),
    ("entity_audit", "detail"),
    ("watches", "query"),
    ("story_features", "data"),
)
PG_INSTANT_TEXT = """to_char({column}, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')"""
PG_PUBLISHED_TEXT = (
    "CASE WHEN {column} = date_trunc('day', {column}) THEN to_char({column}, 'YYYY-MM-DD') "
    """ELSE to_char({column}, 'YYYY-MM-DD"T"HH24:MI:SS') || '+00:00' END"""
)


def upgrade() -> None:
    """Convert the columns on PostgreSQL; rewrite the instants' text on SQLite."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("SET LOCAL TIME ZONE 'UTC'")
        for table, column in INSTANTS + PUBLISHED:
            op.execute(
                f"ALTER TABLE {table} ALTER COLUMN {column} TYPE timestamptz USING {column}::timestamptz"
            )
        for table, column in JSON:
            op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE jsonb USING {column}::jsonb")
    else:
        _rewrite_instants()


def downgrade() -> None:
    """Undo `upgrade` on PostgreSQL (text columns); SQLite keeps the rewritten text, which the code
    before this revision reads as well."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("SET LOCAL TIME ZONE 'UTC'")
        for table, column in INSTANTS:
            using = PG_INSTANT_TEXT.format(column=column)
            op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE varchar(40) USING {using}")
        for table, column in PUBLISHED:
            using = PG_PUBLISHED_TEXT.format(column=column)
            op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE varchar(40) USING ({using})")
        for table, column in JSON:
            op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE text USING {column}::text")


def _instant_text(value: str) -> str:
    """`2026-12-04T11:23:05+00:00` (or any ISO 8601 instant) as `2026-12-04T11:23:05Z`."""
    instant = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _rewrite_instants() -> None:
    conn = op.get_bind()
    for table, column in INSTANTS:
        rows = conn.execute(sa.text(f"SELECT rowid, {column} FROM {table} WHERE {column} IS NOT NULL"))
        updates = [{"r": rowid, "v": _instant_text(value)} for rowid, value in rows]
        if updates:
            conn.execute(sa.text(f"UPDATE {table} SET {column} = :v WHERE rowid = :r"), updates)
