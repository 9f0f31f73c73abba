"""CPU-time figures of newsgraph against bare spaCy, which hold on a loaded, shared machine.

    .venv/bin/python benchmarks/cpu.py [--limit N] [--out FILE]

`benchmarks/run.py` reports wall-clock times; when other jobs share the cores those swing by
2-3x between runs and between the rows of one run. This script measures CPU seconds instead
(`time.process_time` here, `RUSAGE_CHILDREN` for worker processes) on
../shared/data/corpus/news.jsonl, the model loaded once in this process:

  * bare spaCy `nlp.pipe` (batch 32) and newsgraph's `analyze --jsonl` path (`analyze_parallel`,
    cleaning + pipeline + JSON) on one process: CPU per article, and their ratio, which is the
    articles/s ratio on a free core;
  * the same with 2 processes: CPU of parent and workers together (the cost of going parallel),
    and the speed-up over one worker that two free cores would give, from the CPU of each pool
    task and the pool's order of dispatch (tasks go to whichever worker is free);
  * CPU per pipeline component (the least of the runs), and the newsgraph components' share on
    top of spaCy's own;
  * cold `newsgraph analyze doha-talks.txt --json`: CPU and wall time, and peak RSS.
"""

from __future__ import annotations

import argparse
import heapq
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "data" / "corpus" / "news.jsonl"
EXAMPLE = SHARED / "examples" / "doha-talks.txt"


def cpu_of(fn: Callable[[], object]) -> tuple[float, float, float]:
    """Run `fn`; return (CPU of this process, CPU of children reaped meanwhile, wall seconds)."""
    own0, kids0, wall0 = (
        time.process_time(),
        resource.getrusage(resource.RUSAGE_CHILDREN),
        time.perf_counter(),
    )
    fn()
    kids1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    kids = (kids1.ru_utime - kids0.ru_utime) + (kids1.ru_stime - kids0.ru_stime)
    return time.process_time() - own0, kids, time.perf_counter() - wall0


def makespan(tasks: list[float], workers: int) -> float:
    """Return when the last task ends when each task goes, in order, to the first free worker."""
    free = [0.0] * workers
    for cost in tasks:
        heapq.heapreplace(free, free[0] + cost)
    return max(free)


def main() -> None:
    """Measure and print a Markdown report (also written to --out)."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=None, help="Only the first N articles.")
    parser.add_argument("--out", type=Path, default=None, help="Also write the report here.")
    parser.add_argument("--runs", type=int, default=3, help="Runs of each throughput row (least CPU kept).")
    args = parser.parse_args()

    import spacy

    from newsgraph.batch import local
    from newsgraph.batch.local import analyze_chunk, analyze_parallel
    from newsgraph.extract.pipeline import get_nlp
    from newsgraph.settings import Settings
    from newsgraph.sources.base import RawArticle

    records = [orjson.loads(line) for line in CORPUS.read_bytes().splitlines() if line.strip()]
    records = records[: args.limit] if args.limit else records
    texts = [r["text"] for r in records]
    n = len(texts)
    items: list[Any] = [
        RawArticle(
            text=r["text"],
            id=r["id"],
            url=r.get("url"),
            title=r.get("title"),
            published=r.get("published"),
            source=r.get("source"),
            origin=f"corpus:{i}",
        )
        for i, r in enumerate(records, start=1)
    ]
    settings = Settings()
    bare = spacy.load(settings.model)
    nlp = get_nlp(settings)
    list(bare.pipe(texts[:4]))
    analyze_chunk(items[:4], settings)
    print(f"{n} articles", file=sys.stderr)

    def newsgraph(workers: int) -> None:
        for _ in analyze_parallel(items, settings, workers):
            pass

    # the least CPU of --runs runs, interleaved: other jobs on the cores only ever add to it
    measured: list[tuple[tuple[float, float, float], ...]] = []
    for _ in range(args.runs):
        measured.append(
            (
                cpu_of(lambda: list(bare.pipe(texts, batch_size=32))),
                cpu_of(lambda: newsgraph(1)),
                cpu_of(lambda: list(bare.pipe(texts, batch_size=32, n_process=2))),
                cpu_of(lambda: newsgraph(2)),
            )
        )
    best = [min((r[i] for r in measured), key=lambda m: m[0] + m[1]) for i in range(4)]
    # the median run of each row as well: the figure to quote when the load changed between runs
    middle = [
        sorted((r[i] for r in measured), key=lambda m: m[0] + m[1])[len(measured) // 2] for i in range(4)
    ]
    spacy1_med, ours1_med = middle[0][0], middle[1][0]
    spacy2_med, ours2_med = sum(middle[2][:2]), sum(middle[3][:2])
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else ["?"] * 3
    (
        (spacy1, _, spacy1_wall),
        (ours1, _, ours1_wall),
        (own2s, kids2s, spacy2_wall),
        (own2, kids2, ours2_wall),
    ) = best

    # the CPU of each pool task, as a worker runs it, and the speed-up on two free cores
    size = min(settings.batch_size, local.POOL_TASK)
    tasks = [0.0] * len(range(0, n, size))
    for run in range(args.runs):
        for k, start in enumerate(range(0, n, size)):
            before = time.process_time()
            analyze_chunk(items[start : start + size], settings)
            spent = time.process_time() - before
            tasks[k] = spent if run == 0 else min(tasks[k], spent)
    parallel_cost = max(1.0, (own2 + kids2) / ours1)  # CPU of going parallel, relative to one worker
    speedup = sum(tasks) / (makespan(tasks, 2) * parallel_cost)

    # each component's CPU over all the texts, the least of the runs (one pass is noisy on a shared machine)
    docs_cpu: dict[str, float] = {}
    for _run in range(args.runs):
        docs = [nlp.make_doc(t) for t in texts]
        for name, proc in nlp.pipeline:
            before = time.process_time()
            pipe = getattr(proc, "pipe", None)
            docs = list(pipe(docs, batch_size=32)) if pipe is not None else [proc(d) for d in docs]
            spent = time.process_time() - before
            docs_cpu[name] = min(docs_cpu.get(name, spent), spent)
    ours_components = sum(s for name, s in docs_cpu.items() if name.startswith("newsgraph_"))
    spacy_components = sum(docs_cpu.values()) - ours_components

    # in a wrapper process, so that the peak RSS is the CLI's own and not a pool worker's
    cold_cli = [str(Path(sys.executable).with_name("newsgraph")), "analyze", str(EXAMPLE), "--json"]
    wrapper = (
        "import resource, subprocess, time; t = time.perf_counter(); "
        f"subprocess.run({cold_cli!r}, check=True, capture_output=True); "
        "w = time.perf_counter() - t; r = resource.getrusage(resource.RUSAGE_CHILDREN); "
        "print(r.ru_utime + r.ru_stime, w, r.ru_maxrss / 1024)"
    )
    cold: list[tuple[float, float, float]] = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", wrapper], check=True, capture_output=True, text=True)
        cpu, wall, rss = (float(x) for x in out.stdout.split())
        cold.append((cpu, wall, rss))
    # the whole `analyze --jsonl` CLI run, model loading included: CPU, wall, largest process
    with tempfile.TemporaryDirectory() as tmp:
        corpus_in, sink = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        corpus_in.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
        runs: dict[int, tuple[float, float, float]] = {}
        for workers in (1, 2):
            cli = [
                str(Path(sys.executable).with_name("newsgraph")),
                "-q",
                "analyze",
                "--jsonl",
                str(corpus_in),
                "--out",
                str(sink),
                "--workers",
                str(workers),
            ]
            out = subprocess.run(
                [sys.executable, "-c", wrapper.replace(repr(cold_cli), repr(cli))],
                check=True,
                capture_output=True,
                text=True,
            )
            cpu, wall, rss = (float(x) for x in out.stdout.split())
            runs[workers] = (cpu, wall, rss)

    lines = [
        "# newsgraph CPU-time figures",
        "",
        f"`benchmarks/cpu.py`: {n} articles of `../shared/data/corpus/news.jsonl`; CPU seconds, the "
        f"least of {args.runs} runs (wall time of that run beside it) and the median run; load average "
        f"at the end of the runs {' / '.join(load)} (1 / 5 / 15 min, 2 cores).",
        "",
        "| pipeline | CPU s | CPU ms/article | wall s (loaded machine) | ratio to spaCy | median CPU s "
        "| median ratio |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| spaCy nlp.pipe, 1 process | {spacy1:.2f} | {1000 * spacy1 / n:.1f} | {spacy1_wall:.1f} | 1.00 "
        f"| {spacy1_med:.2f} | 1.00 |",
        f"| newsgraph analyze --jsonl, 1 worker | {ours1:.2f} | {1000 * ours1 / n:.1f} | {ours1_wall:.1f} "
        f"| {spacy1 / ours1:.2f} | {ours1_med:.2f} | {spacy1_med / ours1_med:.2f} |",
        f"| spaCy nlp.pipe, 2 processes (all CPU) | {own2s + kids2s:.2f} | {1000 * (own2s + kids2s) / n:.1f} "
        f"| {spacy2_wall:.1f} | 1.00 | {spacy2_med:.2f} | 1.00 |",
        f"| newsgraph analyze --jsonl, 2 workers (all CPU) | {own2 + kids2:.2f} | "
        f"{1000 * (own2 + kids2) / n:.1f} | {ours2_wall:.1f} | {(own2s + kids2s) / (own2 + kids2):.2f} "
        f"| {ours2_med:.2f} | {spacy2_med / ours2_med:.2f} |",
        "",
        f"- 2 workers: parent {own2:.2f} s + workers {kids2:.2f} s = {parallel_cost:.2f}x the CPU of one "
        f"worker; {len(tasks)} tasks of {size} articles; expected speed-up on two free cores "
        f"**{speedup:.2f}x** (task balance {sum(tasks) / makespan(tasks, 2):.2f}x).",
        "",
        "| component | CPU s | share |",
        "| --- | ---: | ---: |",
    ]
    total = sum(docs_cpu.values())
    for name, seconds in docs_cpu.items():
        lines.append(f"| {name} | {seconds:.2f} | {100 * seconds / total:.1f}% |")
    lines += [
        f"| **newsgraph components together** | {ours_components:.2f} | "
        f"{100 * ours_components / spacy_components:.1f}% on top of spaCy |",
        "",
        "- Cold `newsgraph analyze doha-talks.txt --json`: "
        + ", ".join(f"CPU {c:.2f} s / wall {w:.2f} s" for c, w, _ in cold)
        + f"; peak RSS {max(r for _, _, r in cold):.0f} MB.",
        *(
            f"- `newsgraph -q analyze --jsonl` CLI, {w} worker(s), model loading included: CPU {c:.1f} s, "
            f"wall {t:.1f} s, peak RSS of the largest process {r:.0f} MB."
            for w, (c, t, r) in runs.items()
        ),
    ]
    report = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
