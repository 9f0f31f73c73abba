"""Watches follow what they name when its id changes: a story that merges with another, an entity
merged into another (by an article that bridges them, or by a journalist's correction)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from newsgraph.models import Analysis
from newsgraph.store.db import open_store
from newsgraph.store.identity.corrections import Merge, Rename, Split, correct
from newsgraph.store.stories.rebuild import rebuild_stories
from newsgraph.store.watches.manage import create_watch, get_watch
from newsgraph.store.watches.spec import (
    EntitiesWatch,
    NumberWatch,
    QuoteWatch,
    StoryWatch,
    WatchIn,
    WatchPublic,
    WatchQuery,
)
from newsgraph.store.writer import Writer, store_analyses
from tests.support.store import BACKENDS, make_analysis, new_database
from tests.support.watches import AKHUNDZADA, DOHA, first, matched, strike, talks


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from new_database(request.param, tmp_path)


def _story_of(engine: Engine, doc_id: str) -> int:
    with engine.connect() as conn:
        found = conn.execute(text("SELECT story_id FROM articles WHERE doc_id = :d"), {"d": doc_id})
        return int(found.scalar_one())


def _watch_story(engine: Engine, doc_id: str) -> int:
    return create_watch(engine, WatchIn(query=StoryWatch(story=_story_of(engine, doc_id))))[0].id


def _docs(engine: Engine, watch_id: int) -> list[str]:
    return [doc for doc, fact, _ in matched(engine, watch_id) if fact == "article"]


def test_watches_story_watches_follow_two_stories_that_merge(store_url: str) -> None:
    """Reports 1-2 and 4-5 are two stories until report 3 bridges them: each story's watch gets the
    articles the other story brought and the bridging report, then follows the merged story."""
    engine = open_store(store_url)
    writer = Writer(engine)
    writer.write([strike(1), strike(2), strike(4), strike(5)])
    first, second = _watch_story(engine, "strike-1"), _watch_story(engine, "strike-4")
    assert _story_of(engine, "strike-1") < _story_of(engine, "strike-4")
    writer.write([strike(3)])
    assert _docs(engine, first) == ["strike-4", "strike-5", "strike-3"]
    assert _docs(engine, second) == ["strike-1", "strike-2", "strike-3"]
    with engine.connect() as conn:
        followed = get_watch(conn, second)
    merged = _story_of(engine, "strike-1")
    assert followed.query == StoryWatch(story=merged) and _story_of(engine, "strike-4") == merged
    assert followed.name.startswith(f"new articles in story {merged} ")
    writer.write([strike(6)])  # a report of the merged story reaches both watches
    assert _docs(engine, first)[-1] == _docs(engine, second)[-1] == "strike-6"
    engine.dispose()


ORDERS = [(5, 3, 6), (3, 6, 5), (6, 5, 3)]


@pytest.mark.parametrize("order", ORDERS, ids=["-".join(map(str, o)) for o in ORDERS])
@pytest.mark.parametrize("batched", [True, False], ids=["one-batch", "one-by-one"])
def test_watches_story_matches_do_not_depend_on_order(
    tmp_path: Path, order: tuple[int, ...], batched: bool
) -> None:
    """The watched story (reports 1 and 2) merges into a story with a smaller id, made of report 4
    stored earlier on its own: whatever the order and batches of the later reports, the watch
    reports every article its story gained, once."""
    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    writer = Writer(engine)
    writer.write([strike(4)])  # no story yet: nothing within three days
    writer.write([strike(1), strike(2)])
    watch = _watch_story(engine, "strike-1")
    later = [strike(n) for n in order]
    for batch in [later] if batched else [[a] for a in later]:
        writer.write(batch)
    assert sorted(_docs(engine, watch)) == ["strike-3", "strike-4", "strike-5", "strike-6"]
    with engine.connect() as conn:
        assert get_watch(conn, watch).query == StoryWatch(story=_story_of(engine, "strike-4"))
    engine.dispose()


def test_watches_story_watch_follows_stories_made_again(tmp_path: Path) -> None:
    """Reports stored with stories off are grouped by `stories rebuild`, which merges the watched
    story into one with a smaller id: the watch follows it and matches the next report."""
    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    Writer(engine).write([strike(4)])
    Writer(engine).write([strike(1), strike(2)])
    watch = _watch_story(engine, "strike-1")
    Writer(engine, stories=False).write([strike(5), strike(3)])
    assert matched(engine, watch) == []
    rebuild_stories(engine)
    with engine.connect() as conn:
        assert get_watch(conn, watch).query == StoryWatch(story=_story_of(engine, "strike-4"))
    Writer(engine).write([strike(6)])
    assert _docs(engine, watch) == ["strike-6"]
    engine.dispose()


VARIANT = 4
"""The entity of `variant()`'s other spelling of Akhundzada's name, in a store of `first()` and it."""


def variant() -> Analysis:
    """Akhundzada under another spelling: identity cannot tell it is him (a new entity, 4)."""
    return make_analysis(
        "Hibatullah Akhunzada met Taliban commanders in Kandahar on Friday, a spokesman said.",
        id="kandahar",
        published="2021-07-16",
        entities=[("e1", "PERSON", "Hibatullah Akhunzada", []), ("e2", "ORG", "Taliban", [])],
    )


def _watch(engine: Engine, query: WatchQuery, name: str | None = None) -> int:
    return create_watch(engine, WatchIn(query=query, name=name))[0].id


def _shown(engine: Engine, watch_id: int) -> WatchPublic:
    with engine.connect() as conn:
        return get_watch(conn, watch_id)


def test_watches_follow_an_entity_merged_by_a_correction(store_url: str) -> None:
    """Watches on the other spelling keep matching once a journalist merges it into Akhundzada:
    the next quote, number and article of the merged entity reach them."""
    engine = open_store(store_url)
    store_analyses(engine, [first(), variant()])
    quotes = _watch(engine, QuoteWatch(speaker=VARIANT))
    numbers = _watch(engine, NumberWatch(claimant=VARIANT), name="Akhunzada's figures")
    together = _watch(engine, EntitiesWatch(entities=[VARIANT, DOHA]))
    assert _shown(engine, quotes).name == "quotes by Hibatullah Akhunzada"
    correct(engine, Merge([AKHUNDZADA, VARIANT]), author="desk")
    assert _shown(engine, quotes).query == QuoteWatch(speaker=AKHUNDZADA)
    assert _shown(engine, together).query == EntitiesWatch(entities=[AKHUNDZADA, DOHA])
    store_analyses(engine, [talks()])
    assert matched(engine, quotes) == [("doha-talks", "quote", "q1")]
    assert matched(engine, numbers) == [("doha-talks", "quantity", "1")]
    assert matched(engine, together) == [("doha-talks", "article", "")]
    assert _shown(engine, quotes).name == "quotes by Haibatullah Akhundzada"  # the merged entity's name
    correct(engine, Rename(AKHUNDZADA, "Mawlawi Haibatullah Akhundzada"), author="desk")
    assert _shown(engine, quotes).name == "quotes by Mawlawi Haibatullah Akhundzada"
    assert _shown(engine, numbers).name == "Akhunzada's figures"  # a given name stays
    engine.dispose()


def test_watches_follow_an_entity_an_article_bridges(tmp_path: Path) -> None:
    """ "CDC" and the agency's full name are two entities until an article gives both ("… (CDC)"):
    identity merges them while storing it, and the watch on the acronym's entity follows."""
    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    store_analyses(
        engine,
        [
            make_analysis(
                "The Centers for Disease Control and Prevention said flu cases rose in Ohio.",
                id="full",
                entities=[("e1", "ORG", "Centers for Disease Control and Prevention", [])],
            ),
            make_analysis(
                "The CDC said flu cases fell in Iowa.", id="acronym", entities=[("e1", "ORG", "CDC", [])]
            ),
        ],
    )
    watch = _watch(engine, EntitiesWatch(entities=[2]))
    bridge = make_analysis(
        "The Centers for Disease Control and Prevention (CDC) said flu cases rose in Texas.",
        id="bridge",
        entities=[("e1", "ORG", "Centers for Disease Control and Prevention", ["CDC"])],
    )
    store_analyses(engine, [bridge])
    assert _shown(engine, watch).query == EntitiesWatch(entities=[1])
    assert matched(engine, watch) == [("bridge", "article", "")]
    store_analyses(
        engine,
        [
            make_analysis(
                "The CDC said flu cases fell in Utah.", id="later", entities=[("e1", "ORG", "CDC", [])]
            )
        ],
    )
    assert matched(engine, watch)[-1] == ("later", "article", "")
    engine.dispose()


def _said(n: int) -> Analysis:
    text_ = f"Haibatullah Akhundzada spoke on day {n}. “We will talk again,” Akhundzada said."
    return make_analysis(
        text_,
        id=f"said-{n}",
        published=f"2021-08-{n:02d}",
        entities=[("e1", "PERSON", "Haibatullah Akhundzada", ["Akhundzada"])],
        quotes=[("We will talk again,", "e1", "say")],
    )


def test_watches_on_a_split_entity_stay_with_the_side_that_keeps_its_id(tmp_path: Path) -> None:
    """A split moves one of three articles' Akhundzada to a new entity; the id, and the watch on it,
    stay with the side of the other two, which the next article with his name joins."""
    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    store_analyses(engine, [first(), talks(), _said(1)])
    watch = _watch(engine, QuoteWatch(speaker=AKHUNDZADA))
    with engine.connect() as conn:
        moved = conn.execute(text("SELECT id FROM articles WHERE doc_id = 'doha-talks'")).scalar_one()
    correct(engine, Split(AKHUNDZADA, [moved]), author="desk")
    assert _shown(engine, watch).query == QuoteWatch(speaker=AKHUNDZADA)
    with engine.connect() as conn:
        kept = (
            conn.execute(
                text(
                    "SELECT a.doc_id FROM article_entities ae JOIN articles a ON a.id = ae.article_id "
                    "WHERE ae.entity_id = :e ORDER BY a.doc_id"
                ),
                {"e": AKHUNDZADA},
            )
            .scalars()
            .all()
        )
    assert kept == ["doha-1", "said-1"]
    store_analyses(engine, [_said(2)])
    assert matched(engine, watch) == [("said-2", "quote", "q1")]
    engine.dispose()
