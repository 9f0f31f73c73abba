"""/api/stories: the articles reporting one event, across outlets and days, and their claim tables."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from newsgraph.api.common import JSONBytes, StoreId, check_page, csv_response, page_json
from newsgraph.api.deps import ConnDep, SettingsDep
from newsgraph.store.queries import to_jsonable
from newsgraph.store.stories import read
from newsgraph.store.stories.claims import claim_rows, claim_tables

router = APIRouter(prefix="/api/stories", tags=["stories"])


@router.get("", summary="Stories, most recent first")
def list_stories(
    conn: ConnDep,
    settings: SettingsDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    cursor: Annotated[str | None, Query(max_length=400)] = None,
    format: Literal["json", "csv"] = "json",
) -> Response:
    """Stories (two or more articles reporting one event), with their article and source counts."""
    page = read.list_stories(conn, limit=check_page(settings, limit), cursor=cursor)
    if format == "csv":
        return csv_response(page.items, "stories.csv")
    return page_json(page)


@router.get("/{story_id}", summary="One story: timeline, entities, quotes, events, places, claims")
def get_story(story_id: StoreId, conn: ConnDep) -> JSONBytes:
    """The story's articles by date and source, its key entities, quotes by speaker, events,
    places and claim tables (numbers side by side)."""
    record = read.get_story(conn, story_id)
    return JSONBytes({"ok": True, **to_jsonable(record)})


@router.get("/{story_id}/claims", summary="The story's claim tables: figures for the same count")
def get_claims(story_id: StoreId, conn: ConnDep, format: Literal["json", "csv"] = "json") -> Response:
    """Figures of several articles counting the same thing (same unit, counted noun and event),
    who claims each, its sentence and offsets, and whether they disagree."""
    read.get_story_summary(conn, story_id)
    tables = claim_tables(conn, story_id)
    if format == "csv":
        rows = claim_rows(story_id, tables)
        return csv_response(rows, f"story-{story_id}-claims.csv")
    return JSONBytes({"ok": True, "story_id": story_id, "claims": to_jsonable(tables)})
