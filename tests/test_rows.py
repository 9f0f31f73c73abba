"""The fact tables (`newsgraph.rows`): one definition of every table's columns, derived from the
models, and every output — the store's tables, the batch Parquet, the export, the API's items
and the data dictionary — under the same names."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsgraph.batch.parquet import table_schema
from newsgraph.models import Analysis
from newsgraph.rows import FACT_TABLES, KEY_COLUMNS, TABLES, fact_rows, published_day, published_text
from newsgraph.store import schema
from newsgraph.store.events import EventRecord
from newsgraph.store.export import EXPORTS
from newsgraph.store.queries import ArticleSummary
from newsgraph.store.search import ArticleHit, QuantityHit, QuoteHit
from newsgraph.store.stories.claims import ClaimRow, Figure
from newsgraph.store.stories.read import StoryEvent, StoryQuote, StorySummary
from tests.support.store import doha_analyses

ROOT = Path(__file__).resolve().parents[1]

IN_ACTOR_TABLE = {"source_actor_local_ids", "target_actor_local_ids"}
"""Event columns the store keeps as `event_actors` rows instead."""


@pytest.mark.parametrize("table", FACT_TABLES)
def test_rows_every_output_has_every_fact_column(table: str) -> None:
    names = set(TABLES[table].names)
    sql = {c.name for c in schema.metadata.tables[table].columns}
    store = names - IN_ACTOR_TABLE if table == "events" else names
    if table == "articles":
        store -= {"source"}  # normalized: source_id → sources.name
    assert store <= sql
    assert names <= set(table_schema(table).names)
    assert names <= {name for name, _ in EXPORTS[table].columns}


@pytest.mark.parametrize(
    ("item", "table"),
    [
        (QuoteHit, "quotes"),
        (QuantityHit, "quantities"),
        (EventRecord, "events"),
        (ArticleSummary, "articles"),
        (StoryEvent, "events"),
        (StoryQuote, "quotes"),
        (StorySummary, "stories"),
        (ClaimRow, "claims"),
        (Figure, "claims"),
    ],
)
def test_rows_api_items_use_the_table_names(item: type, table: str) -> None:
    """A field of an API item is a column of its table (or of its article) under the same name."""
    api_only = {"snippet", "score", "actors"}
    columns = {name for name, _ in EXPORTS[table].columns} | set(KEY_COLUMNS) | api_only
    assert {f.name for f in dataclasses.fields(item)} <= columns
    assert {f.name for f in dataclasses.fields(ArticleHit)} <= {
        n for n, _ in EXPORTS["articles"].columns
    } | api_only


def test_rows_of_an_analysis_keep_references_article_local() -> None:
    analysis = doha_analyses()[0]
    tables = fact_rows(analysis.to_dict())
    (quote,) = tables["quotes"]
    assert (quote["local_id"], quote["speaker_local_id"], quote["kind"]) == ("q1", "e1", "direct")
    (event,) = tables["events"]
    assert (event["source_actor_local_ids"], event["place_local_id"], event["place_name"]) == (
        ["e2"],
        "p1",
        "Doha",
    )
    assert (event["time_value"], event["country"], event["trigger_text"]) == ("2021-07-18", "QA", "talks")
    assert [m["seq"] for m in tables["mentions"]] == list(range(1, len(tables["mentions"]) + 1))
    assert {m["entity_local_id"] for m in tables["mentions"]} == {"e1", "e2", "e3"}
    (place,) = tables["places"]
    assert place["entity_local_id"] == "e3"


def test_rows_defaults_come_from_the_models() -> None:
    """An Analysis stored before a field existed (its key absent) gets the model's default."""
    data = doha_analyses()[0].to_dict()
    for key in ("negated", "confidence", "context"):
        del data["events"][0][key]
    del data["entities"][0]["mentions"][0]["kind"]
    tables = fact_rows(data)
    assert (tables["events"][0]["negated"], tables["events"][0]["confidence"]) == (False, 1.0)
    assert tables["events"][0]["context"] == []
    assert tables["mentions"][0]["kind"] == "name"


@pytest.mark.parametrize(
    ("given", "text", "day"),
    [
        ("2021-07-18", "2021-07-18", "2021-07-18"),
        ("2021-07-18T10:00:00", "2021-07-18T10:00:00+00:00", "2021-07-18"),
        ("2021-07-18T01:30:00+02:00", "2021-07-17T23:30:00+00:00", "2021-07-18"),
        ("2021-07-18T00:00:00Z", "2021-07-18", "2021-07-18"),
        ("last Tuesday", None, None),
        (None, None, None),
    ],
)
def test_rows_publication_dates(given: str | None, text: str | None, day: str | None) -> None:
    """`published` is the instant in UTC; `published_day` the day as the source dates it."""
    assert published_text(given) == text
    assert published_day(given) == day


ADD_A_FIELD = """
from pydantic import Field

import newsgraph.models as models

class Quote(models.Quote):
    tone: str | None = Field(default=None, description="How it was said: `angry`, `calm`, …")

models.Quote = Quote  # models.py with one more optional field, before anything reads it

import io, orjson, sys
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from newsgraph.batch.parquet import table_schema
from newsgraph.store.db import open_store
from newsgraph.store.export import export
from newsgraph.store.schema import metadata
from newsgraph.store.writer import store_analyses

engine = open_store(sys.argv[1])
with engine.connect() as conn:
    context = MigrationContext.configure(conn, opts={"compare_type": True})
    missing = [d for d in compare_metadata(context, metadata) if "fts" not in repr(d)]
print("missing:", [(d[0], d[2], d[3].name) for d in missing])
with engine.begin() as conn:  # the migration: one ADD COLUMN
    conn.exec_driver_sql("ALTER TABLE quotes ADD COLUMN tone TEXT")
data = orjson.loads(sys.argv[2])
data["quotes"][0]["tone"] = "calm"
store_analyses(engine, [data])
out = io.BytesIO()
with engine.connect() as conn:
    export(conn, "quotes", "jsonl", out)
print("exported:", orjson.loads(out.getvalue().splitlines()[0])["tone"])
print("parquet:", table_schema("quotes").field("tone").type)
"""


def test_rows_an_optional_field_needs_the_model_and_a_migration_only(tmp_path: Path) -> None:
    """Adding an optional field to `Quote` changes models.py; the store then reports one missing
    column (the migration to write: one ADD COLUMN), and with it the field is stored, exported and
    a batch column, with no other change."""
    url = f"sqlite:///{tmp_path / 'store.db'}"
    analysis = doha_analyses()[0].to_json().decode()
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(ADD_A_FIELD), url, analysis],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "missing: [('add_column', 'quotes', 'tone')]",
        "exported: calm",
        "parquet: string",
    ]


def test_rows_an_analysis_with_a_wrong_offset_is_never_built() -> None:
    data = doha_analyses()[0].to_dict()
    data["quotes"][0]["start"] += 1
    with pytest.raises(ValueError, match=r"quotes\[0\]: text\[101:131\]"):
        Analysis.model_validate(data)


def test_data_dictionary_is_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "data_dictionary.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
