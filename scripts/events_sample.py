"""Draw a random sample of a store's confident events to judge by hand, each with its sentence.

    newsgraph ingest ../shared/data/corpus/news.jsonl --db sqlite:////tmp/corpus.db
    python scripts/events_sample.py --db sqlite:////tmp/corpus.db --seed 1515 --n 30

The pool is every event with confidence >= `models.EVENT_MIN_CONFIDENCE` (what the API, the web
pages and the evaluation list by default), in store id order; `random.Random(seed).sample` draws
from it. Prints one Markdown table row per event (article, type, source → target, trigger, a
verdict cell to fill) and under the table each sentence with the trigger in [[…]].
"""

from __future__ import annotations

import argparse
import json
import random
from typing import Any

from sqlalchemy import select

from newsgraph.models import EVENT_MIN_CONFIDENCE
from newsgraph.store import schema as s
from newsgraph.store.db import open_store


def main() -> None:
    """Print the sample's table rows and sentences."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", required=True, help="store URL, e.g. sqlite:////tmp/corpus.db")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--n", type=int, default=30)
    args = parser.parse_args()
    ev, art = s.events, s.articles
    query = (
        select(ev, art.c.doc_id, art.c.text, art.c.analysis)
        .join(art, art.c.id == ev.c.article_id)
        .where(ev.c.confidence >= EVENT_MIN_CONFIDENCE)
        .order_by(ev.c.id)
    )
    with open_store(args.db, migrate_schema=False).connect() as conn:
        rows = conn.execute(query).mappings().all()
    sample = random.Random(args.seed).sample(rows, min(args.n, len(rows)))
    print(f"pool: {len(rows)} confident events; seed {args.seed}\n")
    print("| # | article | event (type: source → target, trigger) | verdict |")
    print("| --- | --- | --- | --- |")
    for i, r in enumerate(sample, 1):
        neg = " (negated)" if r["negated"] else ""
        mode = f"/{r['mode']}" if r["mode"] else ""
        actors = f"{r['source_text'] or '–'} → {r['target_text'] or '–'}"
        print(f'| {i} | {r["doc_id"]} | {r["type"]}{mode}{neg}: {actors} ("{r["trigger_text"]}") | |')
    print()
    for i, r in enumerate(sample, 1):
        stored = r["analysis"]  # a JSON column: a dict, or its text on older stores
        analysis = stored if isinstance(stored, dict) else json.loads(stored)
        sent = analysis["sentences"][r["sentence"]]
        text, t0, t1 = r["text"], r["trigger_start"], r["trigger_end"]
        shown = f"{text[sent['start'] : t0]}[[{text[t0:t1]}]]{text[t1 : sent['end']]}"
        print(f"{i}. {' '.join(shown.split())}")
        print(f"   entities: {_entities(analysis, r['local_id'])}")


def _entities(analysis: dict[str, Any], local_id: str) -> str:
    """Name the entities an event's source and target point at ("source names → target names")."""
    names = {e["id"]: e["name"] for e in analysis["entities"]}
    event = next(e for e in analysis["events"] if e["id"] == local_id)
    sides = (" ; ".join(names.get(i, i) for i in event[side]) or "–" for side in ("source", "target"))
    return " → ".join(sides)


if __name__ == "__main__":
    main()
