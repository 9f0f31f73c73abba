"""Store the same analyses in several orders and batchings; print whether the stories are the same.

    .venv/bin/python scripts/stories_orders.py ANALYSES.jsonl

Orders: one run (batches of 64); four chunks (four writers, one after the other); a resumed run
(batches of 7 up to a third, then a new writer given everything again, the stored ones skipped
as duplicates); the reverse order; two shuffles; one article per batch. Stories are compared as
sets of the articles' input ids (story and article ids follow the input order).
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

import orjson
from sqlalchemy import text

from newsgraph.store.db import open_store
from newsgraph.store.writer import Writer


def stories(url: str) -> set[frozenset[str]]:
    engine = open_store(url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT story_id, doc_id FROM articles WHERE story_id IS NOT NULL")).all()
    engine.dispose()
    groups: dict[int, set[str]] = {}
    for story_id, doc_id in rows:
        groups.setdefault(story_id, set()).add(doc_id)
    return {frozenset(g) for g in groups.values()}


def run(folder: Path, name: str, batches: list[list[bytes]], writers: int = 1) -> set[frozenset[str]]:
    url = f"sqlite:///{folder / name}.db"
    engine = open_store(url)
    per = max(1, len(batches) // writers)
    for start in range(0, len(batches), per):
        writer = Writer(engine)
        for batch in batches[start : start + per]:
            writer.write(batch)
    engine.dispose()
    return stories(url)


def chunked(items: list[bytes], size: int) -> list[list[bytes]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def main() -> None:
    lines = [line for line in Path(sys.argv[1]).read_bytes().splitlines() if line.strip()]
    ids = [orjson.loads(line)["id"] for line in lines]
    assert len(set(ids)) == len(ids)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        reference = run(folder, "one", chunked(lines, 64))
        quarter = -(-len(lines) // 4)
        results = {
            "four chunks": run(folder, "four", chunked(lines, quarter), writers=4),
            "resumed": run(folder, "resumed", [*chunked(lines[: len(lines) // 3], 7), lines], writers=2),
            "reversed": run(folder, "reversed", chunked(lines[::-1], 64)),
            "one per batch": run(folder, "single", chunked(lines, 1)),
        }
        for seed in (1, 2):
            shuffled = lines[:]
            random.Random(seed).shuffle(shuffled)
            results[f"shuffled {seed}"] = run(folder, f"shuffled{seed}", chunked(shuffled, 64))
    print(f"one run: {len(reference)} stories, {sum(map(len, reference))} articles")
    for name, found in results.items():
        print(f"{name}: {'same' if found == reference else 'DIFFERENT'} ({len(found)} stories)")


if __name__ == "__main__":
    main()
