"""The JSON API and the web pages, on a store holding the sample articles and a hostile one."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from newsgraph.app import create_app
from newsgraph.settings import Settings


def _client(settings: Settings, engine: Engine, **changes: object) -> TestClient:
    return TestClient(create_app(settings.model_copy(update=changes), engine=engine))


@pytest.fixture(scope="module")
def client(settings: Settings, engine: Engine) -> Iterator[TestClient]:
    with _client(settings, engine) as c:
        yield c


def test_api_errors_have_one_shape(client: TestClient) -> None:
    for path, status in (
        ("/api/articles/999999", 404),
        ("/api/articles?limit=0", 422),
        ("/api/articles?cursor=not-a-cursor", 400),
        ("/api/nothing-here", 404),
        ("/api/events?type=ATTACK", 422),
        ("/api/entities?type=WEEKDAY", 422),
    ):
        response = client.get(path)
        assert response.status_code == status, path
        body = response.json()
        assert set(body) == {"ok", "status", "error", "errors"}, path
        assert body["ok"] is False
        assert body["status"] == status
        assert body["error"]


def test_api_articles_keyset_pages_cover_everything_once(client: TestClient) -> None:
    seen: list[int] = []
    cursor = None
    for _ in range(10):
        params = {"limit": 1} | ({"cursor": cursor} if cursor else {})
        page = client.get("/api/articles", params=params).json()
        seen += [a["id"] for a in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == 4
    assert len(set(seen)) == 4


def test_api_article_returns_full_analysis(client: TestClient) -> None:
    items = client.get("/api/articles").json()["items"]
    harbor = next(a for a in items if a["doc_id"] == "harbor-strike")
    data = client.get(f"/api/articles/{harbor['id']}").json()
    assert data["analysis"]["schema"] == "newsgraph.analysis/1"
    assert data["analysis"]["text"].startswith("ROTTERDAM")
    assert data["urls"] == ["https://example.org/news/harbor-strike"]


def test_api_quote_search_and_speaker_page_agree(client: TestClient) -> None:
    hits = client.get("/api/quotes", params={"q": "negotiated"}).json()["items"]
    assert hits, "the union leader's quote is found"
    hit = hits[0]
    assert "eleven months" in hit["text"]
    assert any(match for _, match in hit["snippet"]["parts"])
    assert hit["speaker_id"] is not None
    entity = client.get(f"/api/entities/{hit['speaker_id']}").json()
    assert "Vries" in entity["entity"]["name"]
    assert hit["id"] in [q["id"] for q in entity["quotes"]["items"]]


def test_api_entity_type_filter_accepts_every_contract_type(client: TestClient) -> None:
    for type_ in ("PERSON", "DISEASE", "INDEX"):
        response = client.get("/api/entities", params={"type": type_})
        assert response.status_code == 200, type_
        assert all(item["type"] == type_ for item in response.json()["items"])


def test_api_csv_export(client: TestClient) -> None:
    response = client.get("/api/quotes", params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    header = response.text.splitlines()[0].split(",")
    assert {"id", "text", "speaker_name", "published"} <= set(header)


def test_api_search_and_stats(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 4
    hits = client.get("/api/search", params={"q": "bus fares"}).json()
    assert hits["kind"] == "articles"
    assert [h["title"] for h in hits["items"]] == ["Springfield council freezes bus fares"]
    too_long = client.get("/api/search", params={"q": "x" * 3000})
    assert too_long.status_code == 422


def test_api_write_needs_the_token(settings: Settings, engine: Engine) -> None:
    body = {
        "text": "The mayor of Bristol, Ann Lee, said on Friday that the ferry would run again.",
        "id": "w1",
    }
    with _client(settings, engine) as read_only:
        assert read_only.post("/api/articles", json=body).status_code == 403
    with _client(settings, engine, api_token="s3cret-token") as writable:
        assert writable.post("/api/articles", json=body).status_code == 401
        wrong = {"Authorization": "Bearer s3cret-tokeX"}
        assert writable.post("/api/articles", json=body, headers=wrong).status_code == 401
        good = {"Authorization": "Bearer s3cret-token"}
        created = writable.post("/api/articles", json=body, headers=good)
        assert created.status_code == 201, created.text
        assert created.json()["status"] == "stored"
        again = writable.post("/api/articles", json=body, headers=good)
        assert again.json()["status"] == "duplicate"
        assert writable.post("/api/articles", json={"text": ""}, headers=good).status_code == 422


def test_api_body_and_rate_limits(settings: Settings, engine: Engine) -> None:
    with _client(settings, engine, api_token="t0ken-value", api_max_body=2048) as c:
        big = {"text": "word " * 2000}
        response = c.post("/api/articles", json=big, headers={"Authorization": "Bearer t0ken-value"})
        assert response.status_code == 413
        assert response.json()["ok"] is False
    with _client(settings, engine, api_rate=0.5, api_burst=3) as c:
        codes = [c.get("/api/stats").status_code for _ in range(5)]
        assert codes[:3] == [200, 200, 200]
        assert codes[-1] == 429


def test_api_security_headers(client: TestClient) -> None:
    response = client.get("/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "default-src 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def test_web_hostile_article_renders_inert(client: TestClient) -> None:
    items = client.get("/api/articles").json()["items"]
    hostile = next(a for a in items if a["doc_id"] == "hostile")
    page = client.get(f"/articles/{hostile['id']}", headers={"accept": "text/html"}).text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in page
    assert "<img src=x" not in page
    assert "onerror=alert(2)" not in page.replace("&lt;img src=x onerror=alert(2)&gt;", "")
    assert "<a href=javascript" not in page
    assert "<b>Council</b>" not in page
    assert "&lt;b&gt;Council&lt;/b&gt; row" in page
    for path in ("/", "/articles", "/quotes", "/search?q=budget&kind=quotes"):
        html = client.get(path).text
        assert "<script>alert" not in html
        assert "<img src=x" not in html


def test_web_pages_render_with_json_twins(client: TestClient) -> None:
    for path in ("/", "/articles", "/entities", "/quotes", "/events", "/stories", "/search?q=strike"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert 'rel="alternate" type="application/json"' in response.text, path
    missing = client.get("/articles/999999", headers={"accept": "text/html"})
    assert missing.status_code == 404
    assert "no article 999999" in missing.text


def test_web_article_page_marks_quotes_with_their_speaker(client: TestClient) -> None:
    hit = client.get("/api/quotes", params={"q": "negotiated"}).json()["items"][0]
    page = client.get(f"/articles/{hit['article_id']}").text
    assert f'href="/entities/{hit["speaker_id"]}"' in page
    assert 'class="q q-direct"' in page
    assert 'data-speaker="Marieke de Vries' in page
    for layer in ("show-ent", "show-q", "show-num", "show-time", "show-trig"):
        assert f'id="{layer}"' in page
    entity_page = client.get(f"/entities/{hit['speaker_id']}").text
    assert "eleven months" in entity_page
    assert "<svg" in entity_page


def test_web_events_page_has_chart_and_map(client: TestClient) -> None:
    page = client.get("/events").text
    assert 'class="chart"' in page
    assert 'class="map"' in page


@pytest.mark.parametrize(
    "path", ["/api/articles", "/api/quotes", "/api/events", "/api/quantities", "/api/search"]
)
def test_api_invalid_day_is_a_422_naming_it(client: TestClient, path: str) -> None:
    response = client.get(path, params={"since": "2021-13-45", "q": "council"})
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid request: since: '2021-13-45' is not a date: there is no month 13"
    assert body["errors"][0]["loc"] == ["query", "since"]


def test_api_day_filters_apply(client: TestClient) -> None:
    everything = client.get("/api/articles", params={"limit": 99}).json()["items"]
    dated = [a for a in everything if a["published"]]
    assert len(dated) >= 2
    latest = max(a["published"][:10] for a in dated)
    recent = client.get("/api/articles", params={"since": latest}).json()["items"]
    assert recent and len(recent) < len(everything)
    assert all(a["published"][:10] >= latest for a in recent)
    blank = client.get("/api/articles", params={"limit": 99, "since": "", "source": " "}).json()["items"]
    assert blank == everything  # a blank form field is no filter


def test_web_pages_show_the_invalid_parameter(client: TestClient) -> None:
    html = {"accept": "text/html"}
    for path in ("/articles", "/quotes", "/events", "/numbers", "/search"):
        page = client.get(path, params={"until": "2021-02-30", "q": "council"}, headers=html)
        assert page.status_code == 422, path
        assert page.headers["content-type"].startswith("text/html")
        assert (
            "invalid request: until: &#39;2021-02-30&#39; is not a date: 2021-02 has no day 30" in page.text
        )
    assert client.get("/entities", params={"type": "person"}, headers=html).status_code == 200


def test_api_docs_page_is_self_hosted(client: TestClient) -> None:
    home = client.get("/").text
    assert '<a href="/docs">API reference</a>' in home
    docs = client.get("/docs")
    assert docs.status_code == 200
    scripts = re.findall(r'<(?:script src|link rel="stylesheet" href)="([^"]+)"', docs.text)
    assert scripts == [
        "/static/swagger-ui-5.35.0.css",
        "/static/swagger-ui-bundle-5.35.0.js",
        "/static/newsgraph-docs-1.0.0.js",
    ]
    for url in scripts:
        assert client.get(url).status_code == 200, url
    assert 'data-openapi-url="/api/openapi.json"' in docs.text
    assert "Apache License" in client.get("/static/swagger-ui-5.35.0.LICENSE").text
