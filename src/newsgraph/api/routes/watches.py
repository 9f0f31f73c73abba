"""/api/watches: create, list, show, delete and resume watches; /api/feeds/KEY: a watch's entries.

Everything under /api/watches needs `Authorization: Bearer <NEWSGRAPH_API_TOKEN>`, reading too:
what a newsroom watches is its own business. Those answers say `Cache-Control: no-store`, so the
response cache never keeps them. A watch's entries are public to whoever has its feed key, as
its Atom feed is (`/feeds/KEY.atom`, for feed readers, which cannot send a token).
"""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.concurrency import run_in_threadpool

from newsgraph.api.deps import ConnDep, EngineDep, SettingsDep, WriteAccess
from newsgraph.api.params import FeedKey, StoreId
from newsgraph.api.schemas import (
    READ_ERRORS,
    FeedAnswer,
    WatchAnswer,
    WatchCreated,
    WatchDeleted,
    WatchList,
    errors,
)
from newsgraph.store.watches.entries import entries
from newsgraph.store.watches.manage import (
    create_watch,
    delete_watch,
    get_watch,
    list_watches,
    resume_watch,
    watch_by_feed,
)
from newsgraph.store.watches.spec import WatchIn

router = APIRouter(tags=["watches"], responses=READ_ERRORS)

FEED_ENTRIES = 100
"""Entries a feed shows (the newest)."""
PRIVATE = errors(401, 403)


def _private(response: Response) -> None:
    response.headers["Cache-Control"] = "no-store"


@router.post(
    "/api/watches",
    summary="Create a watch",
    status_code=201,
    dependencies=[WriteAccess],
    response_model=WatchCreated,
    responses=errors(401, 403, 404, 413),
)
async def create_watch_route(
    body: WatchIn, engine: EngineDep, settings: SettingsDep, response: Response
) -> dict[str, object]:
    """Store a watch; every article stored from now on is matched against it. The answer holds
    the webhook secret, shown this once: it signs every delivery (HMAC-SHA256). A webhook whose
    host is or resolves to a private, loopback, link-local or multicast address is refused (400)
    unless NEWSGRAPH_WATCH_PRIVATE_TARGETS allows it."""
    allow = settings.watch_private_targets
    watch, secret = await run_in_threadpool(lambda: create_watch(engine, body, allow_private=allow))
    _private(response)
    return {"watch": watch, "secret": secret if watch.webhook else None}


@router.get(
    "/api/watches",
    summary="List the watches",
    dependencies=[WriteAccess],
    response_model=WatchList,
    responses=PRIVATE,
)
def list_watches_route(conn: ConnDep, response: Response) -> dict[str, object]:
    """Every watch, oldest first, with its match count, feed and webhook state (never its secret)."""
    _private(response)
    return {"items": list_watches(conn)}


@router.get(
    "/api/watches/{watch_id}",
    summary="One watch",
    dependencies=[WriteAccess],
    response_model=WatchAnswer,
    responses=errors(401, 403, 404),
)
def get_watch_route(watch_id: StoreId, conn: ConnDep, response: Response) -> dict[str, object]:
    """One watch: its query, match count, feed and webhook state."""
    _private(response)
    return {"watch": get_watch(conn, watch_id)}


@router.delete(
    "/api/watches/{watch_id}",
    summary="Delete a watch",
    dependencies=[WriteAccess],
    response_model=WatchDeleted,
    responses=errors(401, 403, 404),
)
async def delete_watch_route(watch_id: StoreId, engine: EngineDep, response: Response) -> dict[str, object]:
    """Delete the watch with its matches and the deliveries still queued."""
    await run_in_threadpool(delete_watch, engine, watch_id)
    _private(response)
    return {"deleted": watch_id}


@router.post(
    "/api/watches/{watch_id}/resume",
    summary="Resume a paused webhook",
    dependencies=[WriteAccess],
    response_model=WatchAnswer,
    responses=errors(401, 403, 404),
)
async def resume_watch_route(watch_id: StoreId, engine: EngineDep, response: Response) -> dict[str, object]:
    """Resume the watch's paused webhook: the deliveries waiting are sent, oldest first."""
    watch = await run_in_threadpool(resume_watch, engine, watch_id)
    _private(response)
    return {"watch": watch}


@router.get(
    "/api/feeds/{feed_key}",
    summary="A watch's newest entries",
    response_model=FeedAnswer,
    responses=errors(404),
)
def watch_feed(feed_key: FeedKey, conn: ConnDep) -> dict[str, object]:
    """The JSON twin of the feed page `/feeds/KEY`: the watch's newest entries, newest first."""
    watch = watch_by_feed(conn, feed_key)
    return {"watch": watch, "items": entries(conn, watch.id, limit=FEED_ENTRIES)}
