"""/api/watches: create, list, show, delete and resume watches; /api/feeds/KEY: a watch's entries.

Everything under /api/watches needs `Authorization: Bearer <NEWSGRAPH_API_TOKEN>`, reading too:
what a newsroom watches is its own business. Those answers say `Cache-Control: no-store`, so the
response cache never keeps them. A watch's entries are public to whoever has its feed key, as
its Atom feed is (`/feeds/KEY.atom`, for feed readers, which cannot send a token).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.concurrency import run_in_threadpool

from newsgraph.api.common import JSONBytes
from newsgraph.api.deps import ConnDep, EngineDep, SettingsDep, WriteAccess
from newsgraph.api.params import StoreId
from newsgraph.store.queries import to_jsonable
from newsgraph.store.watches.entries import entries
from newsgraph.store.watches.manage import (
    create_watch,
    delete_watch,
    get_watch,
    list_watches,
    resume_watch,
    watch_by_feed,
)
from newsgraph.store.watches.spec import WatchIn, WatchPublic

router = APIRouter(tags=["watches"])

FeedKey = Annotated[str, Path(min_length=8, max_length=40, pattern=r"^[A-Za-z0-9_-]+$")]
FEED_ENTRIES = 100
"""Entries a feed shows (the newest)."""
NO_STORE = {"Cache-Control": "no-store"}


def _watch(watch: WatchPublic) -> dict[str, object]:
    return watch.model_dump(mode="json")


@router.post("/api/watches", status_code=201, dependencies=[WriteAccess], summary="Create a watch")
async def create(body: WatchIn, engine: EngineDep, settings: SettingsDep) -> JSONBytes:
    """Store a watch; every article stored from now on is matched against it. The answer holds
    the webhook secret, shown this once: it signs every delivery (HMAC-SHA256). A webhook whose
    host is or resolves to a private, loopback, link-local or multicast address is refused (400)
    unless NEWSGRAPH_WATCH_PRIVATE_TARGETS allows it."""
    allow = settings.watch_private_targets
    watch, secret = await run_in_threadpool(lambda: create_watch(engine, body, allow_private=allow))
    content = {"ok": True, "watch": _watch(watch), "secret": secret if watch.webhook else None}
    return JSONBytes(content, status_code=201, headers=NO_STORE)


@router.get("/api/watches", dependencies=[WriteAccess], summary="List the watches")
def index(conn: ConnDep) -> JSONBytes:
    """Every watch, oldest first, with its match count, feed and webhook state (never its secret)."""
    return JSONBytes({"ok": True, "items": [_watch(w) for w in list_watches(conn)]}, headers=NO_STORE)


@router.get("/api/watches/{watch_id}", dependencies=[WriteAccess], summary="One watch")
def show(watch_id: StoreId, conn: ConnDep) -> JSONBytes:
    """One watch: its query, match count, feed and webhook state."""
    return JSONBytes({"ok": True, "watch": _watch(get_watch(conn, watch_id))}, headers=NO_STORE)


@router.delete("/api/watches/{watch_id}", dependencies=[WriteAccess], summary="Delete a watch")
async def remove(watch_id: StoreId, engine: EngineDep) -> JSONBytes:
    """Delete the watch with its matches and the deliveries still queued."""
    await run_in_threadpool(delete_watch, engine, watch_id)
    return JSONBytes({"ok": True, "deleted": watch_id}, headers=NO_STORE)


@router.post("/api/watches/{watch_id}/resume", dependencies=[WriteAccess], summary="Resume a paused webhook")
async def resume(watch_id: StoreId, engine: EngineDep) -> JSONBytes:
    """Resume the watch's paused webhook: the deliveries waiting are sent, oldest first."""
    watch = await run_in_threadpool(resume_watch, engine, watch_id)
    return JSONBytes({"ok": True, "watch": _watch(watch)}, headers=NO_STORE)


@router.get("/api/feeds/{feed_key}", summary="A watch's newest entries")
def feed(feed_key: FeedKey, conn: ConnDep) -> JSONBytes:
    """The JSON twin of the feed page `/feeds/KEY`: the watch's newest entries, newest first."""
    watch = watch_by_feed(conn, feed_key)
    about = {k: v for k, v in _watch(watch).items() if k in ("id", "name", "kind", "description", "feed")}
    items = to_jsonable(entries(conn, watch.id, limit=FEED_ENTRIES))
    return JSONBytes({"ok": True, "watch": about, "items": items})
