"""Rule tests of the events component: a force or a body a person owns ("our soldiers" in a minister's
words, "his troops" of a general) is the doer, not its owner; a country or a body that owns its forces
still stands for them ("its forces" of a country). A resultative adjective after the verb ("shot dead
two gunmen") is no part of the target."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis, Event

Analyze = Callable[..., Analysis]


def _assaults(analysis: Analysis) -> list[Event]:
    return [e for e in analysis.events if e.type == "ASSAULT"]


def test_possessed_doers_a_speakers_soldiers_are_the_doers(analyze_text: Analyze) -> None:
    a = analyze_text(
        "The provincial governor Omar Haji Dalmar spoke to reporters in the town on Friday. "
        "“After a long night of fighting, our soldiers shot dead three gunmen,” he said."
    )
    (shot,) = _assaults(a)
    assert shot.source_text == "our soldiers"
    assert shot.target_text == "three gunmen"
    soldiers = next(e for e in a.entities if e.id in shot.source)
    assert (soldiers.type, soldiers.sector) == ("GROUP", "military")


def test_possessed_doers_a_generals_troops_keep_his_country(analyze_text: Analyze) -> None:
    a = analyze_text("The Kenyan army chief said on Monday that his troops had attacked a rebel camp.")
    (attack,) = _assaults(a)
    troops = next(e for e in a.entities if e.id in attack.source)
    assert (attack.source_text, troops.sector, troops.country) == ("his troops", "military", "KE")


def test_possessed_doers_a_countrys_forces_stand_for_the_country(analyze_text: Analyze) -> None:
    a = analyze_text("Ruritania said on Monday that its forces had attacked the border town of Vell.")
    (attack,) = _assaults(a)
    assert attack.source_text == "Ruritania"


def test_possessed_doers_a_resultative_adjective_is_no_part_of_the_target(analyze_text: Analyze) -> None:
    a = analyze_text("Border guards shot dead two smugglers near the river on Tuesday.")
    (shot,) = _assaults(a)
    smugglers = next(e for e in a.entities if e.id in shot.target)
    assert (shot.target_text, smugglers.name) == ("two smugglers", "smugglers")


def test_possessed_doers_ones_own_body_is_no_target(analyze_text: Analyze) -> None:
    a = analyze_text("Mr. Okafor went to the capital to discuss his administration's strategy for the war.")
    assert all(e.target_text != "his administration" for e in a.events)
