"""One JSON shape for every error the API returns, and the handlers that produce it.

    {"ok": false, "status": 404, "error": "no article 7", "errors": []}
    {"ok": false, "status": 422, "error": "invalid request: since: '2021-13-45' is not a date: there
     is no month 13", "errors": [{"loc": ["query", "since"], "msg": "…", "type": "day"}]}

`errors` lists the individual problems of a request that failed validation (with `loc`, `msg`
and `type`); other errors leave it empty. The shape is `api.schemas.ErrorResponse`, which
OpenAPI declares for every error status. A browser asking for a page gets the error page that
`app.state.html_error` renders, where the app has one (`newsgraph.app` sets the web UI's).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph.api.common import JSONBytes
from newsgraph.errors import InvalidParameter, NewsgraphError

LOGGER = logging.getLogger(__name__)

HtmlError = Callable[[Request, int, str], Response]
"""Renders an error as an HTML page: (request, status, message) → response."""


def error_body(status: int, message: str, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Return the error shape."""
    return {"ok": False, "status": status, "error": message, "errors": errors or []}


def _wants_html(request: Request) -> bool:
    if request.url.path.startswith("/api/") or request.url.path.endswith((".json", ".csv")):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(
    request: Request, status: int, message: str, errors: list[dict[str, Any]] | None = None
) -> Response:
    """Render an error as JSON, or as an HTML page for a browser asking for a page."""
    html_error: HtmlError | None = getattr(request.app.state, "html_error", None)
    if html_error is not None and _wants_html(request):
        return html_error(request, status, message)
    return JSONBytes(error_body(status, message, errors), status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    """Make every error, expected or not, come out in the one shape."""

    @app.exception_handler(NewsgraphError)
    async def _newsgraph_error(request: Request, exc: NewsgraphError) -> Response:
        if isinstance(exc, InvalidParameter):
            problem = {"loc": ["query", exc.name], "msg": exc.reason, "type": "value_error"}
            return error_response(request, exc.status, exc.message, [problem])
        return error_response(request, exc.status, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {
                "loc": [str(x) for x in e.get("loc", ())],
                "msg": str(e.get("msg", "")),
                "type": str(e.get("type", "")),
            }
            for e in exc.errors()
        ]
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        where = ".".join(first["loc"][1:] or first["loc"])
        return error_response(request, 422, f"invalid request: {where}: {first['msg']}", errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        response = error_response(request, exc.status_code, message)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        LOGGER.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(request, 500, "internal error")
