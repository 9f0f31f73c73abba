"""Reading stories: the list, one story's page, the related articles of an article, an entity's stories.

list_stories(conn)                 most recent first, with keyset cursors
get_story(conn, id)                title, summary, timeline, key entities, quotes by speaker,
                                   events, places, claim tables (`claims`)
related_articles(conn, id)         same story first, then the articles sharing its rarer entities
entity_stories(conn, entity_id)    the stories an entity is in
story_articles_after(conn, id, n)  the story's articles stored after article n (watches)
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, case, func, literal, or_, select

from newsgraph.errors import NotFound
from newsgraph.models import EVENT_MIN_CONFIDENCE
from newsgraph.store import schema as s
from newsgraph.store.paging import Page, check_limit, decode_cursor, keyset_page
from newsgraph.store.queries import ArticleSummary, _article_summary, _articles_select
from newsgraph.store.related import latest_articles
from newsgraph.store.stories.claims import ClaimTable, claim_tables
from newsgraph.store.types import Timestamp

TIMELINE = 500
"""A story page lists at most this many articles (the earliest); its JSON says how many it has."""
KEY_ENTITIES = 20
SPEAKERS = 12
QUOTES_PER_SPEAKER = 5
EVENTS = 100
RELATED_ENTITY_MAX_ARTICLES = 2000
"""An entity named in more articles than this is too common to relate two articles."""


@dataclass(frozen=True, slots=True)
class StorySummary:
    """A story: the articles reporting one event, across outlets and days."""

    id: int
    title: str | None
    article_count: int
    source_count: int
    first_published: str | None
    last_published: str | None


@dataclass(frozen=True, slots=True)
class KeyEntity:
    """An entity of the story and in how many of its articles."""

    id: int
    name: str
    type: str
    articles: int
    mentions: int


@dataclass(frozen=True, slots=True)
class StoryQuote:
    """A quote of the story, with where it appeared."""

    id: int
    article_id: int
    text: str
    source: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class Speaker:
    """Someone quoted in the story, with their quotes (the first few)."""

    id: int
    name: str
    quote_count: int
    quotes: list[StoryQuote]


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """A confident event of the story."""

    id: int
    article_id: int
    type: str
    trigger_text: str
    source_text: str | None
    target_text: str | None
    place_name: str | None
    published: str | None
    source: str | None


@dataclass(frozen=True, slots=True)
class StoryPlace:
    """A place named in the story, with coordinates, and in how many of its articles."""

    name: str
    lat: float
    lon: float
    articles: int


@dataclass(frozen=True, slots=True)
class StoryRecord:
    """A story page: see the module docstring."""

    summary: StorySummary
    lead: list[str]
    """The summary sentences of its earliest article (the one whose headline is the title)."""
    articles: list[ArticleSummary]
    entities: list[KeyEntity]
    speakers: list[Speaker]
    events: list[StoryEvent]
    places: list[StoryPlace]
    claims: list[ClaimTable]


@dataclass(frozen=True, slots=True)
class RelatedArticle:
    """An article related to another: in its story, or sharing entities with it (how many)."""

    article: ArticleSummary
    same_story: bool
    shared_entities: int


_STORY_COLUMNS = (
    s.stories.c.id,
    s.stories.c.title,
    s.stories.c.article_count,
    s.stories.c.source_count,
    s.stories.c.first_published,
    s.stories.c.last_published,
)


def _summary(row: Any) -> StorySummary:
    return StorySummary(
        int(row.id),
        row.title,
        int(row.article_count),
        int(row.source_count),
        row.first_published,
        row.last_published,
    )


UNDATED = "0001-01-01"
"""The date an undated story sorts by: before every real one."""


def list_stories(conn: Connection, *, limit: int = 50, cursor: str | None = None) -> Page[StorySummary]:
    """Return stories, most recent first (undated ones last)."""
    check_limit(limit)
    key = decode_cursor(cursor, 2)
    st = s.stories.c
    last = func.coalesce(st.last_published, literal(UNDATED, Timestamp()))  # undated stories last
    stmt = select(*_STORY_COLUMNS, last.label("day"))
    if key is not None:
        stmt = stmt.where(or_(last < key[0], and_(last == key[0], st.id < key[1])))
    rows = conn.execute(stmt.order_by(last.desc(), st.id.desc()).limit(limit + 1)).all()
    return keyset_page(rows, limit, _summary, lambda r: [r.day, r.id])


def get_story_summary(conn: Connection, story_id: int) -> StorySummary:
    """Return a story's title, counts and dates.

    Raises:
        NotFound: no story has this id.
    """
    row = conn.execute(select(*_STORY_COLUMNS).where(s.stories.c.id == story_id)).first()
    if row is None:
        raise NotFound(f"no story {story_id}")
    return _summary(row)


def get_story(conn: Connection, story_id: int) -> StoryRecord:
    """Return a story's page.

    Raises:
        NotFound: no story has this id.
    """
    summary = get_story_summary(conn, story_id)
    a = s.articles.c
    articles = [
        _article_summary(r)
        for r in conn.execute(
            _articles_select()
            .where(a.story_id == story_id)
            .order_by(a.published_day.is_(None), a.published_day, a.published, a.id)
            .limit(TIMELINE)
        )
    ]
    return StoryRecord(
        summary=summary,
        lead=_lead(conn, story_id),
        articles=articles,
        entities=_entities(conn, story_id),
        speakers=_speakers(conn, story_id),
        events=_events(conn, story_id),
        places=_places(conn, story_id),
        claims=claim_tables(conn, story_id),
    )


def _lead(conn: Connection, story_id: int) -> list[str]:
    a = s.articles.c
    row = conn.execute(
        select(a.text, a.sentences, a.summary)
        .where(a.story_id == story_id)
        .order_by(a.published_day.is_(None), a.published_day, a.hash)
        .limit(1)
    ).first()
    if row is None:
        return []
    sentences = row.sentences or []
    return [
        row.text[sentences[i]["start"] : sentences[i]["end"]]
        for i in row.summary or []
        if 0 <= i < len(sentences)
    ]


def _story_articles(story_id: int) -> Any:
    return select(s.articles.c.id).where(s.articles.c.story_id == story_id).scalar_subquery()


def _entities(conn: Connection, story_id: int) -> list[KeyEntity]:
    ae, e = s.article_entities.c, s.entities.c
    n = func.count(func.distinct(ae.article_id))
    rows = conn.execute(
        select(e.id, e.name, e.type, n.label("n"), func.sum(ae.mention_count).label("m"))
        .join(s.entities, e.id == ae.entity_id)
        .where(ae.article_id.in_(_story_articles(story_id)), e.named.is_(True))
        .group_by(e.id, e.name, e.type)
        .order_by(n.desc(), func.sum(ae.mention_count).desc(), e.id)
        .limit(KEY_ENTITIES)
    )
    return [KeyEntity(int(r.id), r.name, r.type, int(r.n), int(r.m or 0)) for r in rows]


def _speakers(conn: Connection, story_id: int) -> list[Speaker]:
    q, a = s.quotes.c, s.articles.c
    rows = conn.execute(
        select(
            q.id,
            q.article_id,
            q.text,
            q.speaker_id,
            s.entities.c.name,
            a.published,
            s.sources.c.name.label("source"),
        )
        .select_from(
            s.quotes.join(s.articles, a.id == q.article_id)
            .join(s.entities, s.entities.c.id == q.speaker_id)
            .outerjoin(s.sources, s.sources.c.id == q.source_id)
        )
        .where(a.story_id == story_id)
        .order_by(a.published_day.is_(None), a.published_day, q.id)
    ).all()
    by_speaker: dict[int, list[Any]] = defaultdict(list)
    for r in rows:
        by_speaker[int(r.speaker_id)].append(r)
    ranked = sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[1][0].name, kv[0]))[:SPEAKERS]
    return [
        Speaker(
            speaker_id,
            found[0].name,
            len(found),
            [
                StoryQuote(int(r.id), int(r.article_id), r.text, r.source, r.published)
                for r in found[:QUOTES_PER_SPEAKER]
            ],
        )
        for speaker_id, found in ranked
    ]


def _events(conn: Connection, story_id: int) -> list[StoryEvent]:
    ev, a = s.events.c, s.articles.c
    rows = conn.execute(
        select(
            ev.id,
            ev.article_id,
            ev.type,
            ev.trigger_text,
            ev.source_text,
            ev.target_text,
            ev.place_name,
            a.published,
            s.sources.c.name.label("source"),
        )
        .select_from(
            s.events.join(s.articles, a.id == ev.article_id).outerjoin(
                s.sources, s.sources.c.id == ev.source_id
            )
        )
        .where(a.story_id == story_id, ev.confidence >= EVENT_MIN_CONFIDENCE, ev.negated.is_(False))
        .order_by(a.published_day.is_(None), a.published_day, ev.id)
        .limit(EVENTS)
    )
    return [StoryEvent(**r._mapping) for r in rows]


def _places(conn: Connection, story_id: int) -> list[StoryPlace]:
    p = s.places.c
    n = func.count(func.distinct(p.article_id))
    rows = conn.execute(
        select(p.name, p.lat, p.lon, n.label("n"))
        .where(p.article_id.in_(_story_articles(story_id)), p.lat.is_not(None), p.lon.is_not(None))
        .group_by(p.name, p.lat, p.lon)
        .order_by(n.desc(), p.name)
        .limit(200)
    )
    return [StoryPlace(r.name, float(r.lat), float(r.lon), int(r.n)) for r in rows]


def related_articles(conn: Connection, article_id: int, *, limit: int = 10) -> list[RelatedArticle]:
    """Return the articles of the same story first (oldest first), then those whose shared entities
    weigh most, a rarer entity more (`_entity_weights`; entities named in more than
    `RELATED_ENTITY_MAX_ARTICLES` articles are left out).

    Raises:
        NotFound: no article has this id.
    """
    a = s.articles.c
    found = conn.execute(select(a.story_id).where(a.id == article_id)).first()
    if found is None:
        raise NotFound(f"no article {article_id}")
    story_id = found.story_id
    out: list[RelatedArticle] = []
    if story_id is not None:
        for r in conn.execute(
            _articles_select()
            .where(a.story_id == story_id, a.id != article_id)
            .order_by(a.published_day.is_(None), a.published_day, a.id)
            .limit(limit)
        ):
            out.append(RelatedArticle(_article_summary(r), True, 0))
    if len(out) >= limit:
        return out
    weights = _entity_weights(conn, article_id)
    if not weights:
        return out
    other = s.article_entities.alias("other")
    n = func.count(func.distinct(other.c.entity_id))
    score = func.sum(case(weights, value=other.c.entity_id, else_=0.0))
    seen = {r.article.id for r in out} | {article_id}
    ranked = conn.execute(
        select(other.c.article_id, n.label("n"))
        .where(other.c.entity_id.in_(list(weights)), other.c.article_id != article_id)
        .group_by(other.c.article_id)
        .order_by(score.desc(), other.c.article_id.desc())
        .limit(limit + len(seen))
    ).all()
    wanted = [(int(r.article_id), int(r.n)) for r in ranked if int(r.article_id) not in seen][
        : limit - len(out)
    ]
    if wanted:
        rows = {
            int(r.id): r for r in conn.execute(_articles_select().where(a.id.in_([i for i, _ in wanted])))
        }
        out.extend(
            RelatedArticle(_article_summary(rows[i]), False, shared) for i, shared in wanted if i in rows
        )
    return out


def _entity_weights(conn: Connection, article_id: int) -> dict[int, float]:
    """The named entities of an article, each weighted by how rare it is in the store: log(N / df),
    the inverse document frequency, so that two articles naming the Uyghurs and Xinjiang relate
    better than two naming the United States, China and the United Nations."""
    ae, e = s.article_entities.c, s.entities.c
    total = conn.execute(select(func.count()).select_from(s.articles)).scalar_one()
    rows = conn.execute(
        select(e.id, e.article_count)
        .join(s.article_entities, ae.entity_id == e.id)
        .where(ae.article_id == article_id, e.named.is_(True), e.article_count <= RELATED_ENTITY_MAX_ARTICLES)
    )
    return {int(r.id): math.log((total + 1) / (r.article_count + 0.5)) for r in rows if r.article_count > 1}


def entity_stories(
    conn: Connection, entity_id: int, *, limit: int = 10, scan: int = 2000
) -> list[StorySummary]:
    """Return the stories an entity is named in (among its latest `scan` articles), biggest first."""
    a = s.articles.c
    latest = latest_articles(entity_id, scan)
    ids = select(a.story_id).where(a.id.in_(latest), a.story_id.is_not(None)).distinct().scalar_subquery()
    st = s.stories.c
    rows = conn.execute(
        select(*_STORY_COLUMNS)
        .where(st.id.in_(ids))
        .order_by(st.article_count.desc(), st.id.desc())
        .limit(limit)
    )
    return [_summary(r) for r in rows]


def story_articles_after(
    conn: Connection, story_id: int, after_id: int, *, limit: int = 100
) -> list[ArticleSummary]:
    """Return the story's articles stored after article `after_id` (ids follow storage order), oldest first.

    A story's membership grows as articles arrive (and merges), so this is what a watch on a
    story reports as new.
    """
    a = s.articles.c
    rows = conn.execute(
        _articles_select().where(a.story_id == story_id, a.id > after_id).order_by(a.id).limit(limit)
    )
    return [_article_summary(r) for r in rows]
