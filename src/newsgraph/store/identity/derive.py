"""What an entity row sums up from its members: counts, aliases, roles, name and type votes.

`add` adds articles' contributions to entities (the writer, one batch at a time); `rebuild`
recomputes everything from the stored members (after a merge, a split, a correction); both sum
the same `members.Contribution`s, so an entity ends with the same rows either way. `refresh`
decides the canonical name and type from the votes and the rules (`decide`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from newsgraph.store.identity.decide import Vote, decide
from newsgraph.store.identity.keys import last_word, name_key
from newsgraph.store.identity.members import ArticleMember, Contribution, contributions, stored_member
from newsgraph.store.identity.rules import RuleSet
from newsgraph.store.schema import (
    article_entities,
    articles,
    entities,
    entity_aliases,
    entity_keys,
    entity_names,
    entity_roles,
)

CHUNK = 400


def chunks(items: Collection[Any], size: int = CHUNK) -> Iterable[list[Any]]:
    """Yield the items, sorted, in lists of `size`."""
    ordered = sorted(items)
    for start in range(0, len(ordered), size):
        yield ordered[start : start + size]


@dataclass(slots=True)
class Totals:
    """Contributions summed per entity, ready to be written."""

    counts: dict[int, list[int]] = field(default_factory=dict)
    aliases: dict[tuple[int, str], list[Any]] = field(default_factory=dict)
    roles: dict[tuple[int, str], int] = field(default_factory=dict)
    votes: dict[tuple[int, str, str], list[int]] = field(default_factory=dict)

    def add(self, entity_id: int, part: Contribution) -> None:
        """Add one article's contribution to an entity."""
        counts = self.counts.setdefault(entity_id, [0, 0])
        counts[0] += 1
        counts[1] += part.mentions
        for key, (form, type_) in part.aliases.items():
            old = self.aliases.get((entity_id, key))
            if old is None:
                self.aliases[(entity_id, key)] = [form, type_, 1]
            else:
                old[0], old[1], old[2] = min(old[0], form), min(old[1], type_), old[2] + 1
        for role in part.roles:
            self.roles[(entity_id, role)] = self.roles.get((entity_id, role), 0) + 1
        for (name, type_), linked in part.votes.items():
            vote = self.votes.setdefault((entity_id, name, type_), [0, 0])
            vote[0] += 1
            vote[1] += int(linked)

    def clear(self) -> None:
        """Forget everything added."""
        self.counts.clear()
        self.aliases.clear()
        self.roles.clear()
        self.votes.clear()


def _insert(conn: Connection) -> Any:
    return pg_insert if conn.dialect.name == "postgresql" else sqlite_insert


def _least(conn: Connection, a: Any, b: Any) -> Any:
    return func.min(a, b) if conn.dialect.name == "sqlite" else func.least(a, b)


def write_totals(conn: Connection, totals: Totals) -> None:
    """Add the totals to the stored counts, aliases, roles and votes (in a fixed order)."""
    insert = _insert(conn)
    if totals.counts:
        stmt = (
            update(entities)
            .where(entities.c.id == bindparam("eid"))
            .values(
                article_count=entities.c.article_count + bindparam("articles"),
                mention_count=entities.c.mention_count + bindparam("mentions"),
            )
        )
        conn.execute(
            stmt, [{"eid": k, "articles": a, "mentions": m} for k, (a, m) in sorted(totals.counts.items())]
        )
    if totals.aliases:
        ins = insert(entity_aliases)
        conn.execute(
            ins.on_conflict_do_update(
                index_elements=["entity_id", "alias_key"],
                set_={
                    "count": entity_aliases.c.count + ins.excluded.count,
                    "alias": _least(conn, entity_aliases.c.alias, ins.excluded.alias),
                    "type": _least(conn, entity_aliases.c.type, ins.excluded.type),
                },
            ),
            [
                {"entity_id": eid, "alias_key": key, "alias": alias, "type": type_, "count": n}
                for (eid, key), (alias, type_, n) in sorted(totals.aliases.items())
            ],
        )
    if totals.roles:
        ins = insert(entity_roles)
        conn.execute(
            ins.on_conflict_do_update(
                index_elements=["entity_id", "role"],
                set_={"count": entity_roles.c.count + ins.excluded.count},
            ),
            [{"entity_id": eid, "role": role, "count": n} for (eid, role), n in sorted(totals.roles.items())],
        )
    if totals.votes:
        ins = insert(entity_names)
        conn.execute(
            ins.on_conflict_do_update(
                index_elements=["entity_id", "name", "type"],
                set_={
                    "articles": entity_names.c.articles + ins.excluded.articles,
                    "linked": entity_names.c.linked + ins.excluded.linked,
                },
            ),
            [
                {"entity_id": eid, "name": name, "type": type_, "articles": a, "linked": linked}
                for (eid, name, type_), (a, linked) in sorted(totals.votes.items())
            ],
        )


def stored_members(
    conn: Connection, ids: Collection[int], rules: RuleSet
) -> list[tuple[int, int, ArticleMember]]:
    """Return (entity id, article id, member) of every member of these entities, by article and local id."""
    ae = article_entities.c
    out = []
    for chunk in chunks(ids):
        rows = conn.execute(
            select(ae.entity_id, ae.article_id, ae.local_id, ae.name, ae.type, ae.aliases, ae.roles)
            .add_columns(ae.mention_count, ae.identity_keys, articles.c.hash)
            .join(articles, articles.c.id == ae.article_id)
            .where(ae.entity_id.in_(chunk))
        )
        out += [(r.entity_id, r.article_id, stored_member(r, r.hash, rules)) for r in rows]
    return sorted(out, key=lambda t: (t[1], t[2].local_id))


def rebuild(conn: Connection, ids: Collection[int], rules: RuleSet) -> None:
    """Recompute the counts, aliases, roles, votes, name and type of these entities from their members."""
    if not ids:
        return
    triples = stored_members(conn, ids, rules)
    totals = Totals()
    for (entity_id, _), part in sorted(contributions(triples).items()):
        totals.add(entity_id, part)
    for chunk in chunks(ids):
        for table in (entity_aliases, entity_roles, entity_names):
            conn.execute(delete(table).where(table.c.entity_id.in_(chunk)))
        conn.execute(
            update(entities).where(entities.c.id.in_(chunk)).values(article_count=0, mention_count=0)
        )
    write_totals(conn, totals)
    refresh(conn, ids, rules)


def refresh(conn: Connection, ids: Collection[int], rules: RuleSet) -> None:
    """Decide the name and type of these entities from their votes and rules; update what changed."""
    votes: dict[int, list[Vote]] = defaultdict(list)
    keys: dict[int, list[str]] = defaultdict(list)
    current: dict[int, Any] = {}
    n = entity_names.c
    for chunk in chunks(ids):
        for r in conn.execute(
            select(n.entity_id, n.name, n.type, n.articles, n.linked).where(n.entity_id.in_(chunk))
        ):
            votes[r.entity_id].append(Vote(r.name, r.type, r.articles, r.linked))
        for k in conn.execute(
            select(entity_keys.c.entity_id, entity_keys.c.key).where(entity_keys.c.entity_id.in_(chunk))
        ):
            keys[k.entity_id].append(k.key)
        e = entities.c
        for r in conn.execute(select(e.id, e.name, e.type, e.name_rule, e.type_rule).where(e.id.in_(chunk))):
            current[r.id] = r
    overrides = rule_values(rules)
    changes = []
    for entity_id in sorted(current):
        row = current[entity_id]
        name_rule, type_rule = rules.name_rule(keys[entity_id]), rules.type_rule(keys[entity_id])
        if not votes[entity_id]:
            continue
        name, type_ = decide(
            votes[entity_id],
            name=overrides.get(name_rule) if name_rule else None,
            type_=overrides.get(type_rule) if type_rule else None,
        )
        if (name, type_, name_rule, type_rule) != (row.name, row.type, row.name_rule, row.type_rule):
            changes.append(
                named_row(entity_id, name, type_) | {"name_rule": name_rule, "type_rule": type_rule}
            )
    if changes:
        stmt = update(entities).where(entities.c.id == bindparam("eid"))
        conn.execute(
            stmt.values(
                name=bindparam("name"),
                name_key=bindparam("name_key"),
                last_key=bindparam("last_key"),
                type=bindparam("type"),
                name_rule=bindparam("name_rule"),
                type_rule=bindparam("type_rule"),
            ),
            changes,
        )


def named_row(entity_id: int, name: str, type_: str) -> dict[str, Any]:
    """Return the name columns of an entity row for this name and type."""
    key = name_key(name) or name.strip().casefold()[:500] or "?"
    return {"eid": entity_id, "name": name, "name_key": key, "last_key": last_word(key), "type": type_}


def rule_values(rules: RuleSet) -> Mapping[int, str]:
    """Return the name (rename) or type (retype) each such rule sets, by rule id."""
    out: dict[int, str] = {}
    for rule_id, rule in rules.rules.items():
        if rule.kind == "rename":
            out[rule_id] = str(rule.data["name"])
        elif rule.kind == "retype":
            out[rule_id] = str(rule.data["type"])
    return out
