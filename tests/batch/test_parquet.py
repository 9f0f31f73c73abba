"""Flattening Analyses into Parquet fact tables: rows, offsets, schemas, errors, partitions."""

from __future__ import annotations

from collections.abc import Callable

import pyarrow as pa
import pytest

from newsgraph.batch.parquet import (
    FACT_TABLES,
    TABLES,
    Result,
    analysis_tables,
    results_table,
    split_results,
    table_schema,
)
from newsgraph.models import Analysis

ARTICLE = (
    "GENEVA — Health ministers from 40 countries agreed on Tuesday to share vaccine stocks, "
    "the World Health Organization said.\n\n"
    "“We cannot wait for the next outbreak,” said Maria Lopez, the organization's director of "
    "emergencies. Lopez added that about 12 million doses would be shipped to Kenya and Peru "
    "next month.\n\n"
    "Critics in Brazil accused the organization of moving too slowly."
)


@pytest.fixture(scope="module")
def analysis(analyze_text: Callable[..., Analysis]) -> Analysis:
    return analyze_text(ARTICLE, published="2024-03-05")


def test_parquet_fact_tables_have_one_row_per_fact(analysis: Analysis) -> None:
    tables = analysis_tables(analysis)
    assert tables["articles"].num_rows == 1
    assert tables["article_entities"].num_rows == len(analysis.entities)
    assert tables["mentions"].num_rows == sum(len(e.mentions) for e in analysis.entities)
    assert tables["quotes"].num_rows == len(analysis.quotes)
    assert tables["events"].num_rows == len(analysis.events)
    assert tables["quantities"].num_rows == len(analysis.quantities)
    assert tables["times"].num_rows == len(analysis.times)
    assert tables["places"].num_rows == len(analysis.places)
    assert analysis.entities, "the article names people, organisations and places"
    for name, table in tables.items():
        assert table.schema.equals(table_schema(name)), name
        assert set(table.column("doc_id").to_pylist()) <= {analysis.id}
        assert set(table.column("published_day").to_pylist()) <= {"2024-03-05"}


def test_parquet_offsets_point_into_the_text(analysis: Analysis) -> None:
    tables = analysis_tables(analysis)
    text = analysis.text
    for name in ("mentions", "quotes", "quantities", "times"):
        for row in tables[name].to_pylist():
            assert text[row["start"] : row["end"]] == row["text"], (name, row)
    for row in tables["events"].to_pylist():
        assert text[row["trigger_start"] : row["trigger_end"]] == row["trigger_text"]
    entity_ids = {e.id for e in analysis.entities}
    assert set(tables["mentions"].column("entity_local_id").to_pylist()) <= entity_ids
    assert {r["local_id"]: r["mention_count"] for r in tables["article_entities"].to_pylist()} == {
        e.id: len(e.mentions) for e in analysis.entities
    }
    assert tables["mentions"].column("seq").to_pylist() == list(range(1, tables["mentions"].num_rows + 1))


def test_parquet_article_row_keeps_metadata_and_summary(analysis: Analysis) -> None:
    (row,) = analysis_tables(analysis)["articles"].to_pylist()
    assert row["doc_id"] == analysis.id
    assert row["hash"] == analysis.hash
    assert row["text"] == analysis.text
    assert row["summary"] == analysis.summary
    assert row["sentences"] == [s.model_dump() for s in analysis.sentences]  # a list of structs
    assert row["published_day"] == "2024-03-05"


def test_parquet_lists_and_spans_are_list_and_struct_columns(analysis: Analysis) -> None:
    tables = analysis_tables(analysis)
    quotes = tables["quotes"]
    assert quotes.schema.field("fragments").type == pa.list_(
        pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
    )
    assert tables["events"].schema.field("source_actor_local_ids").type == pa.list_(pa.string())
    assert tables["article_entities"].schema.field("aliases").type == pa.list_(pa.string())
    assert tables["articles"].schema.field("summary").type == pa.list_(pa.int64())
    by_id = {e.id: e for e in analysis.entities}
    for row, quote in zip(quotes.to_pylist(), analysis.quotes, strict=True):
        assert row["local_id"] == quote.id and row["speaker_local_id"] == quote.speaker
        assert row["fragments"] == [f.model_dump() for f in quote.fragments]
    assert any(row["speaker_local_id"] in by_id for row in quotes.to_pylist())
    for row, event in zip(tables["events"].to_pylist(), analysis.events, strict=True):
        assert row["source_actor_local_ids"] == event.source
        assert row["target_actor_local_ids"] == event.target
    places = {p.id: p for p in analysis.places}
    assert [row["mentions"] for row in tables["places"].to_pylist()] == [
        [m.model_dump() for m in places[row["local_id"]].mentions] for row in tables["places"].to_pylist()
    ]


def test_parquet_split_results_separates_analyses_and_errors(analysis: Analysis) -> None:
    results = results_table(
        [
            Result("in.jsonl:1", analysis.id, analysis=analysis.to_json()),
            Result("in.jsonl:2", None, stage="read", reason="invalid JSON: unexpected character"),
            Result("in.jsonl:3", "empty", stage="analyze", reason="no article text left after cleaning"),
        ]
    )
    tables = split_results(results)
    assert set(tables) == set(TABLES)
    (row,) = tables["analyses"].to_pylist()
    assert row["doc_id"] == analysis.id
    assert row["origin"] == "in.jsonl:1"
    assert row["published_day"] == "2024-03-05"
    assert row["entity_count"] == len(analysis.entities)
    assert Analysis.from_json(row["analysis"]) == analysis
    assert row["analysis"].encode() == analysis.to_json()
    assert tables["errors"].to_pylist() == [
        {
            "origin": "in.jsonl:2",
            "doc_id": None,
            "stage": "read",
            "reason": "invalid JSON: unexpected character",
        },
        {
            "origin": "in.jsonl:3",
            "doc_id": "empty",
            "stage": "analyze",
            "reason": "no article text left after cleaning",
        },
    ]


def test_parquet_empty_results_keep_every_schema() -> None:
    tables = split_results(results_table([]))
    for name, table in tables.items():
        assert table.num_rows == 0
        assert table.schema.equals(table_schema(name))


def test_parquet_month_partition_column(analysis: Analysis) -> None:
    undated = analysis.model_copy(update={"id": "undated", "published": None})
    results = results_table(
        [
            Result("a", analysis.id, analysis=analysis.to_json()),
            Result("b", "undated", analysis=undated.to_json()),
        ]
    )
    tables = split_results(results, "month")
    assert tables["analyses"].column("month").to_pylist() == ["2024-03", "unknown"]
    for name in FACT_TABLES:
        assert tables[name].schema.field("month").type == pa.string()
    assert "month" not in tables["errors"].schema.names
