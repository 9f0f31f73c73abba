"""The store's tables, in SQLAlchemy Core: one schema for SQLite and PostgreSQL.

    sources ─┐
    stories ─┼─ articles ─┬─ article_urls          every URL an identical text was seen at
             │            ├─ article_minhash       MinHash signature (near-duplicate detection)
             │            ├─ minhash_bands         its LSH bands, the near-duplicate index
             │            ├─ story_features        what it brings to "same event?" (store.stories)
             │            ├─ story_keys            its entity and place keys, the story index
             │            ├─ story_links           the articles it reports the same event as
             │            ├─ article_entities ─┐   the article's entities, linked to global ones
             │            ├─ mentions ─────────┤
             │            ├─ quotes ───────────┤   speaker_id → entities
             │            ├─ events ─ event_actors → entities
             │            ├─ quantities ───────┤   claimant_id → entities
             │            ├─ times             │
             │            └─ places ───────────┘
    entities ─┬─ entity_aliases                    cross-article identity: canonical name + type
              ├─ entity_roles
              ├─ entity_names                      votes for its name and type
              └─ entity_keys                       identity keys → the entity holding them
    entity_rules ─ entity_audit                    journalists' corrections and who made them
    watches ─┬─ watch_keys                         saved queries; the keys that index them
             ├─ watch_entities                     the entities they name (followed when merged)
             └─ watch_matches ─ watch_deliveries   facts that matched; the webhook queue

Every id is an integer the writer assigns in input order (the next free id inside the batch's
transaction), never a database sequence: sequences are not transactional in PostgreSQL, and ids
must be the same whether an ingest ran once or was killed and resumed. Full-text indexes (FTS5
tables on SQLite, tsvector columns with GIN indexes on PostgreSQL) are created by the migrations,
not declared here, because they differ between the back ends.

The columns of the facts are not written here: `fact_columns` derives them from the fact tables
of `newsgraph.rows` (themselves derived from the Analysis models), so a table has a column for
every field of its model, of the same name; a table adds the store's own keys (integer ids, the
stored entities references resolve to, `source_id`, `published_day`). VARCHAR lengths are the
store's (`LENGTHS`): longer values are cut on write (`writer.fit`), the Analysis keeps them.

Types that differ between the back ends (`store.types`): `published` is a `timestamptz` on
PostgreSQL and text on SQLite; lists, structs and the Analysis are `jsonb` on PostgreSQL and
JSON text on SQLite. `published_day` is the `YYYY-MM-DD` text of the publication date as the
source states it, which sorts and compares correctly as text on both.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.types import TypeEngine

from newsgraph.rows import TABLES
from newsgraph.rows import Column as FactColumn
from newsgraph.store.types import Instant, Json, Timestamp

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

Id = BigInteger().with_variant(Integer(), "sqlite")
"""Ids: 64-bit on PostgreSQL; on SQLite `INTEGER PRIMARY KEY`, the rowid alias FTS5 needs."""

LOCAL_ID_LENGTH = 20
"""Article-local ids (`local_id`, `X_local_id`): `e12`, `q3`."""

LENGTHS: dict[str, dict[str, int]] = {
    "articles": {"hash": 64, "doc_id": 300, "published_source": 10, "reference_date": 10, "language": 20},
    "article_entities": {"type": 20, "sector": 40, "country": 2},
    "mentions": {"kind": 20},
    "quotes": {"kind": 10, "cue": 60},
    "events": {"type": 20, "mode": 40, "cameo": 10, "country": 2, "time_value": 40},
    "quantities": {"kind": 20, "currency": 3},
    "times": {"type": 10, "value": 40, "mod": 20},
    "places": {"country": 2, "feature": 20, "resolved_by": 20},
}
"""VARCHAR lengths of fact columns, by table (other strings are TEXT)."""

_SQL_TYPES: dict[str, type[TypeEngine[Any]]] = {"int": Integer, "float": Float, "bool": Boolean}


def _sql_type(table: str, column: FactColumn) -> TypeEngine[Any]:
    if column.name == "published":
        return Timestamp()
    if not column.type.scalar:
        return Json()
    if column.type.kind == "str":
        length = LENGTHS.get(table, {}).get(column.name)
        if length is None and column.name.endswith("local_id"):
            length = LOCAL_ID_LENGTH
        return String(length) if length else Text()
    return _SQL_TYPES[column.type.kind]()


def fact_columns(
    table: str,
    *,
    skip: Collection[str] = (),
    primary_key: Collection[str] = (),
    unique: Collection[str] = (),
    types: Mapping[str, TypeEngine[Any]] = {},
) -> list[Column[Any]]:
    """Return the SQL columns of a fact table's fact columns (`rows.TABLES[table]`), in order.

    A column is NOT NULL when its model field cannot be None; `types` overrides a column's type.
    """
    return [
        Column(
            column.name,
            types.get(column.name) or _sql_type(table, column),
            nullable=column.nullable and column.name not in primary_key,
            primary_key=column.name in primary_key,
            unique=column.name in unique or None,
        )
        for column in TABLES[table].columns
        if column.name not in skip
    ]


sources = Table(
    "sources",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=False),
    Column("name", String(300), nullable=False, unique=True),
)

stories = Table(
    "stories",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=False, comment="The id of its first article."),
    Column("title", Text),
    Column("article_count", Integer, nullable=False),
    Column("first_published", Timestamp),
    Column("last_published", Timestamp),
    Column("source_count", Integer, nullable=False, server_default="0"),
)
"""Articles reporting one event: the connected components of `story_links` (`store.stories`)."""

articles = Table(
    "articles",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=False),
    Column("source_id", Id, ForeignKey("sources.id")),
    Column("story_id", Id, ForeignKey("stories.id")),
    Column(
        "copy_of",
        Id,
        comment="The first article of its near-duplicates (syndicated copies, updated versions), if any.",
    ),
    *fact_columns("articles", skip={"source"}, unique={"hash"}),
    Column("published_day", String(10)),
    Column("analysis", Json, nullable=False, comment="The full Analysis, as produced (JSON)."),
    Index("ix_articles_published_day", "published_day", "id"),
    Index("ix_articles_source_day", "source_id", "published_day"),
    Index("ix_articles_story_id", "story_id"),
    Index("ix_articles_copy_of", "copy_of"),
    Index("ix_articles_doc_id", "doc_id"),
)

article_urls = Table(
    "article_urls",
    metadata,
    Column("article_id", Id, ForeignKey("articles.id"), primary_key=True),
    Column("url", Text, primary_key=True),
    Index("ix_article_urls_url", "url"),
)

article_minhash = Table(
    "article_minhash",
    metadata,
    Column("article_id", Id, ForeignKey("articles.id"), primary_key=True),
    Column("signature", LargeBinary, nullable=False, comment="MinHash values, uint32 little-endian."),
)

minhash_bands = Table(
    "minhash_bands",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("key", BigInteger, primary_key=True, comment="64-bit hash of the band's MinHash values."),
    Column("article_id", Id, ForeignKey("articles.id"), primary_key=True),
    comment="The LSH index: articles sharing a (band, key) are near-duplicate candidates.",
)

story_features = Table(
    "story_features",
    metadata,
    Column("article_id", Id, ForeignKey("articles.id"), primary_key=True),
    Column("data", Json, nullable=False, comment="JSON: store.stories.features.Features."),
)

story_keys = Table(
    "story_keys",
    metadata,
    Column("key", BigInteger, primary_key=True, comment="64-bit hash of an entity or place key."),
    Column("article_id", Id, ForeignKey("articles.id"), primary_key=True),
    Column("day", String(10), comment="The article's published_day (NULL: undated)."),
    Index("ix_story_keys_key_day", "key", "day", "article_id"),
    comment="The story index: the articles naming an entity or place, by day.",
)

story_links = Table(
    "story_links",
    metadata,
    Column("article_id", Id, ForeignKey("articles.id"), primary_key=True),
    Column("other_id", Id, ForeignKey("articles.id"), primary_key=True, comment="An earlier article."),
    Column("score", Float, nullable=False),
    Column("evidence", Json, nullable=False, comment="JSON: store.stories.evidence.Evidence."),
    Index("ix_story_links_other_id", "other_id"),
    comment="Two articles reporting the same event, and the evidence.",
)

entities = Table(
    "entities",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=False),
    Column("type", String(20), nullable=False, comment="Decided by its members' votes (store.identity)."),
    Column("name", Text, nullable=False, comment="Canonical name, decided by its members' votes."),
    Column("name_key", Text, nullable=False, comment="Normalized name (see store.identity.name_key)."),
    Column("last_key", Text, nullable=False, comment="Last word of name_key (surname lookups)."),
    Column("article_count", Integer, nullable=False),
    Column("mention_count", Integer, nullable=False),
    Column(
        "named",
        Boolean,
        nullable=False,
        server_default="1",
        comment="False for an article's own description-only entity: left out of entity lists.",
    ),
    Column("name_rule", Id, comment="The rename rule that sets its name, if any."),
    Column("type_rule", Id, comment="The retype rule that sets its type, if any."),
    Index("ix_entities_name_key", "name_key"),
    Index("ix_entities_type_last_key", "type", "last_key"),
    Index("ix_entities_named_count", "named", "article_count", "id"),
)

entity_keys = Table(
    "entity_keys",
    metadata,
    Column("key", Text, primary_key=True, comment="An identity key (store.identity.keys)."),
    Column("entity_id", Id, ForeignKey("entities.id"), nullable=False),
    Index("ix_entity_keys_entity_id", "entity_id"),
    comment="Which entity holds each identity key: every member with the key belongs to it.",
)

entity_names = Table(
    "entity_names",
    metadata,
    Column("entity_id", Id, ForeignKey("entities.id"), primary_key=True),
    Column("name", Text, primary_key=True),
    Column("type", String(20), primary_key=True),
    Column("articles", Integer, nullable=False, comment="Articles whose entity had this name and type."),
    Column(
        "linked", Integer, nullable=False, comment="Of those, articles that linked it to a knowledge base."
    ),
    comment="The votes an entity's canonical name and type are decided by.",
)

entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("entity_id", Id, ForeignKey("entities.id"), primary_key=True),
    Column("alias_key", Text, primary_key=True),
    Column("alias", Text, nullable=False, comment="The surface form first seen for this key."),
    Column("type", String(20), nullable=False),
    Column("count", Integer, nullable=False, comment="Articles that used this form."),
    Index("ix_entity_aliases_type_key", "type", "alias_key"),
    Index("ix_entity_aliases_alias_key", "alias_key"),
)

entity_roles = Table(
    "entity_roles",
    metadata,
    Column("entity_id", Id, ForeignKey("entities.id"), primary_key=True),
    Column("role", Text, primary_key=True),
    Column("count", Integer, nullable=False),
)

article_entities = Table(
    "article_entities",
    metadata,
    Column("article_id", Id, ForeignKey("articles.id"), primary_key=True),
    Column("entity_id", Id, ForeignKey("entities.id"), nullable=False),
    Column("affiliation_id", Id, ForeignKey("entities.id")),
    *fact_columns("article_entities", primary_key={"local_id"}),
    Column("published_day", String(10)),
    Column(
        "identity_keys",
        Text,
        comment="JSON list of its identity keys before correction rules (NULL: a description).",
    ),
    Index("ix_article_entities_entity_day", "entity_id", "published_day", "article_id", "mention_count"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("article_id", Id, ForeignKey("articles.id"), primary_key=True),
    Column("entity_id", Id, ForeignKey("entities.id"), nullable=False),
    *fact_columns("mentions", primary_key={"seq"}),
    Index("ix_mentions_entity_id", "entity_id", "article_id"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=False),
    Column("article_id", Id, ForeignKey("articles.id"), nullable=False),
    Column("speaker_id", Id, ForeignKey("entities.id")),
    Column("source_id", Id, ForeignKey("sources.id")),
    *fact_columns("quotes"),
    Column("published_day", String(10)),
    Index("ix_quotes_article_id", "article_id"),
    Index("ix_quotes_speaker_day", "speaker_id", "published_day", "id"),
    Index("ix_quotes_source_day", "source_id", "published_day", "id"),
    Index("ix_quotes_day", "published_day", "id"),
    # Narrow copy of the filter columns: a full-text hit is checked against the filters here,
    # without reading the (wide) quote row. SQLite is told to use it (`INDEXED BY`).
    Index("ix_quotes_filter", "id", "source_id", "published_day", "speaker_id", "article_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=False),
    Column("article_id", Id, ForeignKey("articles.id"), nullable=False),
    Column("source_id", Id, ForeignKey("sources.id")),
    # the actors are rows of event_actors
    *fact_columns("events", skip={"source_actor_local_ids", "target_actor_local_ids"}),
    Column("published_day", String(10)),
    Index("ix_events_article_id", "article_id"),
    Index("ix_events_type_day", "type", "published_day", "id"),
    Index("ix_events_country_day", "country", "published_day", "id"),
    Index("ix_events_day", "published_day", "id"),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", Id, ForeignKey("events.id"), primary_key=True),
    Column("role", String(10), primary_key=True, comment="`source` or `target`."),
    Column("position", Integer, primary_key=True),
    Column("entity_id", Id, ForeignKey("entities.id"), nullable=False),
    Column("entity_local_id", String(20), nullable=False),
    Index("ix_event_actors_entity_id", "entity_id", "event_id"),
)

quantities = Table(
    "quantities",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=False),
    Column("article_id", Id, ForeignKey("articles.id"), nullable=False),
    Column("claimant_id", Id, ForeignKey("entities.id")),
    Column("source_id", Id, ForeignKey("sources.id")),
    *fact_columns("quantities"),
    Column("published_day", String(10)),
    Index("ix_quantities_article_id", "article_id"),
    Index("ix_quantities_claimant_id", "claimant_id", "published_day", "id"),
    Index("ix_quantities_unit", "unit", "published_day", "id"),
)

times = Table(
    "times",
    metadata,
    Column("article_id", Id, ForeignKey("articles.id"), primary_key=True),
    *fact_columns("times", primary_key={"local_id"}),
    Index("ix_times_value", "value"),
)

places = Table(
    "places",
    metadata,
    Column("article_id", Id, ForeignKey("articles.id"), primary_key=True),
    Column("entity_id", Id, ForeignKey("entities.id")),
    *fact_columns("places", primary_key={"local_id"}, types={"geonameid": BigInteger()}),
    Index("ix_places_country", "country"),
    Index("ix_places_geonameid", "geonameid"),
    Index("ix_places_entity_id", "entity_id"),
)

entity_rules = Table(
    "entity_rules",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=False),
    Column("kind", String(10), nullable=False, comment="merge, split, rename, retype or reject."),
    Column("data", Json, nullable=False, comment="JSON: the keys, articles, name or type it applies."),
    Column("created", Instant, nullable=False),
    Column("author", String(200), nullable=False),
    Column("note", Text),
    comment="Corrections to entity identity, applied to every article stored (store.identity.rules).",
)

entity_audit = Table(
    "entity_audit",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=False),
    Column("at", Instant, nullable=False),
    Column("author", String(200), nullable=False),
    Column("action", String(20), nullable=False),
    Column("rule_id", Id),
    Column("detail", Json, nullable=False, comment="JSON: the entities before and after, the request."),
    comment="Who changed entity identity, when, and what it did.",
)

watches = Table(
    "watches",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=False),
    Column("kind", String(10), nullable=False, comment="quote, number, event, entities, story or search."),
    Column("name", Text, comment="The label it was given (null: its query in words)."),
    Column("query", Json, nullable=False, comment="JSON: the stored query (store.watches.spec)."),
    Column("feed_key", String(40), nullable=False, unique=True, comment="Unguessable part of its feed URL."),
    Column("webhook_url", Text, comment="Where matches are POSTed, if anywhere."),
    Column("secret", String(64), nullable=False, comment="HMAC-SHA256 key signing its webhook bodies."),
    Column("created", Instant, nullable=False),
    Column("author", String(200), nullable=False),
    Column("failures", Integer, nullable=False, comment="Webhook deliveries failed in a row."),
    Column("paused", Instant, comment="When its webhook was paused after too many failures."),
    Column("last_error", Text, comment="The last failed delivery's error."),
    Index("ix_watches_kind", "kind"),
    comment="Saved queries over facts: every stored article is matched against them (store.watches).",
)

watch_keys = Table(
    "watch_keys",
    metadata,
    Column("key", String(200), primary_key=True, comment="`speaker:12`, `term:settlement`, … (keys.py)."),
    Column("watch_id", Id, ForeignKey("watches.id"), primary_key=True),
    Index("ix_watch_keys_watch_id", "watch_id"),
    comment="The watch index: an article can match a watch only if it holds one of the watch's keys.",
)

watch_entities = Table(
    "watch_entities",
    metadata,
    Column("entity_id", Id, primary_key=True, comment="An entity the watch's query names."),
    Column("watch_id", Id, ForeignKey("watches.id"), primary_key=True),
    Index("ix_watch_entities_watch_id", "watch_id"),
    comment="The entities each watch names, to rewrite it when they are merged (follow.py).",
)

watch_matches = Table(
    "watch_matches",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=False),
    Column("watch_id", Id, ForeignKey("watches.id"), nullable=False),
    Column("article_id", Id, ForeignKey("articles.id"), nullable=False),
    Column("fact", String(10), nullable=False, comment="quote, quantity, event or article."),
    Column("local_id", String(20), nullable=False, comment="Its id in the article: q1, v2, a number's seq."),
    Column("entry_id", String(45), nullable=False, unique=True, comment="Stable Atom id (urn:uuid:…)."),
    Column("matched", Instant, nullable=False, comment="When the article was stored (UTC)."),
    Index("ix_watch_matches_watch_id", "watch_id", "id"),
    Index("ix_watch_matches_article_id", "article_id"),
    comment="A fact of a stored article that matched a watch.",
)

watch_deliveries = Table(
    "watch_deliveries",
    metadata,
    Column("id", Id, ForeignKey("watch_matches.id"), primary_key=True, comment="The match it delivers."),
    Column("watch_id", Id, ForeignKey("watches.id"), nullable=False),
    Column("status", String(10), nullable=False, comment="pending or sent."),
    Column("attempts", Integer, nullable=False),
    Column("due", Float, nullable=False, comment="Unix time of the next attempt."),
    Column("lease", Float, comment="Unix time until which a worker holds it."),
    Column("sent", Instant),
    Column("last_error", Text),
    Index("ix_watch_deliveries_queue", "status", "watch_id", "id"),
    comment="The webhook queue: one delivery per match of a watch with a webhook, sent in id order.",
)

store_state = Table(
    "store_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column(
        "version",
        BigInteger,
        nullable=False,
        comment="Bumped by every write transaction: readers cache what they built from the data by it.",
    ),
)
"""One row (id 1): the data version. Not data itself; canonical dumps leave it out."""

ENTITY_REFERENCES: dict[str, dict[str, str]] = {
    "article_entities": {"entity_id": "local_id", "affiliation_id": "affiliation_local_id"},
    "mentions": {"entity_id": "entity_local_id"},
    "quotes": {"speaker_id": "speaker_local_id"},
    "quantities": {"claimant_id": "claimant_local_id"},
    "places": {"entity_id": "entity_local_id"},
    "event_actors": {"entity_id": "entity_local_id"},
}
"""The fact columns that hold a stored entity id, by table, each with the column of the
article-local id it resolves (`event_actors` belong to their event's article)."""

ID_TABLES = (sources, stories, articles, entities, quotes, events, quantities)
"""Tables whose `id` the writer assigns (next free id)."""

CHILD_TABLES = (
    story_links,
    story_keys,
    story_features,
    article_urls,
    minhash_bands,
    article_minhash,
    article_entities,
    mentions,
    quotes,
    event_actors,
    events,
    quantities,
    times,
    places,
)
"""Tables that hang off one article, children before parents (the order to delete in)."""
