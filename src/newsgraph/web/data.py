"""The few read queries only the pages need: link maps, quote context, chart aggregates."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import ColumnElement, Connection, Table, func, select

from newsgraph.store import schema as s

CONTEXT = 320  # characters read on each side of a quote or trigger to find its sentence
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n")


def entity_pages(conn: Connection, article_id: int) -> dict[str, int]:
    """Article-local entity id → stored entity id, for one article."""
    ae = s.article_entities.c
    rows = conn.execute(select(ae.local_id, ae.entity_id).where(ae.article_id == article_id))
    return {r.local_id: int(r.entity_id) for r in rows}


def quote_sentences(conn: Connection, quote_ids: Iterable[int]) -> dict[int, tuple[str, int, int]]:
    """Quote id → (the sentence(s) around it, quote start and end inside that text).

    Reads only a window of the article text around each quote, cut at sentence ends.
    """
    q = s.quotes.c
    return _sentence_windows(conn, s.quotes, q.start, q.end, quote_ids)


def event_sentences(conn: Connection, event_ids: Iterable[int]) -> dict[int, tuple[str, int, int]]:
    """Event id → (the sentence around its trigger, trigger start and end inside that sentence)."""
    ev = s.events.c
    return _sentence_windows(conn, s.events, ev.trigger_start, ev.trigger_end, event_ids)


def _sentence_windows(
    conn: Connection, table: Table, start: ColumnElement[int], end: ColumnElement[int], ids: Iterable[int]
) -> dict[int, tuple[str, int, int]]:
    """Row id → (the sentence(s) around the row's span, span start and end inside that text).

    Reads only a window of the article text around each span, cut at sentence ends.
    """
    wanted = list(ids)
    if not wanted:
        return {}
    a = s.articles.c
    lo = func.max(start - CONTEXT, 0) if conn.dialect.name == "sqlite" else func.greatest(start - CONTEXT, 0)
    rows = conn.execute(
        select(
            table.c.id,
            start.label("start"),
            end.label("end"),
            lo.label("lo"),
            func.substr(a.text, lo + 1, end - lo + CONTEXT).label("window"),
        )
        .join(s.articles, a.id == table.c.article_id)
        .where(table.c.id.in_(wanted))
    )
    out: dict[int, tuple[str, int, int]] = {}
    for r in rows:
        window: str = r.window or ""
        qs, qe = r.start - r.lo, r.end - r.lo
        begin = 0
        for m in _SENTENCE_END.finditer(window, 0, max(qs, 0)):
            begin = m.end()
        stop = len(window)
        after = _SENTENCE_END.search(window, max(qe, 0))
        if after is not None:
            stop = after.start() + 1
        text = window[begin:stop]
        lead = len(text) - len(text.lstrip())
        out[r.id] = (text.strip(), qs - begin - lead, qe - begin - lead)
    return out


def event_days(
    conn: Connection, type_: str | None = None, country: str | None = None
) -> list[tuple[str, int]]:
    """Events per month (YYYY-MM), oldest first, optionally of one type or country."""
    ev = s.events.c
    month = func.substr(ev.published_day, 1, 7)
    stmt = select(month.label("m"), func.count().label("n")).where(ev.published_day.is_not(None))
    if type_:
        stmt = stmt.where(ev.type == type_)
    if country:
        stmt = stmt.where(ev.country == country.upper())
    return [(r.m, int(r.n)) for r in conn.execute(stmt.group_by(month).order_by(month))]


def event_places(
    conn: Connection, type_: str | None = None, limit: int = 300
) -> list[tuple[str, float, float, int]]:
    """Places of events with coordinates: (name, lat, lon, count), most events first."""
    ev = s.events.c
    stmt = select(ev.place_name, ev.lat, ev.lon, func.count().label("n")).where(
        ev.lat.is_not(None), ev.lon.is_not(None)
    )
    if type_:
        stmt = stmt.where(ev.type == type_)
    rows = conn.execute(
        stmt.group_by(ev.place_name, ev.lat, ev.lon).order_by(func.count().desc()).limit(limit)
    )
    return [(r.place_name or "?", float(r.lat), float(r.lon), int(r.n)) for r in rows]
