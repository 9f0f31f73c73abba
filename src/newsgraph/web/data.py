"""The few read queries only the pages need: link maps, quote context, chart aggregates."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import Connection, func, select

from newsgraph.store import schema as s

CONTEXT = 320  # characters read on each side of a quote to find its sentence
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
    ids = list(quote_ids)
    if not ids:
        return {}
    q, a = s.quotes.c, s.articles.c
    lo = (
        func.max(q.start - CONTEXT, 0)
        if conn.dialect.name == "sqlite"
        else func.greatest(q.start - CONTEXT, 0)
    )
    rows = conn.execute(
        select(
            q.id,
            q.start,
            q.end,
            lo.label("lo"),
            func.substr(a.text, lo + 1, q.end - lo + CONTEXT).label("window"),
        )
        .join(s.articles, a.id == q.article_id)
        .where(q.id.in_(ids))
    )
    out: dict[int, tuple[str, int, int]] = {}
    for r in rows:
        window: str = r.window or ""
        qs, qe = r.start - r.lo, r.end - r.lo
        begin = 0
        for m in _SENTENCE_END.finditer(window, 0, max(qs, 0)):
            begin = m.end()
        end = len(window)
        after = _SENTENCE_END.search(window, max(qe, 0))
        if after is not None:
            end = after.start() + 1
        out[r.id] = (window[begin:end].strip(), qs - begin, qe - begin)
    return out


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
