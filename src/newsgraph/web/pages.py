"""Web pages added for readers: the numbers explorer (/numbers), with filters in shareable URLs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from newsgraph.api.common import check_query
from newsgraph.api.deps import ConnDep, SettingsDep
from newsgraph.store import queries
from newsgraph.store.search import Filters, search_quantities
from newsgraph.web.render import blank, choice, render, twin

router = APIRouter(include_in_schema=False)

QUANTITY_KINDS = ("count", "percent", "money", "measure", "fraction")
Day = Annotated[str | None, Query(max_length=10, pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")]
Name = Annotated[str | None, Query(max_length=300)]
PAGE = 50


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
