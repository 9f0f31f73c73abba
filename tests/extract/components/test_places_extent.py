"""How sure a country's or division's point is for a place the gazetteer lacks inside it."""

from __future__ import annotations

import pytest

from newsgraph.extract.components._gazetteer import get_gazetteer
from newsgraph.extract.components._places_extent import GUESS, SURE, container_confidence


@pytest.mark.parametrize(
    ("country", "division", "expected"),
    [
        ("CA", "10", GUESS),  # Quebec: its towns lie hundreds of km from its point
        ("US", "MD", SURE),  # Maryland: most towns within 161 km
        ("GB", "SCT", SURE),  # Scotland
        ("LU", None, SURE),  # Luxembourg
        ("PH", None, GUESS),  # the Philippines
        ("GB", None, GUESS),  # the United Kingdom as a whole
    ],
)
def test_container_confidence_follows_how_far_its_towns_spread(
    country: str, division: str | None, expected: float
) -> None:
    g = get_gazetteer()
    area = g.countries[country] if division is None else g.admin1[(country, division)]
    assert container_confidence(g, area) == expected


def test_a_town_is_no_container_and_keeps_the_sure_confidence() -> None:
    g = get_gazetteer()
    town = next(t for t in g.cities() if t.country == "CA" and t.admin1 == "10")
    assert container_confidence(g, town) == SURE
