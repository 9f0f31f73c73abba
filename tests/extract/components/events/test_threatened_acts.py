"""Rule tests of the events component: a warning of the warner's own act takes its target from the act
threatened (`_threatened_acts.py`)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _threats(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.type == "THREATEN"]


def test_threatened_acts_a_warning_names_the_party_of_the_act(analyze_text: Analyze) -> None:
    sanctions = analyze_text("The Kremlin warned that it would impose sanctions on Lithuania.")
    assert _threats(sanctions) == [("The Kremlin", "Lithuania")]
    force = analyze_text("Hamas warned that it would use force against the settlers.")
    assert _threats(force) == [("Hamas", "the settlers")]


def test_threatened_acts_read_through_a_verb_of_aspect(analyze_text: Analyze) -> None:
    kept = analyze_text("Beijing warned on Friday that it will keep up pressure on Taiwan.")
    assert _threats(kept) == [("Beijing", "Taiwan")]


def test_threatened_acts_keep_the_warned_party_and_leave_partners(analyze_text: Analyze) -> None:
    warned = analyze_text("The army warned the rebels that it would shell their positions.")
    assert [target for _, target in _threats(warned)] == ["the rebels"]
    talks = analyze_text("The minister warned that the government would hold talks with the unions.")
    assert ("The minister", "the unions") not in _threats(talks)


def test_threatened_acts_leave_a_condition_its_pressed_party(analyze_text: Analyze) -> None:
    pressed = analyze_text(
        "The Kremlin warned that it would expel the Polish diplomats if Warsaw did not withdraw its claims."
    )
    assert [target for _, target in _threats(pressed)] == ["Warsaw"]
