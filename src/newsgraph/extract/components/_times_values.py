"""TIMEX3 values of the times component: one normalizer per kind of expression.

Each normalizer reads the named groups of a rule's match (`Hit`), the publication date and the
tense of the governing verb, and returns (value, mod, type). The rules name their normalizer in
`lexicons/timex_rules.json`; the word classes of that file give the values of the words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from newsgraph.extract.components._numbers import parse_number_words
from newsgraph.extract.components._times_calendar import (
    SEASON_MONTHS,
    Tense,
    holiday_date,
    nearest_date,
    offset_value,
    period,
    shift,
    vague_period,
    weekday_date,
)
from newsgraph.models import TimeType

REL_DAY_STEP = {"next": 1, "following": 1, "previous": -1, "prior": -1, "same": 0}
"""Days from the day before: "the next day", "the previous day", "the same day"."""
PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_YEAR_SHIFT = {"this": 0, "last": -1, "next": 1}
"""The year "this year", "last year", "next year" name, from the publication year."""
_VAGUE_COUNTS = {"several", "a few", "few", "many", "some"}

Value = tuple[str | None, str | None, TimeType]
"""A normalizer's result: the TIMEX3 value (None when unknown), its mod and its type."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of `timex_rules.json`, compiled."""

    name: str
    regex: re.Pattern[str]
    type: TimeType
    norm: str
    grain: str | None
    case_month: bool
    case_weekday: bool
    order: int
    needs: tuple[str, ...]


@dataclass(slots=True)
class Hit:
    """One match of a rule: its span and named groups."""

    start: int
    end: int
    rule: Rule
    groups: dict[str, str]


class Normalizer:
    """Turn rule matches into TIMEX3 values with the word classes of `timex_rules.json`."""

    def __init__(self, vocab: dict[str, dict[str, Any]]) -> None:
        """Keep the word classes (keys lower-cased) and index the normalizers by name."""
        self._vocab = vocab
        self.norms: dict[str, Callable[[Hit, date | None, Tense], Value]] = {
            "month_day_year": self._month_day_year,
            "month_day": self._month_day,
            "month_year": self._month_year,
            "month_rel_year": self._month_rel_year,
            "rel_month": self._rel_month,
            "month": self._month,
            "quarter": self._quarter,
            "quarter_ref": self._quarter_ref,
            "half": self._half,
            "year": self._year,
            "decade": self._decade,
            "season": self._season,
            "clock": self._clock,
            "weekday": self._weekday,
            "holiday": self._holiday,
            "deictic": self._deictic,
            "this_part": self._this_part,
            "part_alone": self._part_alone,
            "rel_grain": self._rel_grain,
            "offset": self._offset,
            "weekend": self._weekend,
            "set": self._set,
            "duration": self._duration,
            "vague": self._vague,
            "ref": self._ref,
            "someday": self._someday,
            "rel_day": self._rel_day,
            "century": self._century,
        }

    def _month_num(self, g: dict[str, str]) -> int:
        if "month_num" in g:
            return int(g["month_num"])
        return int(self._vocab["MONTH"][g["month"].lower().rstrip(".")])

    def _month_day_year(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        year = int(g["year"])
        if year < 100:
            year += 1900 if year > 30 else 2000
        day = date(year, self._month_num(g), _day(g["day"]))
        return day.isoformat(), None, "DATE"

    def _month_day(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        month, day = self._month_num(g), _day(g["day"])
        if dct is None:
            date(2000, month, day)  # validates (leap year)
            return f"XXXX-{month:02d}-{day:02d}", None, "DATE"
        return nearest_date(dct, month, day, tense).isoformat(), None, "DATE"

    def _month_year(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        return f"{int(g['year']):04d}-{self._month_num(g):02d}", _edge(g, self._vocab), "DATE"

    def _month_rel_year(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        month = self._month_num(g)
        if dct is None:
            return f"XXXX-{month:02d}", _edge(g, self._vocab), "DATE"
        rel = {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        return f"{dct.year + rel:04d}-{month:02d}", _edge(g, self._vocab), "DATE"

    def _rel_month(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        month = self._month_num(g)
        if dct is None:
            return f"XXXX-{month:02d}", None, "DATE"
        rel = g["rel"].lower()
        if rel == "last" and month == dct.month - 1:
            year = dct.year - 1  # "last February" in March: the month just gone would be "last month"
        elif rel in ("last", "past"):
            year = dct.year if month < dct.month else dct.year - 1
        elif rel == "next":
            year = dct.year if month > dct.month else dct.year + 1
        else:
            year = dct.year
        return f"{year:04d}-{month:02d}", None, "DATE"

    def _month(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        month = self._month_num(g)
        mod = _edge(g, self._vocab)
        if dct is None:
            return f"XXXX-{month:02d}", mod, "DATE"
        year = dct.year
        if tense == "past" and month > dct.month + 1:
            year -= 1
        elif tense == "future" and month < dct.month - 1:
            year += 1
        elif tense not in ("past", "future") and abs(month - dct.month) > 6:
            year += -1 if month > dct.month else 1
        return f"{year:04d}-{month:02d}", mod, "DATE"

    def _quarter(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        q = int(self._vocab["ORD"][g["ord"].lower()])
        if "year" in g:
            return f"{int(g['year']):04d}-Q{q}", None, "DATE"
        if dct is None:
            return f"XXXX-Q{q}", None, "DATE"
        current = (dct.month - 1) // 3 + 1
        year = dct.year
        if tense == "past" and q > current:
            year -= 1  # "the fourth quarter" in a January past-tense report
        elif tense == "future" and q < current - 1:
            year += 1  # results are reported a month after a quarter: "will report third-quarter"
        return f"{year:04d}-Q{q}", None, "DATE"

    def _quarter_ref(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        """Return "the quarter", "the latest period", "the year-ago quarter" before any context.

        Without a quarter named earlier in the article (`Referrer.refer`), the quarter meant is the
        one its end date names ("the quarter ended July 31": May to July, mostly the second
        quarter), else the last one completed before the publication date: the one a company
        has just reported.
        """
        g = hit.groups
        back = years_back(g)
        q = int(self._vocab["ORD"][g["ord"].lower()]) if "ord" in g else None
        year = int(g["year"]) if "year" in g else None
        if dct is None:
            if year is None or q is None:
                return (f"XXXX-Q{q}" if q else None), None, "DATE"
            return f"{year:04d}-Q{q}", None, "DATE"
        if "endmonth" in g and q is None:
            end_month = self._month_num({"month": g["endmonth"]})
            end = nearest_date(dct, end_month, _day(g["endday"]), tense)
            return _quarter_ending(end), None, "DATE"
        latest = shift(dct, "Q", -1)
        if q is None:
            q = int(latest[-1])
            year = year if year is not None else int(latest[:4]) + back
        elif year is None:
            year = dct.year + back
        return f"{year:04d}-Q{q}", None, "DATE"

    def _half(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        """The half of a year (TIMEX3 H1, H2): "the first half", "the second half of this year",
        "the last half of 1989", "the latter half of next year". "Last" and "latter" name the
        second half only before "of" ("the last half hour" is no half-year)."""
        g = hit.groups
        h = 1 if (g.get("ord") or "").lower() == "first" else 2
        shift = _YEAR_SHIFT.get((g.get("rel") or "").lower(), 0)
        year = g.get("year") or (str(dct.year + shift) if dct else "XXXX")
        return f"{year}-H{h}", None, "DATE"

    def _year(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        return f"{int(g['year']):04d}", _edge(g, self._vocab), "DATE"

    def _decade(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        if "decade" in g:
            return g["decade"][:3], _edge(g, self._vocab), "DATE"
        short = int(g["decade2"])
        century = 19
        if dct is not None and short <= dct.year % 100:
            century = dct.year // 100
        return f"{century}{short // 10}", None, "DATE"

    def _season(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        code = str(self._vocab["SEASON"][g["season"].lower()])
        mod = _edge(g, self._vocab)
        if "year" in g:
            return f"{g['year']}-{code}", mod, "DATE"
        if dct is None:
            return f"XXXX-{code}", mod, "DATE"
        if "year_rel" in g:  # "spring last year": the spring of the year before, whatever the month
            return f"{dct.year + _YEAR_SHIFT[g['year_rel'].lower()]:04d}-{code}", mod, "DATE"
        first, last = SEASON_MONTHS[code]
        rel = (g.get("rel") or "this").lower()
        year = dct.year
        if rel in ("last", "past"):
            if not (last < dct.month and first <= last):
                year -= 1
        elif rel in ("next", "coming") and first <= dct.month:
            year += 1
        return f"{year:04d}-{code}", mod, "DATE"

    def _clock(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        if "noon" in g:
            hour, minute = (12, 0) if g["noon"].lower() in ("noon", "midday") else (24, 0)
        elif "hourword" in g:
            word = g["hourword"]
            hour = int(word) if word.isdigit() else int(parse_number_words(word) or 0)
            minute = 0
        else:
            hour, minute = int(g["hour"]), int(g.get("minute") or 0)
            ampm = (g.get("ampm") or "").lower().replace(".", "")
            if g.get("dayhalf", "").lower() in ("afternoon", "evening"):
                ampm = "pm"
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
        if hour > 24 or minute > 59:
            raise ValueError("not a clock time")
        clock = f"T{hour:02d}:{minute:02d}"
        day: date | None = None
        if "month" in g:  # "5 p.m. EST Nov. 9"
            if "year" in g:
                day = date(int(g["year"]), self._month_num(g), _day(g["day"]))
            elif dct is not None:
                day = nearest_date(dct, self._month_num(g), _day(g["day"]), tense)
            else:
                return f"XXXX-{self._month_num(g):02d}-{_day(g['day']):02d}{clock}", None, "TIME"
        elif dct is not None:
            if "weekday" in g:
                day = weekday_date(dct, int(self._vocab["WEEKDAY"][g["weekday"].lower()]), None, tense)
            elif "deictic" in g:
                day = dct + timedelta(days=int(self._vocab["DEICTIC"][g["deictic"].lower()]))
            else:
                day = dct
        if day is None:
            if "weekday" in g:
                return f"XXXX-WXX-{self._vocab['WEEKDAY'][g['weekday'].lower()]}{clock}", None, "TIME"
            return f"XXXX-XX-XX{clock}", None, "TIME"
        return f"{day.isoformat()}{clock}", None, "TIME"

    def _weekday(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        wd = int(self._vocab["WEEKDAY"][g["weekday"].lower()])
        part = f"T{PART_OF_DAY[g['part'].lower()]}" if "part" in g else ""
        type_: TimeType = "TIME" if part else "DATE"
        if dct is None:
            return f"XXXX-WXX-{wd}{part}", None, type_
        day = weekday_date(dct, wd, (g.get("rel") or "").lower() or None, tense)
        return f"{day.isoformat()}{part}", None, type_

    def _holiday(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        spec = str(self._vocab["HOLIDAY"][g["holiday"].lower()])
        if "year" in g:
            return holiday_date(int(g["year"]), spec).isoformat(), None, "DATE"
        if dct is None:
            return (f"XXXX-{spec}" if spec[:1].isdigit() else None), None, "DATE"
        rel = (g.get("rel") or "").lower()
        candidates = [holiday_date(dct.year + k, spec) for k in (-1, 0, 1)]
        if rel == "last" or (not rel and tense == "past"):
            past = [d for d in candidates if d <= dct]
            day = past[-1]
        elif rel == "next" or (not rel and tense == "future"):
            day = next(d for d in candidates if d >= dct)
        else:
            day = min(candidates, key=lambda d: abs((d - dct).days))
        return day.isoformat(), None, "DATE"

    def _deictic(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        word = g["deictic"].lower()
        part = ""
        if "part" in g:
            part = f"T{PART_OF_DAY[g['part'].lower()]}"
        elif word == "tonight":
            part = "TNI"
        if dct is None:
            return None, None, "TIME" if part else "DATE"
        day = dct + timedelta(days=int(self._vocab["DEICTIC"][word]))
        return f"{day.isoformat()}{part}", None, "TIME" if part else "DATE"

    def _this_part(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        rel = g["rel"].lower()
        part = PART_OF_DAY[g["part"].lower()]
        if dct is None:
            return None, None, "TIME"
        offset = {"this": 0, "last": -1, "tomorrow": 1}[rel]
        if rel == "last" and part != "NI":
            offset = -1
        return f"{(dct + timedelta(days=offset)).isoformat()}T{part}", None, "TIME"

    def _part_alone(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        """A part of day with no day of its own ("in the morning", "by mid-afternoon"): the
        publication day's, which `Referrer.refer` moves to the last day the article named. Only
        under a past or future verb: in the present it is a habit ("I run in the morning"), no
        day's part."""
        if tense not in ("past", "future"):
            raise ValueError("a habitual part of day")
        part = PART_OF_DAY[hit.groups["part"].lower()]
        day = dct.isoformat() if dct is not None else "XXXX-XX-XX"
        return f"{day}T{part}", _edge(hit.groups, self._vocab), "TIME"

    def _rel_grain(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        grain_word = (g.get("grain") or "").lower()
        grain = hit.rule.grain or str(self._vocab["GRAIN"].get(grain_word, "Y"))
        rel_word = (g.get("rel") or "this").lower() or "this"
        rel = int(self._vocab["REL"].get(rel_word, 0))
        if rel_word == "latest":
            rel = 0
        mod = _edge(g, self._vocab)
        if dct is None:
            return None, mod, "DATE"
        return shift(dct, grain, rel), mod, "DATE"

    def _rel_day(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        """Return "the next day" after the publication date; `Referrer.refer` re-anchors it."""
        g = hit.groups
        offset = REL_DAY_STEP[g["rel"].lower()]
        grain = g["grain"].lower()
        part = f"T{PART_OF_DAY[grain]}" if grain in PART_OF_DAY else ""
        type_: TimeType = "TIME" if part else "DATE"
        if dct is None:
            return None, None, type_
        return f"{(dct + timedelta(days=offset)).isoformat()}{part}", None, type_

    def _century(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        """Return "the 20th century" as its two-digit prefix, 19."""
        g = hit.groups
        nth = int(g["nth"])
        if not 1 <= nth <= 30:
            raise ValueError("not a century")
        return f"{nth - 1:02d}", _edge(g, self._vocab), "DATE"

    def _offset(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        unit_word = (g.get("unit") or g.get("count2") or "year").lower()
        unit = str(self._vocab["UNIT"][unit_word])
        direction = (g.get("dir") or g.get("dir2") or "ago").lower()
        sign = 1 if direction.startswith(("later", "from", "hence")) else -1
        num_text = (g.get("num") or g.get("count") or "a").lower()
        n = count_of(num_text)
        mod = self._approx_mod(g)
        if dct is None or n is None:
            return ("FUTURE_REF" if sign > 0 else "PAST_REF"), mod, "DATE"
        if n != int(n):
            raise ValueError("fractional offset")
        amount = int(n) * sign
        return offset_value(dct, unit, amount), mod, "DATE"

    def _weekend(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        rel = (g.get("rel") or "the").lower()
        if dct is None:
            return "XXXX-WXX-WE", None, "DATE"
        if rel in ("next", "coming") or (rel in ("the", "this") and tense == "future"):
            day = dct + timedelta(days=(5 - dct.weekday()) % 7)
        elif rel == "this" and dct.weekday() >= 5:
            day = dct
        else:
            day = dct - timedelta(days=(dct.weekday() - 5) % 7)
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}-WE", None, "DATE"

    def _set(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        if "setword" in g:
            return str(self._vocab["SETWORD"][g["setword"].lower()]), None, "SET"
        if "weekday" in g:
            value = f"XXXX-WXX-{self._vocab['WEEKDAY'][g['weekday'].lower()]}"
            if "parts" in g:  # "on Saturday nights": the plural makes it recur
                value += "T" + PART_OF_DAY[g["parts"].lower()[:-1]]
            return value, None, "SET"
        if "month" in g:  # "each July"
            return f"XXXX-{self._month_num(g):02d}", None, "SET"
        unit_word = g["unit"].lower()
        if unit_word in ("morning", "afternoon", "evening", "night"):
            return f"XXXX-XX-XXT{PART_OF_DAY[unit_word]}", None, "SET"
        if unit_word == "weekday":
            return "XXXX-WXX-WD", None, "SET"
        unit = str(self._vocab["UNIT"][unit_word])
        num = (g.get("num") or "one").lower()
        n = 2 if num == "other" else int(count_of(num) or 1)
        return period(n, unit), None, "SET"

    def _duration(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        unit = str(self._vocab["UNIT"][g["unit"].lower()])
        n = count_of((g.get("num") or "one").lower())
        mod = self._approx_mod(g)
        if n is None:
            return vague_period(unit), mod, "DURATION"
        if g.get("half") or g.get("halfpre"):
            n += 0.5
        return period(n, unit), mod, "DURATION"

    def _vague(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        rel = (g.get("rel") or "").lower()
        if rel == "recent":
            return "PAST_REF", None, "DATE"
        return vague_period(str(self._vocab["UNITS"][g["units"].lower()])), None, "DURATION"

    def _ref(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        g = hit.groups
        if "recent" in g:
            return "PAST_REF", None, "DATE"
        if "earlier" in g:
            return ("FUTURE_REF" if g["earlier"].lower() == "later" else "PAST_REF"), None, "DATE"
        return str(self._vocab["REF"][g["ref"].lower()]), None, "DATE"

    def _someday(self, hit: Hit, dct: date | None, tense: Tense) -> Value:
        """ "One day" before its verb, after a modal or a subject ("will one day be", "that one day
        the country might return"): an indefinite time ahead (TIMEX3 FUTURE_REF), not a duration.
        Outside the future ("that one day he found a bag") it names no day either: no time."""
        if tense != "future":
            raise ValueError("an indefinite day, not ahead")
        return "FUTURE_REF", None, "DATE"

    def _approx_mod(self, g: dict[str, str]) -> str | None:
        approx = g.get("approx")
        after = g.get("approx_after")
        if after:  # "five-plus months", "two or more years"
            return str(self._vocab["APPROX_AFTER"][re.sub(r"[\s-]+", "", after.lower())])
        if not approx:
            return None
        return str(self._vocab["APPROX"].get(re.sub(r"\s+", " ", approx.lower()), "APPROX"))


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


_FRACTION = re.compile(r"(\d+)(\s+[13]/[24]|\s?[½¼¾])")
_FRACTIONS = {"1/2": 0.5, "½": 0.5, "1/4": 0.25, "¼": 0.25, "3/4": 0.75, "¾": 0.75}


def read_spelled_year(groups: dict[str, str]) -> dict[str, str]:
    """Give a year spelled out ("nineteen ninety-six", "two thousand") its digits as `year`."""
    if "yearwords" in groups:
        century, _, rest = groups["yearwords"].lower().replace("-", " ").partition(" ")
        high, low = parse_number_words(century), parse_number_words(rest)
        if high is not None and low is not None:
            groups["year"] = str(int(high * 100 + (0 if low == 100 else low)))
    elif "thousand" in groups:
        value = parse_number_words(groups["thousand"])
        if value is not None:
            groups["year"] = str(int(value))
    return groups


def _quarter_ending(end: date) -> str:
    """Return the calendar quarter holding most of the three months that end on `end`."""
    middle = end.replace(day=1) - timedelta(days=1)  # the month before the end month
    return f"{middle.year:04d}-Q{(middle.month - 1) // 3 + 1}"


def years_back(g: dict[str, str]) -> int:
    """Return the year offset of "year-ago", "last year's" (-1) or "next year's" (+1)."""
    if "ago" in g:
        return -1
    return {"last": -1, "next": 1}.get(g.get("rel", "").lower(), 0)


def count_of(text: str) -> float | None:
    """Return the number a duration counts, or None for a vague count ("several")."""
    text = text.strip().lower()
    if text in _VAGUE_COUNTS:
        return None
    if text in ("a couple of", "couple of"):
        return 2.0
    if text in ("a", "an", "the", "one", "year", "month"):
        return 1.0
    fraction = _FRACTION.fullmatch(text)
    if fraction:  # "2 1/2 years", "5½ hours"
        whole, part = fraction.groups()
        return int(whole) + _FRACTIONS[part.strip()]
    try:
        return float(text)
    except ValueError:
        return parse_number_words(text.replace("a ", "", 1) if text.startswith("a ") else text)


def _edge(g: dict[str, str], vocab: dict[str, dict[str, Any]]) -> str | None:
    edge = g.get("edge")
    if not edge:
        return None
    word = re.sub(r"\s+", " ", edge.lower())
    if word in ("earlier", "later"):
        return None
    value = vocab["EDGE"].get(word)
    return str(value) if value else None
