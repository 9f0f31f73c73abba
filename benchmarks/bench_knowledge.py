"""CPU time to load the compiled Phoenix knowledge base and to look names up in it.

    .venv/bin/python benchmarks/bench_knowledge.py [--repeat N]

Each load runs in a fresh process (`time.process_time`, so the figures hold on a shared
machine): importing `newsgraph.models` (which every caller has already paid for) is measured
apart from `actor_dictionary()` itself (read, gunzip, parse, index). Lookups and longest
matches are timed over the words of ../shared/data/corpus/news.jsonl when it is present.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "news.jsonl"
_LOAD = """
import json, time
t0 = time.process_time()
import newsgraph.models
t1 = time.process_time()
from newsgraph.knowledge import actor_dictionary
actor_dictionary()
t2 = time.process_time()
print(json.dumps({"models": t1 - t0, "load": t2 - t1}))
"""


def load_times(repeat: int) -> dict[str, float]:
    """Median CPU seconds of importing the models and of loading the dictionary, fresh processes."""
    runs = [
        json.loads(
            subprocess.run([sys.executable, "-c", _LOAD], check=True, capture_output=True, text=True).stdout
        )
        for _ in range(repeat)
    ]
    return {key: statistics.median(r[key] for r in runs) for key in ("models", "load")}


def scan_times() -> dict[str, float]:
    """CPU seconds per 1,000 words of a greedy actor scan and of per-word lookups on the corpus."""
    from newsgraph.knowledge import actor_dictionary

    dictionary = actor_dictionary()
    words = [w for line in CORPUS.open(encoding="utf-8") for w in json.loads(line)["text"].split()]
    start = time.process_time()
    found = i = 0
    while i < len(words):
        match = dictionary.longest_match(words, i)
        found += match is not None
        i = match[0] if match else i + 1
    scan = time.process_time() - start
    start = time.process_time()
    for word in words:
        dictionary.lookup(word)
    lookups = time.process_time() - start
    return {
        "words": len(words),
        "actor matches": found,
        "scan ms / 1k words": 1000 * scan / len(words) * 1000,
        "lookup ms / 1k words": 1000 * lookups / len(words) * 1000,
    }


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5, help="Fresh processes to time the load in.")
    args = parser.parse_args()
    for key, value in load_times(args.repeat).items():
        print(f"{key}: {value:.3f} s CPU (median of {args.repeat})")
    if CORPUS.is_file():
        for key, value in scan_times().items():
            print(f"{key}: {value:,.3f}" if isinstance(value, float) else f"{key}: {value:,}")


if __name__ == "__main__":
    main()
