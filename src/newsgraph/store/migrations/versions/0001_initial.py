"""Initial schema: sources, stories, articles, entities and aliases, facts, full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SQLITE_FTS = (
    # External-content FTS5 tables: the text lives once, in articles/quotes; triggers keep the
    # index in step with every insert, update and delete, whatever code writes the rows.
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END",
)

POSTGRES_FTS = (
    # Generated tsvector columns (title weighted above body) with GIN indexes. Only the first
    # 300,000 characters are indexed: a tsvector is limited to 1 MB.
    "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english', left(text, 300000)), 'B')) STORED",
    "CREATE INDEX ix_articles_tsv ON articles USING GIN (tsv)",
    "ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
    "to_tsvector('english', left(text, 300000))) STORED",
    "CREATE INDEX ix_quotes_tsv ON quotes USING GIN (tsv)",
)


def upgrade() -> None:
    """Create every table, index and full-text index."""
    op.create_table(
        "entities",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=False, nullable=False
        ),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False, comment="Canonical name: the longest name seen for it."),
        sa.Column(
            "name_key", sa.Text(), nullable=False, comment="Normalized name (see store.identity.name_key)."
        ),
        sa.Column("last_key", sa.Text(), nullable=False, comment="Last word of name_key (surname lookups)."),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entities")),
        sa.UniqueConstraint("type", "name_key", name="uq_entities_type_name_key"),
    )
    op.create_index("ix_entities_name_key", "entities", ["name_key"], unique=False)
    op.create_index("ix_entities_type_last_key", "entities", ["type", "last_key"], unique=False)
    op.create_table(
        "sources",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=False, nullable=False
        ),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("name", name=op.f("uq_sources_name")),
    )
    op.create_table(
        "stories",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=False,
            nullable=False,
            comment="The id of its first article.",
        ),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.Column("first_published", sa.String(length=40), nullable=True),
        sa.Column("last_published", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stories")),
    )
    op.create_table(
        "articles",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=False, nullable=False
        ),
        sa.Column("hash", sa.String(length=64), nullable=False, comment="SHA-256 of the cleaned text."),
        sa.Column("doc_id", sa.String(length=300), nullable=False, comment="The input's id (Analysis.id)."),
        sa.Column("source_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("story_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column(
            "url", sa.Text(), nullable=True, comment="The first URL it was seen at; all are in article_urls."
        ),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.String(length=40), nullable=True),
        sa.Column("published_day", sa.String(length=10), nullable=True),
        sa.Column("language", sa.String(length=20), nullable=True),
        sa.Column("authors", sa.Text(), nullable=True, comment="JSON list of names."),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("analysis", sa.Text(), nullable=False, comment="The full Analysis JSON as produced."),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name=op.f("fk_articles_source_id_sources")),
        sa.ForeignKeyConstraint(["story_id"], ["stories.id"], name=op.f("fk_articles_story_id_stories")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("hash", name=op.f("uq_articles_hash")),
    )
    op.create_index("ix_articles_doc_id", "articles", ["doc_id"], unique=False)
    op.create_index("ix_articles_published_day", "articles", ["published_day", "id"], unique=False)
    op.create_index("ix_articles_source_day", "articles", ["source_id", "published_day"], unique=False)
    op.create_index("ix_articles_story_id", "articles", ["story_id"], unique=False)
    op.create_table(
        "entity_aliases",
        sa.Column("entity_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("alias_key", sa.Text(), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False, comment="The surface form first seen for this key."),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False, comment="Articles that used this form."),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_entity_aliases_entity_id_entities")
        ),
        sa.PrimaryKeyConstraint("entity_id", "alias_key", name=op.f("pk_entity_aliases")),
    )
    op.create_index("ix_entity_aliases_alias_key", "entity_aliases", ["alias_key"], unique=False)
    op.create_index("ix_entity_aliases_type_key", "entity_aliases", ["type", "alias_key"], unique=False)
    op.create_table(
        "entity_roles",
        sa.Column("entity_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_entity_roles_entity_id_entities")
        ),
        sa.PrimaryKeyConstraint("entity_id", "role", name=op.f("pk_entity_roles")),
    )
    op.create_table(
        "article_entities",
        sa.Column("article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("local_id", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("roles", sa.Text(), nullable=True, comment="JSON list."),
        sa.Column("aliases", sa.Text(), nullable=True, comment="JSON list."),
        sa.Column("affiliation_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("sector", sa.String(length=40), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.Column("published_day", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(
            ["affiliation_id"], ["entities.id"], name=op.f("fk_article_entities_affiliation_id_entities")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_article_entities_article_id_articles")
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_article_entities_entity_id_entities")
        ),
        sa.PrimaryKeyConstraint("article_id", "local_id", name=op.f("pk_article_entities")),
    )
    op.create_index(
        "ix_article_entities_entity_day",
        "article_entities",
        ["entity_id", "published_day", "article_id"],
        unique=False,
    )
    op.create_table(
        "article_minhash",
        sa.Column("article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "signature", sa.LargeBinary(), nullable=False, comment="MinHash values, uint32 little-endian."
        ),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_article_minhash_article_id_articles")
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_article_minhash")),
    )
    op.create_table(
        "article_urls",
        sa.Column("article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_article_urls_article_id_articles")
        ),
        sa.PrimaryKeyConstraint("article_id", "url", name=op.f("pk_article_urls")),
    )
    op.create_index("ix_article_urls_url", "article_urls", ["url"], unique=False)
    op.create_table(
        "events",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=False, nullable=False
        ),
        sa.Column("article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("local_id", sa.String(length=20), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("mode", sa.String(length=40), nullable=True),
        sa.Column("context", sa.Text(), nullable=True, comment="JSON list."),
        sa.Column("cameo", sa.String(length=10), nullable=True),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("target_text", sa.Text(), nullable=True),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("trigger_text", sa.Text(), nullable=False),
        sa.Column("place_local_id", sa.String(length=20), nullable=True),
        sa.Column("place_text", sa.Text(), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("time_local_id", sa.String(length=20), nullable=True),
        sa.Column("time_text", sa.Text(), nullable=True),
        sa.Column("time_value", sa.String(length=40), nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("dead", sa.Float(), nullable=True),
        sa.Column("injured", sa.Float(), nullable=True),
        sa.Column("size", sa.Float(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("sentence", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("published_day", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_events_article_id_articles")),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name=op.f("fk_events_source_id_sources")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    op.create_index("ix_events_article_id", "events", ["article_id"], unique=False)
    op.create_index("ix_events_country_day", "events", ["country", "published_day", "id"], unique=False)
    op.create_index("ix_events_day", "events", ["published_day", "id"], unique=False)
    op.create_index("ix_events_type_day", "events", ["type", "published_day", "id"], unique=False)
    op.create_table(
        "mentions",
        sa.Column("article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("local_id", sa.String(length=20), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_mentions_article_id_articles")
        ),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], name=op.f("fk_mentions_entity_id_entities")),
        sa.PrimaryKeyConstraint("article_id", "seq", name=op.f("pk_mentions")),
    )
    op.create_index("ix_mentions_entity_id", "mentions", ["entity_id", "article_id"], unique=False)
    op.create_table(
        "minhash_bands",
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column(
            "key", sa.BigInteger(), nullable=False, comment="64-bit hash of the band's MinHash values."
        ),
        sa.Column("article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_minhash_bands_article_id_articles")
        ),
        sa.PrimaryKeyConstraint("band", "key", "article_id", name=op.f("pk_minhash_bands")),
        comment="The LSH index: articles sharing a (band, key) are near-duplicate candidates.",
    )
    op.create_table(
        "places",
        sa.Column("article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("local_id", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("feature", sa.String(length=20), nullable=True),
        sa.Column("geonameid", sa.BigInteger(), nullable=True),
        sa.Column("mentions", sa.Text(), nullable=True, comment="JSON list of spans."),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_places_article_id_articles")),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], name=op.f("fk_places_entity_id_entities")),
        sa.PrimaryKeyConstraint("article_id", "local_id", name=op.f("pk_places")),
    )
    op.create_index("ix_places_country", "places", ["country"], unique=False)
    op.create_index("ix_places_entity_id", "places", ["entity_id"], unique=False)
    op.create_index("ix_places_geonameid", "places", ["geonameid"], unique=False)
    op.create_table(
        "quantities",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=False, nullable=False
        ),
        sa.Column("article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("low", sa.Float(), nullable=True),
        sa.Column("high", sa.Float(), nullable=True),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("base", sa.Text(), nullable=True),
        sa.Column("claimant_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("quote_local_id", sa.String(length=20), nullable=True),
        sa.Column("sentence", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("published_day", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_quantities_article_id_articles")
        ),
        sa.ForeignKeyConstraint(
            ["claimant_id"], ["entities.id"], name=op.f("fk_quantities_claimant_id_entities")
        ),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name=op.f("fk_quantities_source_id_sources")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quantities")),
    )
    op.create_index("ix_quantities_article_id", "quantities", ["article_id"], unique=False)
    op.create_index(
        "ix_quantities_claimant_id", "quantities", ["claimant_id", "published_day", "id"], unique=False
    )
    op.create_index("ix_quantities_unit", "quantities", ["unit", "published_day", "id"], unique=False)
    op.create_table(
        "quotes",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=False, nullable=False
        ),
        sa.Column("article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("local_id", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "fragments",
            sa.Text(),
            nullable=True,
            comment="JSON list of spans, for a quote split around its cue.",
        ),
        sa.Column("speaker_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("speaker_local_id", sa.String(length=20), nullable=True),
        sa.Column(
            "speaker_name", sa.Text(), nullable=True, comment="The speaker entity's name in the article."
        ),
        sa.Column("speaker_text", sa.Text(), nullable=True),
        sa.Column("speaker_start", sa.Integer(), nullable=True),
        sa.Column("speaker_end", sa.Integer(), nullable=True),
        sa.Column("cue", sa.String(length=60), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("sentence", sa.Integer(), nullable=True),
        sa.Column("source_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("published_day", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_quotes_article_id_articles")),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name=op.f("fk_quotes_source_id_sources")),
        sa.ForeignKeyConstraint(["speaker_id"], ["entities.id"], name=op.f("fk_quotes_speaker_id_entities")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
    )
    op.create_index("ix_quotes_article_id", "quotes", ["article_id"], unique=False)
    op.create_index("ix_quotes_day", "quotes", ["published_day", "id"], unique=False)
    op.create_index("ix_quotes_source_day", "quotes", ["source_id", "published_day", "id"], unique=False)
    op.create_index("ix_quotes_speaker_day", "quotes", ["speaker_id", "published_day", "id"], unique=False)
    op.create_table(
        "times",
        sa.Column("article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("local_id", sa.String(length=20), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=10), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=True),
        sa.Column("mod", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_times_article_id_articles")),
        sa.PrimaryKeyConstraint("article_id", "local_id", name=op.f("pk_times")),
    )
    op.create_index("ix_times_value", "times", ["value"], unique=False)
    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False, comment="`source` or `target`."),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("local_id", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_event_actors_entity_id_entities")
        ),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_event_actors_event_id_events")),
        sa.PrimaryKeyConstraint("event_id", "role", "position", name=op.f("pk_event_actors")),
    )
    op.create_index("ix_event_actors_entity_id", "event_actors", ["entity_id", "event_id"], unique=False)

    dialect = op.get_bind().dialect.name
    for statement in SQLITE_FTS if dialect == "sqlite" else POSTGRES_FTS if dialect == "postgresql" else ():
        op.execute(statement)


def downgrade() -> None:
    """Drop everything `upgrade` created."""
    if op.get_bind().dialect.name == "sqlite":
        for name in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        for name in ("quotes_fts_insert", "quotes_fts_delete", "quotes_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
        op.execute("DROP TABLE IF EXISTS quotes_fts")
    op.drop_index("ix_event_actors_entity_id", table_name="event_actors")
    op.drop_table("event_actors")
    op.drop_index("ix_times_value", table_name="times")
    op.drop_table("times")
    op.drop_index("ix_quotes_speaker_day", table_name="quotes")
    op.drop_index("ix_quotes_source_day", table_name="quotes")
    op.drop_index("ix_quotes_day", table_name="quotes")
    op.drop_index("ix_quotes_article_id", table_name="quotes")
    op.drop_table("quotes")
    op.drop_index("ix_quantities_unit", table_name="quantities")
    op.drop_index("ix_quantities_claimant_id", table_name="quantities")
    op.drop_index("ix_quantities_article_id", table_name="quantities")
    op.drop_table("quantities")
    op.drop_index("ix_places_geonameid", table_name="places")
    op.drop_index("ix_places_entity_id", table_name="places")
    op.drop_index("ix_places_country", table_name="places")
    op.drop_table("places")
    op.drop_table("minhash_bands")
    op.drop_index("ix_mentions_entity_id", table_name="mentions")
    op.drop_table("mentions")
    op.drop_index("ix_events_type_day", table_name="events")
    op.drop_index("ix_events_day", table_name="events")
    op.drop_index("ix_events_country_day", table_name="events")
    op.drop_index("ix_events_article_id", table_name="events")
    op.drop_table("events")
    op.drop_index("ix_article_urls_url", table_name="article_urls")
    op.drop_table("article_urls")
    op.drop_table("article_minhash")
    op.drop_index("ix_article_entities_entity_day", table_name="article_entities")
    op.drop_table("article_entities")
    op.drop_table("entity_roles")
    op.drop_index("ix_entity_aliases_type_key", table_name="entity_aliases")
    op.drop_index("ix_entity_aliases_alias_key", table_name="entity_aliases")
    op.drop_table("entity_aliases")
    op.drop_index("ix_articles_story_id", table_name="articles")
    op.drop_index("ix_articles_source_day", table_name="articles")
    op.drop_index("ix_articles_published_day", table_name="articles")
    op.drop_index("ix_articles_doc_id", table_name="articles")
    op.drop_table("articles")
    op.drop_table("stories")
    op.drop_table("sources")
    op.drop_index("ix_entities_type_last_key", table_name="entities")
    op.drop_index("ix_entities_name_key", table_name="entities")
    op.drop_table("entities")
