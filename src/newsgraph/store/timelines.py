"""Counts per month on a true time axis: every month between the first and the last, empty ones as 0.

A chart drawn from only the months that have data puts 2019-12 beside 2025-03 and hides the
gap; these series never skip a month, so the page and its JSON twin show the same numbers.

    with engine.connect() as conn:
        for point in event_months(conn, type_="ASSAULT"):
            print(point.month, point.count)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from newsgraph.models import EVENT_MIN_CONFIDENCE
from newsgraph.store import schema as s

MAX_MONTHS = 360
"""Series longer than this (30 years) are counted per year instead, so a bar stays visible."""


@dataclass(frozen=True, slots=True)
class PeriodCount:
    """How many items fall in one period: `period` is `YYYY-MM` (or `YYYY` for a long span)."""

    period: str
    count: int


def _month_index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def _month_name(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def fill_months(counts: Iterable[tuple[str, int]]) -> list[PeriodCount]:
    """Return one PeriodCount per month from the first to the last month given, absent months as 0.

    Keys are `YYYY-MM` or longer (`YYYY-MM-DD` counts for its month); malformed keys are
    ignored. Beyond MAX_MONTHS months, the counts are per year (`YYYY`), every year present.
    """
    by_month: dict[int, int] = {}
    for key, count in counts:
        if len(key) < 7 or not (key[:4].isdigit() and key[4] == "-" and key[5:7].isdigit()):
            continue
        if not 1 <= int(key[5:7]) <= 12:
            continue
        index = _month_index(key)
        by_month[index] = by_month.get(index, 0) + int(count)
    if not by_month:
        return []
    first, last = min(by_month), max(by_month)
    if last - first + 1 > MAX_MONTHS:
        by_year: dict[int, int] = {}
        for index, count in by_month.items():
            by_year[index // 12] = by_year.get(index // 12, 0) + count
        return [PeriodCount(f"{y:04d}", by_year.get(y, 0)) for y in range(first // 12, last // 12 + 1)]
    return [PeriodCount(_month_name(i), by_month.get(i, 0)) for i in range(first, last + 1)]


def _per_month(conn: Connection, stmt: object) -> list[PeriodCount]:
    return fill_months((r.m, int(r.n)) for r in conn.execute(stmt))  # type: ignore[call-overload]


def event_months(conn: Connection, type_: str | None = None, country: str | None = None) -> list[PeriodCount]:
    """Confident events per month (by their article's publication day), optionally of one type or country."""
    ev = s.events.c
    month = func.substr(ev.published_day, 1, 7)
    stmt = select(month.label("m"), func.count().label("n")).where(
        ev.published_day.is_not(None), ev.confidence >= EVENT_MIN_CONFIDENCE
    )
    if type_:
        stmt = stmt.where(ev.type == type_.upper())
    if country:
        stmt = stmt.where(ev.country == country.upper())
    return _per_month(conn, stmt.group_by(month))


def entity_months(conn: Connection, entity_id: int) -> list[PeriodCount]:
    """Mentions of one entity per month (undated articles left out)."""
    ae = s.article_entities.c
    month = func.substr(ae.published_day, 1, 7)
    stmt = (
        select(month.label("m"), func.sum(ae.mention_count).label("n"))
        .where(ae.entity_id == entity_id, ae.published_day.is_not(None))
        .group_by(month)
    )
    return _per_month(conn, stmt)


def article_months(conn: Connection) -> list[PeriodCount]:
    """Articles per month of publication (undated articles left out)."""
    a = s.articles.c
    month = func.substr(a.published_day, 1, 7)
    stmt = select(month.label("m"), func.count().label("n")).where(a.published_day.is_not(None))
    return _per_month(conn, stmt.group_by(month))


def undated_articles(conn: Connection) -> int:
    """How many articles have no publication date."""
    a = s.articles.c
    return int(conn.execute(select(func.count()).where(a.published_day.is_(None))).scalar() or 0)
