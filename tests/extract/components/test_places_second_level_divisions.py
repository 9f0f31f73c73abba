"""Tests of the second-level divisions outside the US (`_gazetteer_divisions`, `_places_lone_divisions`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.components._gazetteer import ADMIN2, get_gazetteer
from newsgraph.extract.components._gazetteer_divisions import bare_name
from newsgraph.models import Analysis
from tests.support.places import place_at

Analyze = Callable[..., Analysis]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Province of Guimaras", ("Guimaras", True)),
        ("Provincia di Lecco", ("Lecco", False)),
        ("Comuna Valea Mare", ("Valea Mare", False)),
        ("Kalungu District", ("Kalungu", True)),
        ("Solna Kommun", ("Solna", False)),
        ("Guimaras", ("Guimaras", True)),
    ],
)
def test_gazetteer_divisions_bare_name_drops_the_designation(name: str, expected: tuple[str, bool]) -> None:
    assert bare_name(name) == expected


def test_gazetteer_divisions_a_province_with_no_other_record_is_found() -> None:
    g = get_gazetteer()
    for name in ("Guimaras", "Province of Guimaras", "Eastern Samar"):
        found = [(m.entry.feature, m.entry.country, m.how) for m in g.lookup(name)]
        assert found == [(ADMIN2, "PH", "alternate")], (name, found)


def test_gazetteer_divisions_a_name_with_a_record_keeps_it_alone() -> None:
    # Latina is an Italian province too, but a city's name first: no division is added to it
    features = {m.entry.feature for m in get_gazetteer().lookup("Latina")}
    assert ADMIN2 not in features, features


def test_places_a_province_of_the_philippines_gets_a_point(analyze_text: Analyze) -> None:
    text = (
        "Heavy rain flooded rice fields in Guimaras on Tuesday, and the Philippine disaster office "
        "said two bridges were closed."
    )
    analysis = analyze_text(text, clean=False)
    province = place_at(analysis, text.index("Guimaras"))
    assert province.country == "PH", (province.name, province.country)
    assert province.lat is not None
    assert abs(province.lat - 10.6) < 1.0
    assert abs(province.lon - 122.6) < 1.0


def test_places_a_district_of_india_gets_a_point(analyze_text: Analyze) -> None:
    text = "Farmers in Neemuch protested against the new crop prices, Indian police said on Friday."
    analysis = analyze_text(text, clean=False)
    district = place_at(analysis, text.index("Neemuch"))
    assert district.country == "IN", (district.name, district.country)


def test_places_a_division_of_a_country_the_article_never_reaches_gets_no_point(
    analyze_text: Analyze,
) -> None:
    # Guimaras is a province of the Philippines; this story names no place there
    text = "Heavy rain flooded rice fields in Guimaras on Tuesday, and two bridges were closed."
    analysis = analyze_text(text, clean=False)
    found = [p for p in analysis.places if p.name == "Guimaras" and p.lat is not None]
    assert not found, found


def test_places_a_word_naming_a_foreign_district_stays_in_its_own_country(analyze_text: Analyze) -> None:
    text = (
        "Hotels along the French Riviera were full in August, the tourism office in Paris said, "
        "and prices rose across France."
    )
    analysis = analyze_text(text, clean=False)
    assert all(p.country != "CH" for p in analysis.places), [(p.name, p.country) for p in analysis.places]
