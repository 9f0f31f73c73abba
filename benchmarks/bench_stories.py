"""Story assignment at scale: CPU per article with stories on and off, and the story page's latency.

    .venv/bin/python benchmarks/bench_stories.py ANALYSES.jsonl --articles 100000 --store DIR

1. Build (or reuse) a SQLite store of --articles copies of the analyses under new hashes, sources,
   URLs and dates spread over two years, as `bench_store.bulk_load` does (Writer with stories
   off), then group them into stories (`rebuild_stories`, timed).
2. Store the analyses once more into two copies of that store, re-dated into the store's two
   years (so every article meets the stored copies of its own text and its topic in its window:
   the hardest case for the index), with `Writer(stories=True)` and `Writer(stories=False)`;
   report CPU seconds per article (`time.process_time`: usable on a loaded machine) and the
   ratio of the ingest rates, the analysis CPU per article (--analyze-ms, from benchmarks/cpu.py)
   added to both.
3. p50/p95 CPU and wall time of `get_story` over --pages random stories.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import statistics
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson

SOURCES = [f"Bench Source {n}" for n in range(12)]


def _copies(templates: list[dict[str, Any]], start: int, count: int, salt: str) -> list[dict[str, Any]]:
    out = []
    first = date(2023, 1, 1)
    for n in range(start, start + count):
        template = templates[n % len(templates)]
        copy = dict(template)
        copy["hash"] = hashlib.sha256(f"{template['hash']}:{salt}{n}".encode()).hexdigest()
        copy["id"] = f"{template['id']}-{salt}{n}"
        copy["url"] = f"https://bench.example.org/{salt}{n}"
        copy["source"] = SOURCES[n % len(SOURCES)]
        copy["published"] = (first + timedelta(days=(n * 7919) % 730)).isoformat()
        out.append(copy)
    return out


def build(url: str, templates: list[dict[str, Any]], total: int) -> dict[str, float]:
    from newsgraph.store.db import open_store
    from newsgraph.store.stories.rebuild import rebuild_stories
    from newsgraph.store.writer import Writer

    engine = open_store(url)
    writer = Writer(engine, stories=False)
    wall, cpu = time.perf_counter(), time.process_time()
    for start in range(0, total, 2000):
        writer.write(_copies(templates, start, min(2000, total - start), "b"))
    load_cpu = time.process_time() - cpu
    wall2, cpu2 = time.perf_counter(), time.process_time()
    stories = rebuild_stories(engine)
    figures = {
        "load_cpu_s": load_cpu,
        "load_wall_s": wall2 - wall,
        "rebuild_cpu_s": time.process_time() - cpu2,
        "rebuild_wall_s": time.perf_counter() - wall2,
        "stories": stories,
    }
    engine.dispose()
    return figures


def write_cpu(folder: Path, store: Path, templates: list[dict[str, Any]], stories: bool, batch: int) -> float:
    from newsgraph.store.db import open_store
    from newsgraph.store.writer import Writer

    target = folder / f"copy-{stories}.db"
    shutil.copyfile(store, target)
    engine = open_store(f"sqlite:///{target}")
    writer = Writer(engine, stories=stories)
    items = _copies(templates, 0, len(templates), f"w{stories}")
    cpu = time.process_time()
    for start in range(0, len(items), batch):
        writer.write(items[start : start + batch])
    spent = time.process_time() - cpu
    engine.dispose()
    target.unlink()
    return spent / len(items)


def page_latency(url: str, pages: int) -> dict[str, float]:
    from sqlalchemy import select

    from newsgraph.store import schema as s
    from newsgraph.store.db import open_store
    from newsgraph.store.stories.read import get_story

    engine = open_store(url)
    rng = random.Random(7)
    cpu_samples, wall_samples = [], []
    with engine.connect() as conn:
        ids = [r[0] for r in conn.execute(select(s.stories.c.id))]
        sizes = [r[0] for r in conn.execute(select(s.stories.c.article_count))]
        for story_id in rng.sample(ids, min(pages, len(ids))):
            wall, cpu = time.perf_counter(), time.process_time()
            get_story(conn, story_id)
            cpu_samples.append(time.process_time() - cpu)
            wall_samples.append(time.perf_counter() - wall)
    engine.dispose()

    def p95(xs: list[float]) -> float:
        return sorted(xs)[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))] * 1000

    return {
        "stories": len(ids),
        "median_size": statistics.median(sizes) if sizes else 0,
        "max_size": max(sizes, default=0),
        "cpu_p50_ms": statistics.median(cpu_samples) * 1000,
        "cpu_p95_ms": p95(cpu_samples),
        "wall_p50_ms": statistics.median(wall_samples) * 1000,
        "wall_p95_ms": p95(wall_samples),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("analyses", type=Path)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--store", type=Path, required=True, help="folder of the store (reused if there)")
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--analyze-ms", type=float, default=0.0, help="analysis CPU per article, ms")
    args = parser.parse_args()
    templates = [orjson.loads(line) for line in args.analyses.read_bytes().splitlines() if line.strip()]
    args.store.mkdir(parents=True, exist_ok=True)
    store = args.store / "stories.db"
    url = f"sqlite:///{store}"
    if not store.exists():
        print("build", orjson.dumps(build(url, templates, args.articles)).decode(), flush=True)
    on = write_cpu(args.store, store, templates, True, args.batch)
    off = write_cpu(args.store, store, templates, False, args.batch)
    print(f"write CPU per article: stories on {on * 1000:.1f} ms, off {off * 1000:.1f} ms", flush=True)
    if args.analyze_ms:
        a = args.analyze_ms / 1000
        print(
            f"ingest rate ratio (on/off, with {args.analyze_ms:.0f} ms analysis): {(a + off) / (a + on):.3f}"
        )
    print("story page", orjson.dumps(page_latency(url, args.pages)).decode(), flush=True)


if __name__ == "__main__":
    main()
