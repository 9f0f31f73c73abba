"""Story assignment at scale: write CPU per article with stories on and off, at growing store sizes.

    .venv/bin/python benchmarks/bench_stories.py ANALYSES.jsonl --sizes 10000 --replicate-to 100000
        --store DIR [--analyze-ms 120] [--pages 200]

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

Writing costs ~20 ms of CPU an article here, so a store of 100,000 built whole takes half an
hour of a free core (hours on a shared one). `--replicate-to N` then grows the built store to N
articles by copying the rows story assignment reads (`replicate`: new ids, dates, entity keys
and near-duplicate keys, the same places) and measures again: the figure for a store of N
articles as far as story assignment is concerned.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import random
import shutil
import sqlite3
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


def _shifted(day: str | None, days: int) -> str | None:
    return None if day is None else (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()


def replicate(store: Path, target: int, per_day: int) -> int:
    """Grow the store to `target` articles or more by copying its articles' story rows; return the new size.

    Copy r of the `n` articles the writer stored takes ids + r·n, dates + r·n/per_day days, entity keys
    suffixed "~r" (new entities, as a new letter permutation gives), band keys shifted (new
    near-duplicate keys), and the same places: the tables story assignment reads (`articles`,
    `stories`, `story_links`, `story_features`, `story_keys`, `article_minhash`,
    `minhash_bands`) hold `target` articles' rows. The copies' texts are empty and their facts,
    entities and full-text rows are not copied: what story assignment reads has the full size,
    the rest (entity identity, fact tables) stays at the built size, which makes the
    stories-off cost, and so the on/off ratio, if anything lower than in a store built whole.
    """
    from newsgraph.store.stories.assign import key_hash
    from newsgraph.store.stories.features import EntityFeature, Features

    con = sqlite3.connect(store)
    n = int(con.execute("SELECT max(id) FROM articles WHERE text != ''").fetchone()[0])
    bands = con.execute(
        "SELECT band, key, article_id FROM minhash_bands WHERE article_id <= ?", (n,)
    ).fetchall()
    rows = con.execute("SELECT article_id, data FROM story_features WHERE article_id <= ?", (n,))
    features = [(i, Features.from_data(orjson.loads(d))) for i, d in rows]
    copy = int(con.execute("SELECT count(*) FROM articles").fetchone()[0]) // n
    while copy * n < target:
        off, days = copy * n, round(copy * n / per_day)
        shift = f"+{days} days"
        con.execute(
            "INSERT INTO stories (id, title, article_count, first_published, last_published, source_count) "
            "SELECT id + ?, title, article_count, date(first_published, ?), date(last_published, ?), "
            "source_count FROM stories WHERE id <= ?",
            (off, shift, shift, n),
        )
        con.execute(
            "INSERT INTO articles (id, hash, doc_id, source_id, story_id, copy_of, url, title, published, "
            "published_day, language, authors, text, analysis, published_source) "
            "SELECT id + ?1, hash || ':' || ?2, doc_id || ':' || ?2, source_id, story_id + ?1, copy_of + ?1, "
            "url || ':' || ?2, title, date(published_day, ?3), date(published_day, ?3), language, authors, "
            "'', '{}', published_source FROM articles WHERE id <= ?4",
            (off, copy, shift, n),
        )
        con.execute(
            "INSERT INTO story_links SELECT article_id + ?1, other_id + ?1, score, evidence FROM story_links "
            "WHERE article_id <= ?2",
            (off, n),
        )
        con.execute(
            "INSERT INTO article_minhash SELECT article_id + ?, signature FROM article_minhash "
            "WHERE article_id <= ?",
            (off, n),
        )
        step = copy * 0x9E3779B97F4A7C15
        con.executemany(
            "INSERT INTO minhash_bands (band, key, article_id) VALUES (?, ?, ?)",
            (
                (band, (key + step + (1 << 63)) % (1 << 64) - (1 << 63), article_id + off)
                for band, key, article_id in bands
            ),
        )
        for article_id, base in features:
            moved = dataclasses.replace(
                base,
                day=_shifted(base.day, days),
                entities=tuple(
                    EntityFeature(tuple(f"{k}~{copy}" for k in e.keys), e.weight, e.type)
                    for e in base.entities
                ),
            )
            con.execute(
                "INSERT INTO story_features (article_id, data) VALUES (?, ?)",
                (article_id + off, orjson.dumps(moved.to_data()).decode()),
            )
            con.executemany(
                "INSERT INTO story_keys (key, article_id, day) VALUES (?, ?, ?)",
                [(h, article_id + off, moved.day) for h in sorted({key_hash(k) for k in moved.index_keys()})],
            )
        con.commit()
        copy += 1
    size = int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
    con.close()
    return size


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


def page_latency(url: str, pages: int, built: int | None = None) -> dict[str, float]:
    """Time `get_story` on random stories: p50/p95 of CPU and wall milliseconds.

    `built`: draw only stories of articles the writer stored (ids up to it), not the copies
    `replicate` made, which have no facts to show.
    """
    from sqlalchemy import select

    from newsgraph.store import schema as s
    from newsgraph.store.db import open_store
    from newsgraph.store.stories.read import get_story

    engine = open_store(url)
    rng = random.Random(7)
    cpu_samples, wall_samples = [], []
    with engine.connect() as conn:
        rows = conn.execute(select(s.stories.c.id, s.stories.c.article_count)).all()
        drawn = [r.id for r in rows if built is None or r.id <= built]
        for story_id in rng.sample(drawn, min(pages, len(drawn))):
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


def measure(
    store: Path, items: list[dict[str, Any]], args: argparse.Namespace, built: int | None = None
) -> dict[str, Any]:
    """Write the next blocks with stories on and off; time the story page."""
    on = write_cpu(store, items, True, args.batch)
    off = write_cpu(store, items, False, args.batch)
    figures: dict[str, Any] = {"write_cpu_ms_on": on * 1000, "write_cpu_ms_off": off * 1000}
    if args.analyze_ms:
        analysis = args.analyze_ms / 1000
        figures["ingest_ratio_on_off"] = (analysis + off) / (analysis + on)
    figures["story_page"] = page_latency(f"sqlite:///{store}", args.pages, built)
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
    parser.add_argument(
        "--replicate-to",
        type=int,
        default=0,
        help="then grow the store to this size by copying (`replicate`)",
    )
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
    if args.replicate_to:
        cpu, built = time.process_time(), stored
        stored = replicate(store, args.replicate_to, args.per_day)
        print(f"replicated to {stored} articles in {time.process_time() - cpu:.0f} s CPU", flush=True)
        number = stored // len(templates)
        following = block(templates, number, args.per_day) + block(templates, number + 1, args.per_day)
        figures = measure(store, following, args, built)
        print(f"size {stored} (replicated):", orjson.dumps(figures).decode(), flush=True)


if __name__ == "__main__":
    main()
