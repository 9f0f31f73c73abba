"""COPY on PostgreSQL: the writer's bulk rows go through `COPY … FROM STDIN` and land exactly as INSERTs.

Every test stores the same analyses three ways — PostgreSQL through COPY, PostgreSQL through the
INSERT path (`COPY_MIN_ROWS` above any row count) and SQLite — and compares the databases table
by table, row by row. The analyses carry the values COPY's text format must escape.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import Connection, Table, select

from newsgraph.batch.job import run_local
from newsgraph.batch.load import load_output
from newsgraph.settings import Settings
from newsgraph.store import bulk, writer
from newsgraph.store import schema as s
from newsgraph.store.db import open_store
from newsgraph.store.schema import metadata
from newsgraph.store.search import search_articles, search_quotes
from newsgraph.store.writer import Writer
from tests.support.store import count, doha_analyses, dump, make_analysis, new_database

pytestmark = pytest.mark.postgres

NEVER = 10**9
"""A `COPY_MIN_ROWS` no batch reaches: the INSERT path."""

AWKWARD = (
    "Finance minister Ana Müller-Łukasiewicz said on Monday: “We\tare ready, \\N is not null, "
    "C:\\temp\\new is a path.”\nThe ministry's report, titled 'Back\\slash\r\nand tab\t', counted "
    "1,200 jobs in Zürich and 東京 😀. Officials in Zürich said about 15 percent more would follow."
)
QUOTE = "We\tare ready, \\N is not null, C:\\temp\\new is a path."


def awkward_analysis() -> dict[str, Any]:
    """An analysis whose values need escaping in COPY, or are NULL, or are cut by `fit()`."""
    analysis = make_analysis(
        AWKWARD,
        id="awkward\t\\N",
        url="https://example.org/a?q=\\N&t=%09",
        source="Wire\\Service\t",
        title="Tabs\tand \\N and\nnewlines",
        published="2024-05-06",
        entities=[
            ("e1", "PERSON", "Ana Müller-Łukasiewicz", []),
            ("e2", "GPE", "Zürich", []),
            ("e3", "GPE", "東京", []),
        ],
        quotes=[(QUOTE, "e1", "say")],
        events=[("CONSULT", "report", ["e1"], ["e2"])],
        quantities=[("1,200 jobs", 1200, "job", "e1"), ("15 percent", 15, "percent", None)],
        times=[("on Monday", "2024-05-06")],
        places=[("Zürich", "CH", 47.37, 8.54)],
    )
    data: dict[str, Any] = orjson.loads(analysis.to_json())
    data["authors"] = ["A. \\N. Author", "Tab\tPerson", "Line\nBreak"]
    data["language"] = "en-GB-x-" + "long" * 10  # String(20): cut
    person = data["entities"][0]
    person.update(sector="s" * 100, country="DEU", roles=["minister\t\\N", "\\"])  # cut to 40 and 2
    quote = data["quotes"][0]
    quote.update(
        cue="said" * 40,  # String(60): cut
        speaker_text="Ana\\N\tMüller\n" + "x" * 50_000,  # a long Text value
        fragments=[{"start": 0, "end": 3, "text": "We\t"}],
        cue_start=None,
        cue_end=None,
    )
    event = data["events"][0]
    event.update(
        mode="asserted" * 8,  # String(40): cut
        context=["tab\there", "\\N"],
        cameo="0" * 15,  # String(10): cut
        source_text="the\tminister",
        target_text=None,
        negated=True,
        dead=None,
        injured=3,  # an integer in a float column
        size=2.5,
        confidence=0.875,
    )
    first, second = data["quantities"]
    first.update(approximate=True, currency="EURO", base="per\tcent \\N")  # currency String(3): cut
    second.update(value=None, low=None, high=None, unit="\\N", approximate=False)
    data["times"][0]["mod"] = "APPROX" * 5  # String(20): cut
    place = data["places"][0]
    place.update(admin1="Zürich\\N\t", feature="PPLC" * 10, geonameid=2657896, lat=None, lon=None)
    place["mentions"] = [{"start": 0, "end": 6, "text": "Zürich"}]
    return data


def analyses() -> list[dict[str, Any]]:
    """The awkward article and two related ones (a surname resolved to a full name across them)."""
    return [awkward_analysis(), *(orjson.loads(a.to_json()) for a in doha_analyses())]


class CopySpy:
    """Record the tables `bulk.copy_rows` writes, then run it."""

    def __init__(self) -> None:
        self.tables: list[str] = []
        self.rows = 0
        self._real = bulk.copy_rows

    def __call__(
        self, conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        self.tables.append(table.name)
        self.rows += len(rows)
        self._real(conn, table, columns, rows)


def store(
    url: str,
    items: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    *,
    copy_min_rows: int | None,
    stories: bool,
) -> CopySpy:
    """Store `items` in one transaction with the given COPY threshold (None: the default); return the spy."""
    spy = CopySpy()
    with monkeypatch.context() as patch:
        if copy_min_rows is not None:
            patch.setattr(bulk, "COPY_MIN_ROWS", copy_min_rows)
        patch.setattr(bulk, "copy_rows", spy)
        engine = open_store(url)
        try:
            Writer(engine, stories=stories).write(items)
        finally:
            engine.dispose()
    return spy


@pytest.fixture
def urls(tmp_path: Path) -> Iterator[tuple[str, str, str]]:
    """Three empty stores: PostgreSQL (for COPY), PostgreSQL (for INSERT), SQLite."""
    with contextlib.ExitStack() as stack:
        found = []
        for name, backend in (("copy", "postgres"), ("insert", "postgres"), ("sqlite", "sqlite")):
            (tmp_path / name).mkdir()
            database = contextlib.contextmanager(new_database)(backend, tmp_path / name)
            found.append(stack.enter_context(database))
        yield found[0], found[1], found[2]


def records(tables: dict[str, list[tuple[Any, ...]]], name: str) -> list[dict[str, Any]]:
    """Return the rows of one table of a `dump` as {column: value}."""
    columns = [c.name for c in metadata.tables[name].columns if c.name != "tsv"]
    return [dict(zip(columns, row, strict=True)) for row in tables[name]]


FACT_TABLES = {table.name for table in writer.STORED_FACTS}


@pytest.mark.parametrize("stories", [True, False], ids=["stories", "bulk"])
def test_store_copy_rows_equal_inserted_rows(
    urls: tuple[str, str, str],
    stories: bool,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    copy_url, insert_url, sqlite_url = urls
    items = analyses()
    with caplog.at_level(logging.WARNING, logger="newsgraph.store.bulk"):
        copied = store(copy_url, items, monkeypatch, copy_min_rows=1, stories=stories)
    assert "COPY into" not in caplog.text  # every table went through COPY, none fell back to INSERT
    inserted = store(insert_url, items, monkeypatch, copy_min_rows=NEVER, stories=stories)
    store(sqlite_url, items, monkeypatch, copy_min_rows=1, stories=stories)
    # with stories each article (and its MinHash signature) is inserted at once, to be read back;
    # the rows of a unique index that may hold them already (URLs, LSH bands) are never COPYed
    assert set(copied.tables) == FACT_TABLES | {"articles"} | ({"article_minhash"} if stories else set())
    assert inserted.tables == []
    reference = dump(insert_url)
    assert count(insert_url, "mentions") > 0
    assert dump(copy_url) == reference
    assert dump(sqlite_url) == reference
    quote = next(q for q in records(reference, "quotes") if q["article_id"] == 1)
    assert quote["text"] == QUOTE  # as written: tab, backslashes, the two characters \N
    assert quote["cue"] == "said" * 15  # cut to String(60)
    assert quote["cue_start"] is None
    assert quote["speaker_text"] == "Ana\\N\tMüller\n" + "x" * 50_000
    person = next(e for e in records(reference, "article_entities") if e["article_id"] == 1)
    assert (person["sector"], person["country"], person["roles"]) == ("s" * 40, "DE", ["minister\t\\N", "\\"])
    event = records(reference, "events")[0]
    assert (event["negated"], event["dead"], event["injured"], event["mode"]) == (
        True,
        None,
        3.0,
        "asserted" * 5,
    )
    assert [(q["value"], q["approximate"], q["unit"]) for q in records(reference, "quantities")][:2] == [
        (1200.0, True, "job"),
        (None, False, "\\N"),
    ]


def test_store_copy_used_for_large_tables_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    items = []
    for number in range(40):
        text = f"Mayor Jo Lindqvist of Town {number} met Governor Sam Okafor on Friday about the bridge."
        items.append(
            make_analysis(
                text,
                id=f"town-{number}",
                entities=[
                    ("e1", "PERSON", "Jo Lindqvist", []),
                    ("e2", "PERSON", "Sam Okafor", []),
                    ("e3", "GPE", f"Town {number}", []),
                ],
            )
        )
    with contextlib.contextmanager(new_database)("postgres", tmp_path) as url:
        spy = store(
            url, [orjson.loads(a.to_json()) for a in items], monkeypatch, copy_min_rows=None, stories=True
        )
        assert count(url, "mentions") == 120
    # 120 mentions and 120 article entities are over the threshold; no other table has rows
    assert bulk.COPY_MIN_ROWS <= 120
    assert spy.tables == ["article_entities", "mentions"]
    assert spy.rows == 240


def test_store_copy_fills_the_search_columns(
    urls: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_url = urls[0]
    spy = store(copy_url, analyses(), monkeypatch, copy_min_rows=1, stories=False)
    assert {"articles", "quotes"} <= set(spy.tables)
    engine = open_store(copy_url)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM quotes WHERE tsv IS NULL").scalar() == 0
            assert conn.exec_driver_sql("SELECT count(*) FROM articles WHERE tsv IS NULL").scalar() == 0
            quotes = search_quotes(conn, "ready path").items
            articles = search_articles(conn, "ministry report").items
            settlement = search_quotes(conn, "settlement").items
    finally:
        engine.dispose()
    assert [q.text for q in quotes] == [QUOTE]
    assert quotes[0].speaker_name == "Ana Müller-Łukasiewicz"
    assert [a.title for a in articles] == ["Tabs\tand \\N and\nnewlines"]
    assert {q.speaker_name for q in settlement} == {"Haibatullah Akhundzada"}


def test_store_copy_nul_becomes_replacement_character(
    urls: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    copy_url, insert_url, _ = urls
    data = awkward_analysis()
    data["quotes"][0]["speaker_text"] = "Ana\x00Müller"
    data["entities"][1]["sector"] = "\x00"
    with caplog.at_level(logging.WARNING, logger="newsgraph.store.bulk"):
        for url, threshold in ((copy_url, 1), (insert_url, NEVER)):
            store(url, [data], monkeypatch, copy_min_rows=threshold, stories=False)
    assert "COPY into" not in caplog.text  # COPY itself took the rows (no fallback to INSERT)
    reference = dump(insert_url)
    assert dump(copy_url) == reference
    assert records(reference, "quotes")[0]["speaker_text"] == "Ana\ufffdMüller"
    assert records(reference, "article_entities")[1]["sector"] == "\ufffd"


def test_store_copy_falls_back_to_insert_on_a_value_copy_rejects(
    urls: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    copy_url, insert_url, sqlite_url = urls
    data = awkward_analysis()
    data["quantities"][0]["sentence"] = (
        2.0  # an INSERT casts it to the integer column; COPY's text input rejects "2.0"
    )
    items = [data, *(orjson.loads(a.to_json()) for a in doha_analyses())]
    with caplog.at_level(logging.WARNING, logger="newsgraph.store.bulk"):
        spy = store(copy_url, items, monkeypatch, copy_min_rows=1, stories=True)
    assert "COPY into quantities failed" in caplog.text
    assert "quantities" in spy.tables and "times" in spy.tables  # the other tables still went through COPY
    store(insert_url, items, monkeypatch, copy_min_rows=NEVER, stories=True)
    store(sqlite_url, items, monkeypatch, copy_min_rows=1, stories=True)
    reference = dump(insert_url)
    assert dump(copy_url) == reference
    assert dump(sqlite_url) == reference
    assert [q["sentence"] for q in records(reference, "quantities")] == [2, 0, 0]


LOAD_ARTICLES = [
    {
        "id": "harbour-strike",
        "published": "2024-02-12",
        "url": "https://example.org/harbour?id=1&x=\\N",
        "text": "HAMBURG — Crane operators at the port of Hamburg walked out on Monday, the Verdi union "
        "said. “We have waited two years for a fair offer,” said union steward Mira Holm. The port said "
        "about 30 ships were delayed and 1,500 containers stuck.",
    },
    {
        "id": "harbour-deal",
        "published": "2024-02-15",
        "text": "Crane operators in Hamburg returned to work on Thursday after the port raised its offer by "
        "5 percent, union steward Mira Holm told reporters. “This is a fair deal for every crane "
        "driver,” Holm said.",
    },
]


def test_store_copy_load_output_equals_sqlite(
    urls: tuple[str, str, str], tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_url, _, sqlite_url = urls
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(orjson.dumps(a).decode() for a in LOAD_ARTICLES) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run_local([str(corpus)], str(out), settings)
    spy = CopySpy()
    monkeypatch.setattr(bulk, "copy_rows", spy)
    monkeypatch.setattr(bulk, "COPY_MIN_ROWS", 1)
    for url in (copy_url, sqlite_url):
        engine = open_store(url)
        try:
            report = load_output(str(out), engine)
        finally:
            engine.dispose()
        assert (report.read, report.stored) == (2, 2)
    assert {"article_entities", "mentions", "quotes"} <= set(spy.tables)
    reference = dump(sqlite_url)
    assert dump(copy_url) == reference
    holm = [e for e in records(reference, "entities") if e["name"] == "Mira Holm"]
    assert [e["article_count"] for e in holm] == [2]  # one entity across both articles


def test_store_copy_rows_writes_bytes_and_64_bit_integers(tmp_path: Path) -> None:
    signature = bytes(range(256)) + b"\\N\t\n\\\x00"
    with contextlib.contextmanager(new_database)("postgres", tmp_path) as url:
        engine = open_store(url)
        try:
            Writer(engine, stories=False).write(doha_analyses()[:1])
            with engine.begin() as conn:
                bulk.copy_rows(conn, s.article_minhash, ["article_id", "signature"], [(1, signature)])
                bands = [(0, -(2**63), 1), (1, 2**63 - 1, 1), (2, 0, 1)]
                bulk.copy_rows(conn, s.minhash_bands, ["band", "key", "article_id"], bands)
            with engine.connect() as conn:
                stored = conn.execute(select(s.article_minhash.c.signature)).scalar_one()
                keys = (
                    conn.execute(select(s.minhash_bands.c.key).order_by(s.minhash_bands.c.band))
                    .scalars()
                    .all()
                )
        finally:
            engine.dispose()
    assert stored == signature
    assert keys == [-(2**63), 2**63 - 1, 0]
