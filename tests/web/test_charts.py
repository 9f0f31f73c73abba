"""Charts on a true time axis: every month between the first and the last, numbers on hover."""

from __future__ import annotations

import re

from newsgraph.store.timelines import MAX_MONTHS, PeriodCount, fill_months
from newsgraph.web.charts import plural, timeline_chart


def test_fill_months_keeps_empty_months_between_data() -> None:
    series = fill_months([("2019-11-03", 2), ("2019-12", 1), ("2020-02-29", 4), ("2019-11-20", 1)])
    assert [(p.period, p.count) for p in series] == [
        ("2019-11", 3),
        ("2019-12", 1),
        ("2020-01", 0),
        ("2020-02", 4),
    ]


def test_fill_months_ignores_malformed_keys() -> None:
    assert fill_months([("2019", 3), ("2019-13", 1), ("abcd-ef", 2), ("", 1)]) == []


def test_fill_months_counts_per_year_past_thirty_years() -> None:
    series = fill_months([("1980-05", 1), ("1980-07", 2), ("2020-01", 5)])
    assert len(series) == 41 > MAX_MONTHS / 12
    assert series[0] == PeriodCount("1980", 3)
    assert series[-1] == PeriodCount("2020", 5)
    assert sum(p.count for p in series) == 8


def test_timeline_chart_draws_a_gap_as_space_with_numbers_on_hover() -> None:
    series = fill_months([("2019-11", 3), ("2025-03", 1)])
    html = timeline_chart(series, title="Mentions per month", noun="mention", json_url="/api/x?a=1&b=2")
    assert len(series) == 65
    titles = re.findall(r"<title>([^<]*)</title>", html)
    assert len(titles) == 65  # one hover target per month, empty ones too
    assert titles[0] == "Nov 2019: 3 mentions"
    assert titles[1] == "Dec 2019: 0 mentions"
    assert titles[-1] == "Mar 2025: 1 mention"
    assert html.count('class="bar"') == 2  # only months with data get a bar
    bars = [float(x) for x in re.findall(r'class="bar" x="([\d.]+)"', html)]
    assert bars[1] - bars[0] > 800  # five years apart on a 960-wide axis, not side by side
    for year in ("2020", "2021", "2022", "2023", "2024", "2025"):
        assert f">{year}</text>" in html
    assert "65 months" in html and "63 months without any" in html
    assert 'href="/api/x?a=1&amp;b=2"' in html


def test_timeline_chart_escapes_and_handles_no_data() -> None:
    assert "No dated events" in timeline_chart([], title="x", noun="event")
    html = timeline_chart([PeriodCount("2020-01", 1)], title='<script>"', noun="<b>")
    assert "<script>" not in html and "<b>" not in html


def test_plural() -> None:
    assert plural(1, "article") == "1 article"
    assert plural(0, "article") == "0 articles"
    assert plural(1234, "story", "stories") == "1,234 stories"
