"""Rule tests of the events component: an investigation of a germ, a disease or samples, or one a health body
makes with no suspect named, is science, no inquiry into anyone's conduct (`_science_probes.py`); an inquiry
with a suspect, a violence word or an investigator of the law stays one."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _probes(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.type == "ACCUSE"]


def test_science_probes_a_health_body_or_a_laboratory_study_is_no_event(analyze_text: Analyze) -> None:
    for text in (
        "A first inquiry by the Regional Health Authority suggests the mutated strain came from abroad.",
        "Provincial health officials investigating the origin of the spoiled lettuce have found a supplier.",
        "The ministry launched a thorough investigation and sent specimens to be analysed in Lyon.",
        "The agency opened an inquiry after the new strain was found in two farms near Leeds.",
    ):
        assert _probes(analyze_text(text)) == [], text


def test_science_probes_inquiries_into_conduct_stay(analyze_text: Analyze) -> None:
    """A suspect named, a law investigator or a violence word keeps the inquiry an accusation."""
    suspect = analyze_text("Health officials are investigating the Mercy Hospital over the deaths.")
    assert _probes(suspect) == [("Health officials", "the Mercy Hospital")]
    for text in (
        "Prosecutors carried out a full investigation and sent samples to be tested at a lab.",
        "The ministry opened an inquiry after a bomb was found in a lab near Leeds.",
    ):
        assert len(_probes(analyze_text(text))) == 1, text
