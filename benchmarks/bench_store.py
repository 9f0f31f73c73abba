"""Store benchmark: ingest throughput against analysis alone, bulk load, search latency at 100,000 articles.

    .venv/bin/python benchmarks/bench_store.py [--limit 120] [--workers 2] [--articles 100000]
                                               [--pg postgresql+psycopg://…] [--keep DIR]

1. Ingest ratio. The first --limit articles of ../shared/data/corpus/news.jsonl are analyzed
   with `analyze_parallel` and the results thrown away ("analyze only"), then ingested into a
   fresh SQLite store with `newsgraph.ingest` (read → analyze → write, batched transactions, stories).
   The model and the store's code are loaded first, so both runs measure steady-state throughput. Each
   is run --runs times, alternating; the ratio of the medians is reported (target ≥ 0.9).
2. Bulk load. The analyses of step 1 are copied under new ids, hashes, dates, sources and URLs
   until the store holds --articles articles, through `Writer(stories=False)` in batches of
   2,000 (the bulk path: every table and full-text index is filled, no near-duplicate index).
3. Search latency on that store, p50/p95 over --queries random queries of each kind: a
   filtered quote search (words from real quotes + source + a 90-day window; target p95 < 50 ms
   on SQLite), a quote search by text alone, quotes by speaker, and a filtered article search.

With --pg the bulk load and the searches are repeated on PostgreSQL (its public schema is
dropped first). --search-only URL measures the searches alone on a store built before.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "news.jsonl"
SOURCES = [f"Bench Source {n}" for n in range(12)]


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return p50 * 1000, p95 * 1000


def ingest_ratio(subset: Path, settings: Any, workers: int, runs: int) -> tuple[list[bytes], dict[str, Any]]:
    """Time analyze-only and ingest on the same input; return the analyses and the figures."""
    from newsgraph.batch.local import Done, analyze_parallel
    from newsgraph.extract.pipeline import get_nlp
    from newsgraph.ingest import ingest
    from newsgraph.sources.read import read_paths
    from newsgraph.store.db import open_store
    from newsgraph.store.writer import Writer

    get_nlp(settings)
    # Like the model, load the store's code (SQLAlchemy, Alembic, datasketch + SciPy: seconds of
    # imports) before timing: the ratio is about steady-state throughput.
    with tempfile.TemporaryDirectory() as folder:
        warm = open_store(f"sqlite:///{folder}/warm.db")
        Writer(warm).write([])
        warm.dispose()
    analyze_times: list[float] = []
    ingest_times: list[float] = []
    analyses: list[bytes] = []
    stored = 0
    for _ in range(runs):
        started = time.perf_counter()
        results = list(analyze_parallel(read_paths([subset]), settings, workers))
        analyze_times.append(time.perf_counter() - started)
        analyses = [r.json for r in results if isinstance(r, Done)]
        with tempfile.TemporaryDirectory() as folder:
            engine = open_store(f"sqlite:///{folder}/ingest.db")
            started = time.perf_counter()
            report = ingest([subset], settings, engine=engine, workers=workers)
            ingest_times.append(time.perf_counter() - started)
            stored = report.stored
            engine.dispose()
    a, i = statistics.median(analyze_times), statistics.median(ingest_times)
    n = len(analyses)
    return analyses, {
        "articles": n,
        "stored": stored,
        "analyze_s": a,
        "ingest_s": i,
        "analyze_rate": n / a,
        "ingest_rate": n / i,
        "ratio": a / i,
        "best_ratio": min(analyze_times) / min(ingest_times),
        "analyze_runs": analyze_times,
        "ingest_runs": ingest_times,
    }


def bulk_load(url: str, templates: list[bytes], total: int, batch: int = 2000) -> dict[str, Any]:
    """Store `total` copies of the templates under new identities; return timing figures."""
    from newsgraph.store.db import open_store
    from newsgraph.store.writer import Writer

    engine = open_store(url)
    writer = Writer(engine, stories=False)
    parsed = [orjson.loads(t) for t in templates]
    start_day = date(2023, 1, 1)
    started = time.perf_counter()
    pending: list[dict[str, Any]] = []
    for n in range(total):
        template = parsed[n % len(parsed)]
        copy = dict(template)
        copy["hash"] = hashlib.sha256(f"{template['hash']}:{n}".encode()).hexdigest()
        copy["id"] = f"{template['id']}-{n}"
        copy["url"] = f"https://bench.example.org/{n}"
        copy["source"] = SOURCES[n % len(SOURCES)]
        copy["published"] = (start_day + timedelta(days=(n * 7919) % 730)).isoformat()
        pending.append(copy)
        if len(pending) >= batch:
            writer.write(pending)
            pending = []
    if pending:
        writer.write(pending)
    seconds = time.perf_counter() - started
    engine.dispose()
    return {"articles": total, "seconds": seconds, "rate": total / seconds}


def search_latency(url: str, queries: int, seed: int = 7) -> dict[str, tuple[float, float, float]]:
    """Return {kind: (p50 ms, p95 ms, mean hits)} for each kind of search."""
    from newsgraph.store.db import open_store
    from newsgraph.store.search import Filters, search_articles, search_quotes

    rng = random.Random(seed)
    engine = open_store(url)
    with engine.connect() as conn:
        quote_texts = [r[0] for r in conn.exec_driver_sql("SELECT text FROM quotes WHERE id <= 5000")]
        speakers = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT DISTINCT e.name FROM quotes q JOIN entities e ON e.id = q.speaker_id "
                "WHERE q.id <= 5000"
            )
        ]
    words = sorted({w.lower() for t in quote_texts for w in re.findall(r"[A-Za-z]{6,}", t)})
    if not words:
        raise SystemExit("no quotes in the store: the quotes component did not run")

    def window() -> tuple[str, str]:
        first = date(2023, 1, 1) + timedelta(days=rng.randrange(0, 640))
        return first.isoformat(), (first + timedelta(days=90)).isoformat()

    kinds: dict[str, Callable[[Any], int]] = {}

    def filtered_quotes(conn: Any) -> int:
        since, until = window()
        f = Filters(source=rng.choice(SOURCES), since=since, until=until)
        return len(search_quotes(conn, rng.choice(words), f).items)

    def text_quotes(conn: Any) -> int:
        return len(search_quotes(conn, rng.choice(words)).items)

    def speaker_quotes(conn: Any) -> int:
        return len(search_quotes(conn, None, Filters(speaker=rng.choice(speakers))).items) if speakers else 0

    def filtered_articles(conn: Any) -> int:
        since, until = window()
        return len(search_articles(conn, rng.choice(words), Filters(since=since, until=until)).items)

    kinds = {
        "quotes: words + source + 90 days": filtered_quotes,
        "quotes: words only": text_quotes,
        "quotes: by speaker": speaker_quotes,
        "articles: words + 90 days": filtered_articles,
    }
    out: dict[str, tuple[float, float, float]] = {}
    with engine.connect() as conn:
        for name, run in kinds.items():
            for _ in range(10):  # warm the caches
                run(conn)
            samples: list[float] = []
            hits = 0
            for _ in range(queries):
                started = time.perf_counter()
                hits += run(conn)
                samples.append(time.perf_counter() - started)
            p50, p95 = _percentiles(samples)
            out[name] = (p50, p95, hits / queries)
    engine.dispose()
    return out


def _print_latency(url: str, queries: int) -> None:
    latency = search_latency(url, queries)
    print("| search | p50 ms | p95 ms | hits/query |")
    print("| --- | --- | --- | --- |")
    for kind, (p50, p95, hits) in latency.items():
        print(f"| {kind} | {p50:.1f} | {p95:.1f} | {hits:.1f} |")
    print()
    sys.stdout.flush()


def _reset_postgres(url: str) -> None:
    from newsgraph.store.db import make_engine

    engine = make_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a Markdown report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=120, help="articles of the corpus for the ingest ratio")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument(
        "--articles", type=int, default=100_000, help="size of the search store (0: only the ingest ratio)"
    )
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--pg", help="also bulk-load and search a PostgreSQL database (it is wiped)")
    parser.add_argument("--keep", type=Path, help="keep the SQLite search store in this folder")
    parser.add_argument("--search-only", metavar="URL", help="only measure search latency on this store")
    args = parser.parse_args(argv)
    if args.search_only:
        _print_latency(args.search_only, args.queries)
        return 0

    from newsgraph.settings import Settings

    settings = Settings()
    with tempfile.TemporaryDirectory() as scratch:
        subset = Path(scratch) / "subset.jsonl"
        with CORPUS.open("rb") as handle:
            subset.write_bytes(b"".join(line for _, line in zip(range(args.limit), handle, strict=False)))
        analyses, ratio = ingest_ratio(subset, settings, args.workers, args.runs)
        print("## Store benchmark\n")
        print(
            f"Input: first {ratio['articles']} articles of news.jsonl, "
            f"{args.workers} workers, full pipeline.\n"
        )
        print("| step | seconds (median) | articles/s |")
        print("| --- | --- | --- |")
        print(f"| analyze only | {ratio['analyze_s']:.1f} | {ratio['analyze_rate']:.2f} |")
        print(f"| ingest into SQLite | {ratio['ingest_s']:.1f} | {ratio['ingest_rate']:.2f} |")
        print(
            f"\n**Ingest / analyze-only throughput ratio: {ratio['ratio']:.3f}** of the medians, "
            f"{ratio['best_ratio']:.3f} of the best runs (target ≥ 0.9); runs: "
            f"analyze {[round(t, 1) for t in ratio['analyze_runs']]}, "
            f"ingest {[round(t, 1) for t in ratio['ingest_runs']]}\n"
        )
        sys.stdout.flush()

        if args.articles <= 0:
            return 0
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        db_path = folder / "search.db"
        db_path.unlink(missing_ok=True)
        targets = [("SQLite", f"sqlite:///{db_path}")]
        if args.pg:
            _reset_postgres(args.pg)
            targets.append(("PostgreSQL", args.pg))
        for name, url in targets:
            load = bulk_load(url, analyses, args.articles)
            size = f", {db_path.stat().st_size / 2**30:.2f} GiB on disk" if name == "SQLite" else ""
            print(
                f"### {name}: {load['articles']:,} articles bulk-loaded in {load['seconds']:.0f} s "
                f"({load['rate']:,.0f}/s{size})\n"
            )
            _print_latency(url, args.queries)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
