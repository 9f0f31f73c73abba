"""/api/stories: clusters of near-duplicate articles (syndicated copies, updates)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from newsgraph.api.common import JSONBytes, StoreId, check_page, csv_response, page_json
from newsgraph.api.deps import ConnDep, SettingsDep
from newsgraph.store import queries
from newsgraph.store.queries import to_jsonable

router = APIRouter(prefix="/api/stories", tags=["stories"])


@router.get("", summary="Stories, most recent first")
def list_stories(
    conn: ConnDep,
    settings: SettingsDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    cursor: Annotated[str | None, Query(max_length=400)] = None,
    format: Literal["json", "csv"] = "json",
) -> Response:
    page = queries.list_stories(conn, limit=check_page(settings, limit), cursor=cursor)
    if format == "csv":
        return csv_response(page.items, "stories.csv")
    return page_json(page)


@router.get("/{story_id}", summary="One story with its articles")
def get_story(story_id: StoreId, conn: ConnDep) -> JSONBytes:
    record = queries.get_story(conn, story_id)
    return JSONBytes(
        {"ok": True, "story": to_jsonable(record.summary), "articles": to_jsonable(record.articles)}
    )
