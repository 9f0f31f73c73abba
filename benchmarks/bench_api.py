"""API and page latency under load: 50 concurrent clients against `newsgraph serve` on 127.0.0.1.

    .venv/bin/python benchmarks/bench_api.py --db /path/to/store.db [--concurrency 50] [--seconds 20]
    .venv/bin/python benchmarks/bench_api.py --articles 100000     # builds the store first

The store is a SQLite file (build one of 100,000 articles with `bench_store.py --keep DIR`, or let
this script build it with bench_store's bulk loader). The server runs in its own process(es)
(`--server-workers`, default 2: one per core), the load generator beside it: wrk when installed
(`apt-get install wrk`), else asyncio httpx clients; `--concurrency` connections, each sending its
next request as soon as the last one is answered. Scenarios: entity page (HTML), entity JSON,
quotes by speaker (HTML), quote search by text (JSON); entities are drawn among the 500 most
quoted speakers, words among those of stored quotes, at random for every request.

Each scenario runs twice: with the response cache (`NEWSGRAPH_API_CACHE_MB`, the default 64 MB
per process) after `--warmup` seconds of the same load, so the measured part is the steady state
of a server that has seen those pages; and with the cache off (`--cold`, the default), where
every request builds its page. Reports requests/s, p50/p95/p99, errors and, with wrk, the share of
responses served from the cache; writes `benchmarks/results/api.md`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
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
local threads = {}
setup = function(thread)
  table.insert(threads, thread)
end
init = function(args)
  math.randomseed(7 + #threads)
  hits = 0
  misses = 0
end
request = function()
  return wrk.format("GET", paths[math.random(#paths)], {["accept"] = "text/html"})
end
response = function(status, headers, body)
  local from = headers["x-cache"]
  if from == "hit" or from == "stale" then hits = hits + 1 else misses = misses + 1 end
end
done = function(summary, latency, requests)
  local e = summary.errors
  local h, m = 0, 0
  for _, thread in ipairs(threads) do
    h = h + thread:get("hits")
    m = m + thread:get("misses")
  end
  io.write(string.format("RESULT %%d %%d %%.3f %%.3f %%.3f %%d %%d %%d %%d\\n", summary.requests,
    summary.duration, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, e.connect + e.read + e.write + e.timeout, e.status, h, m))
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
    requests, duration_us, p50, p95, p99, errors, bad_status, hits, misses = line.split()[1:]
    answered = float(hits) + float(misses)
    return {
        "hit_rate": float(hits) / answered if answered else 0.0,
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


def start_server(db: Path, workers: int, cache_mb: int) -> tuple[subprocess.Popen[bytes], str]:
    """Start `newsgraph serve` on a free port; return the process and its base URL when it answers."""
    port = free_port()
    env = dict(os.environ, NEWSGRAPH_API_RATE="0", NEWSGRAPH_DB=f"sqlite:///{db}")
    env["NEWSGRAPH_API_CACHE_MB"] = str(cache_mb)
    exe = str(Path(sys.executable).with_name("newsgraph"))
    server = subprocess.Popen(
        [exe, "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its workers are stopped with it (stop_server)
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{base}/api/stats", timeout=5).status_code == 200:
                return server, base
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            stop_server(server)
            raise SystemExit("the server did not start")
        time.sleep(0.3)


class VersionBumper:
    """Bump the store's data version every `every` seconds in a thread, as an ingest's commits do."""

    def __init__(self, db: Path, every: float) -> None:
        from newsgraph.store.db import bump_version, make_engine

        self._engine = make_engine(f"sqlite:///{db}")
        self._bump = bump_version
        self._every = every
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._done.wait(self._every):
            with self._engine.begin() as conn:
                self._bump(conn)

    def stop(self) -> None:
        """Stop bumping."""
        self._done.set()
        self._thread.join()
        self._engine.dispose()


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """Stop the server and its worker processes (SIGTERM, then SIGKILL after 30 s)."""
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
    except ProcessLookupError:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="an existing SQLite store")
    parser.add_argument(
        "--articles", type=int, default=100_000, help="size of the store to build without --db"
    )
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0, help="measured seconds per scenario")
    parser.add_argument("--warmup", type=float, default=20.0, help="seconds of load before measuring")
    parser.add_argument("--server-workers", type=int, default=2)
    parser.add_argument("--cold", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument(
        "--writes-every",
        type=float,
        default=2.0,
        help="also run the cached scenarios while the data version moves on every so many seconds, "
        "as under a continuous ingest (0: skip)",
    )
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
    scenarios: dict[str, Callable[[random.Random], str]] = {
        "entity page (HTML)": lambda r: f"/entities/{r.choice(entity_ids)}",
        "entity (JSON)": lambda r: f"/api/entities/{r.choice(entity_ids)}",
        "quotes by speaker (HTML)": lambda r: "/quotes?" + urlencode({"speaker": r.choice(names)}),
        "quote search by text (JSON)": lambda r: f"/api/quotes?q={r.choice(words)}",
    }
    use_wrk = bool(args.tool == "wrk" or (args.tool == "auto" and shutil.which("wrk")))
    modes = [("cached", 64, args.warmup, 0.0)]
    if args.writes_every > 0:
        modes.append(
            (f"cached, data changing every {args.writes_every:g} s", 64, args.warmup, args.writes_every)
        )
    if args.cold:
        modes.append(("no cache", 0, 2.0, 0.0))
    results: dict[tuple[str, str], dict[str, float]] = {}
    for mode, cache_mb, warmup, every in modes:
        server, base = start_server(db, args.server_workers, cache_mb)
        writer = VersionBumper(db, every) if every > 0 else None
        try:
            for label, make in scenarios.items():
                if use_wrk:
                    rng = random.Random(label)
                    paths = [make(rng) for _ in range(2000)]
                    run_wrk(base, paths, args.concurrency, warmup)
                    r = run_wrk(base, paths, args.concurrency, args.seconds)
                else:
                    asyncio.run(run_load(base, make, args.concurrency, warmup))
                    r = asyncio.run(run_load(base, make, args.concurrency, args.seconds))
                results[(label, mode)] = r
                figures = f"{r['rps']:.0f} req/s, p50 {r['p50']:.0f} ms, p95 {r['p95']:.0f} ms"
                hits = f", {r['hit_rate']:.0%} from cache" if "hit_rate" in r else ""
                print(f"{label}, {mode}: {figures}, {r['errors']:.0f} errors{hits}", flush=True)
        finally:
            if writer is not None:
                writer.stop()
            stop_server(server)

    lines = [
        "## API latency under load",
        "",
        f"Store: SQLite, {count:,} articles. Server: `newsgraph serve --workers {args.server_workers}`; "
        f"load: {'wrk' if use_wrk else 'asyncio httpx clients'}, "
        f"{args.concurrency} concurrent connections on the same 2-core machine, "
        f"{args.seconds:.0f} s per scenario measured after {args.warmup:.0f} s of warm-up (cached) or 2 s "
        "(no cache: `NEWSGRAPH_API_CACHE_MB=0`, every request builds its page). With the data "
        "changing, a write transaction bumps the store's data version every few seconds, as an "
        "ingest committing does, so every kept page goes stale and is built again. "
        "Reproduce: `python benchmarks/bench_api.py --db STORE.db`.",
        "",
        "| scenario | cache | requests | req/s | p50 ms | p95 ms | p99 ms | errors | from cache |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for (label, mode), r in results.items():
        hits = f"{r['hit_rate']:.1%}" if "hit_rate" in r else "n/a"
        lines.append(
            f"| {label} | {mode} | {r['requests']:,.0f} | {r['rps']:.0f} | {r['p50']:.0f} | {r['p95']:.0f} | "
            f"{r['p99']:.0f} | {r['errors']:.0f} | {hits} |"
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
