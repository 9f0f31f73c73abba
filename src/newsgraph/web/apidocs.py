"""/docs: the API's interactive reference, Swagger UI served from `web/static` (nothing from a CDN).

Swagger UI (swagger-ui-dist, Apache-2.0, licence beside it in `static/`) reads the OpenAPI document
at /api/openapi.json; its start script is a static file, as the Content-Security-Policy allows no
inline script.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsgraph.web.render import render

SWAGGER_VERSION = "5.35.0"
OPENAPI_URL = "/api/openapi.json"

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    return render(
        request,
        "docs.html",
        openapi_url=OPENAPI_URL,
        swagger_css=f"swagger-ui-{SWAGGER_VERSION}.css",
        swagger_js=f"swagger-ui-bundle-{SWAGGER_VERSION}.js",
        docs_js="newsgraph-docs-1.0.0.js",
    )
