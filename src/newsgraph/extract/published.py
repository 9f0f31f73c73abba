"""Publication dates recovered when the input states none: from the URL, a date line, or the lede.

`recover_published` returns an ISO date and where it came from, trying in order:

- `url`: a full date in the URL's path (`/2006/02/18/`, `/2006-02-18-`, `_20060218_`);
- `dateline`: the date lines of the article's header ("Published June 4, 2024", "Wednesday,
  March 1, 2006", as `newsgraph.extract.clean` finds them) when they agree on one date, or a dateline
  opening the text with a full date ("WASHINGTON, Feb. 17, 2006 —");
- `text`: the lede presenting a full date as the day of the report: "Today, February 17,
  2006, …" (that day), "Yesterday, February 17, 2006, …" or "Last night, …" (the day after).

Only full dates count (day, month and year): a day or month without its year would be a guess,
and a wrong date is worse than none. Any other date of the lede ("the goose was discovered on
February 25, 2008") is the date of an event, not of the report, and is not taken. Dates are read
with the same patterns as the times component (`lexicons/timex_rules.json`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from urllib.parse import urlsplit

from newsgraph.extract.components.times import expand_placeholders, timex_placeholders
from newsgraph.extract.lexicons import load_json
from newsgraph.models import PublishedSource

LEDE_CHARS = 300
"""How far into the text the lede's report date is looked for."""
DATELINE_CHARS = 120
"""How far into the text a dateline with a full date may reach before its dash."""
MIN_YEAR, MAX_YEAR = 1900, 2099

_FULL_DATE_RULES = ("weekday_month_day_year", "day_month_year", "iso_date")
_URL_DATES = (
    re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?=/|$|[-_.])"),
    re.compile(r"(?<![\d])((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(r"(?<=[/_-])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"),
)
_DATELINE_DASH = re.compile(r"\s(?:—|–|--|-)\s")
_AGENCY_END = re.compile(r"\s*\([^()]{1,40}\)\s*$")
_REPORT_DAY = (
    r"(?P<rel>today|yesterday|tonight|last night|this (?:morning|afternoon|evening)|earlier today)"
    r"\s*[,(]?\s*(?:on\s+)?(?:{WEEKDAY}\.?,?\s+(?=\d))?"
)
_DAY_AFTER = frozenset({"yesterday", "last night"})


@dataclass(frozen=True, slots=True)
class _Dates:
    patterns: tuple[re.Pattern[str], ...]
    months: dict[str, int]
    report_day: re.Pattern[str]


@cache
def _dates() -> _Dates:
    data = load_json("timex_rules.json")
    placeholders = timex_placeholders(data)
    rules = {rule["name"]: rule["re"] for rule in data["rules"]}
    patterns = tuple(
        re.compile(rf"(?<![\w'’-])(?:{expand_placeholders(rules[name], placeholders)})(?!\w)", re.IGNORECASE)
        for name in _FULL_DATE_RULES
    )
    months = {word.lower(): int(number) for word, number in data["vocab"]["MONTH"].items()}
    report_day = re.compile(expand_placeholders(_REPORT_DAY, placeholders), re.IGNORECASE)
    return _Dates(patterns, months, report_day)


def _make_date(year: int | str, month: int | str, day: int | str) -> date | None:
    try:
        found = date(int(year), int(month), int(re.sub(r"\D", "", str(day))))
    except ValueError:
        return None
    return found if MIN_YEAR <= found.year <= MAX_YEAR else None


def find_full_date(text: str, *, at_start: bool = False) -> tuple[date, int, int] | None:
    """Return the first full date in `text` (day, month and year) with its offsets, or None.

    With `at_start`, only a date opening the text counts.
    """
    tables = _dates()
    best: tuple[date, int, int] | None = None
    for pattern in tables.patterns:
        match = pattern.match(text) if at_start else pattern.search(text)
        if match is None or (best is not None and match.start() >= best[1]):
            continue
        groups = match.groupdict()
        month = groups.get("month_num") or tables.months.get((groups.get("month") or "").lower().rstrip("."))
        found = _make_date(groups["year"], month or 0, groups["day"])
        if found is not None:
            best = (found, match.start(), match.end())
    return best


def date_from_url(url: str | None) -> date | None:
    """Return the full date written in a URL's path, or None."""
    if not url:
        return None
    path = urlsplit(url).path
    for pattern in _URL_DATES:
        for match in pattern.finditer(path):
            found = _make_date(*match.groups())
            if found is not None:
                return found
    return None


def date_from_dateline(date_lines: list[str], text: str) -> date | None:
    """Return the date the date lines above the text agree on, or that of a dateline opening the text.

    Date lines giving different dates are a list of other stories with their dates: none is taken.
    """
    dates = {found[0] for found in map(find_full_date, date_lines) if found is not None}
    if len(dates) == 1:
        return dates.pop()
    dash = _DATELINE_DASH.search(text[:DATELINE_CHARS])
    if dash is not None:
        prefix = _AGENCY_END.sub("", text[: dash.start()]).rstrip(" ,")
        found = find_full_date(prefix)
        if found is not None and found[2] == len(prefix) and prefix[:1].isupper():
            return found[0]  # "WASHINGTON, Feb. 17, 2006 (AP) —"
    first_line = text.split("\n", 1)[0].strip()
    found = find_full_date(first_line, at_start=True)
    if found is not None and found[2] >= len(first_line.rstrip(" .,")):
        return found[0]  # a first line that is only a date
    return None


def date_from_lede(text: str) -> date | None:
    """Return the report's day when the lede gives it: "Yesterday, February 17, 2006, …" → Feb 18."""
    lede = text[:LEDE_CHARS]
    for match in _dates().report_day.finditer(lede):
        found = find_full_date(lede[match.end() :], at_start=True)
        if found is not None:
            rel = " ".join(match.group("rel").lower().split())
            return found[0] + timedelta(days=1) if rel in _DAY_AFTER else found[0]
    return None


def recover_published(
    url: str | None, date_lines: list[str], text: str
) -> tuple[str, PublishedSource] | None:
    """Return (ISO date, source) of the publication date found in the URL, a date line or the lede."""
    found = date_from_url(url)
    if found is not None:
        return found.isoformat(), "url"
    found = date_from_dateline(date_lines, text)
    if found is not None:
        return found.isoformat(), "dateline"
    found = date_from_lede(text)
    if found is not None:
        return found.isoformat(), "text"
    return None
