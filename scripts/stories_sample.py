"""Print stories picked at random from a store, each with its articles by date, for reading.

    .venv/bin/python scripts/stories_sample.py sqlite:///s.db --seed 2026 --count 20

The stories are drawn with `random.Random(seed).sample` from the store's story ids in id order,
so a seed names the same sample of the same store; all of them when there are fewer.
"""

from __future__ import annotations

import argparse
import random

from sqlalchemy import select

from newsgraph.store import schema as s
from newsgraph.store.db import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", help="database URL")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--count", type=int, default=20)
    args = parser.parse_args()
    engine = open_store(args.db)
    a = s.articles.c
    with engine.connect() as conn:
        ids = [int(r[0]) for r in conn.execute(select(s.stories.c.id).order_by(s.stories.c.id))]
        picked = sorted(random.Random(args.seed).sample(ids, min(args.count, len(ids))))
        in_stories = conn.execute(select(a.id).where(a.story_id.is_not(None))).all()
        print(f"{len(ids)} stories, {len(in_stories)} articles in stories; seed {args.seed}: {picked}")
        for story_id in picked:
            rows = conn.execute(
                select(a.id, a.published_day, a.doc_id, a.title)
                .where(a.story_id == story_id)
                .order_by(a.published_day, a.id)
            ).all()
            print(f"\nstory {story_id} ({len(rows)} articles)")
            for row in rows:
                print(f"  {row.id:>6}  {row.published_day or 'undated':<10}  {row.doc_id}  {row.title or ''}")
    engine.dispose()


if __name__ == "__main__":
    main()
