"""Flatten Analyses into Arrow fact tables and write them as Parquet; shared by every engine.

A batch run has two stages, and both engines (local processes, Ray) run the same functions:

1. *analyze*: `results_table` turns one chunk's results into a table of `RESULTS_SCHEMA`
   rows — one per input item, the Analysis JSON or the reason it failed;
2. *split*: `split_results` turns a results table into the output tables below.

Output tables (one Parquet dataset each, under the run's output directory):

    analyses    one row per article: id, hash, key columns and the full Analysis JSON
    articles    one row per article: metadata, text, summary sentence indices
    entities    one row per (article, entity)           entity_id = the article-local `e1`
    mentions    one row per mention of an entity
    quotes      one row per quote                      speaker = article-local entity id
    events      one row per event (trigger flattened to trigger_start/_end/_text)
    quantities  one row per quantity
    times       one row per time expression
    places      one row per resolved place
    errors      one row per input that failed: origin, id, stage, reason

Fact-table columns are derived from the `models` types, so an optional field added to the
contract becomes a column without touching this module: scalars and lists of scalars map to
Arrow types, a nested model is flattened with its field name as prefix, and a list of models
is kept as a JSON string. Every fact row carries `article_id` (the Analysis id) and
`published_day` (`YYYY-MM-DD` or null); with month partitioning a `month` column (`YYYY-MM`,
or `unknown`) names the Hive partition.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

import orjson
import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
from pydantic import BaseModel

from newsgraph.models import Analysis, Entity, Event, Mention, Place, Quantity, Quote, Time

RESULTS_SCHEMA = pa.schema(
    [
        pa.field("origin", pa.string(), nullable=False),
        pa.field("id", pa.string()),
        pa.field("hash", pa.string()),
        pa.field("published", pa.string()),
        pa.field("analysis", pa.large_string(), metadata={b"doc": b"Analysis JSON; null when failed"}),
        pa.field("stage", pa.string(), metadata={b"doc": b"read | analyze, when failed"}),
        pa.field("reason", pa.string()),
    ]
)
"""The analyze stage's output: one row per input item (an Analysis or a failure)."""

ANALYSES_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),
        pa.field("hash", pa.string(), nullable=False),
        pa.field("url", pa.string()),
        pa.field("source", pa.string()),
        pa.field("title", pa.string()),
        pa.field("published", pa.string()),
        pa.field("published_day", pa.string()),
        pa.field("published_source", pa.string()),
        pa.field("language", pa.string()),
        pa.field("origin", pa.string()),
        pa.field("chars", pa.int64()),
        pa.field("entities", pa.int32()),
        pa.field("quotes", pa.int32()),
        pa.field("events", pa.int32()),
        pa.field("quantities", pa.int32()),
        pa.field("times", pa.int32()),
        pa.field("places", pa.int32()),
        pa.field("analysis", pa.large_string(), nullable=False),
    ]
)

ERRORS_SCHEMA = pa.schema(
    [
        pa.field("origin", pa.string(), nullable=False),
        pa.field("id", pa.string()),
        pa.field("stage", pa.string(), nullable=False),
        pa.field("reason", pa.string(), nullable=False),
    ]
)

FACT_TABLES: tuple[str, ...] = (
    "articles",
    "entities",
    "mentions",
    "quotes",
    "events",
    "quantities",
    "times",
    "places",
)
TABLES: tuple[str, ...] = ("analyses", *FACT_TABLES, "errors")
"""Every dataset a batch run writes, in the order it writes them."""

Partitioning = Literal["none", "month"]
MONTH_UNKNOWN = "unknown"


# --- Arrow types from the model annotations -------------------------------------------------

_SCALARS: dict[type, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
}


@dataclass(frozen=True, slots=True)
class _Column:
    """One output column: its name, Arrow type and how to get its value from the item dict."""

    name: str
    type: pa.DataType
    get: Callable[[dict[str, Any]], Any]


def _strip_optional(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _scalar_type(annotation: Any) -> pa.DataType | None:
    annotation = _strip_optional(annotation)
    if typing.get_origin(annotation) is Literal:
        values = typing.get_args(annotation)
        return _SCALARS.get(type(values[0])) if values else None
    if isinstance(annotation, type):
        return _SCALARS.get(annotation)
    return None


def _json_or_none(value: Any) -> str | None:
    return None if value is None else orjson.dumps(value).decode()


Getter = Callable[[dict[str, Any]], Any]


def _value(key: str) -> Getter:
    def get(item: dict[str, Any]) -> Any:
        return item.get(key)

    return get


def _values(key: str) -> Getter:
    def get(item: dict[str, Any]) -> Any:
        return item.get(key) or []

    return get


def _as_json(key: str) -> Getter:
    def get(item: dict[str, Any]) -> Any:
        return _json_or_none(item.get(key))

    return get


def _nested(key: str, inner: Getter) -> Getter:
    def get(item: dict[str, Any]) -> Any:
        value = item.get(key)
        return None if value is None else inner(value)

    return get


def _model_columns(model: type[BaseModel], *, rename: dict[str, str], skip: set[str]) -> list[_Column]:
    """Return the columns of a model's fields (by JSON alias), in declaration order."""
    columns: list[_Column] = []
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key in skip:
            continue
        column = rename.get(key, key)
        annotation = _strip_optional(info.annotation)
        scalar = _scalar_type(annotation)
        if scalar is not None:
            columns.append(_Column(column, scalar, _value(key)))
        elif typing.get_origin(annotation) is list:
            (item,) = typing.get_args(annotation)
            item_scalar = _scalar_type(item)
            if item_scalar is not None:
                columns.append(_Column(column, pa.list_(item_scalar), _values(key)))
            else:  # a list of models: kept whole, as JSON
                columns.append(_Column(column, pa.string(), _as_json(key)))
        elif _is_model(annotation):  # a nested model: flattened as <field>_<subfield>
            for sub in _model_columns(annotation, rename={}, skip=set()):
                columns.append(_Column(f"{column}_{sub.name}", sub.type, _nested(key, sub.get)))
        else:
            columns.append(_Column(column, pa.string(), _as_json(key)))
    return columns


@dataclass(frozen=True, slots=True)
class _FactTable:
    """How one fact table is built: which items of an Analysis dict become its rows."""

    name: str
    items: Callable[[dict[str, Any]], Iterable[dict[str, Any]]]
    key_columns: tuple[_Column, ...]
    columns: tuple[_Column, ...]

    @property
    def schema(self) -> pa.Schema:
        fields = [pa.field("article_id", pa.string(), nullable=False)]
        fields += [pa.field(c.name, c.type) for c in (*self.key_columns, *self.columns)]
        fields.append(pa.field("published_day", pa.string()))
        return pa.schema(fields)


def _listed(key: str) -> Callable[[dict[str, Any]], Iterable[dict[str, Any]]]:
    def items(analysis: dict[str, Any]) -> Iterable[dict[str, Any]]:
        return analysis.get(key) or []

    return items


def _numbered(key: str) -> Callable[[dict[str, Any]], Iterable[dict[str, Any]]]:
    def items(analysis: dict[str, Any]) -> Iterable[dict[str, Any]]:
        return ({**item, "_seq": seq} for seq, item in enumerate(analysis.get(key) or []))

    return items


def _mentions(analysis: dict[str, Any]) -> Iterable[dict[str, Any]]:
    for entity in analysis.get("entities") or []:
        for seq, mention in enumerate(entity.get("mentions") or []):
            yield {**mention, "_entity": entity.get("id"), "_seq": seq}


def _entities(analysis: dict[str, Any]) -> Iterable[dict[str, Any]]:
    for entity in analysis.get("entities") or []:
        yield {**entity, "_mentions": len(entity.get("mentions") or [])}


def _places(analysis: dict[str, Any]) -> Iterable[dict[str, Any]]:
    for place in analysis.get("places") or []:
        yield {**place, "_mentions": len(place.get("mentions") or [])}


_ARTICLE_LISTS = {"entities", "quotes", "events", "quantities", "times", "places"}
_SEQ = _Column("seq", pa.int32(), lambda d: d["_seq"])
_MENTION_COUNT = _Column("mention_count", pa.int32(), lambda d: d["_mentions"])

_TABLES: dict[str, _FactTable] = {
    "articles": _FactTable(
        "articles",
        lambda a: [a],
        (),
        tuple(_model_columns(Analysis, rename={}, skip={"id", *_ARTICLE_LISTS})),
    ),
    "entities": _FactTable(
        "entities",
        _entities,
        (),
        (
            *_model_columns(Entity, rename={"id": "entity_id"}, skip={"mentions"}),
            _MENTION_COUNT,
        ),
    ),
    "mentions": _FactTable(
        "mentions",
        _mentions,
        (_Column("entity_id", pa.string(), lambda d: d["_entity"]), _SEQ),
        tuple(_model_columns(Mention, rename={}, skip=set())),
    ),
    "quotes": _FactTable(
        "quotes", _listed("quotes"), (), tuple(_model_columns(Quote, rename={"id": "quote_id"}, skip=set()))
    ),
    "events": _FactTable(
        "events", _listed("events"), (), tuple(_model_columns(Event, rename={"id": "event_id"}, skip=set()))
    ),
    "quantities": _FactTable(
        "quantities", _numbered("quantities"), (_SEQ,), tuple(_model_columns(Quantity, rename={}, skip=set()))
    ),
    "times": _FactTable(
        "times", _listed("times"), (), tuple(_model_columns(Time, rename={"id": "time_id"}, skip=set()))
    ),
    "places": _FactTable(
        "places",
        _places,
        (),
        (*_model_columns(Place, rename={"id": "place_id"}, skip=set()), _MENTION_COUNT),
    ),
}


def published_day(published: str | None) -> str | None:
    """Return the `YYYY-MM-DD` day of an ISO 8601 publication date, or None."""
    return published[:10] if published and len(published) >= 10 else None


def month_of(day: str | None) -> str:
    """Return the `YYYY-MM` partition value of a day, or `unknown`."""
    return day[:7] if day else MONTH_UNKNOWN


def table_schema(name: str, partitioning: Partitioning = "none") -> pa.Schema:
    """Return the Arrow schema of one output table (with the `month` column when partitioned)."""
    if name == "analyses":
        schema = ANALYSES_SCHEMA
    elif name == "errors":
        return ERRORS_SCHEMA
    else:
        schema = _TABLES[name].schema
    if partitioning == "month":
        schema = schema.append(pa.field("month", pa.string(), nullable=False))
    return schema


# --- Stage 1: results of one chunk ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Result:
    """One input item's outcome: the Analysis JSON, or the stage and reason it failed."""

    origin: str
    id: str | None
    analysis: bytes | None = None
    stage: str | None = None
    reason: str | None = None


def results_table(results: Iterable[Result]) -> pa.Table:
    """Build a `RESULTS_SCHEMA` table (hash and published read back from each Analysis JSON)."""
    columns: dict[str, list[Any]] = {name: [] for name in RESULTS_SCHEMA.names}
    for result in results:
        head: dict[str, Any] = orjson.loads(result.analysis) if result.analysis is not None else {}
        columns["origin"].append(result.origin)
        columns["id"].append(head.get("id", result.id))
        columns["hash"].append(head.get("hash"))
        columns["published"].append(head.get("published"))
        columns["analysis"].append(result.analysis.decode() if result.analysis is not None else None)
        columns["stage"].append(result.stage)
        columns["reason"].append(result.reason)
    return pa.Table.from_pydict(columns, schema=RESULTS_SCHEMA)


# --- Stage 2: results → output tables -------------------------------------------------------


def split_results(results: pa.Table, partitioning: Partitioning = "none") -> dict[str, pa.Table]:
    """Build every output table (see `TABLES`) from a results table, parsing each Analysis once."""
    rows = results.to_pylist()
    errors = pa.Table.from_pylist(
        [
            {"origin": r["origin"], "id": r["id"], "stage": r["stage"] or "analyze", "reason": r["reason"]}
            for r in rows
            if r["analysis"] is None
        ],
        schema=table_schema("errors"),
    )
    analyses = [(r, orjson.loads(r["analysis"])) for r in rows if r["analysis"] is not None]
    tables = {"analyses": _analyses_table(analyses, table_schema("analyses", partitioning), partitioning)}
    parsed = [a for _, a in analyses]
    for name in FACT_TABLES:
        tables[name] = fact_table(name, parsed, partitioning)
    tables["errors"] = errors
    return tables


def _analyses_table(
    analyses: list[tuple[dict[str, Any], dict[str, Any]]], schema: pa.Schema, partitioning: Partitioning
) -> pa.Table:
    columns: dict[str, list[Any]] = {name: [] for name in schema.names}
    for row, data in analyses:
        day = published_day(data.get("published"))
        columns["id"].append(data["id"])
        columns["hash"].append(data["hash"])
        for key in ("url", "source", "title", "published", "published_source", "language"):
            columns[key].append(data.get(key))
        columns["published_day"].append(day)
        columns["origin"].append(row["origin"])
        columns["chars"].append(len(data.get("text") or ""))
        for key in _ARTICLE_LISTS:
            columns[key].append(len(data.get(key) or []))
        columns["analysis"].append(row["analysis"])
        if partitioning == "month":
            columns["month"].append(month_of(day))
    return pa.Table.from_pydict(columns, schema=schema)


def fact_table(
    name: str, analyses: Iterable[dict[str, Any]], partitioning: Partitioning = "none"
) -> pa.Table:
    """Flatten Analysis dicts (as parsed from the JSON) into fact table `name`."""
    spec = _TABLES[name]
    schema = table_schema(name, partitioning)
    out: dict[str, list[Any]] = {field: [] for field in schema.names}
    all_columns = (*spec.key_columns, *spec.columns)
    for analysis in analyses:
        day = published_day(analysis.get("published"))
        for item in spec.items(analysis):
            out["article_id"].append(analysis["id"])
            for column in all_columns:
                out[column.name].append(column.get(item))
            out["published_day"].append(day)
            if partitioning == "month":
                out["month"].append(month_of(day))
    return pa.Table.from_pydict(out, schema=schema)


def analysis_tables(analysis: Analysis) -> dict[str, pa.Table]:
    """Return every fact table of one Analysis (for tests and one-off exports)."""
    data = orjson.loads(analysis.to_json())
    return {name: fact_table(name, [data]) for name in FACT_TABLES}
