"""Entity identity in the store: CPU cost of storing analyses, and whether the order matters.

    .venv/bin/python benchmarks/bench_identity.py ANALYSES.jsonl [--copies 4] [--batch-sizes 64,1024]
        [--repeat 3] [--pg postgresql+psycopg://…] [--orders 2] [--seed 0]

ANALYSES.jsonl holds one Analysis per line (`newsgraph analyze --jsonl news.jsonl --out FILE`,
or the `analysis` column of a store: `sqlite3 store.db "select analysis from articles order by id"`).

1. CPU. The analyses, and --copies-1 letter-rotated copies of them (new articles with the same
   structure: the same entities shared between the same articles, see `bench_load.py`), are
   stored into a fresh SQLite database with `store_analyses` at each batch size; the figure is
   this process's CPU seconds (`time.process_time`, SQLite runs in-process) per 1,000 articles,
   best of --repeat. With --pg the same into PostgreSQL (client CPU only: the server's is not
   counted, so that figure is the writer's own work).
2. Order. The analyses (without copies) are stored --orders times, in input order and in seeded
   random orders, one article per transaction and in batches of 64; the entities of each store
   (type, name, the set of content hashes of their articles) are compared with the first.
"""

from __future__ import annotations

import argparse
import random
import string
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import orjson

_KEEP = frozenset({"type", "kind", "kb"})


def _rotate(value: Any, table: dict[int, int], key: str = "") -> Any:
    if isinstance(value, str):
        return value if key in _KEEP else value.translate(table)
    if isinstance(value, list):
        return [_rotate(v, table, key) for v in value]
    if isinstance(value, dict):
        return {k: _rotate(v, table, k) for k, v in value.items()}
    return value


def copies_of(lines: list[bytes], copies: int) -> list[bytes]:
    """Return the analyses and copies-1 letter-rotated copies (new hashes, texts and names)."""
    out = list(lines)
    for k in range(1, copies):
        upper, lower = string.ascii_uppercase, string.ascii_lowercase
        table = str.maketrans(upper + lower, upper[k:] + upper[:k] + lower[k:] + lower[:k])
        out += [orjson.dumps(_rotate(orjson.loads(line), table)) for line in lines]
    return out


def _fresh_sqlite(tmp: Path, name: str) -> str:
    path = tmp / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}"


def cpu_store(url: str, lines: list[bytes], batch_size: int) -> tuple[float, float]:
    """Store the analyses into the empty store at `url`; return (CPU seconds, wall seconds)."""
    from newsgraph.store.db import open_store
    from newsgraph.store.writer import store_analyses

    engine = open_store(url)
    try:
        cpu, wall = time.process_time(), time.perf_counter()
        store_analyses(engine, lines, batch_size=batch_size)
        return time.process_time() - cpu, time.perf_counter() - wall
    finally:
        engine.dispose()


def entity_sets(url: str) -> set[tuple[str, str, frozenset[str]]]:
    """Return the store's entities as (type, name, hashes of their articles)."""
    from sqlalchemy import text

    from newsgraph.store.db import open_store

    engine = open_store(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT e.id, e.type, e.name, a.hash FROM entities e "
                    "JOIN article_entities ae ON ae.entity_id = e.id JOIN articles a ON a.id = ae.article_id"
                )
            )
            found: dict[int, tuple[str, str, set[str]]] = {}
            for r in rows:
                found.setdefault(r.id, (r.type, r.name, set()))[2].add(r.hash)
    finally:
        engine.dispose()
    return {(t, n, frozenset(h)) for t, n, h in found.values()}


def compare_orders(lines: list[bytes], orders: int, seed: int, tmp: Path) -> None:
    """Store the analyses in several orders and print how the entities differ from the first."""
    from newsgraph.store.db import open_store
    from newsgraph.store.writer import store_analyses

    rng = random.Random(seed)
    reference: set[tuple[str, str, frozenset[str]]] | None = None
    for number in range(orders):
        order = list(lines)
        if number:
            rng.shuffle(order)
        url = _fresh_sqlite(tmp, f"order{number}")
        engine = open_store(url)
        try:
            store_analyses(engine, order, batch_size=1 if number % 2 else 64)
        finally:
            engine.dispose()
        found = entity_sets(url)
        if reference is None:
            reference = found
            print(f"order 0 (input order, batches of 64): {len(found)} entities")
            continue
        only_ref, only_this = reference - found, found - reference
        print(
            f"order {number} (shuffled, batches of {1 if number % 2 else 64}): {len(found)} entities, "
            f"{len(only_ref)} of order 0 not found, {len(only_this)} new"
        )
        for t, n, h in sorted(only_ref, key=lambda x: -len(x[2]))[:5]:
            print(f"   only in order 0: {t} {n!r} in {len(h)} articles")
        for t, n, h in sorted(only_this, key=lambda x: -len(x[2]))[:5]:
            print(f"   only in order {number}: {t} {n!r} in {len(h)} articles")


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("analyses", type=Path)
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--batch-sizes", default="64,1024")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pg", help="also store into this PostgreSQL database (in a schema of its own)")
    parser.add_argument("--orders", type=int, default=3, help="orders to compare (0 skips the comparison)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    lines = [line for line in args.analyses.read_bytes().splitlines() if line.strip()]
    many = copies_of(lines, args.copies)
    with tempfile.TemporaryDirectory(prefix="bench-identity-") as name:
        tmp = Path(name)
        for size in (int(x) for x in args.batch_sizes.split(",")):
            runs = [cpu_store(_fresh_sqlite(tmp, "cpu"), many, size) for _ in range(args.repeat)]
            cpu, wall = min(runs)
            print(
                f"sqlite batch {size}: {len(many)} articles, CPU {cpu:.2f} s "
                f"({1000 * cpu / len(many):.1f} ms/article), wall {wall:.2f} s",
                flush=True,
            )
            if args.pg:
                pg_runs = [_in_pg_schema(args.pg, many, size) for _ in range(args.repeat)]
                cpu, wall = min(pg_runs)
                print(
                    f"postgresql batch {size}: client CPU {cpu:.2f} s "
                    f"({1000 * cpu / len(many):.1f} ms/article), wall {wall:.2f} s",
                    flush=True,
                )
        if args.orders:
            compare_orders(lines, args.orders, args.seed, tmp)
    sys.stdout.flush()


def _in_pg_schema(admin_url: str, lines: list[bytes], batch_size: int) -> tuple[float, float]:
    """Store into a throwaway PostgreSQL schema (dropped afterwards); return what `cpu_store` does."""
    from urllib.parse import quote

    from newsgraph.store.db import make_engine

    schema = f"bench_identity_{uuid.uuid4().hex[:10]}"
    admin = make_engine(admin_url)
    try:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        sep = "&" if "?" in admin_url else "?"
        return cpu_store(f"{admin_url}{sep}options={quote(f'-csearch_path={schema}')}", lines, batch_size)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


if __name__ == "__main__":
    main()
