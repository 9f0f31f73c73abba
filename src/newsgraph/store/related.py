"""Who appears with whom: the entities named in the same articles as one entity, with counts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, ScalarSelect, func, select

from newsgraph.store import schema as s

SCAN = 2000
"""Articles of the entity read (its latest): bounds the cost for an entity named everywhere."""


@dataclass(frozen=True, slots=True)
class Related:
    """An entity named in articles with another one, and in how many of them."""

    id: int
    name: str
    type: str
    articles: int


def latest_articles(entity_id: int, scan: int = SCAN) -> ScalarSelect[int]:
    """The ids of the latest `scan` articles naming `entity_id`, as a subquery, newest first."""
    ae = s.article_entities.c
    return (
        select(ae.article_id)
        .where(ae.entity_id == entity_id)
        .order_by(func.coalesce(ae.published_day, "").desc(), ae.article_id.desc())
        .limit(scan)
        .scalar_subquery()
    )


def cooccurring(conn: Connection, entity_id: int, *, limit: int = 200, scan: int = SCAN) -> list[Related]:
    """Return the entities named in most of the articles that name `entity_id` (its latest `scan`)."""
    latest = latest_articles(entity_id, scan)
    other = s.article_entities.alias("other")
    n = func.count(func.distinct(other.c.article_id))
    rows = conn.execute(
        select(s.entities.c.id, s.entities.c.name, s.entities.c.type, n.label("n"))
        .select_from(other.join(s.entities, s.entities.c.id == other.c.entity_id))
        .where(other.c.article_id.in_(latest), other.c.entity_id != entity_id)
        .group_by(s.entities.c.id, s.entities.c.name, s.entities.c.type)
        .order_by(n.desc(), s.entities.c.id)
        .limit(limit)
    )
    return [Related(int(r.id), r.name, r.type, int(r.n)) for r in rows]
