"""Rule tests of the events component: a standing held is no ground taken.

"occupy", "gain" and "seize" are an occupation (CAMEO 192, ASSAULT) when ground is taken; a place in an
order or a contest ("a central role", "the spotlight", "ground with suburban voters", "a gray area") taken by
no armed actor, with no place named beside it, is no event. Armed takers and named places keep the
occupation.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _assaults(analysis: Analysis) -> list[str | None]:
    return [e.mode for e in analysis.events if e.type == "ASSAULT" and e.confidence >= EVENT_MIN_CONFIDENCE]


def test_held_standing_a_role_or_the_spotlight_is_no_occupation(analyze_text: Analyze) -> None:
    """A standing noun or figurative ground taken by a civilian taker: no event."""
    for text in (
        "The senator occupied a central role in the negotiations over the budget.",
        "For years the two governors occupied the spotlight while the mayor stayed quiet.",
        "The Liberal candidate is gaining ground with suburban voters, a new poll shows.",
        "Immigrant merchants occupied a grey area under the old segregation laws.",
    ):
        assert _assaults(analyze_text(text)) == [], text


def test_held_standing_armed_takers_and_named_places_stay_occupations(analyze_text: Analyze) -> None:
    """Ground taken by armed actors, or named beside the verb, is still an occupation."""
    for text in (
        "Government troops gained ground in the north of the province.",
        "Russia occupied a large part of eastern Ukraine in 2022.",
        "The rebels seized the high ground above the valley road.",
    ):
        assert _assaults(analyze_text(text)) == ["occupy"], text
