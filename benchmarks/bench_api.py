"""API and page latency under load: 50 concurrent clients against `newsgraph serve` on 127.0.0.1.

    .venv/bin/python benchmarks/bench_api.py --db /path/to/store.db [--concurrency 50] [--seconds 20]
    .venv/bin/python benchmarks/bench_api.py --articles 100000     # builds the store first

The store is a SQLite file (build one of 100,000 articles with `bench_store.py --keep DIR`, or let
this script build it with bench_store's bulk loader). The server runs in its own process(es)
(`--server-workers`, default 2: one per core), the load generator in this one: `--concurrency`
asyncio clients, each sending its next request as soon as the last one is answered, for
`--seconds` per scenario. Scenarios: entity page (HTML), entity JSON, quotes by speaker (HTML),
quote search by text (JSON). Entities are drawn among the 500 most quoted speakers, words among
those of stored quotes. Reports requests/s, p50/p95/p99 and errors; writes
`benchmarks/results/api.md`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "api.md"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def sample_targets(db: Path, seed: int = 11) -> tuple[list[int], list[str], list[str]]:
    """Return (entity ids of quoted speakers, speaker names, words from quotes)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute(
        "SELECT e.id, e.name FROM entities e JOIN quotes q ON q.speaker_id = e.id "
        "GROUP BY e.id ORDER BY count(*) DESC LIMIT 500"
    ).fetchall()
    texts = [r[0] for r in con.execute("SELECT text FROM quotes ORDER BY id LIMIT 2000")]
    con.close()
    rng = random.Random(seed)
    words = sorted({w.strip(".,;:“”\"'()").lower() for t in texts for w in t.split() if len(w) > 5})
    words = [w for w in words if w.isalpha()]
    rng.shuffle(words)
    return [r[0] for r in rows], [r[1] for r in rows], words[:300]


async def run_load(
    base: str, make_path: Callable[[random.Random], str], concurrency: int, seconds: float
) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) as client:

        async def worker(n: int) -> None:
            nonlocal errors
            rng = random.Random(n)
            while time.perf_counter() < stop:
                path = make_path(rng)
                start = time.perf_counter()
                try:
                    response = await client.get(path, headers={"accept": "text/html"})
                    ok = response.status_code < 400
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - start)
                errors += not ok

        started = time.perf_counter()
        await asyncio.gather(*(worker(n) for n in range(concurrency)))
        elapsed = time.perf_counter() - started
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))] * 1000

    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(ordered) * 1000,
        "p95": pct(0.95),
        "p99": pct(0.99),
        "errors": errors,
    }


WRK_SCRIPT = """
paths = {%s}
math.randomseed(7)
request = function()
  return wrk.format("GET", paths[math.random(#paths)], {["accept"] = "text/html"})
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%.3f %%.3f %%.3f %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def run_wrk(base: str, paths: list[str], concurrency: int, seconds: float) -> dict[str, float]:
    """Load with wrk (C, 2 threads): keeps the load generator's own CPU use small."""
    lua = ", ".join('"' + p.replace("\\", "\\\\").replace('"', '\\"') + '"' for p in paths)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(WRK_SCRIPT % lua)
    out = subprocess.run(
        ["wrk", "-t2", f"-c{concurrency}", f"-d{seconds:.0f}s", "--timeout", "30s", "-s", handle.name, base],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    Path(handle.name).unlink()
    line = next(x for x in out.splitlines() if x.startswith("RESULT "))
    requests, duration_us, p50, p95, p99, errors, bad_status = line.split()[1:]
    return {
        "requests": float(requests),
        "rps": float(requests) / (float(duration_us) / 1e6),
        "p50": float(p50),
        "p95": float(p95),
        "p99": float(p99),
        "errors": float(errors) + float(bad_status),
    }


def build_store(articles: int, folder: Path) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_store  # type: ignore[import-not-found]

    code = bench_store.main(
        ["--articles", str(articles), "--queries", "20", "--runs", "1", "--keep", str(folder)]
    )
    if code:
        raise SystemExit(code)
    found = sorted(folder.glob("*.db"))
    if not found:
        raise SystemExit(f"bench_store.py left no .db in {folder}")
    return found[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="an existing SQLite store")
    parser.add_argument(
        "--articles", type=int, default=100_000, help="size of the store to build without --db"
    )
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--server-workers", type=int, default=2)
    parser.add_argument(
        "--tool",
        choices=["auto", "wrk", "python"],
        default="auto",
        help="load generator (auto: wrk if installed)",
    )
    args = parser.parse_args()

    db = args.db or build_store(args.articles, Path(tempfile.mkdtemp(prefix="newsgraph-api-")))
    count = (
        sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute("SELECT count(*) FROM articles").fetchone()[0]
    )
    entity_ids, names, words = sample_targets(db)
    if not entity_ids or not words:
        raise SystemExit("the store holds no quotes with speakers")

    port = free_port()
    env = dict(os.environ, NEWSGRAPH_API_RATE="0", NEWSGRAPH_DB=f"sqlite:///{db}")
    exe = str(Path(sys.executable).with_name("newsgraph"))
    server = subprocess.Popen(
        [exe, "serve", "--port", str(port), "--workers", str(args.server_workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/api/stats", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("the server did not start")
            time.sleep(0.3)
        scenarios: dict[str, Callable[[random.Random], str]] = {
            "entity page (HTML)": lambda r: f"/entities/{r.choice(entity_ids)}",
            "entity (JSON)": lambda r: f"/api/entities/{r.choice(entity_ids)}",
            "quotes by speaker (HTML)": lambda r: "/quotes?" + urlencode({"speaker": r.choice(names)}),
            "quote search by text (JSON)": lambda r: f"/api/quotes?q={r.choice(words)}",
        }
        results = {}
        use_wrk = args.tool == "wrk" or (args.tool == "auto" and shutil.which("wrk"))
        for label, make in scenarios.items():
            if use_wrk:
                rng = random.Random(label)
                paths = [make(rng) for _ in range(2000)]
                run_wrk(base, paths, args.concurrency, 2.0)  # warm-up
                results[label] = run_wrk(base, paths, args.concurrency, args.seconds)
            else:
                asyncio.run(run_load(base, make, args.concurrency, 2.0))  # warm-up
                results[label] = asyncio.run(run_load(base, make, args.concurrency, args.seconds))
            r = results[label]
            figures = f"{r['rps']:.0f} req/s, p50 {r['p50']:.0f} ms, p95 {r['p95']:.0f} ms"
            print(f"{label}: {figures}, {r['errors']:.0f} errors")
    finally:
        server.terminate()
        server.wait(timeout=30)

    lines = [
        "## API latency under load",
        "",
        f"Store: SQLite, {count:,} articles. Server: `newsgraph serve --workers {args.server_workers}`; "
        f"load: {'wrk' if use_wrk else 'asyncio httpx clients'}, "
        f"{args.concurrency} concurrent clients on the same 2-core machine, "
        f"{args.seconds:.0f} s per scenario. "
        "Reproduce: `python benchmarks/bench_api.py --db STORE.db`.",
        "",
        "| scenario | requests | req/s | p50 ms | p95 ms | p99 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, r in results.items():
        lines.append(
            f"| {label} | {r['requests']:,.0f} | {r['rps']:.0f} | {r['p50']:.0f} | {r['p95']:.0f} | "
            f"{r['p99']:.0f} | {r['errors']:.0f} |"
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
