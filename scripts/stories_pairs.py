"""Print the article pairs a store's stories leave apart that share some evidence, for reading.

    .venv/bin/python scripts/stories_pairs.py sqlite:///s.db

Every pair of stored articles (their `story_features`) not in one story, at most `MAX_DAYS`
apart or undated, is compared with `evidence.compare`; a pair is printed when its key terms
reach `MIN_TERMS` cosine, or `MIN_SHARED_TERMS` with a shared entity weighing at least
`MIN_ENTITIES` (a low bound: most printed pairs are the same topic, not the same event). Pairs
are printed by term cosine, each with its evidence and both headlines.

    .venv/bin/python scripts/stories_pairs.py sqlite:///s.db --what 0.7

prints instead the pairs left apart that would link with `evidence.WHAT_SCORE` at that bound,
every other rule kept (the bound against purity, docs/evaluation.md, issue 18 fifth pass).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import orjson
from sqlalchemy import text

from newsgraph.store.db import open_store
from newsgraph.store.stories import evidence
from newsgraph.store.stories.evidence import Evidence, compare
from newsgraph.store.stories.features import Features

MAX_DAYS = 7
MIN_TERMS = 0.15
MIN_SHARED_TERMS = 0.08
MIN_ENTITIES = 1.0


def _articles(url: str) -> list[tuple[int, str, Any, Features]]:
    engine = open_store(url)
    query = (
        "SELECT a.id, a.title, a.story_id, f.data FROM articles a"
        " JOIN story_features f ON f.article_id = a.id"
    )
    with engine.connect() as conn:
        rows = conn.execute(text(query)).all()
    engine.dispose()
    return [
        (
            int(i),
            str(t or ""),
            story,
            Features.from_data(orjson.loads(d) if isinstance(d, (str, bytes)) else d),
        )
        for i, t, story, d in rows
    ]


def _wanted(ev: Evidence, what: float | None) -> bool:
    """Whether to print a pair left apart: by the low bounds, or linking at the `what` bound given."""
    if what is None:
        shared = ev.shared_entities and ev.terms >= MIN_SHARED_TERMS and ev.entities >= MIN_ENTITIES
        return ev.terms >= MIN_TERMS or bool(shared)
    if ev.links:
        return False
    kept = evidence.WHAT_SCORE
    evidence.WHAT_SCORE = what
    try:
        return ev.links
    finally:
        evidence.WHAT_SCORE = kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", help="database URL")
    parser.add_argument("--what", type=float, default=None, help="print the pairs linking at this WHAT_SCORE")
    args = parser.parse_args()
    articles = _articles(args.db)
    found = []
    for index, (id_a, title_a, story_a, a) in enumerate(articles):
        for id_b, title_b, story_b, b in articles[index + 1 :]:
            if story_a is not None and story_a == story_b:
                continue
            ev = compare(a, b)
            if ev.days is not None and ev.days > MAX_DAYS:
                continue
            if _wanted(ev, args.what):
                found.append(
                    (ev.terms, f"{id_a}|{id_b} {ev}\n   {a.day} {title_a[:90]}\n   {b.day} {title_b[:90]}")
                )
    for _, line in sorted(found, key=lambda item: -item[0]):
        print(line)
    print(f"{len(found)} pairs", file=sys.stderr)


if __name__ == "__main__":
    main()
