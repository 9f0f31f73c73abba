"""How far a place the gazetteer lacks may lie from the point of the country or division holding it.

"Charlevoix, Quebec", "Stroud, Ontario", "Ilocos Sur, Philippines": a name the gazetteer lacks
takes the point of its qualifier, which is right for a place in Luxembourg, Maryland or Fife,
but 500 km off in Quebec, whose towns lie far from its centre. The measure is the gazetteer's
own: the median distance of a country's or division's towns from its point. Where half its towns
lie farther than the 161 km of news geoparsing's accuracy, its point is no resolution of an
unknown place inside it, only a guess below the resolve line (the place keeps its name, no point).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from functools import cache

from newsgraph.extract.components._gazetteer import ADMIN1, COUNTRY, Gazetteer, GeoEntry, distance_km

NEAR_KM = 161.0
"""News geoparsing's accuracy radius (acc@161): a point within it is the place."""
SURE, GUESS = 0.6, 0.45
"""The confidence of a container's point for a place inside it: within reach, and too wide."""


@cache
def _towns_by_country(g: Gazetteer) -> dict[str, list[GeoEntry]]:
    """Return the gazetteer's towns grouped by their country code."""
    towns: dict[str, list[GeoEntry]] = defaultdict(list)
    for town in g.cities():
        if town.country is not None:
            towns[town.country].append(town)
    return towns


@cache
def _spread(g: Gazetteer, country: str, admin1: str | None) -> float | None:
    """Return the median distance (km) from its point of the towns of a country (`admin1` None) or
    of one of its divisions; None when the gazetteer has no such area or no towns in it.

    Worked out for the one area asked about, when first asked: most articles never ask, and the
    whole table would cost a process a second of CPU."""
    area = g.countries.get(country) if admin1 is None else g.admin1.get((country, admin1))
    if area is None:
        return None
    towns = _towns_by_country(g).get(country, [])
    found = [
        distance_km(town.lat, town.lon, area.lat, area.lon)
        for town in towns
        if admin1 is None or town.admin1 == admin1
    ]
    return statistics.median(found) if found else None


def container_confidence(g: Gazetteer, container: GeoEntry) -> float:
    """Return how sure the point of a country or division is for a place the gazetteer lacks in it.

    A country or division whose towns mostly lie within 161 km of its point (Luxembourg, Maryland,
    Scotland) is `SURE`; a wider one (Quebec, Ontario, the Philippines, the United Kingdom) only a
    `GUESS`. Other containers, and ones without towns in the gazetteer, are `SURE`.
    """
    if container.country is None or container.feature not in (COUNTRY, ADMIN1):
        return SURE
    spread = _spread(g, container.country, container.admin1 if container.feature == ADMIN1 else None)
    return GUESS if spread is not None and spread > NEAR_KM else SURE
