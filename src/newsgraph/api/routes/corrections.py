"""/api/corrections: fix entity identity (merge, split, rename, retype, reject); read rules and audit log.

Writing needs `Authorization: Bearer <NEWSGRAPH_API_TOKEN>`, like POST /api/articles. Each
correction is stored as a rule that also applies to articles stored later
(`store.identity.corrections`); the answer names the rule, the audit entry and the entities
the correction left.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from newsgraph.api.common import MAX_ID, JSONBytes
from newsgraph.api.deps import ConnDep, EngineDep, WriteAccess
from newsgraph.models import EntityType
from newsgraph.store.identity.corrections import (
    Correction,
    Merge,
    Reject,
    Rename,
    Retype,
    Split,
    audit_log,
    correct,
    list_rules,
)
from newsgraph.store.queries import to_jsonable

router = APIRouter(prefix="/api/corrections", tags=["corrections"])

EntityId = Annotated[int, Field(ge=1, le=MAX_ID)]


class _Request(BaseModel):
    author: str = Field(default="api", max_length=200, description="Who makes the correction (audit log).")
    note: str | None = Field(default=None, max_length=2000, description="Why, for the audit log.")


class MergeIn(_Request):
    """Entities to make one (the smallest id stays)."""

    entity_ids: list[EntityId] = Field(min_length=2, max_length=100)


class SplitIn(_Request):
    """Move an entity's members in these articles to a new entity."""

    entity_id: EntityId
    article_ids: list[EntityId] = Field(min_length=1, max_length=10_000)


class RenameIn(_Request):
    """Give an entity a name."""

    entity_id: EntityId
    name: str = Field(min_length=1, max_length=500)


class RetypeIn(_Request):
    """Give an entity a type."""

    entity_id: EntityId
    type: EntityType


class RejectIn(_Request):
    """A name (of a type, if given) that is not an entity across articles."""

    name: str = Field(min_length=1, max_length=500)
    type: EntityType | None = None


async def _apply(engine: EngineDep, correction: Correction, request: _Request) -> JSONBytes:
    result = await run_in_threadpool(correct, engine, correction, author=request.author, note=request.note)
    return JSONBytes(
        {"ok": True, "rule_id": result.rule_id, "audit_id": result.audit_id, "entities": result.entity_ids},
        status_code=201,
    )


@router.post("/merge", status_code=201, dependencies=[WriteAccess], summary="Merge entities")
async def merge(body: MergeIn, engine: EngineDep) -> JSONBytes:
    """Make these entities one, now and for articles stored later."""
    return await _apply(engine, Merge(body.entity_ids), body)


@router.post("/split", status_code=201, dependencies=[WriteAccess], summary="Split an entity by article")
async def split(body: SplitIn, engine: EngineDep) -> JSONBytes:
    """Move the entity's members in these articles to a new entity; later articles go to the side
    whose names they share."""
    return await _apply(engine, Split(body.entity_id, body.article_ids), body)


@router.post("/rename", status_code=201, dependencies=[WriteAccess], summary="Rename an entity")
async def rename(body: RenameIn, engine: EngineDep) -> JSONBytes:
    """Give the entity this name whatever its articles call it."""
    return await _apply(engine, Rename(body.entity_id, body.name), body)


@router.post("/retype", status_code=201, dependencies=[WriteAccess], summary="Retype an entity")
async def retype(body: RetypeIn, engine: EngineDep) -> JSONBytes:
    """Give the entity this type whatever its articles say."""
    return await _apply(engine, Retype(body.entity_id, body.type), body)


@router.post("/reject", status_code=201, dependencies=[WriteAccess], summary="Mark a name as not an entity")
async def reject(body: RejectIn, engine: EngineDep) -> JSONBytes:
    """Every entity called so becomes its article's own, out of entity lists and search."""
    return await _apply(engine, Reject(body.name, body.type), body)


@router.get("", summary="The correction rules, oldest first")
def rules(conn: ConnDep) -> JSONBytes:
    """Every stored rule: kind, what it applies to, who made it and when."""
    return JSONBytes({"ok": True, "items": to_jsonable(list_rules(conn))})


@router.get("/audit", summary="The audit log, newest first")
def audit(
    conn: ConnDep,
    entity: Annotated[int | None, Query(ge=1, le=MAX_ID, description="only entries touching it")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> JSONBytes:
    """Who changed entity identity, when, the request, and the entities before and after."""
    return JSONBytes({"ok": True, "items": to_jsonable(audit_log(conn, limit=limit, entity_id=entity))})
