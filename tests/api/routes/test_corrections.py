"""Entity corrections through the API: token-protected, stored as rules that hold for later articles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from newsgraph.app import create_app
from newsgraph.settings import Settings
from newsgraph.store.db import open_store
from newsgraph.store.identity.corrections import RuleRecord, import_rules
from newsgraph.store.writer import store_analyses
from tests.support.store import BACKENDS, entity_sets, identity_article, identity_articles, new_database

TOKEN = "c0rrect-me"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from new_database(request.param, tmp_path)


def _client(settings: Settings, engine: Engine, token: str | None = TOKEN) -> TestClient:
    changes = {"api_token": token, "api_rate": 0, "api_cache_mb": 0}
    return TestClient(create_app(settings.model_copy(update=changes), engine=engine))


def _id(engine: Engine, name: str) -> int:
    with engine.connect() as conn:
        sql = text("SELECT id FROM entities WHERE named AND name = :n")
        return int(conn.execute(sql, {"n": name}).scalar_one())


def _article_id(engine: Engine, doc_id: str) -> int:
    with engine.connect() as conn:
        sql = text("SELECT id FROM articles WHERE doc_id = :d")
        return int(conn.execute(sql, {"d": doc_id}).scalar_one())


def test_api_corrections_need_the_token(settings: Settings, store_url: str) -> None:
    engine = open_store(store_url)
    store_analyses(engine, identity_articles())
    body = {"entity_ids": [_id(engine, "John Clifford"), _id(engine, "Mark Clifford")]}
    with _client(settings, engine, token=None) as read_only:
        assert read_only.post("/api/corrections/merge", json=body).status_code == 403
    with _client(settings, engine) as client:
        assert client.post("/api/corrections/merge", json=body).status_code == 401
        wrong = {"Authorization": "Bearer nope"}
        assert client.post("/api/corrections/merge", json=body, headers=wrong).status_code == 401
        one = client.post("/api/corrections/merge", json={"entity_ids": [1]}, headers=AUTH)
        assert one.status_code == 422
        missing = client.post("/api/corrections/rename", json={"entity_id": 99999, "name": "X"}, headers=AUTH)
        assert missing.status_code == 404 and missing.json()["ok"] is False
        assert client.get("/api/corrections").json()["items"] == []
    engine.dispose()


def test_api_corrections_hold_after_reingest_and_for_new_articles(
    settings: Settings, store_url: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    engine = open_store(store_url)
    store_analyses(engine, identity_articles())
    with _client(settings, engine) as client:
        steps = [
            ("merge", {"entity_ids": [_id(engine, "John Clifford"), _id(engine, "Mark Clifford")]}),
            ("split", {"entity_id": _id(engine, "Apple"), "article_ids": [_article_id(engine, "a5")]}),
            ("rename", {"entity_id": _id(engine, "James Risch"), "name": "Jim Risch"}),
            (
                "retype",
                {"entity_id": _id(engine, "Centers for Disease Control and Prevention"), "type": "GPE"},
            ),
            ("reject", {"name": "Apple Computer"}),
        ]
        for action, body in steps:
            answer = client.post(
                f"/api/corrections/{action}", json={**body, "author": "desk", "note": action}, headers=AUTH
            )
            assert answer.status_code == 201, answer.text
            assert answer.json()["ok"] and answer.json()["entities"]
        rules = client.get("/api/corrections").json()["items"]
        audit = client.get("/api/corrections/audit").json()["items"]
        merged = client.get(f"/api/corrections/audit?entity={_id(engine, 'John Clifford')}").json()["items"]
        page = client.get(f"/api/entities/{_id(engine, 'Jim Risch')}").json()
    assert [r["kind"] for r in rules] == ["merge", "split", "rename", "retype", "reject"]
    assert [a["action"] for a in audit] == ["reject", "retype", "rename", "split", "merge"]
    assert all(a["author"] == "desk" and a["at"] for a in audit)
    # the same JSON on both back ends: times in the one text form, rule data and details objects
    instant = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
    assert all(instant.fullmatch(r["created"]) for r in rules) and all(
        instant.fullmatch(a["at"]) for a in audit
    )
    assert rules[2]["data"]["name"] == "Jim Risch" and audit[2]["detail"]["after"][0]["name"] == "Jim Risch"
    assert [a["action"] for a in merged] == ["merge"]
    assert page["entity"]["name"] == "Jim Risch"
    later = identity_article(6, "Jim Risch returned to Idaho.", [("e1", "PERSON", "James Risch", [])])
    store_analyses(engine, [later])
    engine.dispose()
    corrected = entity_sets(store_url)
    assert ("PERSON", "Jim Risch", frozenset({"a2", "a3", "a6"})) in corrected
    assert ("PERSON", "John Clifford", frozenset({"a0", "a1"})) in corrected
    assert ("GPE", "Centers for Disease Control and Prevention", frozenset({"a2", "a3"})) in corrected
    assert ("ORG", "Apple", frozenset({"a5"})) in corrected
    # the same articles ingested again into a store that has the rules give the same entities
    again = open_store(f"sqlite:///{tmp_path_factory.mktemp('again') / 'store.db'}")
    records = [RuleRecord(r["id"], r["kind"], r["data"], r["created"], r["author"], r["note"]) for r in rules]
    import_rules(again, records, author="desk")
    store_analyses(again, [later, *identity_articles()], batch_size=3)
    url = str(again.url)
    again.dispose()
    assert entity_sets(url) == corrected


def test_api_corrections_entity_page_forms(settings: Settings, tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    hostile = identity_article(
        7,
        "<script>alert(1)</script> Corp said it would appeal.",
        [("e1", "ORG", "<script>alert(1)</script> Corp", [])],
    )
    store_analyses(engine, [*identity_articles(), hostile])
    john, mark = _id(engine, "John Clifford"), _id(engine, "Mark Clifford")
    form = {"with": str(mark), "token": TOKEN, "author": "desk"}
    with _client(settings, engine, token=None) as read_only:
        assert "Correct this entity" not in read_only.get(f"/entities/{john}").text
        assert read_only.post(f"/entities/{john}/merge", data=form).status_code == 403
    with _client(settings, engine) as client:
        page = client.get(f"/entities/{john}").text
        assert 'action="/entities/' in page and 'type="password" name="token"' in page
        bad = client.get(f"/entities/{_id(engine, '<script>alert(1)</script> Corp')}").text
        assert "<script>alert(1)" not in bad and "&lt;script&gt;" in bad
        wrong = client.post(f"/entities/{john}/merge", data={**form, "token": "nope"})
        assert wrong.status_code == 401
        cross = client.post(f"/entities/{john}/merge", data=form, headers={"Sec-Fetch-Site": "cross-site"})
        assert cross.status_code == 403
        done = client.post(
            f"/entities/{mark}/merge", data={**form, "with": str(john)}, follow_redirects=False
        )
        assert done.status_code == 303 and done.headers["location"] == f"/entities/{min(john, mark)}"
        assert (
            client.post(f"/entities/{john}/retype", data={"type": "HUMAN", "token": TOKEN}).status_code == 400
        )
    assert ("PERSON", "John Clifford", frozenset({"a0", "a1"})) in entity_sets(str(engine.url))
    engine.dispose()
