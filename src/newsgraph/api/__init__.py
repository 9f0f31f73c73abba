"""The JSON API: `create_api(settings)` builds it on one store (`newsgraph.app` adds the web UI).

    /api/...            JSON, one router per resource (OpenAPI at /api/openapi.json)

A new API route follows the same three rules as the others, so OpenAPI stays true and a
generated client gets real types (tests/api/test_openapi.py checks every operation's answers
against the document, and a generated client against the server):

1. Parameters are the shared types of `api.params` (`Day`, `Cursor`, `Limit`, `Name`, `Id`,
   `StoreId`, `EntityTypeParam`, `PloverParam`, …), never a new `Query(pattern=…)`; the web
   pages use the same ones. A bad value is a 422 naming the parameter.
2. The route declares `response_model=` a model of `api.schemas` and returns the store's
   objects as they are (a `Page`, a dataclass, or a dict of them): FastAPI validates them
   against the model and writes the JSON in pydantic's Rust core. A new item type is
   `public(TheStoreDataclass, "ThingPublic", **like(AnalysisModel, "field"))`, a page of
   them `page_model(ThingPublic, "ThingPage")`. Return a `Response` only for another media
   type (CSV: declare `responses=CSV`).
3. The router declares `responses=READ_ERRORS` (plus `errors(404)` on a route with an id,
   `errors(401, 403, 413)` on a write): every error answers in the one shape,
   `schemas.ErrorResponse`.

The operation id is the route function's name, so it must be unique across routers (a
generated client's methods are named after it).

Read-only unless NEWSGRAPH_API_TOKEN is set, which enables POST /api/articles, the entity
corrections (POST /api/corrections/…, and their forms on the entity page) and the watches
(/api/watches, the "Watch this" forms); the document declares the token as the bearer security
scheme `token` of those routes (`deps.require_token`); with NEWSGRAPH_WATCH_DELIVER the server also sends the
watches' webhook deliveries, in a background thread. Responses are kept in memory until the data
changes (`api.cache`). The API knows nothing of the web UI: the pages (`newsgraph.web`) use its
parameters and dependencies, and `newsgraph.app.create_app` puts both in one application.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from sqlalchemy import Engine

from newsgraph import __version__
from newsgraph.alerts.webhooks import run_worker
from newsgraph.api.cache import ResponseCache
from newsgraph.api.common import JSONBytes
from newsgraph.api.errors import install_error_handlers
from newsgraph.api.routes import articles, corrections, entities, facts, search, stories, watches
from newsgraph.api.security import BodyLimit, RateLimit, SecurityHeaders
from newsgraph.settings import Settings
from newsgraph.store.db import open_store


def create_api(settings: Settings | None = None, *, engine: Engine | None = None) -> FastAPI:
    """Build the API on the store at `settings.db` (opened and migrated here), or on `engine`."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # sync routes and dependencies run in anyio's thread pool (40 threads by default): more
        # threads than cores only contend for the GIL and the connection pool
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.api_threads
        stop = threading.Event()
        worker = threading.Thread(
            target=run_worker,
            args=(app.state.engine, settings),
            kwargs={"stop": stop},
            name="newsgraph-webhooks",
            daemon=True,
        )
        if settings.watch_deliver:
            worker.start()
        yield
        stop.set()
        if worker.is_alive():
            worker.join(settings.watch_timeout + 5)

    app = FastAPI(
        lifespan=lifespan,
        title="newsgraph",
        version=__version__,
        description="Entities, quotes, events, numbers, times and places found in news articles, "
        "each with the text it came from.",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        default_response_class=JSONBytes,
        generate_unique_id_function=_operation_id,
    )
    app.state.settings = settings
    app.state.engine = engine or open_store(settings.db)
    app.openapi = lambda: _openapi(app, settings)  # type: ignore[method-assign]
    install_error_handlers(app)
    for router in (
        articles.router,
        entities.router,
        corrections.router,
        facts.router,
        stories.router,
        search.router,
        search.stats_router,
        watches.router,
    ):
        app.include_router(router)
    app.add_middleware(
        ResponseCache,
        engine=app.state.engine,
        max_bytes=settings.api_cache_mb << 20,
        check_seconds=settings.api_cache_check,
        stale_seconds=settings.api_cache_stale,
    )
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, max_bytes=settings.api_max_body)
    app.add_middleware(RateLimit, rate=settings.api_rate, burst=settings.api_burst)
    if settings.cors_origins:  # outermost: refusals and cached pages carry the CORS headers too
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
            expose_headers=["ETag", "Retry-After"],
            max_age=600,
        )
    return app


def _operation_id(route: APIRoute) -> str:
    """An operation's id is its function's name (`list_articles`): a generated client's method."""
    return route.name


def _openapi(app: FastAPI, settings: Settings) -> dict[str, Any]:
    """The OpenAPI schema, with every `limit` capped at the page size this server serves."""
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                for parameter in operation.get("parameters", []):
                    if parameter.get("name") == "limit":
                        parameter["schema"]["maximum"] = settings.api_max_page
                        parameter["description"] = f"page size, at most {settings.api_max_page}"
        app.openapi_schema = schema
    return app.openapi_schema


__all__ = ["create_api"]
