"""Tests of a place's name that ends an organisation's name (`_places_name_ends`)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.places import place_at

Analyze = Callable[..., Analysis]


def test_places_a_place_that_ends_a_brand_or_a_campaign_is_no_place(analyze_text: Analyze) -> None:
    text = (
        "The budget carrier Garuda Indonesia ordered ten jets on Monday, a spokesman for Emerge USA said in "
        "Denver. Staff of Breakthrough Action Nigeria handed out leaflets in Kano, and ABC Australia "
        "filmed the queues."
    )
    analysis = analyze_text(text, clean=False)
    for name in ("Indonesia", "USA", "Nigeria", "Australia"):
        place = place_at(analysis, text.index(name))  # still a toponym, with its point
        assert not place.literal and place.lat is not None, name
    assert place_at(analysis, text.index("Denver")).literal
    assert place_at(analysis, text.index("Kano")).literal


def test_places_a_part_of_a_place_or_a_senator_s_state_stays_a_place(analyze_text: Analyze) -> None:
    text = (
        "Rents rose fastest in Upper Manhattan last year, and the Western Balkans saw more tourists. "
        "The Independent Vermont senator spoke in Burlington on Friday. Sub-Saharan Africa grew fastest."
    )
    analysis = analyze_text(text, clean=False)
    for name in ("Manhattan", "Balkans", "Vermont", "Burlington", "Africa"):
        place = place_at(analysis, text.index(name))
        assert place.literal, name
