"""Rule tests of the events component: fights without a foe and harm done to a hazard are no events."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _fights(analysis: Analysis) -> list[str]:
    return [
        e.trigger.text
        for e in analysis.events
        if e.type in ("ASSAULT", "THREATEN") and e.confidence >= EVENT_MIN_CONFIDENCE
    ]


def test_figures_still_fighting_is_a_figure_of_speech(analyze_text: Analyze) -> None:
    for text in (
        '"He is still strong, and he is still fighting," his lawyer, John Miller, said.',
        "Senator Elizabeth Warren said she would keep fighting.",
    ):
        assert _fights(analyze_text(text)) == [], text


def test_figures_a_foe_arms_or_violence_keep_the_fight(analyze_text: Analyze) -> None:
    assert _fights(analyze_text("Rebels are fighting in the north of the country.")) == ["fighting"]
    assert (
        _fights(analyze_text("Opposition leader John Kamau said his supporters would fight the police."))
        != []
    )


def test_figures_harm_done_to_a_hazard_is_no_event(analyze_text: Analyze) -> None:
    """ "the spray kills all germs", "boiling could kill the bacteria": no one is attacked."""
    for text in (
        "Officials said the spray kills all germs.",
        "Experts said boiling the water could kill the bacteria.",
    ):
        assert [e for e in analyze_text(text).events if e.type == "ASSAULT"] == [], text
