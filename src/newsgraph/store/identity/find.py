"""Find stored entities by a name a user typed (search filters, the entity list's search box)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, func, select

from newsgraph.store.identity.keys import name_key
from newsgraph.store.schema import entities, entity_aliases


def _contains_run(longer: list[str], shorter: list[str]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def find_entities(conn: Connection, name: str, type_: str | None = None, limit: int = 50) -> list[int]:
    """Return ids of listed entities called `name` (as a name or an alias), or whose name contains it.

    Exact name and alias matches come first; the word-containment search runs only when there are
    none ("Akhundzada" finds "Haibatullah Akhundzada" even if that alias was never seen).
    Description-only entities (`named` false) are never found.
    """
    key = name_key(name)
    if not key:
        return []
    e, al = entities.c, entity_aliases.c
    listed: list[Any] = [e.named.is_(True)]
    if type_:
        listed.append(e.type == type_)
    ids = [r[0] for r in conn.execute(select(e.id).where(e.name_key == key, *listed).limit(limit))]
    ids += [
        r[0]
        for r in conn.execute(
            select(al.entity_id)
            .join(entities, e.id == al.entity_id)
            .where(al.alias_key == key, *listed)
            .limit(limit)
        )
    ]
    if not ids:
        words = key.split()
        rows = conn.execute(select(e.id, e.name_key).where(e.last_key == words[-1], *listed).limit(500))
        ids = [r.id for r in rows if _contains_run(r.name_key.split(), words)]
    if not ids:
        pattern = f"% {key}%"
        contains = func.lower(e.name_key).like(pattern) | e.name_key.like(f"{key}%")
        ids = [r[0] for r in conn.execute(select(e.id).where(and_(contains, *listed)).limit(limit))]
    return sorted(set(ids))[:limit]
