"""Tests of a body of water's name as one place (`_places_waters`): "the Gulf of Guinea" is no
mention of Guinea, "the Sea of Japan" none of Japan."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.places import place_at

Analyze = Callable[..., Analysis]


def _names(analysis: Analysis) -> list[str]:
    return [p.name for p in analysis.places]


def test_places_a_gulf_named_for_a_country_is_no_mention_of_the_country(analyze_text: Analyze) -> None:
    text = "Gunmen boarded an oil tanker in the Gulf of Guinea on Sunday, Ghana's navy said."
    analysis = analyze_text(text)
    gulf = place_at(analysis, text.index("Gulf"))
    assert gulf.name == "Gulf of Guinea" and gulf.feature == "sea", (gulf.name, gulf.feature)
    assert gulf.lat is None and gulf.country is None  # Guinea's centre is no point of the gulf
    assert "Guinea" not in _names(analysis) and "Persian Gulf" not in _names(analysis), _names(analysis)


def test_places_a_sea_of_a_country_is_one_place(analyze_text: Analyze) -> None:
    text = "A patrol boat stopped two fishing vessels in the Sea of Japan, officials in Seoul said on Friday."
    analysis = analyze_text(text)
    sea = place_at(analysis, text.index("Sea of"))
    assert sea.name == "Sea of Japan" and sea.feature == "sea", (sea.name, sea.feature)
    assert "Japan" not in _names(analysis), _names(analysis)


def test_places_a_head_before_of_tagged_apart_is_one_place(analyze_text: Analyze) -> None:
    text = "The airliner circled over the Bay of Biscay for an hour before it landed safely in Bordeaux."
    analysis = analyze_text(text)
    bay = place_at(analysis, text.index("Bay"))
    assert bay.name == "Bay of Biscay" and bay.feature == "sea", (bay.name, bay.feature)


def test_places_a_sea_the_gazetteer_has_resolves_to_it(analyze_text: Analyze) -> None:
    text = "Rigs in the Gulf of Mexico shut down as the storm moved north toward Louisiana."
    analysis = analyze_text(text)
    gulf = place_at(analysis, text.index("Gulf"))
    assert gulf.name == "Gulf of Mexico" and gulf.lat is not None, (gulf.name, gulf.lat)
    assert "Mexico" not in _names(analysis), _names(analysis)


def test_places_a_bay_lies_at_the_town_it_is_named_for(analyze_text: Analyze) -> None:
    text = "Detainees were flown to the naval base at Guantanamo Bay, Cuba, on military planes last week."
    analysis = analyze_text(text)
    bay = place_at(analysis, text.index("Guantanamo"))
    assert bay.name == "Guantanamo Bay" and bay.country == "CU", (bay.name, bay.country)


def test_places_a_town_named_with_a_water_head_stays_the_town(analyze_text: Analyze) -> None:
    text = "Voters lined up in Green Bay, Wisconsin, while the Tampa Bay Times endorsed her."
    analysis = analyze_text(text)
    town = place_at(analysis, text.index("Green Bay"))
    assert town.name == "Green Bay" and town.feature == "city", (town.name, town.feature)
    tampa = place_at(analysis, text.index("Tampa"))
    assert not tampa.literal, tampa.name
