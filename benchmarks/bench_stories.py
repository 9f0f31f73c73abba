"""Story assignment at scale: write CPU per article with stories on and off, at growing store sizes.

    .venv/bin/python benchmarks/bench_stories.py ANALYSES.jsonl --sizes 10000,100000 --store DIR
        [--analyze-ms 300] [--pages 200]

ANALYSES.jsonl: the corpus's analyses (`newsgraph analyze --jsonl ../shared/data/corpus/news.jsonl
--out ANALYSES.jsonl`). The benchmark store is synthetic, made of copies of them:

- copy k ("block" k) of the 436 analyses has every letter of its strings replaced by a letter
  permutation of its own (seeded by k; the values the writer interprets — types, kinds, place
  features, dates — kept), so each block is a new set of articles with new names, words and
  hashes but the corpus's structure: within a block the same entities, words and places are
  shared between the same articles as in the corpus, across blocks only what no letter
  permutation changes (gazetteer ids: the same towns recur, as they do in real news);
- dated articles are spread at `--per-day` articles a day in block order (a block spans about
  three days, so an article's ±3-day window holds two or three blocks, about 1,000 articles, as
  a feed of ~150 articles a day would); undated ones stay undated, as in the corpus (about half).

The store grows by blocks through `Writer(stories=True)` (batches of `--build-batch`), the CPU
per article of each step printed, until it holds each of `--sizes`; at each size the next two
blocks are written (batches of `--batch`, as `ingest` does) into two copies of the store, one
with `Writer(stories=True)` and one with `Writer(stories=False)`, and `time.process_time` gives
the CPU seconds per article of each (the figure that holds on a loaded machine); with
`--analyze-ms` (the analysis's CPU per article, from benchmarks/cpu.py) added to both, their
ratio is the ingest rate ratio, stories on / off. Then `get_story` runs on `--pages` random
stories: p50 and p95 of its CPU and wall time.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import statistics
import string
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson

BLOCK_SEED = 1848
FIRST_DAY = date(2030, 1, 1)
KEEP = frozenset(
    {"type", "kind", "feature", "schema", "language", "mode", "value", "published", "currency", "base"}
)
"""Keys whose values the writer or the story rules interpret: not permuted."""


def _permutation(block: int) -> dict[int, int]:
    rng = random.Random(BLOCK_SEED * 1_000_003 + block)
    lower = list(string.ascii_lowercase)
    rng.shuffle(lower)
    upper = [c.upper() for c in lower]
    return str.maketrans(string.ascii_lowercase + string.ascii_uppercase, "".join(lower + upper))


def _permute(value: Any, table: dict[int, int], key: str = "") -> Any:
    if isinstance(value, str):
        return value if key in KEEP else value.translate(table)
    if isinstance(value, list):
        return [_permute(v, table, key) for v in value]
    if isinstance(value, dict):
        return {k: _permute(v, table, k) for k, v in value.items()}
    return value


def block(templates: list[dict[str, Any]], number: int, per_day: int) -> list[dict[str, Any]]:
    """Return block `number`: the analyses under a letter permutation of their own, dated in sequence."""
    table = _permutation(number)
    out = []
    for n, template in enumerate(templates):
        copy = _permute(template, table)
        serial = number * len(templates) + n
        copy["hash"] = hashlib.sha256(f"{template['hash']}:{number}".encode()).hexdigest()
        copy["id"] = f"bench-{serial}"
        copy["url"] = f"https://bench.example.org/{serial}"
        if template.get("published"):
            copy["published"] = (FIRST_DAY + timedelta(days=serial // per_day)).isoformat()
        out.append(copy)
    return out


def write_cpu(store: Path, items: list[dict[str, Any]], stories: bool, batch: int) -> float:
    """Write `items` into a copy of the store; return the CPU seconds per article."""
    from newsgraph.store.db import open_store
    from newsgraph.store.writer import Writer

    target = store.with_name(f"copy-{stories}.db")
    shutil.copyfile(store, target)
    engine = open_store(f"sqlite:///{target}")
    writer = Writer(engine, stories=stories)
    cpu = time.process_time()
    for start in range(0, len(items), batch):
        writer.write(items[start : start + batch])
    spent = time.process_time() - cpu
    engine.dispose()
    target.unlink()
    return spent / len(items)


def _p95(samples: list[float]) -> float:
    return sorted(samples)[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))] * 1000


def page_latency(url: str, pages: int) -> dict[str, float]:
    """Time `get_story` on random stories: p50/p95 of CPU and wall milliseconds."""
    from sqlalchemy import select

    from newsgraph.store import schema as s
    from newsgraph.store.db import open_store
    from newsgraph.store.stories.read import get_story

    engine = open_store(url)
    rng = random.Random(7)
    cpu_samples, wall_samples = [], []
    with engine.connect() as conn:
        rows = conn.execute(select(s.stories.c.id, s.stories.c.article_count)).all()
        for story_id in rng.sample([r.id for r in rows], min(pages, len(rows))):
            wall, cpu = time.perf_counter(), time.process_time()
            get_story(conn, story_id)
            cpu_samples.append(time.process_time() - cpu)
            wall_samples.append(time.perf_counter() - wall)
    engine.dispose()
    sizes = [r.article_count for r in rows]
    return {
        "stories": len(rows),
        "median_size": statistics.median(sizes) if sizes else 0,
        "max_size": max(sizes, default=0),
        "cpu_p50_ms": statistics.median(cpu_samples) * 1000,
        "cpu_p95_ms": _p95(cpu_samples),
        "wall_p50_ms": statistics.median(wall_samples) * 1000,
        "wall_p95_ms": _p95(wall_samples),
    }


def measure(store: Path, items: list[dict[str, Any]], args: argparse.Namespace) -> dict[str, Any]:
    """Write the next blocks with stories on and off; time the story page."""
    on = write_cpu(store, items, True, args.batch)
    off = write_cpu(store, items, False, args.batch)
    figures: dict[str, Any] = {"write_cpu_ms_on": on * 1000, "write_cpu_ms_off": off * 1000}
    if args.analyze_ms:
        analysis = args.analyze_ms / 1000
        figures["ingest_ratio_on_off"] = (analysis + off) / (analysis + on)
    figures["story_page"] = page_latency(f"sqlite:///{store}", args.pages)
    return figures


def main() -> None:
    from newsgraph.store.db import open_store
    from newsgraph.store.writer import Writer

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("analyses", type=Path)
    parser.add_argument("--sizes", default="10000,100000", help="store sizes to measure at, ascending")
    parser.add_argument("--store", type=Path, required=True, help="folder for the store (made anew)")
    parser.add_argument("--per-day", type=int, default=150, help="dated articles a day")
    parser.add_argument("--build-batch", type=int, default=436)
    parser.add_argument("--batch", type=int, default=64, help="articles per transaction when measuring")
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--analyze-ms", type=float, default=0.0, help="analysis CPU per article, ms")
    args = parser.parse_args()
    templates = [orjson.loads(line) for line in args.analyses.read_bytes().splitlines() if line.strip()]
    args.store.mkdir(parents=True, exist_ok=True)
    store = args.store / "stories.db"
    store.unlink(missing_ok=True)
    engine = open_store(f"sqlite:///{store}")
    writer = Writer(engine)
    stored, number = 0, 0
    for size in sorted(int(s) for s in args.sizes.split(",")):
        while stored < size:
            items = block(templates, number, args.per_day)
            cpu = time.process_time()
            for start in range(0, len(items), args.build_batch):
                writer.write(items[start : start + args.build_batch])
            stored, number = stored + len(items), number + 1
            spent = (time.process_time() - cpu) / len(items) * 1000
            print(f"build: {stored} articles, last block {spent:.1f} ms CPU per article", flush=True)
        following = block(templates, number, args.per_day) + block(templates, number + 1, args.per_day)
        figures = measure(store, following, args)
        print(f"size {stored}:", orjson.dumps(figures).decode(), flush=True)
    engine.dispose()


if __name__ == "__main__":
    main()
