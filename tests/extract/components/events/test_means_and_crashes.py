"""Rule tests of the events component: the means aimed "against" someone, a crash's toll, a lobbed grenade."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis
from tests.support.events import confident

Analyze = Callable[..., Analysis]


def test_means_the_party_against_whom_force_is_used_is_the_target(analyze_text: Analyze) -> None:
    """ "threatened to use force against the rebels": the force is the means, the rebels the target."""
    a = analyze_text("The president threatened to use force against the rebels.")
    assert [e.target_text for e in confident(a, "THREATEN")] == ["the rebels"]
    b = analyze_text("The minister warned that the army would deploy troops against the protesters.")
    assert [e.target_text for e in confident(b, "THREATEN")] == ["the protesters"]


def test_means_an_insurgency_against_someone_is_the_event_not_the_target(analyze_text: Analyze) -> None:
    """ "waging an insurgency against the government": the government is attacked, not the insurgency."""
    a = analyze_text("The rebels are waging an insurgency against the government in the north.")
    assert [e.target_text for e in confident(a, "ASSAULT")] == ["the government"]
    b = analyze_text("The army fought the insurgency in the north.")  # no "against": the insurgents
    assert [e.target_text for e in confident(b, "ASSAULT")] == ["the insurgency"]


def test_crashes_the_toll_of_a_crash_is_no_assault(analyze_text: Analyze) -> None:
    """ "a helicopter crashed, killing nine": an accident, even of a military aircraft; shells are fired."""
    for text in (
        "A military helicopter crashed near the border on Tuesday, killing all nine soldiers aboard.",
        "The ferry sank off the coast on Sunday, killing at least 40 passengers.",
    ):
        assert confident(analyze_text(text), "ASSAULT") == [], text
    shells = analyze_text("Two mortar shells crashed into the market, killing five civilians.")
    assert confident(shells, "ASSAULT") != []


def test_lobbing_a_grenade_is_an_attack(analyze_text: Analyze) -> None:
    """ "lobbed a grenade" is thrown as "threw a grenade": an attack with explosives."""
    analysis = analyze_text("Two gunmen lobbed a grenade at a police station in the town on Friday.")
    assert ("ASSAULT", "lobbed") in [
        (e.type, e.trigger.text) for e in analysis.events if e.confidence >= EVENT_MIN_CONFIDENCE
    ]
