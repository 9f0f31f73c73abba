"""Print the article pairs a store's stories leave apart that share some evidence, for reading.

    .venv/bin/python scripts/stories_pairs.py sqlite:///s.db

Every pair of stored articles (their `story_features`) not in one story, at most `MAX_DAYS`
apart or undated, is compared with `evidence.compare`; a pair is printed when its key terms
reach `MIN_TERMS` cosine, or `MIN_SHARED_TERMS` with a shared entity weighing at least
`MIN_ENTITIES` (a low bound: most printed pairs are the same topic, not the same event). Pairs
are printed by term cosine, each with its evidence and both headlines.
"""

from __future__ import annotations

import sys
from typing import Any

import orjson
from sqlalchemy import text

from newsgraph.store.db import open_store
from newsgraph.store.stories.evidence import compare
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


def main() -> None:
    articles = _articles(sys.argv[1])
    found = []
    for index, (id_a, title_a, story_a, a) in enumerate(articles):
        for id_b, title_b, story_b, b in articles[index + 1 :]:
            if story_a is not None and story_a == story_b:
                continue
            ev = compare(a, b)
            if ev.days is not None and ev.days > MAX_DAYS:
                continue
            if ev.terms >= MIN_TERMS or (
                ev.shared_entities and ev.terms >= MIN_SHARED_TERMS and ev.entities >= MIN_ENTITIES
            ):
                found.append(
                    (ev.terms, f"{id_a}|{id_b} {ev}\n   {a.day} {title_a[:90]}\n   {b.day} {title_b[:90]}")
                )
    for _, line in sorted(found, key=lambda item: -item[0]):
        print(line)
    print(f"{len(found)} pairs", file=sys.stderr)


if __name__ == "__main__":
    main()
