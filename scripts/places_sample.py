"""Draw random resolved places from an Analysis JSONL for a hand read, each at its first mention.

    python scripts/places_sample.py ANALYSES.jsonl [MORE.jsonl ...] --seed 2032 [--n 30] [--us-local]

ANALYSES.jsonl is the output of `newsgraph analyze --jsonl ... --out`. A place is drawn when it is
literal and has a point; places are listed in article order (the files in the order given, each in
file order, then each article's places, which are in first-mention order), so one seed on the same
outputs always draws the same places. `--us-local` keeps only places in the US below state level
(towns, counties, landmarks, regions): the kind of place local US news names. Each is printed as one
JSON line with ±75 characters of context around its first mention.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

BELOW_STATE = frozenset({"city", "admin2", "facility", "locality", "region"})


def resolved_places(path: Path, us_local: bool = False) -> list[dict]:
    """Return the literal places with a point of every analysis in `path`, in article order."""
    places = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            analysis = json.loads(line)
            text = analysis["text"]
            for place in analysis["places"]:
                if not place.get("literal") or place.get("lat") is None:
                    continue
                if us_local and (place.get("country") != "US" or place.get("feature") not in BELOW_STATE):
                    continue
                first = min(place["mentions"], key=lambda m: m["start"])
                before = text[max(0, first["start"] - 75) : first["start"]]
                after = text[first["end"] : first["end"] + 75]
                places.append(
                    {
                        "article": analysis["id"],
                        "start": first["start"],
                        "mention": first["text"],
                        "context": f"{before}**{first['text']}**{after}".replace("\n", " "),
                        "name": place["name"],
                        "feature": place["feature"],
                        "country": place["country"],
                        "admin1": place["admin1"],
                        "lat": place["lat"],
                        "lon": place["lon"],
                        "by": place["resolved_by"],
                        "confidence": place["confidence"],
                        "mentions": [m["text"] for m in place["mentions"]],
                    }
                )
    return places


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("analyses", type=Path, nargs="+")
    parser.add_argument("--seed", type=int, default=2032)
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--us-local", action="store_true", help="only US places below state level")
    args = parser.parse_args()
    places = [place for path in args.analyses for place in resolved_places(path, args.us_local)]
    print(f"{len(places)} literal places with a point")
    for i, place in enumerate(random.Random(args.seed).sample(places, args.n), 1):
        print(json.dumps({"#": i, **place}, ensure_ascii=False))


if __name__ == "__main__":
    main()
