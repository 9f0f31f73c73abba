"""Full-text search over articles and quotes, and over numbers, with filters and snippets.

    with engine.connect() as conn:
        page = search_quotes(conn, "settlement", Filters(speaker="Akhundzada", since="2021"))
        for hit in page.items:
            print(hit.speaker_name, hit.snippet.marked("[", "]"))

SQLite uses the FTS5 tables `articles_fts` and `quotes_fts` (Porter stemming, accents folded);
PostgreSQL the generated `tsv` columns with GIN indexes (English configuration). The query
language (`store.fulltext`) is the same on both: words (all must match), "quoted phrases", `OR`
between terms, `-word` to exclude; SQLite also takes `word*` prefixes. A `Match` from
`fulltext.expand_query` also finds the other names of the entities a query names.

Articles are ranked by relevance (BM25 on SQLite, `ts_rank_cd` on PostgreSQL) unless
`order="newest"`; quotes come newest first unless `order="relevance"`. Pages use keyset cursors.
Snippets come back as `Snippet` objects (text pieces flagged as matches), so each front end
renders highlights its own way without parsing markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any, Literal, TypeVar

from sqlalchemy import Connection, text

from newsgraph.errors import InputError
from newsgraph.store.fulltext import Match, TextCondition, text_condition
from newsgraph.store.identity import find_entities
from newsgraph.store.paging import Page, check_limit, decode_cursor, encode_cursor
from newsgraph.store.types import Timestamp

MARK_START = "\ue000"
MARK_END = "\ue001"
SNIPPET_TOKENS = 24
Order = Literal["relevance", "newest"]


@dataclass(frozen=True, slots=True)
class Snippet:
    """A piece of text with the matching words flagged: `parts` is a tuple of (text, is_match)."""

    parts: tuple[tuple[str, bool], ...]

    @classmethod
    def parse(cls, marked: str | None) -> Snippet:
        """Build a snippet from text with MARK_START/MARK_END around matches."""
        parts: list[tuple[str, bool]] = []
        for piece in re.split(f"({MARK_START}.*?{MARK_END})", marked or "", flags=re.S):
            if not piece:
                continue
            if piece.startswith(MARK_START) and piece.endswith(MARK_END):
                parts.append((piece[1:-1], True))
            else:
                parts.append((piece.replace(MARK_START, "").replace(MARK_END, ""), False))
        return cls(tuple(parts))

    @property
    def text(self) -> str:
        """The snippet's plain text."""
        return "".join(p for p, _ in self.parts)

    def marked(self, start: str = "[", end: str = "]") -> str:
        """Return the text with `start`/`end` around each match."""
        return "".join(f"{start}{p}{end}" if hit else p for p, hit in self.parts)

    def html(self) -> str:
        """Return HTML-escaped text with `<mark>` around each match."""
        return "".join(f"<mark>{html.escape(p)}</mark>" if hit else html.escape(p) for p, hit in self.parts)


@dataclass(frozen=True, slots=True)
class Filters:
    """What to restrict a search to; every field is optional and they combine with AND.

    Attributes:
        source: source name (case-insensitive).
        since, until: publication days, inclusive; `2021`, `2021-07` or `2021-07-18`.
        entity: name of an entity the article mentions (name or alias; "Akhundzada" finds
            "Haibatullah Akhundzada").
        speaker: name of the quote's speaker (same matching); for articles, one who is quoted.
        event_type: a PLOVER type (`CONSULT`) the article reports.
        place: name of a place the article names (case-insensitive, as geocoded: "Harare").
        entity_id, speaker_id: the same by stored entity id.
    """

    source: str | None = None
    since: str | None = None
    until: str | None = None
    entity: str | None = None
    speaker: str | None = None
    event_type: str | None = None
    place: str | None = None
    entity_id: int | None = None
    speaker_id: int | None = None


@dataclass(frozen=True, slots=True)
class ArticleHit:
    """An article that matches, with the best passage."""

    id: int
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    score: float | None
    snippet: Snippet


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """A quote that matches: what was said, by whom, where and when (columns as in `quotes`)."""

    id: int
    article_id: int
    kind: str
    text: str
    speaker_id: int | None
    speaker_name: str | None
    speaker_text: str | None
    cue: str | None
    start: int
    end: int
    source: str | None
    published: str | None
    title: str | None
    url: str | None
    score: float | None
    snippet: Snippet


@dataclass(frozen=True, slots=True)
class QuantityHit:
    """A number that matches, with who claims it and the words around it (columns as in `quantities`)."""

    id: int
    article_id: int
    text: str
    value: float | None
    unit: str | None
    kind: str
    approximate: bool
    claimant_id: int | None
    claimant_name: str | None
    source: str | None
    published: str | None
    title: str | None
    snippet: Snippet


Hit = TypeVar("Hit", ArticleHit, QuoteHit, QuantityHit)


def hit_from_row(kind: type[Hit], row: Any, **given: Any) -> Hit:
    """Build a hit of `kind` from a row holding its fields by name; `given` sets the others."""
    values = {f.name: getattr(row, f.name) for f in fields(kind) if f.name not in given}
    if "approximate" in values:
        values["approximate"] = bool(values["approximate"])
    return kind(**values, **given)


def day_bound(value: str | None, *, end: bool) -> str | None:
    """Return the first (or with `end`, the last) day of a period `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.

    Raises:
        InputError: another form.
    """
    if not value:
        return None
    value = value.strip()
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise InputError(f"invalid date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    if len(value) == 4:
        return value + ("-12-31" if end else "-01-01")
    if len(value) == 7:
        return value + ("-31" if end else "-01")
    return value


class _Where:
    """SQL conditions with their parameters, built from Filters."""

    def __init__(self) -> None:
        self.sql: list[str] = []
        self.params: dict[str, Any] = {}
        self.empty = False

    def add(self, sql: str, **params: Any) -> None:
        self.sql.append(sql)
        self.params.update(params)

    def clause(self) -> str:
        return " AND ".join(self.sql) if self.sql else "1=1"


def _ids_sql(ids: Sequence[int]) -> str:
    return ", ".join(str(int(i)) for i in ids)


def _filters(conn: Connection, filters: Filters, table: str, *, quotes: bool) -> _Where:
    where = _Where()
    alias = "a" if table == "articles" else "q"
    article_col = f"{alias}.id" if table == "articles" else f"{alias}.article_id"
    if filters.source:
        where.add(
            f"{alias}.source_id IN (SELECT id FROM sources WHERE lower(name) = lower(:source))",
            source=filters.source,
        )
    since = day_bound(filters.since, end=False)
    until = day_bound(filters.until, end=True)
    if since:
        where.add(f"{alias}.published_day >= :since", since=since)
    if until:
        where.add(f"{alias}.published_day <= :until", until=until)
    entity_ids = [filters.entity_id] if filters.entity_id is not None else []
    if filters.entity:
        entity_ids += find_entities(conn, filters.entity)
    if filters.entity or filters.entity_id is not None:
        if not entity_ids:
            where.empty = True
        else:
            where.add(
                f"{article_col} IN (SELECT article_id FROM article_entities "
                f"WHERE entity_id IN ({_ids_sql(entity_ids)}))"
            )
    speaker_ids = [filters.speaker_id] if filters.speaker_id is not None else []
    if filters.speaker:
        speaker_ids += find_entities(conn, filters.speaker)
    if filters.speaker or filters.speaker_id is not None:
        if not speaker_ids:
            where.empty = True
        elif quotes:
            where.add(f"{alias}.speaker_id IN ({_ids_sql(speaker_ids)})")
        else:
            where.add(
                f"{article_col} IN (SELECT article_id FROM quotes "
                f"WHERE speaker_id IN ({_ids_sql(speaker_ids)}))"
            )
    if filters.place:
        where.add(
            f"{article_col} IN (SELECT article_id FROM places WHERE lower(name) = lower(:place))",
            place=filters.place,
        )
    if filters.event_type:
        where.add(
            f"{article_col} IN (SELECT article_id FROM events WHERE type = :event_type)",
            event_type=filters.event_type.upper(),
        )
    return where


def _keyset(
    order: Order, cursor: list[Any] | None, score: str, day: str, ident: str
) -> tuple[str, str, dict[str, Any]]:
    """Return (condition, ORDER BY, params) for a page after `cursor`."""
    if order == "relevance":
        cond = f"({score} > :c0 OR ({score} = :c0 AND {ident} > :c1))" if cursor else "1=1"
        return cond, f"{score}, {ident}", ({"c0": cursor[0], "c1": cursor[1]} if cursor else {})
    day_expr = f"coalesce({day}, '')"
    cond = f"({day_expr} < :c0 OR ({day_expr} = :c0 AND {ident} < :c1))" if cursor else "1=1"
    return cond, f"{day_expr} DESC, {ident} DESC", ({"c0": cursor[0], "c1": cursor[1]} if cursor else {})


def _newest_sql(pg: bool, alias: str) -> str:
    """Newest first, undated last (see `paging.newest_first`: plain columns on SQLite, so the
    (…, published_day, id) indexes serve the order)."""
    if pg:
        return f"coalesce({alias}.published_day, '') DESC, {alias}.id DESC"
    return f"{alias}.published_day DESC, {alias}.id DESC"


def _snippets(conn: Connection, match: TextCondition, table: str, ids: list[int]) -> dict[int, str]:
    """Id → its passage with the matches between MARK_START and MARK_END."""
    if conn.dialect.name == "postgresql":
        column = "a.text" if table == "articles" else "q.text"
        opts = (
            _pg_opts()
            if table == "articles"
            else f"StartSel={MARK_START}, StopSel={MARK_END}, HighlightAll=true"
        )
        sql = (
            f"SELECT {column[0]}.id, ts_headline('english', {column}, {match.tsquery}, :opts) AS snip "
            f"FROM {table} {column[0]} WHERE {column[0]}.id IN ({_ids_sql(ids)})"
        )
        return {r.id: r.snip for r in conn.execute(text(sql), {**match.params, "opts": opts})}
    part, tokens = (-1, SNIPPET_TOKENS) if table == "articles" else (0, 48)
    fts = match.tsquery
    sql = (
        f"SELECT rowid AS id, snippet({fts}, {part}, :ms, :me, '…', :n) AS snip FROM {fts} "
        f"WHERE {fts} MATCH :q AND rowid IN ({_ids_sql(ids)})"
    )
    params: dict[str, Any] = {"q": match.params["q"], "ms": MARK_START, "me": MARK_END, "n": tokens}
    return {r.id: r.snip for r in conn.execute(text(sql), params)}


def search_articles(
    conn: Connection,
    query: str | Match,
    filters: Filters | None = None,
    *,
    order: Order = "relevance",
    limit: int = 20,
    cursor: str | None = None,
) -> Page[ArticleHit]:
    """Return the articles matching `query` and the filters, with their best passage.

    A `Match` (from `fulltext.expand_query`) also finds the other names of the entities it names.

    Raises:
        InputError: an empty query, a bad date, limit or cursor.
    """
    check_limit(limit)
    filters = filters or Filters()
    key = decode_cursor(cursor, 2)
    where = _filters(conn, filters, "articles", quotes=False)
    if where.empty:
        return Page()
    match = text_condition(conn, query, "articles")
    base = (
        f"SELECT a.id AS id, {match.score} AS score, coalesce(a.published_day, '') AS day "
        f"FROM {match.source} WHERE {match.cond} AND {where.clause()}"
    )
    cond, order_by, kparams = _keyset(order, key, "score", "day", "id")
    rows = conn.execute(
        text(f"SELECT id, score, day FROM ({base}) hits WHERE {cond} ORDER BY {order_by} LIMIT :limit"),
        {**match.params, **where.params, **kparams, "limit": limit + 1},
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    if not rows:
        return Page()
    ids = [r.id for r in rows]
    snippets = _snippets(conn, match, "articles", ids)
    meta = _rows_by_id(
        conn,
        "SELECT a.id, a.title, a.url, a.published, s.name AS source FROM articles a "
        f"LEFT JOIN sources s ON s.id = a.source_id WHERE a.id IN ({_ids_sql(ids)})",
    )
    items = [
        hit_from_row(ArticleHit, meta[r.id], score=float(r.score), snippet=Snippet.parse(snippets.get(r.id)))
        for r in rows
    ]
    last = rows[-1]
    next_key = [float(last.score), last.id] if order == "relevance" else [last.day, last.id]
    return Page(items, encode_cursor(next_key) if more else None)


def _pg_opts() -> str:
    return (
        f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15, "
        'MaxFragments=2, FragmentDelimiter=" … "'
    )


def _rows_by_id(conn: Connection, sql: str) -> dict[int, Any]:
    """Run a query of hits' columns by id (its `published` in its text form on both back ends)."""
    return {r.id: r for r in conn.execute(text(sql).columns(published=Timestamp()))}


_QUOTE_COLUMNS = (
    "q.id, q.article_id, q.kind, q.text, q.speaker_id, e.name AS speaker_name, "
    'q.speaker_text, q.cue, q.start, q."end", s.name AS source, a.published, a.title, a.url'
)


def search_quotes(
    conn: Connection,
    query: str | Match | None = None,
    filters: Filters | None = None,
    *,
    order: Order | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[QuoteHit]:
    """Return the quotes matching `query` (or all, when None) and the filters, newest first.

    `order="relevance"` ranks by BM25 / ts_rank instead; it scores every match, so it costs more
    on a word found in many quotes (quotes are short: recency is usually the better order).

    Raises:
        InputError: a bad query, date, limit or cursor.
    """
    check_limit(limit)
    filters = filters or Filters()
    if not isinstance(query, Match):
        query = (query or "").strip() or None
    order = order or "newest"
    if order == "relevance" and not query:
        order = "newest"
    key = decode_cursor(cursor, 2)
    where = _filters(conn, filters, "quotes", quotes=True)
    if where.empty:
        return Page()
    match = text_condition(conn, query, "quotes", ranked=order == "relevance") if query is not None else None
    rows = conn.execute(*_quote_ids(conn, where, match, order, key, limit)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    if not rows:
        return Page()
    ids = [r.id for r in rows]
    snippets = _snippets(conn, match, "quotes", ids) if match else {}
    meta = _rows_by_id(
        conn,
        f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN sources s ON s.id = q.source_id LEFT JOIN entities e ON e.id = q.speaker_id "
        f"WHERE q.id IN ({_ids_sql(ids)})",
    )
    items = [
        hit_from_row(
            QuoteHit,
            meta[r.id],
            score=float(r.score) if order == "relevance" else None,
            snippet=Snippet.parse(snippets[r.id])
            if r.id in snippets
            else Snippet(((meta[r.id].text, False),)),
        )
        for r in rows
    ]
    last = rows[-1]
    next_key = [float(last.score), last.id] if order == "relevance" else [last.day, last.id]
    return Page(items, encode_cursor(next_key) if more else None)


def _quote_ids(
    conn: Connection,
    where: _Where,
    match: TextCondition | None,
    order: Order,
    key: list[Any] | None,
    limit: int,
) -> tuple[Any, dict[str, Any]]:
    """The query of a page of quote ids (with score and day) and its parameters."""
    cond, order_by, kparams = _keyset(order, key, "score", "day", "id")
    if match is None:
        # No ranking: let the (published_day, id) indexes drive the scan instead of a subquery.
        sql = (
            f"SELECT q.id AS id, 0.0 AS score, coalesce(q.published_day, '') AS day FROM quotes q "
            f"WHERE {where.clause()} AND {_plain_keyset(key)} "
            f"ORDER BY {_newest_sql(conn.dialect.name == 'postgresql', 'q')} LIMIT :limit"
        )
    else:
        base = (
            f"SELECT q.id AS id, {match.score} AS score, coalesce(q.published_day, '') AS day "
            f"FROM {match.source} WHERE {match.cond} AND {where.clause()}"
        )
        sql = f"SELECT id, score, day FROM ({base}) hits WHERE {cond} ORDER BY {order_by} LIMIT :limit"
    params = {**where.params, **(match.params if match else {}), **kparams, "limit": limit + 1}
    return text(sql), params


def _plain_keyset(key: list[Any] | None) -> str:
    if key is None:
        return "1=1"
    return "(coalesce(q.published_day, '') < :c0 OR (coalesce(q.published_day, '') = :c0 AND q.id < :c1))"


def search_quantities(
    conn: Connection,
    query: str | None,
    filters: Filters | None = None,
    *,
    kind: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[QuantityHit]:
    """Return numbers whose text or unit contains every word of `query` ("prisoners"), newest first.

    Without a query (None), every number the filters and `kind` (`count`, `money`, …) allow.
    The snippet is the number with the words around it, the number flagged as the match.

    Raises:
        InputError: a query without words, a bad date, limit or cursor.
    """
    check_limit(limit)
    filters = filters or Filters()
    words = [w.casefold() for w in re.findall(r"\w+", query or "")]
    if query is not None and not words:
        raise InputError(f"nothing to search for in {query!r}")
    key = decode_cursor(cursor, 2)
    where = _filters(conn, filters, "quantities", quotes=False)
    if where.empty:
        return Page()
    if kind:
        where.add("q.kind = :kind", kind=kind)
    for n, word in enumerate(words):
        where.add(
            f"(lower(q.text) LIKE :w{n} OR lower(coalesce(q.unit, '')) LIKE :w{n})", **{f"w{n}": f"%{word}%"}
        )
    if filters.speaker or filters.speaker_id is not None:
        ids = ([filters.speaker_id] if filters.speaker_id is not None else []) + (
            find_entities(conn, filters.speaker) if filters.speaker else []
        )
        where.add(f"q.claimant_id IN ({_ids_sql(ids) or 'NULL'})")
    _, _, kparams = _keyset("newest", key, "score", "day", "id")
    window = "CASE WHEN q.start > 100 THEN q.start - 100 ELSE 0 END"
    rows = conn.execute(
        text(
            "SELECT q.id, q.article_id, q.text, q.value, q.unit, q.kind, q.approximate, q.claimant_id, "
            "e.name AS claimant_name, s.name AS source, a.published, a.title, "
            "coalesce(q.published_day, '') AS day, "
            f"q.start - ({window}) AS offset_in, "
            f'substr(a.text, ({window}) + 1, q."end" - ({window}) + 100) AS ctx '
            "FROM quantities q JOIN articles a ON a.id = q.article_id "
            "LEFT JOIN sources s ON s.id = q.source_id "
            "LEFT JOIN entities e ON e.id = q.claimant_id "
            f"WHERE {where.clause()} AND {_plain_keyset(key)} "
            f"ORDER BY {_newest_sql(conn.dialect.name == 'postgresql', 'q')} LIMIT :limit"
        ).columns(published=Timestamp()),
        {**where.params, **kparams, "limit": limit + 1},
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    items = []
    for r in rows:
        at = int(r.offset_in)
        ctx: str = r.ctx or ""
        before, number, after = ctx[:at], ctx[at : at + len(r.text)], ctx[at + len(r.text) :]
        if at > 0 and " " in before:  # start and end on word boundaries
            before = before[before.index(" ") + 1 :]
        if " " in after:
            after = after[: after.rindex(" ")]
        parts = tuple(
            p for p in (("…" + before if before else "", False), (number, True), (after + "…", False)) if p[0]
        )
        items.append(hit_from_row(QuantityHit, r, snippet=Snippet(parts)))
    if not rows:
        return Page()
    last = rows[-1]
    return Page(items, encode_cursor([last.day, last.id]) if more else None)
