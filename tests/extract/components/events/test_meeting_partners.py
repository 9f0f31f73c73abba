"""Rule tests of the events component: a meeting's partner comes "with", "between" or "to" it, never
"on" (what it is about) or "at" (where it is)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _consult_targets(analysis: Analysis) -> list[str | None]:
    return [e.target_text for e in analysis.events if e.type == "CONSULT"]


def test_meeting_partners_the_topic_and_the_venue_are_no_partner(analyze_text: Analyze) -> None:
    for text, wrong in (
        ("The foreign ministers held an emergency meeting on Venezuela in Lima.", "Venezuela"),
        ("The senator held a public meeting at Lincoln High School in Denver.", "School"),
    ):
        targets = _consult_targets(analyze_text(text))
        assert all(t is None or wrong not in t for t in targets), text


def test_meeting_partners_with_gives_the_partner(analyze_text: Analyze) -> None:
    analysis = analyze_text("The foreign ministers held talks with Venezuela in Lima.")
    assert _consult_targets(analysis) == ["Venezuela"]
