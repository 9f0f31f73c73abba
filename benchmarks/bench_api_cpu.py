"""CPU per API request, cached and uncached, in one process: a loop of TestClient calls.

    .venv/bin/python benchmarks/bench_api_cpu.py --db sqlite:///newsgraph.db [--rounds 200]

`bench_api.py` measures latency under load against a real server; its wall-clock figures swing
with whatever else shares the cores. This script counts CPU seconds (`time.process_time`) of a
loop of requests through `fastapi.testclient.TestClient` (client and app in this process), the
least of five blocks, so before/after figures of a change to routing, validation or
serialization stay comparable on a busy machine. The client's own share is in every figure
alike. To compare with another checkout, run this file with `PYTHONPATH=that/src`.

Each endpoint runs with the response cache on (after one warm-up request: every measured request
is a hit) and off (`api_cache_mb=0`: every request queries the store and serializes its page).

A second table isolates the serialization of the same answers, which is steady even on a busy
machine: the path before the response models (`to_jsonable` + orjson, as issue 16 found it)
against the models' (validation of the store's objects against the response model, then
pydantic's `dump_json`, as FastAPI does for a route with `response_model`).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

import orjson
from fastapi.testclient import TestClient
from pydantic import TypeAdapter
from sqlalchemy import Connection, select

from newsgraph.api import create_app
from newsgraph.api import schemas as api
from newsgraph.settings import Settings
from newsgraph.store import queries
from newsgraph.store import schema as s
from newsgraph.store.db import open_store
from newsgraph.store.paging import Page
from newsgraph.store.related import cooccurring
from newsgraph.store.search import search_quotes
from newsgraph.store.timelines import entity_months


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


def cpu_per_request(client: TestClient, url: str, rounds: int, blocks: int = 5) -> float:
    """Return CPU milliseconds per request: the least mean of `blocks` runs of `rounds` requests
    (other processes on the machine only ever add to a block's figure)."""
    assert client.get(url).status_code == 200, url
    best = float("inf")
    for _ in range(blocks):
        start = time.process_time()
        for _ in range(rounds):
            client.get(url)
        best = min(best, (time.process_time() - start) * 1000 / rounds)
    return best


def least_cpu(fn: Callable[[], object], rounds: int = 200, blocks: int = 5) -> float:
    """CPU milliseconds per call of `fn`: the least mean of `blocks` runs of `rounds` calls."""
    best = float("inf")
    for _ in range(blocks):
        start = time.process_time()
        for _ in range(rounds):
            fn()
        best = min(best, (time.process_time() - start) * 1000 / rounds)
    return best


def _before(answer: dict[str, Any]) -> Callable[[], bytes]:
    """The serialization before the response models: every value through to_jsonable, then orjson."""
    return lambda: orjson.dumps({"ok": True, **{k: queries.to_jsonable(v) for k, v in answer.items()}})


def _after(model: Any, answer: dict[str, Any]) -> Callable[[], bytes]:
    """The response model's: validate the store's objects, then dump JSON in pydantic's core."""
    adapter: TypeAdapter[Any] = TypeAdapter(model)
    return lambda: adapter.dump_json(adapter.validate_python(answer, from_attributes=True))


def answers(conn: Connection, article: int, entity: int) -> list[tuple[str, Any, dict[str, Any]]]:
    """The store's objects of each measured answer, with its response model."""
    pages: list[tuple[str, Any, Page[Any]]] = [
        ("/api/articles?limit=50", api.ArticlePage, queries.list_articles(conn, limit=50)),
        ("/api/quotes?limit=50", api.QuotePage, search_quotes(conn, None, limit=50)),
        ("/api/events?limit=50", api.EventPage, queries.list_events(conn, limit=50, min_confidence=0.5)),
    ]
    record = queries.get_article(conn, article)
    found = queries.get_entity(conn, entity)
    detail = {
        "entity": found.summary,
        "aliases": found.aliases,
        "roles": found.roles,
        "timeline": queries.entity_timeline(conn, entity),
        "undated": queries.entity_undated(conn, entity),
        "months": entity_months(conn, entity),
        "related": cooccurring(conn, entity),
        "quotes": queries.entity_quotes(conn, entity, limit=20),
        "events": queries.list_events(conn, actor_id=entity, limit=20),
        "quantities": queries.entity_quantities(conn, entity, limit=20),
    }
    return [
        *((url, model, {"items": p.items, "next_cursor": p.next_cursor}) for url, model, p in pages),
        (
            f"/api/articles/{article}",
            api.ArticleDetail,
            {"article": record.summary, "urls": record.urls, "analysis": record.analysis},
        ),
        (f"/api/entities/{entity}", api.EntityDetail, detail),
    ]


def serialization(db: str) -> None:
    """Print the serialization table."""
    urls = endpoints(db)
    article, entity = (int(u.rsplit("/", 1)[1]) for u in urls[3:5])
    engine = open_store(db)
    with engine.connect() as conn:
        measured = answers(conn, article, entity)
    engine.dispose()
    print(
        "\n| answer | serialization before: to_jsonable + orjson, ms CPU | after: model + dump_json, ms CPU |"
    )
    print("|---|---:|---:|")
    for url, model, answer in measured:
        print(f"| `{url}` | {least_cpu(_before(answer)):.3f} | {least_cpu(_after(model, answer)):.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--rounds", type=int, default=100, help="requests per block (5 blocks)")
    args = parser.parse_args()
    urls = endpoints(args.db)
    print(f"| endpoint | cached ms CPU/request | uncached ms CPU/request |  (best of 5 x {args.rounds})")
    print("|---|---:|---:|")
    results: dict[str, list[float]] = {url: [] for url in urls}
    for cache_mb in (64, 0):
        settings = Settings(db=args.db, api_rate=0, api_cache_mb=cache_mb)
        with TestClient(create_app(settings)) as client:
            for url in urls:
                results[url].append(cpu_per_request(client, url, args.rounds))
    for url, (cached, uncached) in results.items():
        print(f"| `{url}` | {cached:.2f} | {uncached:.2f} |")
    serialization(args.db)


if __name__ == "__main__":
    main()
