"""Rule tests of the events component: a count or a trend of events over a period is not one event — it
stays in the output as a weak reading (under `EVENT_MIN_CONFIDENCE`), while one act, also one told
among others ("the third such attack"), stays confident."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _events(analysis: Analysis, type_: str) -> list[tuple[str, bool]]:
    """(trigger, confident) of each event of a type."""
    return [
        (e.trigger.text, e.confidence >= EVENT_MIN_CONFIDENCE) for e in analysis.events if e.type == type_
    ]


def _weak_but_kept(analyze_text: Analyze, text: str, type_: str) -> None:
    found = _events(analyze_text(text), type_)
    assert found, text  # the aggregate stays in the output
    assert not any(confident for _trigger, confident in found), (text, found)


def test_aggregates_counted_events_are_weak(analyze_text: Analyze) -> None:
    for text in (
        "The rebel army and its allies carried out 312 attacks in 2019, the ministry's annual report said.",
        "Armed gangs have carried out a spate of kidnappings in the northern district.",
    ):
        _weak_but_kept(analyze_text, text, "ASSAULT")


def test_aggregates_recurring_acts_are_weak(analyze_text: Analyze) -> None:
    rejects = "The army routinely rejects calls from rights groups for an inquiry."
    _weak_but_kept(analyze_text, rejects, "REJECT")
    _weak_but_kept(analyze_text, "The militia attacks the border posts every week.", "ASSAULT")
    _weak_but_kept(
        analyze_text, "Chilean senators have repeatedly urged Peru to reopen the border crossing.", "REQUEST"
    )


def test_aggregates_tallies_over_a_period_are_weak(analyze_text: Analyze) -> None:
    _weak_but_kept(
        analyze_text,
        "Since March, the border police have arrested more than 900 farmers in the eastern valleys.",
        "COERCE",
    )
    _weak_but_kept(
        analyze_text, "The insurgents have been attacking army convoys in the hills since 2016.", "ASSAULT"
    )


def test_aggregates_trends_are_weak(analyze_text: Analyze) -> None:
    _weak_but_kept(
        analyze_text, "The militia has stepped up its raids on villages in the south this spring.", "COERCE"
    )
    _weak_but_kept(analyze_text, "Attacks on aid convoys by the militia have increased sharply.", "ASSAULT")


def test_aggregates_one_act_stays_confident(analyze_text: Analyze) -> None:
    one = analyze_text("Gunmen attacked a police post in Gao on Tuesday, the third such attack this month.")
    assert ("attacked", True) in _events(one, "ASSAULT")
    lasting = analyze_text("The journalist Ana Ruiz has been detained by the Venezuelan police since May.")
    assert any(confident for _trigger, confident in _events(lasting, "COERCE"))
    today = analyze_text("Police arrested 40 protesters outside the parliament in Lima on Monday.")
    assert any(confident for _trigger, confident in _events(today, "COERCE"))
