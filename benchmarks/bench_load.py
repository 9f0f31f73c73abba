"""`newsgraph load` throughput into PostgreSQL: COPY against the INSERT path, by batch size.

    .venv/bin/python benchmarks/bench_load.py --pg postgresql+psycopg://… [--articles 436]
        [--batch-sizes 64,256,1024] [--repeat 2] [--output DIR] [--sqlite]

The first --articles articles of ../shared/data/corpus/news.jsonl are analyzed once with
`newsgraph batch --engine local` (one worker) into --output (default: a folder under the
system's temporary directory, reused by later runs, so only the first run pays for the
analysis). That output is then loaded with `load_output` into a fresh PostgreSQL schema for
every configuration: fact rows through COPY (the writer's default) or through the driver's
executemany INSERTs (`COPY_MIN_ROWS` raised above any table's row count), at each batch size
(articles per transaction). Each configuration runs --repeat times, alternating, and the best
time counts (the one least disturbed by other work on a shared machine). The loads are
complete ones: entity identity, near-duplicate stories, full-text columns. With --sqlite the
same loads go into SQLite too (INSERT only), for reference.

Prints one line per configuration: seconds, articles/s and fact rows/s (rows of the tables
the writer bulk-inserts: article_entities, mentions, quotes, events, event_actors,
quantities, times, places).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "news.jsonl"
FACT_TABLES = (
    "article_entities",
    "mentions",
    "quotes",
    "events",
    "event_actors",
    "quantities",
    "times",
    "places",
)


def _analyze(corpus: Path, articles: int, output: Path) -> Path:
    """Return a batch output of the first `articles` articles, analyzing them unless cached."""
    from newsgraph.batch.job import run_local
    from newsgraph.settings import Settings

    if (output / "_SUCCESS").exists() or (output / "analyses").is_dir():
        return output
    output.parent.mkdir(parents=True, exist_ok=True)
    subset = output.parent / f"news-{articles}.jsonl"
    lines = [line for line in corpus.read_bytes().splitlines() if line.strip()][:articles]
    subset.write_bytes(b"\n".join(lines) + b"\n")
    started = time.perf_counter()
    summary = run_local([str(subset)], str(output), Settings(), workers=1, overwrite=True)
    print(
        f"analyzed {summary.analyzed} articles in {time.perf_counter() - started:.1f} s into {output}",
        file=sys.stderr,
    )
    return output


def _load(url: str, output: Path, batch_size: int, *, copy: bool) -> tuple[float, int, int]:
    """Load `output` into the empty store at `url`; return (seconds, articles read, fact rows)."""
    from newsgraph.batch.load import load_output
    from newsgraph.store import writer
    from newsgraph.store.db import open_store

    engine = open_store(url)
    try:
        limit = writer.COPY_MIN_ROWS if copy else sys.maxsize
        with mock.patch.object(writer, "COPY_MIN_ROWS", limit):
            started = time.perf_counter()
            report = load_output(str(output), engine, batch_size=batch_size)
            seconds = time.perf_counter() - started
        with engine.connect() as conn:
            rows = sum(
                int(conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() or 0) for t in FACT_TABLES
            )
        return seconds, report.read, rows
    finally:
        engine.dispose()


def _pg_schema(admin_url: str) -> tuple[str, str]:
    """Create a throwaway schema; return (its name, a URL whose search_path is that schema)."""
    from urllib.parse import quote

    from newsgraph.store.db import make_engine

    schema = f"bench_load_{uuid.uuid4().hex[:10]}"
    admin = make_engine(admin_url)
    try:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    finally:
        admin.dispose()
    sep = "&" if "?" in admin_url else "?"
    return schema, f"{admin_url}{sep}options={quote(f'-csearch_path={schema}')}"


def _drop_schema(admin_url: str, schema: str) -> None:
    from newsgraph.store.db import make_engine

    admin = make_engine(admin_url)
    try:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    finally:
        admin.dispose()


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--pg", required=True, help="PostgreSQL URL (a schema is created and dropped per load)."
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--articles", type=int, default=436)
    parser.add_argument(
        "--batch-sizes", default="64,256,1024", help="Articles per transaction, comma-separated."
    )
    parser.add_argument("--repeat", type=int, default=2, help="Runs per configuration; the best counts.")
    parser.add_argument("--output", type=Path, help="Batch output to load (made and cached when absent).")
    parser.add_argument("--sqlite", action="store_true", help="Also load into SQLite (reference).")
    args = parser.parse_args()

    output = args.output or Path(tempfile.gettempdir()) / "newsgraph-bench-load" / f"out-{args.articles}"
    output = _analyze(args.corpus, args.articles, output)
    sizes = [int(s) for s in args.batch_sizes.split(",")]
    configs = [("postgresql", mode, size) for size in sizes for mode in ("insert", "copy")]
    if args.sqlite:
        configs += [("sqlite", "insert", size) for size in sizes]
    best: dict[tuple[str, str, int], tuple[float, int, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for attempt in range(args.repeat):
            for config in configs:
                backend, mode, size = config
                if backend == "sqlite":
                    url, schema = f"sqlite:///{tmp}/load-{attempt}-{size}.db", None
                else:
                    schema, url = _pg_schema(args.pg)
                try:
                    result = _load(url, output, size, copy=mode == "copy")
                finally:
                    if schema:
                        _drop_schema(args.pg, schema)
                if config not in best or result[0] < best[config][0]:
                    best[config] = result
    print(f"{'backend':<11} {'path':<7} {'batch':>6} {'seconds':>8} {'articles/s':>11} {'fact rows/s':>12}")
    for config in configs:
        backend, mode, size = config
        seconds, read, rows = best[config]
        rates = f"{read / seconds:>11.1f} {rows / seconds:>12.0f}"
        print(f"{backend:<11} {mode:<7} {size:>6} {seconds:>8.2f} {rates}")
    for size in sizes:
        ratio = best[("postgresql", "insert", size)][0] / best[("postgresql", "copy", size)][0]
        print(f"PostgreSQL, batch {size}: COPY is {ratio:.2f}x the INSERT path's speed")


if __name__ == "__main__":
    main()
