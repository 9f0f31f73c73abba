"""The web application: the JSON API and the web UI on one store, as `newsgraph serve` runs it.

    /api/...            JSON, one router per resource (`newsgraph.api`; OpenAPI at /api/openapi.json)
    /docs               the API's interactive reference (Swagger UI, served from /static)
    /, /articles/1 …    HTML pages, each with its JSON twin under /api (`newsgraph.web`)
    /static/...         vendored assets, the version in each file name

The API knows nothing of the pages; the pages use the API's parameters and dependencies. This
module, above both, is the one place that puts them together.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine

from newsgraph.api import create_api
from newsgraph.settings import Settings
from newsgraph.web import apidocs, corrections, pages, views, watches
from newsgraph.web.render import STATIC_DIR, render_error


def create_app(settings: Settings | None = None, *, engine: Engine | None = None) -> FastAPI:
    """Build the API and the web UI on the store at `settings.db` (opened and migrated here) or `engine`."""
    app = create_api(settings, engine=engine)
    app.state.html_error = render_error
    for router in (views.router, corrections.router, watches.router, pages.router, apidocs.router):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


__all__ = ["create_app"]
