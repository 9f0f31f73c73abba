"""`newsgraph export`: every fact comes back out under the names and types of the batch job's
Parquet, filtered by date and source."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import orjson
import pyarrow.parquet as pq
import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from newsgraph.batch.parquet import table_schema
from newsgraph.cli import app
from newsgraph.errors import InputError
from newsgraph.models import Analysis
from newsgraph.rows import FACT_TABLES, TABLES, fact_rows
from newsgraph.store.db import open_store
from newsgraph.store.export import ExportFilters, export
from newsgraph.store.writer import store_analyses
from tests.support.store import BACKENDS, doha_analyses, make_analysis, new_database

THIRD = (
    "Officials in Harare said on Tuesday that 12 people were arrested. “We acted within the law,” "
    "said police spokesman Paul Nyathi."
)


def articles() -> list[Analysis]:
    """The two Doha articles and a third, of another source and month, whose quote has fragments."""
    third = make_analysis(
        THIRD,
        id="harare-1",
        source="Zim Wire",
        published="2021-08-03T09:30:00+02:00",
        entities=[("e1", "PERSON", "Paul Nyathi", []), ("e2", "GPE", "Harare", [])],
        quotes=[("We acted within the law,", "e1", "say")],
        quantities=[("12 people", 12, "person", "e1")],
        times=[("on Tuesday", "2021-08-03")],
        places=[("Harare", "ZW", -17.83, 31.05)],
    )
    data = third.to_dict()
    quote = data["quotes"][0]
    quote["fragments"] = [{"start": quote["start"], "end": quote["start"] + 8, "text": "We acted"}]
    data["entities"][0]["kb"] = "known:paul-nyathi"
    harare = THIRD.index("Harare")
    data["places"][0].update(resolved_by="name", confidence=0.95, feature="city")
    data["places"][0]["mentions"] = [{"start": harare, "end": harare + 6, "text": "Harare"}]
    data["quantities"][0]["quote"] = "q1"
    return [*doha_analyses(), Analysis.model_validate(data)]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    for url in new_database(request.param, tmp_path):
        engine = open_store(url)
        store_analyses(engine, articles())
        yield engine
        engine.dispose()


def _jsonl(conn: object, kind: str, filters: ExportFilters | None = None) -> list[dict[str, object]]:
    out = io.BytesIO()
    export(conn, kind, "jsonl", out, filters)  # type: ignore[arg-type]
    return [orjson.loads(line) for line in out.getvalue().splitlines()]


@pytest.mark.parametrize("kind", FACT_TABLES)
def test_store_export_keeps_every_fact_under_the_batch_names(store: Engine, kind: str) -> None:
    """Ingest → export gives back the fact rows `rows.fact_rows` makes of each Analysis, column
    for column: what the store keeps is every fact, named as in the batch job's Parquet."""
    names = TABLES[kind].names
    with store.connect() as conn:
        exported = _jsonl(conn, kind)
    expected = []
    for analysis in articles():
        for row in fact_rows(analysis.to_dict())[kind]:
            expected.append({"doc_id": analysis.id, **{name: row[name] for name in names}})
    key = (
        ("doc_id", "local_id")
        if "local_id" in names
        else ("doc_id", "seq")
        if "seq" in names
        else ("doc_id",)
    )
    if kind == "mentions":
        key = ("doc_id", "start", "end", "seq")
    got = sorted(({"doc_id": r["doc_id"], **{n: r[n] for n in names}} for r in exported), key=_sorter(key))
    assert got == sorted(expected, key=_sorter(key))


def _sorter(key: tuple[str, ...]) -> object:
    return lambda row: tuple((len(str(row[k])), str(row[k])) for k in key)


def test_store_export_resolves_references_to_stored_entities(store: Engine) -> None:
    with store.connect() as conn:
        quotes = _jsonl(conn, "quotes")
        quantities = _jsonl(conn, "quantities")
        places = _jsonl(conn, "places")
    harare = next(q for q in quotes if q["doc_id"] == "harare-1")
    assert (harare["speaker_local_id"], harare["speaker_name"], harare["source"]) == (
        "e1",
        "Paul Nyathi",
        "Zim Wire",
    )
    assert harare["fragments"] == [{"start": harare["start"], "end": harare["start"] + 8, "text": "We acted"}]
    assert harare["published"] == "2021-08-03T07:30:00+00:00" and harare["published_day"] == "2021-08-03"
    number = next(q for q in quantities if q["doc_id"] == "harare-1")
    assert (number["claimant_local_id"], number["claimant_name"], number["quote_local_id"]) == (
        "e1",
        "Paul Nyathi",
        "q1",
    )
    assert number["claimant_id"] == harare["speaker_id"]
    place = next(p for p in places if p["doc_id"] == "harare-1")
    assert (place["entity_local_id"], place["entity_name"], place["resolved_by"], place["confidence"]) == (
        "e2",
        "Harare",
        "name",
        0.95,
    )


@pytest.mark.parametrize("kind", FACT_TABLES)
def test_store_export_parquet_types_equal_the_batch_tables(store: Engine, kind: str, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.parquet"
    with store.connect() as conn, path.open("wb") as out:
        export(conn, kind, "parquet", out)
    exported = pq.read_schema(path)
    batch = table_schema(kind)
    for name in TABLES[kind].names:
        assert exported.field(name).type == batch.field(name).type, name


def test_store_export_filters_by_day_and_source(store: Engine) -> None:
    with store.connect() as conn:
        july = _jsonl(conn, "quotes", ExportFilters(since="2021-07", until="2021-07-31"))
        august = _jsonl(conn, "times", ExportFilters(since="2021-08"))
        wire = _jsonl(conn, "articles", ExportFilters(source="zim wire"))
        day = _jsonl(conn, "mentions", ExportFilters(since="2021-07-19", until="2021-07-19"))
        with pytest.raises(InputError, match="entities span every article"):
            export(conn, "entities", "jsonl", io.BytesIO(), ExportFilters(source="Zim Wire"))
    assert {q["doc_id"] for q in july} == {"doha-1", "doha-2"}
    assert {t["doc_id"] for t in august} == {"harare-1"}
    assert [a["doc_id"] for a in wire] == ["harare-1"]
    assert day and {m["doc_id"] for m in day} == {"doha-2"}
    with pytest.raises(InputError, match="invalid date"):
        ExportFilters(since="2021-13-45x")


def test_store_export_cli_filters(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    engine = open_store(url)
    store_analyses(engine, articles())
    engine.dispose()
    out = tmp_path / "places.csv"
    runner = CliRunner()
    result = runner.invoke(
        app, ["export", "places", "--db", url, "-f", "csv", "-o", str(out), "--since", "2021-08"]
    )
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("article_id,doc_id,local_id,entity_local_id,name,country")
    assert len(lines) == 2 and "harare-1" in lines[1] and '[{""start""' in lines[1]
    bad = runner.invoke(
        app, ["export", "quotes", "--db", url, "-o", str(tmp_path / "x.jsonl"), "--until", "July"]
    )
    assert bad.exit_code == 1 and not (tmp_path / "x.jsonl").exists()
