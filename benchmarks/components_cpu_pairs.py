"""CPU time of each newsgraph component on two source trees, timed in alternation on a shared machine.

    .venv/bin/python benchmarks/components_cpu_pairs.py A/src B/src [--rounds 10] [--limit 150]

`events_cpu_pairs.py` does this for the events component alone; this script does it for every
`newsgraph_*` component that runs after spaCy's `ner`. Two worker processes, one with each tree's
`src` first on PYTHONPATH, parse the first N corpus articles with spaCy's components (and
`newsgraph_paragraphs`, which sets the sentence starts the parser reads) once; then, round after
round, each runs the newsgraph components in pipeline order over fresh copies of those docs
(`Doc.to_bytes` / `from_bytes`) and times each component on each article (`time.process_time`), the
two trees in turn (the order swapped each round). Printed per component: the sum over the articles
of each article's least time for A and for B, and B/A (under 1: B is faster); then their total and
the share of the events component in the whole pipeline's least times (spaCy's components timed
once per worker, article by article, the least of three passes).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import orjson
from alternation import WORKER, passes, start_workers, stop_workers, tree_arguments

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus" / "news.jsonl"


def worker(limit: int) -> None:
    """Parse the articles once; per line of stdin, time the newsgraph components on fresh copies."""
    from spacy.tokens import Doc

    from newsgraph.extract.pipeline import get_nlp
    from newsgraph.settings import Settings

    nlp = get_nlp(Settings())
    lines = [line for line in CORPUS.read_bytes().splitlines() if line.strip()][:limit]
    texts = [orjson.loads(line)["text"] for line in lines]
    ours = [name for name in nlp.pipe_names[nlp.pipe_names.index("ner") :] if name.startswith("newsgraph_")]
    spacy_names = [name for name in nlp.pipe_names if name not in ours]
    list(nlp.pipe(texts[:8]))  # lexicons and gazetteers load on first use: not timed
    spacy_cpu = [0.0] * len(texts)
    for run in range(3):
        blobs = []
        for k, text in enumerate(texts):
            doc = nlp.make_doc(text)
            start = time.process_time()
            for name in spacy_names:
                doc = nlp.get_pipe(name)(doc)
            spent = time.process_time() - start
            spacy_cpu[k] = spent if run == 0 else min(spacy_cpu[k], spent)
            blobs.append(doc.to_bytes())
    print(json.dumps({"ready": ours, "spacy": spacy_cpu}), flush=True)
    for _ in sys.stdin:
        docs = [Doc(nlp.vocab).from_bytes(blob) for blob in blobs]
        each: dict[str, list[float]] = {name: [] for name in ours}
        for doc in docs:
            for name in ours:
                start = time.process_time()
                doc = nlp.get_pipe(name)(doc)
                each[name].append(time.process_time() - start)
        print(json.dumps(each), flush=True)


def main() -> None:
    """Start a worker per tree and time their passes in alternation."""
    if len(sys.argv) > 1 and sys.argv[1] == WORKER:
        worker(int(sys.argv[2]))
        return
    args = tree_arguments(__doc__ or "", rounds=10)
    procs = start_workers(__file__, (args.a, args.b), args.limit)
    ready = []
    for proc in procs:
        assert proc.stdout is not None
        ready.append(json.loads(proc.stdout.readline()))
    names: list[str] = ready[0]["ready"]
    least: list[dict[str, list[float]]] = [{}, {}]  # per tree, per component: each article's least time
    for k, line in passes(procs, args.rounds):
        for name, times in json.loads(line).items():
            old = least[k].get(name, times)
            least[k][name] = [min(a, b) for a, b in zip(old, times, strict=True)]
    stop_workers(procs)
    sums = [{name: sum(tree[name]) for name in names} for tree in least]
    spacy = [min(a, b) for a, b in zip(ready[0]["spacy"], ready[1]["spacy"], strict=True)]
    print(f"A = {args.a}, B = {args.b}; {args.rounds} rounds, load {os.getloadavg()[0]:.1f}")
    print("| component | A CPU s | B CPU s | B/A |")
    print("| --- | ---: | ---: | ---: |")
    for name in names:
        print(f"| {name} | {sums[0][name]:.3f} | {sums[1][name]:.3f} | {sums[1][name] / sums[0][name]:.3f} |")
    total = [sum(s.values()) for s in sums]
    print(f"| together | {total[0]:.3f} | {total[1]:.3f} | {total[1] / total[0]:.3f} |")
    base = sum(spacy)
    for label, tree, whole in zip("AB", sums, total, strict=True):
        events = tree.get("newsgraph_events", 0.0)
        print(
            f"- {label}: components {100 * whole / base:.1f}% on top of spaCy's {base:.2f} s; "
            f"events {100 * events / (base + whole):.1f}% of the pipeline"
        )


if __name__ == "__main__":
    main()
