"""Batch throughput: the local engine and the Ray engine, 1 and 2 workers, on the same articles.

    .venv/bin/python benchmarks/bench_batch.py [--corpus F] [--small 40] [--large 120] [--repeat 2]

Each configuration runs on the first SMALL and the first LARGE articles of the corpus, REPEAT
times each; the best time counts (the one least disturbed by other work on a shared machine).
The end-to-end rate of the large run is reported, and so is the *marginal* rate,
(LARGE - SMALL) / (time LARGE - time SMALL), which cancels the fixed start-up costs (loading the
pipeline in each worker, starting Ray Data's actors) that a real corpus amortizes.

CPU time is measured too, over this process and all its descendants (pool workers, the Ray
daemons and actors, sampled every 0.2 s), because on a shared machine wall time depends on
everyone else's load while CPU time per article does not. The Ray overhead is the ratio of
marginal CPU time per article, Ray / local, minus one, at the same worker count. The
projection for 1,000,000 articles on a 64-core cluster divides by Ray's marginal per-core rate
with 1 worker (articles per CPU-second; the comment in `main` says why not 2). Finally the
last output is loaded into a new SQLite store (`newsgraph load`) and its rate reported. The
Ray instance is started before its timed runs, as on a cluster.
Prints a table and writes JSON to --json.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import orjson

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus" / "news.jsonl"


def _subset(corpus: Path, count: int, target: Path) -> Path:
    lines = [line for line in corpus.read_bytes().splitlines() if line.strip()][:count]
    target.write_bytes(b"\n".join(lines) + b"\n")
    return target


_TICKS = os.sysconf("SC_CLK_TCK")


_NAMES: dict[int, str] = {}
"""Command name of every process seen in the tree (`ray::MapWorker(`, `raylet`, …)."""


def _kind(pid: int) -> str:
    name = _NAMES.get(pid, "")
    if pid == os.getpid():
        return "driver"
    if name.startswith(("ray::MapWorker", "ray::_MapWorker")):
        return "analyzer actors"
    if name.startswith("ray::"):
        return "ray tasks (read, write)"
    if name.startswith("python"):
        return "local workers / idle ray workers"
    return "ray daemons"


def _tree_ticks() -> dict[int, int]:
    """Return {pid: user + system clock ticks} for this process and every process under it."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    names: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        pid = int(entry.name)
        names[pid] = stat[stat.index("(") + 1 : stat.rindex(")")]
        parents[pid] = int(fields[1])
        ticks[pid] = int(fields[11]) + int(fields[12])  # utime, stime
    me = os.getpid()
    mine: dict[int, int] = {}
    for pid, value in ticks.items():
        ancestor = pid
        while ancestor not in (me, 0, 1) and ancestor in parents:
            ancestor = parents[ancestor]
        if ancestor == me:
            mine[pid] = value
            _NAMES[pid] = names[pid]
    return mine


class CpuMeter:
    """CPU time used by this process tree between start and stop, sampled every 0.2 s.

    Sampling catches worker processes that exit during the run (Ray's raylet does not account
    for its children's time); a process loses at most its last 0.2 s.
    """

    def __init__(self) -> None:
        self._start: dict[int, int] = {}
        self._last: dict[int, int] = {}
        self._stop = threading.Event()
        self._own = 0.0
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        started = time.thread_time()
        while not self._stop.wait(0.2):
            self._last.update(_tree_ticks())
        self._own = time.thread_time() - started

    def __enter__(self) -> CpuMeter:
        self._start = _tree_ticks()
        self._last = dict(self._start)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._last.update(_tree_ticks())

    def by_kind(self) -> dict[str, float]:
        """CPU seconds per kind of process (driver, analyzer actors, Ray tasks, Ray daemons)."""
        out: dict[str, float] = {}
        for pid, value in self._last.items():
            kind = _kind(pid)
            out[kind] = out.get(kind, 0.0) + (value - self._start.get(pid, 0)) / _TICKS
        return {k: round(v, 2) for k, v in sorted(out.items())}

    @property
    def seconds(self) -> float:
        """CPU seconds used by the tree while the meter ran, less the meter's own sampling."""
        return sum(v - self._start.get(pid, 0) for pid, v in self._last.items()) / _TICKS - self._own


def _run(
    engine: str, workers: int, path: Path, out: Path, settings: Any, repeat: int
) -> tuple[float, float, int]:
    """Return the best wall time and CPU time of `repeat` runs (least disturbed by other load)."""
    from newsgraph.batch.job import run_local

    best, best_cpu, analyzed = float("inf"), float("inf"), 0
    kinds: dict[str, float] = {}
    for _ in range(repeat):
        shutil.rmtree(out, ignore_errors=True)
        with CpuMeter() as meter:
            started = time.perf_counter()
            if engine == "ray":
                from newsgraph.batch.ray_job import run_ray

                summary = run_ray([str(path)], str(out), settings, workers=workers)
            else:
                summary = run_local([str(path)], str(out), settings, workers=workers)
            best = min(best, time.perf_counter() - started)
        if meter.seconds < best_cpu:
            best_cpu, kinds = meter.seconds, meter.by_kind()
        analyzed = summary.analyzed
    _LAST_KINDS.clear()
    _LAST_KINDS.update(kinds)
    return best, best_cpu, analyzed


_LAST_KINDS: dict[str, float] = {}
"""CPU seconds per kind of process in the last `_run` (its best repeat)."""


def _load_rate(out: Path, tmp: Path) -> float:
    """Load a batch output into a new SQLite store; return analyses loaded per second."""
    from newsgraph.batch.load import load_output
    from newsgraph.store.db import open_store

    engine = open_store(f"sqlite:///{tmp / 'load.db'}")
    try:
        return load_output(str(out), engine).rate
    finally:
        engine.dispose()


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--small", type=int, default=40)
    parser.add_argument("--large", type=int, default=120)
    parser.add_argument("--repeat", type=int, default=2, help="Runs per measurement; the best counts.")
    parser.add_argument(
        "--configs",
        default="local-1,local-2,ray-1,ray-2",
        help="Which of local-1,local-2,ray-1,ray-2 to run.",
    )
    parser.add_argument("--json", type=Path, default=None, help="Also write the figures here.")
    args = parser.parse_args()

    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    os.environ.setdefault("RAY_memory_monitor_refresh_ms", "0")
    import ray

    from newsgraph.extract.pipeline import get_nlp
    from newsgraph.settings import Settings

    settings = Settings()
    get_nlp(settings)  # the local engine forks from a parent with the pipeline loaded, as on a laptop
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        small = _subset(args.corpus, args.small, Path(tmp) / "small.jsonl")
        large = _subset(args.corpus, args.large, Path(tmp) / "large.jsonl")
        for engine in ("local", "ray"):
            if engine == "ray":  # started after the local runs, so its daemons count for Ray only
                ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
            for workers in (1, 2):
                if f"{engine}-{workers}" not in args.configs.split(","):
                    continue
                out = Path(tmp) / "out"
                t_small, cpu_small, n_small = _run(engine, workers, small, out, settings, args.repeat)
                t_large, cpu_large, n_large = _run(engine, workers, large, out, settings, args.repeat)
                marginal = (n_large - n_small) / (t_large - t_small) if t_large > t_small else float("nan")
                cpu_per_article = (cpu_large - cpu_small) / (n_large - n_small)
                key = f"{engine}-{workers}"
                results[key] = {
                    "articles": n_large,
                    "seconds": round(t_large, 2),
                    "rate": round(n_large / t_large, 3),
                    "marginal_rate": round(marginal, 3),
                    "cpu_seconds": round(cpu_large, 2),
                    "cpu_ms_per_article": round(1000 * cpu_per_article, 1),
                    "startup_cpu_seconds": round(cpu_large - n_large * cpu_per_article, 2),
                    "cpu_by_process": dict(_LAST_KINDS),
                }
                print(f"{key}: {results[key]}", file=sys.stderr, flush=True)
        load_rate = _load_rate(Path(tmp) / "out", Path(tmp))
    ray.shutdown()
    overhead = {
        f"{w}": round(
            results[f"ray-{w}"]["cpu_ms_per_article"] / results[f"local-{w}"]["cpu_ms_per_article"] - 1, 3
        )
        for w in (1, 2)
        if f"ray-{w}" in results and f"local-{w}" in results
    }
    # Ray with 1 worker has exactly one actor in both runs; with 2 workers on 2 CPUs the
    # autoscaling pool may start a different number of actors (each loading the pipeline) in
    # the SMALL and LARGE runs, which leaks start-up cost into the marginal figure.
    per_core = 1000 / results.get("ray-1", next(iter(results.values())))["cpu_ms_per_article"]
    projection_hours = 1_000_000 / (per_core * 64) / 3600
    report = {
        "load_average": os.getloadavg(),
        "cpus": os.cpu_count(),
        "runs": results,
        "ray_overhead_cpu": overhead,
        "per_core_rate": round(per_core, 3),
        "projection_1m_articles_64_cores_hours": round(projection_hours, 2),
        "load_rate_sqlite": round(load_rate, 1),
    }
    print("config    articles  wall s  rate/s  marginal/s  CPU s  CPU ms/article  start-up CPU s")
    for key, r in results.items():
        print(
            f"{key:<9} {r['articles']:>8} {r['seconds']:>7} {r['rate']:>7} {r['marginal_rate']:>11} "
            f"{r['cpu_seconds']:>6} {r['cpu_ms_per_article']:>15} {r['startup_cpu_seconds']:>15}"
        )
        print(f"          CPU s by process: {r['cpu_by_process']}")
    print(
        "Ray overhead (marginal CPU per article, ray/local - 1): "
        + ", ".join(f"{w} worker(s) {o:+.1%}" for w, o in overhead.items())
    )
    print(
        f"per-core rate {per_core:.2f} articles/CPU-second → "
        f"1,000,000 articles on 64 cores ≈ {projection_hours:.1f} h "
        f"(load average during the run: {report['load_average'][0]:.1f} on {os.cpu_count()} CPUs)"
    )
    print(f"load into SQLite: {load_rate:.1f} analyses/s")
    if args.json:
        args.json.write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))


if __name__ == "__main__":
    main()
