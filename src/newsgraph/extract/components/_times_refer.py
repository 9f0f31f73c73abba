"""What an article said before a time expression, and the values that refer back to it.

A time expression's value is first read against the publication date (`_times_values`); some
expressions then take their anchor from the article itself: "the quarter" is the quarter the
article reports on, "the following year" counts from the last year named, "the next day" and a
bare "at 10 p.m." from the last day named, "one year later" from the date just named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from newsgraph.extract.components._times_calendar import Tense, offset_value
from newsgraph.extract.components._times_values import REL_DAY_STEP, Hit, count_of, years_back


@dataclass(slots=True)
class Context:
    """What an article said before a time expression, for values that refer back to it."""

    quarter: str | None = None
    """The quarter the article reports on: the first one it names ("the third quarter")."""
    previous: str | None = None
    """The value of the expression just before."""
    previous_norm: str | None = None
    """The normalizer of the expression just before: "year" for "in 1984", "offset" for "a year ago"."""
    date: str | None = None
    """The last date the article named in full ("in 1995", "on March 3, 1996")."""
    day: str | None = None
    """The last day the article named ("on Friday", "yesterday", "March 3"): "the next day" follows it."""


class Referrer:
    """Re-anchor values on what the article said before, with the word classes of `timex_rules.json`."""

    def __init__(self, vocab: dict[str, dict[str, Any]]) -> None:
        """Keep the word classes (keys lower-cased)."""
        self._vocab = vocab

    def refer(
        self, hit: Hit, value: str | None, context: Context, dct: date | None, tense: Tense
    ) -> str | None:
        """Re-anchor a value on what the article said before (`context`).

        "The quarter" is the quarter the article reports on; "the year-ago period" is that
        quarter a year before, and so is "a year earlier" right after a quarter. "The following
        year" and "that month" count from the last date the article named ("in 1995"); "the
        next day", "the same day", a clock time or a part of day without a day ("at 10 p.m.", "in
        the morning") from the last day it named ("on Friday", "yesterday"), a day ahead of the
        publication date only in the future tense (`_focus_day`).
        """
        g = hit.groups
        if hit.rule.norm == "rel_grain" and context.date is not None:
            return self._narrative(g, value, context.date)  # undated too: "in 2004 … the previous year"
        if value is None:
            return value
        if hit.rule.norm == "quarter_ref" and "period" in g and "ord" not in g:
            value = _period_of(g, value, context, dct)  # "in February … the same period last year"
            if not _QUARTER.fullmatch(value):
                return value
        if context.quarter is not None:
            ref_year, ref_q = int(context.quarter[:4]), int(context.quarter[-1])
            if hit.rule.norm == "quarter_ref":
                q = int(self._vocab["ORD"][g["ord"].lower()]) if "ord" in g else ref_q
                base = dct.year if "rel" in g and dct is not None else ref_year  # "last year's": the DCT's
                year = int(g["year"]) if "year" in g else base + years_back(g)
                return f"{year:04d}-Q{q}"
            after_quarter = context.previous is not None and _QUARTER.fullmatch(context.previous) is not None
            a_year = (g.get("unit") or g.get("count2") or "").lower() == "year"
            if hit.rule.name == "year_earlier" and a_year and after_quarter and _YEAR_ONLY.fullmatch(value):
                if context.previous_norm == "quarter" and context.previous is not None:
                    ref_year, ref_q = int(context.previous[:4]), int(context.previous[-1])
                return f"{ref_year - 1:04d}-Q{ref_q}"
        focus = _focus_day(context, dct, tense)
        own_day = {"month", "weekday", "deictic"} & g.keys()
        if focus is not None and hit.rule.norm in ("clock", "part_alone") and not own_day:
            return focus.isoformat() + value[10:]  # "escaped Thursday … began around midday"
        if focus is not None and hit.rule.norm == "rel_day":
            day = focus + timedelta(days=REL_DAY_STEP[g["rel"].lower()])
            return day.isoformat() + value[10:]  # keep a part of day ("TMO")
        if hit.rule.norm == "offset" and (g.get("dir") or "").lower() in ("earlier", "later"):
            return self._offset_from(g, value, context, dct)
        return value

    def _offset_from(self, g: dict[str, str], value: str, context: Context, dct: date | None) -> str:
        """Return "one day earlier", "a year later" counted from the date just named, not the
        publication date: "signed late Tuesday. One day earlier", "in 1984 … One year later".
        Without a named date of that grain just before (a quarter, a duration, "the previous
        year"), the value stays; a day ahead of the publication date is no anchor."""
        previous = context.previous or ""
        if context.previous_norm not in _NAMED_NORMS:
            return value  # "a year ago … a year earlier", "from the previous year": parallel, not chained
        unit = str(self._vocab["UNIT"][g["unit"].lower()])
        n = count_of((g.get("num") or g.get("count") or "a").lower())
        grain = _GRAIN_CHARS.get(unit, 99)
        if n is None or n != int(n) or len(previous) < grain or not _CALENDAR_DATE.fullmatch(previous):
            return value
        anchor = date.fromisoformat((previous[:grain] + "-01-01")[:10])  # "1984" -> 1984-01-01
        if dct is not None and grain == 10 and anchor > dct:
            return value
        amount = int(n) * (1 if g["dir"].lower() == "later" else -1)
        return offset_value(anchor, unit, amount)

    def _narrative(self, g: dict[str, str], value: str | None, anchor: str) -> str | None:
        """Return "the following year", "the previous month", "that year" counted from `anchor`."""
        rel = (g.get("rel") or "").lower()
        step = {"following": 1, "previous": -1, "prior": -1, "that": 0}.get(rel)
        grain = (g.get("grain") or "").lower()
        if step is None or grain not in ("year", "month"):
            return value
        if grain == "year":
            return f"{int(anchor[:4]) + step:04d}"
        if len(anchor) < 7:
            return value
        index = int(anchor[:4]) * 12 + int(anchor[5:7]) - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _period_of(g: dict[str, str], value: str, context: Context, dct: date | None) -> str:
    """Return "the same period last year", "the year-ago period", "the 1988 period" as the period
    named just before, a year back: after a month ("in February"), that month; after a half
    ("the first half"), that half; after a span of months ("the first nine months"), the year.
    After a quarter, or anything else, the value stays: the quarter the article reports on."""
    previous = context.previous or ""
    back = years_back(g)
    if _SUB_YEAR.fullmatch(previous):
        year = int(g["year"]) if "year" in g else int(previous[:4]) + back
        return f"{year:04d}{previous[4:]}"
    if context.previous_norm == "duration" and _MONTHS_SPAN.fullmatch(previous):
        if "year" in g:
            return f"{int(g['year']):04d}"
        if dct is not None:
            return f"{dct.year + back:04d}"
    return value


_SUB_YEAR = re.compile(r"\d{4}-(?:0[1-9]|1[0-2]|H[12])")
"""A month or a half of a year: "2010-02", "2009-H1"."""
_MONTHS_SPAN = re.compile(r"P(?:[2-9]|1[01])M")
"""A span of two to eleven months: "the first nine months", "the six months"."""
_YEAR_ONLY = re.compile(r"\d{4}")
_QUARTER = re.compile(r"\d{4}-Q[1-4]")
_CALENDAR_DATE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d(?:T.*)?)?)?")
_NAMED_NORMS = frozenset(
    {"year", "month", "month_year", "month_day", "month_day_year", "weekday", "deictic", "clock", "holiday"}
)
"""Normalizers of named dates ("in 1984", "on Tuesday", "yesterday"), which an offset may count from."""
_GRAIN_CHARS = {"D": 10, "W": 10, "M": 7, "Y": 4}
"""The characters of a date value an offset in days, weeks, months or years counts from."""


def _focus_day(context: Context, dct: date | None, tense: Tense) -> date | None:
    """Return the day the story is at: the last day named, unless it lies ahead of the publication
    date in a sentence not in the future ("I dread Wall Street tomorrow" … "fell 176 points at
    midday": today's midday)."""
    if context.day is None:
        return None
    day = date.fromisoformat(context.day)
    if dct is not None and day > dct and tense != "future":
        return None
    return day
