"""Rule tests of the events component: an attack, a blast or a weapon that did harm is no doer of it; its
own owner or agent is, or no one."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _assaults(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.type == "ASSAULT"]


def test_means_subjects_an_act_or_weapon_is_no_source(analyze_text: Analyze) -> None:
    for text, target in (
        ("The deadliest raid, last spring, killed at least 14 farmers near the river.", "farmers"),
        ("The explosion injured four policemen outside the station.", "policemen"),
        ("Airstrikes killed 30 fighters near the border town on Friday.", "fighters"),
        ("Six guards were wounded by the blast near the gate.", "guards"),
    ):
        found = _assaults(analyze_text(text))
        assert found, text
        assert all(source is None for source, _ in found), (text, found)
        assert any(t is not None and target in t for _, t in found), (text, found)


def test_means_subjects_the_owner_or_agent_stays_the_source(analyze_text: Analyze) -> None:
    for text, source in (
        ("Russian airstrikes killed 12 villagers in the province on Monday.", "Russian"),
        ("The Taliban's attack killed nine soldiers at the checkpoint.", "Taliban"),
        ("Attacks by the rebels killed ten villagers last week.", "rebels"),
        ("A suicide bomber killed six police officers in the town.", "bomber"),
    ):
        found = _assaults(analyze_text(text))
        assert any(s is not None and source in s for s, _ in found), (text, found)
