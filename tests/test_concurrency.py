"""Concurrency: the API serves 50 concurrent readers while an ingest writes — no "database is
locked", no server errors, no torn reads.

A real server (uvicorn, in a thread, on 127.0.0.1 and a free port) answers 50 client threads for
a bounded time while an ingest runs in a forked child process, committing one article per
transaction. Torn reads are looked for in two ways: `/api/stats` counts articles with one query
and articles per source with another, so a response built from two snapshots shows a difference
(every test article has the same source); and every article fetched must carry a complete
Analysis whose spans all hold. Counts seen by each client never go down.
"""

from __future__ import annotations

import contextlib
import statistics
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import uvicorn

from newsgraph.app import create_app
from newsgraph.ingest import ingest
from newsgraph.models import Analysis
from newsgraph.settings import Settings
from tests.support.checks import span_violations
from tests.support.ingest import free_port, start_ingest, write_corpus
from tests.support.store import BACKENDS, count, new_database

READERS = 50
SECONDS = 12.0
REQUEST_TIMEOUT = 30.0


@dataclass
class Tally:
    """What the readers saw."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    torn: list[str] = field(default_factory=list)
    lock = threading.Lock()

    def add(self, latency: float, error: str | None = None, torn: str | None = None) -> None:
        with self.lock:
            self.latencies.append(latency)
            if error:
                self.errors.append(error)
            if torn:
                self.torn.append(torn)


@pytest.fixture
def store(request: pytest.FixtureRequest, tmp_path: Path, settings: Settings) -> Iterator[str]:
    """A store (SQLite or PostgreSQL) seeded with 20 articles; yields its URL."""
    for url in new_database(request.param, tmp_path):
        seed = tmp_path / "seed.jsonl"
        write_corpus(seed, 20)
        ingest([seed], settings.model_copy(update={"db": url}), workers=1)
        yield url


@contextlib.contextmanager
def serve(url: str, settings: Settings) -> Iterator[str]:
    """Run the API (with `settings`' limits) on the store at `url` with uvicorn in a thread; yield its URL."""
    app = create_app(settings.model_copy(update={"db": url}))
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while not server.started and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started, "the server did not come up"
        yield base
    finally:
        server.should_exit = True
        thread.join(15)
        app.state.engine.dispose()


def _reader(base: str, number: int, stop: float, tally: Tally) -> None:
    seen_articles = 0
    with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT) as client:
        ids: list[int] = []
        turn = number
        while time.monotonic() < stop:
            turn += 1
            kind = turn % 5
            path = (
                "/api/stats",
                "/api/articles?limit=20",
                f"/api/articles/{ids[turn % len(ids)]}" if ids else "/api/articles?limit=5",
                "/api/search?q=mayor",
                "/api/quotes?q=choice",
            )[kind]
            started = time.monotonic()
            try:
                response = client.get(path)
            except httpx.HTTPError as exc:
                tally.add(time.monotonic() - started, f"{path}: {type(exc).__name__}: {exc}")
                continue
            latency = time.monotonic() - started
            body = response.text
            if response.status_code >= 500 or "database is locked" in body:
                tally.add(latency, f"{path}: {response.status_code} {body[:200]}")
                continue
            if response.status_code != 200:
                tally.add(latency, f"{path}: {response.status_code} {body[:200]}")
                continue
            data = response.json()
            torn = None
            if path == "/api/stats":
                by_source = sum(data["by_source"].values())
                if data["articles"] != by_source:
                    torn = f"stats: {data['articles']} articles but {by_source} by source"
                elif data["articles"] < seen_articles:
                    torn = f"stats: article count went down {seen_articles} -> {data['articles']}"
                seen_articles = max(seen_articles, data["articles"])
            elif path.startswith("/api/articles?"):
                ids = [item["id"] for item in data["items"]] or ids
            elif path.startswith("/api/articles/"):
                analysis = Analysis.model_validate(data["analysis"])
                problems = span_violations(analysis)
                if problems or not analysis.text:
                    torn = f"{path}: incomplete analysis {problems[:2]}"
            tally.add(latency, None, torn)


@pytest.mark.parametrize("store", BACKENDS, indirect=True)
def test_concurrency_fifty_readers_while_an_ingest_writes(
    store: str, tmp_path: Path, settings: Settings
) -> None:
    corpus = tmp_path / "more.jsonl"
    write_corpus(corpus, 400)
    before = count(store, "articles")
    # the writer is forked before any server thread exists
    writer = start_ingest(store, corpus, settings.model_copy(update={"batch_size": 2}), 1)
    try:
        deadline = time.monotonic() + 120
        while count(store, "articles") <= before and writer.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert writer.is_alive(), "the ingest ended before the readers started"
        tally = Tally()
        with serve(store, settings.model_copy(update={"api_rate": 0})) as base:
            written_at_start = count(store, "articles")
            stop = time.monotonic() + SECONDS
            readers = [threading.Thread(target=_reader, args=(base, n, stop, tally)) for n in range(READERS)]
            for thread in readers:
                thread.start()
            for thread in readers:
                thread.join(SECONDS + 2 * REQUEST_TIMEOUT)
            written_during = count(store, "articles") - written_at_start
    finally:
        if writer.is_alive():
            writer.kill()
        writer.join(30)
    requests = len(tally.latencies)
    p95 = statistics.quantiles(tally.latencies, n=20)[-1]
    print(
        f"\nload: {READERS} readers, {requests} requests, {len(tally.errors)} errors, "
        f"p95 {p95 * 1000:.0f} ms, {written_during} articles written meanwhile"
    )
    assert tally.errors == [], tally.errors[:5]
    assert tally.torn == [], tally.torn[:5]
    assert written_during > 0, "the ingest wrote nothing while the readers ran"
    assert requests >= READERS * 3
    assert p95 < 10.0


def test_concurrency_live_server_limits_bodies_and_rates(tmp_path: Path, settings: Settings) -> None:
    """Over a real socket: a chunked body over the limit (no Content-Length) and a lying
    Content-Length get 413; 50 concurrent clients over the rate limit get 429 with Retry-After,
    never a server error; a wrong token never writes."""
    url = f"sqlite:///{tmp_path / 'limits.db'}"
    limited = settings.model_copy(
        update={"api_token": "t0ken-value", "api_max_body": 4096, "api_rate": 5.0, "api_burst": 10}
    )
    with serve(url, limited) as base, httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT) as client:
        auth = {"Authorization": "Bearer t0ken-value", "Content-Type": "application/json"}

        def chunks() -> Iterator[bytes]:
            yield b'{"text": "'
            for _ in range(64):
                yield b"word " * 200
            yield b'"}'

        assert client.post("/api/articles", content=chunks(), headers=auth).status_code == 413
        assert _raw_status(base, b"Content-Length: 99999999999\r\n", b"{}") == 413  # a lie, refused unread
        assert _raw_status(base, b"Content-Length: -5\r\n", b"{}") in (400, 413)
        wrong = {"Authorization": "Bearer t0ken-valuf"}
        assert (
            client.post("/api/articles", json={"text": "Mayor Roe said no."}, headers=wrong).status_code
            == 401
        )

        codes: list[int] = []
        retry_after: list[str] = []
        lock = threading.Lock()

        def burst() -> None:
            with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT) as own:
                for _ in range(4):
                    response = own.get("/api/stats")
                    with lock:
                        codes.append(response.status_code)
                        if response.status_code == 429:
                            retry_after.append(response.headers.get("retry-after", ""))

        threads = [threading.Thread(target=burst) for _ in range(READERS)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        elapsed = time.monotonic() - started
    assert len(codes) == 4 * READERS
    assert set(codes) <= {200, 429}, sorted(set(codes))
    assert 0 < codes.count(200) <= 10 + 5.0 * elapsed + 1  # the burst, plus what refills meanwhile
    assert codes.count(429) > 0
    assert retry_after and all(value.isdigit() and int(value) >= 1 for value in retry_after)


def _raw_status(base: str, headers: bytes, body: bytes) -> int:
    """Send a POST with hand-written headers over a plain socket; return the response status."""
    import socket

    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=REQUEST_TIMEOUT) as sock:
        sock.sendall(
            b"POST /api/articles HTTP/1.1\r\nHost: " + host.encode() + b"\r\n"
            b"Authorization: Bearer t0ken-value\r\nContent-Type: application/json\r\n"
            + headers
            + b"Connection: close\r\n\r\n"
            + body
        )
        status_line = sock.recv(4096).split(b"\r\n", 1)[0]
    return int(status_line.split()[1])
