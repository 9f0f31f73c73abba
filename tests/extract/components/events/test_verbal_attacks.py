"""Rule tests of the events component: an attack of words is criticism (CAMEO 111, ACCUSE), no ASSAULT.

A named person or organisation attacking a named person ("the governor attacked Senator Ruth Hale"), an
attack over an issue that is no ground ("attacked her over the pension deal") or one a modifier of words or
politics marks ("a political attack") is criticism; an attack with an armed side or harm stays an ASSAULT."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _types(analysis: Analysis, trigger: str) -> list[str]:
    return [e.type for e in analysis.events if e.trigger.text == trigger]


def test_verbal_attacks_named_people_is_criticism(analyze_text: Analyze) -> None:
    analysis = analyze_text("Governor Paul Drake attacked Senator Ruth Hale at a town hall in Dayton.")
    assert _types(analysis, "attacked") == ["ACCUSE"]
    analysis = analyze_text("Mayor Ines Varga's attacks on Tom Reeve have alarmed her own donors.")
    assert _types(analysis, "attacks") == ["ACCUSE"]


def test_verbal_attacks_over_an_issue_is_criticism(analyze_text: Analyze) -> None:
    analysis = analyze_text("Ken Morrow has attacked her repeatedly over the pension deal she signed.")
    assert "ASSAULT" not in _types(analysis, "attacked")


def test_verbal_attacks_force_stays_an_assault(analyze_text: Analyze) -> None:
    """Guards: an armed side or harm keeps the attack."""
    analysis = analyze_text("Gunmen attacked Mayor Ines Varga outside her office, wounding two guards.")
    assert _types(analysis, "attacked") == ["ASSAULT"]
    analysis = analyze_text("Militants attacked an army post near the border on Sunday.")
    assert _types(analysis, "attacked") == ["ASSAULT"]
