"""The web UI of watches: "Watch this" forms, the watch list, each watch's page and Atom feed.

/feeds/KEY.atom      the Atom feed (public to whoever has the key, as feed readers need)
/feeds/KEY           the same entries as a page, with the feed's address to copy
POST /watches        create a watch from a "Watch this" form (entity, search and story pages)
/watches             the list, shown after the write token is posted (what is watched is private)
POST /watches/ID/delete

Every form carries the write token and is refused when a browser says it came from another site
(`web.forms`), as the entity corrections are.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from newsgraph.alerts.atom import MEDIA_TYPE, atom_feed
from newsgraph.api.deps import ConnDep, EngineDep, SettingsDep
from newsgraph.api.params import FeedKey, StoreId
from newsgraph.api.routes.watches import FEED_ENTRIES
from newsgraph.api.security import token_matches
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.settings import Settings
from newsgraph.store.watches.entries import entries
from newsgraph.store.watches.manage import create_watch, delete_watch, list_watches, watch_by_feed
from newsgraph.store.watches.spec import WatchIn, read_watch
from newsgraph.web.forms import field, optional, read_form, same_origin
from newsgraph.web.render import render, render_error

router = APIRouter(include_in_schema=False)

MAX_FIELDS = 40
FAVICON = "favicon-1.0.0.svg"


@router.get("/feeds/{feed_key}.atom")
def feed_atom(request: Request, feed_key: FeedKey, conn: ConnDep) -> Response:
    """A watch's Atom feed, newest entries first."""
    watch = watch_by_feed(conn, feed_key)
    base = str(request.base_url).rstrip("/")
    body = atom_feed(watch, entries(conn, watch.id, limit=FEED_ENTRIES), base=base, feed_path=watch.feed)
    return Response(body, media_type=MEDIA_TYPE)


@router.get("/favicon.ico")
def favicon() -> Response:
    """The icon a browser asks for when it opens a feed (an XML document names no icon)."""
    return RedirectResponse(f"/static/{FAVICON}", status_code=308)


@router.get("/feeds/{feed_key}", response_class=HTMLResponse)
def feed_page(request: Request, feed_key: FeedKey, conn: ConnDep) -> HTMLResponse:
    """A watch's entries as a page, with its feed's address."""
    watch = watch_by_feed(conn, feed_key)
    return render(
        request,
        "feed.html",
        watch=watch,
        entries=entries(conn, watch.id, limit=FEED_ENTRIES),
        feed_url=str(request.base_url).rstrip("/") + watch.feed,
        json_url=f"/api/feeds/{feed_key}",
    )


def _query(form: dict[str, list[str]]) -> dict[str, Any]:
    """The watch's query from a "Watch this" form (its `entity` field means what the kind needs)."""
    kind = field(form, "kind", 20)
    entity = optional(form, "entity")
    words = optional(form, "words")
    if kind == "quote":
        return {"kind": kind, "speaker": entity, "words": words}
    if kind == "entities":
        return {"kind": kind, "entities": [v for v in form.get("entity", []) if v.strip()]}
    if kind == "event":  # events involving the entity, acting or acted upon
        return {"kind": kind, "source": entity, "either_way": True, "type": optional(form, "type")}
    if kind == "number":
        return {"kind": kind, "claimant": entity, "words": words, "unit": optional(form, "unit")}
    if kind == "story":
        return {"kind": kind, "story": optional(form, "story")}
    if kind == "search":
        scope = optional(form, "scope") or "articles"
        return {
            "kind": kind,
            "query": optional(form, "query"),
            "scope": scope,
            "source": optional(form, "outlet"),
        }
    raise InputError(f"unknown kind of watch {kind!r}")


def _watch_in(form: dict[str, list[str]]) -> WatchIn:
    query = {k: v for k, v in _query(form).items() if v is not None}
    name, webhook = optional(form, "name"), optional(form, "webhook")
    author = (optional(form, "author") or "web")[:200]
    return read_watch({"query": query, "name": name, "webhook": webhook, "author": author})


async def _checked_form(request: Request, settings: Settings) -> dict[str, list[str]] | Response:
    """The posted form when writes are on, it comes from this site and holds the token; else the
    error page to answer with."""
    if not settings.api_token:
        return render_error(request, 403, "watches are off: set NEWSGRAPH_API_TOKEN to enable them")
    if not same_origin(request):
        return render_error(request, 403, "a watch must be made from this site's own pages")
    form = await read_form(request, MAX_FIELDS)
    if not token_matches((form.get("token") or [""])[0], settings.api_token):
        return render_error(request, 401, "wrong write token")
    return form


@router.post("/watches")
async def create_from_form(request: Request, settings: SettingsDep, engine: EngineDep) -> Response:
    """Create a watch from a "Watch this" form; redirect to its page."""
    try:
        form = await _checked_form(request, settings)
        if isinstance(form, Response):
            return form
        made, allow = _watch_in(form), settings.watch_private_targets
        watch, _ = await run_in_threadpool(lambda: create_watch(engine, made, allow_private=allow))
    except NewsgraphError as exc:
        return render_error(request, exc.status, exc.message)
    return RedirectResponse(watch.feed.removesuffix(".atom"), status_code=303)


@router.get("/watches", response_class=HTMLResponse)
def watches_page(request: Request, settings: SettingsDep) -> HTMLResponse:
    """Ask for the write token, to show the watches."""
    return render(request, "watches.html", enabled=bool(settings.api_token), watches=None, json_url=None)


@router.post("/watches/list")
async def watches_list(request: Request, settings: SettingsDep, engine: EngineDep) -> Response:
    """The watches, once the write token is posted (never cached: it is a POST)."""
    try:
        form = await _checked_form(request, settings)
        if isinstance(form, Response):
            return form

        def read() -> list[Any]:
            with engine.connect() as conn:
                return list_watches(conn)

        found = await run_in_threadpool(read)
    except NewsgraphError as exc:
        return render_error(request, exc.status, exc.message)
    return render(request, "watches.html", enabled=True, watches=found, json_url=None)


@router.post("/watches/{watch_id}/delete")
async def delete_from_form(
    request: Request, watch_id: StoreId, settings: SettingsDep, engine: EngineDep
) -> Response:
    """Delete a watch from the list page; back to the (token) page."""
    try:
        form = await _checked_form(request, settings)
        if isinstance(form, Response):
            return form
        await run_in_threadpool(delete_watch, engine, watch_id)
    except NewsgraphError as exc:
        return render_error(request, exc.status, exc.message)
    return RedirectResponse("/watches", status_code=303)
