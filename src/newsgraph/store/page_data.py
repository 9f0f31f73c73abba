"""The few read queries only the pages need: link maps, quote context, chart aggregates."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, Table, func, select

from newsgraph.models import EVENT_MIN_CONFIDENCE
from newsgraph.store import schema as s

CONTEXT = 320  # characters read on each side of a quote or trigger to find its sentence
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n")


def entity_pages(conn: Connection, article_id: int) -> dict[str, int]:
    """Article-local entity id → stored entity id, for one article."""
    ae = s.article_entities.c
    rows = conn.execute(select(ae.local_id, ae.entity_id).where(ae.article_id == article_id))
    return {r.local_id: int(r.entity_id) for r in rows}


def quote_sentences(conn: Connection, quote_ids: Iterable[int]) -> dict[int, list[tuple[str, str]]]:
    """Quote id → the sentence(s) around it as pieces (text, part): part is `said` for the quote,
    `speaker` and `cue` for who said it and the verb, "" for the rest.

    Reads only a window of the article text around each quote, cut at sentence ends. A speaker
    or cue outside that window is left out (the caption names the speaker).
    """
    q = s.quotes.c
    extra = (q.speaker_start, q.speaker_end, q.cue_start, q.cue_end)
    out: dict[int, list[tuple[str, str]]] = {}
    for r, window, begin, stop in _sentence_windows(conn, s.quotes, q.start, q.end, quote_ids, extra):
        spans = [(r.start - r.lo, r.end - r.lo, "said")]
        for start, end, part in (
            (r.speaker_start, r.speaker_end, "speaker"),
            (r.cue_start, r.cue_end, "cue"),
        ):
            if start is not None and end is not None:
                spans.append((start - r.lo, end - r.lo, part))
        out[r.id] = _pieces(window, begin, stop, spans)
    return out


def event_sentences(conn: Connection, event_ids: Iterable[int]) -> dict[int, tuple[str, int, int]]:
    """Event id → (the sentence around its trigger, trigger start and end inside that sentence)."""
    ev = s.events.c
    out: dict[int, tuple[str, int, int]] = {}
    for r, window, begin, stop in _sentence_windows(
        conn, s.events, ev.trigger_start, ev.trigger_end, event_ids
    ):
        text = window[begin:stop]
        lead = len(text) - len(text.lstrip())
        qs, qe = r.start - r.lo, r.end - r.lo
        out[r.id] = (text.strip(), qs - begin - lead, qe - begin - lead)
    return out


def _sentence_windows(
    conn: Connection,
    table: Table,
    start: ColumnElement[int],
    end: ColumnElement[int],
    ids: Iterable[int],
    extra: tuple[ColumnElement[Any], ...] = (),
) -> list[tuple[Row[Any], str, int, int]]:
    """For each row: (row, a window of the article text around its span, sentence begin and end in it).

    Reads only a window of the article text around each span (`lo` is its offset in the article),
    cut at sentence ends; `extra` columns come with the row.
    """
    wanted = list(ids)
    if not wanted:
        return []
    a = s.articles.c
    lo = func.max(start - CONTEXT, 0) if conn.dialect.name == "sqlite" else func.greatest(start - CONTEXT, 0)
    rows = conn.execute(
        select(
            table.c.id,
            start.label("start"),
            end.label("end"),
            *extra,
            lo.label("lo"),
            func.substr(a.text, lo + 1, end - lo + CONTEXT).label("window"),
        )
        .join(s.articles, a.id == table.c.article_id)
        .where(table.c.id.in_(wanted))
    )
    out: list[tuple[Row[Any], str, int, int]] = []
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
        out.append((r, window, begin, stop))
    return out


def _pieces(text: str, begin: int, end: int, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """Cut text[begin:end] into (piece, part) at the spans inside it (overlapping ones dropped)."""
    kept: list[tuple[int, int, str]] = []
    for start, stop, part in sorted(spans):
        if begin <= start < stop <= end and all(stop <= a or start >= b for a, b, _ in kept):
            kept.append((start, stop, part))
    pieces: list[tuple[str, str]] = []
    at = begin
    for start, stop, part in kept:
        pieces.append((text[at:start], ""))
        pieces.append((text[start:stop], part))
        at = stop
    pieces.append((text[at:end], ""))
    pieces = [(t, p) for t, p in pieces if t]
    if pieces and not pieces[0][1]:
        pieces[0] = (pieces[0][0].lstrip(), "")
    if pieces and not pieces[-1][1]:
        pieces[-1] = (pieces[-1][0].rstrip(), "")
    return pieces


def event_places(
    conn: Connection, type_: str | None = None, limit: int = 300
) -> list[tuple[str, float, float, int]]:
    """Places of confident events with coordinates: (name, lat, lon, count), most events first."""
    ev = s.events.c
    stmt = select(ev.place_name, ev.lat, ev.lon, func.count().label("n")).where(
        ev.lat.is_not(None), ev.lon.is_not(None), ev.confidence >= EVENT_MIN_CONFIDENCE
    )
    if type_:
        stmt = stmt.where(ev.type == type_)
    rows = conn.execute(
        stmt.group_by(ev.place_name, ev.lat, ev.lon).order_by(func.count().desc()).limit(limit)
    )
    return [(r.place_name or "?", float(r.lat), float(r.lon), int(r.n)) for r in rows]


def article_places(conn: Connection, limit: int = 300) -> list[tuple[str, float, float, int]]:
    """Places named in articles, with coordinates: (name, lat, lon, articles), most articles first."""
    p = s.places.c
    n = func.count(func.distinct(p.article_id))
    rows = conn.execute(
        select(p.name, p.lat, p.lon, n.label("n"))
        .where(p.lat.is_not(None), p.lon.is_not(None))
        .group_by(p.name, p.lat, p.lon)
        .order_by(n.desc(), p.name)
        .limit(limit)
    )
    return [(r.name, float(r.lat), float(r.lon), int(r.n)) for r in rows]


def top_speakers(conn: Connection, limit: int = 10) -> list[tuple[int, str, str, int]]:
    """The most quoted entities: (id, name, type, quotes), most quotes first."""
    q, e = s.quotes.c, s.entities.c
    n = func.count()
    rows = conn.execute(
        select(e.id, e.name, e.type, n.label("n"))
        .select_from(s.quotes.join(s.entities, e.id == q.speaker_id))
        .group_by(e.id, e.name, e.type)
        .order_by(n.desc(), e.id)
        .limit(limit)
    )
    return [(int(r.id), r.name, r.type, int(r.n)) for r in rows]
