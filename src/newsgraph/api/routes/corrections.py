"""/api/corrections: fix entity identity (merge, split, rename, retype, reject); read rules and audit log.

Writing needs `Authorization: Bearer <NEWSGRAPH_API_TOKEN>`, like POST /api/articles. Each
correction is stored as a rule that also applies to articles stored later
(`store.identity.corrections`); the answer names the rule, the audit entry and the entities
the correction left.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

from annotated_types import Interval
from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from newsgraph.api.deps import ConnDep, EngineDep, WriteAccess
from newsgraph.api.params import MAX_ID, Id, Limit
from newsgraph.api.schemas import READ_ERRORS, AuditList, CorrectionDone, RuleList, errors
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

router = APIRouter(prefix="/api/corrections", tags=["corrections"], responses=READ_ERRORS)
WRITE_ERRORS = errors(401, 403, 404, 413)
Route = TypeVar("Route", bound=Callable[..., Awaitable[dict[str, object]]])

EntityId = Annotated[int, Interval(ge=1, le=MAX_ID)]


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


def _correction(path: str, summary: str) -> Callable[[Route], Route]:
    """The decorator of a correction route: a write (token needed) answering 201 `CorrectionDone`."""
    return router.post(
        path,
        summary=summary,
        status_code=201,
        dependencies=[WriteAccess],
        response_model=CorrectionDone,
        responses=WRITE_ERRORS,
    )


async def _apply(engine: EngineDep, correction: Correction, request: _Request) -> dict[str, object]:
    result = await run_in_threadpool(correct, engine, correction, author=request.author, note=request.note)
    return {"rule_id": result.rule_id, "audit_id": result.audit_id, "entities": result.entity_ids}


@_correction("/merge", "Merge entities")
async def merge(body: MergeIn, engine: EngineDep) -> dict[str, object]:
    """Make these entities one, now and for articles stored later."""
    return await _apply(engine, Merge(body.entity_ids), body)


@_correction("/split", "Split an entity by article")
async def split(body: SplitIn, engine: EngineDep) -> dict[str, object]:
    """Move the entity's members in these articles to a new entity; later articles go to the side
    whose names they share."""
    return await _apply(engine, Split(body.entity_id, body.article_ids), body)


@_correction("/rename", "Rename an entity")
async def rename(body: RenameIn, engine: EngineDep) -> dict[str, object]:
    """Give the entity this name whatever its articles call it."""
    return await _apply(engine, Rename(body.entity_id, body.name), body)


@_correction("/retype", "Retype an entity")
async def retype(body: RetypeIn, engine: EngineDep) -> dict[str, object]:
    """Give the entity this type whatever its articles say."""
    return await _apply(engine, Retype(body.entity_id, body.type), body)


@_correction("/reject", "Mark a name as not an entity")
async def reject(body: RejectIn, engine: EngineDep) -> dict[str, object]:
    """Every entity called so becomes its article's own, out of entity lists and search."""
    return await _apply(engine, Reject(body.name, body.type), body)


@router.get("", summary="The correction rules, oldest first", response_model=RuleList)
def rules(conn: ConnDep) -> dict[str, object]:
    """Every stored rule: kind, what it applies to, who made it and when."""
    return {"items": list_rules(conn)}


@router.get("/audit", summary="The audit log, newest first", response_model=AuditList)
def audit(
    conn: ConnDep,
    entity: Annotated[Id, Query(description="only entries touching this entity id")] = None,
    limit: Limit = 100,
) -> dict[str, object]:
    """Who changed entity identity, when, the request, and the entities before and after."""
    return {"items": audit_log(conn, limit=limit, entity_id=entity)}
