"""CPU time of the events component on two source trees, timed in alternation on a shared machine.

    .venv/bin/python benchmarks/events_cpu_pairs.py A/src B/src [--rounds 30] [--limit 150]

Two worker processes, one with each tree's `src` first on PYTHONPATH, parse the first N corpus
articles up to `newsgraph_events` once (as `events_cpu.py` does); then, round after round, each
times one pass of the events component over fresh copies of the docs (`time.process_time`), the
two in turn (the order swapped each round), so that both see the machine's load of that moment.
Printed: the least and the median pass of each tree, the sum over the articles of each article's
least time (a pass is timed article by article; a busy moment of the machine inflates a few
articles of a pass, not the least of each, so this sum moves less with the load) and the median
of the per-round ratios B/A (under 1: B is faster). Running the two trees at the same time instead
makes them compete for the cores; running them minutes apart lets the other jobs' load differ.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

from alternation import WORKER, passes, start_workers, stop_workers, tree_arguments


def worker(limit: int) -> None:
    """Parse the articles once; time one events pass on fresh copies of them per line of stdin."""
    from events_cpu import prepared  # this directory; imported once PYTHONPATH names the tree

    events, copies = prepared(limit)
    print("ready", flush=True)
    for _ in sys.stdin:
        docs = copies()
        each = []
        for doc in docs:
            start = time.process_time()
            events(doc)
            each.append(time.process_time() - start)
        print(" ".join(f"{t:.7f}" for t in each), flush=True)


def main() -> None:
    """Start a worker per tree and time their passes in alternation."""
    if len(sys.argv) > 1 and sys.argv[1] == WORKER:
        worker(int(sys.argv[2]))
        return
    args = tree_arguments(__doc__ or "", rounds=30)
    procs = start_workers(__file__, (args.a, args.b), args.limit)
    for proc in procs:
        assert proc.stdin is not None and proc.stdout is not None
        if proc.stdout.readline().strip() != "ready":
            raise SystemExit("a worker failed to start")
    times: list[list[float]] = [[], []]
    per_doc: list[list[list[float]]] = [[], []]  # per tree, per round: each article's time
    for k, line in passes(procs, args.rounds):
        each = [float(t) for t in line.split()]
        per_doc[k].append(each)
        times[k].append(sum(each))
    stop_workers(procs)
    for src, tree_times in zip((args.a, args.b), times, strict=True):
        print(f"{src}: least {min(tree_times):.3f} s, median {statistics.median(tree_times):.3f} s")
    least = [sum(map(min, zip(*rounds, strict=True))) for rounds in per_doc]
    print(
        f"sum over articles of each one's least time: A {least[0]:.3f} s, B {least[1]:.3f} s, "
        f"B/A {least[1] / least[0]:.3f}"
    )
    ratios = sorted(b / a for a, b in zip(*times, strict=True))
    print(
        f"B/A per round: median {statistics.median(ratios):.3f} "
        f"(range {ratios[0]:.3f}-{ratios[-1]:.3f}, {args.rounds} rounds); "
        f"load {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
