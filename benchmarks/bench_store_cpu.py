"""CPU seconds of the store's write and read paths on analyses made once: they hold on a loaded machine.

    .venv/bin/newsgraph -q analyze --jsonl ../shared/data/corpus/news.jsonl --out /tmp/corpus.analyses.jsonl
    .venv/bin/python benchmarks/bench_store_cpu.py --analyses /tmp/corpus.analyses.jsonl
        [--pg postgresql+psycopg://…] [--runs 3] [--copies 1]

`benchmarks/bench_store.py` and `bench_load.py` time whole runs by the wall clock, which swings by
2-3x when other jobs share the cores. This script measures the CPU time of this process
(`time.process_time`: the Python side and SQLite, not a PostgreSQL server's own work) of each
step, the least of --runs runs, on the same analyses (Analysis JSON, one a line), so a change to
the writer, the fact rows, the Parquet tables or the export can be compared before and after:

  * ingest write: `Writer` (stories on) in transactions of 64 analyses, as `newsgraph ingest`
    commits them, into a fresh SQLite file (and PostgreSQL with --pg);
  * load write: `Writer` in transactions of 1,024, as `newsgraph load` commits them;
  * parquet: `batch.parquet.split_results` (every fact table of every analysis);
  * export: every kind of `newsgraph export` as JSONL and as Parquet from the SQLite store.

--copies N writes every analysis N times under new hashes and ids (more rows, same shape).
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson


def _copies(lines: list[bytes], copies: int) -> list[bytes]:
    if copies <= 1:
        return lines
    out = []
    for n in range(copies):
        for line in lines:
            data = orjson.loads(line)
            data["hash"] = f"{n:04d}{data['hash'][4:]}"
            data["id"] = f"{data['id']}~{n}"
            out.append(orjson.dumps(data))
    return out


def _cpu(fn: Callable[[], Any]) -> float:
    started = time.process_time()
    fn()
    return time.process_time() - started


def _write(url: str, analyses: list[bytes], batch: int) -> None:
    from newsgraph.store.db import open_store
    from newsgraph.store.writer import Writer

    engine = open_store(url)
    try:
        writer = Writer(engine)
        for start in range(0, len(analyses), batch):
            writer.write(analyses[start : start + batch])
    finally:
        engine.dispose()


def _fresh_pg(base: str) -> tuple[str, Callable[[], None]]:
    from urllib.parse import quote

    from newsgraph.store.db import make_engine

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = make_engine(base)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"

    def drop() -> None:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()

    return f"{base}{sep}options={quote(f'-csearch_path={schema}')}", drop


def _write_cpu(analyses: list[bytes], batch: int, runs: int, pg: str | None) -> dict[str, float]:
    from newsgraph.store.db import open_store

    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        open_store(f"sqlite:///{folder}/warm.db").dispose()  # migrations and imports, untimed
        for run in range(runs):
            url = f"sqlite:///{folder}/store-{batch}-{run}.db"
            open_store(url).dispose()
            cpu = _cpu(lambda url=url: _write(url, analyses, batch))  # type: ignore[misc]
            best["sqlite"] = min(best.get("sqlite", cpu), cpu)
            if pg:
                pg_url, drop = _fresh_pg(pg)
                try:
                    open_store(pg_url).dispose()
                    cpu = _cpu(lambda pg_url=pg_url: _write(pg_url, analyses, batch))  # type: ignore[misc]
                finally:
                    drop()
                best["postgresql"] = min(best.get("postgresql", cpu), cpu)
    return best


def _parquet_cpu(analyses: list[bytes], runs: int) -> float:
    from newsgraph.batch.parquet import Result, results_table, split_results

    table = results_table(Result(f"in:{n}", None, analysis=a) for n, a in enumerate(analyses))
    return min(_cpu(lambda: split_results(table)) for _ in range(runs))


def _export_cpu(analyses: list[bytes], runs: int) -> dict[str, float]:
    from newsgraph.store.db import open_store
    from newsgraph.store.export import KINDS, export

    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/export.db"
        _write(url, analyses, 1024)
        engine = open_store(url)
        try:
            with engine.connect() as conn:
                for fmt in ("jsonl", "parquet"):
                    out[fmt] = min(
                        _cpu(lambda fmt=fmt: [export(conn, kind, fmt, io.BytesIO()) for kind in KINDS])  # type: ignore[misc]
                        for _ in range(runs)
                    )
        finally:
            engine.dispose()
    return out


def main() -> None:
    """Measure and print the CPU figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--analyses", type=Path, required=True, help="Analysis JSON lines.")
    parser.add_argument("--pg", default=None, help="Also write into PostgreSQL (a fresh schema per run).")
    parser.add_argument("--runs", type=int, default=3, help="Runs of each step (least CPU kept).")
    parser.add_argument("--copies", type=int, default=1, help="Write every analysis this many times.")
    args = parser.parse_args()
    lines = [line for line in args.analyses.read_bytes().splitlines() if line.strip()]
    analyses = _copies(lines, args.copies)
    n = len(analyses)
    print(f"{n} analyses from {args.analyses}; CPU seconds of this process, least of {args.runs} runs")
    for label, batch in (("ingest write (batches of 64)", 64), ("load write (batches of 1,024)", 1024)):
        for backend, cpu in _write_cpu(analyses, batch, args.runs, args.pg).items():
            print(f"{label}, {backend}: {cpu:.2f} s CPU, {n / cpu:.0f} analyses per CPU-second")
    cpu = _parquet_cpu(analyses, args.runs)
    print(f"parquet fact tables (split_results): {cpu:.2f} s CPU, {n / cpu:.0f} analyses per CPU-second")
    for fmt, cpu in _export_cpu(analyses, args.runs).items():
        print(f"export of every kind as {fmt}: {cpu:.2f} s CPU")


if __name__ == "__main__":
    main()
