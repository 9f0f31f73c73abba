"""/api/quotes, /api/events, /api/quantities: the facts, searchable and filterable."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from newsgraph.api.common import check_page, check_query, csv_response
from newsgraph.api.deps import ConnDep, SettingsDep
from newsgraph.api.params import (
    ActorRole,
    Confidence,
    Country,
    Cursor,
    Day,
    Format,
    Id,
    Limit,
    Name,
    Order,
    PloverParam,
    QuantityKindParam,
    SearchText,
)
from newsgraph.api.schemas import CSV, READ_ERRORS, EventPage, PeriodCountList, QuantityPage, QuotePage
from newsgraph.models import EVENT_MIN_CONFIDENCE
from newsgraph.store.events import EventRecord, list_events
from newsgraph.store.paging import Page
from newsgraph.store.search import Filters, QuantityHit, QuoteHit, search_quantities, search_quotes
from newsgraph.store.timelines import event_months

router = APIRouter(prefix="/api", tags=["facts"], responses=READ_ERRORS)


@router.get(
    "/quotes",
    summary="Search quotes by text, speaker, source and date",
    response_model=QuotePage,
    responses=CSV,
)
def quotes(
    conn: ConnDep,
    settings: SettingsDep,
    q: SearchText = None,
    speaker: Annotated[Name, Query(description="the speaker's name or alias")] = None,
    speaker_id: Annotated[Id, Query(description="the speaker's stored entity id")] = None,
    source: Annotated[Name, Query(description="the news source's name")] = None,
    entity: Annotated[Name, Query(description="name of an entity the article mentions")] = None,
    since: Day = None,
    until: Day = None,
    order: Order = None,
    limit: Limit = 20,
    cursor: Cursor = None,
    format: Format = "json",
) -> Page[QuoteHit] | Response:
    """Who said what: every quote with its speaker, article, date and a highlighted snippet."""
    filters = Filters(
        source=source, since=since, until=until, speaker=speaker, speaker_id=speaker_id, entity=entity
    )
    page = search_quotes(
        conn, check_query(settings, q), filters, order=order, limit=check_page(settings, limit), cursor=cursor
    )
    if format == "csv":
        return csv_response(page.items, "quotes.csv")
    return page


@router.get(
    "/events", summary="Events by PLOVER type, actor, place and date", response_model=EventPage, responses=CSV
)
def events(
    conn: ConnDep,
    settings: SettingsDep,
    type: PloverParam = None,
    actor: Annotated[Id, Query(description="entity id of an actor")] = None,
    role: ActorRole = None,
    country: Country = None,
    place: Annotated[Name, Query(description="name of the place it happened, as geocoded")] = None,
    since: Day = None,
    until: Day = None,
    article: Annotated[Id, Query(description="stored id of its article")] = None,
    min_confidence: Confidence = EVENT_MIN_CONFIDENCE,
    limit: Limit = 50,
    cursor: Cursor = None,
    format: Format = "json",
) -> Page[EventRecord] | Response:
    """Who did what to whom, where and when — newest first; by default the events coded with
    confidence (the store also keeps weaker readings, listed with `min_confidence=0`)."""
    page = list_events(
        conn,
        type_=type,
        actor_id=actor,
        actor_role=role,
        country=country,
        place=place,
        since=since,
        until=until,
        article_id=article,
        min_confidence=min_confidence,
        limit=check_page(settings, limit),
        cursor=cursor,
    )
    if format == "csv":
        return csv_response(page.items, "events.csv")
    return page


@router.get(
    "/events/months",
    summary="Events per month, every month from the first to the last",
    response_model=PeriodCountList,
)
def events_per_month(conn: ConnDep, type: PloverParam = None, country: Country = None) -> dict[str, object]:
    """The numbers behind the events chart: `{"period": "YYYY-MM", "count": n}`, empty months as 0
    (per year, `YYYY`, when the span is longer than 30 years)."""
    return {"items": event_months(conn, type, country)}


@router.get(
    "/quantities",
    summary="Numbers by what they count, with who claims them",
    response_model=QuantityPage,
    responses=CSV,
)
def quantities(
    conn: ConnDep,
    settings: SettingsDep,
    q: Annotated[SearchText, Query(description="words of the number's text or unit")] = None,
    kind: QuantityKindParam = None,
    claimant: Annotated[Name, Query(description="who claims the number (name or alias)")] = None,
    source: Annotated[Name, Query(description="the news source's name")] = None,
    entity: Annotated[Name, Query(description="name of an entity the article mentions")] = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = 20,
    cursor: Cursor = None,
    format: Format = "json",
) -> Page[QuantityHit] | Response:
    """Numbers, newest first; with `q`, those whose text or unit has every word of it ("fighters");
    `claimant` is who claims them, `entity` a person, organisation or place their article mentions."""
    filters = Filters(source=source, since=since, until=until, speaker=claimant, entity=entity)
    page = search_quantities(
        conn, check_query(settings, q), filters, kind=kind, limit=check_page(settings, limit), cursor=cursor
    )
    if format == "csv":
        return csv_response(page.items, "quantities.csv")
    return page
