"""The typed query layer and the exports, on both back ends."""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy import Engine

from newsgraph.errors import InputError, NotFound
from newsgraph.models import Analysis
from newsgraph.store import queries
from newsgraph.store.db import open_store
from newsgraph.store.events import list_events
from newsgraph.store.export import KINDS, export
from newsgraph.store.paging import Page
from newsgraph.store.stories import read
from newsgraph.store.writer import store_analyses
from tests.support.store import BACKENDS, DOHA_1, doha_analyses, make_analysis, new_database


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A store holding the two Doha articles and an updated copy of the first (one story)."""
    for url in new_database(request.param, tmp_path):
        engine = open_store(url)
        updated = make_analysis(
            DOHA_1 + " Talks resume on Monday.",
            id="doha-1b",
            url="https://example.net/doha-1b",
            published="2021-07-20",
            entities=[("e1", "PERSON", "Haibatullah Akhundzada", ["Akhundzada"])],
        )
        store_analyses(engine, [*doha_analyses(), updated])
        yield engine
        engine.dispose()


def test_store_queries_article_round_trips_its_analysis(store: Engine) -> None:
    first = doha_analyses()[0]
    with store.connect() as conn:
        record = queries.get_article(conn, 1)
        by_hash = queries.get_article_id_by_hash(conn, first.hash)
        with pytest.raises(NotFound):
            queries.get_article(conn, 999)
    assert record.analysis == first
    assert record.urls == ["https://example.org/doha-1"]
    assert record.summary.source == "Example News"
    assert by_hash == 1


def test_store_queries_entity_page(store: Engine) -> None:
    with store.connect() as conn:
        (person,) = queries.find_entities(conn, "Akhundzada")
        record = queries.get_entity(conn, person.id)
        timeline = queries.entity_timeline(conn, person.id)
        quotes = queries.entity_quotes(conn, person.id)
        articles = queries.list_articles(conn, entity_id=person.id)
    assert record.summary.name == "Haibatullah Akhundzada"
    assert record.summary.article_count == 3
    assert {a.alias: a.count for a in record.aliases} == {"Akhundzada": 2, "Haibatullah Akhundzada": 3}
    assert [(p.day, p.articles) for p in timeline] == [
        ("2021-07-18", 1),
        ("2021-07-19", 1),
        ("2021-07-20", 1),
    ]
    assert len(quotes.items) == 2
    assert [a.id for a in articles.items] == [3, 2, 1]


def test_store_queries_events_by_type_actor_and_place(store: Engine) -> None:
    with store.connect() as conn:
        (taliban,) = queries.find_entities(conn, "Taliban", "ORG")
        by_actor = list_events(conn, actor_id=taliban.id, actor_role="source")
        by_place = list_events(conn, type_="consult", country="qa")
        by_day = list_events(conn, since="2021-07-19")
    assert len(by_actor.items) == 2
    assert all(a.name == "Taliban" for e in by_actor.items for a in e.actors)
    assert [(e.place_name, e.time_value) for e in by_place.items] == [("Doha", "2021-07-18")]
    assert [e.published for e in by_day.items] == ["2021-07-19"]


def test_store_queries_stories_lists_and_stats(store: Engine) -> None:
    with store.connect() as conn:
        stories = read.list_stories(conn)
        story = read.get_story(conn, stories.items[0].id)
        page1 = queries.list_entities(conn, limit=2)
        page2 = queries.list_entities(conn, limit=2, cursor=page1.next_cursor)
        stats = queries.stats(conn)
    # the two reports of the Doha talks and the updated copy of the first: one story
    assert [(s.id, s.article_count) for s in stories.items] == [(1, 3)]
    assert [a.id for a in story.articles] == [1, 2, 3]
    assert story.summary.title == "Taliban leader wants settlement"
    assert page1.items[0].name == "Haibatullah Akhundzada"
    assert not {e.id for e in page1.items} & {e.id for e in page2.items}
    assert (stats.articles, stats.quotes, stats.stories, stats.first_day, stats.last_day) == (
        3,
        2,
        1,
        "2021-07-18",
        "2021-07-20",
    )
    assert stats.by_event_type == {"CONSULT": 2}
    payload = queries.to_jsonable(story)
    assert payload["summary"]["article_count"] == 3


# claims need two claimants' figures in one story: tests/store/test_stories.py exports them
@pytest.mark.parametrize("kind", [kind for kind in KINDS if kind != "claims"])
def test_store_export_every_kind_and_format(store: Engine, kind: str, tmp_path: Path) -> None:
    with store.connect() as conn:
        outputs = {}
        for fmt in ("jsonl", "csv", "parquet"):
            buffer = io.BytesIO()
            outputs[fmt] = (export(conn, kind, fmt, buffer), buffer.getvalue())
    counts = {fmt: n for fmt, (n, _) in outputs.items()}
    assert len(set(counts.values())) == 1 and counts["jsonl"] > 0
    lines = [orjson.loads(line) for line in outputs["jsonl"][1].splitlines()]
    rows = list(csv.DictReader(io.StringIO(outputs["csv"][1].decode())))
    path = tmp_path / "out.parquet"
    path.write_bytes(outputs["parquet"][1])
    table = pq.read_table(path)
    assert len(lines) == len(rows) == table.num_rows
    key = "id" if "id" in lines[0] else "article_id"
    assert [r[key] for r in lines] == [int(r[key]) for r in rows] == table.column(key).to_pylist()
    if kind == "articles":
        assert Analysis.model_validate(lines[0]["analysis"]) == doha_analyses()[0]
    if kind == "entities":
        person = next(r for r in lines if r["name"] == "Haibatullah Akhundzada")
        assert person["aliases"] == ["Haibatullah Akhundzada", "Akhundzada"]  # a list, not a joined string
        assert table.schema.field("aliases").type == pa.list_(pa.string())
        csv_person = next(r for r in rows if r["name"] == "Haibatullah Akhundzada")
        assert orjson.loads(csv_person["aliases"]) == person["aliases"]  # CSV: JSON text
    if kind == "events":
        assert (lines[0]["source_actor_names"], lines[0]["source_actor_local_ids"]) == (["Taliban"], ["e2"])
        assert lines[0]["source"] == "Example News"  # the news source, never the actors
    if kind == "mentions":
        text = doha_analyses()[0].text
        first = [r for r in lines if r["doc_id"] == "doha-1"]
        assert first and all(text[r["start"] : r["end"]] == r["text"] for r in first)
        assert [r["start"] for r in first] == sorted(r["start"] for r in first)
        person = next(r for r in first if r["text"] == "Akhundzada")
        assert (person["entity_type"], person["entity_name"], person["kind"], person["entity_local_id"]) == (
            "PERSON",
            "Haibatullah Akhundzada",
            "name",
            "e1",
        )


def test_store_export_rejects_unknown_kind(store: Engine) -> None:
    with store.connect() as conn, pytest.raises(InputError, match="unknown export"):
        export(conn, "tweets", "csv", io.BytesIO())


@pytest.mark.parametrize("backend", BACKENDS)
def test_store_queries_newest_first_with_undated_last_across_pages(backend: str, tmp_path: Path) -> None:
    """An entity's quotes, events and numbers come newest first, undated ones last, on both back
    ends, whether read in one page or in pages of two (SQLite orders by the plain columns so its
    indexes serve the order; PostgreSQL by coalesce)."""
    days = ["2021-07-18", None, "2021-07-20", "2021-07-19", None, "2021-07-20", "2021-07-17"]
    analyses = []
    for n, day in enumerate(days):
        text = (
            f"Mayor Ann Lee said on day {n} that “the ferry number {n} will run again.” "
            f"The council backed Lee over {n + 3} bridges."
        )
        analyses.append(
            make_analysis(
                text,
                id=f"lee-{n}",
                source="Bristol Post",
                published=day,
                entities=[("e1", "PERSON", "Ann Lee", ["Lee"]), ("e2", "ORG", "council", [])],
                quotes=[(f"the ferry number {n} will run again.", "e1", "say")],
                events=[("SUPPORT", "backed", ["e2"], ["e1"])],
                quantities=[(f"{n + 3} bridges", float(n + 3), "bridges", "e1")],
            )
        )
    # newest first: by day descending, then by article id (input order) descending; undated last
    expected = [n + 1 for n in sorted(range(len(days)), key=lambda n: (days[n] or "", n), reverse=True)]
    assert [days[n - 1] for n in expected][-2:] == [None, None]
    for url in new_database(backend, tmp_path):
        engine = open_store(url)
        store_analyses(engine, analyses)
        with engine.connect() as conn:
            (lee,) = queries.find_entities(conn, "Ann Lee")
            fetchers: dict[str, Callable[..., Page[Any]]] = {
                "quotes": functools.partial(queries.entity_quotes, conn, lee.id),
                "events": functools.partial(list_events, conn, actor_id=lee.id),
                "numbers": functools.partial(queries.entity_quantities, conn, lee.id),
            }
            for name, fetch in fetchers.items():
                whole = [item.article_id for item in fetch(limit=50).items]
                cursor, paged = None, []
                while True:
                    page = fetch(limit=2, cursor=cursor)
                    paged += [item.article_id for item in page.items]
                    cursor = page.next_cursor
                    if cursor is None:
                        break
                assert whole == expected, name
                assert paged == expected, name
        engine.dispose()
