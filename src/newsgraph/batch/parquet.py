"""Flatten Analyses into Arrow fact tables and write them as Parquet; shared by every engine.

A batch run has two stages, and both engines (local processes, Ray) run the same functions:

1. *analyze*: `results_table` turns one chunk's results into a table of `RESULTS_SCHEMA`
   rows — one per input item, the Analysis JSON or the reason it failed;
2. *split*: `split_results` turns a results table into the output tables below.

Output tables (one Parquet dataset each, under the run's output directory):

    analyses          one row per article: doc_id, hash, key columns and the full Analysis JSON
    articles          one row per article: metadata, text, sentences, summary
    article_entities  one row per entity of an article (local_id = `e1`)
    mentions          one row per mention of an entity (entity_local_id = `e1`)
    quotes            one row per quote (speaker_local_id = `e6`)
    events            one row per event (source_actor_local_ids, target_actor_local_ids)
    quantities        one row per quantity (claimant_local_id)
    times             one row per time expression
    places            one row per place (entity_local_id)
    errors            one row per input that failed: origin, doc_id, stage, reason

The fact tables are those of `newsgraph.rows`, with the same columns (names, meanings and types:
lists as Arrow lists, spans as structs, `newsgraph.arrow`) as the store's tables and `newsgraph
export` (docs/data-dictionary.md). Every fact row carries `doc_id` (the Analysis id) and
`published_day` (`YYYY-MM-DD` or null); with month partitioning a `month` column (`YYYY-MM`, or
`unknown`) names the Hive partition.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import orjson
import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

from newsgraph.arrow import arrow_schema
from newsgraph.models import Analysis
from newsgraph.rows import FACT_TABLES, ColumnType, published_day
from newsgraph.rows import TABLES as FACTS

_COUNTED = {
    "entities": "entity",
    "quotes": "quote",
    "events": "event",
    "quantities": "quantity",
    "times": "time",
    "places": "place",
}
"""The Analysis lists the `analyses` dataset counts, and their count columns' stem (`entity_count`)."""

RESULTS_SCHEMA = pa.schema(
    [
        pa.field("origin", pa.string(), nullable=False),
        pa.field("doc_id", pa.string()),
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
        pa.field("doc_id", pa.string(), nullable=False),
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
        *(pa.field(f"{name}_count", pa.int32()) for name in _COUNTED.values()),
        pa.field("analysis", pa.large_string(), nullable=False),
    ]
)

ERRORS_SCHEMA = pa.schema(
    [
        pa.field("origin", pa.string(), nullable=False),
        pa.field("doc_id", pa.string()),
        pa.field("stage", pa.string(), nullable=False),
        pa.field("reason", pa.string(), nullable=False),
    ]
)

TABLES: tuple[str, ...] = ("analyses", *FACT_TABLES, "errors")
"""Every dataset a batch run writes, in the order it writes them."""

Partitioning = Literal["none", "month"]
MONTH_UNKNOWN = "unknown"

_STR = ColumnType("str")


def _fact_schema(name: str) -> pa.Schema:
    """A fact table's schema: `doc_id` (the articles have it already), its columns
    (`rows.TABLES`), `published_day`."""
    table = FACTS[name]
    keys = [] if "doc_id" in table.names else [("doc_id", _STR)]
    columns = [*keys, *((c.name, c.type) for c in table.columns), ("published_day", _STR)]
    required = ["doc_id", *(c.name for c in table.columns if not c.nullable)]
    return arrow_schema(columns, required=required)


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
        schema = _fact_schema(name)
    if partitioning == "month":
        schema = schema.append(pa.field("month", pa.string(), nullable=False))
    return schema


# --- Stage 1: results of one chunk ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Result:
    """One input item's outcome: the Analysis JSON, or the stage and reason it failed."""

    origin: str
    doc_id: str | None
    analysis: bytes | None = None
    stage: str | None = None
    reason: str | None = None


def results_table(results: Iterable[Result]) -> pa.Table:
    """Build a `RESULTS_SCHEMA` table (hash and published read back from each Analysis JSON)."""
    columns: dict[str, list[Any]] = {name: [] for name in RESULTS_SCHEMA.names}
    for result in results:
        head: dict[str, Any] = orjson.loads(result.analysis) if result.analysis is not None else {}
        columns["origin"].append(result.origin)
        columns["doc_id"].append(head.get("id", result.doc_id))
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
            {
                "origin": r["origin"],
                "doc_id": r["doc_id"],
                "stage": r["stage"] or "analyze",
                "reason": r["reason"],
            }
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
        columns["doc_id"].append(data["id"])
        columns["hash"].append(data["hash"])
        for key in ("url", "source", "title", "published", "published_source", "language"):
            columns[key].append(data.get(key))
        columns["published_day"].append(day)
        columns["origin"].append(row["origin"])
        columns["chars"].append(len(data.get("text") or ""))
        for key, stem in _COUNTED.items():
            columns[f"{stem}_count"].append(len(data.get(key) or []))
        columns["analysis"].append(row["analysis"])
        if partitioning == "month":
            columns["month"].append(month_of(day))
    return pa.Table.from_pydict(columns, schema=schema)


def fact_table(
    name: str, analyses: Iterable[dict[str, Any]], partitioning: Partitioning = "none"
) -> pa.Table:
    """Flatten Analysis dicts (as parsed from the JSON) into fact table `name` (`rows.TABLES`)."""
    table = FACTS[name]
    schema = table_schema(name, partitioning)
    out: dict[str, list[Any]] = {field: [] for field in schema.names}
    for analysis in analyses:
        rows = table.rows(analysis)
        if not rows:
            continue
        day = published_day(analysis.get("published"))
        if "doc_id" not in table.names:
            out["doc_id"] += [analysis["id"]] * len(rows)
        for column in table.names:
            out[column] += [row[column] for row in rows]
        out["published_day"] += [day] * len(rows)
        if partitioning == "month":
            out["month"] += [month_of(day)] * len(rows)
    return pa.Table.from_pydict(out, schema=schema)


def analysis_tables(analysis: Analysis) -> dict[str, pa.Table]:
    """Return every fact table of one Analysis (for tests and one-off exports)."""
    data = orjson.loads(analysis.to_json())
    return {name: fact_table(name, [data]) for name in FACT_TABLES}
