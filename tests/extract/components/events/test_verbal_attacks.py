"""Rule tests of the events component: an attack of words is criticism (CAMEO 111, ACCUSE), no ASSAULT.

A named person or organisation attacking a named person ("the governor attacked Senator Ruth Hale"), an
attack over an issue that is no ground ("attacked her over the pension deal") or one a modifier of words or
politics marks ("a political attack") is criticism; so is an attack with one side named, when that side is
named people ("Ms. Lopez's attack", "Tom Reyes had attacked him"). An attack with an armed side or harm stays
an ASSAULT, and so does a passive attack with its target alone ("Ahmed Khan was attacked at home")."""

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


def test_verbal_attacks_one_named_person_side_is_criticism(analyze_text: Analyze) -> None:
    """The attack of a named person, no harm told and no other side named."""
    analysis = analyze_text("Ms. Lopez's attack drew a sharp reply from the governor's office.")
    assert _types(analysis, "attack") == ["ACCUSE"]
    analysis = analyze_text("The mayor said Tom Reyes had attacked him unfairly for a week.")
    assert _types(analysis, "attacked") == ["ACCUSE"]


def test_verbal_attacks_passive_target_alone_stays_an_assault(analyze_text: Analyze) -> None:
    """Guard: "X was attacked", no doer named, may be force."""
    analysis = analyze_text("Ahmed Khan was attacked outside his home on Tuesday.")
    assert _types(analysis, "attacked") == ["ASSAULT"]


def test_verbal_attacks_one_person_assault_stays_an_assault(analyze_text: Analyze) -> None:
    """Guard: "assault" with one named person is as often bodily; only "attack" reads that way."""
    analysis = analyze_text("Prosecutors said Mark Dole assaulted her twice.")
    assert _types(analysis, "assaulted") == ["ASSAULT"]
    analysis = analyze_text("Mark Dole's assault left the waiter shaken.")
    assert _types(analysis, "assault") == ["ASSAULT"]


def test_verbal_attacks_over_an_issue_is_criticism(analyze_text: Analyze) -> None:
    analysis = analyze_text("Ken Morrow has attacked her repeatedly over the pension deal she signed.")
    assert "ASSAULT" not in _types(analysis, "attacked")


def test_verbal_attacks_force_stays_an_assault(analyze_text: Analyze) -> None:
    """Guards: an armed side or harm keeps the attack."""
    analysis = analyze_text("Gunmen attacked Mayor Ines Varga outside her office, wounding two guards.")
    assert _types(analysis, "attacked") == ["ASSAULT"]
    analysis = analyze_text("Militants attacked an army post near the border on Sunday.")
    assert _types(analysis, "attacked") == ["ASSAULT"]
