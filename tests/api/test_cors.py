"""CORS: `serve --cors ORIGIN` (NEWSGRAPH_CORS_ORIGINS) lets pages of that origin call the API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from typer.testing import CliRunner

from newsgraph.app import create_app
from newsgraph.cli import app as cli_app
from newsgraph.settings import Settings
from newsgraph.store.db import open_store
from newsgraph.store.writer import store_analyses
from tests.support.store import doha_analyses

NEWSROOM = "https://newsroom.example.org"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = open_store(f"sqlite:///{tmp_path_factory.mktemp('cors') / 'store.db'}")
    store_analyses(engine, doha_analyses())
    yield engine
    engine.dispose()


def _client(engine: Engine, settings: Settings) -> TestClient:
    return TestClient(create_app(settings, engine=engine))


def test_api_cors_allows_the_configured_origin_only(engine: Engine, settings: Settings) -> None:
    with _client(engine, settings.model_copy(update={"cors_origins": (NEWSROOM,)})) as client:
        for _ in range(2):  # built, then from the response cache: both carry the header
            answer = client.get("/api/quotes", headers={"Origin": NEWSROOM})
            assert answer.status_code == 200
            assert answer.headers["access-control-allow-origin"] == NEWSROOM
        other = client.get("/api/quotes", headers={"Origin": "https://elsewhere.example.com"})
        assert other.status_code == 200 and "access-control-allow-origin" not in other.headers
        preflight = client.options(
            "/api/search?q=settlement",
            headers={"Origin": NEWSROOM, "Access-Control-Request-Method": "GET"},
        )
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == NEWSROOM
        assert "GET" in preflight.headers["access-control-allow-methods"]
        missing = client.get("/api/articles/999", headers={"Origin": NEWSROOM})
        assert missing.status_code == 404 and missing.headers["access-control-allow-origin"] == NEWSROOM


def test_api_cors_is_off_by_default(engine: Engine, settings: Settings) -> None:
    assert settings.cors_origins == ()
    with _client(engine, settings) as client:
        answer = client.get("/api/quotes", headers={"Origin": NEWSROOM})
    assert answer.status_code == 200 and "access-control-allow-origin" not in answer.headers


def test_api_cors_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_CORS_ORIGINS", f'["{NEWSROOM}", "http://localhost:3000"]')
    assert Settings().cors_origins == (NEWSROOM, "http://localhost:3000")


def test_cli_serve_cors_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    served: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.update(app=app, **kw))
    url = f"sqlite:///{tmp_path / 'store.db'}"
    result = CliRunner().invoke(cli_app, ["serve", "--db", url, "--cors", NEWSROOM, "--cors", "*"])
    assert result.exit_code == 0, result.output
    app = served["app"]
    assert app.state.settings.cors_origins == (NEWSROOM, "*")
    app.state.engine.dispose()
    with TestClient(app) as client:
        answer = client.get("/api/stats", headers={"Origin": "https://anyone.example.net"})
    assert answer.headers["access-control-allow-origin"] == "*"
