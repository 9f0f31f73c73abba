"""Posted forms that change the store (entity corrections, watches): same-site checks and parsing.

Each such form carries the write token (NEWSGRAPH_API_TOKEN) in a password field; nothing is kept
in a cookie, so another site cannot make a reader's browser post one (it does not know the
token), and a post a browser marks as coming from another site is refused as well.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from fastapi import Request

from newsgraph.errors import InputError


def same_origin(request: Request) -> bool:
    """Return False for a post a browser says came from another site (Sec-Fetch-Site, Origin).

    The pages send no referrer, so a browser's Origin on their forms is "null"; Sec-Fetch-Site
    still tells. Clients that send neither (curl) are judged by the token alone.
    """
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return True
    return urlsplit(origin).netloc == request.headers.get("host", "")


async def read_form(request: Request, max_fields: int) -> dict[str, list[str]]:
    """Return the fields of a form posted as application/x-www-form-urlencoded.

    Raises:
        InputError: another content type.
    """
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        raise InputError("send the form as application/x-www-form-urlencoded")
    body = (await request.body()).decode("utf-8", "replace")
    return parse_qs(body, keep_blank_values=True, max_num_fields=max_fields)


def field(form: dict[str, list[str]], name: str, limit: int = 500) -> str:
    """Return a required field, stripped.

    Raises:
        InputError: missing, blank or longer than `limit`.
    """
    value = (form.get(name) or [""])[0].strip()
    if not value or len(value) > limit:
        raise InputError(f"the form needs {name} (at most {limit} characters)")
    return value


def optional(form: dict[str, list[str]], name: str) -> str | None:
    """Return a field stripped, or None when missing or blank."""
    value = (form.get(name) or [""])[0].strip()
    return value or None
