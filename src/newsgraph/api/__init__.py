"""The JSON API and the web UI: `create_app(settings)` builds both on one store.

    /api/...            JSON, one router per resource (OpenAPI at /api/openapi.json)
    /, /articles/1 …    HTML pages, each with its JSON twin under /api
    /static/...         vendored assets, the version in each file name

Read-only unless NEWSGRAPH_API_TOKEN is set, which enables POST /api/articles, the entity
corrections (POST /api/corrections/…, and their forms on the entity page) and the watches
(/api/watches, the "Watch this" forms); with NEWSGRAPH_WATCH_DELIVER the server also sends the
watches' webhook deliveries, in a background thread. Responses are kept
in memory until the data changes (`api.cache`).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine

from newsgraph import __version__
from newsgraph.alerts.webhooks import run_worker
from newsgraph.api.cache import ResponseCache
from newsgraph.api.common import JSONBytes
from newsgraph.api.errors import install_error_handlers
from newsgraph.api.routes import articles, corrections, entities, facts, search, stories, watches
from newsgraph.api.security import BodyLimit, RateLimit, SecurityHeaders
from newsgraph.settings import Settings


def create_app(settings: Settings | None = None, *, engine: Engine | None = None) -> FastAPI:
    """Build the app on the store at `settings.db` (opened and migrated here), or on `engine`."""
    from newsgraph.store.db import open_store
    from newsgraph.web import corrections as web_corrections
    from newsgraph.web import pages, views
    from newsgraph.web import watches as web_watches
    from newsgraph.web.render import STATIC_DIR

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
        watches.router,
    ):
        app.include_router(router)
    app.include_router(views.router)
    app.include_router(web_corrections.router)
    app.include_router(web_watches.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
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
    return app


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


__all__ = ["create_app"]
