"""Property tests of the API from its own OpenAPI document (schemathesis): no input gives a 500.

Every operation is called with generated parameters — valid, boundary and hostile values
(SQL fragments, path separators, odd Unicode) — against a store holding real analyses, and must
answer with a success or a clean client error in the one error shape, never a server error.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from sqlalchemy import Engine

from newsgraph.app import create_app
from newsgraph.settings import Settings

MAX_EXAMPLES = 25


@pytest.fixture(scope="module")
def app(settings: Settings, engine: Engine) -> FastAPI:
    return create_app(settings.model_copy(update={"api_rate": 0}), engine=engine)


def test_api_schema_no_server_errors(app: FastAPI) -> None:
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case: schemathesis.Case) -> None:
            response = case.call()
            where = f"{case.method} {case.formatted_path} {case.query}"
            assert response.status_code < 500, f"{where}: {response.text[:300]}"
            if response.status_code >= 400:
                body = response.json()
                assert body["ok"] is False, where
                assert body["status"] == response.status_code, where

        check()


@pytest.mark.parametrize(
    "path",
    [
        "/api/articles?source=%27%20OR%201%3D1%20--",
        "/api/quotes?q=%22%29%20OR%201%3D1%3B%20DROP%20TABLE%20quotes%3B%20--",
        "/api/quotes?speaker=%27%3B%20DELETE%20FROM%20entities%3B%20--",
        "/api/search?q=settlement%27%29%20UNION%20SELECT%20*%20FROM%20articles--",
        "/api/entities?q=%25%27%20OR%20%271%27%3D%271",
        "/api/events?place=..%2F..%2Fetc%2Fpasswd",
        "/static/..%2F..%2F..%2Fetc%2Fpasswd",
        "/static/../../pyproject.toml",
        "/api/articles/1%20OR%201=1",
        "/api/search?q=NEAR(a%20b)%20*%20%5E%20%22",
    ],
)
def test_api_injection_and_traversal_attempts_are_harmless(app: FastAPI, path: str) -> None:
    from fastapi.testclient import TestClient

    with TestClient(app) as client:
        before = client.get("/api/stats").json()
        response = client.get(path)
        assert response.status_code < 500, response.text
        assert "root:" not in response.text
        assert "[project]" not in response.text
        assert client.get("/api/stats").json() == before
