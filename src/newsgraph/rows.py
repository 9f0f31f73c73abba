"""The fact tables of an Analysis: every table's columns, derived from the models, and its rows.

    tables = fact_rows(analysis.to_dict())   # {"quotes": [{"local_id": "q1", "kind": "direct", …}], …}

Every output that flattens analyses into tables takes its columns and rows from here: the
store's SQL tables (`store.schema`) and its writer (`store.writer`), the batch job's Parquet
datasets (`batch.parquet`), `newsgraph export` (`store.export`) and the data dictionary
(`docs/data-dictionary.md`, written by `scripts/data_dictionary.py`). The columns are derived
from the `newsgraph.models` types — a field becomes a column of the same name (renamed only by
the rules below), a nested model is flattened with its field name as prefix (`trigger_start`),
a list stays a list (of strings, numbers or structs) — and their defaults come from the models
too. An optional field added to a model is therefore a column of its table in every output at
once; the store needs a migration adding it (`tests/test_store_schema.py` says which).

One name, one meaning, in every output (batch Parquet, store, export, API, docs):

    doc_id        the Analysis id (the input's id)
    article_id    the stored article's integer id (store, export, API)
    id            the row's own stored integer id (store, export, API)
    local_id      the fact's article-local id: `e1`, `q1`, `v1`, `t1`, `p1`
    X_local_id    an article-local reference: `speaker_local_id` = `e6`, `place_local_id` = `p1`
    X_id          the stored entity that reference resolves to (store, export, API), or the
                  stored row it names (`story_id`, `quantity_id`)
    X_name        that entity's name (export, API; `place_name`: the place's name in the article)
    X_text        the words as written (`speaker_text`, `trigger_text`, `source_text`)
    source        the news source's name — never an event's actors, which are
                  `source_actor_local_ids` / `target_actor_local_ids` (and `_ids`, `_names`)

The row of an entity reference holds the article-local id only; each output adds its own keys
(`KEY_COLUMNS`): the batch job `doc_id` and `published_day`, the store its integer ids.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from newsgraph.models import Analysis, Entity, Event, Mention, Place, Quantity, Quote, Time

Kind = Literal["str", "int", "float", "bool", "list", "struct"]


@dataclass(frozen=True, slots=True)
class ColumnType:
    """A column's type: a scalar, a list (of `item`s) or a struct (of `fields`)."""

    kind: Kind
    item: ColumnType | None = None
    fields: tuple[tuple[str, ColumnType], ...] = ()

    def __str__(self) -> str:
        if self.kind == "list":
            return f"list<{self.item}>"
        if self.kind == "struct":
            return "struct<" + ", ".join(f"{name}: {kind}" for name, kind in self.fields) + ">"
        return self.kind

    @property
    def scalar(self) -> bool:
        """True for str, int, float and bool."""
        return self.kind not in ("list", "struct")


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a fact table: its name, type, whether it may be null, what it means, and
    where it comes from (`Quote.speaker`, or `derived`)."""

    name: str
    type: ColumnType
    nullable: bool
    doc: str
    origin: str


@dataclass(frozen=True, slots=True)
class _Getter:
    """How a column's value is read from a model's dict: `item.get(key, default)`, or for a
    flattened nested model `item[key][sub]`."""

    name: str
    key: str
    default: Any
    sub: str | None = None


@dataclass(frozen=True, slots=True)
class FactTable:
    """A fact table: its columns, and the function giving its rows for one Analysis dict."""

    name: str
    doc: str
    columns: tuple[Column, ...]
    rows: Callable[[dict[str, Any]], list[dict[str, Any]]]

    @property
    def names(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        """Return the column called `name` (KeyError when there is none)."""
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(f"{self.name} has no column {name!r}")


# --- Column types and getters from the model annotations ----------------------------------------

_SCALARS: dict[type, Kind] = {str: "str", int: "int", float: "float", bool: "bool"}


def _optional(annotation: Any) -> tuple[Any, bool]:
    """Return (the annotation without None, whether None was allowed)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def column_type(annotation: Any) -> ColumnType:
    """Return the column type of a model field's annotation.

    Raises:
        TypeError: an annotation with no column type (a dict, a union of several types).
    """
    annotation, _ = _optional(annotation)
    if typing.get_origin(annotation) is Literal:
        values = typing.get_args(annotation)
        return ColumnType(_SCALARS[type(values[0])])
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        return ColumnType("list", item=column_type(item))
    if _is_model(annotation):
        fields = tuple((_key(name, info), column_type(info.annotation)) for name, info in _fields(annotation))
        return ColumnType("struct", fields=fields)
    if isinstance(annotation, type) and annotation in _SCALARS:
        return ColumnType(_SCALARS[annotation])
    raise TypeError(f"no column type for {annotation!r}")


def _fields(model: type[BaseModel]) -> Iterable[tuple[str, FieldInfo]]:
    return model.model_fields.items()


def _key(name: str, info: FieldInfo) -> str:
    """The field's key in the JSON (its alias, e.g. `schema`)."""
    return info.alias or name


def _default(info: FieldInfo) -> Any:
    default = info.get_default(call_default_factory=True)
    return None if default is PydanticUndefined else default


def _model_columns(
    model: type[BaseModel], *, rename: Mapping[str, str] = {}, skip: Iterable[str] = ()
) -> list[tuple[Column, _Getter]]:
    """Return the columns of a model's fields, in declaration order, with their getters."""
    out: list[tuple[Column, _Getter]] = []
    skipped = set(skip)
    for field_name, info in _fields(model):
        key = _key(field_name, info)
        if key in skipped:
            continue
        name = rename.get(key, key)
        annotation, optional = _optional(info.annotation)
        origin = f"{model.__name__}.{key}"
        if _is_model(annotation):  # a nested model: one column per field, `<field>_<subfield>`
            for sub_name, sub in _fields(annotation):
                sub_key = _key(sub_name, sub)
                column = Column(
                    f"{name}_{sub_key}",
                    column_type(sub.annotation),
                    optional or _optional(sub.annotation)[1],
                    sub.description or "",
                    f"{origin}.{sub_key}",
                )
                out.append((column, _Getter(column.name, key, None, sub_key)))
            continue
        kind = column_type(annotation)
        column = Column(name, kind, optional or not kind.scalar, info.description or "", origin)
        out.append((column, _Getter(name, key, _default(info))))
    return out


def _derived(name: str, kind: Kind, doc: str, *, nullable: bool = True) -> Column:
    return Column(name, ColumnType(kind), nullable, doc, "derived")


# --- Row builders -------------------------------------------------------------------------------


def _plain(getters: list[_Getter]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """Return a function giving a model dict's row from plain and nested getters."""
    plain = [(g.name, g.key, g.default) for g in getters if g.sub is None]
    nested = [(g.name, g.key, g.sub) for g in getters if g.sub is not None]

    def row(item: dict[str, Any]) -> dict[str, Any]:
        out = {name: item.get(key, default) for name, key, default in plain}
        for name, key, sub in nested:
            value = item.get(key)
            out[name] = None if value is None else value.get(sub)
        return out

    return row


def _table(
    name: str,
    doc: str,
    model: type[BaseModel],
    items: Callable[[dict[str, Any], Callable[[dict[str, Any]], dict[str, Any]]], list[dict[str, Any]]],
    *,
    rename: Mapping[str, str] = {},
    skip: Iterable[str] = (),
    before: tuple[Column, ...] = (),
    after: tuple[Column, ...] = (),
    docs: Mapping[str, str] = {},
) -> FactTable:
    """Build a fact table of `model`'s columns between the derived `before` and `after` ones;
    `items(analysis, row)` returns the analysis's rows, `row` turning one model dict into its
    model columns (the derived ones are `items`' to add)."""
    pairs = _model_columns(model, rename=rename, skip=skip)
    row = _plain([getter for _, getter in pairs])
    own = tuple(
        replace(column, doc=docs[column.name]) if column.name in docs else column for column, _ in pairs
    )
    columns = (*before, *own, *after)

    def rows(analysis: dict[str, Any]) -> list[dict[str, Any]]:
        return items(analysis, row)

    return FactTable(name, doc, columns, rows)


Row = Callable[[dict[str, Any]], dict[str, Any]]


def _article(analysis: dict[str, Any], row: Row) -> list[dict[str, Any]]:
    values = row(analysis)
    values["published"] = published_text(values["published"])
    return [values]


def _article_entities(analysis: dict[str, Any], row: Row) -> list[dict[str, Any]]:
    out = []
    for entity in analysis.get("entities") or ():
        values = row(entity)
        values["mention_count"] = len(entity.get("mentions") or ())
        out.append(values)
    return out


def _mentions(analysis: dict[str, Any], row: Row) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for entity in analysis.get("entities") or ():
        for mention in entity.get("mentions") or ():
            values = row(mention)
            values["entity_local_id"] = entity["id"]
            values["seq"] = len(out) + 1
            out.append(values)
    return out


def _listed(key: str) -> Callable[[dict[str, Any], Row], list[dict[str, Any]]]:
    def items(analysis: dict[str, Any], row: Row) -> list[dict[str, Any]]:
        return [row(item) for item in analysis.get(key) or ()]

    return items


def _numbered(analysis: dict[str, Any], row: Row) -> list[dict[str, Any]]:
    out = []
    for seq, quantity in enumerate(analysis.get("quantities") or (), start=1):
        values = row(quantity)
        values["seq"] = seq
        out.append(values)
    return out


def _literal_places(analysis: dict[str, Any], row: Row) -> list[dict[str, Any]]:
    return [row(place) for place in analysis.get("places") or () if place.get("literal", True)]


_NO_PLACE: dict[str, Any] = {}


def _events(analysis: dict[str, Any], row: Row) -> list[dict[str, Any]]:
    places = {p["id"]: p for p in analysis.get("places") or ()}
    times = {t["id"]: t for t in analysis.get("times") or ()}
    out = []
    for event in analysis.get("events") or ():
        values = row(event)
        place = places.get(event.get("place") or "", _NO_PLACE)
        values["place_name"] = place.get("name")
        values["country"] = place.get("country")
        values["lat"] = place.get("lat")
        values["lon"] = place.get("lon")
        values["time_value"] = times.get(event.get("time") or "", _NO_PLACE).get("value")
        out.append(values)
    return out


_FACT_LISTS = ("entities", "quotes", "events", "quantities", "times", "places")
_PUBLISHED_DOC = (
    "Publication date and time in UTC, ISO 8601 (`published_text`): `YYYY-MM-DD` for a date alone "
    "(midnight UTC), a time without a zone taken as UTC; the Analysis keeps the date as found."
)
_SEQ_DOC = "Its position among the article's {}, 1 first."

TABLES: dict[str, FactTable] = {
    table.name: table
    for table in (
        _table(
            "articles",
            "One row per article: its metadata, cleaned text, sentences and summary.",
            Analysis,
            _article,
            rename={"id": "doc_id", "reference_time": "reference_time_local_id"},
            skip=("schema", *_FACT_LISTS),
            docs={"published": _PUBLISHED_DOC},
        ),
        _table(
            "article_entities",
            "One row per entity of an article (the store links each to a cross-article entity).",
            Entity,
            _article_entities,
            rename={"id": "local_id", "affiliation": "affiliation_local_id"},
            skip=("mentions",),
            after=(
                _derived("mention_count", "int", "How many mentions it has in the article.", nullable=False),
            ),
        ),
        _table(
            "mentions",
            "One row per mention of an entity.",
            Mention,
            _mentions,
            before=(
                Column(
                    "entity_local_id",
                    ColumnType("str"),
                    False,
                    "Article-local id of its entity.",
                    "Entity.id",
                ),
                _derived("seq", "int", _SEQ_DOC.format("mentions, entity by entity"), nullable=False),
            ),
        ),
        _table(
            "quotes",
            "One row per quote: what was said, by whom, with its cue.",
            Quote,
            _listed("quotes"),
            rename={"id": "local_id", "speaker": "speaker_local_id"},
        ),
        _table(
            "events",
            "One row per event: who did what to whom, where and when (PLOVER).",
            Event,
            _events,
            rename={
                "id": "local_id",
                "source": "source_actor_local_ids",
                "target": "target_actor_local_ids",
                "place": "place_local_id",
                "time": "time_local_id",
            },
            after=(
                _derived("place_name", "str", "The name of its place (`places.name` of `place_local_id`)."),
                _derived("country", "str", "ISO 3166-1 alpha-2 code of its place's country."),
                _derived("lat", "float", "Latitude of its place."),
                _derived("lon", "float", "Longitude of its place."),
                _derived("time_value", "str", "TIMEX3 value of its time (`times.value` of `time_local_id`)."),
            ),
        ),
        _table(
            "quantities",
            "One row per number: its value, what it counts, and who claims it.",
            Quantity,
            _numbered,
            rename={"claimant": "claimant_local_id", "quote": "quote_local_id"},
            before=(_derived("seq", "int", _SEQ_DOC.format("quantities"), nullable=False),),
        ),
        _table("times", "One row per time expression.", Time, _listed("times"), rename={"id": "local_id"}),
        _table(
            "places",
            "One row per place of the story, resolved to a country and a point when the gazetteer "
            "allows. A place name that only starts another name (`Place.literal` false: "
            '"Washington" of "The Washington Post") is no place of the story and stays in the '
            "Analysis only.",
            Place,
            _literal_places,
            rename={"id": "local_id", "entity": "entity_local_id"},
            skip=("literal",),
        ),
    )
}
"""Every fact table, by name, in the order they are written (parents first)."""

FACT_TABLES: tuple[str, ...] = tuple(TABLES)

KEY_COLUMNS: dict[str, tuple[Kind, str]] = {
    "doc_id": ("str", "The Analysis id: the input's id, or the content hash when it had none."),
    "article_id": ("int", "The stored article's id."),
    "id": ("int", "The row's own stored id."),
    "published_day": ("str", "The article's publication day, `YYYY-MM-DD` (null when unknown)."),
    "published": (
        "str",
        "The article's publication date and time (ISO 8601, UTC; a date alone at midnight).",
    ),
    "source": ("str", "The news source's name."),
    "source_id": ("int", "The stored news source's id (`sources.id`)."),
    "url": ("str", "The article's URL."),
    "title": ("str", "The article's headline."),
    "story_id": ("int", "The story (the articles reporting one event) the article belongs to."),
    "entity_id": ("int", "The stored entity it resolves to (`entities.id`)."),
    "entity_type": ("str", "The stored entity's type."),
    "entity_name": ("str", "The stored entity's name."),
    "affiliation_id": ("int", "The stored entity of its affiliation."),
    "affiliation_name": ("str", "The stored affiliation entity's name."),
    "speaker_id": ("int", "The stored entity of the speaker."),
    "speaker_name": ("str", "The stored speaker entity's name."),
    "claimant_id": ("int", "The stored entity of who claims it."),
    "claimant_name": ("str", "The stored claimant entity's name."),
    "source_actor_ids": ("list", "The stored entities of the actors who act."),
    "source_actor_names": ("list", "Their names."),
    "target_actor_ids": ("list", "The stored entities of those acted upon."),
    "target_actor_names": ("list", "Their names."),
    "month": ("str", "The Hive partition of a month-partitioned batch output: `YYYY-MM`, or `unknown`."),
}
"""The columns an output adds to the fact columns, with what each means in every output."""

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def published_instant(value: str | None) -> datetime | None:
    """Return the instant an ISO 8601 date or date-time names, in UTC, or None when it names none.

    A date alone is its midnight in UTC; a date-time without a zone is taken as UTC.
    """
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def published_text(value: datetime | str | None) -> str | None:
    """Return the one text form of a publication instant: `YYYY-MM-DD` at midnight UTC, else the
    ISO 8601 date-time in UTC (`2021-07-18T08:30:00+00:00`); None for no or an unreadable date."""
    instant = published_instant(value) if isinstance(value, str) else value
    if instant is None:
        return None
    instant = instant.astimezone(UTC)
    if instant.time() == datetime.min.time():
        return date(instant.year, instant.month, instant.day).isoformat()
    return instant.isoformat()


def published_day(published: str | None) -> str | None:
    """Return the `YYYY-MM-DD` day of an ISO 8601 date or date-time, or None."""
    if published and _DAY.match(published):
        return published[:10]
    return None


def fact_rows(analysis: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Return the rows of every fact table of one Analysis (its dict: `Analysis.to_dict()` or
    the parsed JSON), by table name; references stay article-local (`speaker_local_id`)."""
    return {name: table.rows(analysis) for name, table in TABLES.items()}
