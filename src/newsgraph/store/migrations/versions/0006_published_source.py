"""Where each article's publication date came from (given, html, url, dateline, text).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


_COMMENT = "Where the date came from: given, html, url, dateline or text (Analysis.published_source)."


def upgrade() -> None:
    """Add articles.published_source (null for articles stored before: their source is unknown).

    A plain ADD COLUMN, not a batch (copy-and-rename) operation: that would drop the full-text
    triggers on `articles` in SQLite.
    """
    op.add_column(
        "articles", sa.Column("published_source", sa.String(length=10), nullable=True, comment=_COMMENT)
    )


def downgrade() -> None:
    """Drop articles.published_source."""
    op.drop_column("articles", "published_source")
