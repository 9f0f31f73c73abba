"""Covering index of the quote filter columns, for filtered full-text quote searches.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ix_quotes_filter."""
    op.create_index(
        "ix_quotes_filter",
        "quotes",
        ["id", "source_id", "published_day", "speaker_id", "article_id"],
        unique=False,
    )


def downgrade() -> None:
    """Drop ix_quotes_filter."""
    op.drop_index("ix_quotes_filter", table_name="quotes")
