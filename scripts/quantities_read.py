"""Read the quantities of an `analyze --jsonl` file: a random sample to judge, or a diff of two runs.

    newsgraph -q analyze --jsonl ../shared/data/corpus/news.jsonl --out A.jsonl
    # 40 random quantities, each with its sentence ([[…]] marks the quantity's span)
    python scripts/quantities_read.py sample A.jsonl --seed 4141 --n 40
    # every quantity that differs between two runs (matched by article and span)
    python scripts/quantities_read.py diff before.jsonl after.jsonl

The sample's pool is every quantity of every article in file order; `random.Random(seed).sample`
draws from it. A quantity of the diff is printed as `-` (only before), `+` (only after) or `~`
(same span, another value, range or unit), with its sentence.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

Row = tuple[str, dict[str, Any], str]


def _rows(path: Path) -> Iterator[Row]:
    """Yield (article id, quantity, the quantity's sentence with [[…]] round its span)."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            art = json.loads(line)
            text = art["text"]
            for q in art["quantities"]:
                yield art["id"], q, _context(text, art.get("sentences") or [], q)


def _context(text: str, sentences: list[dict[str, Any]], q: dict[str, Any]) -> str:
    start, end = q["start"], q["end"]
    lo, hi = max(0, start - 150), min(len(text), end + 150)
    for s in sentences:
        if s["start"] <= start < s["end"]:
            lo, hi = s["start"], max(s["end"], end)
            break
    return (text[lo:start] + "[[" + text[start:end] + "]]" + text[end:hi]).replace("\n", " ")


def _reading(q: dict[str, Any]) -> str:
    value = q["value"] if q["low"] is None else f"{q['low']:g}–{q['high']:g}"
    approx = " ~" if q["approximate"] else ""
    return f"{value}{approx} | {q['unit']} | {q['kind']}"


def sample(path: Path, seed: int, n: int) -> None:
    """Print n random quantities as Markdown table rows, then their sentences."""
    pool = list(_rows(path))
    picked = random.Random(seed).sample(pool, min(n, len(pool)))
    print(f"pool: {len(pool)} quantities")
    print("| # | article | text | value | unit | kind | verdict |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for i, (art, q, _) in enumerate(picked, 1):
        print(f"| {i} | {art} | {q['text']} | {_reading(q)} |  |")
    print()
    for i, (_art, _q, sentence) in enumerate(picked, 1):
        print(f"{i}. {sentence}")


def diff(before: Path, after: Path) -> None:
    """Print every quantity that is new, gone or read differently between two runs."""
    old = {(a, q["start"], q["end"]): (q, s) for a, q, s in _rows(before)}
    new = {(a, q["start"], q["end"]): (q, s) for a, q, s in _rows(after)}
    changed = 0
    for key in sorted(old.keys() | new.keys()):
        art = key[0]
        if key not in new:
            q, s = old[key]
            print(f"- {art} {q['text']!r} {_reading(q)}\n    {s}")
        elif key not in old:
            q, s = new[key]
            print(f"+ {art} {q['text']!r} {_reading(q)}\n    {s}")
        elif _reading(old[key][0]) != _reading(new[key][0]):
            q, s = new[key]
            print(f"~ {art} {q['text']!r} {_reading(old[key][0])} -> {_reading(q)}\n    {s}")
        else:
            continue
        changed += 1
    print(f"changed: {changed} (before {len(old)}, after {len(new)} quantities)")


def main() -> None:
    """Run the sample or diff command."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p_sample = sub.add_parser("sample", help="random quantities to judge")
    p_sample.add_argument("analyses", type=Path)
    p_sample.add_argument("--seed", type=int, required=True)
    p_sample.add_argument("--n", type=int, default=40)
    p_diff = sub.add_parser("diff", help="quantities that differ between two runs")
    p_diff.add_argument("before", type=Path)
    p_diff.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "sample":
        sample(args.analyses, args.seed, args.n)
    else:
        diff(args.before, args.after)


if __name__ == "__main__":
    main()
