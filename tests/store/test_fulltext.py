"""Entity-aware search: words naming a stored entity also find its other names, on both back ends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from newsgraph.store.db import open_store
from newsgraph.store.fulltext import Match, expand_query, fts5_match
from newsgraph.store.search import search_articles, search_quotes
from newsgraph.store.writer import store_analyses
from tests.support.store import BACKENDS, make_analysis, new_database

WHO = "World Health Organization"
TEXTS = {
    "long": f"The {WHO} (WHO) and the United Nations (UN) said cholera had spread in Zimbabwe.",
    "short": "“WHO and UN teams will fight cholera in every province,” a doctor told reporters.",
    "spelt": "The World Health Organisation warned that the cholera outbreak would grow.",
    "other": "Who will pay for the new cholera clinics? Doctors asked the finance ministry.",
    "laura": "Laura Bush visited a clinic in Harare where doctors treat cholera.",
    "george": "President George W. Bush promised funds against cholera, Bush told reporters.",
}


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """Articles naming the WHO in three ways, one with the word 'who', and two Bushes."""
    for url in new_database(request.param, tmp_path):
        engine = open_store(url)
        analyses = [
            make_analysis(
                TEXTS["long"],
                id="long",
                entities=[("e1", "ORG", WHO, ["WHO"]), ("e2", "ORG", "United Nations", ["UN"])],
            ),
            make_analysis(
                TEXTS["short"],
                id="short",
                entities=[("e1", "ORG", "WHO", []), ("e2", "ORG", "UN", [])],
                quotes=[("WHO and UN teams will fight cholera in every province,", None, "tell")],
            ),
            make_analysis(
                TEXTS["spelt"], id="spelt", entities=[("e1", "ORG", "World Health Organisation", [])]
            ),
            make_analysis(TEXTS["other"], id="other"),
            make_analysis(TEXTS["laura"], id="laura", entities=[("e1", "PERSON", "Laura Bush", [])]),
            make_analysis(
                TEXTS["george"],
                id="george",
                entities=[("e1", "PERSON", "George W. Bush", ["Bush"])],
                quotes=[("promised funds against cholera", "e1", "promise")],
            ),
        ]
        store_analyses(engine, analyses)
        yield engine
        engine.dispose()


def _titles(engine: Engine, query: str | Match) -> set[str]:
    with engine.connect() as conn:
        page = search_articles(conn, query, limit=50)
        ids = {h.id for h in page.items}
        rows = conn.exec_driver_sql("SELECT id, doc_id FROM articles").all()
    return {doc for i, doc in rows if i in ids}


def test_store_fulltext_expands_an_entity_name_to_its_aliases(store: Engine) -> None:
    # identity links "World Health Organisation" only if the store unified it; the acronym is an alias
    with store.connect() as conn:
        match = expand_query(conn, "World Health Organization cholera")
    assert [e.words for e in match.expansions] == [WHO]
    assert "WHO" in match.expansions[0].names
    assert match.rest == "cholera"
    before = _titles(store, "World Health Organization cholera")
    after = _titles(store, match)
    assert before == {"long"}
    assert after >= {"long", "short"}  # "WHO teams": found through the entity's acronym
    assert "other" not in after  # "Who will pay" does not mention the entity


def test_store_fulltext_alias_hits_must_mention_the_entity(store: Engine) -> None:
    with store.connect() as conn:
        match = expand_query(conn, "George W. Bush cholera")
    assert match.expansions and "Bush" in match.expansions[0].names
    found = _titles(store, match)
    assert "george" in found
    assert "laura" not in found  # the text says "Bush", but the article is about another Bush


def test_store_fulltext_leaves_words_naming_nothing_alone(store: Engine) -> None:
    with store.connect() as conn:
        match = expand_query(conn, "cholera -clinics")
        assert match.expansions == ()
        assert fts5_match(match) == ('("cholera") NOT "clinics"', None)
        quoted = expand_query(conn, '"World Health Organization"')
    assert [e.words for e in quoted.expansions] == [WHO]
    assert quoted.rest == ""


def test_store_fulltext_expands_quote_search(store: Engine) -> None:
    query = "United Nations cholera"
    with store.connect() as conn:
        plain = search_quotes(conn, query)
        expanded = search_quotes(conn, expand_query(conn, query))
    assert plain.items == []  # the quote says "UN"
    assert [h.text for h in expanded.items] == ["WHO and UN teams will fight cholera in every province,"]
    assert ("UN", True) in expanded.items[0].snippet.parts
