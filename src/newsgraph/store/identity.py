"""Cross-article entity identity: one row per real-world entity, found again by name or alias.

An article's entity (`Analysis.entities[i]`: name, type, aliases) is matched to a stored entity
of the same type, in this order:

1. same normalized name (`name_key`: case, accents' compatibility forms, punctuation and a
   leading "the" ignored);
2. same normalized name as a stored alias, when exactly one entity has that alias;
3. for people, name words that are a contiguous part of one stored name or the reverse, sharing
   the surname: "Akhundzada" → "Haibatullah Akhundzada" when exactly one person of that surname
   is stored (with two, "Biden" stays apart from "Joe Biden" and "Hunter Biden"); a longer name
   arriving for a stored short one ("Haibatullah Akhundzada" for "Akhundzada") becomes the
   canonical name, since the canonical name is the longest one seen;
4. one of the article's aliases matching a stored name or alias, when unambiguous.

Otherwise a new entity is created. Matching depends only on what is already stored, and the
writer stores articles in input order inside its transactions, so the result is the same
however an ingest is interrupted and resumed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from newsgraph.store.schema import entities, entity_aliases, entity_roles

_PUNCT = re.compile(r"[^\w\s'&-]+")
_SPACE = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})
_POSSESSIVE = re.compile(r"'s?$")
PERSON_MATCH_TYPES = frozenset({"PERSON"})
MAX_KEY = 500
"""Keys, aliases and roles are cut to this many characters: they are indexed, and a PostgreSQL
B-tree entry holds at most about 2,700 bytes."""


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Return the normalized form of a name used to compare names across articles.

    >>> name_key("  The  U.N.’s ")
    'u n'
    """
    text = unicodedata.normalize("NFKC", name).translate(_APOSTROPHES).casefold().strip()
    text = _POSSESSIVE.sub("", text)
    text = _PUNCT.sub(" ", text)
    text = _SPACE.sub(" ", text).strip(" -'")
    if text.startswith("the ") and len(text) > 4:
        text = text[4:]
    return text[:MAX_KEY]


def _entity_key(name: str) -> str:
    """The key an entity's name is stored and looked up under (never empty)."""
    return name_key(name) or name.strip().casefold() or "?"


def last_word(key: str) -> str:
    """Return the last word of a name key (the surname of a person)."""
    return key.rsplit(" ", 1)[-1]


def _contains_run(longer: list[str], shorter: list[str]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


@dataclass(slots=True)
class _Candidate:
    id: int
    name: str
    key: str


class EntityResolver:
    """Find or create the stored entity for an article's entity, inside the writer's transaction.

    Args:
        conn: the open write connection (the caller owns the transaction).
        next_id: returns the next free entity id.
    """

    def __init__(self, conn: Connection, next_id: Callable[[], int]) -> None:
        self.conn = conn
        self.next_id = next_id
        self._insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
        # Caches for this transaction. Entity rows are written at once; counts, aliases and
        # roles are accumulated and written by `flush`, and lookups see them meanwhile.
        self._names: dict[tuple[str, str], _Candidate | None] = {}
        self._stored_aliases: dict[tuple[str, str], set[int]] = {}
        self._new_aliases: dict[tuple[str, str], set[int]] = {}
        self._counts: dict[int, list[int]] = {}
        self._aliases: dict[tuple[int, str], list[Any]] = {}
        self._roles: dict[tuple[int, str], int] = {}
        self._this_article: set[tuple[int, str]] = set()
        # Entities created in this transaction, inserted together by `flush`; lookups see them.
        self._pending: dict[int, dict[str, Any]] = {}
        self._pending_by_last: dict[tuple[str, str], set[int]] = {}

    @staticmethod
    def keys(type_: str, name: str, aliases: Iterable[str] = ()) -> list[tuple[str, str]]:
        """Return the (type, key) pairs `resolve` may look up for this entity."""
        out = [(type_, _entity_key(name))]
        out += [(type_, k) for k in map(name_key, aliases) if k]
        return out

    def prefetch(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Read the stored names and aliases for these (type, key) pairs in a few queries.

        What `resolve` would read one query at a time, for a whole batch: a load or an ingest
        into PostgreSQL otherwise spent most of its time in these round trips. The caches hold
        exactly what the single lookups return, so the entities resolved are the same.
        """
        wanted = sorted({p for p in pairs if p not in self._names or p not in self._stored_aliases})
        for start in range(0, len(wanted), 400):
            chunk = wanted[start : start + 400]
            named = {
                (r.type, r.name_key): _Candidate(r.id, r.name, r.name_key)
                for r in self.conn.execute(
                    select(entities.c.id, entities.c.type, entities.c.name, entities.c.name_key).where(
                        tuple_(entities.c.type, entities.c.name_key).in_(chunk)
                    )
                )
            }
            aliased: dict[tuple[str, str], set[int]] = {}
            for r in self.conn.execute(
                select(entity_aliases.c.type, entity_aliases.c.alias_key, entity_aliases.c.entity_id)
                .where(tuple_(entity_aliases.c.type, entity_aliases.c.alias_key).in_(chunk))
                .distinct()
            ):
                aliased.setdefault((r.type, r.alias_key), set()).add(r.entity_id)
            for pair in chunk:
                self._names.setdefault(pair, named.get(pair))
                # two ids are enough: `resolve` only asks whether exactly one entity has the alias
                self._stored_aliases.setdefault(pair, set(sorted(aliased.get(pair, ()))[:2]))

    def resolve(self, type_: str, name: str, aliases: Iterable[str] = ()) -> int:
        """Return the id of the stored entity this (type, name, aliases) refers to, creating it if new."""
        key = _entity_key(name)
        found = self._by_name(type_, key)
        if found is not None:
            return found.id
        ids = self._by_alias(type_, key)
        if len(ids) == 1:
            return ids[0]
        if type_ in PERSON_MATCH_TYPES and not ids:
            match = self._by_words(type_, key)
            if match is not None:
                if len(key.split()) > len(match.key.split()):
                    self._rename(match.id, name, key, match.key, type_)
                return match.id
        for alias in aliases:
            alias_key = name_key(alias)
            if not alias_key or alias_key == key:
                continue
            found = self._by_name(type_, alias_key)
            if found is not None:
                return found.id
            ids = self._by_alias(type_, alias_key)
            if len(ids) == 1:
                return ids[0]
        return self._create(type_, name, key)

    def _by_name(self, type_: str, key: str) -> _Candidate | None:
        if (type_, key) in self._names:
            return self._names[(type_, key)]
        row = self.conn.execute(
            select(entities.c.id, entities.c.name, entities.c.name_key).where(
                entities.c.type == type_, entities.c.name_key == key
            )
        ).first()
        found = _Candidate(row.id, row.name, row.name_key) if row else None
        self._names[(type_, key)] = found
        return found

    def _by_alias(self, type_: str, key: str) -> list[int]:
        stored = self._stored_aliases.get((type_, key))
        if stored is None:
            rows = self.conn.execute(
                select(entity_aliases.c.entity_id)
                .where(entity_aliases.c.type == type_, entity_aliases.c.alias_key == key)
                .distinct()
                .limit(2)
            )
            stored = self._stored_aliases[(type_, key)] = {row[0] for row in rows}
        return sorted(stored | self._new_aliases.get((type_, key), set()))[:2]

    def _by_words(self, type_: str, key: str) -> _Candidate | None:
        words = key.split()
        rows = [
            _Candidate(r.id, r.name, r.name_key)
            for r in self.conn.execute(
                select(entities.c.id, entities.c.name, entities.c.name_key)
                .where(entities.c.type == type_, entities.c.last_key == words[-1])
                .limit(50)
            )
        ]
        for entity_id in sorted(self._pending_by_last.get((type_, words[-1]), ())):
            row = self._pending[entity_id]
            rows.append(_Candidate(entity_id, row["name"], row["name_key"]))
        matches = [
            row
            for row in rows
            if _contains_run(row.key.split(), words) or _contains_run(words, row.key.split())
        ]
        return matches[0] if len(matches) == 1 and len(rows) == 1 else None

    def _rename(self, entity_id: int, name: str, key: str, old_key: str, type_: str) -> None:
        pending = self._pending.get(entity_id)
        if pending is None:
            self.conn.execute(
                update(entities)
                .where(entities.c.id == entity_id)
                .values(name=name, name_key=key, last_key=last_word(key))
            )
        else:
            self._pending_by_last[(type_, pending["last_key"])].discard(entity_id)
            pending.update(name=name, name_key=key, last_key=last_word(key))
            self._pending_by_last.setdefault((type_, pending["last_key"]), set()).add(entity_id)
        self._names[(type_, old_key)] = None
        self._names[(type_, key)] = _Candidate(entity_id, name, key)

    def _create(self, type_: str, name: str, key: str) -> int:
        entity_id = self.next_id()
        row: dict[str, Any] = {
            "id": entity_id,
            "type": type_,
            "name": name,
            "name_key": key,
            "last_key": last_word(key),
            "article_count": 0,
            "mention_count": 0,
        }
        self._pending[entity_id] = row
        self._pending_by_last.setdefault((type_, row["last_key"]), set()).add(entity_id)
        self._names[(type_, key)] = _Candidate(entity_id, name, key)
        return entity_id

    def start_article(self) -> None:
        """Mark the start of a new article (aliases and roles count once per article)."""
        self._this_article.clear()

    def record(
        self,
        entity_id: int,
        type_: str,
        names: Iterable[str],
        roles: Iterable[str],
        mention_count: int,
        *,
        new_article: bool = True,
    ) -> None:
        """Count an article (if `new_article`) and mentions for the entity; add its names and roles.

        Names become aliases (one count per article); written by `flush`, visible to lookups at once.
        """
        counts = self._counts.setdefault(entity_id, [0, 0])
        counts[0] += int(new_article)
        counts[1] += mention_count
        seen: dict[str, str] = {}
        for alias in names:
            alias_key = name_key(alias)
            if alias_key and alias_key not in seen:
                seen[alias_key] = alias.strip()[:MAX_KEY]
        for alias_key, alias in seen.items():
            if (entity_id, "alias:" + alias_key) in self._this_article:
                continue
            self._this_article.add((entity_id, "alias:" + alias_key))
            pending = self._aliases.get((entity_id, alias_key))
            if pending is None:
                self._aliases[(entity_id, alias_key)] = [alias, type_, 1]
                self._new_aliases.setdefault((type_, alias_key), set()).add(entity_id)
            else:
                pending[2] += 1
        for role in {r.strip()[:MAX_KEY] for r in roles if r.strip()}:
            if (entity_id, "role:" + role) in self._this_article:
                continue
            self._this_article.add((entity_id, "role:" + role))
            self._roles[(entity_id, role)] = self._roles.get((entity_id, role), 0) + 1

    def flush(self) -> None:
        """Write the new entities, then the accumulated counts, aliases and roles (in a fixed order)."""
        if self._pending:
            self.conn.execute(entities.insert(), [self._pending[k] for k in sorted(self._pending)])
            self._pending.clear()
            self._pending_by_last.clear()
        if self._counts:
            stmt = (
                update(entities)
                .where(entities.c.id == bindparam("eid"))
                .values(
                    article_count=entities.c.article_count + bindparam("articles"),
                    mention_count=entities.c.mention_count + bindparam("mentions"),
                )
            )
            self.conn.execute(
                stmt,
                [{"eid": k, "articles": a, "mentions": m} for k, (a, m) in sorted(self._counts.items())],
            )
        if self._aliases:
            insert = self._insert(entity_aliases)
            self.conn.execute(
                insert.on_conflict_do_update(
                    index_elements=["entity_id", "alias_key"],
                    set_={"count": entity_aliases.c.count + insert.excluded.count},
                ),
                [
                    {"entity_id": eid, "alias_key": key, "alias": alias, "type": type_, "count": n}
                    for (eid, key), (alias, type_, n) in sorted(self._aliases.items())
                ],
            )
        if self._roles:
            insert = self._insert(entity_roles)
            self.conn.execute(
                insert.on_conflict_do_update(
                    index_elements=["entity_id", "role"],
                    set_={"count": entity_roles.c.count + insert.excluded.count},
                ),
                [
                    {"entity_id": eid, "role": role, "count": n}
                    for (eid, role), n in sorted(self._roles.items())
                ],
            )
        self._counts.clear()
        self._aliases.clear()
        self._roles.clear()


def find_entities(conn: Connection, name: str, type_: str | None = None, limit: int = 50) -> list[int]:
    """Return ids of stored entities called `name` (as a name or an alias), or whose name contains it.

    Exact name and alias matches come first; the word-containment search runs only when there are
    none ("Akhundzada" finds "Haibatullah Akhundzada" even if that alias was never seen).
    """
    key = name_key(name)
    if not key:
        return []
    conds_e = [entities.c.name_key == key]
    conds_a = [entity_aliases.c.alias_key == key]
    if type_:
        conds_e.append(entities.c.type == type_)
        conds_a.append(entity_aliases.c.type == type_)
    ids = [r[0] for r in conn.execute(select(entities.c.id).where(and_(*conds_e)).limit(limit))]
    ids += [r[0] for r in conn.execute(select(entity_aliases.c.entity_id).where(and_(*conds_a)).limit(limit))]
    if not ids:
        words = key.split()
        conds = [entities.c.last_key == words[-1]]
        if type_:
            conds.append(entities.c.type == type_)
        rows = conn.execute(select(entities.c.id, entities.c.name_key).where(and_(*conds)).limit(500))
        ids = [r.id for r in rows if _contains_run(r.name_key.split(), words)]
    if not ids:
        pattern = f"% {key}%"
        conds = [func.lower(entities.c.name_key).like(pattern) | entities.c.name_key.like(f"{key}%")]
        if type_:
            conds.append(entities.c.type == type_)
        ids = [r[0] for r in conn.execute(select(entities.c.id).where(and_(*conds)).limit(limit))]
    return sorted(set(ids))[:limit]
