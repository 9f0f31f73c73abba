"""US towns of 1,000 to 5,000 people: names the gazetteer lacks, read only inside a named US state.

Local US news names many towns under the gazetteer's 5,000 people ("Philippi, West Virginia",
"Riverdale" in a New Jersey story). Taken as gazetteer names they would match words and far
places everywhere, so they are kept apart (`newsgraph/data/us_towns.tsv.gz`, built by
`scripts/build_us_towns.py` from GeoNames, CC BY 4.0) and a name finds one only in a state the
article gives it: its qualifier, or a state (or a county of it) the article names.
"""

from __future__ import annotations

import gzip
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsgraph.extract.components._gazetteer import CITY, GeoEntry, name_key


@dataclass(frozen=True, slots=True)
class Town:
    """One small US town: its gazetteer record and its county ("Morris County", or "")."""

    entry: GeoEntry
    county: str


class UsTowns:
    """The small US towns by name."""

    def __init__(self, text: str) -> None:
        """Read the rows of `us_towns.tsv` (state, county, name, lat, lon, population, GeoNames id)."""
        self._by_name: dict[str, list[Town]] = {}
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            state, county, name, lat, lon, population, geonameid = line.split("\t")
            entry = GeoEntry(
                name=name,
                feature=CITY,
                lat=float(lat),
                lon=float(lon),
                country="US",
                admin1=state,
                population=int(population),
                geonameid=int(geonameid),
            )
            self._by_name.setdefault(name_key(name), []).append(Town(entry, county))

    def __contains__(self, name: str) -> bool:
        return name_key(name) in self._by_name

    def find(
        self, name: str, states: Collection[str], counties: Collection[tuple[str, str]] = ()
    ) -> GeoEntry | None:
        """Return the one town of this name in `states` (postal codes), else None.

        Two towns of the name in those states are told apart only by a county the article names
        (`counties`: (state, "Morris County") pairs); otherwise the name stays unresolved.
        """
        towns = [t for t in self._by_name.get(name_key(name), ()) if t.entry.admin1 in states]
        if len(towns) > 1:
            towns = [t for t in towns if (t.entry.admin1, t.county) in counties]
        return towns[0].entry if len(towns) == 1 else None

    def in_counties(self, name: str, counties: Collection[tuple[str, str]]) -> GeoEntry | None:
        """Return the one town of this name in one of `counties` ((state, "Scott County") pairs)."""
        towns = [t for t in self._by_name.get(name_key(name), ()) if (t.entry.admin1, t.county) in counties]
        return towns[0].entry if len(towns) == 1 else None


@cache
def us_towns() -> UsTowns:
    """Return the small US towns shipped with the package (read once per process)."""
    data = resources.files("newsgraph.data").joinpath("us_towns.tsv.gz").read_bytes()
    return UsTowns(gzip.decompress(data).decode("utf-8"))
