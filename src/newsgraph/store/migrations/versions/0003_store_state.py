"""The data version: one counter every write transaction bumps, for readers' caches.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create store_state with its one row (version 0)."""
    table = op.create_table(
        "store_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column(
            "version",
            sa.BigInteger(),
            nullable=False,
            comment="Bumped by every write transaction: readers cache what they built from the data by it.",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store_state")),
    )
    op.bulk_insert(table, [{"id": 1, "version": 0}])


def downgrade() -> None:
    """Drop store_state."""
    op.drop_table("store_state")
