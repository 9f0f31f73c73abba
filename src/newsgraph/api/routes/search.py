"""/api/search: full-text search over articles, quotes or numbers with filters; /api/stats."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from newsgraph.api.common import JSONBytes, check_page, check_query, csv_response, page_json
from newsgraph.api.deps import ConnDep, SettingsDep
from newsgraph.errors import InputError
from newsgraph.models import PloverType
from newsgraph.store import queries
from newsgraph.store.fulltext import Match, expand_query
from newsgraph.store.paging import Page
from newsgraph.store.queries import to_jsonable
from newsgraph.store.search import (
    ArticleHit,
    Filters,
    QuantityHit,
    QuoteHit,
    search_articles,
    search_quantities,
    search_quotes,
)

router = APIRouter(prefix="/api", tags=["search"])

Day = Annotated[str | None, Query(max_length=10, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
Name = Annotated[str | None, Query(max_length=300)]


@router.get("/search", summary="Full-text search with highlighted snippets")
def search(
    conn: ConnDep,
    settings: SettingsDep,
    q: Annotated[str, Query(min_length=1, max_length=2000, description='words, "a phrase", OR, -word')],
    kind: Literal["articles", "quotes", "quantities"] = "articles",
    source: Name = None,
    since: Day = None,
    until: Day = None,
    entity: Name = None,
    speaker: Name = None,
    event_type: PloverType | None = None,
    order: Literal["relevance", "newest"] = "relevance",
    expand: Annotated[
        bool,
        Query(description="also search other names of the entities it names ('UN': United Nations)"),
    ] = True,
    limit: Annotated[int, Query(ge=1, le=1000)] = 20,
    cursor: Annotated[str | None, Query(max_length=400)] = None,
    format: Literal["json", "csv"] = "json",
) -> Response:
    """Hits are articles, quotes or numbers; `snippet.parts` flags the matching words.

    Words naming a stored entity are searched under its other names too (`expanded` lists them);
    an article found only that way mentions the entity. `expand=false` searches the words alone.
    """
    query = check_query(settings, q)
    if not query:
        raise InputError("empty query")
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
        page = search_articles(conn, match, filters, order=order, limit=limit, cursor=cursor)
    if format == "csv":
        return csv_response(page.items, f"search-{kind}.csv")
    return page_json(page, kind=kind, expanded=to_jsonable(list(match.expansions)))


@router.get("/stats", summary="Counts over the whole store")
def stats(conn: ConnDep) -> JSONBytes:
    return JSONBytes({"ok": True, **to_jsonable(queries.stats(conn))})
