"""List every place mention that differs between two analyses of the same articles.

    python scripts/places_diff.py BEFORE.jsonl AFTER.jsonl

Both files are outputs of `newsgraph analyze --jsonl ... --out` over the same inputs. A mention is
keyed by article and character span; it differs when its place's name, feature, country, admin1,
point, resolution, confidence or literal flag differs, or when it is found on one side only. Each
difference is printed with ±70 characters of context. Top-level fields other than `places` that
differ are named per article (events refer to places by id, so a removed place renumbers them).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

Row = tuple[object, ...]
FIELDS = ("name", "feature", "country", "admin1", "lat", "lon", "resolved_by", "confidence", "literal")


def analyses(path: Path) -> dict[str, dict]:
    """Return the analyses of `path` by article id."""
    with path.open(encoding="utf-8") as lines:
        return {a["id"]: a for a in map(json.loads, filter(str.strip, lines))}


def mention_rows(analysis: dict) -> dict[tuple[int, int], Row]:
    """Return each place mention's span with what the analysis says of its place."""
    rows: dict[tuple[int, int], Row] = {}
    for place in analysis["places"]:
        row = tuple(place.get(key) for key in FIELDS)
        for mention in place["mentions"]:
            rows[(mention["start"], mention["end"])] = (mention["text"], *row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args()
    before, after = analyses(args.before), analyses(args.after)
    if before.keys() != after.keys():
        raise SystemExit(f"the files hold different articles ({len(before)} vs {len(after)})")
    changed, articles, other = 0, set(), 0
    for article_id, old in before.items():
        new = after[article_id]
        old_rows, new_rows = mention_rows(old), mention_rows(new)
        for span in sorted(old_rows.keys() | new_rows.keys()):
            if old_rows.get(span) == new_rows.get(span):
                continue
            changed += 1
            articles.add(article_id)
            start, end = span
            context = old["text"][max(0, start - 70) : end + 50].replace("\n", " ")
            print(f"{article_id} | …{context}…")
            print(f"    {old_rows.get(span)}\n -> {new_rows.get(span)}")
        for field in old:
            if field != "places" and old[field] != new.get(field):
                other += 1
                print(f"OTHER FIELD {article_id} {field}")
    print(f"{changed} mention rows changed in {len(articles)} articles; {other} other fields differ")


if __name__ == "__main__":
    main()
