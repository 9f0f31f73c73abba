"""Watches through the API (token-protected, never cached), the web UI ("Watch this" forms, the
watch list, the feed page, everything escaped) and the CLI (add, list, digest, delete)."""

from __future__ import annotations

from pathlib import Path

import feedparser
import orjson
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from typer.testing import CliRunner

from newsgraph.app import create_app
from newsgraph.cli import app as cli
from newsgraph.settings import Settings
from newsgraph.store.db import open_store
from newsgraph.store.writer import store_analyses
from tests.support.store import make_analysis
from tests.support.watches import AKHUNDZADA, first, matched, strike, talks

TOKEN = "w4tch-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _client(
    settings: Settings, engine: Engine, token: str | None = TOKEN, cache: int = 0, private: bool = True
) -> TestClient:
    """A client of the app; `private` lets webhooks point at this machine (the tests' 127.0.0.1)."""
    changes = {"api_token": token, "api_rate": 0, "api_cache_mb": cache, "watch_private_targets": private}
    return TestClient(create_app(settings.model_copy(update=changes), engine=engine))


def _store(tmp_path: Path) -> Engine:
    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    store_analyses(engine, [first()])
    return engine


def test_watches_api_create_list_show_delete_need_the_token(tmp_path: Path, settings: Settings) -> None:
    engine = _store(tmp_path)
    body = {
        "query": {"kind": "quote", "speaker": AKHUNDZADA, "words": "settlement"},
        "webhook": "http://127.0.0.1:9/in",
    }
    with _client(settings, engine, token=None) as read_only:
        assert read_only.post("/api/watches", json=body).status_code == 403
    with _client(settings, engine, cache=16) as client:
        assert client.post("/api/watches", json=body).status_code == 401
        assert client.get("/api/watches").status_code == 401
        assert client.get("/api/watches", headers={"Authorization": "Bearer nope"}).status_code == 401
        made = client.post("/api/watches", json=body, headers=AUTH)
        assert made.status_code == 201, made.text
        watch, secret = made.json()["watch"], made.json()["secret"]
        assert len(secret) == 64 and "secret" not in watch
        assert watch["description"] == "quotes by Haibatullah Akhundzada matching settlement"
        assert watch["webhook"] == {
            "url": "http://127.0.0.1:9/in",
            "failures": 0,
            "paused": None,
            "last_error": None,
            "pending": 0,
        }
        listed = client.get("/api/watches", headers=AUTH)
        assert listed.headers["cache-control"] == "no-store"
        assert [w["id"] for w in listed.json()["items"]] == [watch["id"]]
        assert client.get("/api/watches").status_code == 401  # a kept answer is never served without it
        assert client.get(f"/api/watches/{watch['id']}", headers=AUTH).json()["watch"]["matches"] == 0

        store_analyses(engine, [talks()])
        key = watch["feed"].removeprefix("/feeds/").removesuffix(".atom")
        twin = client.get(f"/api/feeds/{key}").json()
        assert twin["watch"]["name"] == watch["name"] and "webhook" not in twin["watch"]
        assert [i["fact"] for i in twin["items"]] == ["quote"]
        assert client.get("/api/feeds/not-a-real-key").status_code == 404

        resumed = client.post(f"/api/watches/{watch['id']}/resume", headers=AUTH).json()["watch"]
        assert resumed["webhook"]["pending"] == 1
        assert client.delete(f"/api/watches/{watch['id']}", headers=AUTH).json() == {"ok": True, "deleted": 1}
        assert client.get(f"/api/watches/{watch['id']}", headers=AUTH).status_code == 404
        assert client.get(f"/api/feeds/{key}").status_code == 404
    engine.dispose()


def test_watches_api_validates_queries(tmp_path: Path, settings: Settings) -> None:
    engine = _store(tmp_path)
    with _client(settings, engine) as client:

        def post(body: dict[str, object]) -> int:
            return client.post("/api/watches", json=body, headers=AUTH).status_code

        assert post({"query": {"kind": "number"}}) == 422  # words, a unit or a claimant
        assert post({"query": {"kind": "event"}}) == 422
        assert post({"query": {"kind": "event", "type": "PARTY"}}) == 422
        assert post({"query": {"kind": "search", "query": "x"}, "webhook": "ftp://example.org/in"}) == 422
        assert post({"query": {"kind": "entities", "entities": []}}) == 422
        assert post({"query": {"kind": "quote", "speaker": 999}}) == 404
        assert post({"query": {"kind": "story", "story": 5}}) == 404
        assert post({"query": {"kind": "story", "story": 0}}) == 422
        assert post({"query": {"kind": "search", "query": "negotia*"}}) == 400  # no whole word to index
        assert post({"query": {"kind": "search", "query": "-only -exclusions"}}) == 400
        assert post({"query": {"kind": "event", "country": "QA", "type": "CONSULT"}}) == 201
    engine.dispose()


def test_watches_web_forms_make_list_and_delete_watches(tmp_path: Path, settings: Settings) -> None:
    engine = _store(tmp_path)
    with _client(settings, engine, token=None) as read_only:
        assert "watch-form" not in read_only.get(f"/entities/{AKHUNDZADA}").text
        assert (
            read_only.post("/watches", data={"kind": "quote", "entity": "1", "token": "x"}).status_code == 403
        )
    with _client(settings, engine) as client:
        page = client.get(f"/entities/{AKHUNDZADA}").text
        assert 'id="watch-form"' in page and "quotes by Haibatullah Akhundzada" in page
        assert "<title>Haibatullah Akhundzada · newsgraph</title>" in page
        search = client.get("/search", params={"q": "settlement", "kind": "quotes"}).text
        assert 'name="query" value="settlement"' in search and 'name="scope" value="quotes"' in search

        form = {"kind": "quote", "entity": str(AKHUNDZADA), "words": "settlement", "token": TOKEN}
        cross = client.post("/watches", data=form, headers={"Sec-Fetch-Site": "cross-site"})
        assert cross.status_code == 403
        assert client.post("/watches", data={**form, "token": "wrong"}).status_code == 401
        bad = client.post("/watches", data={**form, "webhook": "javascript:alert(1)"})
        assert bad.status_code == 400 and "webhook" in bad.text
        made = client.post("/watches", data=form, follow_redirects=False)
        assert made.status_code == 303 and made.headers["location"].startswith("/feeds/")
        made = client.post(
            "/watches", data={"kind": "search", "query": "prisoner", "scope": "articles", "token": TOKEN}
        )
        assert made.status_code == 200 and "articles matching prisoner" in made.text

        assert "Show the watches" in client.get("/watches").text
        listed = client.post("/watches/list", data={"token": TOKEN}).text
        assert (
            "quotes by Haibatullah Akhundzada matching settlement" in listed
            and "articles matching prisoner" in listed
        )
        assert client.post("/watches/list", data={"token": "wrong"}).status_code == 401
        deleted = client.post("/watches/1/delete", data={"token": TOKEN}, follow_redirects=False)
        assert deleted.status_code == 303
        listed = client.post("/watches/list", data={"token": TOKEN}).text
        assert "matching settlement" not in listed and "articles matching prisoner" in listed
    engine.dispose()


def test_watches_feed_escapes_hostile_text(tmp_path: Path, settings: Settings) -> None:
    engine = _store(tmp_path)
    hostile = '<script>alert("x")</script> Doha \x01talks & "more"'
    with _client(settings, engine) as client:
        made = client.post(
            "/api/watches",
            json={"query": {"kind": "search", "query": "Doha talks"}, "name": hostile},
            headers=AUTH,
        )
        feed_path = made.json()["watch"]["feed"]
        text_ = f"Negotiators met in Doha for talks on Monday. {hostile} They met again."
        store_analyses(engine, [make_analysis(text_, id="hostile", title=hostile, source="<b>Wire</b>")])
        atom = client.get(feed_path)
        page = client.get(feed_path.removesuffix(".atom"))
    assert b"<script>" not in atom.content and b"\x01" not in atom.content
    feed = feedparser.parse(atom.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == 'newsgraph watch: <script>alert("x")</script> Doha talks & "more"'
    assert feed.entries[0].title.startswith("<script>")
    assert "<script>" not in page.text and "&lt;script&gt;" in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'none'")
    assert '<?xml-stylesheet type="text/css" href="/static/feed-1.0.0.css"?>' in atom.text
    engine.dispose()


def test_watches_cli_add_list_digest_delete(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    store_analyses(open_store(url), [first()])
    runner = CliRunner()
    made = runner.invoke(
        cli, ["watch", "add", "quote", "--speaker", "Akhundzada", "--words", "settlement", "--db", url]
    )
    assert made.exit_code == 0, made.output
    assert "speaker: Haibatullah Akhundzada (entity 1)" in made.output and "watch 1 stored" in made.output
    made = runner.invoke(
        cli, ["watch", "add", "event", "--type", "consult", "--source", "Taliban", "--db", url]
    )
    assert made.exit_code == 0, made.output
    hooked = [
        "watch",
        "add",
        "number",
        "--unit",
        "prisoners",
        "--webhook",
        "http://127.0.0.1:9/in",
        "--db",
        url,
    ]
    refused = runner.invoke(cli, hooked)
    assert refused.exit_code == 1 and "127.0.0.1, a loopback address" in str(refused.exception)
    made = runner.invoke(cli, hooked, env={"NEWSGRAPH_WATCH_PRIVATE_TARGETS": "1"})
    assert "webhook secret" in made.output
    missing = runner.invoke(cli, ["watch", "add", "quote", "--speaker", "Nobody Atall", "--db", url])
    assert missing.exit_code != 0
    store_analyses(open_store(url), [talks()])

    listed = runner.invoke(cli, ["watch", "list", "--json", "--db", url])
    watches = [orjson.loads(line) for line in listed.stdout.splitlines()]
    assert [(w["kind"], w["matches"]) for w in watches] == [("quote", 1), ("event", 1), ("number", 1)]
    digest = runner.invoke(cli, ["watch", "digest", "--since", "1h", "--format", "json", "--db", url])
    found = orjson.loads(digest.stdout)
    assert found["count"] == 3 and [w["watch"]["kind"] for w in found["watches"]] == [
        "quote",
        "event",
        "number",
    ]
    markdown = runner.invoke(
        cli, ["watch", "digest", "--since", "1h", "--db", url, "--base", "http://news.local"]
    )
    assert "## quotes by Haibatullah Akhundzada matching settlement (1)" in markdown.stdout
    assert "(http://news.local/articles/2)" in markdown.stdout
    assert runner.invoke(cli, ["watch", "digest", "--since", "tomorrow", "--db", url]).exit_code != 0
    feed = runner.invoke(cli, ["watch", "feed", "1", "--db", url])
    assert not feedparser.parse(feed.stdout_bytes).bozo
    assert runner.invoke(cli, ["watch", "delete", "2", "--db", url]).exit_code == 0
    listed = runner.invoke(cli, ["watch", "list", "--json", "--db", url])
    assert len(listed.stdout.splitlines()) == 2


def test_watches_story_page_form_and_cli_make_story_watches(tmp_path: Path, settings: Settings) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    engine = open_store(url)
    store_analyses(engine, [strike(1), strike(2)])  # story 1
    with _client(settings, engine, token=None) as read_only:
        assert "watch-form" not in read_only.get("/stories/1").text
    with _client(settings, engine) as client:
        page = client.get("/stories/1").text
        assert 'id="watch-form"' in page and '<input type="hidden" name="story" value="1">' in page
        form = {"kind": "story", "story": "1", "token": TOKEN}
        made = client.post("/watches", data=form)
        assert made.status_code == 200
        assert "new articles in story 1 (Rotterdam dockworkers walk out)" in made.text
        assert client.post("/watches", data={**form, "story": "9"}).status_code == 404
    runner = CliRunner()
    added = runner.invoke(cli, ["watch", "add", "story", "1", "--db", url])
    assert added.exit_code == 0 and "watch 2 stored: new articles in story 1" in added.output
    assert runner.invoke(cli, ["watch", "add", "story", "--db", url]).exit_code != 0
    store_analyses(engine, [strike(3)])
    assert matched(engine, 1) == matched(engine, 2) == [("strike-3", "article", "")]
    engine.dispose()
