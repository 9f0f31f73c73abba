"""Rule tests of the events component: a verb coded by the CAMEO dictionary alone needs known parties."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _confident(analysis: Analysis) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in analysis.events if e.confidence >= EVENT_MIN_CONFIDENCE]


def test_known_actors_what_an_act_made_is_no_party(analyze_text: Analyze) -> None:
    """ "established a new security council", "approved a Border Police Law": made, not dealt with."""
    for text, trigger in (
        ("The Kenyan government established a new security council for the region.", "established"),
        ("In March, the Indian government approved a Border Police Law.", "approved"),
    ):
        assert [t for t, trig in _confident(analyze_text(text)) if trig == trigger] == [], text


def test_known_actors_harm_to_someone_unnamed_stays(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "A riot police officer hits an opposition supporter with his baton outside parliament."
    )
    assert ("ASSAULT", "hits") in _confident(analysis)
