"""/api/entities: who is mentioned; one entity with aliases, roles, quotes, events, numbers, timeline."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from newsgraph.api.common import JSONBytes, StoreId, check_page, check_query, csv_response, page_json
from newsgraph.api.deps import ConnDep, SettingsDep
from newsgraph.models import EntityType
from newsgraph.store import queries
from newsgraph.store.events import list_events
from newsgraph.store.paging import Page
from newsgraph.store.queries import to_jsonable
from newsgraph.store.related import cooccurring
from newsgraph.store.stories.read import entity_stories
from newsgraph.store.timelines import entity_months

router = APIRouter(prefix="/api/entities", tags=["entities"])

Cursor = Annotated[str | None, Query(max_length=400)]
Limit = Annotated[int, Query(ge=1, le=1000)]


@router.get("", summary="List or find entities")
def list_entities(
    conn: ConnDep,
    settings: SettingsDep,
    q: Annotated[str | None, Query(max_length=2000, description="a name or alias to look for")] = None,
    type: EntityType | None = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    format: Literal["json", "csv"] = "json",
) -> Response:
    """Entities in most articles first; with `q`, those whose name or alias matches."""
    limit = check_page(settings, limit)
    name = check_query(settings, q)
    page = (
        Page(queries.find_entities(conn, name, type, limit=limit))
        if name
        else queries.list_entities(conn, type_=type, limit=limit, cursor=cursor)
    )
    if format == "csv":
        return csv_response(page.items, "entities.csv")
    return page_json(page)


@router.get("/{entity_id}", summary="One entity with everything about it")
def get_entity(entity_id: StoreId, conn: ConnDep, settings: SettingsDep) -> JSONBytes:
    """Aliases, roles, mentions per day and per month (every month, empty ones 0), and the first
    page of its quotes, events and numbers."""
    record = queries.get_entity(conn, entity_id)
    size = min(20, settings.api_max_page)
    return JSONBytes(
        {
            "ok": True,
            "entity": to_jsonable(record.summary),
            "aliases": to_jsonable(record.aliases),
            "roles": to_jsonable(record.roles),
            "timeline": to_jsonable(queries.entity_timeline(conn, entity_id)),
            "undated": to_jsonable(queries.entity_undated(conn, entity_id)),
            "months": to_jsonable(entity_months(conn, entity_id)),
            "related": to_jsonable(cooccurring(conn, entity_id)),
            "quotes": to_jsonable(queries.entity_quotes(conn, entity_id, limit=size)),
            "events": to_jsonable(list_events(conn, actor_id=entity_id, limit=size)),
            "quantities": to_jsonable(queries.entity_quantities(conn, entity_id, limit=size)),
        }
    )


@router.get("/{entity_id}/quotes", summary="The entity's quotes, newest first")
def entity_quotes(
    entity_id: StoreId, conn: ConnDep, settings: SettingsDep, limit: Limit = 20, cursor: Cursor = None
) -> Response:
    queries.get_entity(conn, entity_id)
    return page_json(queries.entity_quotes(conn, entity_id, limit=check_page(settings, limit), cursor=cursor))


@router.get("/{entity_id}/events", summary="Events the entity is an actor in")
def entity_events(
    entity_id: StoreId,
    conn: ConnDep,
    settings: SettingsDep,
    role: Literal["source", "target"] | None = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> Response:
    queries.get_entity(conn, entity_id)
    page = list_events(
        conn, actor_id=entity_id, actor_role=role, limit=check_page(settings, limit), cursor=cursor
    )
    return page_json(page)


@router.get("/{entity_id}/quantities", summary="Numbers the entity claims")
def entity_quantities(
    entity_id: StoreId, conn: ConnDep, settings: SettingsDep, limit: Limit = 20, cursor: Cursor = None
) -> Response:
    queries.get_entity(conn, entity_id)
    return page_json(
        queries.entity_quantities(conn, entity_id, limit=check_page(settings, limit), cursor=cursor)
    )


@router.get("/{entity_id}/stories", summary="The stories the entity is named in")
def get_entity_stories(entity_id: StoreId, conn: ConnDep) -> JSONBytes:
    """Stories (articles reporting one event) with an article naming the entity, biggest first."""
    queries.get_entity(conn, entity_id)
    return JSONBytes(
        {"ok": True, "entity_id": entity_id, "stories": to_jsonable(entity_stories(conn, entity_id))}
    )


@router.get("/{entity_id}/timeline", summary="Mentions per day")
def entity_timeline(entity_id: StoreId, conn: ConnDep) -> JSONBytes:
    queries.get_entity(conn, entity_id)
    return JSONBytes({"ok": True, "items": to_jsonable(queries.entity_timeline(conn, entity_id))})
