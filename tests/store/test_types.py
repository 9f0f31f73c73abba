"""The column types whose storage differs between the back ends (`store.types`): an instant the
store records and a JSON value read back the same on SQLite and PostgreSQL, compare as time on
both, and are native `timestamptz` / `jsonb` a PostgreSQL user can query."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from newsgraph.store.db import open_store
from newsgraph.store.identity.corrections import Rename, correct, list_rules
from newsgraph.store.schema import watches
from newsgraph.store.types import instant_text
from newsgraph.store.watches.entries import entries_since
from newsgraph.store.watches.manage import create_watch, get_watch
from newsgraph.store.watches.spec import SearchWatch, WatchIn
from newsgraph.store.writer import store_analyses
from tests.support.store import BACKENDS, new_database
from tests.support.watches import first, talks

INSTANT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from new_database(request.param, tmp_path)


def test_store_types_instant_text_is_one_form_and_refuses_text_naming_no_time() -> None:
    assert instant_text("2026-12-04T11:23:05+00:00") == "2026-12-04T11:23:05Z"  # corrections before 0010
    assert instant_text("2026-12-04T12:23:05.750+01:00") == "2026-12-04T11:23:05Z"
    assert instant_text("2026-12-04T11:23:05") == "2026-12-04T11:23:05Z"  # no zone: UTC
    assert instant_text("2026-12-04") == "2026-12-04T00:00:00Z"
    assert instant_text(datetime(2026, 12, 4, 11, 23, 5, 999_000, tzinfo=UTC)) == "2026-12-04T11:23:05Z"
    assert instant_text(None) is None
    for unreadable in ("yesterday", "", "2026-13-45"):
        with pytest.raises(ValueError, match="not an ISO 8601 time"):
            instant_text(unreadable)


def test_store_types_watch_times_and_queries_read_and_compare_alike_on_both_back_ends(store_url: str) -> None:
    """A watch's creation, its matches' times and its query read as the same Python values on
    both back ends, and a period's bounds select the matches as time (at or after, before)."""
    engine = open_store(store_url)
    try:
        store_analyses(engine, [first()])
        made, _ = create_watch(engine, WatchIn(query=SearchWatch(query="settlement"), name="deal"))
        store_analyses(engine, [talks()])
        with engine.connect() as conn:
            watch = get_watch(conn, made.id)
            stored = conn.execute(select(watches.c.query, watches.c.created)).one()
            entries = entries_since(conn, "2000-01-01T00:00:00Z")
            at = entries[0].matched
            after = instant_text(datetime.fromisoformat(at.replace("Z", "+00:00")) + timedelta(seconds=1))
            from_match = entries_since(conn, at)
            before_match = entries_since(conn, "2000-01-01T00:00:00Z", until=at)
            later = entries_since(conn, after)
    finally:
        engine.dispose()
    assert INSTANT.fullmatch(watch.created) and watch.created == made.created == stored.created
    assert stored.query == {"kind": "search", "query": "settlement"}
    assert watch.query == made.query
    assert [e.article_title for e in entries] == [talks().title]
    assert all(e.matched == at for e in entries) and INSTANT.fullmatch(at)
    assert len(from_match) == len(entries) and before_match == [] and later == []


@pytest.fixture
def pg_url(tmp_path: Path) -> Iterator[str]:
    yield from new_database("postgres", tmp_path)


@pytest.mark.postgres
def test_store_types_postgres_columns_are_native(pg_url: str) -> None:
    """What a PostgreSQL user writes against the corrections and watches tables works: time
    arithmetic on their instants, `->>` on their JSON."""
    engine = open_store(pg_url)
    try:
        store_analyses(engine, [first()])
        create_watch(engine, WatchIn(query=SearchWatch(query="settlement")))
        store_analyses(engine, [talks()])
        correct(engine, Rename(1, "Mullah Akhundzada"), author="desk")
        with engine.connect() as conn:
            recent = "SELECT count(*) FROM watches WHERE created > now() - interval '1 day'"
            assert conn.execute(text(recent)).scalar_one() == 1
            assert conn.execute(text("SELECT query->>'query' FROM watches")).scalar_one() == "settlement"
            window = "matched <= now() AND matched > now() - interval '1 hour'"
            matched = f"SELECT count(*) FROM watch_matches WHERE {window}"
            assert conn.execute(text(matched)).scalar_one() >= 1
            rule = "SELECT data->>'name', pg_typeof(created)::text FROM entity_rules WHERE kind = 'rename'"
            assert tuple(conn.execute(text(rule)).one()) == ("Mullah Akhundzada", "timestamp with time zone")
            audit = "SELECT jsonb_typeof(detail), pg_typeof(at)::text FROM entity_audit"
            assert tuple(conn.execute(text(audit)).one()) == ("object", "timestamp with time zone")
            assert INSTANT.fullmatch(list_rules(conn)[0].created)
    finally:
        engine.dispose()
