"""Stored events by PLOVER type, actor, place, date and confidence, newest first.

    page = list_events(conn, type_="CONSULT", country="QA", since="2021-07")
    for event in page.items:
        print(event.type, event.trigger_text, [actor.name for actor in event.actors])

An `EventRecord` has the columns of the `events` table under their names (`trigger_text`,
`place_name`, `time_value`, …), its actors with their stored entities, and its article's date
and source.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Connection, Select, func, select

from newsgraph.store import schema as s
from newsgraph.store.paging import (
    Page,
    check_limit,
    decode_cursor,
    encode_cursor,
    newest_first,
    newest_keyset,
)
from newsgraph.store.search import day_bound


@dataclass(frozen=True, slots=True)
class Actor:
    """An event's actor: the stored entity, its name, and its role (`source` or `target`)."""

    entity_id: int
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class EventRecord:
    """A stored event with its actors, place and time."""

    id: int
    article_id: int
    type: str
    mode: str | None
    trigger_text: str
    source_text: str | None
    target_text: str | None
    actors: list[Actor]
    place_name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    time_value: str | None
    negated: bool
    published: str | None
    source: str | None


@dataclass(frozen=True, slots=True)
class EventFilters:
    """What to restrict the events to; every field is optional and they combine with AND."""

    type_: str | None = None
    actor_id: int | None = None
    actor_role: str | None = None
    country: str | None = None
    place: str | None = None
    since: str | None = None
    until: str | None = None
    article_id: int | None = None
    min_confidence: float | None = None


_COLUMNS = [f.name for f in fields(EventRecord) if f.name not in ("actors", "published", "source")]


def _select() -> Select[Any]:
    ev = s.events.c
    return select(
        *(ev[name] for name in _COLUMNS),
        s.articles.c.published,
        s.sources.c.name.label("source"),
        func.coalesce(ev.published_day, "").label("day"),
    ).select_from(
        s.events.join(s.articles, s.articles.c.id == ev.article_id).outerjoin(
            s.sources, s.sources.c.id == ev.source_id
        )
    )


def _conditions(filters: EventFilters, key: list[Any] | None) -> list[Any]:
    ev = s.events.c
    found: list[Any] = []
    if filters.type_:
        found.append(ev.type == filters.type_.upper())
    if filters.country:
        found.append(ev.country == filters.country.upper())
    if filters.place:
        found.append(func.lower(ev.place_name) == filters.place.lower())
    if filters.since:
        found.append(ev.published_day >= day_bound(filters.since, end=False))
    if filters.until:
        found.append(ev.published_day <= day_bound(filters.until, end=True))
    if filters.article_id is not None:
        found.append(ev.article_id == filters.article_id)
    if filters.min_confidence is not None:
        found.append(ev.confidence >= filters.min_confidence)
    after = newest_keyset(ev.published_day, ev.id, key)
    if after is not None:
        found.append(after)
    return found


def _actors(conn: Connection, event_ids: list[int]) -> dict[int, list[Actor]]:
    """The actors of each event, sources first, in their order."""
    found: dict[int, list[Actor]] = {event_id: [] for event_id in event_ids}
    if not event_ids:
        return found
    ea = s.event_actors.c
    for r in conn.execute(
        select(ea.event_id, ea.entity_id, ea.role, s.entities.c.name)
        .join(s.entities, s.entities.c.id == ea.entity_id)
        .where(ea.event_id.in_(event_ids))
        .order_by(ea.event_id, ea.role, ea.position)
    ):
        found[r.event_id].append(Actor(r.entity_id, r.name, r.role))
    return found


def list_events(
    conn: Connection,
    *,
    type_: str | None = None,
    actor_id: int | None = None,
    actor_role: str | None = None,
    country: str | None = None,
    place: str | None = None,
    since: str | None = None,
    until: str | None = None,
    article_id: int | None = None,
    min_confidence: float | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> Page[EventRecord]:
    """Return events, newest first, by PLOVER type, actor (entity id; role `source`/`target`), place,
    date and confidence (at least `min_confidence`).

    Raises:
        InputError: a bad date, limit or cursor.
    """
    filters = EventFilters(
        type_, actor_id, actor_role, country, place, since, until, article_id, min_confidence
    )
    check_limit(limit)
    ev = s.events.c
    conditions = _conditions(filters, decode_cursor(cursor, 2))
    order = newest_first(conn, ev.published_day, ev.id)
    if filters.actor_id is not None:
        # The actor's page of event ids first, from the events table alone, then the joins for
        # that page only: an entity in thousands of events would otherwise have every one of them
        # joined to its article and source before the sort.
        actors = select(s.event_actors.c.event_id).where(s.event_actors.c.entity_id == filters.actor_id)
        if filters.actor_role:
            actors = actors.where(s.event_actors.c.role == filters.actor_role)
        page = select(ev.id).where(ev.id.in_(actors), *conditions).order_by(*order).limit(limit + 1)
        conditions = [ev.id.in_([r.id for r in conn.execute(page)])]
    rows = conn.execute(_select().where(*conditions).order_by(*order).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    actors_of = _actors(conn, [r.id for r in rows])
    items = [
        EventRecord(
            **{name: getattr(r, name) for name in _COLUMNS},
            actors=actors_of[r.id],
            published=r.published,
            source=r.source,
        )
        for r in rows
    ]
    return Page(items, encode_cursor([rows[-1].day, rows[-1].id]) if more and rows else None)
