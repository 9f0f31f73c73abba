"""Watches: saved queries over facts, their index, the entities they name, their matches and the
webhook queue.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    """Create watches, watch_keys, watch_entities, watch_matches and watch_deliveries."""
    _watches()
    _index_tables()
    _matches()
    _deliveries()


def _watches() -> None:
    op.create_table(
        "watches",
        sa.Column("id", Id, primary_key=True, autoincrement=False),
        sa.Column(
            "kind",
            sa.String(10),
            nullable=False,
            comment="quote, number, event, entities, story or search.",
        ),
        sa.Column("name", sa.Text(), comment="The label it was given (null: its query in words)."),
        sa.Column("query", sa.Text(), nullable=False, comment="JSON: the stored query (store.watches.spec)."),
        sa.Column("feed_key", sa.String(40), nullable=False, comment="Unguessable part of its feed URL."),
        sa.Column("webhook_url", sa.Text(), comment="Where matches are POSTed, if anywhere."),
        sa.Column(
            "secret", sa.String(64), nullable=False, comment="HMAC-SHA256 key signing its webhook bodies."
        ),
        sa.Column("created", sa.String(40), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False, comment="Webhook deliveries failed in a row."),
        sa.Column("paused", sa.String(40), comment="When its webhook was paused after too many failures."),
        sa.Column("last_error", sa.Text(), comment="The last failed delivery's error."),
        sa.PrimaryKeyConstraint("id", name="pk_watches"),
        sa.UniqueConstraint("feed_key", name="uq_watches_feed_key"),
        comment="Saved queries over facts: every stored article is matched against them (store.watches).",
    )
    op.create_index("ix_watches_kind", "watches", ["kind"])


def _index_tables() -> None:
    op.create_table(
        "watch_keys",
        sa.Column("key", sa.String(200), comment="`speaker:12`, `term:settlement`, … (keys.py)."),
        sa.Column("watch_id", Id, sa.ForeignKey("watches.id", name="fk_watch_keys_watch_id_watches")),
        sa.PrimaryKeyConstraint("key", "watch_id", name="pk_watch_keys"),
        comment="The watch index: an article can match a watch only if it holds one of the watch's keys.",
    )
    op.create_index("ix_watch_keys_watch_id", "watch_keys", ["watch_id"])
    op.create_table(
        "watch_entities",
        sa.Column("entity_id", Id, comment="An entity the watch's query names."),
        sa.Column("watch_id", Id, sa.ForeignKey("watches.id", name="fk_watch_entities_watch_id_watches")),
        sa.PrimaryKeyConstraint("entity_id", "watch_id", name="pk_watch_entities"),
        comment="The entities each watch names, to rewrite it when they are merged (follow.py).",
    )
    op.create_index("ix_watch_entities_watch_id", "watch_entities", ["watch_id"])


def _matches() -> None:
    op.create_table(
        "watch_matches",
        sa.Column("id", Id, primary_key=True, autoincrement=False),
        sa.Column(
            "watch_id",
            Id,
            sa.ForeignKey("watches.id", name="fk_watch_matches_watch_id_watches"),
            nullable=False,
        ),
        sa.Column(
            "article_id",
            Id,
            sa.ForeignKey("articles.id", name="fk_watch_matches_article_id_articles"),
            nullable=False,
        ),
        sa.Column("fact", sa.String(10), nullable=False, comment="quote, quantity, event or article."),
        sa.Column(
            "local_id",
            sa.String(20),
            nullable=False,
            comment="Its id in the article: q1, v2, a number's seq.",
        ),
        sa.Column("entry_id", sa.String(45), nullable=False, comment="Stable Atom id (urn:uuid:…)."),
        sa.Column("matched", sa.String(40), nullable=False, comment="When the article was stored (UTC)."),
        sa.PrimaryKeyConstraint("id", name="pk_watch_matches"),
        sa.UniqueConstraint("entry_id", name="uq_watch_matches_entry_id"),
        comment="A fact of a stored article that matched a watch.",
    )
    op.create_index("ix_watch_matches_watch_id", "watch_matches", ["watch_id", "id"])
    op.create_index("ix_watch_matches_article_id", "watch_matches", ["article_id"])


def _deliveries() -> None:
    op.create_table(
        "watch_deliveries",
        sa.Column(
            "id",
            Id,
            sa.ForeignKey("watch_matches.id", name="fk_watch_deliveries_id_watch_matches"),
            comment="The match it delivers.",
        ),
        sa.Column(
            "watch_id",
            Id,
            sa.ForeignKey("watches.id", name="fk_watch_deliveries_watch_id_watches"),
            nullable=False,
        ),
        sa.Column("status", sa.String(10), nullable=False, comment="pending or sent."),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("due", sa.Float(), nullable=False, comment="Unix time of the next attempt."),
        sa.Column("lease", sa.Float(), comment="Unix time until which a worker holds it."),
        sa.Column("sent", sa.String(40)),
        sa.Column("last_error", sa.Text()),
        sa.PrimaryKeyConstraint("id", name="pk_watch_deliveries"),
        comment="The webhook queue: one delivery per match of a watch with a webhook, sent in id order.",
    )
    op.create_index("ix_watch_deliveries_queue", "watch_deliveries", ["status", "watch_id", "id"])


def downgrade() -> None:
    """Drop the watch tables."""
    for table in ("watch_deliveries", "watch_matches", "watch_entities", "watch_keys", "watches"):
        op.drop_table(table)
