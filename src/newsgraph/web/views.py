"""The web UI: server-rendered pages, each with its JSON twin under /api.

/                  home: counts, search box, latest articles, most mentioned entities
/search            full-text search with facets and highlighted hits
/articles          article list               /articles/{id}   the text with its facts marked
/entities          entity list                /entities/{id}   aliases, roles, quotes, events, chart
/quotes            quotes explorer
/events            events table, timeline chart and world map
/stories           same-event stories         /stories/{id}    timeline, claims side by side
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsgraph.api.common import check_page, check_query
from newsgraph.api.deps import ConnDep, SettingsDep
from newsgraph.api.params import (
    ActorRole,
    Confidence,
    Country,
    Cursor,
    Day,
    EntityTypeParam,
    Id,
    Name,
    PloverParam,
    SearchKind,
    SearchText,
    StoreId,
)
from newsgraph.models import ENTITY_TYPES, EVENT_MIN_CONFIDENCE, PLOVER_TYPES
from newsgraph.store import page_data as data
from newsgraph.store import queries
from newsgraph.store.browse import browse_articles
from newsgraph.store.events import list_events
from newsgraph.store.fulltext import expand_query
from newsgraph.store.paging import Page
from newsgraph.store.related import cooccurring
from newsgraph.store.search import (
    ArticleHit,
    Filters,
    QuantityHit,
    QuoteHit,
    search_articles,
    search_quantities,
    search_quotes,
)
from newsgraph.store.stories import read as stories
from newsgraph.store.timelines import entity_months, event_months
from newsgraph.web.charts import MapPoint, timeline_chart, world_map
from newsgraph.web.corrections import correction_forms
from newsgraph.web.highlight import article_html
from newsgraph.web.render import render, twin

router = APIRouter(include_in_schema=False)
PAGE = 50


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    conn: ConnDep,
    settings: SettingsDep,
    q: SearchText = None,
    kind: SearchKind = "articles",
    source: Name = None,
    since: Day = None,
    until: Day = None,
    entity: Name = None,
    speaker: Name = None,
    event_type: PloverParam = None,
    expand: bool = True,
    cursor: Cursor = None,
) -> HTMLResponse:
    query = check_query(settings, q)
    match = expand_query(conn, query) if query and expand and kind != "quantities" else None
    filters = Filters(
        source=source, since=since, until=until, entity=entity, speaker=speaker, event_type=event_type
    )
    page: Page[ArticleHit] | Page[QuoteHit] | Page[QuantityHit] | None = None
    if query:
        if kind == "quotes":
            page = search_quotes(conn, match or query, filters, limit=PAGE, cursor=cursor)
        elif kind == "quantities":
            page = search_quantities(conn, query, filters, limit=PAGE, cursor=cursor)
        else:
            page = search_articles(conn, match or query, filters, limit=PAGE, cursor=cursor)
    stats = queries.stats(conn)
    return render(
        request,
        "search.html",
        q=query or "",
        kind=kind,
        filters=filters,
        page=page,
        expansions=match.expansions if match else (),
        stats=stats,
        watch_enabled=bool(settings.api_token),
        plover=PLOVER_TYPES,
        json_url=f"/api/search{request.url.query and '?' + request.url.query}" if query else None,
    )


@router.get("/articles", response_class=HTMLResponse)
def articles_page(
    request: Request,
    conn: ConnDep,
    source: Name = None,
    since: Day = None,
    until: Day = None,
    mentions: Name = None,
    speaker: Name = None,
    place: Name = None,
    event_type: PloverParam = None,
    cursor: Cursor = None,
) -> HTMLResponse:
    filters = Filters(
        source=source,
        since=since,
        until=until,
        entity=mentions,
        speaker=speaker,
        place=place,
        event_type=event_type,
    )
    page = browse_articles(conn, filters, limit=PAGE, cursor=cursor)
    return render(
        request,
        "articles.html",
        page=page,
        filters=filters,
        stats=queries.stats(conn),
        plover=PLOVER_TYPES,
        json_url=twin(request, "/api/articles"),
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: StoreId, conn: ConnDep) -> HTMLResponse:
    record = queries.get_article(conn, article_id)
    analysis = record.analysis
    pages = data.entity_pages(conn, article_id)
    summary = [
        analysis.text[analysis.sentences[i].start : analysis.sentences[i].end]
        for i in analysis.summary
        if 0 <= i < len(analysis.sentences)
    ]
    return render(
        request,
        "article.html",
        record=record,
        a=analysis,
        body=article_html(analysis, pages),
        pages=pages,
        summary=summary,
        related=stories.related_articles(conn, article_id),
        json_url=f"/api/articles/{article_id}",
    )


@router.get("/entities", response_class=HTMLResponse)
def entities_page(
    request: Request,
    conn: ConnDep,
    settings: SettingsDep,
    q: Name = None,
    type: EntityTypeParam = None,
    cursor: Cursor = None,
) -> HTMLResponse:
    name = check_query(settings, q)
    if name:
        page = Page(queries.find_entities(conn, name, type, limit=PAGE))
    else:
        page = queries.list_entities(conn, type_=type, limit=PAGE, cursor=cursor)
    return render(
        request,
        "entities.html",
        page=page,
        q=name or "",
        type=type or "",
        entity_types=ENTITY_TYPES,
        json_url=f"/api/entities?{request.url.query}",
    )


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(
    request: Request,
    entity_id: StoreId,
    conn: ConnDep,
    settings: SettingsDep,
    cursor: Cursor = None,
    articles_cursor: Cursor = None,
) -> HTMLResponse:
    record = queries.get_entity(conn, entity_id)
    articles = queries.list_articles(conn, entity_id=entity_id, limit=20, cursor=articles_cursor)
    quotes = queries.entity_quotes(conn, entity_id, limit=PAGE, cursor=cursor)
    sentences = data.quote_sentences(conn, (h.id for h in quotes.items))
    confident = EVENT_MIN_CONFIDENCE
    as_source = list_events(
        conn, actor_id=entity_id, actor_role="source", min_confidence=confident, limit=PAGE
    ).items
    as_target = list_events(
        conn, actor_id=entity_id, actor_role="target", min_confidence=confident, limit=PAGE
    ).items
    event_sentences = data.event_sentences(conn, (v.id for v in as_source + as_target))
    numbers = queries.entity_quantities(conn, entity_id, limit=PAGE).items
    chart = timeline_chart(
        entity_months(conn, entity_id),
        title="Mentions per month",
        noun="mention",
        json_url=f"/api/entities/{entity_id}",
    )
    return render(
        request,
        "entity.html",
        record=record,
        related=cooccurring(conn, entity_id),
        stories=stories.entity_stories(conn, entity_id),
        articles=articles,
        quotes=quotes,
        sentences=sentences,
        as_source=as_source,
        as_target=as_target,
        event_sentences=event_sentences,
        numbers=numbers,
        chart=chart,
        undated=queries.entity_undated(conn, entity_id),
        forms=correction_forms(conn, entity_id, enabled=bool(settings.api_token)),
        json_url=f"/api/entities/{entity_id}",
    )


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    request: Request,
    conn: ConnDep,
    settings: SettingsDep,
    q: SearchText = None,
    speaker: Name = None,
    source: Name = None,
    since: Day = None,
    until: Day = None,
    mentions: Name = None,
    place: Name = None,
    cursor: Cursor = None,
) -> HTMLResponse:
    filters = Filters(source=source, since=since, until=until, speaker=speaker, entity=mentions, place=place)
    page = search_quotes(conn, check_query(settings, q), filters, limit=PAGE, cursor=cursor)
    sentences = data.quote_sentences(conn, (h.id for h in page.items))
    return render(
        request,
        "quotes.html",
        page=page,
        stats=queries.stats(conn),
        sentences=sentences,
        q=q or "",
        filters=filters,
        json_url=twin(request, "/api/quotes"),
    )


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    conn: ConnDep,
    settings: SettingsDep,
    type: PloverParam = None,
    country: Country = None,
    place: Name = None,
    since: Day = None,
    until: Day = None,
    actor: Id = None,
    role: ActorRole = None,
    min_confidence: Confidence = EVENT_MIN_CONFIDENCE,
    cursor: Cursor = None,
) -> HTMLResponse:
    page = list_events(
        conn,
        type_=type,
        actor_id=actor,
        actor_role=role if actor is not None else None,
        country=country,
        place=place,
        since=since,
        until=until,
        min_confidence=min_confidence,
        limit=check_page(settings, min(PAGE, settings.api_max_page)),
        cursor=cursor,
    )
    actor_summary = queries.get_entity(conn, actor).summary if actor is not None else None
    wanted = (("type", type), ("country", country))
    months_url = "/api/events/months?" + urlencode({k: v for k, v in wanted if v})
    chart = timeline_chart(
        event_months(conn, type, country), title="Events per month", noun="event", json_url=months_url
    )
    points = [
        MapPoint(lat, lon, name, n, "/events?" + urlencode({"place": name, "type": type or ""}))
        for name, lat, lon, n in data.event_places(conn, type)
    ]
    return render(
        request,
        "events.html",
        page=page,
        chart=chart,
        map=world_map(points, title="Event places"),
        plover=PLOVER_TYPES,
        type=type or "",
        country=country or "",
        place=place or "",
        since=since or "",
        until=until or "",
        actor=actor_summary,
        role=role or "",
        every=min_confidence < EVENT_MIN_CONFIDENCE,
        sentences=data.event_sentences(conn, (v.id for v in page.items)),
        json_url=f"/api/events?{request.url.query}",
    )


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, conn: ConnDep, cursor: Cursor = None) -> HTMLResponse:
    page = stories.list_stories(conn, limit=PAGE, cursor=cursor)
    return render(request, "stories.html", page=page, json_url="/api/stories")


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: StoreId, conn: ConnDep, settings: SettingsDep) -> HTMLResponse:
    record = stories.get_story(conn, story_id)
    points = [MapPoint(p.lat, p.lon, p.name, p.articles) for p in record.places]
    return render(
        request,
        "story.html",
        record=record,
        map=world_map(points, title="Places of the story") if points else None,
        watch_enabled=bool(settings.api_token),
        json_url=f"/api/stories/{story_id}",
    )
