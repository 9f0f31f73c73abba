"""Two source trees timed in alternation: the shared part of the `*_cpu_pairs.py` benchmarks.

Each script starts one worker process per tree (the tree's `src` first on PYTHONPATH, the script
itself run again with `worker N` as its arguments); a worker prepares its documents, prints one line
when ready, and then answers each line of its stdin with one line of timings. `passes` asks the two
workers in turn, the order swapped each round, so that both see the machine's load of that moment.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

WORKER = "worker"
"""The first argument that makes a pairs script run as a worker."""


def tree_arguments(description: str, rounds: int) -> argparse.Namespace:
    """Parse the command line of a pairs script: the two trees, the rounds, the article limit."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("a", type=Path, help="The first tree's src directory (the baseline).")
    parser.add_argument("b", type=Path, help="The second tree's src directory.")
    parser.add_argument("--rounds", type=int, default=rounds, help="Passes of each tree.")
    parser.add_argument("--limit", type=int, default=150, help="The first N corpus articles.")
    return parser.parse_args()


def start_workers(script: str, trees: tuple[Path, Path], limit: int) -> list[subprocess.Popen[str]]:
    """Start the script as a worker once per tree, each with that tree's `src` on PYTHONPATH."""
    procs = []
    for src in trees:
        env = {**os.environ, "PYTHONPATH": str(src.resolve())}
        command = [sys.executable, script, WORKER, str(limit)]
        procs.append(
            subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
        )
    return procs


def passes(procs: list[subprocess.Popen[str]], rounds: int) -> Iterator[tuple[int, str]]:
    """Ask the two workers for a pass each, round after round, the order swapped each round; yield
    which tree answered and its line of timings."""
    for round_ in range(rounds):
        for k in (0, 1) if round_ % 2 == 0 else (1, 0):
            stdin, stdout = procs[k].stdin, procs[k].stdout
            assert stdin is not None and stdout is not None
            stdin.write("go\n")
            stdin.flush()
            yield k, stdout.readline()


def stop_workers(procs: list[subprocess.Popen[str]]) -> None:
    """Close the workers' stdin and wait for them to end."""
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait()
