"""Same-event stories: links from evidence, growth, merging, order independence, claim tables."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from sqlalchemy import text

from newsgraph.models import Analysis
from newsgraph.store.db import open_store
from newsgraph.store.export import export
from newsgraph.store.stories.claims import claim_tables
from newsgraph.store.stories.read import get_story, related_articles
from newsgraph.store.stories.rebuild import rebuild_stories
from newsgraph.store.writer import Writer
from tests.support.store import BACKENDS, make_analysis, new_database

PEOPLE = [("e1", "PERSON", "Ibrahim Wario", ["Wario"]), ("e2", "ORG", "Marsabit Liberation Front", [])]


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from new_database(request.param, tmp_path)


def _market(
    id: str, body: str, day: str, source: str, quantities: list[tuple[str, float, str, str]]
) -> Analysis:
    analysis = make_analysis(
        body,
        id=id,
        source=source,
        title=body.split(".")[0],
        published=day,
        entities=PEOPLE,
        events=[("ASSAULT", "attack", ["e2"], [])],
        quantities=quantities,
    )
    dead = quantities[0][1] if quantities else None
    return analysis.model_copy(update={"events": [analysis.events[0].model_copy(update={"dead": dead})]})


POLICE = (
    "Gunmen killed 12 people in an attack on the Marsabit cattle market on Tuesday, police "
    "commander Ibrahim Wario said. Wario said the gunmen of the Marsabit Liberation Front fled "
    "toward the border after the market attack, and traders closed their stalls."
)
REBELS = (
    "The Marsabit Liberation Front said its gunmen killed 40 people in the attack on the Marsabit "
    "cattle market on Tuesday. Police commander Ibrahim Wario disputed the figure, and traders "
    "said the market attack had emptied the stalls."
)
ARREST = (
    "Police commander Ibrahim Wario said officers arrested two gunmen of the Marsabit Liberation "
    "Front over the attack on the Marsabit cattle market, where traders have not reopened their stalls."
)
FLOODS = (
    "Floods cut the road between Nairobi and Mombasa on Sunday, and the Kenya Red Cross said "
    "hundreds of families had left their homes near the Tana River."
)


def _articles() -> list[Analysis]:
    return [
        _market("police", POLICE, "2024-05-01", "Daily Courier", [("12 people", 12, "person", "e1")]),
        _market("rebels", REBELS, "2024-05-04", "Northern Herald", [("40 people", 40, "person", "e2")]),
        _market("arrest", ARREST, "2024-05-07", "Daily Courier", []),
        make_analysis(
            FLOODS,
            id="floods",
            source="Daily Courier",
            title="Floods cut the road",
            published="2024-05-04",
            entities=[("e1", "ORG", "Kenya Red Cross", []), ("e2", "GPE", "Nairobi", [])],
        ),
    ]


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
    Writer(engine).write(_articles()[:2])
    with engine.connect() as conn:
        story_id = conn.execute(text("SELECT story_id FROM articles WHERE doc_id = 'police'")).scalar()
        assert story_id is not None
        (table,) = claim_tables(conn, story_id)
        page = get_story(conn, story_id)
    engine.dispose()
    assert (table.counted, table.predicate, table.disagree) == ("people", "killed", True)
    assert [(f.value, f.claimant, f.source) for f in table.figures] == [
        (12.0, "Ibrahim Wario", "Daily Courier"),
        (40.0, "Marsabit Liberation Front", "Northern Herald"),
    ]
    for figure in table.figures:
        assert figure.text in figure.sentence
    assert (page.summary.article_count, page.summary.source_count) == (2, 2)
    assert page.summary.title == POLICE.split(".")[0]


def test_stories_claims_export_the_same_figures_in_every_format(store_url: str) -> None:
    engine = open_store(store_url)
    Writer(engine).write(_articles()[:2])
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


def test_stories_agreeing_figures_are_not_flagged(store_url: str) -> None:
    engine = open_store(store_url)
    agreeing = REBELS.replace("40 people", "12 people")
    Writer(engine).write(
        [
            _market("police", POLICE, "2024-05-01", "Daily Courier", [("12 people", 12, "person", "e1")]),
            _market("rebels", agreeing, "2024-05-02", "Northern Herald", [("12 people", 12, "person", "e2")]),
        ]
    )
    with engine.connect() as conn:
        story_id = conn.execute(text("SELECT story_id FROM articles WHERE doc_id = 'police'")).scalar()
        (table,) = claim_tables(conn, story_id)
    engine.dispose()
    assert not table.disagree


def test_stories_a_later_article_bridges_two_stories(store_url: str) -> None:
    police, rebels, arrest, floods = _articles()
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
    articles = _articles()
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


def test_stories_rebuild_gives_the_stories_of_the_ingest(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    engine = open_store(url)
    Writer(engine).write(_articles())
    before = _stories(url)
    assert rebuild_stories(engine) == 1
    engine.dispose()
    assert _stories(url) == before


def test_stories_undated_articles_need_a_shared_place(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    police, rebels = (a.model_copy(update={"published": None}) for a in _articles()[:2])
    engine = open_store(url)
    Writer(engine).write([police, rebels])
    engine.dispose()
    assert _stories(url) == []  # the same words and people, but no place finer than a country to tie them
