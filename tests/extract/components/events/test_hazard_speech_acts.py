"""Rule tests of the events component: a speech act in a sentence that names a hazard is no hazard's doing.

A sentence that names a storm, a flood or a virus and no violence word drops its harm words as the hazard's
("the floods blocked the road"); a criticism or a refusal coded from a harm word ("blasted", "blocked") is
said by someone and stays.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _sides(analysis: Analysis, type_: str) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.type == type_]


def test_hazard_speech_acts_a_criticism_beside_a_hazard_stays(analyze_text: Analyze) -> None:
    for text in (
        "With a blizzard bearing down on the capital, the senator blasted the governor over the budget.",
        "The mayor blasted the state government for its slow response to the earthquake.",
    ):
        (sides,) = _sides(analyze_text(text), "ACCUSE")
        assert sides[1] is not None and "govern" in sides[1], text


def test_hazard_speech_acts_a_refusal_beside_a_hazard_stays(analyze_text: Analyze) -> None:
    a = analyze_text("Opposition lawmakers blocked the emergency bill for the flood victims.")
    assert _sides(a, "REJECT") == [("Opposition lawmakers", None)]


def test_hazard_speech_acts_a_hazard_s_harm_is_still_no_event(analyze_text: Analyze) -> None:
    for text in (
        "Roads were blocked after the floods swept the valley.",
        "Main roads to the city were blocked for days after the earthquake.",
        "The floods blocked the main road to the capital.",
    ):
        assert analyze_text(text).events == [], text
