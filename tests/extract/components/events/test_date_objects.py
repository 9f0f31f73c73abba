"""Rule tests of the events component: a date is when an act happens, never what the act is about.

"March" the month is no protest march: a date after "on" is not read as the object of a frame ("hold" +
march), and a month's name is no word of a CAMEO pattern ("POSTPONE * MARCH").
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _types(analysis: Analysis) -> list[str]:
    return [e.type for e in analysis.events if e.confidence >= EVENT_MIN_CONFIDENCE]


def test_date_objects_a_month_is_no_march(analyze_text: Analyze) -> None:
    """Primaries and elections held on a day of March are no protests."""
    for text in (
        "Ten states hold primaries on March 8.",
        "Several countries will hold elections on March 20.",
    ):
        assert _types(analyze_text(text)) == [], text


def test_date_objects_a_month_is_no_cameo_word(analyze_text: Analyze) -> None:
    """ "POSTPONE * MARCH" is a march put off; a vote put off until March is not."""
    assert _types(analyze_text("The council postponed the budget vote to March.")) == []


def test_date_objects_a_real_march_keeps_its_date(analyze_text: Analyze) -> None:
    """A march held on a day of March, or on May 1, is still a demonstration."""
    assert "PROTEST" in _types(analyze_text("The teachers' union held a march on March 8."))
    assert "PROTEST" in _types(analyze_text("The unions held a rally in the capital on May 1."))
