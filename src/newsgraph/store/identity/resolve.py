"""Resolve articles' entities to stored entities inside the writer's transaction.

A member with no effective key is its article's own entity. Otherwise the stored entities
holding one of its keys (`entity_keys`) are looked up: none — a new entity; one — that one; more
— the member bridges them, and they are merged into the one with the smallest id (every row
re-pointed, the survivor rebuilt from its members). The member's keys then point at its
entity. Since keys are computed from the article alone (and the rules), the entities stored
are the connected components of all members over shared keys, whatever the order the articles
came in; ids, which follow the input order, are the only difference.

    resolver = EntityResolver(conn, next_id)
    resolver.prepare(articles)          # members and keys of the batch, read in a few queries
    local = resolver.article(data)      # per article: local id → entity id
    resolver.flush()                    # before the fact rows: entity rows, keys, merges
    ... fact rows, with `resolver.final(id)` for any id handed out before a merge ...
    resolver.finish()                   # after them: rebuilt survivors, names and types decided
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, select

from newsgraph.store.identity.decide import Vote, decide
from newsgraph.store.identity.derive import Totals, chunks, named_row, rebuild, refresh, write_totals
from newsgraph.store.identity.members import ArticleMember, Contribution, article_members
from newsgraph.store.identity.merge import merge_into
from newsgraph.store.identity.rules import RuleSet, load_rules
from newsgraph.store.schema import entities, entity_keys


class EntityResolver:
    """Find or create the stored entity of each article's entity; see the module docstring.

    Args:
        conn: the open write connection (the caller owns the transaction).
        next_id: returns the next free entity id.
    """

    def __init__(self, conn: Connection, next_id: Callable[[], int]) -> None:
        self.conn = conn
        self.next_id = next_id
        self.rules: RuleSet = load_rules(conn)
        self._members: dict[str, list[ArticleMember]] = {}
        self._owner: dict[str, int | None] = {}
        """Key → the entity holding it (as first read or assigned in this batch), None if none."""
        self._state: dict[int, tuple[str, str]] = {}
        """Stored entity → its (name, type) as read, to tell which ones need their name decided again."""
        self._parent: dict[int, int] = {}
        self._new_keys: dict[str, int] = {}
        self._pending: dict[int, dict[str, Any]] = {}
        self._stored_merges: dict[int, int] = {}
        self._survivors: set[int] = set()
        self._totals = Totals()
        self._recheck: set[int] = set()

    def prepare(self, batch: Iterable[Mapping[str, Any]]) -> None:
        """Compute the members of the batch's articles and read the entities holding their keys."""
        wanted: set[str] = set()
        for data in batch:
            members = article_members(data, self.rules)
            self._members[data["hash"]] = members
            wanted.update(k for m in members for k in m.keys if k not in self._owner)
        e, k = entities.c, entity_keys.c
        for chunk in chunks(wanted):
            found = {}
            for r in self.conn.execute(
                select(k.key, k.entity_id, e.name, e.type)
                .join(entities, e.id == k.entity_id)
                .where(k.key.in_(chunk))
            ):
                found[r.key] = r.entity_id
                self._state[r.entity_id] = (r.name, r.type)
            for key in chunk:
                self._owner[key] = found.get(key)

    def members(self, data: Mapping[str, Any]) -> list[ArticleMember]:
        """Return an article's members (computed by `prepare`, or now)."""
        found = self._members.get(data["hash"])
        return found if found is not None else article_members(data, self.rules)

    def final(self, entity_id: int) -> int:
        """Return the entity an id handed out in this batch ended in (after merges)."""
        parent = self._parent.get(entity_id)
        if parent is None:
            return entity_id
        root = self.final(parent)
        self._parent[entity_id] = root
        return root

    @property
    def merged(self) -> bool:
        """Whether an id handed out in this batch was merged into another since."""
        return bool(self._parent)

    def article(self, data: Mapping[str, Any]) -> dict[str, int]:
        """Resolve an article's entities; return local id → entity id."""
        local: dict[str, int] = {}
        parts: dict[int, Contribution] = {}
        for member in self.members(data):
            entity_id = self._resolve(member)
            local[member.local_id] = entity_id
            parts.setdefault(entity_id, Contribution()).add(member)
        for entity_id, part in parts.items():
            self._totals.add(entity_id, part)
            state = self._state.get(entity_id)
            if state is not None and any(vote != state for vote in part.votes):
                self._recheck.add(entity_id)
        return local

    def _resolve(self, member: ArticleMember) -> int:
        if not member.keys:
            return self._create(member)
        ids = {self.final(owner) for key in member.keys if (owner := self._lookup(key)) is not None}
        if not ids:
            entity_id = self._create(member)
        else:
            entity_id = min(ids)
            for other in ids - {entity_id}:
                self._parent[other] = entity_id
                self._survivors.add(entity_id)
                if other not in self._pending:
                    self._stored_merges[other] = entity_id
        for key in member.keys:
            if self._owner.get(key) is None:
                self._owner[key] = entity_id
                self._new_keys[key] = entity_id
        if self.rules and (self.rules.name_rule(member.keys) or self.rules.type_rule(member.keys)):
            self._recheck.add(entity_id)
        return entity_id

    def _lookup(self, key: str) -> int | None:
        if key not in self._owner:
            row = self.conn.execute(select(entity_keys.c.entity_id).where(entity_keys.c.key == key)).first()
            self._owner[key] = row[0] if row else None
        return self._owner[key]

    def _create(self, member: ArticleMember) -> int:
        entity_id = self.next_id()
        row = named_row(entity_id, member.name, member.type)
        row.update(id=row.pop("eid"), article_count=0, mention_count=0, named=member.named)
        self._pending[entity_id] = row
        return entity_id

    def flush(self) -> None:
        """Write merges, new entities and new keys (before the fact rows that point at them)."""
        merge_into(self.conn, {old: self.final(old) for old in self._stored_merges})
        votes: dict[int, list[Vote]] = {}
        for (eid, name, type_), (n, linked) in self._totals.votes.items():
            if eid in self._pending:
                votes.setdefault(eid, []).append(Vote(name, type_, n, linked))
        rows = []
        for entity_id in sorted(self._pending):
            if self.final(entity_id) != entity_id:
                continue
            row = self._pending[entity_id]
            if entity_id in votes and entity_id not in self._survivors:
                row.update(named_row(entity_id, *decide(votes[entity_id])))
                row.pop("eid")
            rows.append(row)
        if rows:
            self.conn.execute(entities.insert(), rows)
        if self._new_keys:
            self.conn.execute(
                entity_keys.insert(),
                [{"key": k, "entity_id": self.final(v)} for k, v in sorted(self._new_keys.items())],
            )
        totals = Totals()
        self._remap_totals(totals)
        write_totals(self.conn, totals)
        self._pending.clear()
        self._new_keys.clear()

    def _remap_totals(self, into: Totals) -> None:
        """Move this batch's totals onto final ids (survivors are rebuilt instead)."""
        src = self._totals
        for entity_id, (a, m) in src.counts.items():
            final = self.final(entity_id)
            if final not in self._survivors:
                into.counts[final] = [a, m]
        for (entity_id, key), value in src.aliases.items():
            if self.final(entity_id) not in self._survivors:
                into.aliases[(self.final(entity_id), key)] = value
        for (entity_id, role), n in src.roles.items():
            if self.final(entity_id) not in self._survivors:
                into.roles[(self.final(entity_id), role)] = n
        for (entity_id, name, type_), value in src.votes.items():
            if self.final(entity_id) not in self._survivors:
                into.votes[(self.final(entity_id), name, type_)] = value
        src.clear()

    def finish(self) -> None:
        """Rebuild merged entities from their members; decide the names and types votes changed."""
        survivors = {self.final(s) for s in self._survivors}
        rebuild(self.conn, survivors, self.rules)
        recheck = {self.final(e) for e in self._recheck} - survivors
        if recheck:
            refresh(self.conn, recheck, self.rules)
