"""Rule tests of the events component: an appeal to end a fight is aimed at the fight's named sides.

"urged an end to the fight between X and Y", "called for a halt to X's dispute with Y", "pressed for a
settlement of the X-Y dispute": the ones who would end the fight are its sides, the appeal's target. A fight
only placed ("the war in Mali") or unnamed names no side; an appeal that names whom it asks keeps them; the
one who appeals is no side of the fight.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _events(analysis: Analysis, type_: str) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.type == type_]


def test_ended_fights_an_appeal_to_end_a_fight_targets_its_named_sides(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Senator Ruth Calder urged an end to the trade fight over steel between Canada and Mexico."
    )
    assert _events(analysis, "REQUEST") == [("Senator Ruth Calder", "Canada ; Mexico")]
    analysis = analyze_text("The foreign minister called for a halt to Ghana's border dispute with Togo.")
    assert _events(analysis, "REQUEST") == [("The foreign minister", "Ghana ; Togo")]
    analysis = analyze_text(
        "The regional council pressed for a settlement of the Peru-Chile fishing dispute."
    )
    assert _events(analysis, "REQUEST") == [("The regional council", "Peru ; Chile")]


def test_ended_fights_a_go_between_s_work_targets_the_fight_s_sides(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Norway's envoy mediated an end to the standoff between the miners and the police."
    )
    assert _events(analysis, "CONSULT") == [("Norway's envoy", "the miners ; the police")]


def test_ended_fights_no_named_side_no_target_and_the_one_asked_stays(analyze_text: Analyze) -> None:
    analysis = analyze_text("The envoy called for an end to the fighting.")
    assert _events(analysis, "REQUEST") == [("The envoy", None)]
    analysis = analyze_text("The envoy urged Ghana to end its border dispute with Togo.")
    assert _events(analysis, "REQUEST") == [("The envoy", "Ghana")]


def test_ended_fights_a_placed_war_has_no_side_and_the_caller_does_not_fight_it(
    analyze_text: Analyze,
) -> None:
    analysis = analyze_text("The envoy called for an end to the war in Mali.")
    assert _events(analysis, "REQUEST") == [("The envoy", None)]
    assert all(source != "The envoy" for source, _target in _events(analysis, "ASSAULT"))
