"""Rule tests of the events component: a mobilization moves force (armed actors, weapons, protests)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _mobilized(analysis: Analysis) -> list[str]:
    return [
        e.trigger.text
        for e in analysis.events
        if e.confidence >= EVENT_MIN_CONFIDENCE and (e.type == "MOBILIZE" or e.mode == "mobilize")
    ]


def test_force_experts_money_and_hazard_alerts_are_no_mobilization(analyze_text: Analyze) -> None:
    for text in (
        "The ministry deployed 50 health experts to the province.",
        "The government will increase foreign exchange reserves this year.",
        "The WHO raised its pandemic alert level to five on Friday.",
    ):
        assert _mobilized(analyze_text(text)) == [], text


def test_force_troops_weapons_exercises_and_protests_are_mobilized(analyze_text: Analyze) -> None:
    for text, trigger in (
        ("Russia has deployed tanks near the border.", "deployed"),
        ("Kenya deployed police officers to the capital.", "deployed"),
        ("The army raised its alert level.", "raised"),
        ("The opposition leader said he would mobilize protests against the president.", "mobilize"),
    ):
        assert _mobilized(analyze_text(text)) == [trigger], text
