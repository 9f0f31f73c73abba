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

Dates are ISO 8601 strings: `published` as given, `published_day` its first ten characters
(`YYYY-MM-DD`), which sort and compare correctly as text on both back ends.
"""

from __future__ import annotations

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

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

Id = BigInteger().with_variant(Integer(), "sqlite")
"""Ids: 64-bit on PostgreSQL; on SQLite `INTEGER PRIMARY KEY`, the rowid alias FTS5 needs."""

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
    Column("first_published", String(40)),
    Column("last_published", String(40)),
    Column("source_count", Integer, nullable=False, server_default="0"),
)
"""Articles reporting one event: the connected components of `story_links` (`store.stories`)."""

articles = Table(
    "articles",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=False),
    Column("hash", String(64), nullable=False, unique=True, comment="SHA-256 of the cleaned text."),
    Column("doc_id", String(300), nullable=False, comment="The input's id (Analysis.id)."),
    Column("source_id", Id, ForeignKey("sources.id")),
    Column("story_id", Id, ForeignKey("stories.id")),
    Column(
        "copy_of",
        Id,
        comment="The first article of its near-duplicates (syndicated copies, updated versions), if any.",
    ),
    Column("url", Text, comment="The first URL it was seen at; all are in article_urls."),
    Column("title", Text),
    Column("published", String(40)),
    Column("published_day", String(10)),
    Column(
        "published_source",
        String(10),
        comment="Where the date came from: given, html, url, dateline or text (Analysis.published_source).",
    ),
    Column("language", String(20)),
    Column("authors", Text, comment="JSON list of names."),
    Column("text", Text, nullable=False),
    Column("analysis", Text, nullable=False, comment="The full Analysis JSON as produced."),
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
    Column("data", Text, nullable=False, comment="JSON: store.stories.features.Features."),
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
    Column("evidence", Text, nullable=False, comment="JSON: store.stories.evidence.Evidence."),
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
    Column("local_id", String(20), primary_key=True),
    Column("entity_id", Id, ForeignKey("entities.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("type", String(20), nullable=False),
    Column("roles", Text, comment="JSON list."),
    Column("aliases", Text, comment="JSON list."),
    Column("affiliation_id", Id, ForeignKey("entities.id")),
    Column("sector", String(40)),
    Column("country", String(2)),
    Column("mention_count", Integer, nullable=False),
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
    Column("seq", Integer, primary_key=True),
    Column("entity_id", Id, ForeignKey("entities.id"), nullable=False),
    Column("local_id", String(20), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Index("ix_mentions_entity_id", "entity_id", "article_id"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=False),
    Column("article_id", Id, ForeignKey("articles.id"), nullable=False),
    Column("local_id", String(20), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("fragments", Text, comment="JSON list of spans, for a quote split around its cue."),
    Column("speaker_id", Id, ForeignKey("entities.id")),
    Column("speaker_local_id", String(20)),
    Column("speaker_name", Text, comment="The speaker entity's name in the article."),
    Column("speaker_text", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("cue", String(60)),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("sentence", Integer),
    Column("source_id", Id, ForeignKey("sources.id")),
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
    Column("local_id", String(20), nullable=False),
    Column("type", String(20), nullable=False),
    Column("mode", String(40)),
    Column("context", Text, comment="JSON list."),
    Column("cameo", String(10)),
    Column("source_text", Text),
    Column("target_text", Text),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("trigger_text", Text, nullable=False),
    Column("place_local_id", String(20)),
    Column("place_text", Text),
    Column("place_name", Text),
    Column("country", String(2)),
    Column("lat", Float),
    Column("lon", Float),
    Column("time_local_id", String(20)),
    Column("time_text", Text),
    Column("time_value", String(40)),
    Column("negated", Boolean, nullable=False),
    Column("dead", Float),
    Column("injured", Float),
    Column("size", Float),
    Column("confidence", Float, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("source_id", Id, ForeignKey("sources.id")),
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
    Column("local_id", String(20), nullable=False),
    Index("ix_event_actors_entity_id", "entity_id", "event_id"),
)

quantities = Table(
    "quantities",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=False),
    Column("article_id", Id, ForeignKey("articles.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", Float),
    Column("low", Float),
    Column("high", Float),
    Column("approximate", Boolean, nullable=False),
    Column("unit", Text),
    Column("kind", String(20), nullable=False),
    Column("currency", String(3)),
    Column("base", Text),
    Column("claimant_id", Id, ForeignKey("entities.id")),
    Column("quote_local_id", String(20)),
    Column("sentence", Integer, nullable=False),
    Column("source_id", Id, ForeignKey("sources.id")),
    Column("published_day", String(10)),
    Index("ix_quantities_article_id", "article_id"),
    Index("ix_quantities_claimant_id", "claimant_id", "published_day", "id"),
    Index("ix_quantities_unit", "unit", "published_day", "id"),
)

times = Table(
    "times",
    metadata,
    Column("article_id", Id, ForeignKey("articles.id"), primary_key=True),
    Column("local_id", String(20), primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(10), nullable=False),
    Column("value", String(40)),
    Column("mod", String(20)),
    Index("ix_times_value", "value"),
)

places = Table(
    "places",
    metadata,
    Column("article_id", Id, ForeignKey("articles.id"), primary_key=True),
    Column("local_id", String(20), primary_key=True),
    Column("entity_id", Id, ForeignKey("entities.id")),
    Column("name", Text, nullable=False),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("feature", String(20)),
    Column("geonameid", BigInteger),
    Column("mentions", Text, comment="JSON list of spans."),
    Index("ix_places_country", "country"),
    Index("ix_places_geonameid", "geonameid"),
    Index("ix_places_entity_id", "entity_id"),
)

entity_rules = Table(
    "entity_rules",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=False),
    Column("kind", String(10), nullable=False, comment="merge, split, rename, retype or reject."),
    Column("data", Text, nullable=False, comment="JSON: the keys, articles, name or type it applies."),
    Column("created", String(40), nullable=False),
    Column("author", String(200), nullable=False),
    Column("note", Text),
    comment="Corrections to entity identity, applied to every article stored (store.identity.rules).",
)

entity_audit = Table(
    "entity_audit",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=False),
    Column("at", String(40), nullable=False),
    Column("author", String(200), nullable=False),
    Column("action", String(20), nullable=False),
    Column("rule_id", Id),
    Column("detail", Text, nullable=False, comment="JSON: the entities before and after, the request."),
    comment="Who changed entity identity, when, and what it did.",
)

watches = Table(
    "watches",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=False),
    Column("kind", String(10), nullable=False, comment="quote, number, event, entities, story or search."),
    Column("name", Text, comment="The label it was given (null: its query in words)."),
    Column("query", Text, nullable=False, comment="JSON: the stored query (store.watches.spec)."),
    Column("feed_key", String(40), nullable=False, unique=True, comment="Unguessable part of its feed URL."),
    Column("webhook_url", Text, comment="Where matches are POSTed, if anywhere."),
    Column("secret", String(64), nullable=False, comment="HMAC-SHA256 key signing its webhook bodies."),
    Column("created", String(40), nullable=False),
    Column("author", String(200), nullable=False),
    Column("failures", Integer, nullable=False, comment="Webhook deliveries failed in a row."),
    Column("paused", String(40), comment="When its webhook was paused after too many failures."),
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
    Column("matched", String(40), nullable=False, comment="When the article was stored (UTC)."),
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
    Column("sent", String(40)),
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
