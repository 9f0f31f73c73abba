"""/api/articles: list with filters and keyset pages; one article with its full Analysis; POST to analyze."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field

from newsgraph.api.common import JSONBytes, StoreId, check_page, csv_response, page_json
from newsgraph.api.deps import ConnDep, EngineDep, SettingsDep, WriteAccess
from newsgraph.errors import ArticleTooLong, InputError
from newsgraph.models import PloverType
from newsgraph.store import queries
from newsgraph.store.browse import browse_articles
from newsgraph.store.queries import to_jsonable
from newsgraph.store.search import Filters
from newsgraph.store.stories.read import related_articles

router = APIRouter(prefix="/api/articles", tags=["articles"])

Day = Annotated[
    str | None, Query(max_length=10, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY[-MM[-DD]]")
]
Cursor = Annotated[str | None, Query(max_length=400, description="next_cursor of the previous page")]
Limit = Annotated[int, Query(ge=1, le=1000, description="page size (see NEWSGRAPH_API_MAX_PAGE)")]
Format = Annotated[Literal["json", "csv"], Query(description="csv downloads the page as a spreadsheet")]


@router.get("", summary="List articles, newest first")
def list_articles(
    conn: ConnDep,
    settings: SettingsDep,
    source: Annotated[str | None, Query(max_length=300)] = None,
    since: Day = None,
    until: Day = None,
    story: Annotated[int | None, Query(ge=1, le=2**62)] = None,
    entity: Annotated[
        int | None, Query(ge=1, le=2**62, description="stored id of an entity it mentions")
    ] = None,
    mentions: Annotated[
        str | None, Query(max_length=300, description="name of an entity it mentions")
    ] = None,
    speaker: Annotated[str | None, Query(max_length=300, description="name of someone it quotes")] = None,
    place: Annotated[str | None, Query(max_length=300, description="name of a place it names")] = None,
    event_type: PloverType | None = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    format: Format = "json",
) -> Response:
    """Articles with their title, source, date and story, newest first; filter by source, period,
    story, an entity it mentions (by id or name), someone it quotes, a place, a type of event."""
    if mentions or speaker or place or event_type:
        if story is not None:
            raise InputError("story cannot be combined with mentions, speaker, place or event_type")
        filters = Filters(
            source=source,
            since=since,
            until=until,
            entity=mentions,
            entity_id=entity,
            speaker=speaker,
            place=place,
            event_type=event_type,
        )
        page = browse_articles(conn, filters, limit=check_page(settings, limit), cursor=cursor)
    else:
        page = queries.list_articles(
            conn,
            source=source,
            since=since,
            until=until,
            story_id=story,
            entity_id=entity,
            limit=check_page(settings, limit),
            cursor=cursor,
        )
    if format == "csv":
        return csv_response(page.items, "articles.csv")
    return page_json(page)


@router.get("/{article_id}", summary="One article with its full Analysis")
def get_article(article_id: StoreId, conn: ConnDep) -> JSONBytes:
    """The article's metadata, every URL it was seen at, and its Analysis (newsgraph.analysis/1)."""
    record = queries.get_article(conn, article_id)
    return JSONBytes(
        {
            "ok": True,
            "article": to_jsonable(record.summary),
            "urls": record.urls,
            "analysis": record.analysis.to_dict(),
        }
    )


@router.get("/{article_id}/related", summary="Related articles: same story first, then shared entities")
def get_related(
    article_id: StoreId, conn: ConnDep, limit: Annotated[int, Query(ge=1, le=100)] = 10
) -> JSONBytes:
    """The other articles of its story, oldest first, then those sharing most of its rarer entities."""
    related = related_articles(conn, article_id, limit=limit)
    return JSONBytes({"ok": True, "article_id": article_id, "related": to_jsonable(related)})


class ArticleIn(BaseModel):
    """An article to analyze and store."""

    text: str = Field(min_length=1, description="The article text (plain text; boilerplate is removed).")
    id: str | None = Field(default=None, max_length=300)
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=4000)
    published: str | None = Field(default=None, max_length=40)
    source: str | None = Field(default=None, max_length=300)


@router.post("", status_code=201, dependencies=[WriteAccess], summary="Analyze and store one article")
async def post_article(article: ArticleIn, settings: SettingsDep, engine: EngineDep) -> JSONBytes:
    """Analyze the text, store the Analysis and return where it is (needs NEWSGRAPH_API_TOKEN)."""
    if len(article.text) > settings.max_chars:
        raise ArticleTooLong(
            f"article has {len(article.text):,} characters; the limit is {settings.max_chars:,}"
        )

    def work() -> dict[str, object]:
        from newsgraph.extract.pipeline import analyze
        from newsgraph.store.writer import Stored, store_analyses

        analysis = analyze(
            article.text,
            published=article.published,
            url=article.url,
            title=article.title,
            id=article.id,
            source=article.source,
            settings=settings,
        )
        (outcome,) = store_analyses(engine, [analysis])
        return {
            "ok": True,
            "id": outcome.article_id,
            "hash": outcome.hash,
            "status": "stored" if isinstance(outcome, Stored) else "duplicate",
        }

    return JSONBytes(await run_in_threadpool(work), status_code=201)
