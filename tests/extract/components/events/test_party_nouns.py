"""Rule tests of the events component: a common noun that names people by their relation to another
party ("foes", "adversaries", "donors", "backers") or by what they are ("lobbyists", "foreigners") is an
actor noun (`victim_nouns` in `event_actors.json`), so the side it heads is kept, not dropped as a
thing."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _targets(a: Analysis, trigger: str) -> list[str]:
    """The names of the target entities of the event with this trigger word."""
    event = next(e for e in a.events if e.trigger.text == trigger)
    return [g.name for g in (a.entity(i) for i in event.target) if g is not None]


def test_party_nouns_foes_accused_are_the_target(analyze_text: Analyze) -> None:
    a = analyze_text("Rebel commanders accused foes in the capital of shelling the market in Goma.")
    assert _targets(a, "accused") == ["foes"]


def test_party_nouns_adversaries_attacked_are_the_target(analyze_text: Analyze) -> None:
    a = analyze_text("The militia attacked adversaries in the hills above the town.")
    assert _targets(a, "attacked") == ["adversaries"]


def test_party_nouns_donors_met_are_the_counterpart(analyze_text: Analyze) -> None:
    a = analyze_text("The governor met wealthy donors in Lagos on Thursday.")
    assert _targets(a, "met") == ["wealthy donors"]


def test_party_nouns_people_named_by_what_they_are(analyze_text: Analyze) -> None:
    a = analyze_text("Police arrested two lobbyists in Nairobi on Monday.")
    assert _targets(a, "arrested") == ["lobbyists"]
    b = analyze_text("Gunmen kidnapped three foreigners near the oil field on Tuesday.")
    assert _targets(b, "kidnapped") == ["foreigners"]
