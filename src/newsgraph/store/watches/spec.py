"""What a watch asks for: one pydantic model per kind, the single source of the stored `query`
JSON, of the API's request bodies and of the answers that show a watch.

    quote     new quotes by a speaker (a stored entity), optionally with words in the quote
    number    new numbers about words (in their sentence), of a unit, and/or claimed by an entity
    event     new confident events of a PLOVER type, between two actors (either side optional,
              in either direction with `either_way`), or in a place (name or country)
    entities  new articles that mention all of these entities
    story     new articles in a same-event story (`store.stories`), followed when it merges
    search    a saved full-text search (the search syntax), in articles or in quotes
"""

from __future__ import annotations

import functools
from typing import Annotated, Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from newsgraph.errors import InputError
from newsgraph.models import PloverType

MAX_ID = 2**62

EntityRef = Annotated[int, Field(ge=1, le=MAX_ID, description="A stored entity's id.")]
Words = Annotated[
    str,
    Field(
        min_length=1, max_length=500, description='The search syntax: words, "a phrase", OR, -word, word*.'
    ),
]


class _Query(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuoteWatch(_Query):
    """New quotes by a speaker, optionally only those whose text matches `words`."""

    kind: Literal["quote"] = "quote"
    speaker: EntityRef
    words: Words | None = None


class NumberWatch(_Query):
    """New numbers: about `words` (in the number's sentence), of a `unit`, claimed by `claimant`."""

    kind: Literal["number"] = "number"
    words: Words | None = None
    unit: str | None = Field(
        default=None, min_length=1, max_length=100, description='What it counts ("prisoners").'
    )
    claimant: EntityRef | None = None

    @model_validator(mode="after")
    def _something(self) -> NumberWatch:
        if self.words is None and self.unit is None and self.claimant is None:
            raise ValueError("a number watch needs words, a unit or a claimant")
        return self


class EventWatch(_Query):
    """New confident, not negated events of a type, between actors, or in a place."""

    kind: Literal["event"] = "event"
    type: PloverType | None = None
    source: EntityRef | None = Field(default=None, description="The actor who acts.")
    target: EntityRef | None = Field(default=None, description="The actor acted upon.")
    either_way: bool = Field(default=False, description="Source and target may be swapped.")
    place: str | None = Field(
        default=None, min_length=1, max_length=200, description="A place's name as geocoded ('Doha')."
    )
    country: str | None = Field(
        default=None, pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code of the event's place."
    )

    @model_validator(mode="after")
    def _something(self) -> EventWatch:
        if not any((self.type, self.source, self.target, self.place, self.country)):
            raise ValueError("an event watch needs a type, an actor or a place")
        return self


class EntitiesWatch(_Query):
    """New articles that mention every one of these entities."""

    kind: Literal["entities"] = "entities"
    entities: list[EntityRef] = Field(min_length=1, max_length=10)


class StoryWatch(_Query):
    """New articles in a story: stored into it, or brought into it when another story merges with it.

    A story's id is the smallest id of its articles; when two stories merge, the watch's `story`
    becomes the merged story's id (`follow.py`), so it keeps following the same event.
    """

    kind: Literal["story"] = "story"
    story: int = Field(ge=1, le=MAX_ID, description="A stored story's id.")


class SearchWatch(_Query):
    """A saved full-text search: articles (title and text), or quotes, that match `query`."""

    kind: Literal["search"] = "search"
    query: Words
    scope: Literal["articles", "quotes"] = "articles"
    source: str | None = Field(default=None, min_length=1, max_length=300, description="Only this source.")


WatchQuery = Annotated[
    QuoteWatch | NumberWatch | EventWatch | EntitiesWatch | StoryWatch | SearchWatch,
    Field(discriminator="kind"),
]
KINDS = ("quote", "number", "event", "entities", "story", "search")

_ADAPTER: TypeAdapter[WatchQuery] = TypeAdapter(WatchQuery)


def parse_query(data: str | bytes | dict[str, Any]) -> WatchQuery:
    """Return the query of a stored value (a dict, or its JSON text); raises pydantic's ValidationError."""
    return _stored(orjson.dumps(data) if isinstance(data, dict) else data)


@functools.lru_cache(maxsize=100_000)
def _stored(data: str | bytes) -> WatchQuery:
    """A stored query, parsed once per process (queries are immutable models)."""
    return _ADAPTER.validate_json(data)


def entity_refs(query: WatchQuery) -> list[int]:
    """Return the stored entities a query names, in its order."""
    if isinstance(query, QuoteWatch):
        return [query.speaker]
    if isinstance(query, NumberWatch):
        return [query.claimant] if query.claimant is not None else []
    if isinstance(query, EventWatch):
        return [i for i in (query.source, query.target) if i is not None]
    if isinstance(query, EntitiesWatch):
        return list(query.entities)
    return []


def query_data(query: WatchQuery) -> dict[str, Any]:
    """Return the query as stored: `kind` first, then the fields not left at their defaults."""
    return {"kind": query.kind, **query.model_dump(mode="json", exclude_defaults=True, exclude={"kind"})}


class WatchIn(BaseModel):
    """A watch to create: what it asks for, a name, and where to POST its matches."""

    model_config = ConfigDict(extra="forbid")

    query: WatchQuery
    name: str | None = Field(
        default=None, max_length=200, description="A label (default: the query in words)."
    )
    webhook: str | None = Field(
        default=None,
        max_length=2000,
        pattern=r"^https?://[^\s/]+(/\S*)?$",
        description="An http(s) URL every match is POSTed to, signed (see `newsgraph.alerts.webhooks`).",
    )
    author: str = Field(default="api", max_length=200, description="Who made it.")


def read_watch(data: dict[str, Any]) -> WatchIn:
    """Validate a watch to create from plain values (a form, the command line).

    Raises:
        InputError: what is wrong, field by field.
    """
    try:
        return WatchIn.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise InputError(problems) from None


class WebhookState(BaseModel):
    """A watch's webhook: where it posts, and whether it was paused after repeated failures."""

    url: str
    failures: int = Field(description="Deliveries failed in a row.")
    paused: str | None = Field(description="When it was paused (null: active).")
    last_error: str | None
    pending: int = Field(description="Deliveries waiting to be sent.")


class WatchPublic(BaseModel):
    """A stored watch as the API and the CLI show it (never its webhook secret)."""

    id: int
    kind: str
    name: str
    query: WatchQuery
    description: str = Field(description="The query in words.")
    feed: str = Field(description="Path of its Atom feed (`/feeds/KEY.atom`); the page is `/feeds/KEY`.")
    created: str
    author: str
    matches: int
    webhook: WebhookState | None
