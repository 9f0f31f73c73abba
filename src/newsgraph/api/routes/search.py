"""/api/search: full-text search over articles, quotes or numbers with filters; /api/stats."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from newsgraph.api.common import check_page, check_query, csv_response
from newsgraph.api.deps import ConnDep, SettingsDep
from newsgraph.api.params import Cursor, Day, Format, Limit, Name, Order, PloverParam, SearchKind, SearchText
from newsgraph.api.schemas import CSV, READ_ERRORS, SearchPage, StatsAnswer, errors
from newsgraph.errors import InvalidParameter
from newsgraph.store import queries
from newsgraph.store.fulltext import Match, expand_query
from newsgraph.store.paging import Page
from newsgraph.store.queries import Stats
from newsgraph.store.search import (
    ArticleHit,
    Filters,
    QuantityHit,
    QuoteHit,
    search_articles,
    search_quantities,
    search_quotes,
)

router = APIRouter(prefix="/api", tags=["search"], responses=READ_ERRORS)


@router.get(
    "/search", summary="Full-text search with highlighted snippets", response_model=SearchPage, responses=CSV
)
def search(
    conn: ConnDep,
    settings: SettingsDep,
    q: Annotated[SearchText, Query(description='words to look for: all must match; "a phrase", OR, -word')],
    kind: SearchKind = "articles",
    source: Annotated[Name, Query(description="the news source's name")] = None,
    since: Day = None,
    until: Day = None,
    entity: Annotated[Name, Query(description="name of an entity the article mentions")] = None,
    speaker: Annotated[Name, Query(description="name of someone quoted (for quotes: the speaker)")] = None,
    event_type: PloverParam = None,
    order: Order = "relevance",
    expand: Annotated[
        bool,
        Query(description="also search other names of the entities it names ('UN': United Nations)"),
    ] = True,
    limit: Limit = 20,
    cursor: Cursor = None,
    format: Format = "json",
) -> dict[str, object] | Response:
    """Hits are articles, quotes or numbers; `snippet.parts` flags the matching words.

    Words naming a stored entity are searched under its other names too (`expanded` lists them);
    an article found only that way mentions the entity. `expand=false` searches the words alone.
    """
    query = check_query(settings, q)
    if not query:
        raise InvalidParameter("q", "the query is empty")
    limit = check_page(settings, limit)
    filters = Filters(
        source=source, since=since, until=until, entity=entity, speaker=speaker, event_type=event_type
    )
    page: Page[ArticleHit] | Page[QuoteHit] | Page[QuantityHit]
    match = expand_query(conn, query) if expand and kind != "quantities" else Match(query)
    if kind == "quotes":
        page = search_quotes(conn, match, filters, order=order, limit=limit, cursor=cursor)
    elif kind == "quantities":
        page = search_quantities(conn, query, filters, limit=limit, cursor=cursor)
    else:
        page = search_articles(conn, match, filters, order=order or "relevance", limit=limit, cursor=cursor)
    if format == "csv":
        return csv_response(page.items, f"search-{kind}.csv")
    return {"items": page.items, "next_cursor": page.next_cursor, "kind": kind, "expanded": match.expansions}


stats_router = APIRouter(prefix="/api", tags=["search"], responses=errors(429, 503))


@stats_router.get("/stats", summary="Counts over the whole store", response_model=StatsAnswer)
def stats(conn: ConnDep) -> Stats:
    return queries.stats(conn)
