"""What the API answers: one pydantic model per response, so OpenAPI describes every page, item,
cursor and error, and a generated client gets real types.

The items are the store's own result types (`store.queries`, `store.search`, …) seen through
`public(...)`: a model with the dataclass's fields, all required, whose fact fields take their
type and description from the Analysis models (`like(Quote, "kind")`), so nothing the store or
`newsgraph.models` declares is declared again here, and a renamed store field renames the API's
(a type refined here for a field the store no longer has fails at import). Full Analyses are
served as `newsgraph.models.Analysis` itself.

A route declares its model and returns the store's objects as they come; FastAPI validates them
against the model (reading attributes) and serializes the result in pydantic's Rust core:

    @router.get("/{article_id}/related", response_model=RelatedArticles, responses=errors(404))
    def get_related(article_id: StoreId, conn: ConnDep) -> dict[str, object]:
        return {"article_id": article_id, "related": related_articles(conn, article_id)}

Every error has one shape, `ErrorResponse` (`api.errors` builds it); `errors(…)` declares the
statuses a route can answer besides its success, each in that shape.
"""

from __future__ import annotations

import dataclasses
import typing
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from newsgraph.models import Analysis, Entity, Event, Place, Quantity, Quote
from newsgraph.store.events import Actor, EventRecord
from newsgraph.store.fulltext import Expansion
from newsgraph.store.identity.corrections import AuditRecord, RuleRecord
from newsgraph.store.queries import (
    Alias,
    ArticleSummary,
    EntitySummary,
    Role,
    Stats,
    TimelinePoint,
    Undated,
)
from newsgraph.store.related import Related
from newsgraph.store.search import ArticleHit, QuantityHit, QuoteHit
from newsgraph.store.stories.claims import ClaimTable, Figure
from newsgraph.store.stories.read import (
    KeyEntity,
    RelatedArticle,
    Speaker,
    StoryEvent,
    StoryPlace,
    StoryQuote,
    StoryRecord,
    StorySummary,
)
from newsgraph.store.timelines import PeriodCount
from newsgraph.store.watches.entries import Entry
from newsgraph.store.watches.spec import WatchPublic


class Public(BaseModel):
    """Base of every response model: read from the store's objects' attributes."""

    model_config = ConfigDict(from_attributes=True, extra="forbid")


class Answer(Public):
    """Base of a whole response: `ok` is true (errors say false)."""

    ok: Literal[True] = True


def like(model: type[BaseModel], *names: str) -> dict[str, Any]:
    """The type and description of Analysis model fields, for store fields of the same names and
    meanings: `public(QuoteHit, "QuotePublic", **like(Quote, "kind", "cue"))`."""
    fields = {name: model.model_fields[name] for name in names}
    return {name: (f.annotation, Field(description=f.description)) for name, f in fields.items()}


def public(source: type, name: str, *, base: type[Public] = Public, **fields: Any) -> type[Public]:
    """A response model with the fields of the store's dataclass `source`, in its order.

    `fields` refines some: a type, or `(type, FieldInfo)` as `like()` gives them. Every field is
    required (null where the store has no value), so a client never meets an unset one.
    """
    hints = typing.get_type_hints(source)
    names = [f.name for f in dataclasses.fields(source)]
    unknown = set(fields) - set(names)
    if unknown:
        raise TypeError(f"{source.__name__} has no field {', '.join(sorted(unknown))}")
    spec: dict[str, Any] = {}
    for field in names:
        given = fields.get(field, hints[field])
        kind, info = given if isinstance(given, tuple) else (given, Field())
        spec[field] = (kind, info)
    model: type[Public] = create_model(name, __base__=base, __doc__=source.__doc__, **spec)
    return model


def many(item: Any) -> Any:
    """`list[item]` for an item model made at run time."""
    return list.__class_getitem__(item)


def answer_model(name: str, doc: str, **fields: Any) -> type[Public]:
    """A whole answer (`ok` true) with these fields, each `(type, ...)` or `(type, FieldInfo)`."""
    model: type[Public] = create_model(name, __base__=Answer, __doc__=doc, **fields)
    return model


def page_model(item: Any, name: str, *, answer: bool = True, **extra: Any) -> type[Public]:
    """A page of `item`s with the cursor of the next one: the whole answer, or (`answer=False`)
    a part of one."""
    base: type[Public] = Answer if answer else Public
    model: type[Public] = create_model(
        name,
        __base__=base,
        __doc__=f"A page of {item.__name__} items and the cursor of the next page.",
        items=(many(item), ...),
        next_cursor=(
            str | None,
            Field(description="Pass as `cursor` to get the next page; null on the last page."),
        ),
        **extra,
    )
    return model


def list_model(item: Any, name: str) -> type[Public]:
    """A whole answer listing `item`s, all of them (no pages)."""
    return answer_model(name, f"Every {item.__name__} asked for.", items=(many(item), ...))


class SnippetPublic(Public):
    """A piece of text with the words that matched flagged: `parts` is a list of [text, is_match]."""

    text: str = Field(description="The snippet's plain text.")
    parts: list[tuple[str, bool]]


ArticlePublic = public(ArticleSummary, "ArticlePublic")
EntityPublic = public(EntitySummary, "EntityPublic", **like(Entity, "type"))
ActorPublic = public(Actor, "ActorPublic", role=Literal["source", "target"])
EventPublic = public(
    EventRecord,
    "EventPublic",
    actors=many(ActorPublic),
    **like(Event, "type", "mode", "source_text", "negated"),
    **like(Place, "country"),
)
QuotePublic = public(QuoteHit, "QuotePublic", snippet=SnippetPublic, **like(Quote, "kind", "cue"))
QuantityPublic = public(
    QuantityHit,
    "QuantityPublic",
    snippet=SnippetPublic,
    **like(Quantity, "value", "unit", "kind", "approximate"),
)
ArticleHitPublic = public(ArticleHit, "ArticleHitPublic", snippet=SnippetPublic)
StoryPublic = public(StorySummary, "StoryPublic")
AliasPublic = public(Alias, "AliasPublic")
RolePublic = public(Role, "RolePublic")
TimelinePointPublic = public(TimelinePoint, "TimelinePointPublic")
UndatedPublic = public(Undated, "UndatedPublic")
PeriodCountPublic = public(PeriodCount, "PeriodCountPublic")
RelatedPublic = public(Related, "RelatedPublic", **like(Entity, "type"))
ExpansionPublic = public(Expansion, "ExpansionPublic")
RulePublic = public(RuleRecord, "RulePublic")
AuditPublic = public(AuditRecord, "AuditPublic")

ArticlePage = page_model(ArticlePublic, "ArticlePage")
EntityPage = page_model(EntityPublic, "EntityPage")
EventPage = page_model(EventPublic, "EventPage")
QuotePage = page_model(QuotePublic, "QuotePage")
QuantityPage = page_model(QuantityPublic, "QuantityPage")
StoryPage = page_model(StoryPublic, "StoryPage")
TimelineList = list_model(TimelinePointPublic, "TimelineList")
PeriodCountList = list_model(PeriodCountPublic, "PeriodCountList")
RuleList = list_model(RulePublic, "RuleList")
AuditList = list_model(AuditPublic, "AuditList")

_Expanded = (
    many(ExpansionPublic),
    Field(description="Words of the query that name a stored entity, and the other names searched too."),
)
ArticleSearchPage = page_model(
    ArticleHitPublic, "ArticleSearchPage", kind=(Literal["articles"], ...), expanded=_Expanded
)
QuoteSearchPage = page_model(
    QuotePublic, "QuoteSearchPage", kind=(Literal["quotes"], ...), expanded=_Expanded
)
QuantitySearchPage = page_model(
    QuantityPublic, "QuantitySearchPage", kind=(Literal["quantities"], ...), expanded=_Expanded
)
SearchPage: Any = Annotated[
    ArticleSearchPage | QuoteSearchPage | QuantitySearchPage,
    Field(discriminator="kind"),
]
"""Search hits, whose type `kind` names."""


ArticleDetail = answer_model(
    "ArticleDetail",
    "One article: its summary, every URL it was seen at, and its Analysis.",
    article=(ArticlePublic, ...),
    urls=(list[str], ...),
    analysis=(Analysis, ...),
)


class ArticleStored(Answer):
    """Where an analyzed article is stored."""

    id: int
    hash: str = Field(description="SHA-256 of the cleaned text.")
    status: Literal["stored", "duplicate"] = Field(
        description="`duplicate`: an article with the same cleaned text was stored already."
    )


EntityDetail = answer_model(
    "EntityDetail",
    "One entity: aliases, roles, mentions per day and month, related entities, and the first page "
    "of its quotes, events and numbers.",
    entity=(EntityPublic, ...),
    aliases=(many(AliasPublic), ...),
    roles=(many(RolePublic), ...),
    timeline=(many(TimelinePointPublic), ...),
    undated=(UndatedPublic, ...),
    months=(many(PeriodCountPublic), ...),
    related=(many(RelatedPublic), ...),
    quotes=(page_model(QuotePublic, "QuoteList", answer=False), ...),
    events=(page_model(EventPublic, "EventList", answer=False), ...),
    quantities=(page_model(QuantityPublic, "QuantityList", answer=False), ...),
)
KeyEntityPublic = public(KeyEntity, "KeyEntityPublic", **like(Entity, "type"))
StoryQuotePublic = public(StoryQuote, "StoryQuotePublic")
SpeakerPublic = public(Speaker, "SpeakerPublic", quotes=many(StoryQuotePublic))
StoryEventPublic = public(
    StoryEvent,
    "StoryEventPublic",
    **like(Event, "type", "source_text", "target_text"),
)
StoryPlacePublic = public(StoryPlace, "StoryPlacePublic")
FigurePublic = public(Figure, "FigurePublic", **like(Quantity, "text", "approximate"))
ClaimTablePublic = public(
    ClaimTable,
    "ClaimTablePublic",
    figures=many(FigurePublic),
    **like(Quantity, "kind"),
)
StoryDetail = public(
    StoryRecord,
    "StoryDetail",
    base=Answer,
    summary=StoryPublic,
    articles=many(ArticlePublic),
    entities=many(KeyEntityPublic),
    speakers=many(SpeakerPublic),
    events=many(StoryEventPublic),
    places=many(StoryPlacePublic),
    claims=many(ClaimTablePublic),
)
ClaimsAnswer = answer_model(
    "ClaimsAnswer",
    "A story's claim tables: figures of several articles for the same count, disagreements first.",
    story_id=(int, ...),
    claims=(many(ClaimTablePublic), ...),
)
EntityStories = answer_model(
    "EntityStories",
    "The stories with an article naming the entity, biggest first.",
    entity_id=(int, ...),
    stories=(many(StoryPublic), ...),
)
RelatedArticlePublic = public(RelatedArticle, "RelatedArticlePublic", article=ArticlePublic)
RelatedArticles = answer_model(
    "RelatedArticles",
    "The other articles of the article's story, oldest first, then those sharing its rarer entities.",
    article_id=(int, ...),
    related=(many(RelatedArticlePublic), ...),
)
StatsAnswer = public(Stats, "Stats", base=Answer)


class CorrectionDone(Answer):
    """What a correction did: its rule, its audit entry, the entities it left."""

    rule_id: int
    audit_id: int
    entities: list[int]


EntryPublic = public(Entry, "EntryPublic")
WatchAnswer = answer_model("WatchAnswer", "One watch.", watch=(WatchPublic, ...))
WatchList = list_model(WatchPublic, "WatchList")


class WatchCreated(Answer):
    """A watch just stored, and the secret that signs its webhook bodies (shown this once)."""

    watch: WatchPublic
    secret: str | None = Field(description="HMAC-SHA256 key of its webhook (null: no webhook).")


class WatchDeleted(Answer):
    """The id of the watch deleted, with its matches and queued deliveries."""

    deleted: int


class FeedWatch(Public):
    """What a feed's reader may know of its watch (not its webhook)."""

    id: int
    name: str
    kind: str
    description: str
    feed: str


FeedAnswer = answer_model(
    "FeedAnswer",
    "A watch's newest entries, newest first: the JSON twin of its feed.",
    watch=(FeedWatch, ...),
    items=(many(EntryPublic), ...),
)


class ErrorDetail(BaseModel):
    """One problem of a request that failed validation."""

    loc: list[str] = Field(
        description='Where: `["query", "since"]`, `["body", "text"]`, `["path", "article_id"]`.'
    )
    msg: str = Field(description="What is wrong with it.")
    type: str = Field(description="The kind of problem (`day`, `missing`, `literal_error`, …).")


class ErrorResponse(BaseModel):
    """Every error the API answers: the status again, a message, and for a request that failed
    validation, each problem."""

    ok: Literal[False] = False
    status: int
    error: str = Field(description="What went wrong, naming the parameter when one is invalid.")
    errors: list[ErrorDetail] = Field(default_factory=list)


ERROR_MEANINGS = {
    400: "A value the query cannot use (a cursor of another query, an empty search).",
    401: "Missing or wrong bearer token.",
    403: "The API is read-only: NEWSGRAPH_API_TOKEN is not set.",
    404: "Nothing has this id.",
    413: "The request body or the article is too long.",
    422: "A parameter or the body is invalid: `error` and `errors` name it and say why.",
    429: "Too many requests: wait as long as `Retry-After` says.",
    503: "The database cannot be reached.",
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses` of a route: these statuses, each in the one error shape."""
    return {status: {"model": ErrorResponse, "description": ERROR_MEANINGS[status]} for status in statuses}


READ_ERRORS = errors(400, 422, 429, 503)
"""What any read route can answer besides its success (a router's default `responses`)."""
CSV: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"text/csv": {"schema": {"type": "string"}}},
        "description": "The page (JSON, or CSV with format=csv).",
    }
}
"""A route that also answers CSV (`format=csv`)."""
