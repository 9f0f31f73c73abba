"""`newsgraph load` throughput into PostgreSQL: COPY against the INSERT path, by batch size.

    .venv/bin/python benchmarks/bench_load.py --pg postgresql+psycopg://… [--articles 436]
        [--batch-sizes 64,256,1024] [--paths insert,copy] [--repeat 2] [--output DIR] [--sqlite]
        [--copies 1]

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

--copies N loads a corpus N times as large, for batch sizes beyond the corpus: copy k (k ≥ 1)
of each analysis has every ASCII letter of its string values rotated by k places (`type` and
`kind` excepted), so the copies are new articles (new hashes, texts, names) with the same
structure — the same entities shared between the same articles, the same near-duplicates —
and the writer does nearly the same work for each copy as for the original (name
normalization sees rotated words: a leading "the" is no longer dropped, for instance).

Prints one line per configuration: the load's seconds and articles/s, and the seconds spent
writing the fact rows (the writer's bulk path, `store.bulk.insert_rows`: article_entities,
mentions, quotes, events, event_actors, quantities, times, places) and their rows/s.
"""

from __future__ import annotations

import argparse
import string
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any
from unittest import mock

import orjson

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "news.jsonl"


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


_KEEP = frozenset({"type", "kind"})
"""Keys whose values the writer interprets (entity types, quote and mention kinds): not rotated."""


def _rotate(value: Any, table: dict[int, int], key: str = "") -> Any:
    if isinstance(value, str):
        return value if key in _KEEP else value.translate(table)
    if isinstance(value, list):
        return [_rotate(v, table, key) for v in value]
    if isinstance(value, dict):
        return {k: _rotate(v, table, k) for k, v in value.items()}
    return value


def _multiply(output: Path, copies: int) -> Path:
    """Return an output holding `copies` letter-rotated copies of `output`'s analyses (made once)."""
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-untyped, unused-ignore]

    from newsgraph.batch.load import iter_rows

    target = output.parent / f"{output.name}-x{copies}"
    if (target / "analyses").is_dir():
        return target
    rows = list(iter_rows(str(output)))
    columns: dict[str, list[Any]] = {"origin": [], "hash": [], "url": [], "analysis": []}
    for k in range(copies):
        upper, lower = string.ascii_uppercase, string.ascii_lowercase
        table = str.maketrans(upper + lower, upper[k:] + upper[:k] + lower[k:] + lower[:k])
        for number, (_, _, analysis) in enumerate(rows):
            data = _rotate(orjson.loads(analysis), table)
            columns["origin"].append(f"copy-{k}:{number}")
            columns["hash"].append(data["hash"])
            columns["url"].append(data.get("url"))
            columns["analysis"].append(orjson.dumps(data).decode())
    (target / "analyses").mkdir(parents=True)
    pq.write_table(pa.table(columns), target / "analyses" / "part-0.parquet")
    return target


Result = tuple[float, int, int, float, float]
"""(seconds, articles read, fact rows, seconds spent writing the fact rows, CPU seconds of this
process: the figure that holds on a loaded machine)."""


def _load(url: str, output: Path, batch_size: int, *, copy: bool) -> Result:
    """Load `output` into the empty store at `url`; return what it took."""
    from newsgraph.batch.load import load_output
    from newsgraph.store import bulk, writer
    from newsgraph.store.db import open_store

    spent = [0.0]
    insert_rows = bulk.insert_rows
    facts = {table.name for table in writer.STORED_FACTS}

    def timed(conn: Any, table: Any, rows: Any, **kw: Any) -> None:
        started = time.perf_counter()
        insert_rows(conn, table, rows, **kw)
        if table.name in facts:
            spent[0] += time.perf_counter() - started

    engine = open_store(url)
    try:
        limit = bulk.COPY_MIN_ROWS if copy else sys.maxsize
        with mock.patch.object(bulk, "COPY_MIN_ROWS", limit), mock.patch.object(writer, "insert_rows", timed):
            started, cpu = time.perf_counter(), time.process_time()
            report = load_output(str(output), engine, batch_size=batch_size)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        with engine.connect() as conn:
            rows = sum(
                int(conn.exec_driver_sql(f"SELECT count(*) FROM {table.name}").scalar() or 0)
                for table in writer.STORED_FACTS
            )
        return seconds, report.read, rows, spent[0], cpu
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
    parser.add_argument("--paths", default="insert,copy", help="PostgreSQL paths to measure: insert, copy.")
    parser.add_argument("--repeat", type=int, default=2, help="Runs per configuration; the best counts.")
    parser.add_argument("--output", type=Path, help="Batch output to load (made and cached when absent).")
    parser.add_argument("--sqlite", action="store_true", help="Also load into SQLite (reference).")
    parser.add_argument(
        "--copies", type=int, default=1, help="Load the corpus this many times over (see above)."
    )
    args = parser.parse_args()

    output = args.output or Path(tempfile.gettempdir()) / "newsgraph-bench-load" / f"out-{args.articles}"
    output = _analyze(args.corpus, args.articles, output)
    if args.copies > 1:
        output = _multiply(output, args.copies)
    sizes = [int(s) for s in args.batch_sizes.split(",")]
    paths = [p for p in ("insert", "copy") if p in args.paths.split(",")]
    configs = [("postgresql", mode, size) for size in sizes for mode in paths]
    if args.sqlite:
        configs += [("sqlite", "insert", size) for size in sizes]
    best: dict[tuple[str, str, int], Result] = {}
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
                if config in best:  # the best of each time separately
                    old = best[config]
                    result = (
                        min(result[0], old[0]),
                        *result[1:3],
                        min(result[3], old[3]),
                        min(result[4], old[4]),
                    )
                best[config] = result
    print(f"articles: {best[configs[0]][1]}, fact rows: {best[configs[0]][2]}")
    header = (
        f"{'load s':>7} {'articles/s':>11} {'fact write s':>13} {'rows/s':>8} {'CPU s':>6} {'per CPU-s':>9}"
    )
    print(f"{'backend':<11} {'path':<7} {'batch':>6} {header}")
    for config in configs:
        backend, mode, size = config
        seconds, read, rows, write, cpu = best[config]
        figures = f"{seconds:>7.2f} {read / seconds:>11.1f} {write:>13.2f} {rows / write:>8.0f}"
        figures += f" {cpu:>6.2f} {read / cpu:>9.1f}"
        print(f"{backend:<11} {mode:<7} {size:>6} {figures}")
    for size in sizes if paths == ["insert", "copy"] else ():
        insert, copy = best[("postgresql", "insert", size)], best[("postgresql", "copy", size)]
        print(
            f"PostgreSQL, batch {size}: COPY writes the fact rows {insert[3] / copy[3]:.2f}x as fast, "
            f"the whole load runs {insert[0] / copy[0]:.2f}x as fast"
        )


if __name__ == "__main__":
    main()
