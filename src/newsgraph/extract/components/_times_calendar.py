"""Calendar arithmetic of the times component: TIMEX3 values of dates moved, shifted or counted.

Pure functions over `datetime.date`: the publication date parsed, a month/day or weekday placed
before or after it by tense, holidays, periods shifted by a grain ("last quarter"), offsets
("three weeks ago") and TIMEX3 durations ("P1Y6M").
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Literal

Tense = Literal["past", "present", "future"] | None

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_SLACK_DAYS = 60


def parse_dct(published: str | None) -> date | None:
    """Return the publication date, or None when absent or unreadable."""
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(published[:10])
        except ValueError:
            return None


def nearest_date(dct: date, month: int, day: int, tense: Tense) -> date:
    """Return month/day in the year that fits the tense: past on or before, future on or after."""
    candidates = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise ValueError("no such day")
    this_year = next((c for c in candidates if c.year == dct.year), candidates[0])
    # a past-tense sentence may still name a date a few weeks ahead ("declared a dividend
    # payable Dec. 15"), a future one a date just behind: only a larger gap changes the year
    slack = timedelta(days=_SLACK_DAYS)
    if tense == "past":
        if this_year <= dct + slack:
            return this_year
        return max(c for c in candidates if c <= dct)
    if tense == "future":
        if this_year >= dct - slack:
            return this_year
        return min(c for c in candidates if c >= dct)
    return min(candidates, key=lambda c: abs((c - dct).days))


def weekday_date(dct: date, weekday: int, rel: str | None, tense: Tense) -> date:
    """Return the date of an ISO weekday (1 = Monday) relative to the publication date."""
    back = (dct.isoweekday() - weekday) % 7
    forward = (weekday - dct.isoweekday()) % 7
    if rel in ("last", "past"):
        return dct - timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return dct + timedelta(days=forward or 7)
    if rel == "this":
        monday = dct - timedelta(days=dct.isoweekday() - 1)
        return monday + timedelta(days=weekday - 1)
    if tense in ("future", "present"):
        return dct + timedelta(days=forward)
    return dct - timedelta(days=back)


def holiday_date(year: int, spec: str) -> date:
    if spec[:1].isdigit():
        month, day = (int(x) for x in spec.split("-"))
        return date(year, month, day)
    if spec == "THANKSGIVING":  # fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if spec == "LABOR":  # first Monday of September
        first = date(year, 9, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7)
    if spec == "MEMORIAL":  # last Monday of May
        last = date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    raise ValueError(f"unknown holiday {spec}")


def shift(dct: date, grain: str, rel: int) -> str:
    """Return the TIMEX3 value of the `grain` period `rel` steps from the publication date."""
    if grain == "W":
        year, week, _ = (dct + timedelta(weeks=rel)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if grain == "WE":
        year, week, _ = (dct + timedelta(weeks=rel)).isocalendar()
        return f"{year:04d}-W{week:02d}-WE"
    if grain == "M":
        index = dct.year * 12 + dct.month - 1 + rel
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if grain == "Q":
        index = dct.year * 4 + (dct.month - 1) // 3 + rel
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if grain == "DE":
        return f"{dct.year // 10 + rel:03d}"
    if grain == "CE":
        return f"{dct.year // 100 + rel:02d}"
    return f"{dct.year + rel:04d}"


def offset_value(dct: date, unit: str, amount: int) -> str:
    """Return the value of the publication date moved by `amount` units, at the unit's grain."""
    if unit == "D":
        return (dct + timedelta(days=amount)).isoformat()
    if unit in ("W", "M", "Y", "Q", "DE", "CE"):
        if unit == "M":
            return shift(dct, "M", amount)
        if unit == "DE":
            return f"{dct.year + 10 * amount:04d}"
        if unit == "CE":
            return f"{dct.year + 100 * amount:04d}"
        return shift(dct, unit, amount)
    if unit == "WE":
        return shift(dct, "WE", amount)
    # hours, minutes, seconds: a time on the publication day is unknown; keep the day
    return dct.isoformat()


def vague_period(unit: str) -> str:
    """Return a TIMEX3 duration of an unstated number of units: PXY for "decades", PTXH for "hours".

    Decades and centuries are counted in years and quarters in months, as `period` counts them.
    """
    if unit in ("DE", "CE"):
        return "PXY"
    if unit == "Q":
        return "PXM"
    if unit in ("H", "MIN", "S"):
        return f"PTX{unit[0]}"
    return f"PX{unit}"


def period(n: float, unit: str) -> str:
    """Return a TIMEX3 duration: P2D, PT3H, PT1M30S, P20Y for two decades, P1Y6M for 1.5 years."""
    if unit == "DE":
        n, unit = n * 10, "Y"
    elif unit == "CE":
        n, unit = n * 100, "Y"
    elif unit == "Q":
        n, unit = n * 3, "M"
    elif unit == "WE":
        return f"P{_num(n)}WE"
    clock = {"H": "H", "MIN": "M", "S": "S"}
    lower = {
        "Y": (12, "M"),
        "M": (30, "D"),
        "W": (7, "D"),
        "D": (24, "H"),
        "H": (60, "MIN"),
        "MIN": (60, "S"),
    }
    whole, frac = int(n), n - int(n)
    if frac and unit in lower:
        factor, small = lower[unit]
        rest = frac * factor
        if rest == int(rest):
            big = f"{whole}{clock.get(unit, unit)}" if whole else ""
            if unit in clock:
                return f"PT{big}{int(rest)}{clock[small]}"
            if small in clock:
                return f"P{big}T{int(rest)}{clock[small]}"
            return f"P{big}{int(rest)}{small}"
    if unit in clock:
        return f"PT{_num(n)}{clock[unit]}"
    return f"P{_num(n)}{unit}"


def _num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"
