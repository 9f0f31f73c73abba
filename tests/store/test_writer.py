"""Writing analyses: identity across articles, duplicates, stories, idempotence, facts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from newsgraph.models import Span
from newsgraph.rows import fact_rows
from newsgraph.store.db import open_store
from newsgraph.store.identity import name_key
from newsgraph.store.schema import articles, stories
from newsgraph.store.writer import Duplicate, Stored, Writer, store_analyses
from tests.support.store import (
    BACKENDS,
    DOHA_1,
    DOHA_2,
    count,
    doha_analyses,
    dump,
    make_analysis,
    new_database,
)


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a fresh, empty database, once per back end."""
    yield from new_database(request.param, tmp_path)


def _rows(url: str, sql: str) -> list[tuple[object, ...]]:
    engine = open_store(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.exec_driver_sql(sql)]
    finally:
        engine.dispose()


def test_store_writer_joins_a_full_name_never_a_surname_alone(store_url: str) -> None:
    surname_only = make_analysis(
        "Akhundzada said the group would keep fighting until foreign troops left.",
        id="doha-3",
        entities=[("e1", "PERSON", "Akhundzada", [])],
    )
    engine = open_store(store_url)
    outcomes = store_analyses(engine, [*doha_analyses(), surname_only])
    engine.dispose()
    assert [type(o) for o in outcomes] == [Stored, Stored, Stored]
    people = _rows(store_url, "SELECT name, article_count FROM entities WHERE type = 'PERSON' ORDER BY id")
    assert people == [("Haibatullah Akhundzada", 2), ("Abdullah Abdullah", 1), ("Akhundzada", 1)]
    speakers = _rows(store_url, "SELECT DISTINCT e.name FROM quotes q JOIN entities e ON e.id = q.speaker_id")
    assert speakers == [("Haibatullah Akhundzada",)]
    # "the Taliban" and "Taliban" are one organisation, named without the article
    assert _rows(store_url, "SELECT name, article_count FROM entities WHERE type = 'ORG'") == [("Taliban", 2)]


def test_store_writer_order_of_articles_does_not_change_the_entities(
    store_url: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    first, second = doha_analyses()
    engine = open_store(store_url)
    store_analyses(engine, [second, first])
    engine.dispose()
    other = f"sqlite:///{tmp_path_factory.mktemp('fwd') / 'fwd.db'}"
    engine = open_store(other)
    store_analyses(engine, [first, second])
    engine.dispose()
    sql = "SELECT type, name, article_count, mention_count FROM entities ORDER BY name"
    assert _rows(store_url, sql) == _rows(other, sql)
    aliases = "SELECT e.name, a.alias, a.count FROM entity_aliases a JOIN entities e ON e.id = a.entity_id"
    assert sorted(_rows(store_url, aliases)) == sorted(_rows(other, aliases))


def test_store_writer_keeps_an_ambiguous_surname_apart(store_url: str) -> None:
    texts = [
        ("Joe Biden spoke in Delaware on Monday about the economy.", "Joe Biden"),
        ("Hunter Biden appeared in court in Wilmington on Tuesday.", "Hunter Biden"),
        ("Biden said the bill would pass before the summer recess.", "Biden"),
    ]
    analyses = [
        make_analysis(text, id=f"b{n}", entities=[("e1", "PERSON", name, [])])
        for n, (text, name) in enumerate(texts)
    ]
    engine = open_store(store_url)
    store_analyses(engine, analyses)
    engine.dispose()
    names = _rows(store_url, "SELECT name FROM entities ORDER BY id")
    assert names == [("Joe Biden",), ("Hunter Biden",), ("Biden",)]


def test_store_writer_types_keep_entities_apart(store_url: str) -> None:
    analyses = [
        make_analysis(
            "Jordan scored twenty points on Friday night.", id="p", entities=[("e1", "PERSON", "Jordan", [])]
        ),
        make_analysis("Jordan closed its border on Friday.", id="g", entities=[("e1", "GPE", "Jordan", [])]),
    ]
    engine = open_store(store_url)
    store_analyses(engine, analyses)
    engine.dispose()
    assert _rows(store_url, "SELECT type FROM entities ORDER BY id") == [("PERSON",), ("GPE",)]


def test_store_writer_exact_duplicates_are_stored_once_with_every_url(store_url: str) -> None:
    first, _ = doha_analyses()
    copy = first.model_copy(update={"id": "mirror", "url": "https://mirror.example.net/doha"})
    engine = open_store(store_url)
    outcomes = store_analyses(engine, [first, copy, first])
    engine.dispose()
    assert [type(o) for o in outcomes] == [Stored, Duplicate, Duplicate]
    assert count(store_url, "articles") == 1
    urls = _rows(store_url, "SELECT url FROM article_urls ORDER BY url")
    assert urls == [("https://example.org/doha-1",), ("https://mirror.example.net/doha",)]


def test_store_writer_marks_near_duplicates_as_copies_in_the_story(store_url: str) -> None:
    first, second = doha_analyses()
    updated_text = (
        DOHA_1.replace("for two days of talks", "for three days of talks") + " The talks resume on Monday."
    )
    updated = make_analysis(
        updated_text, id="doha-1-updated", title="Taliban leader wants settlement (updated)"
    )
    engine = open_store(store_url)
    outcomes = store_analyses(engine, [first, second, updated])
    engine.dispose()
    assert isinstance(outcomes[2], Stored)
    assert outcomes[2].story_id == outcomes[0].article_id
    # the update is a copy of the first; the second report of the talks is no copy, but the same story
    assert _rows(store_url, "SELECT id, copy_of, story_id FROM articles ORDER BY id") == [
        (1, 1, 1),
        (2, None, 1),
        (3, 1, 1),
    ]
    engine = open_store(store_url)
    try:
        with engine.connect() as conn:
            st = stories.c
            story = conn.execute(select(st.id, st.article_count, st.first_published)).all()
    finally:
        engine.dispose()
    assert [tuple(r) for r in story] == [(1, 3, "2021-07-18")]  # the same text on both back ends


def test_store_writer_second_write_adds_nothing(store_url: str) -> None:
    engine = open_store(store_url)
    store_analyses(engine, doha_analyses())
    before = dump(store_url)
    outcomes = store_analyses(engine, doha_analyses())
    engine.dispose()
    assert all(isinstance(o, Duplicate) for o in outcomes)
    assert dump(store_url) == before


def test_store_writer_batches_do_not_change_the_result(
    store_url: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    analyses = [*doha_analyses(), make_analysis(DOHA_2 + " More talks are planned.", id="x")]
    engine = open_store(store_url)
    writer = Writer(engine)
    for analysis in analyses:  # one transaction per article
        writer.write([analysis])
    engine.dispose()
    other = f"sqlite:///{tmp_path_factory.mktemp('one') / 'one.db'}"
    engine = open_store(other)
    Writer(engine).write(analyses)  # one transaction for all
    engine.dispose()
    assert dump(store_url) == dump(other)


def test_store_writer_stores_every_fact(store_url: str) -> None:
    engine = open_store(store_url)
    store_analyses(engine, doha_analyses())
    engine.dispose()
    assert count(store_url, "quotes") == 2
    assert count(store_url, "events") == 2
    assert count(store_url, "event_actors") == 2
    assert count(store_url, "quantities") == 1
    assert count(store_url, "times") == 1
    assert count(store_url, "places") == 1
    assert count(store_url, "mentions") == 9
    event = _rows(store_url, "SELECT type, place_name, country, time_value FROM events WHERE article_id = 1")
    assert event == [("CONSULT", "Doha", "QA", "2021-07-18")]
    mentions = _rows(
        store_url,
        'SELECT a.text, m.start, m."end", m.text FROM mentions m JOIN articles a ON a.id = m.article_id',
    )
    assert all(text[start:end] == surface for text, start, end, surface in mentions)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Haibatullah Akhundzada", "haibatullah akhundzada"),
        ("the Taliban", "taliban"),
        ("The  U.N.’s", "un"),
        ("Taliban's", "taliban"),
        ("Théâtre", "theatre"),
        ("The", "the"),
    ],
)
def test_store_identity_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


def test_store_writer_survives_hostile_values(store_url: str) -> None:
    text = "Officials\x00 met in Doha. “Talks will go on,” said " + "Al " * 400 + "Spokesman."
    huge_name = "Al " * 400 + "Spokesman"
    analysis = make_analysis(
        text,
        id="x" * 500,
        url="https://example.org/?" + "q=1&" * 1000,
        source="S" * 1000,
        published="2021-07-18T10:00:00+00:00",
        entities=[("e1", "PERSON", huge_name.strip(), []), ("e2", "GPE", "Doha", [])],
        quotes=[("Talks will go on,", "e1", "say" * 40)],
    )
    engine = open_store(store_url)
    (outcome,) = store_analyses(engine, [analysis])
    engine.dispose()
    assert isinstance(outcome, Stored)
    assert count(store_url, "quotes") == 1
    assert count(store_url, "article_urls") == 0  # too long for the index; kept in the Analysis
    stored_text = _rows(store_url, "SELECT text FROM articles")[0][0]
    assert isinstance(stored_text, str) and len(stored_text) == len(text)


def test_store_writer_leaves_a_place_inside_a_name_out_of_the_place_index(store_url: str) -> None:
    text = "Officials in Doha spoke to The Washington Post."
    analysis = make_analysis(text, id="post", places=[("Doha", "QA", 25.29, 51.53)])
    at = text.index("Washington")
    newspaper = analysis.places[0].model_copy(
        update={
            "id": "p2",
            "name": "Washington",
            "country": "US",
            "lat": 38.9,
            "lon": -77.04,
            "literal": False,
            "mentions": [Span(start=at, end=at + len("Washington"), text="Washington")],
        }
    )
    both = analysis.model_copy(update={"places": [*analysis.places, newspaper]})
    engine = open_store(store_url)
    try:
        store_analyses(engine, [both])
        with engine.connect() as conn:
            stored = conn.execute(select(articles.c.analysis)).scalar_one()
    finally:
        engine.dispose()
    assert _rows(store_url, "SELECT name FROM places") == [("Doha",)]  # maps and place search
    assert [p["name"] for p in fact_rows(both.to_dict())["places"]] == ["Doha"]  # batch, export alike
    assert [p["literal"] for p in stored["places"]] == [True, False]  # the article's own record keeps it
