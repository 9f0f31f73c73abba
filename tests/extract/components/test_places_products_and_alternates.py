"""Tests of a product's own word that is a place's name (`_places_products`) and of a world city
known by a town's name only as a GeoNames alternate (`_places_namesakes`)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.places import place_at

Analyze = Callable[..., Analysis]


def test_places_a_car_model_named_like_a_state_is_no_place(analyze_text: Analyze) -> None:
    text = "The plant makes the Crown Victoria and Grand Marquis cars for police fleets."
    analysis = analyze_text(text, clean=False)
    assert not any("Victoria" in m.text for p in analysis.places for m in p.mentions), analysis.places


def test_places_a_country_inside_a_product_name_is_still_the_country(analyze_text: Analyze) -> None:
    text = 'Bailout talks for the "Big Three" United States automakers resumed in the Senate on Monday.'
    analysis = analyze_text(text, clean=False)
    country = place_at(analysis, text.index("United States"))
    assert country.country == "US", (country.name, country.country)


def test_places_a_town_of_the_state_keeps_its_name_against_a_foreign_spelling(analyze_text: Analyze) -> None:
    text = "Steelworkers in Pennsylvania lost their jobs. The mill in Bethlehem closed for good."
    analysis = analyze_text(text, clean=False)
    town = place_at(analysis, text.index("Bethlehem"))
    assert (town.country, town.admin1) == ("US", "Pennsylvania"), (town.name, town.country)


def test_places_a_town_of_the_region_keeps_its_name_against_a_foreign_spelling(analyze_text: Analyze) -> None:
    text = "Pilgrims gathered in the West Bank on Christmas Eve. In Bethlehem, the square was crowded."
    analysis = analyze_text(text, clean=False)
    town = place_at(analysis, text.index("Bethlehem"))
    assert town.country == "PS", (town.name, town.country)


def test_places_a_californian_town_is_not_the_mexican_city_spelled_alike(analyze_text: Analyze) -> None:
    text = "Tourists filled California's coast this summer. In Monterey, hotels were full all week."
    analysis = analyze_text(text, clean=False)
    town = place_at(analysis, text.index("Monterey"))
    assert (town.country, town.admin1) == ("US", "California"), (town.name, town.country)
