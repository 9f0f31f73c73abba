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
def _spreads(g: Gazetteer) -> dict[tuple[str, str | None], float]:
    """Return the median distance (km) of the towns of each country (code, None) and division
    (code, division) from its point."""
    distances: dict[tuple[str, str | None], list[float]] = defaultdict(list)
    for town in g.cities():
        if town.country is None:
            continue
        for key, area in (
            ((town.country, None), g.countries.get(town.country)),
            ((town.country, town.admin1), g.admin1.get((town.country, town.admin1 or ""))),
        ):
            if area is not None:
                distances[key].append(distance_km(town.lat, town.lon, area.lat, area.lon))
    return {key: statistics.median(found) for key, found in distances.items()}


def container_confidence(g: Gazetteer, container: GeoEntry) -> float:
    """Return how sure the point of a country or division is for a place the gazetteer lacks in it.

    A country or division whose towns mostly lie within 161 km of its point (Luxembourg, Maryland,
    Scotland) is `SURE`; a wider one (Quebec, Ontario, the Philippines, the United Kingdom) only a
    `GUESS`. Other containers, and ones without towns in the gazetteer, are `SURE`.
    """
    if container.country is None or container.feature not in (COUNTRY, ADMIN1):
        return SURE
    key = (container.country, container.admin1 if container.feature == ADMIN1 else None)
    spread = _spreads(g).get(key)
    return GUESS if spread is not None and spread > NEAR_KM else SURE
