"""One name, one place in an article: a name the article once gives with its state keeps it.

Local news names a town or county once with its state ("OSCEOLA, Iowa —", "New Hampshire's
Rockingham County") and then bare ("in an unheated barn in Osceola", "the Rockingham County GOP").
The bare mention is the place the article placed, not a namesake the gazetteer ranks first by its
name alone (Osceola, Arkansas; Rockingham County, North Carolina). A bare mention read as a city
of 100,000 people or more keeps its reading: such a city is named bare, and a "qualifier" before
it may be a list ("a battle in Cleveland", after "in Cleveland, Georgia Republicans will cast").
So does a bare mention read as a wider place of the name, a state or a country ("the New York
primary" after "New York, N.Y."), and a name that is itself a qualifier ("New York, New York").
"""

from __future__ import annotations

from newsgraph.extract.components._gazetteer import (
    ADMIN1,
    CITY,
    CONTINENT,
    COUNTRY,
    REGION,
    SEA,
    GeoEntry,
    name_key,
)
from newsgraph.extract.components._places_toponym import BIG_TOWN, Toponym

_WIDER = frozenset({ADMIN1, COUNTRY, CONTINENT, REGION, SEA})
"""Readings of a name wider than a town or county: the name used for another place."""


def keep_stated_places(toponyms: list[Toponym]) -> None:
    """Give a bare mention the place the article names with its qualifier under the same name.

    Only a name the article qualifies one way ("Portland, Maine" and "Portland, Ore." in one
    story settle no bare "Portland").
    """
    stated: dict[str, list[Toponym]] = {}
    for t in toponyms:
        if t.entry is not None and t.qualifiers and t.resolved_by == "qualifier":
            stated.setdefault(name_key(t.text), []).append(t)
    for t in toponyms:
        if t.qualifiers or t.after_town:
            continue
        given = stated.get(name_key(t.text))
        if not given or len({g.entry.ident for g in given if g.entry is not None}) != 1:
            continue
        place = given[0].entry
        assert place is not None
        if t.entry is not None and (t.entry.ident == place.ident or _own_reading(t.entry)):
            continue
        t.entry, t.resolved_by, t.needs_point = place, "qualifier", False
        t.confidence = given[0].confidence


def _own_reading(e: GeoEntry) -> bool:
    """Tell whether a bare mention's reading stands on its own: a wider place or a big city."""
    return e.feature in _WIDER or (e.feature == CITY and e.population >= BIG_TOWN)
