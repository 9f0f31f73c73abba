"""Rule tests of the events component: deaths from a disease or a disaster are no assault, and a share,
a date or a named event is no actor."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _assaults(analysis: Analysis) -> list[str]:
    return [e.trigger.text for e in analysis.events if e.type == "ASSAULT"]


def test_hazard_tolls_a_toll_told_after_its_hazard_is_no_assault(analyze_text: Analyze) -> None:
    for text in (
        "A cyclone made landfall on the coast on Friday. "
        "At least 40 people were killed and hundreds were injured in the coastal districts.",
        "A fire broke out in a crowded market on Sunday. Ten people were killed.",
        "A crowded bus caught fire on the highway on Sunday. At least 20 passengers were killed.",
    ):
        assert _assaults(analyze_text(text)) == [], text


def test_hazard_tolls_violence_since_the_hazard_keeps_the_assault(analyze_text: Analyze) -> None:
    """Shots fired are no hazard ("opened fire"), and a violence word after the hazard keeps the toll."""
    for text in (
        "Gunmen opened fire on a crowd in the market. Ten people were killed.",
        "The convoy came under fire near the border. Two drivers were killed.",
    ):
        assert "killed" in _assaults(analyze_text(text)), text
    floods = analyze_text(
        "The floods had cut the road to the village. On Monday militants ambushed a convoy there. "
        "Three drivers were killed."
    )
    assert "killed" in _assaults(floods)


def test_hazard_tolls_a_germ_or_a_disease_as_doer_is_no_assault(analyze_text: Analyze) -> None:
    for text in (
        "Doctors say the new strain kills one in three of the people it infects.",
        "Officials said typhoid killed 12 children in the camp, despite the war.",
    ):
        assert _assaults(analyze_text(text)) == [], text


def test_hazard_tolls_a_share_is_nothing_hit(analyze_text: Analyze) -> None:
    a = analyze_text("Soldiers killed 10 percent to 20 percent of the rebels.")
    (ev,) = [e for e in a.events if e.type == "ASSAULT"]
    assert ev.source_text == "Soldiers"
    assert "percent" not in (ev.target_text or "")


def test_hazard_tolls_a_named_event_is_no_actor(analyze_text: Analyze) -> None:
    a = analyze_text("The senator spoke days after the September 11 attack, which left four Americans dead.")
    assert all("September" not in (e.source_text or "") + (e.target_text or "") for e in a.events)
