"""Every request parameter of the API and the web pages, defined once.

    @router.get("/api/events", response_model=EventPage)
    def events(type: PloverParam = None, since: Day = None, limit: Limit = 50, cursor: Cursor = None):

Each alias is an `Annotated` type holding the type, the bounds and pattern OpenAPI shows, and a
validator for what a pattern cannot say (`since=2021-13-45`: there is no month 13). FastAPI turns
a rejected value into a 422 naming the parameter and the reason, in the API's one error shape
(`api.errors`); a web page shows the same message on its error page. A blank value (an empty
form field) counts as absent. Types and enums come from `newsgraph.models` (`EntityType`,
`PloverType`, `QuantityKind`), so a new type there is accepted here at once.

A route may give a parameter its own description or alias with a second `Query`:
`speaker: Annotated[Name, Query(description="name of someone it quotes")] = None`; the bounds
and validators stay those defined here.
"""

from __future__ import annotations

import calendar
import re
from typing import Annotated, Any, Literal

from annotated_types import Interval
from fastapi import Path, Query
from pydantic import AfterValidator, BeforeValidator, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from newsgraph.models import EntityType, PloverType, QuantityKind

MAX_ID = 2**62
"""Ids are positive and within 64-bit range, so odd values are a 422, never a database error."""
DAY_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _blank(value: Any) -> Any:
    """An empty or all-space value is absent (None); other strings are stripped."""
    if isinstance(value, str):
        return value.strip() or None
    return value


def _upper(value: Any) -> Any:
    """Blank is absent; a code is accepted in any case (`person`, `Consult`, `us`)."""
    value = _blank(value)
    return value.upper() if isinstance(value, str) else value


def _calendar_day(value: str) -> str:
    """Accept `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real year, month and day."""
    if not re.fullmatch(DAY_PATTERN, value):
        raise PydanticCustomError(
            "day", "'{value}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD", {"value": value}
        )
    year, month, day = (int(p) for p in (value + "-01-01")[:10].split("-"))
    if year < 1:
        reason = "there is no year 0"
    elif not 1 <= month <= 12:
        reason = f"there is no month {month}"
    elif not 1 <= day <= calendar.monthrange(year, month)[1]:
        reason = f"{year:04d}-{month:02d} has no day {day}"
    else:
        return value
    raise PydanticCustomError("day", "'{value}' is not a date: " + reason, {"value": value})


Day = Annotated[
    Annotated[
        str,
        AfterValidator(_calendar_day),
        WithJsonSchema({"type": "string", "maxLength": 10, "pattern": DAY_PATTERN}),
    ]
    | None,
    BeforeValidator(_blank),
    Query(description="a publication day, month or year: YYYY[-MM[-DD]], inclusive"),
]
Cursor = Annotated[
    Annotated[str, StringConstraints(max_length=400, pattern=r"^[A-Za-z0-9_-]+$")] | None,
    BeforeValidator(_blank),
    Query(description="`next_cursor` of the previous page; absent for the first page"),
]
Limit = Annotated[int, Interval(ge=1, le=1000), Query(description="page size (see NEWSGRAPH_API_MAX_PAGE)")]
Name = Annotated[
    Annotated[str, StringConstraints(max_length=300)] | None,
    BeforeValidator(_blank),
    Query(description="a name, matched without regard to case"),
]
SearchText = Annotated[
    Annotated[str, StringConstraints(max_length=2000)] | None,
    BeforeValidator(_blank),
    Query(description='words to look for: all must match; "a phrase", OR, -word'),
]
Id = Annotated[Annotated[int, Interval(ge=1, le=MAX_ID)] | None, Query(description="a stored id")]
StoreId = Annotated[int, Path(ge=1, le=MAX_ID, description="a stored id")]
FeedKey = Annotated[
    str,
    Path(min_length=8, max_length=40, pattern=r"^[A-Za-z0-9_-]+$", description="a watch's feed key"),
]
EntityTypeParam = Annotated[EntityType | None, BeforeValidator(_upper), Query(description="an entity type")]
PloverParam = Annotated[PloverType | None, BeforeValidator(_upper), Query(description="a PLOVER event type")]
QuantityKindParam = Annotated[
    QuantityKind | None, BeforeValidator(_blank), Query(description="what kind of number")
]
Country = Annotated[
    Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None,
    BeforeValidator(_upper),
    Query(description="ISO 3166-1 alpha-2 country code (`AF`)"),
]
ActorRole = Annotated[
    Literal["source", "target"] | None,
    BeforeValidator(_blank),
    Query(description="`source`: the actor acts; `target`: it is acted upon"),
]
Confidence = Annotated[
    float, Interval(ge=0.0, le=1.0), Query(description="least confidence; 0 lists every stored event")
]
Order = Annotated[
    Literal["relevance", "newest"] | None,
    BeforeValidator(_blank),
    Query(description="`relevance` (best match first) or `newest`"),
]
SearchKind = Annotated[Literal["articles", "quotes", "quantities"], Query(description="what the hits are")]
Format = Annotated[Literal["json", "csv"], Query(description="`csv` downloads the page as a spreadsheet")]
