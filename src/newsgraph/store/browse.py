"""Articles by filters alone (no words to search): source, period, who they mention or quote, place,
event type — the same `Filters` the full-text search takes, newest first, keyset pages."""

from __future__ import annotations

from sqlalchemy import Connection, text

from newsgraph.store.paging import Page, check_limit, decode_cursor, keyset_page
from newsgraph.store.queries import ArticleSummary
from newsgraph.store.search import Filters, _filters
from newsgraph.store.types import Timestamp


def browse_articles(
    conn: Connection, filters: Filters, *, limit: int = 50, cursor: str | None = None
) -> Page[ArticleSummary]:
    """Return the articles the filters allow, newest first (undated last).

    Raises:
        InputError: a bad date, limit or cursor.
    """
    check_limit(limit)
    key = decode_cursor(cursor, 2)
    where = _filters(conn, filters, "articles", quotes=False)
    if where.empty:
        return Page()
    day = "coalesce(a.published_day, '')"
    after = f"({day} < :c0 OR ({day} = :c0 AND a.id < :c1))" if key else "1=1"
    rows = conn.execute(
        text(
            "SELECT a.id, a.hash, a.doc_id, a.title, a.url, s.name AS source, a.published, a.story_id, "
            f"{day} AS day FROM articles a LEFT JOIN sources s ON s.id = a.source_id "
            f"WHERE {where.clause()} AND {after} ORDER BY {day} DESC, a.id DESC LIMIT :limit"
        ).columns(published=Timestamp()),
        {**where.params, **({"c0": key[0], "c1": key[1]} if key else {}), "limit": limit + 1},
    ).all()
    return keyset_page(
        rows,
        limit,
        lambda r: ArticleSummary(r.id, r.hash, r.doc_id, r.title, r.url, r.source, r.published, r.story_id),
        lambda r: [r.day, r.id],
    )
