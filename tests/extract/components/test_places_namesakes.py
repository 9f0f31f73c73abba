"""Tests of a famous city against its small US namesake (`_places_namesakes`)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.places import place_at

Analyze = Callable[..., Analysis]


def test_places_a_home_state_named_elsewhere_does_not_pull_a_famous_city(analyze_text: Analyze) -> None:
    text = (
        "Senator Jane Roe of Texas said on Monday that taxes would wait. Weeks after the attacks "
        "in Paris, voters in Iowa put security first."
    )
    analysis = analyze_text(text, clean=False)
    paris = place_at(analysis, text.index("Paris"))
    assert paris.country == "FR", (paris.name, paris.admin1)


def test_places_a_home_state_does_not_pull_a_famous_smaller_city(analyze_text: Analyze) -> None:
    text = (
        "Tom Poe, a party official from Tennessee, spoke briefly on Monday. The delegates will "
        "meet in Cleveland in July to pick a nominee."
    )
    analysis = analyze_text(text, clean=False)
    cleveland = place_at(analysis, text.index("Cleveland"))
    assert cleveland.admin1 == "Ohio", (cleveland.name, cleveland.admin1)


def test_places_a_little_known_namesake_yields_to_a_world_city(analyze_text: Analyze) -> None:
    text = (
        "Officials in Washington were briefed on Monday about Russia. The envoy's tour went "
        "through St. Petersburg, Tehran and Damascus before it reached Ankara."
    )
    analysis = analyze_text(text, clean=False)
    city = place_at(analysis, text.index("St. Petersburg"))
    assert city.country == "RU", (city.name, city.admin1)


def test_places_a_famous_city_abroad_needs_its_country_in_the_story(analyze_text: Analyze) -> None:
    text = (
        "Ann Roe of Denver said on Monday that mercury was spilled in Peru. It fell along a road "
        "in the communities of San Juan, Choropampa and Magdalena."
    )
    analysis = analyze_text(text, clean=False)
    town = place_at(analysis, text.index("San Juan"))
    assert town.country != "PR", (town.name, town.country)


def test_places_a_namesake_with_its_state_in_the_sentence_stays(analyze_text: Analyze) -> None:
    text = (
        "Senator Jane Roe of Texas said on Monday that taxes would wait. The Texas town of Paris "
        "held its county fair, and farmers near Paris sold cattle."
    )
    analysis = analyze_text(text, clean=False)
    paris = place_at(analysis, text.index("Paris"))
    assert paris.admin1 == "Texas", (paris.name, paris.admin1)
