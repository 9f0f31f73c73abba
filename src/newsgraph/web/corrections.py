"""The entity page's correction forms: merge, split, rename, retype, reject, posted with the write token.

Each form carries the write token and is refused when a browser says it came from another site
(`web.forms`). A correction answers with a redirect (303) to the page of the entity it left, or
the error page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import Connection

from newsgraph.api.deps import EngineDep, SettingsDep
from newsgraph.api.params import MAX_ID, StoreId
from newsgraph.api.security import token_matches
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.models import ENTITY_TYPES
from newsgraph.store import queries
from newsgraph.store.identity.corrections import Correction, Merge, Reject, Rename, Retype, Split, correct
from newsgraph.web.forms import field, read_form, same_origin
from newsgraph.web.render import render_error

router = APIRouter(include_in_schema=False)

SPLIT_CHOICES = 200
"""At most this many of the entity's articles are offered in the split form."""


@dataclass(frozen=True, slots=True)
class CorrectionForms:
    """What the entity page's correction forms show."""

    enabled: bool
    types: tuple[str, ...]
    articles: list[Any]


def correction_forms(conn: Connection, entity_id: int, enabled: bool) -> CorrectionForms:
    """Return the data of the entity page's correction forms (the articles a split can move)."""
    articles = queries.list_articles(conn, entity_id=entity_id, limit=SPLIT_CHOICES).items if enabled else []
    return CorrectionForms(enabled, ENTITY_TYPES, articles)


def _ids(values: list[str], what: str) -> list[int]:
    out = []
    for value in (v for raw in values for v in raw.replace(",", " ").split()):
        if not value.isdigit() or not 1 <= int(value) <= MAX_ID:
            raise InputError(f"{what}: {value[:40]!r} is not an id")
        out.append(int(value))
    if not out:
        raise InputError(f"the form needs {what}")
    return out


def _correction(action: str, entity_id: int, form: dict[str, list[str]]) -> Correction:
    if action == "merge":
        return Merge([entity_id, *_ids(form.get("with", []), "entities to merge with")])
    if action == "split":
        return Split(entity_id, _ids(form.get("article", []), "articles to move"))
    if action == "rename":
        return Rename(entity_id, field(form, "name"))
    if action == "retype":
        type_ = field(form, "type", 20)
        if type_ not in ENTITY_TYPES:
            raise InputError(f"unknown type {type_!r}")
        return Retype(entity_id, type_)
    type_ = (form.get("type") or [""])[0].strip()
    return Reject(field(form, "name"), type_ if type_ in ENTITY_TYPES else None)


@router.post("/entities/{entity_id}/{action}")
async def correct_entity(
    request: Request, entity_id: StoreId, action: str, settings: SettingsDep, engine: EngineDep
) -> Response:
    """Apply one correction from the entity page; redirect to the entity it left."""
    if action not in ("merge", "split", "rename", "retype", "reject"):
        return render_error(request, 404, "no such correction")
    if not settings.api_token:
        return render_error(request, 403, "corrections are off: set NEWSGRAPH_API_TOKEN to enable them")
    if not same_origin(request):
        return render_error(request, 403, "a correction must come from this site's own page")
    try:
        form = await read_form(request, SPLIT_CHOICES + 10)
        if not token_matches((form.get("token") or [""])[0], settings.api_token):
            return render_error(request, 401, "wrong write token")
        correction = _correction(action, entity_id, form)
        author = ((form.get("author") or [""])[0].strip() or "web")[:200]
        note = (form.get("note") or [""])[0].strip()[:2000] or None
        result = await run_in_threadpool(correct, engine, correction, author=author, note=note)
    except NewsgraphError as exc:
        return render_error(request, exc.status, exc.message)
    target = entity_id if entity_id in result.entity_ids else min(result.entity_ids, default=entity_id)
    return RedirectResponse(f"/entities/{target}", status_code=303)
