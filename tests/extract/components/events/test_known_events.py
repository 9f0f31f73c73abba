"""Rule tests of the events component: an event noun with a definite article or a demonstrative and no
side of its own ("the raid", "this siege") refers back to a known event — it stays in the output as a
weak reading (under `EVENT_MIN_CONFIDENCE`); a new event brought in without the article ("violent riots
broke out") and a definite one with a side stay confident."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _found(analysis: Analysis, trigger: str) -> list[float]:
    """The confidence of each event whose trigger holds a word."""
    return [e.confidence for e in analysis.events if trigger in e.trigger.text.lower()]


def test_known_events_a_definite_mention_with_no_side_is_weak(analyze_text: Analyze) -> None:
    for text, trigger in (
        (
            "Militiamen stormed the mining town of Korvan at dawn. "
            "The assault took place while most of the miners were asleep.",
            "assault",
        ),
        ("Farmers in the valley still remember the day when this massacre occurred.", "massacre"),
    ):
        found = _found(analyze_text(text), trigger)
        assert found, text  # the mention stays in the output
        assert all(c < EVENT_MIN_CONFIDENCE for c in found), (text, found)


def test_known_events_a_new_or_sided_event_stays_confident(analyze_text: Analyze) -> None:
    for text, trigger in (
        ("Violent riots broke out in the northern port on Friday night.", "riots"),
        ("The assault on the mining town by the militiamen took place at dawn.", "assault"),
    ):
        found = _found(analyze_text(text), trigger)
        assert found and max(found) >= EVENT_MIN_CONFIDENCE, (text, found)
