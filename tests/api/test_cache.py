"""The response cache, the per-request connection, and the multi-worker server socket."""

from __future__ import annotations

import asyncio
import socket
import time
from pathlib import Path

import anyio.to_thread
import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from starlette.types import Message, Receive, Scope, Send

from newsgraph.api.cache import STATE_KEY, Entry, ResponseCache
from newsgraph.api.security import CSP
from newsgraph.api.server import TcpConfig
from newsgraph.app import create_app
from newsgraph.models import Analysis
from newsgraph.settings import Settings
from newsgraph.store.db import bump_version, data_version, make_engine, open_store
from newsgraph.store.writer import Writer
from tests.support.store import doha_analyses, make_analysis


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    """A store holding the two Doha articles of the store tests."""
    engine = open_store(f"sqlite:///{tmp_path / 'cache.db'}")
    Writer(engine).write(doha_analyses())
    return engine


def _client(engine: Engine, **changes: object) -> TestClient:
    settings = Settings(db="sqlite://", api_rate=0).model_copy(update=changes)
    return TestClient(create_app(settings, engine=engine))


def _cache(client: TestClient) -> ResponseCache:
    """The ResponseCache instance inside the app's middleware stack."""
    app = client.app.middleware_stack  # type: ignore[attr-defined]
    while not isinstance(app, ResponseCache):
        app = app.app
    return app


def _third_article() -> Analysis:
    return make_analysis(
        "Abdullah Abdullah said on Sunday that the talks in Doha would go on for a week.",
        id="doha-3",
        source="Example News",
        published="2021-07-19",
        entities=[("e1", "PERSON", "Abdullah Abdullah", [])],
    )


def test_api_cache_serves_the_same_bytes_again(engine: Engine) -> None:
    with _client(engine) as client:
        first = client.get("/api/entities/1")
        second = client.get("/api/entities/1")
        page = client.get("/entities/1")
        page_again = client.get("/entities/1")
    assert first.status_code == 200
    assert (first.headers["x-cache"], second.headers["x-cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert second.headers["etag"] == first.headers["etag"]
    assert second.headers["content-type"] == first.headers["content-type"]
    assert page_again.headers["x-cache"] == "hit" and page_again.text == page.text
    # the security headers are on cached responses too
    assert page_again.headers["content-security-policy"] == CSP
    assert page_again.headers["cache-control"] == "no-cache"


def test_api_cache_keys_on_the_query_string(engine: Engine) -> None:
    with _client(engine) as client:
        one = client.get("/api/quotes?limit=1")
        two = client.get("/api/quotes?limit=2")
    assert one.headers["x-cache"] == two.headers["x-cache"] == "miss"
    assert len(one.json()["items"]) == 1
    assert len(two.json()["items"]) == 2
    assert one.headers["etag"] != two.headers["etag"]


def test_api_cache_revalidation_gives_304(engine: Engine) -> None:
    with _client(engine) as client:
        first = client.get("/entities/1")
        etag = first.headers["etag"]
        again = client.get("/entities/1", headers={"If-None-Match": etag})
        other = client.get("/entities/1", headers={"If-None-Match": 'W/"0-0000000000000000"'})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert again.headers["x-frame-options"] == "DENY"
    assert other.status_code == 200 and other.text == first.text


def test_api_cache_shows_new_data_after_a_change(engine: Engine) -> None:
    with _client(engine, api_cache_check=0) as client:
        before = client.get("/api/stats").json()
        assert client.get("/api/stats").headers["x-cache"] == "hit"
        with engine.connect() as conn:
            version = data_version(conn)
        Writer(engine).write([_third_article()])  # another process's ingest
        with engine.connect() as conn:
            assert data_version(conn) == version + 1
        stale = client.get("/api/stats")  # as it was, while a background task builds it again
        deadline = time.monotonic() + 10
        while (fresh := client.get("/api/stats")).headers["x-cache"] != "hit":
            assert time.monotonic() < deadline, "the page was never built again"
            time.sleep(0.01)
    assert stale.headers["x-cache"] == "stale"
    assert stale.json() == before
    assert fresh.json()["articles"] == before["articles"] + 1
    assert fresh.headers["etag"].startswith(f'W/"{version + 1}-')


def test_api_cache_without_stale_answers_drops_them_at_once(engine: Engine) -> None:
    with _client(engine, api_cache_check=0, api_cache_stale=0) as client:
        before = client.get("/api/stats").json()
        Writer(engine).write([_third_article()])
        after = client.get("/api/stats")
    assert after.headers["x-cache"] == "miss"
    assert after.json()["articles"] == before["articles"] + 1


def test_api_cache_waits_for_the_check_interval(engine: Engine) -> None:
    with _client(engine, api_cache_check=60) as client:
        before = client.get("/api/stats").json()
        Writer(engine).write([_third_article()])
        stale = client.get("/api/stats")
    # within the interval the kept answer is served: data at most api_cache_check seconds old
    assert stale.headers["x-cache"] == "hit"
    assert stale.json() == before


def test_api_cache_write_through_the_api_is_seen_at_once(engine: Engine) -> None:
    body = {
        "text": "The mayor of Bristol, Ann Lee, said on Friday that the ferry would run again.",
        "id": "w1",
    }
    good = {"Authorization": "Bearer s3cret-token"}
    with _client(engine, api_cache_check=60, api_token="s3cret-token") as client:
        before = client.get("/api/stats").json()["articles"]
        assert client.post("/api/articles", json=body, headers=good).status_code == 201
        after = client.get("/api/stats")
    assert after.headers["x-cache"] == "miss"
    assert after.json()["articles"] == before + 1


def test_api_cache_keeps_no_errors_and_no_static_files(engine: Engine) -> None:
    with _client(engine) as client:
        missing = [client.get("/api/entities/999999") for _ in range(2)]
        static = [client.get("/static/newsgraph-1.0.0.css") for _ in range(2)]
        cache = _cache(client)
        assert all(r.status_code == 404 for r in missing)
        assert all("x-cache" not in r.headers for r in missing)
        assert all(r.status_code == 200 and "x-cache" not in r.headers for r in static)
        assert not cache.entries


def test_api_cache_stays_within_its_budget(engine: Engine) -> None:
    with _client(engine) as client:
        cache = _cache(client)
        page = client.get("/articles/1?n=0")
        cache.max_bytes = 10 * cache.entries[b"/articles/1?n=0"].size  # room for about nine pages
        for n in range(1, 30):  # unknown parameters are ignored by the page but part of the key
            response = client.get(f"/articles/1?n={n}")
            assert response.text == page.text
            assert cache.used <= cache.max_bytes
        assert 5 <= len(cache.entries) <= 10
        assert client.get("/articles/1?n=29").headers["x-cache"] == "hit"
        assert client.get("/articles/1?n=1").headers["x-cache"] == "miss"  # least recently used went first


def test_api_cache_off(engine: Engine) -> None:
    with _client(engine, api_cache_mb=0) as client:
        responses = [client.get("/entities/1") for _ in range(2)]
    assert all(r.status_code == 200 and "x-cache" not in r.headers for r in responses)
    assert "etag" not in responses[1].headers


def test_api_connections_never_deadlock_or_leak(tmp_path: Path) -> None:
    """One pooled connection and one thread, 24 requests at once, a third of them abandoned.

    With a sync generator dependency this deadlocked: requests waiting for the connection held
    the only thread the request holding it needed to finish, until the pool's timeout failed them.
    """
    url = f"sqlite:///{tmp_path / 'pool.db'}"
    open_store(url).dispose()
    engine = make_engine(url, pool_size=1, max_overflow=0, pool_timeout=5)
    Writer(engine).write(doha_analyses())
    app = create_app(Settings(db=url, api_rate=0, api_cache_mb=0), engine=engine)

    async def run() -> list[int]:
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = 1
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            tasks = [asyncio.create_task(client.get(f"/entities/{1 + n % 3}")) for n in range(24)]
            await asyncio.sleep(0)
            for task in tasks[::3]:
                task.cancel()  # clients that hang up while waiting
            done = await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), timeout=4)
        return [r.status_code for r in done if isinstance(r, httpx.Response)]

    statuses = asyncio.run(run())
    assert statuses and all(s == 200 for s in statuses)
    assert len(statuses) == 16
    assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]
    engine.dispose()


def test_api_server_socket_is_tcp_so_nagle_is_off() -> None:
    config = TcpConfig("newsgraph.app:create_app", factory=True, host="127.0.0.1", port=0, workers=2)
    sock = config.bind_socket()
    try:
        sock.listen()
        assert sock.proto == socket.IPPROTO_TCP
        # asyncio sets TCP_NODELAY on accepted sockets only when this holds (base_events._set_nodelay)
        client = socket.create_connection(sock.getsockname())
        accepted, _ = sock.accept()
        assert accepted.proto == socket.IPPROTO_TCP
        accepted.close()
        client.close()
    finally:
        sock.close()


def test_api_cache_keeps_the_newest_answer_for_a_url(engine: Engine) -> None:
    """Requests for one URL built concurrently read different snapshots and finish in any order:
    an answer replaces the kept one only when it shows newer data, so counts never go back."""
    cache = ResponseCache(app=lambda *_: None, engine=engine, max_bytes=1 << 20)  # type: ignore[arg-type]
    cache.version = 3
    json_type = [(b"content-type", b"application/json")]
    at_4 = Entry(json_type, b'{"articles": 12}', version=4)
    at_3 = Entry(json_type, b'{"articles": 10}', version=3)
    cache._put(b"/api/stats?", at_4)
    cache._put(b"/api/stats?", at_3)  # finished later, read earlier
    assert cache.entries[b"/api/stats?"] is at_4
    again_4 = Entry(json_type, b'{"articles": 12}', version=4)
    cache._put(b"/api/stats?", again_4)
    assert cache.entries[b"/api/stats?"] is at_4  # same data: the first stays
    at_5 = Entry(json_type, b'{"articles": 13}', version=5)
    cache._put(b"/api/stats?", at_5)
    assert cache.entries[b"/api/stats?"] is at_5
    cache._put(b"/api/entities/1?", Entry(json_type, b"{}", version=2))  # older than the cache
    assert b"/api/entities/1?" not in cache.entries
    assert cache.used == at_5.size


def test_api_cache_etag_names_the_data_version_the_page_shows(engine: Engine) -> None:
    with _client(engine, api_cache_check=60) as client:
        first = client.get("/entities/1")
        Writer(engine).write([_third_article()])
        fresh = client.get("/entities/1?fresh=1")  # a URL not kept yet reads the new snapshot
    with engine.connect() as conn:
        version = data_version(conn)
    assert first.headers["etag"].startswith(f'W/"{version - 1}-')
    assert fresh.headers["etag"].startswith(f'W/"{version}-')


def _bump(engine: Engine) -> int:
    """Advance the data version as a write transaction does; return the new version."""
    with engine.begin() as conn:
        bump_version(conn)
        return data_version(conn)


class _SlowPage:
    """An inner app that answers with the data version of its snapshot, when released."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.release = asyncio.Event()
        self.release.set()
        self.calls = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.calls += 1
        with self.engine.connect() as conn:
            version = data_version(conn)
        scope["state"][STATE_KEY] = version
        await self.release.wait()
        body = b'{"version": %d}' % version
        headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})


async def _get(app: ResponseCache, path: str) -> tuple[str, bytes]:
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": [], "state": {}}
    await app(scope, receive, send)
    headers = dict(sent[0]["headers"])
    return headers[b"x-cache"].decode(), sent[1]["body"]


def test_api_cache_serves_the_old_answer_while_it_is_rebuilt(engine: Engine) -> None:
    page = _SlowPage(engine)
    cache = ResponseCache(page, engine=engine, max_bytes=1 << 20, check_seconds=0, stale_seconds=30)

    async def run() -> list[tuple[str, bytes]]:
        first = await _get(cache, "/entities/1")
        version = _bump(engine)  # an ingest commits
        page.release.clear()
        meanwhile = [await _get(cache, "/entities/1") for _ in range(4)]  # none waits for the page
        assert page.calls == 2  # one background rebuild, not one per request
        page.release.set()
        await cache.settle()
        after = await _get(cache, "/entities/1")
        assert after[1] == b'{"version": %d}' % version
        return [first, *meanwhile, after]

    first, *meanwhile, after = asyncio.run(run())
    assert first[0] == "miss"
    assert meanwhile == [("stale", first[1])] * 4
    assert after[0] == "hit"
    assert page.calls == 2


def test_api_cache_stale_answers_expire(engine: Engine) -> None:
    page = _SlowPage(engine)
    cache = ResponseCache(page, engine=engine, max_bytes=1 << 20, check_seconds=0, stale_seconds=0.05)

    async def run() -> tuple[str, str]:
        await _get(cache, "/entities/1")
        _bump(engine)
        page.release.clear()
        seen = await _get(cache, "/entities/1")  # the change is seen: stale, rebuilt in the background
        await asyncio.sleep(0.1)  # longer than stale_seconds, and the rebuild is still held up
        late = asyncio.create_task(_get(cache, "/entities/1"))
        await asyncio.sleep(0.05)
        page.release.set()
        await cache.settle()
        return seen[0], (await late)[0]

    assert asyncio.run(run()) == ("stale", "miss")  # too old to serve: the request builds it
    assert page.calls == 3


def test_api_cache_never_serves_stale_when_told_not_to(engine: Engine) -> None:
    page = _SlowPage(engine)
    cache = ResponseCache(page, engine=engine, max_bytes=1 << 20, check_seconds=0, stale_seconds=0)

    async def run() -> list[str]:
        await _get(cache, "/entities/1")
        _bump(engine)
        page.release.clear()
        rebuild = asyncio.create_task(_get(cache, "/entities/1"))
        await asyncio.sleep(0.05)
        other = asyncio.create_task(_get(cache, "/entities/1"))
        await asyncio.sleep(0.05)
        page.release.set()
        return [(await rebuild)[0], (await other)[0]]

    assert asyncio.run(run()) == ["miss", "miss"]
    assert not any(e.version < (cache.version or 0) for e in cache.entries.values())
