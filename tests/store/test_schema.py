"""The store's schema: Alembic migrations create exactly the declared tables, on both back ends."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, inspect, select, text

from newsgraph.errors import ConfigError
from newsgraph.store.db import (
    current_revision,
    downgrade,
    head_revision,
    make_engine,
    migrate,
    normalize_url,
    open_store,
)
from newsgraph.store.identity.corrections import Rename, correct, list_rules
from newsgraph.store.schema import articles, entities, metadata, watches
from newsgraph.store.watches.manage import create_watch
from newsgraph.store.watches.spec import SearchWatch, WatchIn
from newsgraph.store.writer import store_analyses
from tests.support.store import BACKENDS, doha_analyses, dump, new_database

FTS_OBJECTS = {"articles_fts", "quotes_fts"}


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a fresh, empty database, once per back end."""
    yield from new_database(request.param, tmp_path)


def _relevant(diff: object) -> bool:
    text = repr(diff)
    return not any(name in text for name in ("_fts", "'tsv'", "ix_articles_tsv", "ix_quotes_tsv"))


def test_store_schema_migrations_match_metadata(store_url: str) -> None:
    engine = open_store(store_url)
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diffs = [d for d in compare_metadata(context, metadata) if _relevant(d)]
        assert diffs == []
        names = set(inspect(engine).get_table_names())
        assert set(metadata.tables) <= names
    finally:
        engine.dispose()


def test_store_schema_full_text_objects_exist(store_url: str) -> None:
    engine = open_store(store_url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                found = {
                    r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
                }
                assert found >= FTS_OBJECTS
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
            else:
                columns = {c["name"] for c in inspect(conn).get_columns("quotes")}
                assert "tsv" in columns
    finally:
        engine.dispose()


def test_store_schema_downgrade_and_upgrade_again(store_url: str) -> None:
    engine = open_store(store_url)
    try:
        downgrade(engine, "base")
        assert current_revision(engine) is None
        assert not set(metadata.tables) & set(inspect(engine).get_table_names())
        migrate(engine)
        assert current_revision(engine) == head_revision()
        open_store(store_url).dispose()  # already at head: nothing to do
    finally:
        engine.dispose()


def test_store_schema_rejects_other_databases() -> None:
    with pytest.raises(ConfigError, match="unsupported database"):
        make_engine("mysql://u:p@localhost/db")
    with pytest.raises(ConfigError, match="invalid database URL"):
        make_engine("not a url")


def test_store_schema_normalizes_postgres_urls() -> None:
    assert normalize_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("sqlite:///x.db") == "sqlite:///x.db"


def test_store_schema_0008_fills_and_converts_stored_rows(store_url: str) -> None:
    """A store written before 0008 (downgraded to 0007: the old columns and types) migrates to the
    same rows a fresh store gets: the new columns filled from each stored Analysis, the renamed
    ones kept, odd old values converted instead of failing (a date PostgreSQL cannot read becomes
    NULL, a NUL escape in the JSON U+FFFD)."""
    engine = open_store(store_url)
    try:
        store_analyses(engine, doha_analyses())
        fresh = dump(store_url)
        downgrade(engine, "0007")
        with engine.begin() as conn:
            names = conn.exec_driver_sql("SELECT speaker_name FROM quotes ORDER BY id").scalars().all()
            assert names == ["Haibatullah Akhundzada", "Haibatullah Akhundzada"]
            assert "kb" not in {c["name"] for c in inspect(conn).get_columns("article_entities")}
        migrate(engine)
        assert dump(store_url) == fresh
        downgrade(engine, "0007")
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE articles SET published = 'last Tuesday' WHERE id = 2")
            stored = orjson.loads(
                conn.exec_driver_sql("SELECT analysis FROM articles WHERE id = 1").scalar_one()
            )
            odd = orjson.dumps({**stored, "title": "Taliban\x00leader"}).decode()  # holds the escape \u0000
            conn.execute(text("UPDATE articles SET analysis = :a WHERE id = 1"), {"a": odd})
        migrate(engine)
        with engine.connect() as conn:
            published = conn.execute(select(articles.c.published).order_by(articles.c.id)).scalars().all()
            analysis = conn.execute(select(articles.c.analysis).where(articles.c.id == 1)).scalar_one()
    finally:
        engine.dispose()
    assert published == ["2021-07-18", None]
    expected = "Taliban\ufffdleader" if engine.dialect.name == "postgresql" else "Taliban\x00leader"
    assert analysis["title"] == expected


def test_store_schema_0010_native_types_keep_every_value(store_url: str) -> None:
    """A store with corrections, watches, matches and stories written before 0010 (downgraded to
    0009: text columns) migrates to the same values, now `timestamptz` and `jsonb` on PostgreSQL."""
    first, *rest = doha_analyses()
    engine = open_store(store_url)
    try:
        store_analyses(engine, [first])
        create_watch(engine, WatchIn(query=SearchWatch(query="Taliban")))
        store_analyses(engine, rest)
        with engine.connect() as conn:
            entity = conn.execute(select(entities.c.id).order_by(entities.c.id)).scalars().first()
        assert entity is not None
        correct(engine, Rename(entity, "Renamed entity"), author="test")
        fresh = dump(store_url)
        assert fresh["watch_matches"] and fresh["entity_audit"] and fresh["story_features"]
        created = fresh["watches"][0][list(watches.c.keys()).index("created")]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", created)
        downgrade(engine, "0009")
        with engine.begin() as conn:  # a correction's times as the code before 0010 wrote them
            conn.execute(text("UPDATE entity_rules SET created = replace(created, 'Z', '+00:00')"))
            conn.execute(text("UPDATE entity_audit SET at = replace(at, 'Z', '+00:00')"))
            old = conn.execute(text("SELECT created FROM entity_rules")).scalar_one()
            before = _column_types(conn)
        migrate(engine)
        assert dump(store_url) == fresh
        with engine.connect() as conn:
            after = _column_types(conn)
            rules = list_rules(conn)
    finally:
        engine.dispose()
    assert rules[0].data["name"] == "Renamed entity"
    assert old.endswith("+00:00") and rules[0].created == old.replace("+00:00", "Z")
    if engine.dialect.name == "postgresql":
        assert before["watches.query"] == "text"
        assert before["watch_matches.matched"] == "character varying"
        assert after["watches.query"] == "jsonb"
        assert after["watch_matches.matched"] == "timestamp with time zone"
        assert (
            after["stories.first_published"] == after["stories.last_published"] == "timestamp with time zone"
        )
        assert (before["story_features.data"], after["story_features.data"]) == ("text", "jsonb")
        assert after["entity_rules.data"] == "jsonb"


def _column_types(conn: Connection) -> dict[str, str]:
    """The type of each column of the tables 0010 converts, as the database names it."""
    found = {}
    for table in ("watches", "watch_matches", "stories", "story_features", "entity_rules"):
        for column in inspect(conn).get_columns(table):
            found[f"{table}.{column['name']}"] = str(column["type"])
    if conn.dialect.name == "postgresql":
        sql = (
            "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema()"
        )
        found.update({str(k): str(v) for k, v in conn.execute(text(sql))})
    return found
