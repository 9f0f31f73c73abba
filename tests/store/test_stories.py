"""Same-event stories: links from evidence, growth, merging, order independence, claim tables."""

from __future__ import annotations

import csv
import dataclasses
import io
import random
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from sqlalchemy import text

from newsgraph.models import Analysis
from newsgraph.settings import Settings
from newsgraph.store.db import open_store
from newsgraph.store.export import ExportFilters, export
from newsgraph.store.stories.claims import ClaimRow, claim_tables
from newsgraph.store.stories.read import get_story, related_articles
from newsgraph.store.stories.rebuild import rebuild_stories
from newsgraph.store.writer import Writer
from tests.support.store import (
    BACKENDS,
    POLICE,
    REBELS,
    dump,
    make_analysis,
    market_analysis,
    new_database,
    story_articles,
)


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from new_database(request.param, tmp_path)


def _stories(url: str) -> list[list[str]]:
    engine = open_store(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT story_id, doc_id FROM articles WHERE story_id IS NOT NULL ORDER BY doc_id")
            ).all()
    finally:
        engine.dispose()
    groups: dict[int, list[str]] = {}
    for story_id, doc_id in rows:
        groups.setdefault(story_id, []).append(doc_id)
    return sorted(groups.values())


def test_stories_conflicting_casualty_figures_side_by_side(store_url: str) -> None:
    engine = open_store(store_url)
    Writer(engine).write(story_articles()[:2])
    with engine.connect() as conn:
        story_id = conn.execute(text("SELECT story_id FROM articles WHERE doc_id = 'police'")).scalar()
        assert story_id is not None
        (table,) = claim_tables(conn, story_id)
        page = get_story(conn, story_id)
    engine.dispose()
    assert (table.counted, table.predicate, table.disagree) == ("people", "killed", True)
    assert [(f.value, f.claimant_name, f.source) for f in table.figures] == [
        (12.0, "Ibrahim Wario", "Daily Courier"),
        (40.0, "Marsabit Liberation Front", "Northern Herald"),
    ]
    for figure in table.figures:
        assert figure.text in figure.sentence_text
    assert (page.summary.article_count, page.summary.source_count) == (2, 2)
    assert page.summary.title == POLICE.split(".")[0]


def test_stories_claims_export_the_same_figures_in_every_format(store_url: str) -> None:
    engine = open_store(store_url)
    Writer(engine).write(story_articles()[:2])
    with engine.connect() as conn:
        outputs = {}
        for fmt in ("jsonl", "csv", "parquet"):
            buffer = io.BytesIO()
            outputs[fmt] = (export(conn, "claims", fmt, buffer), buffer.getvalue())
    engine.dispose()
    assert {n for n, _ in outputs.values()} == {2}
    lines = [orjson.loads(line) for line in outputs["jsonl"][1].splitlines()]
    rows = list(csv.DictReader(io.StringIO(outputs["csv"][1].decode())))
    assert sorted(line["value"] for line in lines) == [12.0, 40.0]
    assert sorted(float(row["value"]) for row in rows) == [12.0, 40.0]
    assert list(lines[0]) == list(rows[0]) == [f.name for f in dataclasses.fields(ClaimRow)]
    assert {line["claimant_name"] for line in lines} == {"Ibrahim Wario", "Marsabit Liberation Front"}
    assert all(line["text"] in line["sentence_text"] for line in lines)


def test_stories_export_filters_keep_the_stories_with_an_allowed_article(store_url: str) -> None:
    """A story (and its claim tables, whole) is exported when one of its articles passes the filters."""
    engine = open_store(store_url)
    Writer(engine).write(story_articles()[:2])
    with engine.connect() as conn:
        counts = {
            name: tuple(export(conn, kind, "jsonl", io.BytesIO(), filters) for kind in ("stories", "claims"))
            for name, filters in {
                "none": ExportFilters(),
                "one source": ExportFilters(source="northern herald"),
                "first day": ExportFilters(until="2024-05-01"),
                "later": ExportFilters(since="2024-06"),
                "no such source": ExportFilters(source="Nobody"),
            }.items()
        }
    engine.dispose()
    assert counts == {
        "none": (1, 2),
        "one source": (1, 2),
        "first day": (1, 2),
        "later": (0, 0),
        "no such source": (0, 0),
    }


def test_stories_agreeing_figures_are_not_flagged(store_url: str) -> None:
    engine = open_store(store_url)
    agreeing = REBELS.replace("40 people", "12 people")
    Writer(engine).write(
        [
            market_analysis(
                "police", POLICE, "2024-05-01", "Daily Courier", [("12 people", 12, "person", "e1")]
            ),
            market_analysis(
                "rebels", agreeing, "2024-05-02", "Northern Herald", [("12 people", 12, "person", "e2")]
            ),
        ]
    )
    with engine.connect() as conn:
        story_id = conn.execute(text("SELECT story_id FROM articles WHERE doc_id = 'police'")).scalar()
        (table,) = claim_tables(conn, story_id)
    engine.dispose()
    assert not table.disagree


OUTBREAK = (
    "Nearly 200 people are dead in the cholera outbreak in Marsabit county, health official Ibrahim "
    "Wario said on Tuesday. The Kenya Red Cross said over 3000 people have been infected in the "
    "cholera outbreak, and the clinics of Marsabit county are full."
)
OUTBREAK_LATER = (
    "The cholera outbreak in Marsabit county has killed 292 people, the Kenya Red Cross said on "
    "Wednesday. Health official Ibrahim Wario disputed the figure: 194 deaths had been confirmed, "
    "he said, and the clinics of Marsabit county are full."
)


def test_stories_a_toll_with_no_event_is_told_by_the_words_around_it(store_url: str) -> None:
    """A disease's death toll has no actor, so no event: "200 people are dead", "has killed 292
    people" and "194 deaths" still count people killed; "3000 people have been infected" does not."""
    people = [("e1", "PERSON", "Ibrahim Wario", ["Wario"]), ("e2", "ORG", "Kenya Red Cross", [])]
    first = make_analysis(
        OUTBREAK,
        id="dead",
        title="Cholera outbreak in Marsabit county kills nearly 200",
        published="2024-05-07",
        entities=people,
        quantities=[("Nearly 200 people", 200, "people", "e1"), ("over 3000 people", 3000, "people", "e2")],
    )
    later = make_analysis(
        OUTBREAK_LATER,
        id="killed",
        title="Cholera outbreak in Marsabit county kills 292",
        published="2024-05-08",
        entities=people,
        quantities=[("292 people", 292, "people", "e2"), ("194 deaths", 194, "death", "e1")],
    )
    engine = open_store(store_url)
    Writer(engine).write([first, later])
    with engine.connect() as conn:
        story_id = conn.execute(text("SELECT story_id FROM articles WHERE doc_id = 'dead'")).scalar()
        assert story_id is not None
        tables = claim_tables(conn, story_id)
    engine.dispose()
    assert [(t.counted, t.predicate, t.disagree) for t in tables] == [("people", "killed", True)]
    assert [(f.text, f.claimant_name) for f in tables[0].figures] == [
        ("Nearly 200 people", "Ibrahim Wario"),
        ("292 people", "Kenya Red Cross"),
        ("194 deaths", "Ibrahim Wario"),
    ]


def test_stories_a_later_article_bridges_two_stories(store_url: str) -> None:
    police, rebels, arrest, floods = story_articles()
    engine = open_store(store_url)
    writer = Writer(engine)
    writer.write([police, arrest, floods])  # six days apart: no link yet
    assert _stories(store_url) == []
    writer.write([rebels])  # three days from each: one story of the three
    engine.dispose()
    assert _stories(store_url) == [["arrest", "police", "rebels"]]
    engine = open_store(store_url)
    with engine.connect() as conn:
        story_ids = {r[0] for r in conn.execute(text("SELECT id FROM stories"))}
        police_id = conn.execute(text("SELECT id FROM articles WHERE doc_id = 'police'")).scalar()
        related = related_articles(conn, police_id)
    engine.dispose()
    assert story_ids == {police_id}  # the smallest article id names the story
    assert [r.same_story for r in related][:2] == [True, True]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_stories_order_and_batches_do_not_change_the_stories(tmp_path: Path, seed: int) -> None:
    articles = story_articles()
    reference = tmp_path / "one.db"
    Writer(open_store(f"sqlite:///{reference}")).write(articles)
    shuffled = articles[:]
    random.Random(seed).shuffle(shuffled)
    other = tmp_path / "shuffled.db"
    writer = Writer(open_store(f"sqlite:///{other}"))
    for article in shuffled:
        writer.write([article])
    assert (
        _stories(f"sqlite:///{reference}")
        == _stories(f"sqlite:///{other}")
        == [["arrest", "police", "rebels"]]
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_stories_four_chunks_give_the_store_of_one_run(backend: str, tmp_path: Path) -> None:
    """Ingesting in four runs (a new engine and writer each) stores what one run stores, row for row."""
    articles = story_articles()
    (tmp_path / "one").mkdir()
    (tmp_path / "four").mkdir()
    for one in new_database(backend, tmp_path / "one"):
        engine = open_store(one)
        Writer(engine).write(articles)
        engine.dispose()
        reference = dump(one)
    for four in new_database(backend, tmp_path / "four"):
        for chunk in ([articles[0]], [articles[1]], [articles[2]], [articles[3]]):
            engine = open_store(four)
            Writer(engine).write(chunk)
            engine.dispose()
        assert _stories(four) == [["arrest", "police", "rebels"]]
        assert dump(four) == reference


def test_stories_rebuild_gives_the_stories_of_the_ingest(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    engine = open_store(url)
    Writer(engine).write(story_articles())
    before = _stories(url)
    assert rebuild_stories(engine) == 1
    engine.dispose()
    assert _stories(url) == before


def test_stories_undated_articles_need_a_shared_place(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    police, rebels = (a.model_copy(update={"published": None}) for a in story_articles()[:2])
    engine = open_store(url)
    Writer(engine).write([police, rebels])
    engine.dispose()
    assert _stories(url) == []  # the same words and people, but no place finer than a country to tie them


def test_stories_api_and_page_use_the_column_names(settings: Settings, tmp_path: Path) -> None:
    """The story's JSON, its claims CSV and its page carry the names of the export and the tables."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from newsgraph.app import create_app

    engine = open_store(f"sqlite:///{tmp_path / 'stories.db'}")
    Writer(engine).write(story_articles()[:2])
    with engine.connect() as conn:
        story_id = conn.execute(text("SELECT story_id FROM articles WHERE doc_id = 'police'")).scalar()
    try:
        with TestClient(create_app(settings, engine=engine)) as client:
            story = client.get(f"/api/stories/{story_id}").json()
            claims = client.get(f"/api/stories/{story_id}/claims", params={"format": "csv"})
            page = client.get(f"/stories/{story_id}")
    finally:
        engine.dispose()
    assert {e["trigger_text"] for e in story["events"]} == {"attack"}
    (table,) = story["claims"]
    assert {f["claimant_name"] for f in table["figures"]} == {"Ibrahim Wario", "Marsabit Liberation Front"}
    rows = list(csv.DictReader(io.StringIO(claims.text)))
    assert list(rows[0]) == [f.name for f in dataclasses.fields(ClaimRow)]
    assert sorted(row["value"] for row in rows) == ["12.0", "40.0"]
    assert page.status_code == 200 and "Marsabit Liberation Front" in page.text and "killed 12" in page.text


def _report(doc_id: str, day: str, names: list[tuple[str, str]], topic: str) -> Analysis:
    """An article naming `names` (type, name), one a sentence, about `topic`; `day` far from the others."""
    sentences = [f"{name} commented on the {topic} on Monday." for _, name in names]
    entities = [(f"e{i}", kind, name, []) for i, (kind, name) in enumerate(names, start=1)]
    return make_analysis(
        " ".join(sentences), id=doc_id, title=f"Report on the {topic}", published=day, entities=entities
    )


def test_stories_related_articles_weigh_rare_entities_above_common_ones(store_url: str) -> None:
    """Two articles sharing the Uyghurs and Xinjiang relate better than two sharing three names
    that half the store names (weeks apart, so no story links them)."""
    common = [("GPE", "United States"), ("GPE", "China"), ("ORG", "United Nations")]
    articles = [
        _report(
            "deported", "2025-03-11", [*common, ("NORP", "Uyghurs"), ("GPE", "Xinjiang")], "deportations"
        ),
        _report("camps", "2024-01-10", [("NORP", "Uyghurs"), ("GPE", "Xinjiang")], "detention camps"),
        _report("tariffs", "2023-06-02", common, "steel tariffs"),
        *(_report(f"filler{i}", f"202{i}-09-01", common, f"budget talks {i}") for i in range(4)),
    ]
    engine = open_store(store_url)
    Writer(engine).write(articles)
    with engine.connect() as conn:
        deported = conn.execute(text("SELECT id FROM articles WHERE doc_id = 'deported'")).scalar_one()
        related = related_articles(conn, deported, limit=3)
    engine.dispose()
    assert [r.same_story for r in related] == [False, False, False]
    assert related[0].article.title == "Report on the detention camps"
    assert related[0].shared_entities == 2
    assert {r.shared_entities for r in related[1:]} == {3}
