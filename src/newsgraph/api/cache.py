"""Rendered responses kept in memory until the data changes.

    app.add_middleware(ResponseCache, engine=engine, max_bytes=64 << 20, check_seconds=1.0)

Every page and JSON answer is a function of its URL and of the stored data, and the store has a
data version that every write transaction bumps (`store.db.data_version`). Each request reads
that version inside its own snapshot (`api.deps.get_conn` puts it in the request state), so a
successful GET response is kept under its path and query string with the exact version of the
data it shows, and served again, byte for byte, while that version is current. The current
version is read at most once per `check_seconds` per process, so a page shows a new ingest at
most that late.

When the version moves on, a kept answer is stale but not dropped at once: requests for its URL
get it as it was (`X-Cache: stale`) while one background task per URL builds it again (at most
`REFRESHES` at a time per process, beside the requests) — for at most `stale_seconds` after the
data changed, after which a stale answer is never served and requests build the page
themselves. A store that an ingest writes to every few seconds therefore still answers its busy
pages from memory, with data at most `stale_seconds` old. With `stale_seconds=0` a stale answer
is never served.

Concurrent requests for one URL may read different snapshots and finish in any order, so an
answer replaces a kept one only when it shows newer data, and it is kept before its last byte
leaves: once a client has seen some data, no later answer to it shows older data.

Entries are evicted least recently used first past `max_bytes`, and one response larger than an
eighth of that is never kept. Only 200 responses to GET and HEAD are kept, never one that says
`Cache-Control: no-store` or sets a cookie; static files are left to StaticFiles.

Cacheable responses carry a weak ETag made of the data version and the URL, and `Cache-Control:
no-cache`, so a browser revalidates each time and gets a 304 without the page being built.
`X-Cache: hit`, `stale` or `miss` tells which path a response took.
"""

from __future__ import annotations

import asyncio
import bisect
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
REFRESHES = 2
"""Stale pages built again at the same time, per process, in the background."""
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

    def __init__(
        self,
        app: ASGIApp,
        engine: Engine,
        max_bytes: int,
        check_seconds: float = 1.0,
        stale_seconds: float = 10.0,
    ) -> None:
        self.app = app
        self.engine = engine
        self.max_bytes = max_bytes
        self.check_seconds = check_seconds
        self.stale_seconds = stale_seconds
        self.entries: OrderedDict[bytes, Entry] = OrderedDict()
        self.used = 0
        self.version: int | None = None
        self.checked = 0.0
        self.moves: list[tuple[int, float]] = []
        """(version, when this process saw it) for the versions of the last `stale_seconds`."""
        self.rebuilding: set[bytes] = set()
        self._wrote = False
        self._reads = 0
        self._applied = 0
        self._tasks: set[asyncio.Task[None]] = set()
        self._limit: tuple[asyncio.AbstractEventLoop, asyncio.Semaphore] | None = None

    async def settle(self) -> None:
        """Wait until the background rebuilds started so far have finished."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    def stale_since(self, entry: Entry) -> float | None:
        """Return when `entry` went stale (None: before the moves remembered, or never)."""
        at = bisect.bisect_right(self.moves, (entry.version, float("inf")))
        return self.moves[at][1] if at < len(self.moves) else None

    def _drop(self, keys: list[bytes]) -> None:
        for key in keys:
            self.used -= self.entries.pop(key).size

    def _read_version(self) -> int:
        with self.engine.connect() as conn:
            return data_version(conn)

    async def current_version(self) -> int:
        """Return the data version, reading it from the store when the last read is too old."""
        now = time.monotonic()
        if self.version is None or now - self.checked >= self.check_seconds:
            self.checked = now  # concurrent requests meanwhile use the version they find
            self._reads += 1
            ticket = self._reads
            version = await anyio.to_thread.run_sync(self._read_version)
            if ticket < self._applied:  # a later read has already been applied
                assert self.version is not None
                return self.version
            self._applied = ticket
            if self.version is not None and version < self.version:
                # another database file in its place: nothing kept holds
                self._drop(list(self.entries))
                self.moves.clear()
            elif version != self.version:
                self.moves.append((version, now))
            self.version = version
            # forget the moves of more than stale_seconds ago, and drop what has been stale as long
            while self.moves and now - self.moves[0][1] > self.stale_seconds:
                self.moves.pop(0)
            fresh_only = self._wrote or self.stale_seconds <= 0
            self._wrote = False
            expired = [
                k
                for k, e in self.entries.items()
                if e.version < version and (fresh_only or self.stale_since(e) is None)
            ]
            if expired:
                self._drop(expired)
                LOGGER.debug("data version %s: %d stale answers dropped", version, len(expired))
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
                # a write through this process: read the version next time, and show the new data
                # at once (its client reads its own write)
                self.checked = float("-inf")
                self._wrote = True
            return
        version = await self.current_version()
        path: str = scope.get("root_path", "") + scope["path"]
        key = path.encode("utf-8", "surrogateescape") + b"?" + scope.get("query_string", b"")
        digest = hashlib.blake2b(key, digest_size=8).hexdigest().encode()
        validators = [v for k, v in scope.get("headers", ()) if k == b"if-none-match"]
        entry = self.entries.get(key)
        stale = entry is not None and entry.version < version
        if entry is not None and (not stale or self._servable(entry)):
            self.entries.move_to_end(key)
            if stale and key not in self.rebuilding:
                self._refresh(scope, key, digest, version)
            if validators and _matches(validators, _etag(entry.version, digest)):
                await _not_modified(send, _etag(entry.version, digest))
                return
            headers = entry.headers
            if stale:
                headers = [(k, b"stale" if k == b"x-cache" else v) for k, v in headers]
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            body = b"" if scope["method"] == "HEAD" else entry.body
            await send({"type": "http.response.body", "body": body})
            return
        await self._build(scope, receive, send, key, digest, version, validators)

    def _refresh(self, scope: Scope, key: bytes, digest: bytes, version: int) -> None:
        """Build the page at `key` again in a background task; keep the answer."""
        loop = asyncio.get_running_loop()
        if self._limit is None or self._limit[0] is not loop:
            self._limit = (loop, asyncio.Semaphore(REFRESHES))
        limit = self._limit[1]
        request = {
            **scope,
            "headers": [(k, v) for k, v in scope.get("headers", ()) if k != b"if-none-match"],
            "state": {},
        }

        async def receive() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def discard(_message: Message) -> None:
            return None

        async def run() -> None:
            try:
                async with limit:
                    await self._build(request, receive, discard, key, digest, version, [])
            except Exception:
                LOGGER.warning("rebuilding %s failed", key.decode("utf-8", "replace"), exc_info=True)
            finally:
                self.rebuilding.discard(key)

        self.rebuilding.add(key)
        task = loop.create_task(run())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _servable(self, entry: Entry) -> bool:
        since = self.stale_since(entry)
        return since is not None and time.monotonic() - since <= self.stale_seconds

    async def _build(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        key: bytes,
        digest: bytes,
        version: int,
        validators: list[bytes],
    ) -> None:
        """Answer through the app; keep the answer (see `_put`)."""
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
        """Keep `entry` unless it shows older data than the kept answer (or is too large).

        An answer older than the current version is kept only in place of an even older one
        (and only when stale answers may be served): a client it went to must not see older data
        from the cache next.
        """
        if self.version is None or entry.size > self.max_bytes // MAX_ENTRY_SHARE:
            return
        if entry.version < self.version and (self.stale_seconds <= 0 or key not in self.entries):
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
