"""The shared request parameters (`api.params`): each validated once, the same way everywhere."""

from __future__ import annotations

from typing import Annotated

import pytest
from fastapi import FastAPI, Query
from fastapi.testclient import TestClient

from newsgraph.api.errors import install_error_handlers
from newsgraph.api.params import Country, Cursor, Day, EntityTypeParam, Limit, Name, PloverParam


@pytest.fixture(scope="module")
def client() -> TestClient:
    app = FastAPI()
    install_error_handlers(app)

    @app.get("/echo")
    def echo(
        since: Day = None,
        cursor: Cursor = None,
        limit: Limit = 20,
        who: Annotated[Name, Query(description="someone")] = None,
        type: EntityTypeParam = None,
        event: PloverParam = None,
        country: Country = None,
    ) -> dict[str, object]:
        return {"since": since, "cursor": cursor, "limit": limit, "who": who, "type": type}

    return TestClient(app)


@pytest.mark.parametrize(
    ("since", "reason"),
    [
        ("2021-13-45", "there is no month 13"),
        ("2021-00", "there is no month 0"),
        ("2023-02-29", "2023-02 has no day 29"),
        ("2021-04-31", "2021-04 has no day 31"),
        ("0000", "there is no year 0"),
        ("21", "use YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2021-1-5", "use YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2021-07-18T10:00", "use YYYY, YYYY-MM or YYYY-MM-DD"),
        ("yesterday", "use YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_day_rejects_what_is_not_a_calendar_day(client: TestClient, since: str, reason: str) -> None:
    response = client.get("/echo", params={"since": since})
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == f"invalid request: since: '{since}' is not a date: {reason}"
    assert body["errors"] == [
        {"loc": ["query", "since"], "msg": f"'{since}' is not a date: {reason}", "type": "day"}
    ]


@pytest.mark.parametrize("since", ["2021", "2021-07", "2021-07-18", "2024-02-29", "1999-12-31"])
def test_day_accepts_a_year_a_month_or_a_day(client: TestClient, since: str) -> None:
    assert client.get("/echo", params={"since": since}).json()["since"] == since


def test_blank_values_are_absent_and_names_are_stripped(client: TestClient) -> None:
    body = client.get("/echo", params={"since": "", "cursor": " ", "who": "  Jane Roe ", "type": ""}).json()
    assert body == {"since": None, "cursor": None, "limit": 20, "who": "Jane Roe", "type": None}


def test_codes_are_accepted_in_any_case_and_checked(client: TestClient) -> None:
    assert client.get("/echo", params={"type": "person"}).json()["type"] == "PERSON"
    assert client.get("/echo", params={"event": "consult", "country": "af"}).status_code == 200
    for name, value in (("type", "WEEKDAY"), ("event", "ATTACK"), ("country", "AFG"), ("limit", "0")):
        response = client.get("/echo", params={name: value})
        assert response.status_code == 422, name
        assert response.json()["errors"][0]["loc"] == ["query", name]
        assert response.json()["error"].startswith(f"invalid request: {name}: ")


def test_cursor_and_names_have_bounds(client: TestClient) -> None:
    assert client.get("/echo", params={"cursor": "WyIyMDI0LTA2LTAxIiwgNF0"}).status_code == 200
    assert client.get("/echo", params={"cursor": "a'; DROP TABLE x"}).status_code == 422
    assert client.get("/echo", params={"cursor": "a" * 401}).status_code == 422
    assert client.get("/echo", params={"who": "x" * 301}).status_code == 422
