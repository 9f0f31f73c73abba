"""Tests of people's names that are no places (`_places_people`) and of a toponym grown past the
tagger's name, which is no mention of that name's entity (`ToponymFinder._extend`)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.places import place_at

Analyze = Callable[..., Analysis]


def test_places_a_name_grown_past_its_entity_is_not_that_entity(analyze_text: Analyze) -> None:
    text = (
        "Health teams from Brazil visited the river towns between Suriname and French Guiana in May. "
        "Doctors in Guinea and in Guinea-Bissau reported new cases of the fever the same week."
    )
    analysis = analyze_text(text, clean=False)
    entities = {e.id: e for e in analysis.entities}
    for name in ("French Guiana", "Guinea-Bissau"):
        place = place_at(analysis, text.index(name))
        entity = entities.get(place.entity) if place.entity else None
        assert entity is None or entity.name == place.name, (name, entity)


def test_places_a_name_after_a_courtesy_title_is_a_person(analyze_text: Analyze) -> None:
    text = (
        "Mr. English, who ran the campaign in Iowa, met Dr. Guerrero in Des Moines on Friday. English "
        "beef and a trip to Guerrero were not discussed."
    )
    analysis = analyze_text(text, clean=False)
    mentioned = {m.start for p in analysis.places for m in p.mentions}
    assert text.index("English") not in mentioned  # Mr. English, the campaign's director
    assert text.index("Guerrero") not in mentioned  # Dr. Guerrero
    assert text.rindex("English") in mentioned  # English beef: England's
    assert text.rindex("Guerrero") in mentioned  # a trip to Guerrero: the Mexican state
