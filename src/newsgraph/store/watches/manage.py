"""Create, list, show, delete and resume watches.

    watch, secret = create_watch(engine, WatchIn(query=QuoteWatch(speaker=12)))
    for w in list_watches(conn): print(w.id, w.description, w.feed)

A watch is stored with its index keys (`keys.py`) and the entities it names (`follow.py`), an
unguessable feed key (its feed's URL is `/feeds/KEY.atom`, readable by anyone who has the URL)
and a secret that signs its webhook bodies, returned once, at creation. A watch given no name is
shown by its query in words, with the entities' names of the day. Every change bumps the store's
data version, as a write of articles does, so cached pages that show watches are built again.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, select, update

from newsgraph.errors import NotFound
from newsgraph.store import schema as s
from newsgraph.store.db import bump_version, write_connection, write_lock
from newsgraph.store.types import now_text
from newsgraph.store.watches import spec
from newsgraph.store.watches.follow import index_watch
from newsgraph.store.watches.spec import (
    WatchIn,
    WatchPublic,
    WatchQuery,
    WebhookState,
    entity_refs,
    parse_query,
    query_data,
)
from newsgraph.store.watches.targets import check_target


def _write(engine: Engine, work: Callable[[Connection], Any]) -> Any:
    with write_connection(engine) as conn, conn.begin():
        write_lock(conn)
        bump_version(conn)
        return work(conn)


def _check_refs(conn: Connection, query: WatchQuery) -> None:
    """Raise NotFound naming an entity or story the query names that is not stored."""
    refs = entity_refs(query)
    e = s.entities.c
    found = {r[0] for r in conn.execute(select(e.id).where(e.id.in_(refs)))} if refs else set()
    missing = [i for i in refs if i not in found]
    if missing:
        raise NotFound(f"no entity {missing[0]}")
    if isinstance(query, spec.StoryWatch):
        story = conn.execute(select(s.stories.c.id).where(s.stories.c.id == query.story)).first()
        if story is None:
            raise NotFound(f"no story {query.story}")


def describe(conn: Connection, query: WatchQuery) -> str:
    """Return the query in words, entities by name ("quotes by Haibatullah Akhundzada")."""
    e = s.entities.c
    ids = entity_refs(query)
    names: dict[int, str] = {}
    if ids:
        names = {r.id: str(r.name) for r in conn.execute(select(e.id, e.name).where(e.id.in_(ids)))}

    def name(entity_id: int | None) -> str:
        return names.get(entity_id or 0, f"entity {entity_id}")

    if isinstance(query, spec.QuoteWatch):
        return f"quotes by {name(query.speaker)}" + (f" matching {query.words}" if query.words else "")
    if isinstance(query, spec.NumberWatch):
        parts = [f"about {query.words}" if query.words else "", f"of {query.unit}" if query.unit else ""]
        parts.append(f"claimed by {name(query.claimant)}" if query.claimant else "")
        return " ".join(["numbers", *[p for p in parts if p]])
    if isinstance(query, spec.EventWatch):
        parts = [f"{query.type} events" if query.type else "events"]
        if query.source is not None:
            parts.append(f"by {name(query.source)}")
        if query.target is not None:
            parts.append(f"on {name(query.target)}")
        if query.either_way and (query.source or query.target):
            parts.append("(either way)")
        parts += [f"in {p}" for p in (query.place, query.country) if p]
        return " ".join(parts)
    if isinstance(query, spec.EntitiesWatch):
        return "articles mentioning " + " and ".join(name(i) for i in query.entities)
    if isinstance(query, spec.StoryWatch):
        title = conn.execute(select(s.stories.c.title).where(s.stories.c.id == query.story)).scalar()
        return f"new articles in story {query.story}" + (f" ({title})" if title else "")
    assert isinstance(query, spec.SearchWatch)
    where = "quotes" if query.scope == "quotes" else "articles"
    return f"{where} matching {query.query}" + (f" from {query.source}" if query.source else "")


def create_watch(engine: Engine, watch: WatchIn, *, allow_private: bool = False) -> tuple[WatchPublic, str]:
    """Store a watch; return it and its webhook secret (shown only now).

    `allow_private` lets its webhook reach addresses off the public internet (`targets.py`).

    Raises:
        NotFound: an entity or story it names is not stored.
        UnsafeTarget: its webhook's host is or resolves to a refused address.
        InputError: a text query that no whole word can index (only `word*` terms), or a webhook
            host that does not resolve.
    """
    query = watch.query
    if watch.webhook is not None:
        check_target(watch.webhook, allow_private=allow_private)

    def work(conn: Connection) -> tuple[WatchPublic, str]:
        _check_refs(conn, query)
        watch_id = (conn.execute(select(func.max(s.watches.c.id))).scalar() or 0) + 1
        secret = secrets.token_hex(32)
        conn.execute(
            s.watches.insert().values(
                id=watch_id,
                kind=query.kind,
                name=(watch.name or "").strip() or None,
                query=query_data(query),
                feed_key=secrets.token_urlsafe(18),
                webhook_url=watch.webhook,
                secret=secret,
                created=now_text(),
                author=watch.author,
                failures=0,
            )
        )
        index_watch(conn, watch_id, query)
        return _public(conn, _rows(conn, s.watches.c.id == watch_id))[0], secret

    result: tuple[WatchPublic, str] = _write(engine, work)
    return result


def _rows(conn: Connection, where: Any) -> list[Any]:
    return list(conn.execute(select(s.watches).where(where).order_by(s.watches.c.id)))


def _public(conn: Connection, rows: list[Any]) -> list[WatchPublic]:
    ids = [r.id for r in rows]
    m, d = s.watch_matches.c, s.watch_deliveries.c
    matches: dict[int, int] = dict(
        conn.execute(select(m.watch_id, func.count()).where(m.watch_id.in_(ids)).group_by(m.watch_id)).all()
    )
    pending: dict[int, int] = dict(
        conn.execute(
            select(d.watch_id, func.count())
            .where(d.status == "pending", d.watch_id.in_(ids))
            .group_by(d.watch_id)
        ).all()
    )
    out = []
    for r in rows:
        query = parse_query(r.query)
        hook = None
        if r.webhook_url:
            hook = WebhookState(
                url=r.webhook_url,
                failures=r.failures,
                paused=r.paused,
                last_error=r.last_error,
                pending=pending.get(r.id, 0),
            )
        description = describe(conn, query)
        out.append(
            WatchPublic(
                id=r.id,
                kind=r.kind,
                name=r.name or description,
                query=query,
                description=description,
                feed=f"/feeds/{r.feed_key}.atom",
                created=r.created,
                author=r.author,
                matches=matches.get(r.id, 0),
                webhook=hook,
            )
        )
    return out


def list_watches(conn: Connection) -> list[WatchPublic]:
    """Return every watch, oldest first."""
    return _public(conn, _rows(conn, s.watches.c.id > 0))


def get_watch(conn: Connection, watch_id: int) -> WatchPublic:
    """Return one watch.

    Raises:
        NotFound: no watch has this id.
    """
    rows = _rows(conn, s.watches.c.id == watch_id)
    if not rows:
        raise NotFound(f"no watch {watch_id}")
    return _public(conn, rows)[0]


def watch_by_feed(conn: Connection, feed_key: str) -> WatchPublic:
    """Return the watch whose feed key this is.

    Raises:
        NotFound: no watch has it.
    """
    rows = _rows(conn, s.watches.c.feed_key == feed_key)
    if not rows:
        raise NotFound("no such feed")
    return _public(conn, rows)[0]


def delete_watch(engine: Engine, watch_id: int) -> None:
    """Delete a watch with its keys, matches and queued deliveries.

    Raises:
        NotFound: no watch has this id.
    """

    def work(conn: Connection) -> None:
        if not _rows(conn, s.watches.c.id == watch_id):
            raise NotFound(f"no watch {watch_id}")
        for table in (s.watch_deliveries, s.watch_matches, s.watch_keys, s.watch_entities):
            conn.execute(delete(table).where(table.c.watch_id == watch_id))
        conn.execute(delete(s.watches).where(s.watches.c.id == watch_id))

    _write(engine, work)


def resume_watch(engine: Engine, watch_id: int) -> WatchPublic:
    """Resume a paused webhook: its backlog is sent again from the oldest delivery, now.

    Raises:
        NotFound: no watch has this id.
    """

    def work(conn: Connection) -> WatchPublic:
        done = conn.execute(
            update(s.watches)
            .where(s.watches.c.id == watch_id)
            .values(paused=None, failures=0, last_error=None)
        )
        if done.rowcount == 0:
            raise NotFound(f"no watch {watch_id}")
        d = s.watch_deliveries.c
        conn.execute(
            update(s.watch_deliveries)
            .where(d.watch_id == watch_id, d.status == "pending")
            .values(due=time.time(), lease=None)
        )
        return _public(conn, _rows(conn, s.watches.c.id == watch_id))[0]

    result: WatchPublic = _write(engine, work)
    return result
