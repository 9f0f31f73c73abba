"""Property tests of the API from its own OpenAPI document (schemathesis): no input gives a 500,
and every answer is what the document says.

Every operation is called with generated parameters — valid, boundary and hostile values
(SQL fragments, path separators, odd Unicode) — against a store holding real analyses, and must
answer with a success or a clean client error, never a server error; each answer's status, media
type, headers and body must conform to the document (the body to the operation's response
model, errors to `ErrorResponse`).
"""

from __future__ import annotations

import dataclasses
import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, get_args, get_type_hints

import orjson
import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis import settings as settings_
from schemathesis import checks
from sqlalchemy import Engine, text

from newsgraph.app import create_app
from newsgraph.settings import Settings
from newsgraph.store.db import open_store
from newsgraph.store.stories.claims import ClaimRow
from newsgraph.store.writer import Writer, store_analyses
from tests.support.store import story_articles
from tests.support.watches import AKHUNDZADA, first, talks

MAX_EXAMPLES = 25
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
]


TOKEN = "openapi-write-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
WATCH_SETTINGS = {"api_rate": 0, "api_token": TOKEN, "watch_private_targets": True, "watch_deliver": False}
"""The app of these tests: writes on (the token), webhooks may name any host (no DNS look-up of a
generated one), and no delivery thread."""


@pytest.fixture(scope="module")
def app(settings: Settings, engine: Engine) -> FastAPI:
    return create_app(settings.model_copy(update=WATCH_SETTINGS), engine=engine)


def _generated_calls(operation: Any, headers: dict[str, str]) -> set[int]:
    """Call one operation with generated parameters (and these headers); every answer must be
    what the document says, an error in the one shape. Returns the statuses seen."""
    seen: set[int] = set()

    @given(case=operation.as_strategy())
    @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
    def check(case: schemathesis.Case) -> None:
        case.headers = {**(case.headers or {}), **headers}
        response = case.call_and_validate(checks=CHECKS)
        seen.add(response.status_code)
        where = f"{case.method} {case.formatted_path} {case.query}"
        assert response.status_code < 500, f"{where}: {response.text[:300]}"
        if response.status_code >= 400:
            body = response.json()
            assert body["ok"] is False, where
            assert body["status"] == response.status_code, where

    check()
    return seen


def test_api_answers_conform_to_the_schema(app: FastAPI) -> None:
    """Every operation; the watches routes with the token (they need it even to read), the other
    writes without it (generated articles and corrections would change the module's store)."""
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    statuses: dict[str, set[int]] = {}
    for operation in operations:
        headers = AUTH if operation.path.startswith("/api/watches") else {}
        statuses[f"{operation.method.upper()} {operation.path}"] = _generated_calls(operation, headers)
    assert 200 in statuses["GET /api/watches"]  # the token went with the generated calls
    assert not {401, 403} & set().union(*(v for k, v in statuses.items() if "/api/watches" in k))


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


def test_api_operation_ids_are_unique_function_names(app: FastAPI) -> None:
    schema = app.openapi()
    ids = [op["operationId"] for path in schema["paths"].values() for op in path.values()]
    assert len(ids) == len(set(ids))
    assert {"list_articles", "get_article", "quotes", "events", "search", "stats"} <= set(ids)


@pytest.fixture(scope="module")
def generated_client(app: FastAPI, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The package openapi-python-client generates from the API's OpenAPI document (offline)."""
    folder = tmp_path_factory.mktemp("client")
    (folder / "openapi.json").write_bytes(orjson.dumps(app.openapi()))
    (folder / "config.yml").write_text("package_name_override: newsgraph_test_client\npost_hooks: []\n")
    generator = Path(sys.executable).parent / "openapi-python-client"
    arguments = ["--path", "openapi.json", "--config", "config.yml", "--meta", "none"]
    subprocess.run(
        [str(generator), "generate", *arguments, "--output-path", "newsgraph_test_client"],
        cwd=folder,
        check=True,
        capture_output=True,
    )
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module("newsgraph_test_client")
    finally:
        sys.path.remove(str(folder))
        for name in [n for n in sys.modules if n.startswith("newsgraph_test_client")]:
            del sys.modules[name]


def test_generated_client_gets_real_types(app: FastAPI, generated_client: ModuleType) -> None:
    from fastapi.testclient import TestClient

    api = importlib.import_module("newsgraph_test_client.api.articles.list_articles")
    models = importlib.import_module("newsgraph_test_client.models")
    hints = get_type_hints(api.sync)
    assert hints["return"] == models.ArticlePage | models.ErrorResponse | None
    assert str not in get_args(hints["return"])
    with TestClient(app) as http:
        client = generated_client.Client(base_url="http://testserver").set_httpx_client(http)
        page = api.sync(client=client, limit=2)
        assert isinstance(page, models.ArticlePage)
        assert len(page.items) == 2 and isinstance(page.next_cursor, str)
        article = page.items[0]
        assert isinstance(article, models.ArticlePublic) and isinstance(article.id, int)

        detail = importlib.import_module("newsgraph_test_client.api.articles.get_article")
        record = detail.sync(client=client, article_id=article.id)
        assert isinstance(record, models.ArticleDetail)
        assert isinstance(record.analysis, models.Analysis)
        entity = record.analysis.entities[0]
        assert isinstance(entity, models.Entity) and isinstance(entity.type_, models.EntityType)

        quotes = importlib.import_module("newsgraph_test_client.api.facts.quotes").sync(client=client)
        assert isinstance(quotes, models.QuotePage) and quotes.items
        quote = quotes.items[0]
        assert isinstance(quote.kind, models.QuotePublicKind)
        assert isinstance(quote.snippet, models.SnippetPublic) and quote.snippet.text

        events = importlib.import_module("newsgraph_test_client.api.facts.events")
        error = events.sync(client=client, since="2021-13-45")
        assert isinstance(error, models.ErrorResponse)
        assert error.status == 422 and "since" in error.error and "no month 13" in error.error
        assert error.errors[0].loc == ["query", "since"]


def test_api_parameters_of_one_name_have_one_definition(app: FastAPI) -> None:
    """`since`, `cursor`, `limit`, … are the shared types of `api.params` wherever they appear."""
    seen: dict[str, dict[str, object]] = {}
    where: dict[str, str] = {}
    for path, operations in app.openapi()["paths"].items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                name = parameter["name"]
                if name not in ("since", "until", "cursor", "limit", "source", "country", "format"):
                    continue
                drop = ("title", "description", "default")
                schema = {k: v for k, v in parameter["schema"].items() if k not in drop}
                assert seen.setdefault(name, schema) == schema, f"{name} in {path} differs from {where[name]}"
                where.setdefault(name, path)
    assert set(seen) == {"since", "until", "cursor", "limit", "source", "country", "format"}
    assert seen["since"]["anyOf"][0]["pattern"] == r"^\d{4}(-\d{2}(-\d{2})?)?$"  # type: ignore[index]


def test_api_document_declares_every_answer_in_the_shape_sent(app: FastAPI) -> None:
    schema = app.openapi()
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                body = response["content"]["application/json"]["schema"]
                if status.startswith("2"):
                    assert "$ref" in body or "oneOf" in body, f"{method} {path} {status}: {body}"
                else:
                    assert body == {"$ref": "#/components/schemas/ErrorResponse"}, f"{method} {path} {status}"
            assert "422" in operation["responses"] or not operation.get("parameters"), f"{method} {path}"


def test_public_models_follow_the_store_fields() -> None:
    from dataclasses import fields

    from newsgraph.api.schemas import QuotePublic, public
    from newsgraph.store.search import QuoteHit

    assert list(QuotePublic.model_fields) == [f.name for f in fields(QuoteHit)]
    assert QuotePublic.model_json_schema()["properties"]["kind"]["enum"] == ["direct", "indirect", "mixed"]
    with pytest.raises(TypeError, match=r"QuoteHit has no field speaker$"):  # renamed speaker_name
        public(QuoteHit, "Broken", speaker=str)


def test_api_story_routes_conform_on_a_store_with_claims(settings: Settings, tmp_path: Path) -> None:
    """The story routes (list, page, claims as JSON and CSV, an article's related articles, an
    entity's stories) answer a real story, with a claim table, as their document says; then
    generated parameters against the same store."""
    store = open_store(f"sqlite:///{tmp_path / 'stories.db'}")
    try:
        Writer(store).write(story_articles())
        with store.connect() as conn:
            story_id, article_id = conn.execute(
                text("SELECT story_id, id FROM articles WHERE doc_id = 'police'")
            ).one()
            entity_id = conn.execute(text("SELECT id FROM entities WHERE name = 'Ibrahim Wario'")).scalar()
        app = create_app(settings.model_copy(update={"api_rate": 0}), engine=store)
        schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
        calls = [
            ("/api/stories", {}, {}),
            ("/api/stories", {}, {"format": "csv"}),
            ("/api/stories/{story_id}", {"story_id": story_id}, {}),
            ("/api/stories/{story_id}/claims", {"story_id": story_id}, {}),
            ("/api/stories/{story_id}/claims", {"story_id": story_id}, {"format": "csv"}),
            ("/api/articles/{article_id}/related", {"article_id": article_id}, {"limit": 3}),
            ("/api/entities/{entity_id}/stories", {"entity_id": entity_id}, {}),
        ]
        answers = {}
        for path, parameters, query in calls:
            case = schema[path]["GET"].Case(path_parameters=parameters, query=query)
            response = case.call_and_validate(checks=CHECKS)
            assert response.status_code == 200, f"{path} {query}: {response.text[:300]}"
            answers[path, query.get("format", "json")] = response
        for path in {path for path, _, _ in calls}:
            operation = schema[path]["GET"]

            @given(case=operation.as_strategy())
            @settings_(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
            def check(case: schemathesis.Case) -> None:
                assert case.call_and_validate(checks=CHECKS).status_code < 500

            check()
    finally:
        store.dispose()
    story = answers["/api/stories/{story_id}", "json"].json()
    (table,) = story["claims"]
    assert (table["counted"], table["predicate"], table["disagree"]) == ("people", "killed", True)
    assert {f["claimant_name"] for f in table["figures"]} == {"Ibrahim Wario", "Marsabit Liberation Front"}
    header = answers["/api/stories/{story_id}/claims", "csv"].text.splitlines()[0]
    assert header.split(",") == [f.name for f in dataclasses.fields(ClaimRow)]
    related = answers["/api/articles/{article_id}/related", "json"].json()["related"]
    assert related[0]["same_story"] and related[0]["article"]["doc_id"] == "rebels"


def test_api_watch_routes_conform_on_a_store_with_matches(settings: Settings, tmp_path: Path) -> None:
    """Every watches route, called with the token, answers a real watch as its document says:
    made with a webhook (its secret) and without (null), listed, shown with its match, its feed's
    entries, resumed and deleted; a call without the token is a 401 in the error shape. Then
    generated parameters and bodies, with the token, against the same store."""
    store = open_store(f"sqlite:///{tmp_path / 'watches.db'}")
    try:
        store_analyses(store, [first()])
        app = create_app(settings.model_copy(update=WATCH_SETTINGS), engine=store)
        schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)

        def call(method: str, path: str, status: int, headers: dict[str, str] = AUTH, **case: Any) -> Any:
            made = schema[path][method].Case(headers=dict(headers), **case)
            response = made.call_and_validate(checks=CHECKS)
            assert response.status_code == status, f"{method} {path}: {response.text[:300]}"
            return response.json()

        quote = {"kind": "quote", "speaker": AKHUNDZADA, "words": "settlement"}
        hooked = call("POST", "/api/watches", 201, body={"query": quote, "webhook": "http://127.0.0.1:9/in"})
        search = {"kind": "search", "query": "prisoner exchange"}
        plain = call("POST", "/api/watches", 201, body={"query": search})
        assert len(hooked["secret"]) == 64 and plain["secret"] is None
        assert call("POST", "/api/watches", 401, headers={}, body={"query": quote})["status"] == 401
        store_analyses(store, [talks()])
        listed = call("GET", "/api/watches", 200)
        assert [w["matches"] for w in listed["items"]] == [1, 1]
        path = {"watch_id": hooked["watch"]["id"]}
        shown = call("GET", "/api/watches/{watch_id}", 200, path_parameters=path)
        assert shown["watch"]["webhook"]["pending"] == 1
        key = hooked["watch"]["feed"].removeprefix("/feeds/").removesuffix(".atom")
        feed = call("GET", "/api/feeds/{feed_key}", 200, headers={}, path_parameters={"feed_key": key})
        items = [(i["fact"], i["detail"]["speaker_name"]) for i in feed["items"]]
        assert items == [("quote", "Haibatullah Akhundzada")]
        resumed = call("POST", "/api/watches/{watch_id}/resume", 200, path_parameters=path)
        assert resumed["watch"]["id"] == path["watch_id"]
        deleted = call("DELETE", "/api/watches/{watch_id}", 200, path_parameters=path)
        assert deleted == {"ok": True, "deleted": path["watch_id"]}
        assert call("GET", "/api/watches/{watch_id}", 404, path_parameters=path)["ok"] is False
        for operation in [result.ok() for result in schema.get_all_operations()]:
            if operation.path.startswith(("/api/watches", "/api/feeds")):
                assert max(_generated_calls(operation, AUTH)) < 500
    finally:
        store.dispose()


def test_generated_client_makes_and_reads_a_watch(app: FastAPI, generated_client: ModuleType) -> None:
    """The document declares the bearer scheme of the token routes; the watches operations of the
    generated client answer its typed models (a 401 without the token)."""
    from fastapi.testclient import TestClient

    models = importlib.import_module("newsgraph_test_client.models")
    create = importlib.import_module("newsgraph_test_client.api.watches.create_watch_route")
    listing = importlib.import_module("newsgraph_test_client.api.watches.list_watches_route")
    feed = importlib.import_module("newsgraph_test_client.api.watches.watch_feed")
    assert app.openapi()["components"]["securitySchemes"]["token"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "The write token, NEWSGRAPH_API_TOKEN: `Authorization: Bearer <token>`.",
    }
    body = models.WatchIn.from_dict({"query": {"kind": "search", "query": "council"}, "name": "council"})
    # a client given its httpx client sends that client's headers (the token goes there too)
    with TestClient(app) as http, TestClient(app, headers=AUTH) as http_with_token:
        anonymous = generated_client.Client(base_url="http://testserver").set_httpx_client(http)
        refused = create.sync(client=anonymous, body=body)
        assert isinstance(refused, models.ErrorResponse) and refused.status == 401
        client = generated_client.AuthenticatedClient(base_url="http://testserver", token=TOKEN)
        client.set_httpx_client(http_with_token)
        made = create.sync(client=client, body=body)
        assert isinstance(made, models.WatchCreated), made
        assert isinstance(made.watch, models.WatchPublic) and made.watch.name == "council"
        assert isinstance(made.watch.query, models.SearchWatch)
        watches = listing.sync(client=client)
        assert isinstance(watches, models.WatchList) and made.watch.id in [w.id for w in watches.items]
        key = made.watch.feed.removeprefix("/feeds/").removesuffix(".atom")
        entries = feed.sync(client=anonymous, feed_key=key)
        assert isinstance(entries, models.FeedAnswer) and entries.watch.id == made.watch.id
