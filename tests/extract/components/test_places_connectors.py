"""Tests of a place name with a lower-case connector inside (`_places_connectors`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.models import Analysis
from tests.support.places import place_at

Analyze = Callable[..., Analysis]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Floods closed schools across Rio Grande do Sul on Monday, the governor said.",
            "Rio Grande do Sul",
            "BR",
        ),
        (
            "Troops were sent to Jammu and Kashmir after the attack, officials said on Friday.",
            "Jammu and Kashmir",
            "IN",
        ),
        (
            "Farmers in Davao del Sur lost their banana crops to the storm, Philippine officials said.",
            "Davao del Sur",
            "PH",
        ),
    ],
)
def test_places_a_name_cut_at_its_connector_is_one_place(
    analyze_text: Analyze, text: str, name: str, country: str
) -> None:
    analysis = analyze_text(text, clean=False)
    start = text.index(name)
    place = place_at(analysis, start)
    assert (place.name, place.country) == (name, country)
    assert any(m.start == start and m.end == start + len(name) for m in place.mentions), place.mentions


def test_places_a_university_of_a_state_is_not_grown_back_over(analyze_text: Analyze) -> None:
    # "University" is a building's word: "Texas" does not grow back into "University of Texas"
    text = "She taught law at the University of Texas before she moved to Austin."
    analysis = analyze_text(text, clean=False)
    starts = {m.start for p in analysis.places for m in p.mentions if p.feature == "admin1"}
    assert text.index("University") not in starts
