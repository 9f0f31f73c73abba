"""The reference date of an undated article, read from its lede, and the time it was read from.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add articles.reference_date and articles.reference_time_local_id (Analysis.reference_date,
    Analysis.reference_time; null for articles stored before, whose times were read without one).

    Plain ADD COLUMNs, not a batch (copy-and-rename) operation: that would drop the full-text
    triggers on `articles` in SQLite.
    """
    op.add_column("articles", sa.Column("reference_date", sa.String(length=10), nullable=True))
    op.add_column("articles", sa.Column("reference_time_local_id", sa.String(length=20), nullable=True))


def downgrade() -> None:
    """Drop the two columns."""
    op.drop_column("articles", "reference_time_local_id")
    op.drop_column("articles", "reference_date")
