"""Where the writer's CPU goes, part by part, with stories on: the profile of story assignment.

    .venv/bin/python benchmarks/bench_stories_parts.py ANALYSES.jsonl --store DIR/stories.db

STORE is a store `bench_stories.py` built (it keeps `DIR/stories.db`); ANALYSES the same
analyses. The next two blocks are written into a copy of the store (batches of `--batch`, as
`ingest` does), stories on, then off, and each part's CPU time (`time.process_time`, no
profiler: cProfile's cost per call would swamp the small functions) is summed and printed per
article. Parts nest (indented), so a part's time includes those below it; the store's size
tells whether a part grows with it (run it on stores of two sizes).
"""

from __future__ import annotations

import argparse
import functools
import shutil
import sqlite3
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from bench_stories import block

PARTS = [
    ("newsgraph.store.writer", "_Batch.run", "write a batch"),
    ("newsgraph.store.identity.resolve", "EntityResolver.flush", "  entity identity: flush"),
    ("newsgraph.store.identity.resolve", "EntityResolver.finish", "  entity identity: finish"),
    ("newsgraph.store.dedup", "MinHasher.signature", "  near-duplicates: MinHash signature"),
    ("newsgraph.store.writer", "_Batch._near_duplicates", "  near-duplicates: lookup"),
    ("newsgraph.store.stories.assign", "StoryAssigner.assign", "  stories: assign"),
    ("newsgraph.store.stories.assign", "article_features", "    features"),
    ("newsgraph.store.stories.assign", "StoryAssigner._index", "    index"),
    ("newsgraph.store.stories.assign", "StoryAssigner._links", "    links"),
    ("newsgraph.store.stories.assign", "StoryAssigner._candidates", "      candidates"),
    ("newsgraph.store.stories.assign", "compare", "      compare"),
    ("newsgraph.store.stories.assign", "StoryAssigner._join", "    join"),
]


def _timed(spent: dict[str, float], label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - start

    return timed


def instrument(spent: dict[str, float]) -> None:
    """Wrap each part of `PARTS` so its CPU time adds up in `spent`."""
    import importlib

    for module_name, path, label in PARTS:
        owner: Any = importlib.import_module(module_name)
        *outer, name = path.split(".")
        for attribute in outer:
            owner = getattr(owner, attribute)
        setattr(owner, name, _timed(spent, label, getattr(owner, name)))


def main() -> None:
    from newsgraph.store.db import open_store
    from newsgraph.store.writer import Writer

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("analyses", type=Path)
    parser.add_argument("--store", type=Path, required=True, help="a store bench_stories.py built")
    parser.add_argument("--per-day", type=int, default=150, help="as bench_stories.py was given")
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    templates = [orjson.loads(line) for line in args.analyses.read_bytes().splitlines() if line.strip()]
    with sqlite3.connect(args.store) as con:
        size = int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
    number = size // len(templates)
    items = block(templates, number, args.per_day) + block(templates, number + 1, args.per_day)
    spent: dict[str, float] = defaultdict(float)
    instrument(spent)
    for stories in (True, False):
        spent.clear()
        target = args.store.with_name(f"parts-{stories}.db")
        shutil.copyfile(args.store, target)
        engine = open_store(f"sqlite:///{target}")
        writer = Writer(engine, stories=stories)
        start = time.process_time()
        for first in range(0, len(items), args.batch):
            writer.write(items[first : first + args.batch])
        total = (time.process_time() - start) / len(items) * 1000
        engine.dispose()
        target.unlink()
        state = "on" if stories else "off"
        print(f"store of {size} articles, stories {state}: {total:.2f} ms CPU an article")
        for _, _, label in PARTS:
            if label in spent:
                print(f"  {label:<40} {spent[label] / len(items) * 1000:6.2f} ms")


if __name__ == "__main__":
    main()
