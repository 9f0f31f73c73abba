"""Moving stored rows between entities: merging whole entities, moving single members.

Every row that points at an entity (`REFERENCES`) is re-pointed, and every watch that names a
merged entity follows it (`store.watches.follow`); derived rows (aliases, roles, votes) are
dropped for entities that disappear and rebuilt (`derive.rebuild`) by the caller for those that
change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy import Column, Connection, Table, and_, bindparam, delete, select, update

from newsgraph.store.identity.derive import chunks
from newsgraph.store.schema import (
    ENTITY_REFERENCES,
    article_entities,
    entities,
    entity_aliases,
    entity_keys,
    entity_names,
    entity_roles,
    event_actors,
    events,
    mentions,
    metadata,
    places,
    quantities,
    quotes,
)
from newsgraph.store.watches.follow import follow_entities

REFERENCES: tuple[tuple[Table, str], ...] = (
    (article_entities, "entity_id"),
    (article_entities, "affiliation_id"),
    (mentions, "entity_id"),
    (quotes, "speaker_id"),
    (event_actors, "entity_id"),
    (quantities, "claimant_id"),
    (places, "entity_id"),
    (entity_keys, "entity_id"),
)
"""Every column that holds an entity id (derived tables aside)."""


def merge_into(conn: Connection, moves: Mapping[int, int]) -> None:
    """Point every row of the entities in `moves` (old id → new id) at the new one; delete the old.

    The new entities' counts, aliases, roles and votes are not updated: rebuild them.
    """
    if not moves:
        return
    params = [{"old": old, "new": new} for old, new in sorted(moves.items())]
    for table, name in REFERENCES:
        column: Column[Any] = table.c[name]
        conn.execute(update(table).where(column == bindparam("old")).values({name: bindparam("new")}), params)
    follow_entities(conn, moves)
    drop_entities(conn, moves.keys())


def drop_entities(conn: Connection, ids: Collection[int]) -> None:
    """Delete entities nothing points at any more, with their derived rows."""
    for chunk in chunks(ids):
        for table in (entity_aliases, entity_roles, entity_names):
            conn.execute(delete(table).where(table.c.entity_id.in_(chunk)))
        conn.execute(delete(entities).where(entities.c.id.in_(chunk)))


def move_members(conn: Connection, moves: Mapping[tuple[int, str], int]) -> None:
    """Point the rows of single members ((article id, local id) → entity id) at other entities:
    every column of `ENTITY_REFERENCES` whose article-local id is the member's."""
    by_article: dict[int, dict[str, int]] = defaultdict(dict)
    for (article_id, local_id), entity_id in moves.items():
        by_article[article_id][local_id] = entity_id
    for article_id, local in sorted(by_article.items()):
        _move_in_article(conn, article_id, local)


def _move_in_article(conn: Connection, article_id: int, local: dict[str, int]) -> None:
    params = [{"local": local_id, "entity": entity_id} for local_id, entity_id in sorted(local.items())]
    in_article = select(events.c.id).where(events.c.article_id == article_id).scalar_subquery()
    for name, columns in ENTITY_REFERENCES.items():
        table = metadata.tables[name]
        of_article = (
            table.c.event_id.in_(in_article) if name == "event_actors" else table.c.article_id == article_id
        )
        for column, reference in columns.items():
            conn.execute(
                update(table)
                .where(and_(of_article, table.c[reference] == bindparam("local")))
                .values({column: bindparam("entity")}),
                params,
            )
