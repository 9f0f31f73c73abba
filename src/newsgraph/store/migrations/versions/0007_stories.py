"""Same-event stories: story features, index and links; near-duplicates become `articles.copy_of`.

Until now a story was a set of near-duplicate copies (`articles.story_id`). Those groups move to
the new column `articles.copy_of` (the first copy's id, as `story_id` held), `story_id` and the
`stories` rows are cleared, and the new tables `story_features`, `story_keys` and `story_links`
hold what same-event stories are decided by. Articles stored before this revision have no
features: run `newsgraph stories rebuild` once to group them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    """Add copy_of, the stories' source count and the story tables; move the copy groups to copy_of.

    Plain ADD COLUMNs, not batch operations (a copy-and-rename would drop the full-text triggers
    on `articles` in SQLite).
    """
    op.add_column(
        "articles",
        sa.Column(
            "copy_of",
            Id,
            nullable=True,
            comment="The first article of its near-duplicates (syndicated copies, updated versions), if any.",
        ),
    )
    op.create_index("ix_articles_copy_of", "articles", ["copy_of"])
    op.add_column("stories", sa.Column("source_count", sa.Integer(), nullable=False, server_default="0"))
    op.execute("UPDATE articles SET copy_of = story_id, story_id = NULL WHERE story_id IS NOT NULL")
    op.execute("DELETE FROM stories")
    op.create_table(
        "story_features",
        sa.Column("article_id", Id, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("data", sa.Text(), nullable=False, comment="JSON: store.stories.features.Features."),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_story_features")),
    )
    op.create_table(
        "story_keys",
        sa.Column("key", sa.BigInteger(), nullable=False, comment="64-bit hash of an entity or place key."),
        sa.Column("article_id", Id, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column(
            "day", sa.String(length=10), nullable=True, comment="The article's published_day (NULL: undated)."
        ),
        sa.PrimaryKeyConstraint("key", "article_id", name=op.f("pk_story_keys")),
        comment="The story index: the articles naming an entity or place, by day.",
    )
    op.create_index("ix_story_keys_key_day", "story_keys", ["key", "day", "article_id"])
    op.create_table(
        "story_links",
        sa.Column("article_id", Id, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column(
            "other_id", Id, sa.ForeignKey("articles.id"), nullable=False, comment="An earlier article."
        ),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False, comment="JSON: store.stories.evidence.Evidence."),
        sa.PrimaryKeyConstraint("article_id", "other_id", name=op.f("pk_story_links")),
        comment="Two articles reporting the same event, and the evidence.",
    )
    op.create_index("ix_story_links_other_id", "story_links", ["other_id"])


def downgrade() -> None:
    """Drop the story tables; the copy groups become the stories again."""
    op.drop_index("ix_story_links_other_id", table_name="story_links")
    op.drop_table("story_links")
    op.drop_index("ix_story_keys_key_day", table_name="story_keys")
    op.drop_table("story_keys")
    op.drop_table("story_features")
    op.execute("UPDATE articles SET story_id = NULL")
    op.execute("DELETE FROM stories")
    op.execute(
        "INSERT INTO stories (id, title, article_count, first_published, last_published, source_count) "
        "SELECT a.id, a.title, (SELECT count(*) FROM articles c WHERE c.copy_of = a.id), "
        "(SELECT min(c.published) FROM articles c WHERE c.copy_of = a.id), "
        "(SELECT max(c.published) FROM articles c WHERE c.copy_of = a.id), 0 "
        "FROM articles a WHERE a.id IN (SELECT copy_of FROM articles WHERE copy_of IS NOT NULL)"
    )
    op.execute("UPDATE articles SET story_id = copy_of")
    op.drop_column("stories", "source_count")
    op.drop_index("ix_articles_copy_of", table_name="articles")
    op.drop_column("articles", "copy_of")
