"""Web pages added for readers: the home page (what the store holds, at a glance) and the numbers
explorer (/numbers), with filters in shareable URLs."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsgraph.api.common import check_query
from newsgraph.api.deps import ConnDep, SettingsDep
from newsgraph.api.params import Cursor, Day, Name, QuantityKindParam, SearchText
from newsgraph.models import QUANTITY_KINDS
from newsgraph.store import page_data as data
from newsgraph.store import queries
from newsgraph.store.search import Filters, search_quantities, search_quotes
from newsgraph.store.stories.read import list_stories
from newsgraph.store.timelines import article_months, undated_articles
from newsgraph.web.charts import MapPoint, timeline_chart, world_map
from newsgraph.web.render import render, twin

router = APIRouter(include_in_schema=False)
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
        sentences=data.quote_sentences(conn, (h.id for h in quotes)),
        stories=list_stories(conn, limit=5).items,
        map=world_map(points, title="Places named in the articles"),
        json_url="/api/stats",
    )


@router.get("/numbers", response_class=HTMLResponse)
def numbers_page(
    request: Request,
    conn: ConnDep,
    settings: SettingsDep,
    q: SearchText = None,
    kind: QuantityKindParam = None,
    claimant: Name = None,
    mentions: Name = None,
    source: Name = None,
    since: Day = None,
    until: Day = None,
    cursor: Cursor = None,
) -> HTMLResponse:
    filters = Filters(source=source, since=since, until=until, speaker=claimant, entity=mentions)
    page = search_quantities(conn, check_query(settings, q), filters, kind=kind, limit=PAGE, cursor=cursor)
    return render(
        request,
        "numbers.html",
        page=page,
        q=q or "",
        kind=kind or "",
        kinds=QUANTITY_KINDS,
        filters=filters,
        stats=queries.stats(conn),
        json_url=twin(request, "/api/quantities"),
    )
