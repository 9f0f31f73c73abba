"""Mention counts in the entity-by-day index, so an entity's timeline is read from the index alone.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Rebuild ix_article_entities_entity_day with mention_count."""
    op.drop_index("ix_article_entities_entity_day", table_name="article_entities")
    op.create_index(
        "ix_article_entities_entity_day",
        "article_entities",
        ["entity_id", "published_day", "article_id", "mention_count"],
        unique=False,
    )


def downgrade() -> None:
    """Rebuild ix_article_entities_entity_day without mention_count."""
    op.drop_index("ix_article_entities_entity_day", table_name="article_entities")
    op.create_index(
        "ix_article_entities_entity_day",
        "article_entities",
        ["entity_id", "published_day", "article_id"],
        unique=False,
    )
