"""Resolve the members of some stored entities again, as the writer would with today's rules.

After a correction rule is added, the entities it touches are resolved again from their
members' stored keys: the members are grouped into connected components over their effective
keys (a component reaching a key held by an entity outside the set takes that entity in), each
component becomes one entity, members without keys become their article's own entity, and
every row is moved accordingly (`merge`), then the entities are rebuilt (`derive`). The result
is what storing all the articles again with these rules would give. A watch that named an
entity that is gone follows the entity holding most of its members (`store.watches.follow`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, select

from newsgraph.store.identity.derive import chunks, named_row, rebuild, stored_members
from newsgraph.store.identity.members import ArticleMember
from newsgraph.store.identity.merge import drop_entities, merge_into, move_members
from newsgraph.store.identity.rules import RuleSet
from newsgraph.store.schema import entities, entity_keys
from newsgraph.store.watches.follow import follow_entities


@dataclass(slots=True)
class _Stored:
    article_id: int
    entity_id: int
    member: ArticleMember


class _Components:
    """Union-find over member indices."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _members(conn: Connection, ids: Collection[int], rules: RuleSet) -> list[_Stored]:
    return [
        _Stored(article_id, entity_id, member)
        for entity_id, article_id, member in stored_members(conn, ids, rules)
    ]


def _outside_owners(conn: Connection, keys: Collection[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in chunks(keys):
        rows = conn.execute(
            select(entity_keys.c.key, entity_keys.c.entity_id).where(entity_keys.c.key.in_(chunk))
        )
        found.update({r.key: r.entity_id for r in rows})
    return found


def reresolve(conn: Connection, ids: Collection[int], rules: RuleSet) -> set[int]:
    """Resolve the members of these entities again; return the ids of the entities they are in now."""
    ids = set(ids)
    stored = _members(conn, ids, rules)
    for chunk in chunks(ids):
        conn.execute(delete(entity_keys).where(entity_keys.c.entity_id.in_(chunk)))
    outside = _outside_owners(conn, {k for s in stored for k in s.member.keys})
    groups = _group(stored)
    next_id = [int(conn.execute(select(func.max(entities.c.id))).scalar() or 0) + 1]
    taken: set[int] = set()
    target: dict[int, int] = {}
    absorbed: dict[int, int] = {}
    new_rows: list[dict[str, Any]] = []
    for root, members in sorted(groups.items(), key=lambda g: (-len(g[1]), g[0])):
        keys = {k for i in members for k in stored[i].member.keys}
        owners = sorted({outside[k] for k in keys if k in outside})
        if owners:
            entity_id = owners[0]
            absorbed.update(dict.fromkeys(owners[1:], entity_id))
        else:
            free = sorted({stored[i].entity_id for i in members} - taken)
            entity_id = free[0] if free else _take(next_id)
        if entity_id not in ids and not owners:
            first = stored[members[0]].member
            new_rows.append(_entity_row(entity_id, first))
        taken.add(entity_id)
        target[root] = entity_id
    if new_rows:
        conn.execute(entities.insert(), new_rows)
    merge_into(conn, absorbed)
    return _write(conn, stored, groups, target, ids, rules)


def _group(stored: list[_Stored]) -> dict[int, list[int]]:
    """Return the members' components (root index → member indices); keyless members alone."""
    components = _Components(len(stored))
    first: dict[str, int] = {}
    for i, item in enumerate(stored):
        for key in sorted(item.member.keys):
            if key in first:
                components.union(first[key], i)
            else:
                first[key] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(stored)):
        groups.setdefault(components.find(i), []).append(i)
    return groups


def _successors(
    stored: list[_Stored], groups: dict[int, list[int]], target: dict[int, int], dropped: set[int]
) -> dict[int, int]:
    """Return, for each dropped entity, the entity that holds most of its members now (watches
    that named it follow that one; a tie goes to the smallest id)."""
    votes: dict[int, Counter[int]] = defaultdict(Counter)
    for root, members in groups.items():
        for i in members:
            if stored[i].entity_id in dropped:
                votes[stored[i].entity_id][target[root]] += 1
    return {old: min(c, key=lambda e: (-c[e], e)) for old, c in votes.items()}


def _take(next_id: list[int]) -> int:
    value = next_id[0]
    next_id[0] += 1
    return value


def _entity_row(entity_id: int, member: ArticleMember) -> dict[str, Any]:
    row = named_row(entity_id, member.name, member.type)
    row.update(id=row.pop("eid"), article_count=0, mention_count=0, named=member.named)
    return row


def _write(
    conn: Connection,
    stored: list[_Stored],
    groups: dict[int, list[int]],
    target: dict[int, int],
    ids: set[int],
    rules: RuleSet,
) -> set[int]:
    moves: dict[tuple[int, str], int] = {}
    key_rows: dict[str, int] = {}
    named: dict[int, bool] = {}
    for root, members in groups.items():
        entity_id = target[root]
        for i in members:
            item = stored[i]
            named[entity_id] = named.get(entity_id, False) or item.member.named
            key_rows.update(dict.fromkeys(item.member.keys, entity_id))
            if item.entity_id != entity_id:
                moves[(item.article_id, item.member.local_id)] = entity_id
    move_members(conn, moves)
    if key_rows:
        existing = _outside_owners(conn, key_rows)
        rows = [{"key": k, "entity_id": v} for k, v in sorted(key_rows.items()) if k not in existing]
        if rows:
            conn.execute(entity_keys.insert(), rows)
    for entity_id, flag in sorted(named.items()):
        conn.execute(entities.update().where(entities.c.id == entity_id).values(named=flag))
    result = set(target.values())
    follow_entities(conn, _successors(stored, groups, target, ids - result))
    drop_entities(conn, ids - result)
    rebuild(conn, result, rules)
    return result
