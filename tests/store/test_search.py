"""Search over stored articles, quotes and numbers, on both back ends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from newsgraph.errors import InputError, InvalidCursor
from newsgraph.store.db import open_store
from newsgraph.store.fulltext import fts5_query
from newsgraph.store.search import (
    MARK_END,
    MARK_START,
    Filters,
    Snippet,
    search_articles,
    search_quantities,
    search_quotes,
)
from newsgraph.store.writer import store_analyses
from tests.support.store import BACKENDS, doha_analyses, make_analysis, new_database

EXTRA = (
    "Officials in Kabul said the settlement talks would resume next month. “There is no military "
    "solution,” said Zalmay Khalilzad, the US envoy, adding that a settlement needed compromise."
)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A store holding the two Doha articles and a third by another source and speaker."""
    for url in new_database(request.param, tmp_path):
        engine = open_store(url)
        extra = make_analysis(
            EXTRA,
            id="kabul",
            source="Example News",
            title="Envoy says no military solution",
            published="2021-08-02",
            entities=[("e1", "GPE", "Kabul", []), ("e2", "PERSON", "Zalmay Khalilzad", [])],
            quotes=[("There is no military solution,", "e2", "say")],
        )
        store_analyses(engine, [*doha_analyses(), extra])
        yield engine
        engine.dispose()


def test_store_search_quotes_by_text_with_snippets(store: Engine) -> None:
    with store.connect() as conn:
        page = search_quotes(conn, "settlement")
    assert [h.speaker_name for h in page.items] == ["Haibatullah Akhundzada", "Haibatullah Akhundzada"]
    for hit in page.items:
        assert "settlement" in [p.lower() for p, match in hit.snippet.parts if match]
        assert hit.snippet.text.strip(" …").rstrip(",") in hit.text


def test_store_search_quotes_by_speaker_alias(store: Engine) -> None:
    with store.connect() as conn:
        page = search_quotes(conn, None, Filters(speaker="Akhundzada"))
        none = search_quotes(conn, None, Filters(speaker="Nobody Atall"))
    assert [h.text for h in page.items] == [
        "The war must end with a settlement acceptable to all Afghans,",  # newest first
        "We want a political settlement,",
    ]
    assert none.items == []


def test_store_search_quotes_filters_combine(store: Engine) -> None:
    with store.connect() as conn:
        by_source = search_quotes(conn, None, Filters(source="example news"))
        by_day = search_quotes(conn, None, Filters(since="2021-07-19", until="2021-07"))
        by_year = search_quotes(conn, "solution", Filters(since="2021"))
        by_event = search_quotes(conn, None, Filters(event_type="consult"))
    assert {h.source for h in by_source.items} == {"Example News"}
    assert len(by_source.items) == 2
    assert [h.published for h in by_day.items] == ["2021-07-19"]
    assert [h.speaker_name for h in by_year.items] == ["Zalmay Khalilzad"]
    assert len(by_event.items) == 2


def test_store_search_articles_ranked_with_filters(store: Engine) -> None:
    with store.connect() as conn:
        hits = search_articles(conn, "settlement").items
        mention = search_articles(conn, "talks", Filters(entity="Akhundzada")).items
        quoted = search_articles(conn, "settlement", Filters(speaker="Khalilzad")).items
        phrase = search_articles(conn, '"military solution"').items
        excluded = search_articles(conn, "settlement -Kabul").items
    assert len(hits) == 3
    assert {h.title for h in mention} == {"Taliban leader wants settlement", "Doha talks end"}
    assert [h.title for h in quoted] == ["Envoy says no military solution"]
    assert [h.title for h in phrase] == ["Envoy says no military solution"]
    assert {h.title for h in excluded} == {"Taliban leader wants settlement"}
    assert all(any(match for _, match in h.snippet.parts) for h in hits)


def test_store_search_pages_do_not_repeat_or_skip(store: Engine) -> None:
    with store.connect() as conn:
        for order in ("relevance", "newest"):
            seen: list[int] = []
            cursor = None
            while True:
                page = search_articles(conn, "settlement OR talks", order=order, limit=1, cursor=cursor)  # type: ignore[arg-type]
                seen += [h.id for h in page.items]
                if page.next_cursor is None:
                    break
                cursor = page.next_cursor
            assert sorted(seen) == [1, 2, 3]
        quotes = search_quotes(conn, None, limit=2)
        rest = search_quotes(conn, None, limit=2, cursor=quotes.next_cursor)
    assert len(quotes.items) == 2 and len(rest.items) == 1 and rest.next_cursor is None
    assert not {h.id for h in quotes.items} & {h.id for h in rest.items}


def test_store_search_numbers(store: Engine) -> None:
    with store.connect() as conn:
        page = search_quantities(conn, "prisoners")
    (hit,) = page.items
    assert hit.value == 244
    assert [p for p, match in hit.snippet.parts if match] == ["244 prisoners"]


def test_store_search_rejects_bad_input(store: Engine) -> None:
    with store.connect() as conn:
        with pytest.raises(InputError):
            search_articles(conn, "   ")
        with pytest.raises(InputError, match="invalid date"):
            search_quotes(conn, None, Filters(since="last week"))
        with pytest.raises(InvalidCursor):
            search_quotes(conn, None, cursor="garbage!")
        with pytest.raises(InputError, match="limit"):
            search_quotes(conn, None, limit=0)


def test_store_search_fts5_query_translation() -> None:
    assert fts5_query("settlement talks") == '"settlement" AND "talks"'
    assert fts5_query('"political settlement" OR truce') == '("political settlement" OR "truce")'
    assert fts5_query("settle* -Kabul") == '("settle"*) NOT "Kabul"'
    assert fts5_query("AND NOT (near)") == '"AND" AND "NOT" AND "near"'
    with pytest.raises(InputError):
        fts5_query("-only -negative")


def test_store_search_snippet_rendering() -> None:
    snippet = Snippet.parse(f"a <b> {MARK_START}settlement{MARK_END} & more")
    assert snippet.text == "a <b> settlement & more"
    assert snippet.marked("[", "]") == "a <b> [settlement] & more"
    assert snippet.html() == "a &lt;b&gt; <mark>settlement</mark> &amp; more"
