"""Count the places error classes of issue 20's eighth pass in a dump of `places_read.py`.

    PYTHONPATH=src .venv/bin/python scripts/places_classes.py after.jsonl ../shared/data/quotes/train.jsonl \
        --slices 0,350,700,780

Each class is counted by a plain test on the dump (the mention, its resolution, the words around
it), so the counts are a reader's tally, not a gold score: "EU" marked a place of the story,
"St."/"Ft."/"Mt." names left unresolved, a building placed by a town name it shares with others
(confidence under 0.8), a company named for a town taken as a place, a state nickname not read as
the state, and "Washington"/"New York" read as the city beside a US state it is listed with.
`--slices` splits the articles by their line number in the source file.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

_EU = re.compile(r"European Union|EU|E\.U\.")
_ABBREVIATED = re.compile(r"(?:St|Ste|Ft|Mt)\.? ")
_COMPANY = re.compile(r" (?:Research|Analytica|Networks)\b")
_LIST = re.compile(r",? (?:and|or) ")
_NICKNAME = re.compile(
    r"\b(?:Yellowhammer|Grand Canyon|Natural|Centennial|Constitution|Nutmeg|Sunshine|Peach|Aloha|Gem|"
    r"Prairie|Hoosier|Hawkeye|Sunflower|Bluegrass|Pelican|Pine Tree|Old Line|Bay|Great Lakes|Wolverine|"
    r"North Star|Gopher|Magnolia|Show[- ]Me|Treasure|Cornhusker|Silver|Granite|Garden|Tar Heel|"
    r"Peace Garden|Buckeye|Sooner|Beaver|Keystone|Ocean|Palmetto|Mount Rushmore|Volunteer|Lone Star|"
    r"Beehive|Green Mountain|Evergreen|Mountain|Badger|Equality|Cowboy) [Ss]tate\b"
    r"(?! (?:Building|Park|Parkway|University|College|Bank|Police))"
)


def classes_of(r: dict, rows: list[dict], text: str) -> list[str]:
    """Return the error classes one place mention falls in."""
    m, found = r["mention"], []
    if _EU.fullmatch(m) and r["literal"]:
        found.append("EU taken as a place of the story")
    if _ABBREVIATED.match(m) and r["feature"] != "facility" and (r["lat"] is None or r["by"] == "containing"):
        found.append("St./Ft./Mt. name not found by its name")
    inner_town = r["by"] == "inner" and not m.startswith(("University of", "U.S."))
    if inner_town and r["lat"] is not None and (r["confidence"] or 1) < 0.8:
        found.append("building placed by a town name it shares with others")
    if r["literal"] and r["feature"] in ("city", "locality") and _COMPANY.match(text, r["end"]):
        found.append("company named for a town taken as a place")
    if m in ("Washington", "New York") and r["feature"] == "city":
        for u in rows:
            gap = text[r["end"] : u["start"]] if u["start"] >= r["end"] else text[u["end"] : r["start"]]
            if u is not r and _LIST.fullmatch(gap) and u["feature"] == "admin1" and u["country"] == "US":
                found.append("state-and-city name listed with states read as the city")
                break
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dump", type=Path)
    parser.add_argument("source", type=Path, help="the articles' JSONL (for their text and order)")
    parser.add_argument(
        "--slices", default="", help="line numbers that split the articles, e.g. 0,350,700,780"
    )
    args = parser.parse_args()
    articles = [
        json.loads(line) for line in args.source.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    texts = {str(a["id"]): a["text"] for a in articles}
    order = {str(a["id"]): i for i, a in enumerate(articles)}
    bounds = [int(b) for b in args.slices.split(",") if b]

    def slice_of(article: str) -> str:
        i = order[article]
        return next((f"{a}-{b}" for a, b in itertools.pairwise(bounds) if a <= i < b), "all")

    by_article: dict[str, list[dict]] = defaultdict(list)
    for line in args.dump.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        by_article[r["article"]].append(r)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for article, rows in by_article.items():
        text, where = texts[article], slice_of(article)
        for r in rows:
            for name in classes_of(r, rows, text):
                counts[name][where] += 1
        for m in _NICKNAME.finditer(text):
            if not any(r["feature"] == "admin1" and r["start"] <= m.start() < r["end"] for r in rows):
                counts["state nickname not read as the state"][where] += 1
    for name in sorted(counts):
        print(f"{name}: " + ", ".join(f"{s} {n}" for s, n in sorted(counts[name].items())))


if __name__ == "__main__":
    main()
