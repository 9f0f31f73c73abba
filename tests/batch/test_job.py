"""The local batch engine, the `batch` and `load` commands, and loading into the store."""

from __future__ import annotations

import contextlib
from pathlib import Path

import orjson
import pyarrow.dataset as pads
import pytest
from spacy.language import Language
from spacy.tokens import Doc
from sqlalchemy import select
from typer.testing import CliRunner

from newsgraph.batch.job import SUMMARY_FILE, list_inputs, run_local
from newsgraph.batch.load import load_output, origin_key
from newsgraph.batch.parquet import TABLES
from newsgraph.cli import app
from newsgraph.errors import BatchError, ExtractionError
from newsgraph.extract.pipeline import analyze_stream
from newsgraph.models import Analysis
from newsgraph.settings import Settings
from newsgraph.sources.read import read_jsonl
from tests.support.store import BACKENDS, new_database

ARTICLES = [
    {
        "id": "port-strike",
        "published": "2024-02-12",
        "url": "https://example.org/port-strike",
        "text": "ROTTERDAM — Dock workers at the port of Rotterdam began a 48-hour strike on Monday, "
        "the FNV union said. “We have waited three years for a fair offer,” said union leader Joost "
        "Bakker. The port authority said about 40 ships were delayed.",
    },
    {
        "id": "council-budget",
        "published": "2024-03-01",
        "text": "The city council of Leeds approved a budget of £1.2 billion on Thursday. Council leader "
        "James Lewis said the plan would protect libraries. Opposition members said 300 jobs would go.",
    },
    {
        "id": "port-strike-ends",
        "published": "2024-02-14",
        "text": "Dock workers in Rotterdam ended their strike on Wednesday after the port authority raised "
        "its offer by 4 percent, union leader Joost Bakker told reporters.",
    },
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A JSONL corpus: three articles, a broken line and a record without text."""
    lines = [orjson.dumps(ARTICLES[0]).decode(), "{broken", orjson.dumps(ARTICLES[1]).decode()]
    lines += ['{"id": "no-text", "title": "Headline only"}', orjson.dumps(ARTICLES[2]).decode()]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_table(out: Path, name: str) -> list[dict[str, object]]:
    """Read one output dataset back, rows sorted by origin or id."""
    rows = pads.dataset(out / name, format="parquet", partitioning="hive").to_table().to_pylist()
    key = "origin" if name in {"analyses", "errors"} else "doc_id"
    return sorted(rows, key=lambda r: str(r[key]))


def test_batch_local_writes_analyses_facts_errors_and_summary(
    corpus: Path, tmp_path: Path, settings: Settings
) -> None:
    out = tmp_path / "out"
    summary = run_local([str(corpus), str(tmp_path / "missing.jsonl")], str(out), settings)
    assert (summary.analyzed, summary.failed, summary.inputs) == (3, 3, 1)
    expected = [a for a in analyze_stream(read_jsonl(corpus), settings=settings) if isinstance(a, Analysis)]
    rows = read_table(out, "analyses")
    assert [r["analysis"].encode() for r in rows] == [a.to_json() for a in expected]
    assert [r["origin"] for r in rows] == [f"{corpus}:1", f"{corpus}:3", f"{corpus}:5"]
    errors = read_table(out, "errors")
    assert [(e["origin"], e["stage"]) for e in errors] == [
        (str(tmp_path / "missing.jsonl"), "read"),
        (f"{corpus}:2", "read"),
        (f"{corpus}:4", "read"),
    ]
    assert errors[1]["reason"].startswith("invalid JSON")
    assert errors[2]["doc_id"] == "no-text"
    entities = read_table(out, "article_entities")
    assert len(entities) == sum(len(a.entities) for a in expected) == summary.rows["article_entities"]
    assert {"Joost Bakker", "Rotterdam"} <= {e["name"] for e in entities}
    for name in TABLES:  # every dataset exists and is readable, even when empty
        assert pads.dataset(out / name, format="parquet").count_rows() == summary.rows[name]
    written = orjson.loads((out / SUMMARY_FILE).read_bytes())
    assert written["analyzed"] == 3
    assert written["failures"] == {
        "invalid JSON": 1,
        "no `text` or `html` field": 1,
        "no such file or directory, or no readable file in it": 1,
    }


def test_batch_local_two_workers_and_partitions_give_the_same_rows(
    corpus: Path, tmp_path: Path, settings: Settings
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    run_local([str(corpus)], str(one), settings, workers=1)
    run_local(
        [str(corpus)],
        str(two),
        settings.model_copy(update={"batch_size": 1}),
        workers=2,
        partitioning="month",
        rows_per_part=2,
    )
    assert {p.parent.name for p in (two / "analyses").rglob("*.parquet")} == {
        "month=2024-02",
        "month=2024-03",
    }
    for name in TABLES:
        rows_two = [{k: v for k, v in r.items() if k != "month"} for r in read_table(two, name)]
        assert read_table(one, name) == rows_two, name


def test_batch_local_refuses_a_non_empty_output(corpus: Path, tmp_path: Path, settings: Settings) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(BatchError, match="not empty"):
        run_local([str(corpus)], str(out), settings)
    with pytest.raises(BatchError, match="no input file"):
        run_local([str(tmp_path / "nothing-*.jsonl")], str(tmp_path / "new"), settings)


def test_batch_list_inputs_walks_directories_and_globs(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    for name in ("a/1.txt", "a/2.jsonl", "a/page.html", "a/.hidden.txt", "a/x.warc.gz", "a/img.png", "b.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, missing = list_inputs([str(tmp_path / "a"), str(tmp_path / "*.txt"), str(tmp_path / "none")])
    assert [Path(f.path).name for f in files] == ["1.txt", "2.jsonl", "page.html", "x.warc.gz", "b.txt"]
    assert [m.origin for m in missing] == [str(tmp_path / "none")]
    uri_files, _ = list_inputs([f"file://{tmp_path}/a"])
    assert [f.uri for f in uri_files] == [f"file://{f.path}" for f in files[:4]]


def test_batch_origin_key_orders_lines_as_numbers() -> None:
    origins = ["b.jsonl:10", "a.jsonl:2", "b.jsonl:9", "a.jsonl:10"]
    assert sorted(origins, key=origin_key) == ["a.jsonl:2", "a.jsonl:10", "b.jsonl:9", "b.jsonl:10"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_batch_load_matches_ingest(backend: str, corpus: Path, tmp_path: Path, settings: Settings) -> None:
    from newsgraph.ingest import ingest
    from newsgraph.store import schema as s
    from newsgraph.store.db import open_store

    out = tmp_path / "out"
    run_local([str(corpus)], str(out), settings)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    databases = contextlib.ExitStack()
    loaded = open_store(
        databases.enter_context(contextlib.contextmanager(new_database)(backend, tmp_path / "a"))
    )
    ingested = open_store(
        databases.enter_context(contextlib.contextmanager(new_database)(backend, tmp_path / "b"))
    )
    try:
        report = load_output(str(out), loaded, batch_size=2)
        assert (report.read, report.stored, report.duplicates) == (3, 3, 0)
        again = load_output(str(out), loaded)
        assert (again.stored, again.duplicates) == (0, 3)
        ingest([corpus], settings, workers=1, engine=ingested)
        for table, order in (
            (s.articles, s.articles.c.id),
            (s.entities, s.entities.c.id),
            (s.entity_aliases, s.entity_aliases.c.entity_id),
            (s.mentions, s.mentions.c.article_id),
            (s.quotes, s.quotes.c.id),
        ):
            with loaded.connect() as a, ingested.connect() as b:
                rows_a = a.execute(select(table).order_by(order)).all()
                rows_b = b.execute(select(table).order_by(order)).all()
            assert sorted(rows_a) == sorted(rows_b), table.name
        with loaded.connect() as conn:
            bakker = conn.execute(select(s.entities).where(s.entities.c.name == "Joost Bakker")).one()
        assert bakker.article_count == 2  # one entity across both strike articles
    finally:
        loaded.dispose()
        ingested.dispose()
        databases.close()


@pytest.fixture
def runner(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A CLI runner whose Settings use the test session's components."""
    monkeypatch.setenv("NEWSGRAPH_COMPONENTS", orjson.dumps(list(settings.components)).decode())
    return CliRunner()


def test_batch_cli_batch_then_load(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(corpus), "--out", str(out), "--partition-by", "month"])
    assert result.exit_code == 0, result.output
    assert "analyzed 3 articles, 2 failed" in result.stderr
    assert "invalid JSON" in result.stderr
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    result = runner.invoke(app, ["load", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    assert "3 stored, 0 duplicates" in result.stderr
    result = runner.invoke(app, ["batch", str(corpus), "--out", str(out), "--engine", "spark"])
    assert result.exit_code != 0
    assert "--engine" in result.output


def _warc(path: Path) -> None:
    """Write a gzipped WARC with two HTML article responses and an image."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    body = (
        "<p>Farmers in the Punjab region blocked highways for a third day on Friday, demanding "
        "guaranteed prices for wheat, the farmers' union said in a statement to reporters.</p>"
    ) * 3
    pages = {
        "https://example.org/farmers": f"<html><head><title>Farmers</title></head><body><article>{body}"
        "</article></body></html>",
        "https://example.org/logo.png": "PNG",
    }
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, page in pages.items():
            data = page.encode()
            ctype = "image/png" if url.endswith(".png") else "text/html; charset=utf-8"
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(data), length=len(data), http_headers=headers
            )
            writer.write_record(record)


def test_batch_local_reads_warc_through_a_uri(tmp_path: Path, settings: Settings) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    _warc(crawl / "part-0001.warc.gz")
    out = tmp_path / "out"
    summary = run_local([f"file://{crawl}"], f"file://{out}", settings)
    assert summary.analyzed == 1
    (row,) = read_table(out, "analyses")
    assert row["url"] == "https://example.org/farmers"
    assert str(row["origin"]).startswith(f"file://{crawl}/part-0001.warc.gz")
    assert "Punjab" in orjson.loads(str(row["analysis"]))["text"]


def test_batch_one_failing_article_loses_only_itself(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, nlp: Language
) -> None:
    from newsgraph.batch.job import analyze_items
    from newsgraph.sources.base import RawArticle, Rejected

    component = type(nlp.get_pipe("newsgraph_quotes"))
    real = component.__call__

    def crashing(self: object, doc: Doc) -> Doc:
        if "crash" in doc.text:
            raise KeyError("e7")
        return real(self, doc)

    monkeypatch.setattr(component, "__call__", crashing)
    items: list[RawArticle | Rejected] = [
        RawArticle(text=str(ARTICLES[1]["text"]), id="budget", origin="in.jsonl:1"),
        RawArticle(
            text="The server will crash on this article, officials said.", id="bad", origin="in.jsonl:2"
        ),
        Rejected("in.jsonl:3", "invalid JSON: unexpected character"),
    ]
    results = analyze_items(items, settings.model_copy(update={"strict": False}))
    assert [r.origin for r in results] == ["in.jsonl:1", "in.jsonl:2", "in.jsonl:3"]
    assert results[0].analysis is not None
    assert results[1].analysis is None
    assert (results[1].doc_id, results[1].stage) == ("bad", "analyze")
    assert results[1].reason == "extraction failed in newsgraph_quotes: KeyError: 'e7'"
    assert (results[2].stage, results[2].reason) == ("read", "invalid JSON: unexpected character")
    with pytest.raises(ExtractionError, match="newsgraph_quotes: KeyError"):
        analyze_items(items, settings.model_copy(update={"strict": True}))
