"""Rendered responses kept in memory until the data changes.

    app.add_middleware(ResponseCache, engine=engine, max_bytes=64 << 20, check_seconds=1.0)

Every page and JSON answer is a function of its URL and of the stored data, and the store has a
data version that every write transaction bumps (`store.db.data_version`). Each request reads
that version inside its own snapshot (`api.deps.get_conn` puts it in the request state), so a
successful GET response is kept under its path and query string with the exact version of the
data it shows, and served again, byte for byte, while that version is current. The current
version is read at most once per `check_seconds` per process, so a page shows a new ingest at
most that late; when it moves on, the responses built from older data are dropped.

Concurrent requests for one URL may read different snapshots and finish in any order, so an
answer replaces a kept one only when it shows newer data, and it is kept before its last byte
leaves: once a client has seen some data, no later answer to it shows older data.

Entries are evicted least recently used first past `max_bytes`, and one response larger than an
eighth of that is never kept. Only 200 responses to GET and HEAD are kept, never one that says
`Cache-Control: no-store` or sets a cookie; static files are left to StaticFiles.

Cacheable responses carry a weak ETag made of the data version and the URL, and `Cache-Control:
no-cache`, so a browser revalidates each time and gets a 304 without the page being built.
`X-Cache: hit` or `miss` tells which path a response took.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass

import anyio.to_thread
from sqlalchemy import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph.store.db import data_version

LOGGER = logging.getLogger(__name__)

SKIP_PREFIXES = ("/static/",)
MAX_ENTRY_SHARE = 8
"""A response larger than max_bytes / MAX_ENTRY_SHARE is not kept (it would evict too much)."""
STATE_KEY = "newsgraph_data_version"
"""Where `get_conn` leaves, in the request state, the data version its snapshot reads."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One kept response: its headers and body, the data version it shows, its size in memory."""

    headers: list[tuple[bytes, bytes]]
    body: bytes
    version: int = 0

    @property
    def size(self) -> int:
        """Bytes counted against the cache's budget."""
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers) + 200


class ResponseCache:
    """ASGI middleware: serve GET responses again while the store's data version is unchanged."""

    def __init__(self, app: ASGIApp, engine: Engine, max_bytes: int, check_seconds: float = 1.0) -> None:
        self.app = app
        self.engine = engine
        self.max_bytes = max_bytes
        self.check_seconds = check_seconds
        self.entries: OrderedDict[bytes, Entry] = OrderedDict()
        self.used = 0
        self.version: int | None = None
        self.checked = 0.0
        self.hits = 0
        self.misses = 0

    def _read_version(self) -> int:
        with self.engine.connect() as conn:
            return data_version(conn)

    async def current_version(self) -> int:
        """Return the data version, reading it from the store when the last read is too old."""
        now = time.monotonic()
        if self.version is None or now - self.checked >= self.check_seconds:
            self.checked = now  # concurrent requests meanwhile use the version they find
            version = await anyio.to_thread.run_sync(self._read_version)
            if version != self.version:
                # newer data: drop what shows older; a lower version (another database file in
                # its place) drops everything
                moved_on = self.version is None or version > self.version
                old = [k for k, e in self.entries.items() if e.version < version or not moved_on]
                for k in old:
                    self.used -= self.entries.pop(k).size
                if old:
                    LOGGER.debug("data version %s → %s: %d dropped", self.version, version, len(old))
                self.version = version
        assert self.version is not None
        return self.version

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.max_bytes <= 0 or scope["type"] != "http" or scope["path"].startswith(SKIP_PREFIXES):
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD"):
            try:
                await self.app(scope, receive, send)
            finally:
                self.checked = float("-inf")  # a write through this process: read the version next time
            return
        version = await self.current_version()
        path: str = scope.get("root_path", "") + scope["path"]
        key = path.encode("utf-8", "surrogateescape") + b"?" + scope.get("query_string", b"")
        digest = hashlib.blake2b(key, digest_size=8).hexdigest().encode()
        validators = [v for k, v in scope.get("headers", ()) if k == b"if-none-match"]
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
            self.hits += 1
            if validators and _matches(validators, _etag(entry.version, digest)):
                await _not_modified(send, _etag(entry.version, digest))
                return
            await send({"type": "http.response.start", "status": 200, "headers": entry.headers})
            body = b"" if scope["method"] == "HEAD" else entry.body
            await send({"type": "http.response.body", "body": body})
            return
        self.misses += 1
        if validators and _matches(validators, _etag(version, digest)):
            # the client has this URL's answer at the current version (another process built it)
            await _not_modified(send, _etag(version, digest))
            return
        state = scope.setdefault("state", {})
        start: Message | None = None
        shown = version
        chunks: list[bytes] = []
        keep = scope["method"] == "GET"

        async def capture(message: Message) -> None:
            nonlocal start, keep, shown
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                cacheable = message["status"] == 200 and b"set-cookie" not in names
                cacheable = cacheable and not any(
                    k.lower() == b"cache-control" and b"no-store" in v.lower() for k, v in headers
                )
                if cacheable:
                    shown = int(state.get(STATE_KEY, version))  # the version the answer's data is at
                    headers = [(k, v) for k, v in headers if k.lower() not in (b"etag", b"cache-control")]
                    headers += [(b"etag", _etag(shown, digest)), (b"cache-control", b"no-cache")]
                    message = {**message, "headers": [*headers, (b"x-cache", b"miss")]}
                    start = {**message, "headers": [*headers, (b"x-cache", b"hit")]}
                else:
                    keep = False
            elif message["type"] == "http.response.body" and keep and start is not None:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    # kept before the last byte leaves, so the client's next request sees it
                    self._put(key, Entry(start["headers"], b"".join(chunks), shown))
                    keep = False
            await send(message)

        await self.app(scope, receive, capture)

    def _put(self, key: bytes, entry: Entry) -> None:
        """Keep `entry` unless it shows older data than the cache is at or than the kept answer."""
        if self.version is None or entry.version < self.version:
            return
        if entry.size > self.max_bytes // MAX_ENTRY_SHARE:
            return
        kept = self.entries.get(key)
        if kept is not None:
            if kept.version >= entry.version:
                return
            self.used -= self.entries.pop(key).size
        self.entries[key] = entry
        self.used += entry.size
        while self.used > self.max_bytes and self.entries:
            _, evicted = self.entries.popitem(last=False)
            self.used -= evicted.size


def _etag(version: int, digest: bytes) -> bytes:
    return b'W/"%d-%s"' % (version, digest)


def _matches(validators: list[bytes], etag: bytes) -> bool:
    for value in validators:
        for tag in value.split(b","):
            tag = tag.strip()
            if tag == b"*" or tag.removeprefix(b"W/") == etag.removeprefix(b"W/"):
                return True
    return False


async def _not_modified(send: Send, etag: bytes) -> None:
    headers = [(b"etag", etag), (b"cache-control", b"no-cache")]
    await send({"type": "http.response.start", "status": 304, "headers": headers})
    await send({"type": "http.response.body", "body": b""})
