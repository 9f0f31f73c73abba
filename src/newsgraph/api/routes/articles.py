"""/api/articles: list with filters and keyset pages; one article with its full Analysis; POST to analyze."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field

from newsgraph.api.common import check_page, csv_response
from newsgraph.api.deps import ConnDep, EngineDep, SettingsDep, WriteAccess
from newsgraph.api.params import Cursor, Day, Format, Id, Limit, Name, PloverParam, StoreId
from newsgraph.api.schemas import (
    CSV,
    READ_ERRORS,
    ArticleDetail,
    ArticlePage,
    ArticleStored,
    RelatedArticles,
    errors,
)
from newsgraph.errors import ArticleTooLong, InputError
from newsgraph.store import queries
from newsgraph.store.browse import browse_articles
from newsgraph.store.paging import Page
from newsgraph.store.queries import ArticleSummary
from newsgraph.store.search import Filters
from newsgraph.store.stories.read import related_articles

router = APIRouter(prefix="/api/articles", tags=["articles"], responses=READ_ERRORS)


@router.get("", summary="List articles, newest first", response_model=ArticlePage, responses=CSV)
def list_articles(
    conn: ConnDep,
    settings: SettingsDep,
    source: Annotated[Name, Query(description="the news source's name")] = None,
    since: Day = None,
    until: Day = None,
    story: Annotated[Id, Query(description="stored id of its story")] = None,
    entity: Annotated[Id, Query(description="stored id of an entity it mentions")] = None,
    mentions: Annotated[Name, Query(description="name of an entity it mentions")] = None,
    speaker: Annotated[Name, Query(description="name of someone it quotes")] = None,
    place: Annotated[Name, Query(description="name of a place it names")] = None,
    event_type: PloverParam = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    format: Format = "json",
) -> Page[ArticleSummary] | Response:
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
    return page


@router.get(
    "/{article_id}",
    summary="One article with its full Analysis",
    response_model=ArticleDetail,
    responses=errors(404),
)
def get_article(article_id: StoreId, conn: ConnDep) -> dict[str, object]:
    """The article's metadata, every URL it was seen at, and its Analysis (newsgraph.analysis/1)."""
    record = queries.get_article(conn, article_id)
    return {"article": record.summary, "urls": record.urls, "analysis": record.analysis}


@router.get(
    "/{article_id}/related",
    summary="Related articles: same story first, then shared entities",
    response_model=RelatedArticles,
    responses=errors(404),
)
def get_related(
    article_id: StoreId, conn: ConnDep, settings: SettingsDep, limit: Limit = 10
) -> dict[str, object]:
    """The other articles of its story, oldest first, then those sharing most of its rarer entities."""
    related = related_articles(conn, article_id, limit=check_page(settings, limit))
    return {"article_id": article_id, "related": related}


class ArticleIn(BaseModel):
    """An article to analyze and store."""

    text: str = Field(min_length=1, description="The article text (plain text; boilerplate is removed).")
    id: str | None = Field(default=None, max_length=300)
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=4000)
    published: str | None = Field(default=None, max_length=40)
    source: str | None = Field(default=None, max_length=300)


@router.post(
    "",
    status_code=201,
    dependencies=[WriteAccess],
    summary="Analyze and store one article",
    response_model=ArticleStored,
    responses=errors(401, 403, 413),
)
async def post_article(article: ArticleIn, settings: SettingsDep, engine: EngineDep) -> dict[str, object]:
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
            "id": outcome.article_id,
            "hash": outcome.hash,
            "status": "stored" if isinstance(outcome, Stored) else "duplicate",
        }

    return await run_in_threadpool(work)
