"""Tests of the English names of foreign cities and of a town's state after a comma."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.places import place_at

Analyze = Callable[..., Analysis]


def test_places_an_english_name_finds_the_foreign_city(analyze_text: Analyze) -> None:
    text = "Thousands of people marched through Odessa on Sunday, and the police kept their distance."
    analysis = analyze_text(text, clean=False)
    city = place_at(analysis, text.index("Odessa"))
    assert city.country == "UA", (city.name, city.country, city.admin1)


def test_places_an_english_name_the_gazetteer_spells_otherwise(analyze_text: Analyze) -> None:
    text = "The football club from Seville lost at home on Saturday, its third defeat in a row."
    analysis = analyze_text(text, clean=False)
    city = place_at(analysis, text.index("Seville"))
    assert (city.name, city.country) == ("Sevilla", "ES"), (city.name, city.country)


def test_places_an_english_name_yields_to_its_namesake_in_a_story_of_its_state(
    analyze_text: Analyze,
) -> None:
    text = "Oil workers in Texas lost their jobs this year. In Midland and Odessa, rigs stood idle."
    analysis = analyze_text(text, clean=False)
    town = place_at(analysis, text.index("Odessa"))
    assert (town.country, town.admin1) == ("US", "Texas"), (town.name, town.country, town.admin1)


def test_places_a_town_named_like_a_state_keeps_its_state_after_a_comma(analyze_text: Analyze) -> None:
    text = "In Washington, Iowa, farmers met the senator at a diner on Friday morning."
    analysis = analyze_text(text, clean=False)
    town = place_at(analysis, text.index("Washington"))
    assert (town.feature, town.admin1) == ("city", "Iowa"), (town.name, town.admin1)


def test_places_a_town_named_like_a_state_with_an_abbreviated_state(analyze_text: Analyze) -> None:
    text = "Shop owners near Washington, Pa., said on Monday that the new road had cut their trade."
    analysis = analyze_text(text, clean=False)
    town = place_at(analysis, text.index("Washington"))
    assert (town.feature, town.admin1) == ("city", "Pennsylvania"), (town.name, town.admin1)


def test_places_a_list_of_states_is_not_a_town_and_its_state(analyze_text: Analyze) -> None:
    text = "The campaign bought airtime in Washington, Iowa, Ohio and Texas for the final week."
    analysis = analyze_text(text, clean=False)
    state = place_at(analysis, text.index("Washington"))
    assert state.feature == "admin1", (state.name, state.feature, state.admin1)
