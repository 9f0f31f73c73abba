"""/api/entities: who is mentioned; one entity with aliases, roles, quotes, events, numbers, timeline."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from newsgraph.api.common import check_page, check_query, csv_response
from newsgraph.api.deps import ConnDep, SettingsDep
from newsgraph.api.params import ActorRole, Cursor, EntityTypeParam, Format, Limit, SearchText, StoreId
from newsgraph.api.schemas import (
    CSV,
    READ_ERRORS,
    EntityDetail,
    EntityPage,
    EntityStories,
    EventPage,
    QuantityPage,
    QuotePage,
    TimelineList,
    errors,
)
from newsgraph.store import queries
from newsgraph.store.events import EventRecord, list_events
from newsgraph.store.paging import Page
from newsgraph.store.queries import EntitySummary
from newsgraph.store.related import cooccurring
from newsgraph.store.search import QuantityHit, QuoteHit
from newsgraph.store.stories.read import entity_stories
from newsgraph.store.timelines import entity_months

router = APIRouter(prefix="/api/entities", tags=["entities"], responses=READ_ERRORS)
NOT_FOUND = errors(404)


@router.get("", summary="List or find entities", response_model=EntityPage, responses=CSV)
def list_entities(
    conn: ConnDep,
    settings: SettingsDep,
    q: Annotated[SearchText, Query(description="a name or alias to look for")] = None,
    type: EntityTypeParam = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    format: Format = "json",
) -> Page[EntitySummary] | Response:
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
    return page


@router.get(
    "/{entity_id}",
    summary="One entity with everything about it",
    response_model=EntityDetail,
    responses=NOT_FOUND,
)
def get_entity(entity_id: StoreId, conn: ConnDep, settings: SettingsDep) -> dict[str, object]:
    """Aliases, roles, mentions per day and per month (every month, empty ones 0), and the first
    page of its quotes, events and numbers."""
    record = queries.get_entity(conn, entity_id)
    size = min(20, settings.api_max_page)
    return {
        "entity": record.summary,
        "aliases": record.aliases,
        "roles": record.roles,
        "timeline": queries.entity_timeline(conn, entity_id),
        "undated": queries.entity_undated(conn, entity_id),
        "months": entity_months(conn, entity_id),
        "related": cooccurring(conn, entity_id),
        "quotes": queries.entity_quotes(conn, entity_id, limit=size),
        "events": list_events(conn, actor_id=entity_id, limit=size),
        "quantities": queries.entity_quantities(conn, entity_id, limit=size),
    }


@router.get(
    "/{entity_id}/quotes",
    summary="The entity's quotes, newest first",
    response_model=QuotePage,
    responses=NOT_FOUND,
)
def entity_quotes(
    entity_id: StoreId, conn: ConnDep, settings: SettingsDep, limit: Limit = 20, cursor: Cursor = None
) -> Page[QuoteHit]:
    queries.get_entity(conn, entity_id)
    return queries.entity_quotes(conn, entity_id, limit=check_page(settings, limit), cursor=cursor)


@router.get(
    "/{entity_id}/events",
    summary="Events the entity is an actor in",
    response_model=EventPage,
    responses=NOT_FOUND,
)
def entity_events(
    entity_id: StoreId,
    conn: ConnDep,
    settings: SettingsDep,
    role: ActorRole = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> Page[EventRecord]:
    queries.get_entity(conn, entity_id)
    return list_events(
        conn, actor_id=entity_id, actor_role=role, limit=check_page(settings, limit), cursor=cursor
    )


@router.get(
    "/{entity_id}/quantities",
    summary="Numbers the entity claims",
    response_model=QuantityPage,
    responses=NOT_FOUND,
)
def entity_quantities(
    entity_id: StoreId, conn: ConnDep, settings: SettingsDep, limit: Limit = 20, cursor: Cursor = None
) -> Page[QuantityHit]:
    queries.get_entity(conn, entity_id)
    return queries.entity_quantities(conn, entity_id, limit=check_page(settings, limit), cursor=cursor)


@router.get(
    "/{entity_id}/stories",
    summary="The stories the entity is named in",
    response_model=EntityStories,
    responses=NOT_FOUND,
)
def get_entity_stories(entity_id: StoreId, conn: ConnDep) -> dict[str, object]:
    """Stories (articles reporting one event) with an article naming the entity, biggest first."""
    queries.get_entity(conn, entity_id)
    return {"entity_id": entity_id, "stories": entity_stories(conn, entity_id)}


@router.get(
    "/{entity_id}/timeline", summary="Mentions per day", response_model=TimelineList, responses=NOT_FOUND
)
def entity_timeline(entity_id: StoreId, conn: ConnDep) -> dict[str, object]:
    queries.get_entity(conn, entity_id)
    return {"items": queries.entity_timeline(conn, entity_id)}
