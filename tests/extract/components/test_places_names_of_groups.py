"""Tests of place names inside a masthead's, a group's or a fund's name, and of the EU as a body."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.places import place_at

Analyze = Callable[..., Analysis]


def test_places_a_toponym_in_a_masthead_group_or_fund_is_no_place(analyze_text: Analyze) -> None:
    text = (
        "The mayor told The Omaha Register on Tuesday that the plant in Lincoln would close. A survey by "
        "the Oregon Weekly found the same, and the Kenyan Investment Review said prices rose. The Canadian "
        "Unity Fund paid for the ads, and shares of the American Harvest Group fell in Chicago."
    )
    analysis = analyze_text(text, clean=False)
    for name in ("Omaha", "Oregon", "Kenyan", "Canadian", "American"):
        place = place_at(analysis, text.index(name))  # still a toponym, with its point
        assert not place.literal and place.lat is not None, name
    assert place_at(analysis, text.index("Lincoln")).literal  # the plant stands there
    assert place_at(analysis, text.index("Chicago")).literal


def test_places_the_eu_after_to_or_from_is_the_body(analyze_text: Analyze) -> None:
    text = (
        "The merger still needs clearance from the European Union, the firm said. Blood samples were "
        "sent to the EU reference laboratory, and the minister spoke at the European Parliament on Friday."
    )
    analysis = analyze_text(text, clean=False)
    for name in ("European Union", "EU", "European Parliament"):
        place = place_at(analysis, text.index(name))
        assert not place.literal, name


def test_places_the_eu_after_a_locative_stays_a_place(analyze_text: Analyze) -> None:
    text = (
        "Flu cases rose in the European Union last winter. Travellers from outside the EU must show a "
        "test, and trade across the EU slowed."
    )
    analysis = analyze_text(text, clean=False)
    assert place_at(analysis, text.index("European Union")).literal
    assert place_at(analysis, text.index("EU must")).literal
    assert place_at(analysis, text.index("EU slowed")).literal


def test_places_a_toponym_that_starts_a_team_name_is_no_place(analyze_text: Analyze) -> None:
    text = (
        "The Minnesota Vikings signed a kicker on Sunday. Fans of the Detroit Lions and the Toronto Maple "
        "Leafs gathered in Minneapolis, and the Minnesota Senate passed the stadium bill."
    )
    analysis = analyze_text(text, clean=False)
    for at in (text.index("Minnesota Vikings"), text.index("Detroit"), text.index("Toronto")):
        place = place_at(analysis, at)  # still a toponym, with its point
        assert not place.literal and place.lat is not None, text[at : at + 10]
    assert place_at(analysis, text.index("Minneapolis")).literal
    assert place_at(analysis, text.index("Minnesota Senate")).literal  # a state's own body stays its state
