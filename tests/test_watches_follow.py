"""Watches follow what they name when its id changes: a story that merges with another, an entity
merged into another (by an article that bridges them, or by a journalist's correction)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from newsgraph.store.db import open_store
from newsgraph.store.stories.rebuild import rebuild_stories
from newsgraph.store.watches.manage import create_watch, get_watch
from newsgraph.store.watches.spec import StoryWatch, WatchIn
from newsgraph.store.writer import Writer
from tests.store_support import BACKENDS, new_database
from tests.watch_support import matched, strike


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
