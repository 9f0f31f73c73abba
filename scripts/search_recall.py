"""Recall and precision of article search on a store, with and without entity-aware expansion.

    python scripts/search_recall.py --db sqlite:////tmp/corpus.db

Each query's relevant articles are those whose title or text names the subject under any of
its usual names (the patterns below, written by hand for this measurement, not used by the
search). Prints one row per query: relevant, found, recall and precision, before and after.
"""

from __future__ import annotations

import argparse
import re

from sqlalchemy import select

from newsgraph.store import schema as s
from newsgraph.store.db import open_store
from newsgraph.store.fulltext import expand_query
from newsgraph.store.search import search_articles

BIRD_FLU = (r"bird flu|avian (flu|influenza)|H5N1|H5N8|H7N9", re.I)
SWINE_FLU = (r"swine flu|swine influenza|H1N1", re.I)
WHO = (r"\bWorld Health Organi[sz]ation\b|\bWHO\b", 0)
UN = (r"\bUN\b|\bU\.N\.|United Nations", 0)
EU = (r"\bEU\b|\bE\.U\.|European Union", 0)
QUERIES = [
    ("avian influenza", BIRD_FLU),
    ("bird flu", BIRD_FLU),
    ("swine flu", SWINE_FLU),
    ("World Health Organization", WHO),
    ("UN", UN),
    ("United Nations", UN),
    ("EU", EU),
    ("European Union", EU),
    ("Islamic State", (r"Islamic State|\bISIS\b|\bISIL\b|Daesh", 0)),
    ("coronavirus", (r"coronavirus|COVID|SARS-CoV-2", re.I)),
    (
        "Airbus layoffs",
        (r"Airbus[\s\S]*(job cuts|layoffs?|redundanc)|(job cuts|layoffs?)[\s\S]*Airbus", re.I),
    ),
]


def _all(conn, query) -> set[int]:  # type: ignore[no-untyped-def]
    found: set[int] = set()
    cursor = None
    while True:
        page = search_articles(conn, query, limit=200, cursor=cursor)
        found |= {h.article_id for h in page.items}
        if not page.next_cursor:
            return found
        cursor = page.next_cursor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    engine = open_store(args.db)
    with engine.connect() as conn:
        docs = conn.execute(select(s.articles.c.id, s.articles.c.title, s.articles.c.text)).all()
        print("| query | relevant | before: found, recall, precision | after: found, recall, precision |")
        print("|---|---:|---|---|")
        totals = [0, 0, 0]
        for query, (pattern, flags) in QUERIES:
            rx = re.compile(pattern, flags)
            relevant = {d.id for d in docs if rx.search(f"{d.title or ''}\n{d.text}")}
            cells = []
            for i, q in enumerate((query, expand_query(conn, query))):
                found = _all(conn, q)
                hit = len(found & relevant)
                totals[i + 1] += hit
                recall = hit / len(relevant) if relevant else 0.0
                precision = hit / len(found) if found else 0.0
                cells.append(f"{len(found)}, {recall:.2f}, {precision:.2f}")
            totals[0] += len(relevant)
            print(f"| {query} | {len(relevant)} | {cells[0]} | {cells[1]} |")
        recalls = f"{totals[1] / totals[0]:.2f} | {totals[2] / totals[0]:.2f}"
        print(f"| all (micro recall) | {totals[0]} | {recalls} |")


if __name__ == "__main__":
    main()
