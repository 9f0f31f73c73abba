"""Datasette opens the SQLite store and finds its full-text tables with its own detection."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

from datasette.app import Datasette
from datasette.utils import detect_fts

from newsgraph.store.db import downgrade, migrate, open_store
from newsgraph.store.writer import store_analyses
from tests.support.store import doha_analyses


def _store(tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    engine = open_store(f"sqlite:///{path}")
    store_analyses(engine, doha_analyses())
    engine.dispose()
    return path


def _detected(path: Path) -> tuple[str | None, str | None]:
    with sqlite3.connect(path) as conn:
        return detect_fts(conn, "quotes"), detect_fts(conn, "articles")


async def _search(path: Path, table: str, words: str, column: str) -> list[Any]:
    datasette = Datasette([str(path)])
    response = await datasette.client.get(f"/news/{table}.json?_search={words}&_shape=array&_col={column}")
    assert response.status_code == 200, response.text
    return [row[column] for row in response.json()]


def test_store_datasette_detects_the_full_text_tables_and_searches(tmp_path: Path) -> None:
    path = _store(tmp_path)
    assert _detected(path) == ("quotes_fts", "articles_fts")
    quotes = asyncio.run(_search(path, "quotes", "settlements", "text"))  # stemmed, as newsgraph searches
    assert quotes == [
        "We want a political settlement,",
        "The war must end with a settlement acceptable to all Afghans,",
    ]
    assert asyncio.run(_search(path, "articles", "prisoners", "title")) == ["Taliban leader wants settlement"]


def test_store_datasette_finds_them_in_a_store_migrated_from_before(tmp_path: Path) -> None:
    """Stores made before migration 0008 named the content table in single quotes, which
    Datasette's detection misses; the migration makes the tables again, index and all."""
    path = _store(tmp_path)
    engine = open_store(f"sqlite:///{path}")
    try:
        downgrade(engine, "0007")
        assert _detected(path) == (None, None)
        migrate(engine)
    finally:
        engine.dispose()
    assert _detected(path) == ("quotes_fts", "articles_fts")
    assert len(asyncio.run(_search(path, "quotes", "settlement", "text"))) == 2
