"""Watches benchmark: ingest throughput with 10,000 watches against none, in CPU time.

    .venv/bin/python benchmarks/bench_watches.py [--watches 10000] [--runs 5] [--analyses FILE]

On ../shared/data/corpus/news.jsonl (436 articles):

1. The corpus is analyzed once, in this process (CPU seconds measured; `--analyses FILE` reads
   the JSONL of `newsgraph analyze --jsonl` instead and analyzes only the second half, for its CPU).
2. A base store holds the first half of the articles. Watches are made on it the way users
   would, from its real entities, words and units: quotes by a speaker (a third with words),
   numbers of a unit (alone or with words) / claimed by an entity / about words, events of a type
   by or on an actor or in a place, pairs of entities mentioned together, new articles of one of
   its same-event stories, saved searches of one to three topic words (`topic_words`: in 2
   articles to 5% of them; some phrases, some OR), 10,000 in all with a fixed seed.
3. The second half is written (the store's `Writer`, transactions of 64, as ingest does) into a
   copy of the base store without watches and into one with them, alternating, --runs times;
   the CPU time of the writes (this process: matching runs inside the write) is kept per run.

Reported: CPU per article of the write with none and with the watches, their ratio (the store's
throughput ratio), the ingest ratio (analysis + write, none / with watches: ingest is those two
steps, whose CPU adds up), and the matches recorded. CPU time, not wall time: the machine is
shared and wall times swing.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "news.jsonl"
BATCH = 64
PLOVER = ["CONSULT", "AGREE", "ASSAULT", "ACCUSE", "SUPPORT", "REQUEST", "PROTEST", "THREATEN", "AID"]


def analyze_corpus(records: list[dict[str, Any]]) -> tuple[list[bytes], float]:
    """Analyze every record in this process; return the Analysis JSON and the CPU seconds."""
    from newsgraph.extract.pipeline import analyze, get_nlp
    from newsgraph.settings import Settings

    settings = Settings()
    get_nlp(settings)
    started = time.process_time()
    out = []
    for r in records:
        analysis = analyze(
            r["text"], published=r.get("published"), url=r.get("url"), title=r.get("title"),
            id=r.get("id"), source=r.get("source"), settings=settings,
        )  # fmt: skip
        out.append(analysis.to_json())
    return out, time.process_time() - started


def topic_words(analyses: list[bytes], most: float = 0.05) -> list[str]:
    """Words of four letters or more whose stem is in at least two articles and at most `most`.

    A saved search names a topic; one for "said" or "year" would alert on nearly every article,
    which nobody keeps, so the most common stems are left out of the generated searches (by stem,
    as the search matches: "ones" finds every "on").
    """
    from newsgraph.store.watches.terms import stem, words

    df: dict[str, int] = {}
    forms: dict[str, set[str]] = {}
    for a in analyses:
        text = orjson.loads(a)["text"]
        for s in set(words(text)):
            df[s] = df.get(s, 0) + 1
        for w in {w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)}:
            forms.setdefault(stem(w), set()).add(w)
    keep = [s for s, n in df.items() if 2 <= n <= most * len(analyses)]
    return sorted(w for s in keep for w in forms.get(s, ()))


def make_watches(url: str, analyses: list[bytes], count: int, seed: int = 11) -> None:
    """Create `count` watches on the store at `url` from its entities, words and units."""
    from sqlalchemy import text

    from newsgraph.store.db import open_store
    from newsgraph.store.watches.manage import create_watch
    from newsgraph.store.watches.spec import WatchIn

    rng = random.Random(seed)
    engine = open_store(url)
    with engine.connect() as conn:
        entities = [r[0] for r in conn.execute(text("SELECT id FROM entities WHERE named"))]
        people = [r[0] for r in conn.execute(text("SELECT id FROM entities WHERE named AND type = 'PERSON'"))]
        units = sorted(
            {r[0] for r in conn.execute(text("SELECT unit FROM quantities WHERE unit IS NOT NULL"))}
        )
        places = sorted({r[0] for r in conn.execute(text("SELECT name FROM places"))})
        stories = [r[0] for r in conn.execute(text("SELECT id FROM stories ORDER BY id"))]
    words = topic_words(analyses)

    def phrase() -> str:
        roll = rng.random()
        if roll < 0.2:
            return f'"{rng.choice(words)} {rng.choice(words)}"'
        if roll < 0.35:
            return f"{rng.choice(words)} OR {rng.choice(words)}"
        return " ".join(rng.choice(words) for _ in range(rng.randint(1, 3)))

    def query() -> dict[str, Any]:
        kinds = ["quote", "number", "event", "entities", "story", "search"]
        kind = rng.choices(kinds, [20, 15, 20, 15, 5 if stories else 0, 25])[0]
        if kind == "quote":
            return {
                "kind": kind,
                "speaker": rng.choice(people),
                "words": phrase() if rng.random() < 0.33 else None,
            }
        if kind == "number":
            roll = rng.random()
            if roll < 0.2:
                return {"kind": kind, "unit": rng.choice(units)}
            if roll < 0.5:
                return {"kind": kind, "unit": rng.choice(units), "words": phrase()}
            if roll < 0.8:
                return {"kind": kind, "claimant": rng.choice(people)}
            return {"kind": kind, "words": phrase()}
        if kind == "event":
            roll = rng.random()
            if roll < 0.5:
                return {"kind": kind, "source": rng.choice(entities), "type": rng.choice(PLOVER)}
            if roll < 0.8:
                return {"kind": kind, "target": rng.choice(entities), "either_way": True}
            return {"kind": kind, "place": rng.choice(places), "type": rng.choice(PLOVER)}
        if kind == "entities":
            return {"kind": kind, "entities": rng.sample(entities, 2)}
        if kind == "story":
            return {"kind": kind, "story": rng.choice(stories)}
        return {"kind": kind, "query": phrase()}

    for _ in range(count):
        create_watch(engine, WatchIn.model_validate({"query": query()}))
    engine.dispose()


def write_cpu(base: Path, analyses: list[bytes]) -> tuple[float, int]:
    """Write the analyses into a copy of the base store; return (CPU seconds, matches recorded)."""
    from sqlalchemy import text

    from newsgraph.store.db import open_store
    from newsgraph.store.writer import Writer

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "run.db"
        shutil.copy(base, copy)
        engine = open_store(f"sqlite:///{copy}")
        writer = Writer(engine)
        started = time.process_time()
        for i in range(0, len(analyses), BATCH):
            writer.write(analyses[i : i + BATCH])
        cpu = time.process_time() - started
        with engine.connect() as conn:
            matches = int(conn.execute(text("SELECT count(*) FROM watch_matches")).scalar_one())
        engine.dispose()
    return cpu, matches


def base_store(folder: Path, name: str, analyses: list[bytes]) -> Path:
    """A store holding these analyses, checkpointed into one file (copied for each run)."""
    from newsgraph.store.db import open_store
    from newsgraph.store.writer import Writer

    path = folder / name
    engine = open_store(f"sqlite:///{path}")
    for i in range(0, len(analyses), BATCH):
        Writer(engine).write(analyses[i : i + BATCH])
    engine.dispose()
    return path


def checkpoint(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def main() -> None:
    """Measure and print a Markdown report."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--watches", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--analyses", type=Path, default=None, help="JSONL of `newsgraph analyze --jsonl`.")
    args = parser.parse_args()
    if not CORPUS.is_file():
        sys.exit(f"{CORPUS} not found (../shared is needed)")
    records = [orjson.loads(line) for line in CORPUS.read_bytes().splitlines() if line.strip()]
    half = len(records) // 2
    if args.analyses is not None:
        analyses = [line for line in args.analyses.read_bytes().splitlines() if line.strip()]
        _, analysis_cpu = analyze_corpus(records[half:])
    else:
        analyses, _ = analyze_corpus(records[:half])
        second, analysis_cpu = analyze_corpus(records[half:])
        analyses += second
    first_half, second_half = analyses[:half], analyses[half:]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plain = base_store(folder, "plain.db", first_half)
        watched = folder / "watched.db"
        shutil.copy(plain, watched)
        started = time.perf_counter()
        make_watches(f"sqlite:///{watched}", first_half, args.watches)
        made = time.perf_counter() - started
        checkpoint(plain)
        checkpoint(watched)
        write_cpu(plain, second_half)  # warm-up: imports and caches
        none: list[float] = []
        some: list[float] = []
        matches = 0
        for _ in range(args.runs):
            none.append(write_cpu(plain, second_half)[0])
            cpu, matches = write_cpu(watched, second_half)
            some.append(cpu)
    n = len(second_half)
    a, b = statistics.median(none), statistics.median(some)
    print(f"# Watches: ingest with {args.watches:,} watches against none (CPU time)\n")
    print(f"Second half of the corpus: {n} articles written into a store holding the first {half}; ")
    print(f"median of {args.runs} runs (min–max). {args.watches:,} watches made in {made:.1f} s.\n")
    print("| store | write CPU s | ms/article | matches |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| no watches | {a:.3f} ({min(none):.3f}–{max(none):.3f}) | {a / n * 1000:.2f} | 0 |")
    spread = f"{min(some):.3f}–{max(some):.3f}"
    print(f"| {args.watches:,} watches | {b:.3f} ({spread}) | {b / n * 1000:.2f} | {matches:,} |")
    per = analysis_cpu / n * 1000
    print(f"\nAnalysis of the same {n} articles: {analysis_cpu:.1f} CPU s ({per:.0f} ms/article).\n")
    print(f"- write throughput ratio (with / without watches): **{a / b:.3f}**")
    print(f"- ingest throughput ratio (analysis + write): **{(analysis_cpu + a) / (analysis_cpu + b):.3f}**")


if __name__ == "__main__":
    main()
