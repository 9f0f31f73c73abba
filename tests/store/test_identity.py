"""Entity identity in the store: evidence keys, order independence, corrections as rules."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from newsgraph.errors import InputError
from newsgraph.models import Analysis
from newsgraph.store.db import open_store
from newsgraph.store.identity.corrections import (
    Merge,
    Reject,
    Rename,
    Retype,
    Split,
    audit_log,
    correct,
    import_rules,
    list_rules,
    rebuild_all,
)
from newsgraph.store.identity.keys import article_country, entity_keys
from newsgraph.store.writer import Writer, store_analyses
from tests.support.store import BACKENDS, entity_sets, identity_article, identity_articles, new_database


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from new_database(request.param, tmp_path)


def _store(url: str, analyses: list[Analysis], batch: int = 64) -> Engine:
    engine = open_store(url)
    store_analyses(engine, analyses, batch_size=batch)
    return engine


def test_store_identity_joins_on_evidence_only(store_url: str) -> None:
    engine = _store(store_url, list(identity_articles()))
    engine.dispose()
    every = entity_sets(store_url)
    found = {(t, n): set(d) for t, n, d in every}
    assert found[("PERSON", "John Clifford")] == {"a0"}
    assert found[("PERSON", "Mark Clifford")] == {"a1"}
    assert found[("PERSON", "James Risch")] == {"a2", "a3"}  # Jim = James, same surname
    assert found[("ORG", "Centers for Disease Control and Prevention")] == {"a2", "a3"}  # CDC alias
    assert found[("ORG", "Apple")] == {"a3", "a4", "a5"}  # Apple Inc. = Apple; Apple Computer beside Apple
    men = [d for _, n, d in every if n == "52-year-old man"]
    assert sorted(map(sorted, men)) == [["a4"], ["a5"]]  # a description joins nothing


def test_store_identity_same_entities_in_every_order(
    store_url: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    articles = identity_articles()
    engine = _store(store_url, articles)
    engine.dispose()
    reference = entity_sets(store_url)
    for number, order in enumerate(itertools.islice(itertools.permutations(articles), 0, 720, 181)):
        other = f"sqlite:///{tmp_path_factory.mktemp(f'order{number}') / 'store.db'}"
        engine = open_store(other)
        writer = Writer(engine)
        for analysis in order:  # one transaction per article: every bridging merge happens
            writer.write([analysis])
        engine.dispose()
        assert entity_sets(other) == reference


def test_store_identity_places_apart_by_resolution() -> None:
    georgia = {"id": "e1", "name": "Georgia", "type": "GPE", "mentions": [{"kind": "name"}]}
    from newsgraph.store.identity.keys import PlaceRef

    country = entity_keys(georgia, PlaceRef("GE", None, "country", 614540))
    state = entity_keys(georgia, PlaceRef("US", "Georgia", "admin1", None))
    unresolved = entity_keys(georgia)
    assert country == ["g:GE", "n:georgia"]
    assert state == ["g:US/Georgia"]
    assert set(unresolved) & set(country) and not set(unresolved) & set(state)


def test_store_identity_a_name_link_never_joins_two_resolved_places() -> None:
    from newsgraph.store.identity.keys import PlaceRef

    def keys(name: str, kb: str, place: PlaceRef) -> set[str]:
        entity = {"id": "e1", "name": name, "type": "GPE", "kb": kb, "mentions": [{"kind": "name"}]}
        return set(entity_keys(entity, place))

    state = keys("Georgia", "phoenix:georgia", PlaceRef("US", "Georgia", "admin1", None))
    country = keys("Georgia", "phoenix:georgia", PlaceRef("GE", None, "country", 614540))
    assert not state & country and "kb:phoenix:georgia" in country
    # "Korea" the article resolved to the South, linked by name to the North's dictionary entry
    south = keys("Korea", "phoenix:north korea", PlaceRef("KR", None, "country", 1835841))
    north = keys("North Korea", "phoenix:north korea", PlaceRef("KP", None, "country", 1873107))
    assert not south & north
    # two towns of one name, a province linked to its country's entry
    indiana = keys("Austin", "phoenix:austin", PlaceRef("US", "Indiana", "city", 4254010))
    texas = keys("Austin", "phoenix:austin", PlaceRef("US", "Texas", "city", 4671654))
    province = keys("KwaZulu-Natal", "phoenix:south africa", PlaceRef("ZA", "KwaZulu-Natal", "admin1", None))
    assert not indiana & texas and "kb:phoenix:south africa" not in province
    # an unresolved mention still joins by its link
    assert "kb:phoenix:georgia" in set(entity_keys({"id": "e2", "name": "Georgia", "kb": "phoenix:georgia"}))


def _ids(url: str) -> dict[str, int]:
    engine = open_store(url)
    try:
        with engine.connect() as conn:
            return {r.name: r.id for r in conn.execute(text("SELECT id, name FROM entities WHERE named"))}
    finally:
        engine.dispose()


def _corrections(url: str) -> None:
    """A merge, a split, a rename, a retype and a reject, as a journalist would make them."""
    ids = _ids(url)
    engine = open_store(url)
    try:
        correct(engine, Merge([ids["John Clifford"], ids["Mark Clifford"]]), author="t", note="test")
        split_from = _ids(url)["Apple"]
        with engine.connect() as conn:
            article_id = conn.execute(text("SELECT id FROM articles WHERE doc_id = 'a5'")).scalar_one()
        correct(engine, Split(split_from, [article_id]), author="t")
        correct(engine, Rename(_ids(url)["James Risch"], "Jim Risch"), author="t")
        correct(engine, Retype(_ids(url)["Centers for Disease Control and Prevention"], "GPE"), author="t")
        correct(engine, Reject("Apple Computer"), author="t")
    finally:
        engine.dispose()


CORRECTED = {
    ("PERSON", "John Clifford", frozenset({"a0", "a1"})),
    ("PERSON", "Jim Risch", frozenset({"a2", "a3", "a6"})),
    ("GPE", "Centers for Disease Control and Prevention", frozenset({"a2", "a3"})),
    ("ORG", "Apple Inc.", frozenset({"a3", "a4"})),
    ("ORG", "Apple", frozenset({"a5"})),
}


def test_store_identity_corrections_hold_for_new_and_reingested_articles(
    store_url: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    articles = identity_articles()
    engine = _store(store_url, articles)
    engine.dispose()
    _corrections(store_url)
    later = identity_article(
        6, "Jim Risch, an Idaho senator, spoke again.", [("e1", "PERSON", "Jim Risch", [])]
    )
    engine = _store(store_url, [later])
    with engine.connect() as conn:
        rules = list_rules(conn)
        log = audit_log(conn)
    engine.dispose()
    found = entity_sets(store_url)
    assert found >= CORRECTED
    assert not any(n == "Apple Computer" and t == "ORG" and len(d) > 1 for t, n, d in found)
    assert [r.kind for r in rules] == ["merge", "split", "rename", "retype", "reject"]
    assert [a.action for a in log] == ["reject", "retype", "rename", "split", "merge"]
    assert log[-1].author == "t" and log[-1].detail["before"][0]["name"] == "John Clifford"
    # the same articles stored again in a new store that has the rules: the same entities
    again = f"sqlite:///{tmp_path_factory.mktemp('again') / 'store.db'}"
    engine = open_store(again)
    import_rules(engine, rules, author="t")
    store_analyses(engine, [*reversed(articles), later], batch_size=2)
    engine.dispose()
    assert entity_sets(again) == found
    # and resolving the whole store again changes nothing
    engine = open_store(store_url)
    rebuild_all(engine)
    engine.dispose()
    assert entity_sets(store_url) == found


def test_store_identity_imported_rules_keep_their_time_in_the_one_form(store_url: str) -> None:
    """A rules file keeps each rule's creation time: an older file's `+00:00` form (or any zone)
    is stored as the same instant; a time that names none is refused, and nothing is added."""
    engine = _store(store_url, identity_articles())
    try:
        correct(engine, Reject("Apple Computer"), author="t")
        with engine.connect() as conn:
            (rule,) = list_rules(conn)
        older = replace(rule, created="2026-12-04T12:23:05+01:00")
        assert import_rules(engine, [older], author="t") == 1
        unreadable_times: tuple[Any, ...] = ("last week", 20261204)  # a hand-edited file
        for unreadable in unreadable_times:
            with pytest.raises(InputError, match="is not an ISO 8601 time"):
                import_rules(engine, [older, replace(rule, created=unreadable)], author="t")
        with engine.connect() as conn:
            rules = list_rules(conn)
            log = audit_log(conn)
    finally:
        engine.dispose()
    assert [(r.kind, r.data, r.created) for r in rules] == [
        ("reject", rule.data, rule.created),
        ("reject", rule.data, "2026-12-04T11:23:05Z"),
    ]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", rule.created)
    assert [a.action for a in log] == ["import", "reject"] and log[0].detail == {"rules": [2]}


def test_store_identity_generic_institutions_are_one_per_country() -> None:
    def keys(name: str, country: str | None, own: str | None = None) -> list[str]:
        entity = {"id": "e1", "name": name, "type": "ORG", "mentions": [{"kind": "name"}], "country": own}
        return entity_keys(entity, None, country)

    assert keys("Ministry of Health", "ID") == ["n:ministry of health@ID"]
    assert keys("Ministry of Health", "CN") != keys("Ministry of Health", "ID")
    assert keys("Ministry of Health", "CN", own="ID") == keys("Ministry of Health", "ID")
    assert keys("Health Ministry", None) == []  # no country: its article's own entity
    assert "n:ministry of health@CN" in keys("Chinese Ministry of Health", "US")
    assert set(keys("U.S. Air Force", None)) & set(keys("United States Air Force", None))
    assert set(keys("U.S. Air Force", None)) & set(keys("Air Force", "US"))
    assert keys("World Health Organization", None) == ["n:world health organization"]


def test_store_identity_article_country_ignores_places_inside_names() -> None:
    places = [
        {"country": "QA", "mentions": [{}]},
        {"country": "US", "literal": False, "mentions": [{}, {}]},  # "The Washington Post" twice
    ]
    assert article_country(places) == "QA"


def test_store_identity_a_model_is_not_joined_by_its_line() -> None:
    def keys(name: str, aliases: list[str], type_: str = "PRODUCT") -> list[str]:
        entity = {"id": "e1", "name": name, "type": type_, "aliases": aliases, "mentions": [{"kind": "name"}]}
        return entity_keys(entity)

    model = keys("iPhone 4", ["iPhone", "iPhones", "iPhone 4s"])
    assert model == ["n:iphone 4", "n:iphone 4s"]
    assert not set(model) & set(keys("iPhone", ["iPhones"]))
    assert "n:apple" in keys("Apple Computer", ["Apple"], "ORG")  # a company's short name still joins


def test_store_identity_a_body_written_with_its_country_keeps_it_and_a_model_designation_joins() -> None:
    def keys(name: str, aliases: list[str], type_: str = "ORG", country: str | None = None) -> list[str]:
        entity = {"id": "e1", "name": name, "type": type_, "aliases": aliases, "mentions": [{"kind": "name"}]}
        return entity_keys(entity, country=country)

    usda = keys("Department of Agriculture", ["U.S. Department of Agriculture"], country="PH")
    philippine = keys("Philippines Department of Agriculture", ["Department of Agriculture"], country="PH")
    assert "n:department of agriculture@US" in usda and not set(usda) & set(philippine)
    assert "n:department of agriculture@PH" in keys("Department of Agriculture", [], country="PH")
    assert set(keys("Airbus A380", ["A380"], "PRODUCT")) & set(keys("A380", [], "PRODUCT"))
    assert keys("Boeing 787", ["787"], "PRODUCT") == ["n:boeing 787"]  # a bare number stays with its maker
    assert keys("iPhone 3G", ["3G"], "PRODUCT") == ["n:iphone 3g"]
