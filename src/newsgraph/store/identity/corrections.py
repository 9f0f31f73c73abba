"""Journalists' corrections to entity identity: merge, split, rename, retype, reject.

    result = correct(engine, Merge([12, 40]), author="desk@example.org", note="same ministry")

Each correction is stored as a rule (`rules`; what it means for articles stored later is said
there) and applied at once to the stored entities it touches (`reresolve`), in one write
transaction with an audit-log entry: who, when, the request, the entities before and after.

- merge: two or more entities become one (the smallest id stays).
- split: the given articles' members of an entity move to a new entity; later articles go to
  the side whose keys they share (see `rules`).
- rename / retype: the entity takes this name / type whatever its articles vote.
- reject: a name (and optionally a type) is not an entity across articles: every member called
  so becomes its article's own entity, out of entity lists and search.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, bindparam, func, select

from newsgraph.errors import InputError, NotFound
from newsgraph.store.db import bump_version, write_connection, write_lock
from newsgraph.store.identity.derive import chunks, refresh
from newsgraph.store.identity.keys import name_key
from newsgraph.store.identity.members import article_members, stored_member
from newsgraph.store.identity.reresolve import reresolve
from newsgraph.store.identity.rules import RULE_KINDS, Rule, RuleSet, load_rules
from newsgraph.store.schema import (
    article_entities,
    articles,
    entities,
    entity_aliases,
    entity_audit,
    entity_keys,
    entity_rules,
)
from newsgraph.store.types import instant_text, now_text

MAX_AUTHOR = 200


@dataclass(frozen=True, slots=True)
class Merge:
    """Make these entities one."""

    entity_ids: Sequence[int]


@dataclass(frozen=True, slots=True)
class Split:
    """Move the members of these articles (store ids) out of the entity, into a new one."""

    entity_id: int
    article_ids: Sequence[int]


@dataclass(frozen=True, slots=True)
class Rename:
    """Give the entity this name."""

    entity_id: int
    name: str


@dataclass(frozen=True, slots=True)
class Retype:
    """Give the entity this type."""

    entity_id: int
    type: str


@dataclass(frozen=True, slots=True)
class Reject:
    """This name (of this type, if given) is not an entity across articles."""

    name: str
    type: str | None = None


Correction = Merge | Split | Rename | Retype | Reject


@dataclass(frozen=True, slots=True)
class Result:
    """What a correction did: its rule, its audit entry, the entities it left."""

    rule_id: int
    audit_id: int
    entity_ids: list[int]


def correct(engine: Engine, correction: Correction, *, author: str, note: str | None = None) -> Result:
    """Store the correction as a rule, apply it, log it; one write transaction.

    Raises:
        NotFound: an entity or article does not exist.
        InputError: the correction is not possible (one entity to merge, a split of every
            article, an entity without identity keys, an empty name).
    """
    author = author.strip()[:MAX_AUTHOR] or "anonymous"
    with write_connection(engine) as conn, conn.begin():
        write_lock(conn)
        bump_version(conn)
        return apply(conn, correction, author=author, note=note)


def apply(conn: Connection, correction: Correction, *, author: str, note: str | None = None) -> Result:
    """`correct` inside the caller's write transaction."""
    touched = _touched(conn, correction)
    before = _describe(conn, touched)
    data, kind = _rule_data(conn, correction)
    rule_id = _next(conn, entity_rules)
    conn.execute(
        entity_rules.insert().values(
            id=rule_id,
            kind=kind,
            data=data,
            created=now_text(),
            author=author,
            note=note,
        )
    )
    rules = load_rules(conn)
    if kind in ("rename", "retype"):
        refresh(conn, touched, rules)
        after_ids = sorted(touched)
    else:
        after_ids = sorted(reresolve(conn, touched, rules))
    audit_id = _next(conn, entity_audit)
    detail = {"request": _request(correction), "before": before, "after": _describe(conn, after_ids)}
    conn.execute(
        entity_audit.insert().values(
            id=audit_id,
            at=now_text(),
            author=author,
            action=kind,
            rule_id=rule_id,
            detail=detail,
        )
    )
    return Result(rule_id, audit_id, after_ids)


def _next(conn: Connection, table: Any) -> int:
    return int(conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1


def _request(correction: Correction) -> dict[str, Any]:
    fields = {
        k: list(v) if isinstance(v, Sequence) and not isinstance(v, str) else v
        for k, v in _fields(correction)
    }
    return {"action": type(correction).__name__.lower(), **fields}


def _fields(correction: Correction) -> list[tuple[str, Any]]:
    return [(name, getattr(correction, name)) for name in correction.__dataclass_fields__]


def _entity(conn: Connection, entity_id: int) -> Any:
    row = conn.execute(select(entities).where(entities.c.id == entity_id)).first()
    if row is None:
        raise NotFound(f"no entity {entity_id}")
    return row


def _keys_of(conn: Connection, entity_id: int) -> list[str]:
    rows = conn.execute(select(entity_keys.c.key).where(entity_keys.c.entity_id == entity_id))
    return sorted(r[0] for r in rows)


def _touched(conn: Connection, correction: Correction) -> set[int]:
    """Return the stored entities the correction applies to now."""
    if isinstance(correction, Merge):
        ids = set(correction.entity_ids)
        if len(ids) < 2:
            raise InputError("a merge needs two or more different entities")
        for entity_id in ids:
            _entity(conn, entity_id)
        return ids
    if isinstance(correction, Reject):
        key = name_key(correction.name)
        if not key:
            raise InputError("the name to reject is empty")
        found = {
            r[0] for r in conn.execute(select(entity_keys.c.entity_id).where(entity_keys.c.key == f"n:{key}"))
        }
        found |= {r[0] for r in conn.execute(select(entities.c.id).where(entities.c.name_key == key))}
        al = entity_aliases.c
        found |= {r[0] for r in conn.execute(select(al.entity_id).where(al.alias_key == key))}
        return found
    _entity(conn, correction.entity_id)
    return {correction.entity_id}


def _rule_data(conn: Connection, correction: Correction) -> tuple[dict[str, Any], str]:
    if isinstance(correction, Merge):
        keys = sorted({k for entity_id in correction.entity_ids for k in _keys_of(conn, entity_id)})
        if not keys:
            raise InputError("none of these entities has identity keys (each is its article's own entity)")
        return {"keys": keys}, "merge"
    if isinstance(correction, Reject):
        return {"name": name_key(correction.name), "type": correction.type}, "reject"
    keys = _keys_of(conn, correction.entity_id)
    if not keys:
        raise InputError(
            f"entity {correction.entity_id} has no identity keys: it is its article's own entity"
        )
    if isinstance(correction, Rename):
        name = " ".join(correction.name.split())
        if not name:
            raise InputError("the new name is empty")
        return {"keys": keys, "name": name}, "rename"
    if isinstance(correction, Retype):
        return {"keys": keys, "type": correction.type}, "retype"
    return _split_data(conn, correction), "split"


def _split_data(conn: Connection, split: Split) -> dict[str, Any]:
    """Return the split rule: the moved articles' hashes and the keys of each side now."""
    ae = article_entities.c
    rows = conn.execute(
        select(ae.article_id, ae.local_id, ae.name, ae.type, ae.aliases, ae.roles, ae.mention_count)
        .add_columns(ae.identity_keys, articles.c.hash)
        .join(articles, articles.c.id == ae.article_id)
        .where(ae.entity_id == split.entity_id)
    ).all()
    wanted = set(split.article_ids)
    present = {r.article_id for r in rows}
    if not wanted or not wanted <= present:
        missing = sorted(wanted - present)
        raise InputError(
            f"entity {split.entity_id} is not in article(s) {missing}" if missing else "no articles"
        )
    if present <= wanted:
        raise InputError("a split must leave at least one article with the entity")
    rules = load_rules(conn)
    moved: set[str] = set()
    kept: set[str] = set()
    hashes: set[str] = set()
    for row in rows:
        member = stored_member(row, row.hash, rules)
        side = moved if row.article_id in wanted else kept
        side.update(member.keys)
        if row.article_id in wanted:
            hashes.add(row.hash)
    return {"articles": sorted(hashes), "moved": sorted(moved), "kept": sorted(kept)}


def _describe(conn: Connection, ids: Sequence[int] | set[int]) -> list[dict[str, Any]]:
    out = []
    e = entities.c
    for chunk in chunks(set(ids)):
        rows = conn.execute(select(e.id, e.name, e.type, e.article_count, e.named).where(e.id.in_(chunk)))
        out += [
            {"id": r.id, "name": r.name, "type": r.type, "articles": r.article_count, "named": bool(r.named)}
            for r in rows
        ]
    return sorted(out, key=lambda d: d["id"])


@dataclass(frozen=True, slots=True)
class RuleRecord:
    """A stored rule, for listing."""

    id: int
    kind: str
    data: dict[str, Any]
    created: str
    author: str
    note: str | None


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """An audit-log entry, for listing."""

    id: int
    at: str
    author: str
    action: str
    rule_id: int | None
    detail: dict[str, Any]


def list_rules(conn: Connection) -> list[RuleRecord]:
    """Return every correction rule, oldest first."""
    r = entity_rules.c
    rows = conn.execute(select(entity_rules).order_by(r.id))
    return [RuleRecord(x.id, x.kind, x.data, x.created, x.author, x.note) for x in rows]


def audit_log(conn: Connection, *, limit: int = 100, entity_id: int | None = None) -> list[AuditRecord]:
    """Return the newest audit entries first (those touching `entity_id`, if given)."""
    a = entity_audit.c
    rows = conn.execute(select(entity_audit).order_by(a.id.desc()))
    out = []
    for x in rows:
        detail = x.detail
        if entity_id is not None and not _mentions(detail, entity_id):
            continue
        out.append(AuditRecord(x.id, x.at, x.author, x.action, x.rule_id, detail))
        if len(out) >= limit:
            break
    return out


def _mentions(detail: dict[str, Any], entity_id: int) -> bool:
    return any(e.get("id") == entity_id for side in ("before", "after") for e in detail.get(side, []))


def import_rules(engine: Engine, records: Sequence[RuleRecord], *, author: str) -> int:
    """Add rules exported from another store (`list_rules`), in their order; resolve again.

    Rules name keys and article hashes, never ids, so they mean the same in any store: import
    them into a new store before a `load` or an ingest, or into a store with articles (every
    entity is then resolved again). Returns the number of rules added.
    """
    author = author.strip()[:MAX_AUTHOR] or "anonymous"
    with write_connection(engine) as conn, conn.begin():
        write_lock(conn)
        bump_version(conn)
        first = _next(conn, entity_rules)
        for number, record in enumerate(records):
            if record.kind not in RULE_KINDS:
                raise InputError(f"unknown rule kind {record.kind!r}")
            conn.execute(
                entity_rules.insert().values(
                    id=first + number,
                    kind=record.kind,
                    data=record.data,
                    created=_created(record),
                    author=record.author,
                    note=record.note,
                )
            )
        conn.execute(
            entity_audit.insert().values(
                id=_next(conn, entity_audit),
                at=now_text(),
                author=author,
                action="import",
                rule_id=None,
                detail={"rules": list(range(first, first + len(records)))},
            )
        )
        ids = {r[0] for r in conn.execute(select(entities.c.id))}
        if ids:
            reresolve(conn, ids, load_rules(conn))
        return len(records)


def _created(record: RuleRecord) -> str:
    """An imported rule's creation time, in the one text form (`instant_text`)."""
    try:
        created = instant_text(record.created) if isinstance(record.created, str) else None
    except ValueError:
        created = None
    if created is None:
        raise InputError(f"rule {record.id}: created {record.created!r} is not an ISO 8601 time")
    return created


def rebuild_all(engine: Engine) -> int:
    """Resolve every stored entity again; return the number of entities afterwards.

    Every member's keys are computed again from its article's Analysis first: run it after an
    upgrade from a store made before identity keys, or after a change to how keys are made.
    """
    with write_connection(engine) as conn, conn.begin():
        write_lock(conn)
        bump_version(conn)
        backfill_keys(conn)
        rules: RuleSet = load_rules(conn)
        ids = {r[0] for r in conn.execute(select(entities.c.id))}
        reresolve(conn, ids, rules)
        return int(conn.execute(select(func.count()).select_from(entities)).scalar() or 0)


def backfill_keys(conn: Connection) -> None:
    """Compute every member's identity keys again from its article's stored Analysis."""
    empty = RuleSet()
    ae = article_entities.c
    last = 0
    while True:
        rows = conn.execute(
            select(articles.c.id, articles.c.analysis)
            .where(articles.c.id > last)
            .order_by(articles.c.id)
            .limit(200)
        ).all()
        if not rows:
            return
        params = []
        for row in rows:
            for member in article_members(row.analysis, empty):
                keys = None if member.base is None else orjson.dumps(member.base).decode()
                params.append({"aid": row.id, "lid": member.local_id, "keys": keys})
        if params:
            conn.execute(
                article_entities.update()
                .where(ae.article_id == bindparam("aid"), ae.local_id == bindparam("lid"))
                .values(identity_keys=bindparam("keys")),
                params,
            )
        last = rows[-1].id


__all__ = [
    "AuditRecord",
    "Correction",
    "Merge",
    "Reject",
    "Rename",
    "Result",
    "Retype",
    "Rule",
    "RuleRecord",
    "Split",
    "apply",
    "audit_log",
    "correct",
    "import_rules",
    "list_rules",
    "rebuild_all",
]
