"""/api/quotes, /api/events, /api/quantities: the facts, searchable and filterable."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from newsgraph.api.common import JSONBytes, check_page, check_query, csv_response, page_json
from newsgraph.api.deps import ConnDep, SettingsDep
from newsgraph.models import EVENT_MIN_CONFIDENCE, PloverType
from newsgraph.store.events import list_events
from newsgraph.store.queries import to_jsonable
from newsgraph.store.search import Filters, search_quantities, search_quotes
from newsgraph.store.timelines import event_months

router = APIRouter(prefix="/api", tags=["facts"])

Day = Annotated[
    str | None, Query(max_length=10, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY[-MM[-DD]]")
]
Cursor = Annotated[str | None, Query(max_length=400)]
Limit = Annotated[int, Query(ge=1, le=1000)]
Name = Annotated[str | None, Query(max_length=300)]
Text = Annotated[str | None, Query(max_length=2000, description='words, "a phrase", OR, -word')]
Format = Literal["json", "csv"]


@router.get("/quotes", summary="Search quotes by text, speaker, source and date")
def quotes(
    conn: ConnDep,
    settings: SettingsDep,
    q: Text = None,
    speaker: Name = None,
    speaker_id: Annotated[int | None, Query(ge=1, le=2**62)] = None,
    source: Name = None,
    entity: Name = None,
    since: Day = None,
    until: Day = None,
    order: Literal["relevance", "newest"] | None = None,
    limit: Limit = 20,
    cursor: Cursor = None,
    format: Format = "json",
) -> Response:
    """Who said what: every quote with its speaker, article, date and a highlighted snippet."""
    filters = Filters(
        source=source, since=since, until=until, speaker=speaker, speaker_id=speaker_id, entity=entity
    )
    page = search_quotes(
        conn, check_query(settings, q), filters, order=order, limit=check_page(settings, limit), cursor=cursor
    )
    if format == "csv":
        return csv_response(page.items, "quotes.csv")
    return page_json(page)


@router.get("/events", summary="Events by PLOVER type, actor, place and date")
def events(
    conn: ConnDep,
    settings: SettingsDep,
    type: PloverType | None = None,
    actor: Annotated[int | None, Query(ge=1, le=2**62, description="entity id of an actor")] = None,
    role: Literal["source", "target"] | None = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2, pattern="^[A-Za-z]{2}$")] = None,
    place: Name = None,
    since: Day = None,
    until: Day = None,
    article: Annotated[int | None, Query(ge=1, le=2**62)] = None,
    min_confidence: Annotated[
        float, Query(ge=0.0, le=1.0, description="least confidence; 0 lists every stored event")
    ] = EVENT_MIN_CONFIDENCE,
    limit: Limit = 50,
    cursor: Cursor = None,
    format: Format = "json",
) -> Response:
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
    return page_json(page)


@router.get("/events/months", summary="Events per month, every month from the first to the last")
def events_per_month(
    conn: ConnDep,
    type: PloverType | None = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2, pattern="^[A-Za-z]{2}$")] = None,
) -> JSONBytes:
    """The numbers behind the events chart: `{"period": "YYYY-MM", "count": n}`, empty months as 0
    (per year, `YYYY`, when the span is longer than 30 years)."""
    return JSONBytes({"ok": True, "items": to_jsonable(event_months(conn, type, country))})


QuantityKind = Literal["count", "percent", "money", "measure", "fraction"]


@router.get("/quantities", summary="Numbers by what they count, with who claims them")
def quantities(
    conn: ConnDep,
    settings: SettingsDep,
    q: Annotated[str | None, Query(max_length=2000, description="words of the number's text or unit")] = None,
    kind: QuantityKind | None = None,
    claimant: Name = None,
    source: Name = None,
    entity: Name = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = 20,
    cursor: Cursor = None,
    format: Format = "json",
) -> Response:
    """Numbers, newest first; with `q`, those whose text or unit has every word of it ("fighters");
    `claimant` is who claims them, `entity` a person, organisation or place their article mentions."""
    filters = Filters(source=source, since=since, until=until, speaker=claimant, entity=entity)
    page = search_quantities(
        conn, check_query(settings, q), filters, kind=kind, limit=check_page(settings, limit), cursor=cursor
    )
    if format == "csv":
        return csv_response(page.items, "quantities.csv")
    return page_json(page)
