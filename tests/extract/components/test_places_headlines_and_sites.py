"""Tests of an ordinary word in a title-case line (`_places_headlines`) and of a site named after a
city's possessive (`_places_city_sites`)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.places import place_at

Analyze = Callable[..., Analysis]


def test_places_an_ordinary_word_in_a_title_case_headline_is_no_town(analyze_text: Analyze) -> None:
    text = (
        "Senator Finally Names Her Favorite Candidate – The Answer Will Surprise You\n\n"
        "Senator Jane Doe told reporters in Des Moines on Monday that she backs the governor of Iowa."
    )
    analysis = analyze_text(text, clean=False)
    at = text.index("Surprise")
    names = [p.name for p in analysis.places]
    assert not any(m.start == at for p in analysis.places for m in p.mentions), names


def test_places_a_headline_town_named_again_in_running_text_stays(analyze_text: Analyze) -> None:
    text = (
        "Storm Leaves Thousands Without Power Across Surprise And Nearby Towns\n\n"
        "About 9,000 homes in Surprise, Arizona, lost power on Monday after the storm, the utility said."
    )
    analysis = analyze_text(text, clean=False)
    town = place_at(analysis, text.index("Surprise"))
    assert town.admin1 == "Arizona", (town.name, town.admin1)


def test_places_a_site_after_a_city_possessive_lies_in_that_city(analyze_text: Analyze) -> None:
    text = (
        "Police said a gunman opened fire at Munich's Olympia mall on Friday evening. The city's "
        "police chief asked residents to stay at home."
    )
    analysis = analyze_text(text, clean=False)
    site = place_at(analysis, text.index("Olympia"))
    assert site.country == "DE", (site.name, site.country, site.admin1)


def test_places_a_park_after_a_city_possessive_takes_the_city(analyze_text: Analyze) -> None:
    text = "Protesters marched from New York's Washington Square Park to the mayor's office on Sunday."
    analysis = analyze_text(text, clean=False)
    park = place_at(analysis, text.index("Washington Square Park"))
    assert park.admin1 == "New York State", (park.name, park.admin1)


def test_places_a_site_before_in_city_after_an_appositive_lies_in_that_city(analyze_text: Analyze) -> None:
    text = (
        "Fans queued outside the Lincoln theater – a venue that seats 2,000 – in Denver before the "
        "concert on Friday."
    )
    analysis = analyze_text(text, clean=False)
    site = place_at(analysis, text.index("Lincoln"))
    assert site.admin1 == "Colorado", (site.name, site.admin1)


def test_places_a_hotel_in_a_city_is_no_namesake_town(analyze_text: Analyze) -> None:
    text = "Guests were moved out of the Hilton hotel in Cairo after the fire alarm sounded on Sunday."
    analysis = analyze_text(text, clean=False)
    site = place_at(analysis, text.index("Hilton"))
    assert site.country == "EG", (site.name, site.country)


def test_places_an_unfound_site_after_a_city_possessive_is_added(analyze_text: Analyze) -> None:
    text = "Surgeons at Milan's Niguarda hospital operated on the injured cyclist overnight, his team said."
    analysis = analyze_text(text, clean=False)
    site = place_at(analysis, text.index("Niguarda"))
    assert site.country == "IT", (site.name, site.country)


def test_places_a_sea_before_a_port_of_a_city_stays_the_sea(analyze_text: Analyze) -> None:
    text = "Grain ships left the Black Sea port of Constanta on Monday, the shipping agency said."
    analysis = analyze_text(text, clean=False)
    sea = place_at(analysis, text.index("Black Sea"))
    assert sea.feature == "sea", (sea.name, sea.feature)


def test_places_a_body_before_a_base_after_a_city_possessive_is_no_site(analyze_text: Analyze) -> None:
    text = "Sailors returned on Friday to Norfolk's Navy base after six months at sea, officials said."
    analysis = analyze_text(text, clean=False)
    at = text.index("Navy")
    names = [p.name for p in analysis.places]
    assert not any(m.start == at for p in analysis.places for m in p.mentions), names
