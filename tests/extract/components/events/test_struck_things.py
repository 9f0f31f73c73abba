"""Rule tests of the events component: an assault launched "on" a thing targets the thing's owner, else the
thing, when the sentence names no one it hit; a thing an assault verb hit gives way to the people its
elaborating clause hits ("attacked a minibus, killing six pilgrims")."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _assaults(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.type == "ASSAULT"]


def test_struck_things_a_launched_assault_hits_the_thing(analyze_text: Analyze) -> None:
    analysis = analyze_text("Militants launched a surprise assault on a remote army outpost in the hills.")
    [(source, target)] = _assaults(analysis)
    assert source == "Militants" and target is not None and "outpost" in target


def test_struck_things_the_things_owner_is_the_target(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Russian warplanes carried out a series of airstrikes on ISIS' hideouts in the province."
    )
    assert ("Russian warplanes", "ISIS") in _assaults(analysis)


def test_struck_things_people_hurt_come_before_the_thing(analyze_text: Analyze) -> None:
    analysis = analyze_text("Militants carried out a grenade attack on an army camp, injuring two soldiers.")
    assert _assaults(analysis) == [("Militants", "two soldiers")]


def test_struck_things_a_day_is_no_thing(analyze_text: Analyze) -> None:
    analysis = analyze_text("The rebels launched an attack on Tuesday.")
    assert _assaults(analysis) == [("The rebels", None)]


def test_struck_things_an_event_only_witnessed_is_bare(analyze_text: Analyze) -> None:
    analysis = analyze_text("We are about to witness a demonstration.")
    assert all(e.confidence < 0.5 for e in analysis.events)


def test_struck_things_a_vehicle_hit_gives_way_to_the_people_killed(analyze_text: Analyze) -> None:
    analysis = analyze_text("Gunmen attacked a minibus on the highway, killing six pilgrims.")
    assert _assaults(analysis) == [("Gunmen", "six pilgrims")]


def test_struck_things_a_truck_ambushed_gives_way_to_the_people_wounded(analyze_text: Analyze) -> None:
    analysis = analyze_text("Insurgents ambushed a supply truck near the border, wounding three guards.")
    assert _assaults(analysis) == [("Insurgents", "three guards")]


def test_struck_things_a_village_shelled_gives_way_to_the_people_killed(analyze_text: Analyze) -> None:
    analysis = analyze_text("Rebels shelled the village overnight, killing four farmers.")
    assert _assaults(analysis) == [("Rebels", "four farmers")]


def test_struck_things_other_things_destroyed_leave_the_thing(analyze_text: Analyze) -> None:
    analysis = analyze_text("Rebels attacked the convoy, destroying three trucks.")
    assert _assaults(analysis) == [("Rebels", "the convoy")]
