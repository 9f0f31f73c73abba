"""CPU time of the events component alone, on corpus articles parsed once.

    .venv/bin/python benchmarks/events_cpu.py [--limit 150] [--runs 15] [--profile]

The first N articles of ../shared/data/corpus/news.jsonl go through the pipeline up to
`newsgraph_events` once; the component's `__call__` is then timed (`time.process_time`) on fresh
copies of those docs (`Doc.to_bytes` / `from_bytes`, the facts read back as the Analysis types, as
they are inside the running pipeline), and the least of the runs is printed. With --profile, one
run under cProfile instead: the functions with the most own time (spaCy's Token construction,
`token.pxd:...(cinit)`, with its count of calls among them). To compare two trees on a shared
machine, `events_cpu_pairs.py` times them in alternation.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections.abc import Callable
from pathlib import Path

import orjson
from spacy.tokens import Doc

from newsgraph.extract import extensions
from newsgraph.extract.pipeline import get_nlp
from newsgraph.settings import Settings

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus" / "news.jsonl"
_READERS = (
    extensions.get_entities,
    extensions.get_quotes,
    extensions.get_events,
    extensions.get_quantities,
    extensions.get_times,
    extensions.get_places,
)


def prepared(limit: int) -> tuple[Callable[[Doc], Doc], Callable[[], list[Doc]]]:
    """Parse the first `limit` corpus articles up to `newsgraph_events` once; return the events
    component and a function that makes fresh copies of the parsed docs, their facts read back."""
    nlp = get_nlp(Settings())
    names = nlp.pipe_names
    lines = [line for line in CORPUS.read_bytes().splitlines() if line.strip()][:limit]
    texts = [orjson.loads(line)["text"] for line in lines]
    with nlp.select_pipes(enable=names[: names.index("newsgraph_events")]):
        blobs = [doc.to_bytes() for doc in nlp.pipe(texts, batch_size=32)]

    def copies() -> list[Doc]:
        docs = [Doc(nlp.vocab).from_bytes(blob) for blob in blobs]
        for doc in docs:
            for read in _READERS:
                read(doc)
        return docs

    return nlp.get_pipe("newsgraph_events"), copies


def main() -> None:
    """Parse the articles once, then time (or profile) the events component on copies of them."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=150, help="The first N corpus articles.")
    parser.add_argument("--runs", type=int, default=15, help="Timed runs (the least is printed).")
    parser.add_argument("--profile", action="store_true", help="One run under cProfile instead.")
    args = parser.parse_args()

    events, copies = prepared(args.limit)
    if args.profile:
        docs = copies()
        profile = cProfile.Profile()
        profile.enable()
        for doc in docs:
            events(doc)
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
        return
    best = float("inf")
    for _ in range(args.runs):
        docs = copies()
        start = time.process_time()
        for doc in docs:
            events(doc)
        best = min(best, time.process_time() - start)
    print(f"events component, {len(docs)} articles: {best:.3f} s CPU (least of {args.runs} runs)")


if __name__ == "__main__":
    main()
