"""Typed read functions over the store, for the CLI, the API and the web UI.

Every function takes an open `Connection` (the caller decides its lifetime, e.g. one per
request) and returns dataclasses; lists come as `Page`s with keyset cursors. Missing things
raise `NotFound`. Full-text search lives in `store.search`; this module answers the browsing
questions: one article with its full Analysis, an entity with its aliases, roles, quotes,
events, numbers and mentions over time, events by type/actor/place/date, and counts (stories are
read by `store.stories.read`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import Connection, and_, func, or_, select

from newsgraph.errors import NotFound
from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis
from newsgraph.store import schema as s
from newsgraph.store.identity import find_entities as _find_entity_ids
from newsgraph.store.paging import (
    Page,
    check_limit,
    decode_cursor,
    keyset_page,
    newest_first,
    newest_keyset,
)
from newsgraph.store.search import (
    Filters,
    QuantityHit,
    QuoteHit,
    Snippet,
    day_bound,
    hit_from_row,
    search_quotes,
)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """An article's headline facts, for lists."""

    id: int
    hash: str
    doc_id: str
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    story_id: int | None


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One stored article: its summary, every URL it was seen at, and its full Analysis."""

    summary: ArticleSummary
    urls: list[str]
    analysis: Analysis


@dataclass(frozen=True, slots=True)
class EntitySummary:
    """A cross-article entity, for lists."""

    id: int
    type: str
    name: str
    article_count: int
    mention_count: int


@dataclass(frozen=True, slots=True)
class Alias:
    """A surface form of an entity's name and in how many articles it was used."""

    alias: str
    count: int


@dataclass(frozen=True, slots=True)
class Role:
    """A title or role given to an entity and in how many articles."""

    role: str
    count: int


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """An entity with its aliases and roles (most used first)."""

    summary: EntitySummary
    aliases: list[Alias]
    roles: list[Role]


@dataclass(frozen=True, slots=True)
class Undated:
    """The articles of unknown date that mention an entity: not on its timeline."""

    articles: int
    mentions: int


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """How often an entity appeared on one day."""

    day: str
    articles: int
    mentions: int


@dataclass(frozen=True, slots=True)
class Stats:
    """Counts over the whole store."""

    articles: int
    sources: int
    entities: int
    quotes: int
    events: int
    quantities: int
    places: int
    stories: int
    first_day: str | None
    last_day: str | None
    by_source: dict[str, int] = field(default_factory=dict)
    by_event_type: dict[str, int] = field(default_factory=dict)
    by_entity_type: dict[str, int] = field(default_factory=dict)


_ARTICLE_COLUMNS = (
    s.articles.c.id,
    s.articles.c.hash,
    s.articles.c.doc_id,
    s.articles.c.title,
    s.articles.c.url,
    s.sources.c.name.label("source"),
    s.articles.c.published,
    s.articles.c.story_id,
)


def _article_summary(row: Any) -> ArticleSummary:
    return ArticleSummary(
        id=row.id,
        hash=row.hash,
        doc_id=row.doc_id,
        title=row.title,
        url=row.url,
        source=row.source,
        published=row.published,
        story_id=row.story_id,
    )


def _articles_select() -> Any:
    return select(*_ARTICLE_COLUMNS).select_from(
        s.articles.outerjoin(s.sources, s.sources.c.id == s.articles.c.source_id)
    )


def get_article(conn: Connection, article_id: int) -> ArticleRecord:
    """Return one article with its URLs and full Analysis.

    Raises:
        NotFound: no article has this id.
    """
    row = conn.execute(
        _articles_select().add_columns(s.articles.c.analysis).where(s.articles.c.id == article_id)
    ).first()
    if row is None:
        raise NotFound(f"no article {article_id}")
    urls = [
        r[0]
        for r in conn.execute(
            select(s.article_urls.c.url)
            .where(s.article_urls.c.article_id == article_id)
            .order_by(s.article_urls.c.url)
        )
    ]
    return ArticleRecord(_article_summary(row), urls, Analysis.model_validate(row.analysis))


def get_article_id_by_hash(conn: Connection, content_hash: str) -> int:
    """Return the id of the article with this content hash.

    Raises:
        NotFound: none has it.
    """
    found = conn.execute(select(s.articles.c.id).where(s.articles.c.hash == content_hash)).scalar()
    if found is None:
        raise NotFound(f"no article with hash {content_hash}")
    return int(found)


def list_articles(
    conn: Connection,
    *,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    story_id: int | None = None,
    entity_id: int | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> Page[ArticleSummary]:
    """Return articles, newest first, optionally of one source, period, story or entity."""
    check_limit(limit)
    key = decode_cursor(cursor, 2)
    a = s.articles.c
    stmt = _articles_select().add_columns(func.coalesce(a.published_day, "").label("day"))
    if source:
        stmt = stmt.where(func.lower(s.sources.c.name) == source.lower())
    if since:
        stmt = stmt.where(a.published_day >= day_bound(since, end=False))
    if until:
        stmt = stmt.where(a.published_day <= day_bound(until, end=True))
    if story_id is not None:
        stmt = stmt.where(a.story_id == story_id)
    if entity_id is not None:
        stmt = stmt.where(
            a.id.in_(
                select(s.article_entities.c.article_id).where(s.article_entities.c.entity_id == entity_id)
            )
        )
    cond = newest_keyset(a.published_day, a.id, key)
    if cond is not None:
        stmt = stmt.where(cond)
    rows = conn.execute(stmt.order_by(*newest_first(conn, a.published_day, a.id)).limit(limit + 1)).all()
    return keyset_page(rows, limit, _article_summary, lambda r: [r.day, r.id])


def _entity_summary(row: Any) -> EntitySummary:
    return EntitySummary(row.id, row.type, row.name, row.article_count, row.mention_count)


_ENTITY_COLUMNS = (
    s.entities.c.id,
    s.entities.c.type,
    s.entities.c.name,
    s.entities.c.article_count,
    s.entities.c.mention_count,
)


def get_entity(conn: Connection, entity_id: int) -> EntityRecord:
    """Return an entity with its aliases and roles.

    Raises:
        NotFound: no entity has this id.
    """
    row = conn.execute(select(*_ENTITY_COLUMNS).where(s.entities.c.id == entity_id)).first()
    if row is None:
        raise NotFound(f"no entity {entity_id}")
    al = s.entity_aliases.c
    aliases = [
        Alias(r.alias, r.n)
        for r in conn.execute(
            select(al.alias, al.count.label("n"))
            .where(al.entity_id == entity_id)
            .order_by(al.count.desc(), al.alias)
        )
    ]
    ro = s.entity_roles.c
    roles = [
        Role(r.role, r.n)
        for r in conn.execute(
            select(ro.role, ro.count.label("n"))
            .where(ro.entity_id == entity_id)
            .order_by(ro.count.desc(), ro.role)
        )
    ]
    return EntityRecord(_entity_summary(row), aliases, roles)


def find_entities(
    conn: Connection, name: str, type_: str | None = None, limit: int = 20
) -> list[EntitySummary]:
    """Return the entities called `name` (by name or alias, or containing it), most mentioned first."""
    ids = _find_entity_ids(conn, name, type_, limit=limit)
    if not ids:
        return []
    rows = conn.execute(
        select(*_ENTITY_COLUMNS)
        .where(s.entities.c.id.in_(ids))
        .order_by(s.entities.c.article_count.desc(), s.entities.c.id)
    )
    return [_entity_summary(r) for r in rows]


def list_entities(
    conn: Connection,
    *,
    type_: str | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> Page[EntitySummary]:
    """Return the listed entities (not an article's own description), those in most articles first."""
    check_limit(limit)
    key = decode_cursor(cursor, 2)
    e = s.entities.c
    stmt = select(*_ENTITY_COLUMNS).where(e.named.is_(True))
    if type_:
        stmt = stmt.where(e.type == type_.upper())
    if key is not None:
        stmt = stmt.where(or_(e.article_count < key[0], and_(e.article_count == key[0], e.id > key[1])))
    rows = conn.execute(stmt.order_by(e.article_count.desc(), e.id).limit(limit + 1)).all()
    return keyset_page(rows, limit, _entity_summary, lambda r: [r.article_count, r.id])


def entity_timeline(conn: Connection, entity_id: int) -> list[TimelinePoint]:
    """Return per day how many articles mention the entity, and how often (undated articles left out)."""
    ae = s.article_entities.c
    rows = conn.execute(
        select(
            ae.published_day,
            func.count(func.distinct(ae.article_id)).label("articles"),
            func.sum(ae.mention_count).label("mentions"),
        )
        .where(ae.entity_id == entity_id, ae.published_day.is_not(None))
        .group_by(ae.published_day)
        .order_by(ae.published_day)
    )
    return [TimelinePoint(r.published_day, int(r.articles), int(r.mentions or 0)) for r in rows]


def entity_undated(conn: Connection, entity_id: int) -> Undated:
    """Return how many articles of unknown date mention the entity, and how often (not on its timeline)."""
    ae = s.article_entities.c
    row = conn.execute(
        select(func.count(func.distinct(ae.article_id)), func.sum(ae.mention_count)).where(
            ae.entity_id == entity_id, ae.published_day.is_(None)
        )
    ).one()
    return Undated(int(row[0] or 0), int(row[1] or 0))


def entity_quotes(
    conn: Connection, entity_id: int, *, limit: int = 20, cursor: str | None = None
) -> Page[QuoteHit]:
    """Return the quotes the entity is the speaker of, newest first."""
    return search_quotes(conn, None, Filters(speaker_id=entity_id), limit=limit, cursor=cursor)


def entity_quantities(
    conn: Connection, entity_id: int, *, limit: int = 20, cursor: str | None = None
) -> Page[QuantityHit]:
    """Return the numbers the entity claims, newest first."""
    check_limit(limit)
    key = decode_cursor(cursor, 2)
    q = s.quantities.c
    stmt = (
        select(
            q.id,
            q.article_id,
            q.text,
            q.value,
            q.unit,
            q.kind,
            q.approximate,
            q.claimant_id,
            s.entities.c.name.label("claimant_name"),
            s.sources.c.name.label("source"),
            s.articles.c.published,
            s.articles.c.title,
            func.coalesce(q.published_day, "").label("day"),
        )
        .select_from(
            s.quantities.join(s.articles, s.articles.c.id == q.article_id)
            .outerjoin(s.sources, s.sources.c.id == q.source_id)
            .outerjoin(s.entities, s.entities.c.id == q.claimant_id)
        )
        .where(q.claimant_id == entity_id)
    )
    cond = newest_keyset(q.published_day, q.id, key)
    if cond is not None:
        stmt = stmt.where(cond)
    rows = conn.execute(stmt.order_by(*newest_first(conn, q.published_day, q.id)).limit(limit + 1)).all()
    return keyset_page(
        rows,
        limit,
        lambda r: hit_from_row(QuantityHit, r, snippet=Snippet(((r.text, True),))),
        lambda r: [r.day, r.id],
    )


def _count(conn: Connection, table: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)


def stats(conn: Connection) -> Stats:
    """Return counts over the whole store."""
    a = s.articles.c
    first, last = conn.execute(select(func.min(a.published_day), func.max(a.published_day))).one()
    by_source = {
        r.name: int(r.n)
        for r in conn.execute(
            select(s.sources.c.name, func.count(a.id).label("n"))
            .join(s.articles, a.source_id == s.sources.c.id)
            .group_by(s.sources.c.name)
            .order_by(func.count(a.id).desc(), s.sources.c.name)
        )
    }
    by_event_type = {
        r.type: int(r.n)
        for r in conn.execute(
            select(s.events.c.type, func.count().label("n"))
            .where(s.events.c.confidence >= EVENT_MIN_CONFIDENCE)
            .group_by(s.events.c.type)
            .order_by(func.count().desc(), s.events.c.type)
        )
    }
    by_entity_type = {
        r.type: int(r.n)
        for r in conn.execute(
            select(s.entities.c.type, func.count().label("n"))
            .group_by(s.entities.c.type)
            .order_by(func.count().desc(), s.entities.c.type)
        )
    }
    return Stats(
        articles=_count(conn, s.articles),
        sources=_count(conn, s.sources),
        entities=_count(conn, s.entities),
        quotes=_count(conn, s.quotes),
        events=_count(conn, s.events),
        quantities=_count(conn, s.quantities),
        places=_count(conn, s.places),
        stories=_count(conn, s.stories),
        first_day=first,
        last_day=last,
        by_source=by_source,
        by_event_type=by_event_type,
        by_entity_type=by_entity_type,
    )


def to_jsonable(value: Any) -> Any:
    """Return a dataclass (or Page, list, Analysis) as JSON-ready data; snippets become marked text."""
    return orjson.loads(orjson.dumps(value, default=_default))


def _default(value: Any) -> Any:
    if isinstance(value, Snippet):
        return {"text": value.text, "parts": [[p, hit] for p, hit in value.parts]}
    if isinstance(value, Analysis):
        return value.to_dict()
    raise TypeError(f"not serializable: {type(value).__name__}")
