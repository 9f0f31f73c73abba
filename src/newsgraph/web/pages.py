"""Web pages added for readers: the home page (what the store holds, at a glance) and the numbers
explorer (/numbers), with filters in shareable URLs."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from newsgraph.api.common import check_query
from newsgraph.api.deps import ConnDep, SettingsDep
from newsgraph.store import page_data as data
from newsgraph.store import queries
from newsgraph.store.search import Filters, search_quantities, search_quotes
from newsgraph.store.stories.read import list_stories
from newsgraph.store.timelines import article_months, undated_articles
from newsgraph.web.charts import MapPoint, timeline_chart, world_map
from newsgraph.web.render import blank, choice, render, twin

router = APIRouter(include_in_schema=False)

QUANTITY_KINDS = ("count", "percent", "money", "measure", "fraction")
Day = Annotated[str | None, Query(max_length=10, pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")]
Name = Annotated[str | None, Query(max_length=300)]
PAGE = 50


@router.get("/", response_class=HTMLResponse)
def home(request: Request, conn: ConnDep) -> HTMLResponse:
    stats = queries.stats(conn)
    quotes = search_quotes(conn, None, limit=4).items
    points = [
        MapPoint(lat, lon, name, n, "/articles?" + urlencode({"place": name}))
        for name, lat, lon, n in data.article_places(conn)
    ]
    return render(
        request,
        "home.html",
        stats=stats,
        chart=timeline_chart(article_months(conn), title="Articles per month", noun="article"),
        undated=undated_articles(conn),
        latest=queries.list_articles(conn, limit=10).items,
        people=queries.list_entities(conn, type_="PERSON", limit=10).items,
        orgs=queries.list_entities(conn, type_="ORG", limit=10).items,
        speakers=data.top_speakers(conn),
        quotes=quotes,
        sentences=data.quote_sentences(conn, (h.quote_id for h in quotes)),
        stories=list_stories(conn, limit=5).items,
        map=world_map(points, title="Places named in the articles"),
        json_url="/api/stats",
    )


@router.get("/numbers", response_class=HTMLResponse)
def numbers_page(
    request: Request,
    conn: ConnDep,
    settings: SettingsDep,
    q: Annotated[str | None, Query(max_length=2000)] = None,
    kind: Annotated[str | None, Query(max_length=20)] = None,
    claimant: Name = None,
    mentions: Name = None,
    source: Name = None,
    since: Day = None,
    until: Day = None,
    cursor: Annotated[str | None, Query(max_length=400)] = None,
) -> HTMLResponse:
    filters = Filters(
        source=blank(source),
        since=blank(since),
        until=blank(until),
        speaker=blank(claimant),
        entity=blank(mentions),
    )
    kind_ = choice(kind, QUANTITY_KINDS, "kind of number")
    page = search_quantities(conn, check_query(settings, q), filters, kind=kind_, limit=PAGE, cursor=cursor)
    return render(
        request,
        "numbers.html",
        page=page,
        q=q or "",
        kind=kind_ or "",
        kinds=QUANTITY_KINDS,
        filters=filters,
        stats=queries.stats(conn),
        json_url=twin(request, "/api/quantities"),
    )
