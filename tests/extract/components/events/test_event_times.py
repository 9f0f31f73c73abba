"""Rule tests of the events component: an event's time is a point, never a length, a recurrence or an age.

An age ("a 26-year-old man", "a suspect in his 40s"), a length modifying a noun ("a 30-day truce") and a
length or a recurrence as such ("for years", "every month") tell no time of the act: the event takes the
next time name of its sentence, or none. A point ("on Monday", "last week") and a length counted from
another point ("two days after the raid") stay.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _times(analyze: Analyze, text: str) -> list[tuple[str | None, str | None]]:
    return [(e.type, e.time_text) for e in analyze(text).events]


def test_event_times_an_age_is_no_time(analyze_text: Analyze) -> None:
    """An age gives way to the date of the sentence, or to none."""
    got = _times(analyze_text, "Police in Lyon arrested a 31-year-old man on Tuesday.")
    assert got and all(t == "Tuesday" for _, t in got), got
    got = _times(analyze_text, "Border guards detained a smuggler in his 50s near the river.")
    assert got and all(t is None for _, t in got), got


def test_event_times_a_length_is_no_time(analyze_text: Analyze) -> None:
    """A length ("for years") or a length modifying a noun ("a 60-day truce") is no event time."""
    got = _times(analyze_text, "Armenia has rejected for years the claims that its army shelled villages.")
    assert got and all(t is None for _, t in got), got
    got = _times(analyze_text, "The rebels accepted a 60-day truce proposed by the African Union.")
    assert got and all(t is None for _, t in got), got


def test_event_times_points_stay(analyze_text: Analyze) -> None:
    """A point, and a length counted from another point, stay the event's time."""
    got = _times(analyze_text, "Farmers protested in Madrid on Monday against the new tax.")
    assert ("PROTEST", "Monday") in got, got
    got = _times(analyze_text, "The government arrested three opposition leaders last week.")
    assert got and all(t == "last week" for _, t in got), got
    got = _times(analyze_text, "Soldiers killed 12 militants two days after the bombing of the barracks.")
    assert any(t == "two days" for _, t in got), got
