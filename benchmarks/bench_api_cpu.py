"""CPU per API request, cached and uncached, in one process: a loop of TestClient calls.

    .venv/bin/python benchmarks/bench_api_cpu.py --db sqlite:///newsgraph.db [--rounds 200]

`bench_api.py` measures latency under load against a real server; its wall-clock figures swing
with whatever else shares the cores. This script counts CPU seconds (`time.process_time`) of a
loop of requests through `fastapi.testclient.TestClient` (client and app in this process), so
before/after figures of a change to routing, validation or serialization stay comparable on a
busy machine. The client's own share is in every figure alike.

Each endpoint runs with the response cache on (after one warm-up request: every measured request
is a hit) and off (`api_cache_mb=0`: every request queries the store and serializes its page).
"""

from __future__ import annotations

import argparse
import time

from fastapi.testclient import TestClient
from sqlalchemy import select

from newsgraph.api import create_app
from newsgraph.settings import Settings
from newsgraph.store import schema as s
from newsgraph.store.db import open_store


def endpoints(db: str) -> list[str]:
    """The measured URLs: lists of articles, quotes and events, one article, one busy entity."""
    engine = open_store(db)
    with engine.connect() as conn:
        article = conn.execute(select(s.articles.c.id).order_by(s.articles.c.id).limit(1)).scalar()
        entity = conn.execute(
            select(s.entities.c.id).order_by(s.entities.c.article_count.desc()).limit(1)
        ).scalar()
    engine.dispose()
    return [
        "/api/articles?limit=50",
        "/api/quotes?limit=50",
        "/api/events?limit=50",
        f"/api/articles/{article}",
        f"/api/entities/{entity}",
    ]


def cpu_per_request(client: TestClient, url: str, rounds: int) -> float:
    """Return CPU milliseconds per request over `rounds` requests (after one warm-up)."""
    assert client.get(url).status_code == 200, url
    start = time.process_time()
    for _ in range(rounds):
        client.get(url)
    return (time.process_time() - start) * 1000 / rounds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    urls = endpoints(args.db)
    print(f"| endpoint | cached ms CPU/request | uncached ms CPU/request |  ({args.rounds} requests)")
    print("|---|---:|---:|")
    results: dict[str, list[float]] = {url: [] for url in urls}
    for cache_mb in (64, 0):
        settings = Settings(db=args.db, api_rate=0, api_cache_mb=cache_mb)
        with TestClient(create_app(settings)) as client:
            for url in urls:
                results[url].append(cpu_per_request(client, url, args.rounds))
    for url, (cached, uncached) in results.items():
        print(f"| `{url}` | {cached:.2f} | {uncached:.2f} |")


if __name__ == "__main__":
    main()
