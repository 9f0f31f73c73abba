"""Tests of the tense a modal gives the time it governs (`_times_tense`), and of weekdays that recur."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis, Time

Analyze = Callable[..., Analysis]


def _time(analysis: Analysis, text: str) -> Time:
    found = [t for t in analysis.times if t.text == text]
    assert found, f"no time {text!r} in {[(t.text, t.value) for t in analysis.times]}"
    return found[0]


def test_denied_could_reports_a_failed_attempt(analyze_text: Analyze) -> None:
    text = "The ferry operator could not be reached for comment on Monday."
    a = analyze_text(text, published="2021-07-14", clean=False)  # a Wednesday
    assert _time(a, "Monday").value == "2021-07-12"


def test_neither_nor_denies_could(analyze_text: Analyze) -> None:
    text = "Neither the mayor nor her deputy could be found Tuesday at the town hall."
    a = analyze_text(text, published="2021-07-14", clean=False)  # a Wednesday
    assert _time(a, "Tuesday").value == "2021-07-13"


def test_affirmed_could_points_ahead(analyze_text: Analyze) -> None:
    text = "The two unions could sign the new contract on Friday."
    a = analyze_text(text, published="2021-07-14", clean=False)  # a Wednesday
    assert _time(a, "Friday").value == "2021-07-16"


def test_weekday_before_a_plural_part_of_day_recurs(analyze_text: Analyze) -> None:
    text = "The library stays open late on Thursday evenings, and it opened late on Thursday."
    a = analyze_text(text, published="2021-07-14", clean=False)  # a Wednesday
    evenings = _time(a, "Thursday evenings")
    assert (evenings.type, evenings.value) == ("SET", "XXXX-WXX-4TEV")
    assert _time(a, "Thursday").value == "2021-07-08"
