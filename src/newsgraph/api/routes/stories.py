"""/api/stories: the articles reporting one event, across outlets and days, and their claim tables."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from newsgraph.api.common import check_page, csv_response
from newsgraph.api.deps import ConnDep, SettingsDep
from newsgraph.api.params import Cursor, Format, Limit, StoreId
from newsgraph.api.schemas import CSV, READ_ERRORS, ClaimsAnswer, StoryDetail, StoryPage, errors
from newsgraph.store.paging import Page
from newsgraph.store.stories import read
from newsgraph.store.stories.claims import claim_rows, claim_tables
from newsgraph.store.stories.read import StoryRecord, StorySummary

router = APIRouter(prefix="/api/stories", tags=["stories"], responses=READ_ERRORS)
NOT_FOUND = errors(404)


@router.get("", summary="Stories, most recent first", response_model=StoryPage, responses=CSV)
def list_stories(
    conn: ConnDep,
    settings: SettingsDep,
    limit: Limit = 50,
    cursor: Cursor = None,
    format: Format = "json",
) -> Page[StorySummary] | Response:
    """Stories (two or more articles reporting one event), with their article and source counts."""
    page = read.list_stories(conn, limit=check_page(settings, limit), cursor=cursor)
    if format == "csv":
        return csv_response(page.items, "stories.csv")
    return page


@router.get(
    "/{story_id}",
    summary="One story: timeline, entities, quotes, events, places, claims",
    response_model=StoryDetail,
    responses=NOT_FOUND,
)
def get_story(story_id: StoreId, conn: ConnDep) -> StoryRecord:
    """The story's articles by date and source, its key entities, quotes by speaker, events,
    places and claim tables (numbers side by side)."""
    return read.get_story(conn, story_id)


@router.get(
    "/{story_id}/claims",
    summary="The story's claim tables: figures for the same count",
    response_model=ClaimsAnswer,
    responses={**NOT_FOUND, **CSV},
)
def get_claims(story_id: StoreId, conn: ConnDep, format: Format = "json") -> dict[str, object] | Response:
    """Figures of several articles counting the same thing (same unit, counted noun and event),
    who claims each, its sentence and offsets, and whether they disagree. The CSV has one row per
    figure, the columns of `newsgraph export claims`."""
    read.get_story_summary(conn, story_id)
    tables = claim_tables(conn, story_id)
    if format == "csv":
        return csv_response(claim_rows(story_id, tables), f"story-{story_id}-claims.csv")
    return {"story_id": story_id, "claims": tables}
