"""Jinja2 templates (autoescaped) and the helpers the pages share."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from newsgraph import __version__
from newsgraph.web.charts import plural
from newsgraph.web.evidence import event_evidence

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
CSS = "newsgraph-1.0.0.css"
READER_CSS = "newsgraph-reader-1.0.0.css"

templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.autoescape = True


def _snippet(snippet: Any) -> Markup:
    """Render a store Snippet with <mark> around matches (each part escaped)."""
    if snippet is None:
        return Markup("")
    return Markup(snippet.html())


def _query(request: Request, **changes: Any) -> str:
    """The current query string with some parameters changed (None removes one)."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return "?" + urlencode(params) if params else ""


templates.env.filters["snippet"] = _snippet
templates.env.filters["plural"] = plural
templates.env.globals["version"] = __version__
templates.env.globals["css"] = CSS
templates.env.globals["reader_css"] = READER_CSS
templates.env.globals["query"] = _query
templates.env.globals["event_evidence"] = event_evidence


def twin(request: Request, path: str) -> str:
    """The JSON twin's URL: `path` with the page's non-blank query parameters."""
    params = {k: v for k, v in request.query_params.items() if v.strip()}
    return path + ("?" + urlencode(params) if params else "")


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a page template."""
    return templates.TemplateResponse(request, name, context, status_code=status)


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    """Render the error page."""
    return render(request, "error.html", status=status, status_code=status, message=message, json_url=None)
