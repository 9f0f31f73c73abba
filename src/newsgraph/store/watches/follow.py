"""Watches follow the entities and stories they name when those change ids.

    index_watch(conn, watch_id, query)    # a watch's index rows: its keys, the entities it names
    follow_entities(conn, {40: 12})       # identity merged entity 40 into 12 (ingest or correction)
    follow_stories(conn, {77: 31})        # an article bridged story 77 and story 31
    refollow_stories(conn)                # after `newsgraph stories rebuild`

A query names entities and stories by id, and ids change: identity merges entities into the one
with the smallest id when an article bridges them or a journalist merges them
(`store.identity.merge`, `reresolve`), and two stories merge into the one with the smallest id
when an article reports the event of both (`store.stories.assign`). Following rewrites the
query with the new id and indexes the watch again, in the caller's transaction, so it matches
the new articles of the merged entity or story as it matched the old one's. A split leaves the
id with the side that keeps it (`reresolve`: the side with more members); a rename or retype
changes no id, and a watch's default name is its query in words, always with today's names.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TypeVar

from sqlalchemy import Connection, delete, select, update

from newsgraph.store import schema as s
from newsgraph.store.watches import spec
from newsgraph.store.watches.keys import key, watch_keys
from newsgraph.store.watches.spec import WatchQuery, entity_refs, parse_query, query_data

CHUNK = 500
T = TypeVar("T")


def index_watch(conn: Connection, watch_id: int, query: WatchQuery) -> None:
    """Write a watch's index rows again: `watch_keys` and `watch_entities`.

    An entities watch is indexed under its least mentioned entity (`keys.watch_keys`).

    Raises:
        InputError: a text query that no whole word can index (only `word*` terms).
    """
    refs = sorted(set(entity_refs(query)))
    counts: dict[int, int] = {}
    for chunk in _chunks(refs):
        e = s.entities.c
        counts.update(conn.execute(select(e.id, e.article_count).where(e.id.in_(chunk))).all())
    keys = watch_keys(query, lambda ids: min(ids, key=lambda i: (counts.get(i, 0), i)))
    for table in (s.watch_keys, s.watch_entities):
        conn.execute(delete(table).where(table.c.watch_id == watch_id))
    conn.execute(s.watch_keys.insert(), [{"key": k, "watch_id": watch_id} for k in sorted(set(keys))])
    if refs:
        conn.execute(s.watch_entities.insert(), [{"entity_id": i, "watch_id": watch_id} for i in refs])


def _rewrite(conn: Connection, watch_id: int, query: WatchQuery) -> None:
    conn.execute(update(s.watches).where(s.watches.c.id == watch_id).values(query=query_data(query)))
    index_watch(conn, watch_id, query)


def final_ids(moves: Mapping[int, int]) -> dict[int, int]:
    """Return each moved id's last destination, following chains (a → b, b → c: a → c)."""
    out = {}
    for old in moves:
        new, seen = moves[old], {old}
        while new in moves and new not in seen:
            seen.add(new)
            new = moves[new]
        out[old] = new
    return out


def with_entities(query: WatchQuery, moves: Mapping[int, int]) -> WatchQuery:
    """Return the query with the entities in `moves` (old id → new id) replaced."""

    def new(entity_id: int | None) -> int | None:
        return None if entity_id is None else moves.get(entity_id, entity_id)

    if isinstance(query, spec.QuoteWatch):
        return query.model_copy(update={"speaker": new(query.speaker)})
    if isinstance(query, spec.NumberWatch):
        return query.model_copy(update={"claimant": new(query.claimant)})
    if isinstance(query, spec.EventWatch):
        return query.model_copy(update={"source": new(query.source), "target": new(query.target)})
    if isinstance(query, spec.EntitiesWatch):
        entities = list(dict.fromkeys(moves.get(i, i) for i in query.entities))
        return query.model_copy(update={"entities": entities})
    return query


def follow_entities(conn: Connection, moves: Mapping[int, int]) -> None:
    """Point the watches that name the entities in `moves` (old id → new id) at the new ones."""
    if not moves:
        return
    final = final_ids(moves)
    found: dict[int, str] = {}
    we, w = s.watch_entities.c, s.watches.c
    for chunk in _chunks(sorted(final)):
        rows = conn.execute(
            select(w.id, w.query).join(s.watch_entities, we.watch_id == w.id).where(we.entity_id.in_(chunk))
        )
        found.update(rows.all())
    for watch_id, stored in sorted(found.items()):
        query = parse_query(stored)
        changed = with_entities(query, final)
        if changed != query:
            _rewrite(conn, watch_id, changed)


def story_watches(conn: Connection, stories: Iterable[int]) -> dict[int, list[int]]:
    """Return the watches on these stories, by story id."""
    found: dict[int, list[int]] = {}
    wanted = sorted({key("story", story) for story in stories})
    k = s.watch_keys.c
    for chunk in _chunks(wanted):
        for key_, watch_id in conn.execute(select(k.key, k.watch_id).where(k.key.in_(chunk))):
            found.setdefault(int(key_.removeprefix("story:")), []).append(watch_id)
    return found


def follow_stories(conn: Connection, merged: Mapping[int, int]) -> None:
    """Point the watches on the stories in `merged` (story → story it was merged into) at the
    story they are part of now."""
    final = final_ids(merged)
    for story, watch_ids in sorted(story_watches(conn, final).items()):
        for watch_id in sorted(watch_ids):
            _rewrite(conn, watch_id, spec.StoryWatch(story=final[story]))


def refollow_stories(conn: Connection) -> None:
    """Point every story watch at the story its article is in now (after stories are made again).

    A watch's story id is the smallest id of the story's articles when it was last followed, so
    the story that article is in now is the one it follows; an article in no story keeps the id.
    """
    w, a = s.watches.c, s.articles.c
    watched = {
        watch_id: query
        for watch_id, stored in conn.execute(select(w.id, w.query).where(w.kind == "story"))
        if isinstance(query := parse_query(stored), spec.StoryWatch)
    }
    anchors = sorted({q.story for q in watched.values()})
    now: dict[int, int | None] = {}
    for chunk in _chunks(anchors):
        now.update(conn.execute(select(a.id, a.story_id).where(a.id.in_(chunk))).all())
    for watch_id, query in sorted(watched.items()):
        story = now.get(query.story)
        if story is not None and story != query.story:
            _rewrite(conn, watch_id, spec.StoryWatch(story=story))


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]
