"""US towns of 1,000 to 5,000 people: names the gazetteer lacks, read only inside a named US state.

Local US news names many towns under the gazetteer's 5,000 people ("Philippi, West Virginia",
"Riverdale" in a New Jersey story). Taken as gazetteer names they would match words and far
places everywhere, so they are kept apart (`newsgraph/data/us_towns.tsv.gz`, built by
`scripts/build_us_towns.py` from GeoNames, CC BY 4.0) and a name finds one only in a state the
article gives it: its qualifier, or a state (or a county of it) the article names.
"""

from __future__ import annotations

import gc
import gzip
from collections.abc import Collection
from functools import cache
from importlib import resources

from newsgraph.extract.components._gazetteer import CITY, GeoEntry, name_key


class UsTowns:
    """The small US towns by name.

    Rows stay as read (state, county, name, lat, lon, population, GeoNames id) until a name finds
    its town: building ten thousand records at start-up would cost more than every look-up.
    """

    def __init__(self, text: str) -> None:
        """Index the rows of `us_towns.tsv` by the lookup key of their name."""
        self._by_name: dict[str, list[tuple[str, ...]]] = {}
        for line in text.splitlines():
            if line and not line.startswith("#"):
                row = tuple(line.split("\t"))
                self._by_name.setdefault(name_key(row[2]), []).append(row)

    def __contains__(self, name: str) -> bool:
        return name_key(name) in self._by_name

    def find(
        self, name: str, states: Collection[str], counties: Collection[tuple[str, str]] = ()
    ) -> GeoEntry | None:
        """Return the one town of this name in `states` (postal codes), else None.

        Two towns of the name in those states are told apart only by a county the article names
        (`counties`: (state, "Morris County") pairs); otherwise the name stays unresolved.
        """
        rows = [r for r in self._by_name.get(name_key(name), ()) if r[0] in states]
        if len(rows) > 1:
            rows = [r for r in rows if (r[0], r[1]) in counties]
        return _entry(rows[0]) if len(rows) == 1 else None

    def in_counties(self, name: str, counties: Collection[tuple[str, str]]) -> GeoEntry | None:
        """Return the one town of this name in one of `counties` ((state, "Scott County") pairs)."""
        rows = [r for r in self._by_name.get(name_key(name), ()) if (r[0], r[1]) in counties]
        return _entry(rows[0]) if len(rows) == 1 else None


@cache
def _entry(row: tuple[str, ...]) -> GeoEntry:
    state, _county, name, lat, lon, population, geonameid = row
    return GeoEntry(
        name=name,
        feature=CITY,
        lat=float(lat),
        lon=float(lon),
        country="US",
        admin1=state,
        population=int(population),
        geonameid=int(geonameid),
    )


@cache
def us_towns() -> UsTowns:
    """Return the small US towns shipped with the package (read once per process)."""
    data = resources.files("newsgraph.data").joinpath("us_towns.tsv.gz").read_bytes()
    collecting = gc.isenabled()
    gc.disable()  # ~80,000 strings that live as long as the process: no collections meanwhile
    try:
        return UsTowns(gzip.decompress(data).decode("utf-8"))
    finally:
        if collecting:
            gc.enable()
