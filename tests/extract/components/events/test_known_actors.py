"""Rule tests of the events component: a verb coded by the CAMEO dictionary alone needs known parties."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import confident_triggers

Analyze = Callable[..., Analysis]


def test_known_actors_what_an_act_made_is_no_party(analyze_text: Analyze) -> None:
    """ "established a new security council", "approved a Border Police Law": made, not dealt with."""
    for text, trigger in (
        ("The Kenyan government established a new security council for the region.", "established"),
        ("In March, the Indian government approved a Border Police Law.", "approved"),
    ):
        assert [t for t, trig in confident_triggers(analyze_text(text)) if trig == trigger] == [], text


def test_known_actors_harm_to_someone_unnamed_stays(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "A riot police officer hits an opposition supporter with his baton outside parliament."
    )
    assert ("ASSAULT", "hits") in confident_triggers(analysis)
