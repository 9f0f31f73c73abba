"""Tests of the tense a bare participle takes from its clause (`_times_tense`)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis, Time

Analyze = Callable[..., Analysis]


def _time(analysis: Analysis, text: str) -> Time:
    found = [t for t in analysis.times if t.text == text]
    assert found, f"no time {text!r} in {[(t.text, t.value) for t in analysis.times]}"
    return found[0]


def test_participle_under_a_past_verb_is_past(analyze_text: Analyze) -> None:
    text = "Shares of the bakery chain fell all winter, sliding to a low of $12 in September."
    a = analyze_text(text, published="2021-03-10", clean=False)
    assert _time(a, "September").value == "2020-09"


def test_participle_under_a_future_verb_points_ahead(analyze_text: Analyze) -> None:
    text = "The tour will close with the band playing a free show in Boston on Friday."
    a = analyze_text(text, published="2021-07-14", clean=False)  # a Wednesday
    assert _time(a, "Friday").value == "2021-07-16"


def test_participle_under_a_present_perfect_keeps_no_direction(analyze_text: Analyze) -> None:
    text = "The carmaker has announced deep cuts, resulting in the closure of two plants on Friday."
    a = analyze_text(text, published="2021-07-14", clean=False)  # a Wednesday
    assert _time(a, "Friday").value == "2021-07-09"  # the default of a bare weekday, not a tense read


def test_participle_predicating_an_object_or_completing_a_verb(analyze_text: Analyze) -> None:
    text = (
        "The survey showed rents climbing to $900 from $850 in July. "
        "The ferry line will start sailing to the island on Friday."
    )
    a = analyze_text(text, published="2021-01-20", clean=False)  # a Wednesday
    assert _time(a, "July").value == "2020-07"
    assert _time(a, "Friday").value == "2021-01-22"
